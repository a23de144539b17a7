"""Use cases of dossiers. Each is atomic; status moves go through workflow.apply_transition,
which writes the timeline; other changes write their own timeline events.
"""

from datetime import date

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.models import Role
from tdkt.organizations.scope import in_scope
from tdkt.catalogue.models import Authority, CatalogueEntry
from tdkt.core.calendar import nth_working_day
from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.core.uploads import check_upload
from tdkt.decisions import services as decision_services
from tdkt.nominations.models import (
    Attachment, Consultation, ConsultationComment, Council, CouncilSession, Dossier, DossierKind,
    Nomination, Status, SupplementItem, TimelineEvent, Vote, Attendance,
)
from tdkt.nominations.workflow import apply_transition, check_transition

EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})


def _locked(dossier: Dossier) -> Dossier:
    """Re-read and lock the dossier row: checks then see the committed status, not a stale copy."""
    return Dossier.objects.select_for_update().select_related("unit").get(pk=dossier.pk)


def _log(dossier, event_type: str, actor, note: str = "") -> None:
    TimelineEvent.objects.create(dossier=dossier, event_type=event_type, actor=actor, note=note)


def _require_role(actor, *roles) -> None:
    if actor.role not in roles:
        raise PermissionDenied(_("Your role (%(role)s) cannot do this.") % {"role": actor.get_role_display()})


def _require_editable(dossier: Dossier, actor) -> None:
    _require_role(actor, Role.UNIT_CLERK)
    if not in_scope(actor, dossier.unit):
        raise PermissionDenied(_("This dossier belongs to a unit outside your scope."))
    if dossier.status not in EDITABLE:
        raise DomainError(_("The dossier is “%(status)s” and can no longer be edited.")
                          % {"status": dossier.get_status_display()}, code="wrong_state")


def _next_code(year: int) -> str:
    prefix = f"HS-{year}-"
    last = (Dossier.objects.filter(code__startswith=prefix).order_by("-code")
            .values_list("code", flat=True).first())
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


# --- Clerk: building a dossier ---------------------------------------------------

@transaction.atomic
def create_dossier(*, actor, unit, title: str, kind: str, year: int, movement=None) -> Dossier:
    _require_role(actor, Role.UNIT_CLERK)
    if not in_scope(actor, unit):
        raise PermissionDenied(_("You can only create dossiers for your unit and the units under it."))
    if not title.strip():
        raise DomainError(_("Enter a title for the dossier."), field="title")
    if kind not in DossierKind.values:
        raise DomainError(_("Choose a kind of dossier."), field="kind")
    this_year = timezone.localdate().year
    if not (2000 <= year <= this_year + 1):
        raise DomainError(_("The achievement year must be between 2000 and %(max)d.") % {"max": this_year + 1},
                          field="year")
    if movement is not None and movement.is_thematic and kind != DossierKind.THEMATIC:
        # Awards of a thematic movement must not count as annual achievements later (NĐ 152/2025 Đ4 k3).
        raise DomainError(_("A dossier for the thematic movement “%(movement)s” must be of the kind "
                            "“thematic movement”.") % {"movement": movement.name}, field="kind")
    dossier = Dossier.objects.create(code=_next_code(year), title=title.strip(), kind=kind, unit=unit,
                                     year=year, created_by=actor, movement=movement)
    _log(dossier, "dossier.created", actor)
    return dossier


def _check_entry(entry: CatalogueEntry, subject, dossier: Dossier) -> None:
    from tdkt.organizations.models import Collective, Household, Person

    kind = {Person: "person", Collective: "collective", Household: "household"}[type(subject)]
    if kind not in entry.subject_kinds:
        raise DomainError(_("%(entry)s is not awarded to this kind of subject.") % {"entry": entry.name},
                          field="entry")
    state_dossier = dossier.kind == DossierKind.STATE_LEVEL
    if (entry.level == "state") != state_dossier:
        raise DomainError(
            _("%(entry)s is a state-level award: propose it in a state-level dossier.") % {"entry": entry.name}
            if not state_dossier else
            _("A state-level dossier holds only state-level awards; %(entry)s is decided by the province or below.")
            % {"entry": entry.name}, field="entry")
    on = timezone.localdate()
    if (entry.valid_from and entry.valid_from > on) or (entry.valid_to and entry.valid_to < on):
        raise DomainError(_("%(entry)s is not in force today; choose the entry of the current regime.")
                          % {"entry": entry.name}, field="entry")


