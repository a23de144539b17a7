"""Clusters and blocks (cụm, khối thi đua, LAW.md §4.2): announcement, election of head and deputy
by rotation, covenant, score sheet (self-scores, cross-scores, the head's aggregation and ranking)
and the suy tôn secret ballot.

Final score (docs/emulation.md): for each criterion, the mean of the cross-scores the member received
from the other members (its self-score is evidence, not counted), capped at the criterion's maximum;
the criterion's contribution is that mean × its weight; the final score is the sum of contributions.
"""

import random
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from tdkt.accounts.models import Role
from tdkt.core.admin import record_audit
from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.core.uploads import check_upload
from tdkt.emulation.models import (
    Ballot, BallotChoice, BallotRound, BallotVoter, Covenant, EmulationGroup, GroupMembership, GroupResult, Score,
    ScoreCriterion,
)
from tdkt.emulation.services import BOARD_ROLES

R = GroupMembership.GroupRole
MEMBER_ROLES = frozenset({Role.UNIT_CLERK, Role.UNIT_HEAD})
TWO_PLACES = Decimal("0.01")


# --- Who may act ----------------------------------------------------------------------------------

def memberships_of(group) -> list[GroupMembership]:
    """The group's memberships with their units. A page prefetches them once
    (``groups_with_members``) and every helper below reuses that list, so the number of queries
    does not grow with the number of members."""
    cached = getattr(group, "_prefetched_objects_cache", {}).get("memberships")
    if cached is not None:
        return list(cached)
    return list(group.memberships.select_related("unit"))


def groups_with_members(qs):
    from django.db.models import Prefetch
    return qs.prefetch_related(Prefetch("memberships", queryset=GroupMembership.objects.select_related("unit")))


def member_units(group) -> list:
    return sorted((m.unit for m in memberships_of(group)), key=lambda u: (u.name, u.pk))


def acting_member(actor, group):
    """The member unit the actor speaks for (a clerk or head of a member unit), or None."""
    if actor.role not in MEMBER_ROLES:
        return None
    return next((u for u in member_units(group) if u.pk == actor.unit_id), None)


def is_head_unit_user(actor, group) -> bool:
    head = next((m.unit_id for m in memberships_of(group) if m.role == R.HEAD), None)
    return actor.role in MEMBER_ROLES and head is not None and actor.unit_id == head


def can_run_group(actor, group) -> bool:
    """The Board (organiser of the province's clusters) or the current head's unit."""
    return actor.role in BOARD_ROLES or is_head_unit_user(actor, group)


def _require_run(actor, group):
    if not can_run_group(actor, group):
        raise PermissionDenied(_("Only the cluster head's unit or the TĐKT Board can do this."))


# --- Announcement, election and rotation ----------------------------------------------------------

@transaction.atomic
def announce_group(group: EmulationGroup, *, actor, document: str, announced_on: date) -> EmulationGroup:
    if actor.role not in BOARD_ROLES:
        raise PermissionDenied(_("Only the TĐKT Board announces the clusters and blocks."))
    if not document.strip():
        raise DomainError(_("Enter the number of the announcing decision."), field="announcement_document")
    group.announcement_document = document.strip()
    group.announced_on = announced_on
    group.save(update_fields=["announcement_document", "announced_on", "updated_at"])
    return group


def _started(group) -> bool:
    """Once the members have signed, scored or voted, the membership is what they acted on."""
    return (Covenant.objects.filter(group=group).exists() or Score.objects.filter(criterion__group=group).exists()
            or BallotRound.objects.filter(group=group).exists())


