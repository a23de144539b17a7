"""Clusters and blocks: the year's list, one group (members and roles, rotation, election,
covenant, score sheet and ranking) and its suy tôn ballot (cast, count, count record, proposals)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from tdkt.core.errors import DomainError
from tdkt.emulation import groups as svc
from tdkt.emulation import hooks
from tdkt.emulation.access import get_group_for_user, get_round_for_user, groups_for_user
from tdkt.core.paging import paged
from tdkt.emulation.models import BallotRound, Covenant, EmulationGroup, GroupMembership, Score
from tdkt.emulation.services import BOARD_ROLES
from tdkt.emulation.views.common import int_or_none, parse_date, run
from tdkt.organizations.models import Unit


@login_required
def group_list(request):
    year = int_or_none(request.GET.get("year")) or timezone.localdate().year
    kind = request.GET.get("kind", "")
    qs = svc.groups_with_members(groups_for_user(request.user).filter(year=year))
    if kind in EmulationGroup.Kind.values:
        qs = qs.filter(kind=kind)
    return render(request, "emulation/group_list.html", {
        "nav": "emulation", "page_obj": paged(request, qs, "page", 50), "year": year, "kind": kind,
        "kinds": EmulationGroup.Kind.choices, "is_board": request.user.role in BOARD_ROLES,
        "previous_year": year - 1})


def _units(group, ids):
    members = {u.pk: u for u in svc.member_units(group)}
    return [members[i] for i in (int_or_none(x) for x in ids) if i in members]


def _get_prefetched(user, pk):
    try:
        return svc.groups_with_members(groups_for_user(user)).get(pk=pk)
    except EmulationGroup.DoesNotExist:
        raise Http404("Not found") from None


@login_required
def group_detail(request, pk):
    user = request.user
    group = _get_prefetched(user, pk)
    me = svc.acting_member(user, group)
    round_ = BallotRound.objects.filter(group=group).first()
    covenant = Covenant.objects.filter(group=group).prefetch_related("signatories").first()
    next_head, next_deputy = svc.proposed_officers(group)
    members = svc.member_units(group)
    is_head_user = svc.is_head_unit_user(user, group)
    # The secretariat (the head's unit) may open another member's sheet to enter it from paper.
    sheet_of = me
    if is_head_user:
        sheet_of = next((u for u in members if u.pk == int_or_none(request.GET.get("as"))), me)
    my_scores = {}
    if sheet_of:
        my_scores = {(s.criterion_id, s.scored_unit_id): s for s in
                     Score.objects.filter(criterion__group=group, scorer_unit=sheet_of)}
    criteria = list(group.criteria.all())
    sheet = [{"criterion": c, "cells": [{"unit": u, "score": my_scores.get((c.pk, u.pk))} for u in members]}
             for c in criteria]
    results = list(group.results.select_related("unit"))
    ranking = svc.compute_ranking(group, criteria) if criteria else []
    return render(request, "emulation/group_detail.html", {
        "nav": "emulation", "group": group, "memberships": svc.rotation(group), "me": me, "sheet_of": sheet_of,
        "can_run": svc.can_run_group(user, group), "is_head_user": is_head_user,
        "next_head": next_head, "next_deputy": next_deputy, "covenant": covenant,
        "criteria": criteria, "members": members, "sheet": sheet, "ranking": ranking, "results": results,
        "missing": svc.missing_scores(group, ranking) if criteria and not results else [],
        "round": round_, "is_board": user.role in BOARD_ROLES,
        "deputy_id": next((m.unit_id for m in svc.memberships_of(group) if m.role == GroupMembership.GroupRole.DEPUTY),
                          None)})


def _member_rows(post, candidates):
    """The member rows of the group form: unit-i, role-i, order-i (empty unit = row unused)."""
    rows = []
    for i in range(int_or_none(post.get("rows")) or 0):
        unit_id = int_or_none(post.get(f"unit-{i}"))
        if unit_id is None:
            continue
        unit = candidates.get(unit_id)
        if unit is None:
            raise DomainError(_("Row %(row)d: choose a unit from the list.") % {"row": i + 1}, field="members")
        order = post.get(f"order-{i}", "").strip()
        if order and int_or_none(order) is None:
            raise DomainError(_("Row %(row)d: the turn must be a whole number.") % {"row": i + 1}, field="members")
        rows.append((unit, post.get(f"role-{i}", GroupMembership.GroupRole.MEMBER), int_or_none(order)))
    return rows


def _candidate_units():
    # Clusters and blocks group departments, districts, communes and (for the regional cluster)
    # other provinces: not schools or divisions inside a unit.
    return Unit.objects.filter(valid_to__isnull=True).exclude(level="grassroots").exclude(kind="division")


@login_required
@require_http_methods(["GET", "POST"])
def group_form(request, pk=None):
    """The Board announces a cluster or block: name, kind, year, organiser, decision and members."""
    if request.user.role not in BOARD_ROLES:
        raise PermissionDenied
    group = _get_prefetched(request.user, pk) if pk else None
    candidates = _candidate_units()
    if group is not None:   # a member since retired stays choosable on its own group
        candidates = candidates | Unit.objects.filter(group_memberships__group=group)
    candidates = {u.pk: u for u in candidates.distinct().order_by("level", "name")}
    if request.method == "POST":
        post = request.POST

        def save():
            organiser = Unit.objects.filter(pk=int_or_none(post.get("organiser")), valid_to__isnull=True).first()
            announced_on = (parse_date(post.get("announced_on"), field="announced_on")
                            if post.get("announced_on", "").strip() else None)
            return svc.save_group(group, actor=request.user, name=post.get("name", ""), kind=post.get("kind", ""),
                                  year=post.get("year"), organiser=organiser, is_regional=bool(post.get("is_regional")),
                                  document=post.get("document", ""), announced_on=announced_on,
                                  members=_member_rows(post, candidates))
        saved = run(request, save, _("The cluster or block is saved."))
        if saved:
            return redirect("emulation:group", pk=saved.pk)
        rows = [{"unit": int_or_none(post.get(f"unit-{i}")), "role": post.get(f"role-{i}", "member"),
                 "order": post.get(f"order-{i}", "")} for i in range(int_or_none(post.get("rows")) or 0)]
        values = {k: post.get(k, "") for k in ("name", "kind", "year", "organiser", "document", "announced_on")}
        values["is_regional"] = bool(post.get("is_regional"))
    else:
        if group is not None:
            rows = [{"unit": m.unit_id, "role": m.role, "order": m.rotation_order or ""} for m in svc.rotation(group)]
            values = {"name": group.name, "kind": group.kind, "year": group.year, "organiser": group.organiser_id,
                      "document": group.announcement_document, "is_regional": group.is_regional,
                      "announced_on": group.announced_on.isoformat() if group.announced_on else ""}
        else:
            province = Unit.objects.filter(level="province", parent__isnull=True, valid_to__isnull=True).first()
            rows = []
            values = {"name": "", "kind": EmulationGroup.Kind.CLUSTER, "document": "", "announced_on": "",
                      "year": int_or_none(request.GET.get("year")) or timezone.localdate().year,
                      "organiser": province.pk if province else "", "is_regional": False}
    rows = rows + [{"unit": None, "role": "member", "order": ""} for _i in range(max(4, 12 - len(rows)))]
    return render(request, "emulation/group_form.html", {
        "nav": "emulation", "group": group, "values": values, "rows": rows, "row_count": len(rows),
        "candidates": list(candidates.values()), "kinds": EmulationGroup.Kind.choices,
        "roles": GroupMembership.GroupRole.choices,
        "organisers": Unit.objects.filter(valid_to__isnull=True, level="province").order_by("name")})


@login_required
@require_POST
def group_copy(request):
    """Copy last year's groups into the year shown (members, turns, criteria; roles by rotation)."""
    to_year = int_or_none(request.POST.get("year")) or timezone.localdate().year
    created = run(request, lambda: svc.copy_groups(actor=request.user, from_year=to_year - 1, to_year=to_year))
    if created:
        messages.success(request, ngettext(
            "%(n)d group copied from %(year)d; check its members and record its announcement.",
            "%(n)d groups copied from %(year)d; check their members and record their announcement.",
            len(created)) % {"n": len(created), "year": to_year - 1})
    return redirect(f"{reverse('emulation:groups')}?year={to_year}")


