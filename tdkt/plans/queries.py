"""Read side of the plans area: filtered items, the unit-plan board, what is due."""

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from tdkt.organizations.models import Unit, UnitKind, UnitLevel
from tdkt.organizations.scope import in_scope
from tdkt.plans.access import can_manage
from tdkt.plans.models import LATE, FollowUpAction, ItemStatus, PlanItem, UnitPlanSubmission

# Units expected to send their own yearly TĐKT plan (seed plan, section IV.1: sở, ban, ngành,
# đoàn thể, huyện/xã and the units in the province's clusters).
EXPECTED_KINDS = (UnitKind.DEPARTMENT, UnitKind.BOARD, UnitKind.MASS_ORGANISATION, UnitKind.DISTRICT,
                  UnitKind.COMMUNE, UnitKind.ENTERPRISE, UnitKind.SCHOOL, UnitKind.HOSPITAL, UnitKind.OTHER)
AREA_FIELDS = {"remote": "is_remote", "border": "is_border", "difficult": "is_especially_difficult",
               "ethnic": "is_ethnic_minority"}


def reminder_days() -> int:
    return int(getattr(settings, "TDKT_PLAN_REMINDER_DAYS", 7))


# --- Items -----------------------------------------------------------------------------------

def filter_items(items, *, quarter=None, lead_unit=None, status: str = "", today: date) -> list[PlanItem]:
    """Items matching the filters; "late" is computed, so the status filter runs in Python."""
    qs = items.prefetch_related("coordinating_units")
    if lead_unit:
        qs = qs.filter(lead_unit=lead_unit)
    rows = list(qs.order_by("plan__year", "number"))
    if quarter:
        rows = [i for i in rows if i.display_quarter == int(quarter)]
    if status == LATE:
        rows = [i for i in rows if i.is_late_on(today)]
    elif status:
        rows = [i for i in rows if i.display_status_on(today) == status]
    for item in rows:
        item.shown_status = item.display_status_on(today)
    return rows


def group_by_quarter(items: list[PlanItem]) -> "OrderedDict[int | None, list[PlanItem]]":
    groups: OrderedDict = OrderedDict()
    for item in sorted(items, key=lambda i: (i.display_quarter or 5, i.number)):
        groups.setdefault(item.display_quarter, []).append(item)
    return groups


def status_counts(items: list[PlanItem], today: date) -> dict[str, int]:
    counts = {value: 0 for value in (*ItemStatus.values, LATE)}
    for item in items:
        counts[item.display_status_on(today)] += 1
    return counts


# --- Units' plans board ----------------------------------------------------------------------

def expected_units(on: date, *, level: str = "", area: str = ""):
    qs = Unit.objects.filter(kind__in=EXPECTED_KINDS).exclude(level=UnitLevel.EXTERNAL)
    qs = qs.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on)).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=on))
    if level:
        qs = qs.filter(level=level)
    if area in AREA_FIELDS:
        qs = qs.filter(**{AREA_FIELDS[area]: True})
    return qs.order_by("path")


@dataclass
class BoardRow:
    unit: Unit
    submission: UnitPlanSubmission | None
    state: str  # on_time | late | missing | pending (not yet due)


def board(year: int, deadline: date, today: date, *, level: str = "", area: str = "", state: str = "",
          scope_user=None) -> tuple[list[BoardRow], dict[str, int]]:
    """Every expected unit with its submission state, and the counts per state."""
    units = expected_units(deadline, level=level, area=area)
    if scope_user is not None and not scope_user.spans_province:
        units = units.filter(path__startswith=scope_user.unit.path)
    submissions = {s.unit_id: s for s in UnitPlanSubmission.objects.filter(year=year).select_related("submitted_by")}
    rows = []
    for unit in units:
        submission = submissions.get(unit.pk)
        if submission:
            row_state = "late" if submission.submitted_on > deadline else "on_time"
        else:
            row_state = "missing" if today > deadline else "pending"
        rows.append(BoardRow(unit, submission, row_state))
    counts = {key: sum(1 for r in rows if r.state == key) for key in ("on_time", "late", "missing", "pending")}
    counts["expected"] = len(rows)
    counts["submitted"] = counts["on_time"] + counts["late"]
    if state:
        rows = [r for r in rows if r.state == state]
    return rows, counts


# --- What is due -----------------------------------------------------------------------------

@dataclass
class Due:
    kind: str  # item | unit_plan | action
    obj: object
    unit: Unit  # the owner
    due_on: date
    is_late: bool
    title: str


def due_items(today: date, days: int) -> list[Due]:
    horizon = today + timedelta(days=days)
    rows = []
    for item in PlanItem.objects.exclude(status=ItemStatus.DONE).select_related("plan", "lead_unit"):
        due = item.effective_due_on
        if due and due <= horizon:
            rows.append(Due("item", item, item.lead_unit, due, due < today,
                            f"{item.plan.year} – {item.number:02d}. {item.content[:120]}"))
    return rows


def missing_unit_plans(today: date, days: int) -> list[Due]:
    from tdkt.plans.services import deadline_for  # the deadline lookup lives with the use cases

    deadline = deadline_for(today.year)
    if deadline > today + timedelta(days=days):
        return []
    submitted = set(UnitPlanSubmission.objects.filter(year=today.year).values_list("unit_id", flat=True))
    title = _("Unit TĐKT plan for %(year)s") % {"year": today.year}
    return [Due("unit_plan", unit, unit, deadline, deadline < today, title)
            for unit in expected_units(deadline) if unit.pk not in submitted]


def due_actions(today: date, days: int) -> list[Due]:
    horizon = today + timedelta(days=days)
    qs = FollowUpAction.objects.filter(closed_on__isnull=True, due_on__lte=horizon).select_related(
        "owner", "finding__inspection")
    return [Due("action", a, a.owner, a.due_on, a.due_on < today, a.description[:120]) for a in qs]


def all_due(today: date, days: int) -> list[Due]:
    rows = due_items(today, days) + missing_unit_plans(today, days) + due_actions(today, days)
    return sorted(rows, key=lambda d: (d.due_on, d.kind, d.title))


def due_for_user(user, today: date, days: int) -> list[Due]:
    """What the user's unit owns (the Board sees everything)."""
    rows = all_due(today, days)
    if can_manage(user) or user.spans_province:
        return rows
    return [d for d in rows if in_scope(user, d.unit)]