@transaction.atomic
def save_group(group: EmulationGroup | None, *, actor, name: str, kind: str, year, organiser,
               is_regional: bool = False, document: str = "", announced_on: date | None = None,
               members=()) -> EmulationGroup:
    """The Board announces (creates or edits) a cluster or block of a year with its members.
    ``members`` is a list of (unit, role, rotation_order); at most one head and one deputy.
    Members cannot change once the covenant, the scores or the ballot exist."""
    if actor.role not in BOARD_ROLES:
        raise PermissionDenied(_("Only the TĐKT Board announces the clusters and blocks."))
    name = (name or "").strip()
    if not name:
        raise DomainError(_("Enter the name of the cluster or block."), field="name")
    if kind not in EmulationGroup.Kind.values:
        raise DomainError(_("Choose whether it is a cluster or a block."), field="kind")
    try:
        year = int(year)
    except (TypeError, ValueError):
        year = 0
    if not 2000 <= year <= 2100:
        raise DomainError(_("Enter the year (for example 2026)."), field="year")
    if organiser is None:
        raise DomainError(_("Choose the organising unit."), field="organiser")
    if (document or "").strip() and announced_on is None:
        raise DomainError(_("Enter the date of the announcing decision."), field="announced_on")
    duplicate = EmulationGroup.objects.filter(name__iexact=name, year=year)
    if group is not None and group.pk:
        duplicate = duplicate.exclude(pk=group.pk)
    if duplicate.exists():
        raise DomainError(_("There is already a group named “%(name)s” in %(year)d.") % {"name": name, "year": year},
                          field="name")
    members = list(members)
    seen, rows = set(), []
    for unit, role, order in members:
        if unit.pk in seen:
            raise DomainError(_("%(unit)s is listed twice.") % {"unit": unit}, field="members")
        if role not in R.values:
            raise DomainError(_("%(unit)s: choose a valid role.") % {"unit": unit}, field="members")
        seen.add(unit.pk)
        rows.append((unit, role, order))
    if len(rows) < 2:
        raise DomainError(_("A cluster or block needs at least two members."), field="members")
    if sum(1 for _u, r, _o in rows if r == R.HEAD) > 1:
        raise DomainError(_("Only one member can be the head of the group."), field="members")
    if sum(1 for _u, r, _o in rows if r == R.DEPUTY) > 1:
        raise DomainError(_("Only one member can be the deputy of the group."), field="members")
    creating = group is None or not group.pk
    if creating:
        group = EmulationGroup()
    else:
        group = EmulationGroup.objects.select_for_update().get(pk=group.pk)
        current = {(m.unit_id, m.role, m.rotation_order) for m in group.memberships.all()}
        wanted = {(u.pk, r, o) for u, r, o in rows}
        if {c[0] for c in current} != {w[0] for w in wanted} and _started(group):
            raise DomainError(_("The members have already signed, scored or voted: the member list can no longer "
                                "change."), field="members")
        if year != group.year and _started(group):
            raise DomainError(_("The members have already signed, scored or voted: the year can no longer change."),
                              field="year")
    group.name, group.kind, group.year, group.organiser = name, kind, year, organiser
    group.is_regional = bool(is_regional)
    group.announcement_document = (document or "").strip()
    group.announced_on = announced_on
    group.save()
    keep = {u.pk for u, _r, _o in rows}
    group.memberships.exclude(unit_id__in=keep).delete()
    existing = {m.unit_id: m for m in group.memberships.all()}
    for unit, role, order in rows:
        membership = existing.get(unit.pk) or GroupMembership(group=group, unit=unit)
        membership.role, membership.rotation_order = role, order
        membership.save()
    record_audit(actor, "created" if creating else "changed", group, {
        "name": name, "kind": kind, "year": year, "announcement_document": group.announcement_document,
        "members": [[u.code, r, o] for u, r, o in rows]})
    return group


@transaction.atomic
def copy_groups(*, actor, from_year: int, to_year: int) -> list[EmulationGroup]:
    """Start a year from the previous one: each group of ``from_year`` not yet in ``to_year`` is
    copied with its members, turn order and score criteria. The roles follow the rotation (the
    member after the head becomes head, the next one deputy); the members confirm them by electing.
    The announcement is left empty: it is the new year's decision."""
    if actor.role not in BOARD_ROLES:
        raise PermissionDenied(_("Only the TĐKT Board announces the clusters and blocks."))
    if from_year == to_year:
        raise DomainError(_("Choose a different year to copy from."), field="from_year")
    sources = list(groups_with_members(EmulationGroup.objects.filter(year=from_year)).prefetch_related("criteria"))
    if not sources:
        raise DomainError(_("There is no cluster or block in %(year)d to copy.") % {"year": from_year},
                          field="from_year")
    taken = {n.casefold() for n in EmulationGroup.objects.filter(year=to_year).values_list("name", flat=True)}
    created = []
    for source in sources:
        if source.name.casefold() in taken:
            continue
        head, deputy = proposed_officers(source)
        group = EmulationGroup.objects.create(name=source.name, kind=source.kind, year=to_year,
                                              organiser_id=source.organiser_id, is_regional=source.is_regional)
        GroupMembership.objects.bulk_create([
            GroupMembership(group=group, unit=m.unit, rotation_order=m.rotation_order,
                            role=R.HEAD if head and m.unit_id == head.pk else
                            R.DEPUTY if deputy and m.unit_id == deputy.pk else R.MEMBER)
            for m in memberships_of(source)])
        ScoreCriterion.objects.bulk_create([
            ScoreCriterion(group=group, order=c.order, name=c.name, max_points=c.max_points, weight=c.weight)
            for c in source.criteria.all()])
        record_audit(actor, "created", group, {"copied_from": source.pk, "year": to_year})
        created.append(group)
    if not created:
        raise DomainError(_("Every group of %(from)d already exists in %(to)d: nothing to copy.")
                          % {"from": from_year, "to": to_year}, code="nothing")
    return created