@login_required
@require_POST
def group_announce(request, pk):
    group = get_group_for_user(request.user, pk)
    run(request, lambda: svc.announce_group(group, actor=request.user, document=request.POST.get("document", ""),
                                            announced_on=parse_date(request.POST.get("announced_on"),
                                                                    field="announced_on")),
        _("The announcement is recorded."))
    return redirect("emulation:group", pk=pk)


@login_required
@require_POST
def group_elect(request, pk):
    group = get_group_for_user(request.user, pk)

    def elect():
        head = Unit.objects.filter(pk=int_or_none(request.POST.get("head"))).first()
        deputy = Unit.objects.filter(pk=int_or_none(request.POST.get("deputy"))).first()
        if head is None or deputy is None:
            raise DomainError(_("Choose the head and the deputy."), field="head")
        return svc.elect_officers(group, actor=request.user, head=head, deputy=deputy)
    run(request, elect, _("The head and deputy are recorded."))
    return redirect("emulation:group", pk=pk)


@login_required
@require_POST
def group_covenant(request, pk):
    group = get_group_for_user(request.user, pk)
    run(request, lambda: svc.record_covenant(
        group, actor=request.user, signed_on=parse_date(request.POST.get("signed_on"), field="signed_on"),
        uploaded=request.FILES.get("document"), signatories=_units(group, request.POST.getlist("signatories"))),
        _("The covenant is recorded."))
    return redirect("emulation:group", pk=pk)


