"""The dossier state machine: statuses, the transition table as data, and the one
function that applies a transition.

Nothing else writes ``Dossier.status`` (enforced in ``Dossier.save`` and by a
test). ``docs/workflow.md`` is generated from ``TRANSITIONS`` by
``manage.py workflow_doc``; a test fails when it is stale.
"""

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.accounts.models import Role
from tdkt.organizations.scope import in_scope
from tdkt.core.calendar import add_working_days, working_days_inclusive
from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.nominations.models import STATUS_WRITER, Dossier, Status, StepTimeLimit, TimelineEvent


@contextmanager
def _status_writer():
    token = STATUS_WRITER.set(True)
    try:
        yield
    finally:
        STATUS_WRITER.reset(token)


# --- Guards -----------------------------------------------------------------
# A guard returns None when the dossier may move on, or a message saying what
# is missing. Guards read; they never write.

Guard = Callable[[Dossier], str | None]


def has_nominations(dossier: Dossier) -> str | None:
    if not dossier.nominations.exists():
        return _("The dossier has no nominees. Add at least one nominee before sending it on.")
    return None


def nominations_complete(dossier: Dossier) -> str | None:
    problems = []
    for row, nomination in enumerate(dossier.nominations.select_related("entry"), start=1):
        if not nomination.achievement_summary.strip():
            problems.append(_("row %(row)d (%(name)s): the achievement summary is empty")
                            % {"row": row, "name": nomination.subject})
        if nomination.subject_kind not in nomination.entry.subject_kinds:
            problems.append(_("row %(row)d (%(name)s): %(entry)s is not awarded to this kind of subject")
                            % {"row": row, "name": nomination.subject, "entry": nomination.entry.name})
    if problems:
        return _("Some nominations are incomplete: %(list)s.") % {"list": "; ".join(problems)}
    return None


def checklist_satisfied(dossier: Dossier) -> str | None:
    """Every document the catalogue requires for a proposed award is attached."""
    from tdkt.catalogue.models import AttachmentKind

    dossier_kinds = set(dossier.attachments.filter(nomination__isnull=True).values_list("kind", flat=True))
    by_nomination: dict[int, set[str]] = {}
    for nomination_id, kind in dossier.attachments.filter(nomination__isnull=False).values_list(
            "nomination_id", "kind"):
        by_nomination.setdefault(nomination_id, set()).add(kind)
    missing = []
    for row, nomination in enumerate(dossier.nominations.select_related("entry"), start=1):
        have = dossier_kinds | by_nomination.get(nomination.pk, set())
        lacking = [str(AttachmentKind(kind).label) for kind in nomination.entry.checklist if kind not in have]
        if lacking:
            missing.append(_("row %(row)d (%(name)s, %(entry)s): %(docs)s")
                           % {"row": row, "name": nomination.subject, "entry": nomination.entry.name,
                              "docs": ", ".join(lacking)})
    if missing:
        return _("Required documents are missing: %(list)s.") % {"list": "; ".join(missing)}
    return None


def all_appraised(dossier: Dossier) -> str | None:
    pending = dossier.nominations.filter(appraisal_verdict="").count()
    if pending:
        return _("%(count)d nomination(s) have no appraisal verdict yet.") % {"count": pending}
    return None


def needs_consultation(dossier: Dossier) -> str | None:
    if not dossier.nominations.filter(appraisal_verdict="agree", entry__public_posting_required=True).exists():
        return _("No nominee in this dossier requires public posting.")
    return None


def consultation_done(dossier: Dossier) -> str | None:
    """Nominees that must be posted were posted long enough, before the council (NĐ 98 Đ46 k2)."""
    required = dossier.nominations.filter(appraisal_verdict="agree", entry__public_posting_required=True)
    if not required.exists():
        return None
    consultation = getattr(dossier, "consultation", None)
    if consultation is None:
        return _("Nominees for %(entries)s must be posted publicly before the council.") % {
            "entries": ", ".join(sorted({n.entry.name for n in required.select_related("entry")}))}
    needed = max(n.entry.public_posting_working_days for n in required.select_related("entry"))
    posted = working_days_inclusive(consultation.starts_on, consultation.ends_on)
    if posted < needed:
        return _("The public posting lasted %(posted)d working days; at least %(needed)d are required.") % {
            "posted": posted, "needed": needed}
    if consultation.ends_on >= timezone.localdate():
        return _("The public posting runs until %(end)s; the dossier can go to the council after that.") % {
            "end": consultation.ends_on.strftime("%d/%m/%Y")}
    return None