def rotation(group) -> list[GroupMembership]:
    """Members in their turn order: the stored rotation order, then by name."""
    members = memberships_of(group)
    return sorted(members, key=lambda m: (m.rotation_order is None, m.rotation_order or 0, m.unit.name))


def proposed_officers(group) -> tuple:
    """Next year's head and deputy by rotation: the member after the current head takes over, the
    one after it becomes deputy (Hà Nội HD 01/2021: chosen by turns at the year-end meeting)."""
    order = rotation(group)
    if len(order) < 2:
        return (order[0].unit if order else None), None
    heads = [i for i, m in enumerate(order) if m.role == R.HEAD]
    start = heads[0] + 1 if heads else 0
    return order[start % len(order)].unit, order[(start + 1) % len(order)].unit


@transaction.atomic
def elect_officers(group: EmulationGroup, *, actor, head, deputy) -> EmulationGroup:
    """Record the head and deputy the members chose (the Board or the outgoing head records it)."""
    _require_run(actor, group)
    units = {m.unit_id: m for m in group.memberships.all()}
    if head.pk not in units:
        raise DomainError(_("%(unit)s is not a member of this group.") % {"unit": head}, field="head")
    if deputy.pk not in units:
        raise DomainError(_("%(unit)s is not a member of this group.") % {"unit": deputy}, field="deputy")
    if head.pk == deputy.pk:
        raise DomainError(_("The head and the deputy must be different members."), field="deputy")
    group.memberships.exclude(unit_id__in=(head.pk, deputy.pk)).update(role=R.MEMBER)
    group.memberships.filter(unit=head).update(role=R.HEAD)
    group.memberships.filter(unit=deputy).update(role=R.DEPUTY)
    return group


# --- Covenant -------------------------------------------------------------------------------------

@transaction.atomic
def record_covenant(group: EmulationGroup, *, actor, signed_on: date, uploaded, signatories) -> Covenant:
    _require_run(actor, group)
    if hasattr(group, "covenant"):
        raise DomainError(_("The covenant of this group is already recorded."), code="exists")
    if uploaded is None:
        raise DomainError(_("Attach the signed covenant."), field="document")
    check_upload(uploaded)
    members = {u.pk for u in member_units(group)}
    signatories = list(signatories)
    if not signatories:
        raise DomainError(_("Tick the members who signed the covenant."), field="signatories")
    outsiders = [str(u) for u in signatories if u.pk not in members]
    if outsiders:
        raise DomainError(_("Not members of this group: %(units)s.") % {"units": ", ".join(outsiders)},
                          field="signatories")
    covenant = Covenant(group=group, signed_on=signed_on, original_name=uploaded.name[:255], recorded_by=actor)
    covenant.document.save(uploaded.name, uploaded, save=False)
    covenant.save()
    covenant.signatories.set(signatories)
    return covenant


# --- Score sheet ----------------------------------------------------------------------------------

def _scoring_open(group):
    if group.results.exists():
        raise DomainError(_("The scores are aggregated; the score sheet is closed."), code="wrong_state")