@login_required
def group_covenant_file(request, pk):
    group = get_group_for_user(request.user, pk)
    covenant = getattr(group, "covenant", None) if hasattr(group, "covenant") else None
    if covenant is None:
        raise Http404
    return FileResponse(covenant.document.open("rb"), as_attachment=True, filename=covenant.original_name)


@login_required
@require_POST
def group_add_criterion(request, pk):
    group = get_group_for_user(request.user, pk)
    run(request, lambda: svc.add_score_criterion(group, actor=request.user, name=request.POST.get("name", ""),
                                                 max_points=request.POST.get("max_points") or "0",
                                                 weight=request.POST.get("weight") or "1"),
        _("The criterion is added."))
    return redirect("emulation:group", pk=pk)


@login_required
@require_POST
def group_score(request, pk):
    """Save every filled cell of the member's score sheet at once (all or nothing)."""
    group = get_group_for_user(request.user, pk)
    members = {u.pk: u for u in svc.member_units(group)}
    criteria = {c.pk: c for c in group.criteria.all()}
    me = svc.acting_member(request.user, group)
    on_behalf_of = members.get(int_or_none(request.POST.get("on_behalf_of")))
    if on_behalf_of is not None and me is not None and on_behalf_of.pk == me.pk:
        on_behalf_of = None

    def save_all():
        from django.db import transaction
        with transaction.atomic():
            saved = 0
            for key, value in request.POST.items():
                if not key.startswith("points-") or not value.strip():
                    continue
                _p, c_id, u_id = key.split("-")
                criterion, unit = criteria.get(int_or_none(c_id)), members.get(int_or_none(u_id))
                if criterion is None or unit is None:
                    continue
                svc.record_score(criterion, actor=request.user, scored_unit=unit, points=value.replace(",", "."),
                                 evidence=request.POST.get(f"evidence-{c_id}-{u_id}", ""), on_behalf_of=on_behalf_of)
                saved += 1
            if not saved:
                raise DomainError(_("Enter at least one score."), field="points")
            return saved
    run(request, save_all, _("The scores are saved."))
    if on_behalf_of is not None:
        return redirect(f"{reverse('emulation:group', args=[pk])}?as={on_behalf_of.pk}#score-sheet")
    return redirect("emulation:group", pk=pk)


@login_required
@require_POST
def group_aggregate(request, pk):
    group = get_group_for_user(request.user, pk)
    run(request, lambda: svc.aggregate_scores(group, actor=request.user), _("The scores are aggregated and ranked."))
    return redirect("emulation:group", pk=pk)


@login_required
@require_POST
def ballot_open(request, pk):
    group = get_group_for_user(request.user, pk)
    run(request, lambda: svc.open_ballot(
        group, actor=request.user, held_on=parse_date(request.POST.get("held_on"), field="held_on"),
        flag_seats=int_or_none(request.POST.get("flag_seats")) or 1,
        merit_seats=int_or_none(request.POST.get("merit_seats")) or 0), _("The secret ballot is open."))
    return redirect("emulation:ballot", pk=group.ballot_round.pk) if BallotRound.objects.filter(
        group=group).exists() else redirect("emulation:group", pk=pk)


@login_required
def ballot_detail(request, pk):
    round_ = get_round_for_user(request.user, pk)
    group = round_.group
    me = svc.acting_member(request.user, group)
    voter = round_.voters.filter(unit=me).first() if me else None
    closed = round_.status == BallotRound.Status.CLOSED
    return render(request, "emulation/ballot.html", {
        "nav": "emulation", "round": round_, "group": group, "me": me, "voter": voter,
        "members": svc.member_units(group), "can_run": svc.can_run_group(request.user, group),
        "voted": round_.voters.filter(has_voted=True).count(), "voter_count": round_.voters.count(),
        "voters": round_.voters.select_related("unit"),
        "paper_rows": range(round_.voters.filter(has_voted=False).count()),
        "tally": svc.tally(round_) if closed else None, "result": svc.proposals(round_) if closed else None,
        "can_propose": closed and not round_.dossier_code and svc.is_head_unit_user(request.user, group)
        and request.user.role == "unit_clerk"})


