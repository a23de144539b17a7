"""Read side of dossiers: work lists, filters, the overdue view and the detail page's data.

Everything starts from ``access.dossiers_for_user`` so that role and unit scope are
applied once, in one place.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Case, CharField, Count, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from tdkt.accounts.models import Role
from tdkt.catalogue.models import AttachmentKind
from tdkt.core.calendar import working_days_between
from tdkt.core.text import fold
from tdkt.nominations.access import dossiers_for_user
from tdkt.nominations.models import Dossier, Nomination, Status
from tdkt.nominations.workflow import STEP_OWNER, TERMINAL

UNIT_ROLES = frozenset({Role.UNIT_CLERK, Role.UNIT_HEAD})
COUNCIL_ROLES = frozenset({Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY})


# --- Owner of the current step ---------------------------------------------------

def _has_state_level_passed():
    return Exists(Nomination.objects.filter(dossier=OuterRef("pk"), council_result=Nomination.CouncilResult.PASSED,
                                            entry__level="state"))


def owner_expression() -> Case:
    """The SQL twin of ``workflow.owner_role``: who owns the dossier in its current status."""
    whens = [When(Q(_has_state_level_passed(), status=Status.COUNCIL_DONE), then=Value(Role.BOARD_OFFICER))]
    whens += [When(status=status, then=Value(role)) for status, role in STEP_OWNER.items()]
    return Case(*whens, default=Value(""), output_field=CharField())


def with_owner(qs: QuerySet) -> QuerySet:
    return qs.annotate(owner=owner_expression())


def worklist_for_user(user) -> QuerySet:
    """Dossiers waiting for this user's role ("Việc cần xử lý")."""
    qs = dossiers_for_user(user).exclude(status__in=TERMINAL)
    qs = with_owner(qs)
    if user.role == Role.ADMIN:
        return qs
    if user.role in COUNCIL_ROLES:
        return qs.filter(status=Status.AT_COUNCIL)
    return qs.filter(owner=user.role)


def status_counts(qs: QuerySet) -> list[tuple[str, str, int]]:
    """(status, label, count) in workflow order, only statuses present."""
    counts = dict(qs.order_by().values_list("status").annotate(n=Count("id")))
    return [(value, label, counts[value]) for value, label in Status.choices if counts.get(value)]


# --- Filters ----------------------------------------------------------------------

def search_dossiers(qs: QuerySet, text: str) -> QuerySet:
    """Code or title contains ``text``, compared without diacritics (đ folds to d).

    Titles have no stored folded column, so candidates are folded in Python over
    (pk, code, title) of the already scoped and filtered queryset: dossiers are
    counted in thousands, not millions, so this stays cheap on both databases.
    """
    needle = fold(text)
    if not needle:
        return qs
    pks = [pk for pk, code, title in qs.order_by().values_list("pk", "code", "title")
           if needle in code.lower() or needle in fold(title)]
    return qs.filter(pk__in=pks)


def filter_dossiers(qs: QuerySet, data: dict) -> QuerySet:
    """Apply the cleaned data of ``forms.DossierFilterForm``."""
    if data.get("status"):
        qs = qs.filter(status=data["status"])
    if data.get("kind"):
        qs = qs.filter(kind=data["kind"])
    if data.get("year"):
        qs = qs.filter(year=data["year"])
    if data.get("unit"):
        qs = qs.filter(unit__path__startswith=data["unit"].path)
    if data.get("owner"):
        if "owner" not in qs.query.annotations:
            qs = with_owner(qs)
        qs = qs.filter(owner=data["owner"])
    if data.get("q"):
        qs = search_dossiers(qs, data["q"])
    return qs


def by_due_date(qs: QuerySet) -> QuerySet:
    return qs.order_by(F("step_due_on").asc(nulls_last=True), "-created_at")


def owner_label(role: str, unit=None) -> str:
    if not role:
        return ""
    label = str(Role(role).label)
    if role in UNIT_ROLES and unit is not None:
        return f"{label} · {unit.short_name or unit.name}"
    return label


def decorate(dossiers, *, today: date) -> list[Dossier]:
    """Add what list rows show: owner label and whether the step is overdue."""
    rows = list(dossiers)
    for dossier in rows:
        role = getattr(dossier, "owner", None)
        dossier.owner_display = owner_label(role, dossier.unit) if role is not None else ""
        dossier.is_overdue = bool(dossier.step_due_on and dossier.step_due_on < today
                                  and dossier.status not in TERMINAL)
    return rows