def _number(value, message, field) -> Decimal:
    """A finite decimal typed by a user ("8,5" or "8.5"); "NaN", "Infinity" and words are refused
    with ``message`` (a NaN would otherwise break every comparison with a 500)."""
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except ArithmeticError:
        number = None
    if number is None or not number.is_finite():
        raise DomainError(message, field=field)
    return number


@transaction.atomic
def add_score_criterion(group: EmulationGroup, *, actor, name: str, max_points, weight=1) -> ScoreCriterion:
    _require_run(actor, group)
    _scoring_open(group)
    if not name.strip():
        raise DomainError(_("Enter the criterion."), field="name")
    max_points = _number(max_points, _("Enter the maximum points as a number."), "max_points")
    weight = _number(weight, _("Enter the weight as a number."), "weight")
    if not 0 < max_points <= 1000:
        raise DomainError(_("The maximum points must be above zero and at most 1000."), field="max_points")
    if not 0 < weight < 100:
        raise DomainError(_("The weight must be above zero and below 100."), field="weight")
    return ScoreCriterion.objects.create(group=group, name=name.strip(), max_points=max_points, weight=weight,
                                         order=group.criteria.count() + 1)


@transaction.atomic
def record_score(criterion: ScoreCriterion, *, actor, scored_unit, points, evidence: str = "",
                 on_behalf_of=None) -> Score:
    """A member scores itself (with evidence) or another member (a cross-score). The cluster's
    secretariat (the head's unit, Hà Nội HD 01/2021) may enter a member's paper score sheet with
    ``on_behalf_of``; the score then records who entered it."""
    group = criterion.group
    if on_behalf_of is not None:
        if not is_head_unit_user(actor, group):
            raise PermissionDenied(_("Only the cluster head's unit enters score sheets for other members."))
        scorer = next((u for u in member_units(group) if u.pk == on_behalf_of.pk), None)
        if scorer is None:
            raise DomainError(_("%(unit)s is not a member of this group.") % {"unit": on_behalf_of},
                              field="on_behalf_of")
    else:
        scorer = acting_member(actor, group)
    if scorer is None:
        raise PermissionDenied(_("Only the clerk or head of a member unit scores in this group."))
    _scoring_open(group)
    if scored_unit.pk not in {u.pk for u in member_units(group)}:
        raise DomainError(_("%(unit)s is not a member of this group.") % {"unit": scored_unit}, field="scored_unit")
    points = _number(points, _("“%(criterion)s”: enter the points as a number.") % {"criterion": criterion.name},
                     "points")
    if points < 0 or points > criterion.max_points:
        raise DomainError(_("“%(criterion)s”: the points must be between 0 and %(max)s.")
                          % {"criterion": criterion.name, "max": criterion.max_points}, field="points")
    if scorer.pk == scored_unit.pk and not evidence.strip():
        raise DomainError(_("“%(criterion)s”: give the evidence for your self-score.") % {"criterion": criterion.name},
                          field="evidence")
    score, _created = Score.objects.update_or_create(
        criterion=criterion, scored_unit=scored_unit, scorer_unit=scorer,
        defaults={"points": points, "evidence": evidence.strip(), "scored_by": actor})
    return score


def compute_ranking(group, criteria=None) -> list[dict]:
    """The ranking from the current scores (the definition is in this module's docstring).
    Each row: unit, total, rank, per-criterion {self, cross_mean, cross_count, contribution}."""
    criteria = list(group.criteria.all()) if criteria is None else criteria
    units = member_units(group)
    scores: dict = {}
    for s in Score.objects.filter(criterion__group=group):
        scores.setdefault((s.scored_unit_id, s.criterion_id), []).append(s)
    rows = []
    for unit in units:
        lines, total = [], Decimal(0)
        for c in criteria:
            received = scores.get((unit.pk, c.pk), [])
            own = next((s for s in received if s.is_self), None)
            cross = [s.points for s in received if not s.is_self]
            mean = min(sum(cross) / len(cross), c.max_points) if cross else None
            contribution = (mean * c.weight).quantize(TWO_PLACES, ROUND_HALF_UP) if mean is not None else None
            total += contribution or 0
            lines.append({"criterion": c, "self": own.points if own else None,
                          "evidence": own.evidence if own else "",
                          "cross_mean": mean.quantize(TWO_PLACES, ROUND_HALF_UP) if mean is not None else None,
                          "cross_count": len(cross), "contribution": contribution})
        rows.append({"unit": unit, "total": total.quantize(TWO_PLACES), "lines": lines})
    rows.sort(key=lambda r: (-r["total"], r["unit"].name))
    rank, previous = 0, None
    for i, row in enumerate(rows, start=1):
        if row["total"] != previous:
            rank, previous = i, row["total"]
        row["rank"] = rank
    return rows