def council_results_recorded(dossier: Dossier) -> str | None:
    missing = dossier.nominations.filter(appraisal_verdict="agree", council_result="").count()
    if missing:
        return _("The council has not recorded a result for %(count)d nomination(s).") % {"count": missing}
    return None


def has_state_level_nominee(dossier: Dossier) -> str | None:
    if not dossier.nominations.filter(council_result="passed", entry__level="state").exists():
        return _("No nominee passed the council for a state-level award; nothing to forward.")
    return None


def province_can_decide(dossier: Dossier) -> str | None:
    if dossier.nominations.filter(council_result="passed", entry__level="state").exists():
        return _("State-level awards are decided centrally: forward this dossier instead.")
    return None


# --- The table ----------------------------------------------------------------

@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    event: str
    guards: tuple[Guard, ...] = field(default=())
    note_required: bool = False


def _t(name, label, sources, target, roles, event, guards=(), note_required=False) -> Transition:
    return Transition(name, label, frozenset(sources), target, frozenset(roles), event,
                      tuple(guards), note_required)


S = Status
TRANSITIONS: dict[str, Transition] = {t.name: t for t in [
    _t("request_approval", gettext_lazy("Send to the unit head"), [S.DRAFT, S.RETURNED], S.AWAITING_HEAD,
       [Role.UNIT_CLERK], "dossier.approval_requested",
       [has_nominations, nominations_complete, checklist_satisfied]),
    _t("send_back", gettext_lazy("Send back to the clerk"), [S.AWAITING_HEAD], S.DRAFT,
       [Role.UNIT_HEAD], "dossier.sent_back", note_required=True),
    _t("submit", gettext_lazy("Approve and submit"), [S.AWAITING_HEAD], S.SUBMITTED,
       [Role.UNIT_HEAD], "dossier.submitted", [has_nominations, nominations_complete, checklist_satisfied]),
    _t("receive", gettext_lazy("Receive"), [S.SUBMITTED], S.RECEIVED,
       [Role.BOARD_OFFICER], "dossier.received"),
    _t("return_for_supplement", gettext_lazy("Return for supplement"), [S.SUBMITTED, S.RECEIVED], S.RETURNED,
       [Role.BOARD_OFFICER], "dossier.returned", note_required=True),
    _t("complete_appraisal", gettext_lazy("Complete the appraisal"), [S.RECEIVED], S.APPRAISED,
       [Role.BOARD_OFFICER], "dossier.appraised", [all_appraised]),
    _t("reopen_appraisal", gettext_lazy("Reopen the appraisal"), [S.APPRAISED], S.RECEIVED,
       [Role.BOARD_HEAD], "dossier.appraisal_reopened", note_required=True),
    _t("open_consultation", gettext_lazy("Post for public consultation"), [S.APPRAISED], S.IN_CONSULTATION,
       [Role.BOARD_HEAD], "dossier.consultation_opened", [needs_consultation]),
    _t("send_to_council", gettext_lazy("Send to the council"), [S.APPRAISED, S.IN_CONSULTATION], S.AT_COUNCIL,
       [Role.BOARD_HEAD], "dossier.sent_to_council", [consultation_done]),
    _t("record_council_result", gettext_lazy("Record the council result"), [S.AT_COUNCIL], S.COUNCIL_DONE,
       [Role.COUNCIL_SECRETARY], "dossier.council_reviewed", [council_results_recorded]),
    _t("issue_decision", gettext_lazy("Issue the decision"), [S.COUNCIL_DONE], S.DECIDED,
       [Role.SIGNER], "dossier.decided", [province_can_decide]),
    _t("forward_to_central", gettext_lazy("Forward to the central level"), [S.COUNCIL_DONE], S.FORWARDED,
       [Role.BOARD_OFFICER], "dossier.forwarded", [has_state_level_nominee]),
    _t("record_central_result", gettext_lazy("Record the central decision"), [S.FORWARDED], S.DECIDED,
       [Role.BOARD_OFFICER], "dossier.central_result_recorded"),
    _t("withdraw", gettext_lazy("Withdraw the dossier"), [S.DRAFT, S.AWAITING_HEAD, S.RETURNED], S.WITHDRAWN,
       [Role.UNIT_CLERK, Role.UNIT_HEAD], "dossier.withdrawn", note_required=True),
]}