@transaction.atomic
def add_nomination(dossier: Dossier, *, actor, subject, entry: CatalogueEntry, achievement_summary: str,
                   position_text: str = "", period_from_year=None, period_to_year=None) -> Nomination:
    _require_editable(dossier, actor)
    if not in_scope(actor, subject.unit):
        raise PermissionDenied(_("The nominee belongs to a unit outside your scope."))
    if not achievement_summary.strip():
        raise DomainError(_("Enter a summary of the achievement."), field="achievement_summary")
    _check_entry(entry, subject, dossier)
    duplicate = dossier.nominations.filter(entry__code=entry.code)
    duplicate = duplicate.filter(**{type(subject).__name__.lower(): subject})
    if duplicate.exists():
        raise DomainError(_("%(name)s is already proposed for %(entry)s in this dossier.")
                          % {"name": subject, "entry": entry.name}, field="entry")
    if period_from_year and period_to_year and period_from_year > period_to_year:
        raise DomainError(_("The achievement period starts after it ends."), field="period_from_year")
    nomination = Nomination(dossier=dossier, entry=entry, achievement_summary=achievement_summary.strip(),
                            position_text=position_text.strip(),
                            period_from_year=period_from_year or dossier.year,
                            period_to_year=period_to_year or dossier.year)
    nomination.set_subject(subject)
    nomination.save()
    _log(dossier, "nomination.added", actor, f"{subject} – {entry.name}")
    return nomination


@transaction.atomic
def remove_nomination(nomination: Nomination, *, actor) -> None:
    dossier = nomination.dossier
    _require_editable(dossier, actor)
    label = str(nomination)
    nomination.delete()
    _log(dossier, "nomination.removed", actor, label)


@transaction.atomic
def add_attachment(dossier: Dossier, *, actor, kind: str, uploaded, nomination: Nomination | None = None
                   ) -> Attachment:
    from tdkt.catalogue.models import AttachmentKind

    _require_editable(dossier, actor)
    if kind not in AttachmentKind.values:
        raise DomainError(_("Choose the type of document."), field="kind")
    if nomination is not None and nomination.dossier_id != dossier.pk:
        raise DomainError(_("That nominee is not in this dossier."), field="nomination")
    check_upload(uploaded)
    attachment = Attachment(dossier=dossier, nomination=nomination, kind=kind, original_name=uploaded.name[:255],
                            size=uploaded.size, uploaded_by=actor)
    attachment.file.save(uploaded.name, uploaded, save=False)
    attachment.save()
    _log(dossier, "attachment.added", actor, f"{attachment.get_kind_display()}: {attachment.original_name}")
    return attachment


@transaction.atomic
def remove_attachment(attachment: Attachment, *, actor) -> None:
    dossier = attachment.dossier
    _require_editable(dossier, actor)
    label = str(attachment)
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    # The file goes only once the deletion is committed, so a rollback loses nothing.
    transaction.on_commit(lambda: storage.delete(name))
    _log(dossier, "attachment.removed", actor, label)


# --- Unit: approval and submission ------------------------------------------------

@transaction.atomic
def request_approval(dossier: Dossier, *, actor, note: str = "") -> Dossier:
    dossier = apply_transition(dossier, "request_approval", actor=actor, note=note)
    SupplementItem.objects.filter(dossier=dossier, resolved_at__isnull=True).update(resolved_at=timezone.now())
    return dossier


def send_back(dossier: Dossier, *, actor, note: str) -> Dossier:
    return apply_transition(dossier, "send_back", actor=actor, note=note)


def submit_dossier(dossier: Dossier, *, actor, note: str = "") -> Dossier:
    return apply_transition(dossier, "submit", actor=actor, note=note)


def withdraw_dossier(dossier: Dossier, *, actor, note: str) -> Dossier:
    return apply_transition(dossier, "withdraw", actor=actor, note=note)


# --- Board: receipt, return, appraisal ------------------------------------------

def receive_dossier(dossier: Dossier, *, actor, note: str = "") -> Dossier:
    return apply_transition(dossier, "receive", actor=actor, note=note)