def missing_scores(group, ranking=None) -> list[str]:
    """What keeps the head from aggregating: a member without a self-score or a cross-score."""
    problems = []
    for row in compute_ranking(group) if ranking is None else ranking:
        for line in row["lines"]:
            if line["self"] is None:
                problems.append(_("%(unit)s has not self-scored “%(criterion)s”")
                                % {"unit": row["unit"], "criterion": line["criterion"].name})
            if not line["cross_count"]:
                problems.append(_("nobody has cross-scored %(unit)s on “%(criterion)s”")
                                % {"unit": row["unit"], "criterion": line["criterion"].name})
    return problems


@transaction.atomic
def aggregate_scores(group: EmulationGroup, *, actor) -> list[GroupResult]:
    """The head's unit closes the sheet and stores each member's final score and rank."""
    if not is_head_unit_user(actor, group):
        raise PermissionDenied(_("Only the cluster head's unit aggregates the scores."))
    _scoring_open(group)
    if not group.criteria.exists():
        raise DomainError(_("The score sheet has no criteria."), code="empty")
    problems = missing_scores(group)
    if problems:
        raise DomainError(_("The scores cannot be aggregated yet: %(problems)s.") % {"problems": "; ".join(problems)},
                          code="incomplete")
    results = [GroupResult(group=group, unit=row["unit"], total=row["total"], rank=row["rank"], aggregated_by=actor,
                           contributions={str(line["criterion"].pk): str(line["contribution"])
                                          for line in row["lines"]})
               for row in compute_ranking(group)]
    return GroupResult.objects.bulk_create(results)


# --- Suy tôn: the secret ballot ---------------------------------------------------------------------

QUORUM = Decimal(2) / Decimal(3)   # Hà Nội HD 01/2021: cluster meetings valid with ≥ 2/3 of members (P)


@transaction.atomic
def open_ballot(group: EmulationGroup, *, actor, held_on: date, flag_seats: int = 1, merit_seats: int = 2
                ) -> BallotRound:
    _require_run(actor, group)
    if hasattr(group, "ballot_round"):
        raise DomainError(_("The suy tôn ballot of this group is already open."), code="exists")
    members = member_units(group)
    if len(members) < 3:
        raise DomainError(_("A secret ballot needs at least three members."), code="too_small")
    if flag_seats < 1 or flag_seats + merit_seats >= len(members) + 1:
        raise DomainError(_("The number of proposals must be at least one and less than the number of members."),
                          field="flag_seats")
    round_ = BallotRound.objects.create(group=group, held_on=held_on, flag_seats=flag_seats, merit_seats=merit_seats)
    # Every member's voter row exists from the start, so the table's order says nothing about
    # who voted when; casting only flips has_voted.
    BallotVoter.objects.bulk_create([BallotVoter(round=round_, unit=u) for u in members])
    return round_


def _check_choices(round_: BallotRound, flag_units, merit_units) -> list[tuple]:
    members = {u.pk for u in member_units(round_.group)}
    flag_units, merit_units = list(flag_units), list(merit_units)
    if not flag_units:
        raise DomainError(_("Choose at least one unit for the emulation flag."), field="flag_units")
    if len(flag_units) > round_.flag_seats:
        raise DomainError(_("Choose at most %(n)d unit(s) for the emulation flag.") % {"n": round_.flag_seats},
                          field="flag_units")
    if len(merit_units) > round_.merit_seats:
        raise DomainError(_("Choose at most %(n)d unit(s) for certificates of merit.") % {"n": round_.merit_seats},
                          field="merit_units")
    if {u.pk for u in flag_units} & {u.pk for u in merit_units}:
        raise DomainError(_("A unit cannot be chosen both for the flag and for a certificate of merit."),
                          field="merit_units")
    if any(u.pk not in members for u in flag_units + merit_units):
        raise DomainError(_("Choose only members of this group."), field="flag_units")
    return [(u.pk, BallotChoice.Choice.FLAG) for u in flag_units] + [(u.pk, BallotChoice.Choice.MERIT)
                                                                     for u in merit_units]