# --- Overdue ----------------------------------------------------------------------

def overdue_dossiers(user, today: date) -> QuerySet:
    """Dossiers in scope past the due date of their current step, grouped by owner."""
    qs = with_owner(dossiers_for_user(user).filter(step_due_on__lt=today).exclude(status__in=TERMINAL))
    unit_group = Case(When(owner__in=list(UNIT_ROLES), then=F("unit__path")), default=Value(""),
                      output_field=CharField())
    return qs.annotate(unit_group=unit_group).order_by("owner", "unit_group", "step_due_on", "code")


def decorate_overdue(dossiers, *, today: date) -> list[Dossier]:
    rows = decorate(dossiers, today=today)
    cache: dict[date, int] = {}
    for dossier in rows:
        due = dossier.step_due_on
        if due not in cache:
            cache[due] = working_days_between(due, today)
        dossier.days_overdue = cache[due]
        dossier.calendar_days_overdue = (today - due).days
        dossier.group_key = dossier.owner_display or "—"
    return rows


# --- Detail page --------------------------------------------------------------------

EVENT_LABELS = {
    "dossier.created": _("Dossier created"),
    "dossier.approval_requested": _("Sent to the unit head"),
    "dossier.sent_back": _("Sent back to the clerk"),
    "dossier.submitted": _("Approved and submitted"),
    "dossier.received": _("Received by the TĐKT Board"),
    "dossier.returned": _("Returned for supplement"),
    "dossier.appraised": _("Appraisal completed"),
    "dossier.appraisal_reopened": _("Appraisal reopened"),
    "dossier.consultation_opened": _("Posted for public consultation"),
    "dossier.sent_to_council": _("Sent to the council"),
    "dossier.council_reviewed": _("Council result recorded"),
    "dossier.decided": _("Decision issued"),
    "dossier.forwarded": _("Forwarded to the central level"),
    "dossier.central_result_recorded": _("Central decision recorded"),
    "dossier.withdrawn": _("Dossier withdrawn"),
    "nomination.added": _("Nominee added"),
    "nomination.removed": _("Nominee removed"),
    "nomination.imported": _("Nominees imported from a list"),
    "nomination.appraised": _("Nominee appraised"),
    "attachment.added": _("Document attached"),
    "attachment.removed": _("Document removed"),
    "consultation.comment_recorded": _("Public comment recorded"),
    "council.session_opened": _("Council meeting opened"),
    "council.vote_counted": _("Council votes counted"),
}


def event_label(event_type: str) -> str:
    return EVENT_LABELS.get(event_type, event_type)


@dataclass
class ChecklistRow:
    entry: object
    items: list = field(default_factory=list)  # [(kind code, kind label, satisfied, [names lacking it])]

    @property
    def complete(self) -> bool:
        return all(ok for _kind, _label, ok, _missing in self.items)


def nominations_for_detail(dossier: Dossier) -> list[Nomination]:
    return list(dossier.nominations.select_related(
        "entry", "person__unit", "collective__unit", "household__unit", "award__decision", "appraised_by"))


def checklist(dossier: Dossier, nominations: list[Nomination], attachments) -> list[ChecklistRow]:
    """Required documents per proposed award, ticked the way ``workflow.checklist_satisfied`` checks them:
    a document attached to the whole dossier counts for every nominee, one attached to a nominee
    counts for that nominee."""
    dossier_kinds = {a.kind for a in attachments if a.nomination_id is None}
    by_nomination: dict[int, set[str]] = {}
    for attachment in attachments:
        if attachment.nomination_id:
            by_nomination.setdefault(attachment.nomination_id, set()).add(attachment.kind)
    rows: dict[int, ChecklistRow] = {}
    grouped: dict[int, list[Nomination]] = {}
    for nomination in nominations:
        rows.setdefault(nomination.entry_id, ChecklistRow(entry=nomination.entry))
        grouped.setdefault(nomination.entry_id, []).append(nomination)
    for entry_id, row in rows.items():
        for kind in row.entry.checklist:
            lacking = [str(n.subject) for n in grouped[entry_id]
                       if kind not in dossier_kinds | by_nomination.get(n.pk, set())]
            row.items.append((kind, str(AttachmentKind(kind).label), not lacking, lacking))
    return list(rows.values())


def timeline(dossier: Dossier) -> list:
    events = list(dossier.timeline.select_related("actor"))
    for event in events:
        event.label = event_label(event.event_type)
    return events