@transaction.atomic
def return_for_supplement(dossier: Dossier, *, actor, reason: str,
                          items: list[tuple[Nomination | None, str]] = ()) -> Dossier:
    """Return the dossier; ``items`` are the precise things to fix, per nominee or for the whole dossier."""
    items = [(nomination, text.strip()) for nomination, text in items if text and text.strip()]
    for nomination, _text in items:
        if nomination is not None and nomination.dossier_id != dossier.pk:
            raise DomainError(_("That nominee is not in this dossier."), field="items")
    dossier = apply_transition(dossier, "return_for_supplement", actor=actor, note=reason)
    for nomination, text in items:
        SupplementItem.objects.create(dossier=dossier, nomination=nomination, text=text, requested_by=actor)
    return dossier


@transaction.atomic
def appraise_nomination(nomination: Nomination, *, actor, verdict: str, comment: str = "",
                        eligibility: dict | None = None) -> Nomination:
    """The officer's verdict, starting from the rules' result (``eligibility``, computed here when not
    given). Proposing a nominee the rules find not eligible is an override: it needs a written reason,
    which the timeline keeps."""
    from tdkt.nominations.eligibility import check_nominations, failed_rules

    _require_role(actor, Role.BOARD_OFFICER)
    dossier = nomination.dossier
    if dossier.status != Status.RECEIVED:
        raise DomainError(_("Nominations can be appraised only while the dossier is being appraised."),
                          code="wrong_state")
    if verdict not in Nomination.Verdict.values:
        raise DomainError(_("Choose a verdict."), field="verdict")
    if verdict == Nomination.Verdict.DISAGREE and not comment.strip():
        raise DomainError(_("Explain why this nominee should not be proposed."), field="comment")
    if eligibility is None:
        eligibility = check_nominations([nomination])[0]
    overriding = verdict == Nomination.Verdict.AGREE and eligibility["verdict"] == "not_eligible"
    if overriding and not comment.strip():
        raise DomainError(_("The rules find this nominee not eligible (%(rules)s). To propose them anyway, "
                            "write your reason in the comment.") % {"rules": ", ".join(failed_rules(eligibility))},
                          field="comment", code="override_needs_reason")
    nomination.appraisal_verdict = verdict
    nomination.appraisal_comment = comment.strip()
    nomination.appraised_by = actor
    nomination.appraised_at = timezone.now()
    nomination.eligibility_verdict = eligibility["verdict"]
    nomination.eligibility_result = eligibility
    nomination.save(update_fields=["appraisal_verdict", "appraisal_comment", "appraised_by", "appraised_at",
                                   "eligibility_verdict", "eligibility_result", "updated_at"])
    note = _("%(subject)s: %(verdict)s (rules: %(check)s)") % {
        "subject": nomination.subject, "verdict": nomination.get_appraisal_verdict_display(),
        "check": nomination.get_eligibility_verdict_display()}
    if overriding:
        note += " – " + _("proposed against the rules' result: %(reason)s") % {"reason": nomination.appraisal_comment}
    elif nomination.appraisal_comment:
        note += f" – {nomination.appraisal_comment}"
    _log(dossier, "nomination.appraised", actor, note)
    return nomination


def complete_appraisal(dossier: Dossier, *, actor, note: str = "") -> Dossier:
    return apply_transition(dossier, "complete_appraisal", actor=actor, note=note)


def reopen_appraisal(dossier: Dossier, *, actor, note: str) -> Dossier:
    return apply_transition(dossier, "reopen_appraisal", actor=actor, note=note)


# --- Public consultation ---------------------------------------------------------

@transaction.atomic
def open_consultation(dossier: Dossier, *, actor, starts_on: date, ends_on: date, channel: str = "") -> Dossier:
    dossier = _locked(dossier)
    check_transition(dossier, "open_consultation", actor=actor)
    if ends_on < starts_on:
        raise DomainError(_("The posting ends before it starts."), field="ends_on")
    needed = max(dossier.nominations.filter(entry__public_posting_required=True)
                 .values_list("entry__public_posting_working_days", flat=True), default=0)
    if needed and ends_on < nth_working_day(starts_on, needed):
        raise DomainError(_("The posting must last at least %(days)d working days (until %(date)s or later).")
                          % {"days": needed, "date": nth_working_day(starts_on, needed).strftime("%d/%m/%Y")},
                          field="ends_on")
    Consultation.objects.update_or_create(dossier=dossier, defaults={
        "starts_on": starts_on, "ends_on": ends_on, "channel": channel.strip() or "Cổng thông tin điện tử tỉnh"})
    dossier.refresh_from_db()
    return apply_transition(dossier, "open_consultation", actor=actor,
                            note=_("Posted from %(start)s to %(end)s") % {
                                "start": starts_on.strftime("%d/%m/%Y"), "end": ends_on.strftime("%d/%m/%Y")})