def _store_ballot(round_: BallotRound, choices: list[tuple]) -> None:
    choices = list(choices)
    random.SystemRandom().shuffle(choices)
    ballot = Ballot.objects.create(round=round_)
    BallotChoice.objects.bulk_create([BallotChoice(ballot=ballot, unit_id=u, choice=c) for u, c in choices])


def _open_round(round_: BallotRound) -> BallotRound:
    round_ = BallotRound.objects.select_for_update().select_related("group").get(pk=round_.pk)
    if round_.status != BallotRound.Status.OPEN:
        raise DomainError(_("The ballot is closed."), code="wrong_state")
    return round_


@transaction.atomic
def cast_ballot(round_: BallotRound, *, actor, flag_units, merit_units) -> None:
    """One ballot per member unit. Returns nothing: not even the ballot's key leaves this function,
    so nothing the voter sees can be matched to the stored ballot."""
    round_ = _open_round(round_)
    voter_unit = acting_member(actor, round_.group)
    if voter_unit is None:
        raise PermissionDenied(_("Only the clerk or head of a member unit votes in this group."))
    voter = BallotVoter.objects.select_for_update().get(round=round_, unit=voter_unit)
    if voter.has_voted:
        raise DomainError(_("%(unit)s has already voted.") % {"unit": voter_unit}, code="already_voted")
    _store_ballot(round_, _check_choices(round_, flag_units, merit_units))
    voter.has_voted = True
    voter.save(update_fields=["has_voted"])


@transaction.atomic
def record_paper_ballots(round_: BallotRound, *, actor, voters, ballots) -> None:
    """The vote-counting board enters a meeting's paper ballots: the members who handed one in, and
    the ballots' contents in any order (they carry no name). Both lists must have the same length."""
    round_ = _open_round(round_)
    _require_run(actor, round_.group)
    voters, ballots = list(voters), list(ballots)
    if len(ballots) < 2:
        raise DomainError(_("Enter the meeting's paper ballots together: a single ballot would reveal its voter."),
                          field="ballots")
    if len(voters) != len(ballots):
        raise DomainError(_("%(ballots)d ballots for %(voters)d members who voted: the numbers must match.")
                          % {"ballots": len(ballots), "voters": len(voters)}, field="ballots")
    rows = list(BallotVoter.objects.select_for_update().filter(round=round_, unit__in=voters))
    if len(rows) != len({u.pk for u in voters}) or len(rows) != len(voters):
        raise DomainError(_("Each voter must be a different member of this group."), field="voters")
    voted = [str(r.unit) for r in rows if r.has_voted]
    if voted:
        raise DomainError(_("Already voted: %(units)s.") % {"units": ", ".join(voted)}, field="voters")
    contents = [_check_choices(round_, flag, merit) for flag, merit in ballots]
    random.SystemRandom().shuffle(contents)
    for content in contents:
        _store_ballot(round_, content)
    BallotVoter.objects.filter(pk__in=[r.pk for r in rows]).update(has_voted=True)


def tally(round_: BallotRound) -> list[dict]:
    """Totals per member, the only view of the ballots anybody gets."""
    counts: dict = {}
    for unit_id, choice in BallotChoice.objects.filter(ballot__round=round_).values_list("unit_id", "choice"):
        counts.setdefault(unit_id, {"flag": 0, "merit": 0})[choice] += 1
    rows = [{"unit": u, **counts.get(u.pk, {"flag": 0, "merit": 0})} for u in member_units(round_.group)]
    return rows


