"""Pages of the steps after appraisal: public consultation, council meetings and votes,
the province's decision, and the central decision on forwarded dossiers.

Every change goes through ``tdkt.nominations.services``; dossiers are reached only
through ``access.get_dossier_for_user``. Ballot privacy: before a meeting closes a
member sees only their own votes; the live count is the secretary's.
"""

import math

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tdkt.accounts.models import Role
from tdkt.catalogue.models import money_for
from tdkt.core.calendar import nth_working_day, working_days_inclusive
from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.core.forms import add_domain_error
from tdkt.nominations import services, workflow
from tdkt.nominations.access import dossiers_for_user, get_dossier_for_user
from tdkt.nominations.forms_council import (
    BallotForm, CentralResultForm, CloseSessionForm, IssueDecisionForm, OpenConsultationForm,
    OpenSessionForm, PublicCommentForm, WrittenOpinionForm,
)
from tdkt.nominations.models import Council, CouncilSession, Nomination, Status, Vote

T = "nominations/council/"
_SUBJECT = ("entry", "person", "collective", "household", "dossier")

# Who may look at council meetings and consultations (all of them span the province).
COUNCIL_VIEWERS = frozenset({Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY, Role.BOARD_OFFICER,
                             Role.BOARD_HEAD, Role.SIGNER, Role.ADMIN})
COMMENT_RECORDERS = frozenset({Role.BOARD_OFFICER, Role.BOARD_HEAD})


# --- helpers ---------------------------------------------------------------------

def _forbidden(request, message):
    return render(request, T + "forbidden.html", {"message": message, "nav": "council"}, status=403)


def _detail(dossier):
    return redirect(reverse("nominations:detail", args=[dossier.pk]))


def _can(user, transition_name: str) -> bool:
    return user.role in workflow.TRANSITIONS[transition_name].roles


def _wrong_state(request, dossier, action: str):
    messages.error(request, _("The dossier is “%(status)s”; “%(action)s” is not possible now.") % {
        "status": dossier.get_status_display(), "action": action})
    return _detail(dossier)


def _pct(share) -> str:
    """0.90 → "90", 0.875 → "87.5"."""
    value = float(share) * 100
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def threshold_text(entry, total: int) -> str:
    """What the council must reach for this entry (NĐ 98 Đ30 k7: on the total membership)."""
    if entry.council_vote_threshold:
        needed = math.ceil(entry.council_vote_threshold * total) if total else 0
        text = _("%(share)s%% of the total membership (%(needed)d of %(total)d members)") % {
            "share": _pct(entry.council_vote_threshold), "needed": needed, "total": total}
    else:
        text = _("a simple majority of the votes cast")
    if entry.council_attendance_threshold:
        text += "; " + _("at least %(share)s%% of the members present") % {
            "share": _pct(entry.council_attendance_threshold)}
    return text


def _subject_related(qs):
    return qs.select_related(*_SUBJECT, "dossier__unit")


# --- public consultation --------------------------------------------------------

@login_required
def open_consultation(request, pk):
    dossier = get_dossier_for_user(request.user, pk)
    label = workflow.TRANSITIONS["open_consultation"].label
    if not _can(request.user, "open_consultation"):
        return _forbidden(request, _("Only the head of the TĐKT Board posts nominees for public consultation."))
    if dossier.status == Status.IN_CONSULTATION and hasattr(dossier, "consultation"):
        return redirect("nominations:consultation", dossier.pk)
    if dossier.status != Status.APPRAISED:
        return _wrong_state(request, dossier, label)

    to_post = _subject_related(dossier.nominations.filter(appraisal_verdict=Nomination.Verdict.AGREE,
                                                          entry__public_posting_required=True))
    needed = max((n.entry.public_posting_working_days for n in to_post), default=0)
    today = timezone.localdate()
    form = OpenConsultationForm(request.POST or None, initial={
        "starts_on": today, "ends_on": nth_working_day(today, needed) if needed else None})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.open_consultation(dossier, actor=request.user, starts_on=data["starts_on"],
                                       ends_on=data["ends_on"], channel=data["channel"])
        except PermissionDenied as error:
            return _forbidden(request, error.message)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The nominees are posted for public consultation from %(start)s to %(end)s.")
                             % {"start": data["starts_on"].strftime("%d/%m/%Y"),
                                "end": data["ends_on"].strftime("%d/%m/%Y")})
            return redirect("nominations:consultation", dossier.pk)
    return render(request, T + "open_consultation.html", {
        "dossier": dossier, "form": form, "to_post": to_post, "needed": needed,
        "problem": workflow.needs_consultation(dossier), "nav": "dossiers"})