@transaction.atomic
def record_public_comment(dossier: Dossier, *, actor, author_name: str, body: str, received_on: date,
                          nomination: Nomination | None = None) -> ConsultationComment:
    _require_role(actor, Role.BOARD_OFFICER, Role.BOARD_HEAD)
    consultation = getattr(dossier, "consultation", None)
    if consultation is None:
        raise DomainError(_("This dossier has no public consultation."), code="wrong_state")
    if not body.strip() or not author_name.strip():
        raise DomainError(_("Enter the sender and the comment."), field="body")
    if nomination is not None and nomination.dossier_id != dossier.pk:
        raise DomainError(_("That nominee is not in this dossier."), field="nomination")
    comment = ConsultationComment.objects.create(consultation=consultation, nomination=nomination,
                                                 author_name=author_name.strip(), body=body.strip(),
                                                 received_on=received_on, recorded_by=actor)
    _log(dossier, "consultation.comment_recorded", actor, f"{author_name}: {body[:200]}")
    return comment


def send_to_council(dossier: Dossier, *, actor, note: str = "") -> Dossier:
    return apply_transition(dossier, "send_to_council", actor=actor, note=note)


# --- Council ------------------------------------------------------------------------

@transaction.atomic
def open_council_session(council: Council, *, actor, held_on: date, dossiers, present_user_ids) -> CouncilSession:
    _require_role(actor, Role.COUNCIL_SECRETARY)
    members = list(council.memberships.filter(active=True).select_related("user"))
    if not members:
        raise DomainError(_("The council has no members."))
    dossiers = list(dossiers)
    if not dossiers:
        raise DomainError(_("Choose at least one dossier for the agenda."), field="dossiers")
    for dossier in dossiers:
        if dossier.status != Status.AT_COUNCIL:
            raise DomainError(_("Dossier %(code)s is not before the council.") % {"code": dossier.code},
                              field="dossiers")
    session = CouncilSession.objects.create(council=council, held_on=held_on, total_members=len(members))
    session.dossiers.set(dossiers)
    present = set(present_user_ids)
    Attendance.objects.bulk_create([Attendance(session=session, member=m.user, present=m.user_id in present)
                                    for m in members])
    for dossier in dossiers:
        _log(dossier, "council.session_opened", actor,
             _("Meeting of %(date)s: %(present)d of %(total)d members present") % {
                 "date": held_on.strftime("%d/%m/%Y"), "present": len(present & {m.user_id for m in members}),
                 "total": len(members)})
    return session


@transaction.atomic
def cast_vote(session: CouncilSession, nomination: Nomination, *, actor, choice: str, member=None) -> Vote:
    """A member votes; the secretary records an absent member's written opinion (member=...)."""
    if session.state != CouncilSession.State.OPEN:
        raise DomainError(_("The meeting is closed; votes can no longer change."), code="wrong_state")
    if not session.dossiers.filter(pk=nomination.dossier_id).exists():
        raise DomainError(_("That nominee is not on this meeting's agenda."))
    if nomination.appraisal_verdict != Nomination.Verdict.AGREE:
        raise DomainError(_("The Board did not propose this nominee; there is nothing to vote on."))
    if choice not in Vote.Choice.values:
        raise DomainError(_("Choose agree, disagree or abstain."), field="choice")
    voter = member or actor
    if member is not None and member != actor:
        _require_role(actor, Role.COUNCIL_SECRETARY)
    attendance = session.attendance.filter(member=voter).first()
    if attendance is None:
        raise PermissionDenied(_("Only members of this council can vote."))
    written = not attendance.present
    if written and member is None:
        raise DomainError(_("You were recorded absent: your written opinion is entered by the secretary."))
    if member is not None and member != actor and not written:
        raise DomainError(_("%(name)s is present at the meeting and votes in person.") % {"name": voter},
                          field="member")
    vote, _created = Vote.objects.update_or_create(session=session, nomination=nomination, member=voter,
                                                   defaults={"choice": choice, "written": written})
    return vote