def proposals(round_: BallotRound) -> dict:
    """Who is proposed: for the flag, the ``flag_seats`` units with the most flag votes and more
    than half of the ballots; for certificates of merit, up to ``merit_seats`` others with more than
    half of the ballots counting flag and merit votes. Ties are broken by the aggregated score
    rank, then left undecided (named in ``ties``)."""
    ballots = round_.ballots.count()
    ranks = dict(round_.group.results.values_list("unit_id", "rank"))
    rows = tally(round_)

    def pick(candidates, key, seats):
        candidates = [r for r in candidates if key(r) * 2 > ballots]
        candidates.sort(key=lambda r: (-key(r), ranks.get(r["unit"].pk, 10_000)))
        chosen = candidates[:seats]
        tie = (len(candidates) > seats and key(candidates[seats]) == key(chosen[-1])
               and ranks.get(candidates[seats]["unit"].pk) == ranks.get(chosen[-1]["unit"].pk))
        return chosen, ([candidates[seats]["unit"], chosen[-1]["unit"]] if tie else [])

    flag, flag_ties = pick(rows, lambda r: r["flag"], round_.flag_seats)
    taken = {r["unit"].pk for r in flag}
    merit, merit_ties = pick([r for r in rows if r["unit"].pk not in taken], lambda r: r["flag"] + r["merit"],
                             round_.merit_seats)
    return {"ballots": ballots, "flag": [r["unit"] for r in flag], "merit": [r["unit"] for r in merit],
            "ties": flag_ties + merit_ties}


def _count_record(round_: BallotRound, rows, result) -> str:
    # A record kept with the group: written in the official language, whoever closes the ballot.
    with translation.override(settings.LANGUAGE_CODE):
        return _count_record_text(round_, rows, result)


def _count_record_text(round_: BallotRound, rows, result) -> str:
    group = round_.group
    voters = round_.voters.count()
    lines = [
        _("COUNT RECORD OF THE SUY TÔN BALLOT"),
        _("%(group)s, year %(year)d; held on %(date)s.") % {"group": group.name, "year": group.year,
                                                              "date": round_.held_on.strftime("%d/%m/%Y")},
        _("Members: %(members)d; ballots cast: %(ballots)d; valid ballots: %(ballots)d.")
        % {"members": voters, "ballots": result["ballots"]},
        "",
        _("Votes per member (emulation flag / certificate of merit):"),
    ]
    lines += [f"- {r['unit']}: {r['flag']} / {r['merit']}" for r in rows]
    lines += ["", _("Proposed for the emulation flag: %(units)s.") % {"units": ", ".join(map(str, result["flag"])) or "—"},
              _("Proposed for certificates of merit: %(units)s.") % {"units": ", ".join(map(str, result["merit"])) or "—"}]
    return "\n".join(lines)


@transaction.atomic
def close_ballot(round_: BallotRound, *, actor) -> BallotRound:
    round_ = BallotRound.objects.select_for_update().select_related("group").get(pk=round_.pk)
    _require_run(actor, round_.group)
    if round_.status != BallotRound.Status.OPEN:
        raise DomainError(_("The ballot is already counted."), code="wrong_state")
    voters = round_.voters.count()
    voted = round_.voters.filter(has_voted=True).count()
    if voted < QUORUM * voters:
        raise DomainError(_("Only %(voted)d of %(members)d members have voted; at least two thirds must vote.")
                          % {"voted": voted, "members": voters}, code="quorum")
    _reshuffle(round_)
    rows = tally(round_)
    result = proposals(round_)
    if result["ties"]:
        raise DomainError(_("Tie between %(units)s: vote again on these units.")
                          % {"units": ", ".join(map(str, result["ties"]))}, code="tie")
    round_.count_record = _count_record(round_, rows, result)
    round_.status = BallotRound.Status.CLOSED
    round_.save(update_fields=["count_record", "status", "updated_at"])
    return round_


def _reshuffle(round_: BallotRound) -> None:
    """Rewrite the round's ballots with new random keys in a random order, so the physical order
    of the table (SQLite's rowid, PostgreSQL's heap) no longer follows the order of voting."""
    contents = [list(b.choices.values_list("unit_id", "choice")) for b in round_.ballots.prefetch_related("choices")]
    round_.ballots.all().delete()
    random.SystemRandom().shuffle(contents)
    for content in contents:
        ballot = Ballot.objects.create(round=round_)
        BallotChoice.objects.bulk_create([BallotChoice(ballot=ballot, unit_id=u, choice=c) for u, c in content])


@transaction.atomic
def link_proposal_dossier(round_: BallotRound, dossier_code: str) -> None:
    """Remember the dossier the proposals became (created by the nominations layer)."""
    BallotRound.objects.filter(pk=round_.pk).update(dossier_code=dossier_code)