@login_required
def consultation(request, pk):
    dossier = get_dossier_for_user(request.user, pk)
    if request.user.role not in COUNCIL_VIEWERS:
        return _forbidden(request, _("Public consultations are handled by the TĐKT Board and the council."))
    record = getattr(dossier, "consultation", None)
    if record is None:
        messages.info(request, _("This dossier has no public consultation."))
        return _detail(dossier)
    can_record = request.user.role in COMMENT_RECORDERS
    form = PublicCommentForm(request.POST if request.method == "POST" else None, dossier=dossier)
    if request.method == "POST":
        if not can_record:
            return _forbidden(request, _("Only the TĐKT Board records the comments received."))
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.record_public_comment(dossier, actor=request.user, author_name=data["author_name"],
                                               body=data["body"], received_on=data["received_on"],
                                               nomination=data["nomination"])
            except PermissionDenied as error:
                return _forbidden(request, error.message)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The comment from %(name)s is recorded.") % {"name": data["author_name"]})
                return redirect("nominations:consultation", dossier.pk)
    today = timezone.localdate()
    comments = record.comments.select_related("nomination__entry", "nomination__person",
                                              "nomination__collective", "nomination__household", "recorded_by")
    return render(request, T + "consultation.html", {
        "dossier": dossier, "consultation": record, "comments": comments, "form": form,
        "can_record": can_record,
        "working_days": working_days_inclusive(record.starts_on, record.ends_on),
        "running": record.starts_on <= today <= record.ends_on, "ended": record.ends_on < today,
        "nav": "dossiers"})


# --- council meetings -------------------------------------------------------------

@login_required
def council_sessions(request):
    if request.user.role not in COUNCIL_VIEWERS:
        return _forbidden(request, _("Council meetings are open to the council, the TĐKT Board and the signers."))
    sessions = (CouncilSession.objects.select_related("council").prefetch_related("dossiers")
                .annotate(present_count=Count("attendance", filter=Q(attendance__present=True)))
                .order_by("-held_on", "-id"))
    page_obj = Paginator(sessions, 20).get_page(request.GET.get("page"))
    waiting = (dossiers_for_user(request.user).filter(status=Status.AT_COUNCIL)
               .annotate(proposed=Count("nominations", filter=Q(nominations__appraisal_verdict="agree")))
               .order_by("step_started_on", "code"))
    return render(request, T + "sessions.html", {
        "page_obj": page_obj, "sessions": page_obj.object_list, "waiting": waiting,
        "can_open": request.user.role == Role.COUNCIL_SECRETARY, "nav": "council"})


@login_required
def open_session(request):
    if request.user.role != Role.COUNCIL_SECRETARY:
        return _forbidden(request, _("Only the council secretary opens a council meeting."))
    councils = list(Council.objects.select_related("unit").order_by("name"))
    if not councils:
        messages.error(request, _("No council is set up yet; ask the administrator to add one with its members."))
        return redirect("nominations:council_sessions")
    wanted = request.POST.get("council") or request.GET.get("council")
    council = next((c for c in councils if str(c.pk) == wanted), councils[0])
    agenda = dossiers_for_user(request.user).filter(status=Status.AT_COUNCIL).order_by("code")
    form = OpenSessionForm(request.POST or None, council=council, dossiers=agenda)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = services.open_council_session(
                council, actor=request.user, held_on=data["held_on"], dossiers=data["dossiers"],
                present_user_ids=[user.pk for user in data["present"]])
        except PermissionDenied as error:
            return _forbidden(request, error.message)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The meeting of %(date)s is open: %(present)d of %(total)d members present.")
                             % {"date": session.held_on.strftime("%d/%m/%Y"), "present": len(data["present"]),
                                "total": session.total_members})
            return redirect("nominations:council_session", session.pk)
    return render(request, T + "open_session.html", {
        "form": form, "council": council, "councils": councils, "nav": "council"})