def tally(session: CouncilSession, nomination: Nomination) -> dict:
    """Count votes and decide the result on total membership where the catalogue says so."""
    counts = session.votes.filter(nomination=nomination).aggregate(
        yes=Count("id", filter=Q(choice=Vote.Choice.YES)), no=Count("id", filter=Q(choice=Vote.Choice.NO)),
        abstain=Count("id", filter=Q(choice=Vote.Choice.ABSTAIN)))
    total = session.total_members
    present = session.attendance.filter(present=True).count()
    entry = nomination.entry
    result = {**counts, "total": total, "present": present}
    if entry.council_attendance_threshold and present < entry.council_attendance_threshold * total:
        result.update(passed=False, reason=_("Only %(present)d of %(total)d members attended; %(share)d%% are required.")
                      % {"present": present, "total": total, "share": int(entry.council_attendance_threshold * 100)})
        return result
    if entry.council_vote_threshold:
        share = counts["yes"] / total if total else 0
        passed = share >= entry.council_vote_threshold
        result.update(passed=passed, reason=_("%(yes)d of %(total)d members agreed (%(share).1f%%); %(need)d%% of the total membership is required.")
                      % {"yes": counts["yes"], "total": total, "share": share * 100,
                         "need": int(entry.council_vote_threshold * 100)})
    else:
        # No statutory threshold (LAW.md §3.3, ⚙): a majority of the members taking part, i.e.
        # those present plus absent members who gave a written opinion.
        written = session.votes.filter(nomination=nomination, written=True).count()
        taking_part = present + written
        passed = taking_part > 0 and counts["yes"] * 2 > taking_part
        result.update(passed=passed, reason=_("%(yes)d of %(cast)d members taking part agreed (simple majority).")
                      % {"yes": counts["yes"], "cast": taking_part})
    return result


@transaction.atomic
def close_council_session(session: CouncilSession, *, actor, minutes=None, notes: str = "") -> list[Dossier]:
    """Close the meeting, compute every result, and move each agenda dossier on."""
    _require_role(actor, Role.COUNCIL_SECRETARY)
    if session.state != CouncilSession.State.OPEN:
        raise DomainError(_("The meeting is already closed."), code="wrong_state")
    if minutes is not None:
        check_upload(minutes, field="minutes")
        session.minutes.save(minutes.name, minutes, save=False)
    session.state = CouncilSession.State.CLOSED
    session.notes = notes
    session.save()
    moved = []
    for dossier in session.dossiers.all():
        for nomination in dossier.nominations.filter(appraisal_verdict=Nomination.Verdict.AGREE).select_related("entry"):
            outcome = tally(session, nomination)
            nomination.council_result = (Nomination.CouncilResult.PASSED if outcome["passed"]
                                         else Nomination.CouncilResult.FAILED)
            if not outcome["passed"]:
                nomination.outcome = Nomination.Outcome.NOT_AWARDED
                nomination.outcome_reason = _("Not passed by the council: %(reason)s") % {"reason": outcome["reason"]}
            nomination.save(update_fields=["council_result", "outcome", "outcome_reason", "updated_at"])
            _log(dossier, "council.vote_counted", actor, f"{nomination.subject}: {outcome['reason']}")
        moved.append(apply_transition(dossier, "record_council_result", actor=actor,
                                      note=_("Meeting of %(date)s") % {"date": session.held_on.strftime("%d/%m/%Y")}))
    return moved


# --- Decision ---------------------------------------------------------------------

def _close_unawarded(dossier: Dossier) -> None:
    for nomination in dossier.nominations.filter(outcome=Nomination.Outcome.PENDING):
        if nomination.appraisal_verdict == Nomination.Verdict.DISAGREE:
            nomination.outcome = Nomination.Outcome.NOT_AWARDED
            nomination.outcome_reason = _("Not proposed by the TĐKT Board: %(comment)s") % {
                "comment": nomination.appraisal_comment}
            nomination.save(update_fields=["outcome", "outcome_reason", "updated_at"])