# Who owns the dossier while it sits in a status (drives "Việc cần xử lý" and the overdue view).
STEP_OWNER: dict[str, str] = {
    S.DRAFT: Role.UNIT_CLERK,
    S.RETURNED: Role.UNIT_CLERK,
    S.AWAITING_HEAD: Role.UNIT_HEAD,
    S.SUBMITTED: Role.BOARD_OFFICER,
    S.RECEIVED: Role.BOARD_OFFICER,
    S.APPRAISED: Role.BOARD_HEAD,
    S.IN_CONSULTATION: Role.BOARD_HEAD,
    S.AT_COUNCIL: Role.COUNCIL_SECRETARY,
    S.COUNCIL_DONE: Role.SIGNER,
    S.FORWARDED: Role.BOARD_OFFICER,
}
TERMINAL = frozenset({S.DECIDED, S.WITHDRAWN})


def transitions_from(status: str) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if status in t.sources]


def available_transitions(dossier: Dossier, user) -> list[Transition]:
    """Transitions this user could try now (role and scope; guards are checked on apply)."""
    if not in_scope(user, dossier.unit):
        return []
    return [t for t in transitions_from(dossier.status) if user.role in t.roles]


def owner_role(dossier: Dossier) -> str | None:
    if dossier.status == S.COUNCIL_DONE and dossier.nominations.filter(
            council_result="passed", entry__level="state").exists():
        return Role.BOARD_OFFICER
    return STEP_OWNER.get(dossier.status)


def _due_on(status: str, start: date) -> date | None:
    limit = StepTimeLimit.objects.filter(status=status).values_list("working_days", flat=True).first()
    return add_working_days(start, limit) if limit else None


def check_transition(dossier: Dossier, name: str, *, actor, note: str = "") -> Transition:
    """Raise DomainError/PermissionDenied if ``actor`` may not apply ``name`` now."""
    try:
        transition = TRANSITIONS[name]
    except KeyError:
        raise DomainError(_("Unknown action: %(name)s.") % {"name": name}) from None
    if actor.role not in transition.roles:
        raise PermissionDenied(_("Your role (%(role)s) cannot “%(action)s”.") % {
            "role": actor.get_role_display(), "action": transition.label})
    if not in_scope(actor, dossier.unit):
        raise PermissionDenied(_("This dossier belongs to a unit outside your scope."))
    if dossier.status not in transition.sources:
        raise DomainError(_("The dossier is “%(status)s”; “%(action)s” is not possible now.") % {
            "status": dossier.get_status_display(), "action": transition.label}, code="wrong_state")
    if transition.note_required and not note.strip():
        raise DomainError(_("Please give a reason for “%(action)s”.") % {"action": transition.label},
                          field="note")
    for guard in transition.guards:
        problem = guard(dossier)
        if problem:
            raise DomainError(problem, code=guard.__name__)
    return transition


def apply_transition(dossier: Dossier, name: str, *, actor, note: str = "") -> Dossier:
    """Lock the dossier, check role, scope, state and guards, move it, and log the event.

    Must run inside the caller's transaction when the caller also writes side
    effects (decisions, awards), so that everything commits or nothing does.
    """
    with transaction.atomic():
        locked = Dossier.objects.select_for_update().select_related("unit").get(pk=dossier.pk)
        transition = check_transition(locked, name, actor=actor, note=note)
        source = locked.status
        today = timezone.localdate()
        locked.status = transition.target
        locked.step_started_on = today
        locked.step_due_on = _due_on(transition.target, today)
        if transition.target == S.IN_CONSULTATION and hasattr(locked, "consultation"):
            locked.step_due_on = locked.consultation.ends_on
        with _status_writer():
            locked.save(update_fields=["status", "step_started_on", "step_due_on", "updated_at"])
        TimelineEvent.objects.create(dossier=locked, event_type=transition.event, actor=actor,
                                     from_status=source, to_status=transition.target, note=note.strip())
    dossier.status = locked.status
    dossier.step_started_on = locked.step_started_on
    dossier.step_due_on = locked.step_due_on
    dossier._loaded_status = locked.status
    return dossier