def _session_or_404(pk) -> CouncilSession:
    return get_object_or_404(CouncilSession.objects.select_related("council"), pk=pk)


def _agenda(session, user):
    return dossiers_for_user(user).filter(pk__in=session.dossiers.values("pk")).order_by("code")


def _proposed(session, user):
    return _subject_related(Nomination.objects.filter(
        dossier__in=_agenda(session, user), appraisal_verdict=Nomination.Verdict.AGREE)
        .order_by("dossier__code", "id"))


def _my_attendance(session, user):
    return session.attendance.filter(member=user).first()


def _render_session(request, session, *, ballot_form=None, written_form=None, close_form=None):
    user = request.user
    is_open = session.state == CouncilSession.State.OPEN
    is_secretary = user.role == Role.COUNCIL_SECRETARY
    attendance = list(session.attendance.select_related("member").order_by("-present", "member__first_name"))
    mine = next((a for a in attendance if a.member_id == user.pk), None)
    can_vote = is_open and mine is not None and mine.present and user.role in (
        Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY)
    show_counts = is_secretary or not is_open
    agenda = list(_agenda(session, user))
    proposed = list(_proposed(session, user))
    not_proposed = _subject_related(Nomination.objects.filter(dossier__in=agenda).exclude(
        appraisal_verdict=Nomination.Verdict.AGREE).order_by("dossier__code", "id"))

    my_votes = dict(session.votes.filter(member=user).values_list("nomination_id", "choice"))
    voters: dict[int, set[int]] = {}
    if is_secretary and is_open:
        for nomination_id, member_id in session.votes.values_list("nomination_id", "member_id"):
            voters.setdefault(nomination_id, set()).add(member_id)
    rows = []
    for nomination in proposed:
        row = {"nomination": nomination, "threshold": threshold_text(nomination.entry, session.total_members),
               "my_vote": Vote.Choice(my_votes[nomination.pk]).label if nomination.pk in my_votes else None}
        if show_counts:
            row["tally"] = services.tally(session, nomination)
        if is_secretary and is_open:
            row["not_voted"] = [a.member for a in attendance if a.member_id not in voters.get(nomination.pk, set())]
        rows.append(row)

    if can_vote and ballot_form is None:
        ballot_form = BallotForm(nominations=proposed, current=my_votes)
    absent = [a.member_id for a in attendance if not a.present]
    if is_secretary and is_open and absent and proposed and written_form is None:
        written_form = WrittenOpinionForm(nominations=proposed,
                                          absent_members=get_user_model().objects.filter(pk__in=absent))
    if is_secretary and is_open and close_form is None:
        close_form = CloseSessionForm()
    if can_vote:
        for row in rows:
            row["field"] = ballot_form[BallotForm.field_name(row["nomination"])]
    return render(request, T + "session.html", {
        "session": session, "is_open": is_open, "is_secretary": is_secretary, "attendance": attendance,
        "present_count": sum(1 for a in attendance if a.present), "mine": mine, "can_vote": can_vote,
        "show_counts": show_counts, "agenda": agenda, "rows": rows, "not_proposed": not_proposed,
        "ballot_form": ballot_form if can_vote else None,
        "written_form": written_form if is_secretary and is_open else None,
        "close_form": close_form if is_secretary and is_open else None, "nav": "council"})


@login_required
def session_detail(request, pk):
    if request.user.role not in COUNCIL_VIEWERS:
        return _forbidden(request, _("Council meetings are open to the council, the TĐKT Board and the signers."))
    return _render_session(request, _session_or_404(pk))


def _closed(request, session):
    messages.error(request, _("The meeting is closed; votes can no longer change."))
    return redirect("nominations:council_session", session.pk)


def _cast_all(session, form, *, actor, member=None) -> int:
    """All of one member's votes, or none of them."""
    with transaction.atomic():
        for nomination, choice in form.choices():
            services.cast_vote(session, nomination, actor=actor, choice=choice, member=member)
    return len(form.choices())


def _vote_error(form, error: DomainError) -> None:
    if error.field == "choice":
        error.field = None
    add_domain_error(form, error)