def _grant(decision, dossier: Dossier, nominations) -> int:
    count = 0
    for nomination in nominations:
        subject = nomination.subject
        award = decision_services.grant_award(
            decision, entry=nomination.entry, subject=subject, recipient_name=str(subject),
            unit=subject.unit, year=dossier.year, position_text=nomination.position_text,
            period_from_year=nomination.period_from_year, period_to_year=nomination.period_to_year,
            achievement_kind=DossierKind(dossier.kind).achievement_kind)
        nomination.award = award
        nomination.outcome = Nomination.Outcome.AWARDED
        nomination.save(update_fields=["award", "outcome", "updated_at"])
        count += 1
    decision_services.settle_same_period_money(decision)
    return count


@transaction.atomic
def issue_decision(dossier: Dossier, *, actor, number: str, issued_on: date, signer_title: str = "",
                   issuer=None) -> Dossier:
    """The signer issues the province's decision; awards are created for the passed nominations."""
    dossier = _locked(dossier)
    check_transition(dossier, "issue_decision", actor=actor)
    passed = list(dossier.nominations.filter(council_result=Nomination.CouncilResult.PASSED)
                  .select_related("entry", "person__unit", "collective__unit", "household__unit"))
    if not passed:
        raise DomainError(_("No nominee passed the council; there is nothing to decide."))
    decision = decision_services.record_decision(
        number=number, issued_on=issued_on, authority=Authority.PROVINCE_CHAIR, issuer=issuer or actor.unit,
        signer_name=actor.get_full_name() or actor.username, signer_title=signer_title or actor.position,
        signer=actor, summary=_("Awards for %(title)s") % {"title": dossier.title})
    count = _grant(decision, dossier, passed)
    _close_unawarded(dossier)
    Dossier.objects.filter(pk=dossier.pk).update(decision=decision)
    dossier.decision = decision
    return apply_transition(dossier, "issue_decision", actor=actor,
                            note=_("Decision %(number)s of %(date)s: %(count)d award(s)") % {
                                "number": decision.number, "date": issued_on.strftime("%d/%m/%Y"), "count": count})


@transaction.atomic
def forward_to_central(dossier: Dossier, *, actor, note: str = "") -> Dossier:
    dossier = apply_transition(dossier, "forward_to_central", actor=actor, note=note)
    dossier.nominations.filter(council_result=Nomination.CouncilResult.PASSED).update(
        outcome=Nomination.Outcome.FORWARDED)
    return dossier


@transaction.atomic
def record_central_result(dossier: Dossier, *, actor, number: str, issued_on: date, authority: str,
                          signer_name: str, issuer, awarded_ids, refusal_reason: str = "") -> Dossier:
    """Record the central decision: which forwarded nominees were awarded, and why the others were not."""
    dossier = _locked(dossier)
    check_transition(dossier, "record_central_result", actor=actor)
    if authority not in (Authority.PRIME_MINISTER, Authority.PRESIDENT, Authority.MINISTER):
        raise DomainError(_("Choose the central authority that decided."), field="authority")
    forwarded = list(dossier.nominations.filter(outcome=Nomination.Outcome.FORWARDED)
                     .select_related("entry", "person__unit", "collective__unit", "household__unit"))
    awarded_ids = set(awarded_ids)
    unknown = awarded_ids - {n.pk for n in forwarded}
    if unknown:
        raise DomainError(_("Some selected nominees were not forwarded."), field="awarded")
    if len(awarded_ids) < len(forwarded) and not refusal_reason.strip():
        raise DomainError(_("Give the reason stated by the central level for the nominees not awarded."),
                          field="refusal_reason")
    decision = decision_services.record_decision(
        number=number, issued_on=issued_on, authority=authority, issuer=issuer, signer_name=signer_name,
        source="central", summary=_("Central decision on %(title)s") % {"title": dossier.title})
    count = _grant(decision, dossier, [n for n in forwarded if n.pk in awarded_ids])
    for nomination in forwarded:
        if nomination.pk not in awarded_ids:
            nomination.outcome = Nomination.Outcome.NOT_AWARDED
            nomination.outcome_reason = refusal_reason.strip()
            nomination.save(update_fields=["outcome", "outcome_reason", "updated_at"])
    _close_unawarded(dossier)
    Dossier.objects.filter(pk=dossier.pk).update(decision=decision)
    dossier.decision = decision
    return apply_transition(dossier, "record_central_result", actor=actor,
                            note=_("Decision %(number)s: %(count)d award(s)") % {"number": decision.number,
                                                                                  "count": count})