@login_required
@sensitive_post_parameters()   # an error report must not carry a ballot with its voter
@require_POST
def ballot_cast(request, pk):
    round_ = get_round_for_user(request.user, pk)
    run(request, lambda: svc.cast_ballot(round_, actor=request.user,
                                         flag_units=_units(round_.group, request.POST.getlist("flag")),
                                         merit_units=_units(round_.group, request.POST.getlist("merit"))),
        _("Your unit's ballot is cast. It is stored without your unit's name."))
    return redirect("emulation:ballot", pk=pk)


@login_required
@sensitive_post_parameters()   # an error report must not carry a ballot with its voter
@require_POST
def ballot_paper(request, pk):
    """The vote-counting board enters the meeting's paper ballots: who handed one in, and each
    ballot's content (rows without a flag choice are empty and ignored)."""
    round_ = get_round_for_user(request.user, pk)
    group = round_.group
    voters = _units(group, request.POST.getlist("voters"))
    ballots = []
    for i in range(len(svc.member_units(group))):
        flag = _units(group, request.POST.getlist(f"flag-{i}"))
        merit = _units(group, request.POST.getlist(f"merit-{i}"))
        if flag or merit:
            ballots.append((flag, merit))
    run(request, lambda: svc.record_paper_ballots(round_, actor=request.user, voters=voters, ballots=ballots),
        _("The paper ballots are entered."))
    return redirect("emulation:ballot", pk=pk)


@login_required
@require_POST
def ballot_close(request, pk):
    round_ = get_round_for_user(request.user, pk)
    run(request, lambda: svc.close_ballot(round_, actor=request.user), _("The ballots are counted."))
    return redirect("emulation:ballot", pk=pk)


@login_required
def ballot_record(request, pk):
    round_ = get_round_for_user(request.user, pk)
    if round_.status != BallotRound.Status.CLOSED:
        raise Http404
    return render(request, "emulation/ballot_record.html", {
        "round": round_, "group": round_.group, "tally": svc.tally(round_), "result": svc.proposals(round_),
        "voter_count": round_.voters.count()})


@login_required
@require_POST
def ballot_propose(request, pk):
    round_ = get_round_for_user(request.user, pk)
    maker = hooks.provider("make_proposal_dossier")
    if maker is None:
        messages.error(request, _("Dossiers cannot be created from here (the dossier module is not installed)."))
        return redirect("emulation:ballot", pk=pk)
    code = run(request, lambda: maker(round_, actor=request.user))
    if code:
        messages.success(request, _("The proposals are in dossier %(code)s.") % {"code": code})
    return redirect("emulation:ballot", pk=pk)


urlpatterns = [
    path("cum-khoi/", group_list, name="groups"),
    path("cum-khoi/moi/", group_form, name="group_create"),
    path("cum-khoi/chep-nam-truoc/", group_copy, name="group_copy"),
    path("cum-khoi/<int:pk>/", group_detail, name="group"),
    path("cum-khoi/<int:pk>/sua/", group_form, name="group_edit"),
    path("cum-khoi/<int:pk>/thong-bao/", group_announce, name="group_announce"),
    path("cum-khoi/<int:pk>/bau/", group_elect, name="group_elect"),
    path("cum-khoi/<int:pk>/giao-uoc/", group_covenant, name="group_covenant"),
    path("cum-khoi/<int:pk>/giao-uoc/tep/", group_covenant_file, name="group_covenant_file"),
    path("cum-khoi/<int:pk>/tieu-chi/", group_add_criterion, name="group_add_criterion"),
    path("cum-khoi/<int:pk>/cham-diem/", group_score, name="group_score"),
    path("cum-khoi/<int:pk>/tong-hop/", group_aggregate, name="group_aggregate"),
    path("cum-khoi/<int:pk>/suy-ton/", ballot_open, name="ballot_open"),
    path("suy-ton/<int:pk>/", ballot_detail, name="ballot"),
    path("suy-ton/<int:pk>/bo-phieu/", ballot_cast, name="ballot_cast"),
    path("suy-ton/<int:pk>/phieu-giay/", ballot_paper, name="ballot_paper"),
    path("suy-ton/<int:pk>/kiem-phieu/", ballot_close, name="ballot_close"),
    path("suy-ton/<int:pk>/bien-ban/", ballot_record, name="ballot_record"),
    path("suy-ton/<int:pk>/de-nghi/", ballot_propose, name="ballot_propose"),
]