@login_required
@require_POST
def cast_votes(request, pk):
    session = _session_or_404(pk)
    if request.user.role not in (Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY):
        return _forbidden(request, _("Only council members vote."))
    if session.state != CouncilSession.State.OPEN:
        return _closed(request, session)
    mine = _my_attendance(session, request.user)
    if mine is None:
        return _forbidden(request, _("You are not a member of this council, so you cannot vote at this meeting."))
    if not mine.present:
        return _forbidden(request, _("You were recorded absent: your written opinion is entered by the secretary."))
    form = BallotForm(request.POST, nominations=_proposed(session, request.user))
    if form.is_valid():
        try:
            count = _cast_all(session, form, actor=request.user)
        except PermissionDenied as error:
            return _forbidden(request, error.message)
        except DomainError as error:
            _vote_error(form, error)
        else:
            messages.success(request, _("Your vote is saved (%(count)d nominee(s)).") % {"count": count})
            return redirect("nominations:council_session", session.pk)
    return _render_session(request, session, ballot_form=form)


@login_required
@require_POST
def record_written_opinion(request, pk):
    session = _session_or_404(pk)
    if request.user.role != Role.COUNCIL_SECRETARY:
        return _forbidden(request, _("Only the council secretary enters the written opinions of absent members."))
    if session.state != CouncilSession.State.OPEN:
        return _closed(request, session)
    absent = session.attendance.filter(present=False).values("member")
    form = WrittenOpinionForm(request.POST, nominations=_proposed(session, request.user),
                              absent_members=get_user_model().objects.filter(pk__in=absent))
    if form.is_valid():
        member = form.cleaned_data["member"]
        try:
            count = _cast_all(session, form, actor=request.user, member=member)
        except PermissionDenied as error:
            return _forbidden(request, error.message)
        except DomainError as error:
            _vote_error(form, error)
        else:
            messages.success(request, _("The written opinion of %(name)s is recorded (%(count)d nominee(s)).")
                             % {"name": member.get_full_name() or member.username, "count": count})
            return redirect("nominations:council_session", session.pk)
    return _render_session(request, session, written_form=form)


@login_required
@require_POST
def close_session(request, pk):
    session = _session_or_404(pk)
    if request.user.role != Role.COUNCIL_SECRETARY:
        return _forbidden(request, _("Only the council secretary closes a council meeting."))
    if session.state != CouncilSession.State.OPEN:
        messages.error(request, _("The meeting is already closed."))
        return redirect("nominations:council_session", session.pk)
    form = CloseSessionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            moved = services.close_council_session(session, actor=request.user, minutes=form.cleaned_data["minutes"],
                                                   notes=form.cleaned_data["notes"])
        except PermissionDenied as error:
            return _forbidden(request, error.message)
        except DomainError as error:
            session.refresh_from_db()
            add_domain_error(form, error)
        else:
            messages.success(request, _("The meeting is closed; the results of %(count)d dossier(s) are recorded.")
                             % {"count": len(moved)})
            return redirect("nominations:council_session", session.pk)
    return _render_session(request, session, close_form=form)


@login_required
def session_minutes(request, pk):
    session = _session_or_404(pk)
    if request.user.role not in COUNCIL_VIEWERS or not session.minutes:
        raise Http404("No minutes")
    return FileResponse(session.minutes.open("rb"), as_attachment=True,
                        filename=session.minutes.name.rsplit("/", 1)[-1])


# --- decision -----------------------------------------------------------------------

def _not_passing(dossier):
    """Nominees of the dossier that get no award here, with the reason."""
    rows = []
    for nomination in _subject_related(dossier.nominations.exclude(council_result=Nomination.CouncilResult.PASSED)):
        if nomination.outcome_reason:
            reason = nomination.outcome_reason
        elif nomination.appraisal_verdict == Nomination.Verdict.DISAGREE:
            reason = _("Not proposed by the TĐKT Board: %(comment)s") % {"comment": nomination.appraisal_comment}
        else:
            reason = _("Not passed by the council.")
        rows.append({"nomination": nomination, "reason": reason})
    return rows


@login_required
def issue_decision(request, pk):
    dossier = get_dossier_for_user(request.user, pk)
    label = workflow.TRANSITIONS["issue_decision"].label
    if not _can(request.user, "issue_decision"):
        return _forbidden(request, _("Only the chair or a vice-chair of the provincial People's Committee "
                                     "issues the decision."))
    if dossier.status != Status.COUNCIL_DONE:
        return _wrong_state(request, dossier, label)
    form = IssueDecisionForm(request.POST or None, user=request.user)
    problem = workflow.province_can_decide(dossier)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.issue_decision(dossier, actor=request.user, number=data["number"],
                                    issued_on=data["issued_on"], signer_title=data["signer_title"])
        except PermissionDenied as error:
            return _forbidden(request, error.message)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            dossier.refresh_from_db()
            count = dossier.nominations.filter(outcome=Nomination.Outcome.AWARDED).count()
            messages.success(request, _("Decision %(number)s is issued: %(count)d award(s) recorded in the archive.")
                             % {"number": dossier.decision.number, "count": count})
            return _detail(dossier)
    money_on = timezone.localdate()
    if form.is_bound and "issued_on" in getattr(form, "cleaned_data", {}):
        money_on = form.cleaned_data["issued_on"]
    lines = []
    for nomination in _subject_related(dossier.nominations.filter(council_result=Nomination.CouncilResult.PASSED)):
        coefficient = nomination.entry.coefficient_for(nomination.subject_kind)
        lines.append({"nomination": nomination, "money": money_for(coefficient, money_on)})
    return render(request, T + "issue_decision.html", {
        "dossier": dossier, "form": form, "lines": lines, "total": sum(line["money"] for line in lines),
        "money_on": money_on, "not_passing": _not_passing(dossier), "problem": problem, "nav": "dossiers"})


@login_required
def record_central_result(request, pk):
    dossier = get_dossier_for_user(request.user, pk)
    label = workflow.TRANSITIONS["record_central_result"].label
    if not _can(request.user, "record_central_result"):
        return _forbidden(request, _("Only an officer of the TĐKT Board records the central decision."))
    if dossier.status != Status.FORWARDED:
        return _wrong_state(request, dossier, label)
    forwarded = _subject_related(dossier.nominations.filter(outcome=Nomination.Outcome.FORWARDED))
    form = CentralResultForm(request.POST or None, forwarded=forwarded)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_central_result(
                dossier, actor=request.user, number=data["number"], issued_on=data["issued_on"],
                authority=data["authority"], signer_name=data["signer_name"], issuer=data["issuer"],
                awarded_ids=[n.pk for n in data["awarded"]], refusal_reason=data["refusal_reason"])
        except PermissionDenied as error:
            return _forbidden(request, error.message)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            dossier.refresh_from_db()
            count = dossier.nominations.filter(outcome=Nomination.Outcome.AWARDED).count()
            messages.success(request, _("Central decision %(number)s is recorded: %(count)d award(s).")
                             % {"number": dossier.decision.number, "count": count})
            return _detail(dossier)
    return render(request, T + "central_result.html", {
        "dossier": dossier, "form": form, "forwarded": forwarded, "nav": "dossiers"})


urlpatterns = [
    path("hoi-dong/", council_sessions, name="council_sessions"),
    path("hoi-dong/phien-hop-moi/", open_session, name="open_session"),
    path("hoi-dong/phien-hop/<int:pk>/", session_detail, name="council_session"),
    path("hoi-dong/phien-hop/<int:pk>/bo-phieu/", cast_votes, name="cast_votes"),
    path("hoi-dong/phien-hop/<int:pk>/y-kien-bang-van-ban/", record_written_opinion,
         name="record_written_opinion"),
    path("hoi-dong/phien-hop/<int:pk>/ket-thuc/", close_session, name="close_session"),
    path("hoi-dong/phien-hop/<int:pk>/bien-ban/", session_minutes, name="session_minutes"),
    path("<int:pk>/lay-y-kien/mo/", open_consultation, name="open_consultation"),
    path("<int:pk>/lay-y-kien/", consultation, name="consultation"),
    path("<int:pk>/quyet-dinh/", issue_decision, name="issue_decision"),
    path("<int:pk>/ket-qua-trung-uong/", record_central_result, name="record_central_result"),
]
