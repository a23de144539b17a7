"""Who may see and change what in the plans area (role and unit scope).

The province plan is managed by the TĐKT Board (officers, head) and the administrator.
Other province-wide roles (council, signers) read everything. A unit's users see the
items their unit (or a unit below it) leads or coordinates, and may add progress notes
to those; only the lead unit (or the Board) changes an item's status.
"""

from django.db.models import Q
from django.http import Http404

from tdkt.accounts.models import Role
from tdkt.organizations.scope import in_scope, unit_scope_q
from tdkt.plans.models import FollowUpAction, Inspection, Plan, PlanItem, UnitPlanSubmission

MANAGER_ROLES = frozenset({Role.BOARD_OFFICER, Role.BOARD_HEAD, Role.ADMIN})
# Roles that act for a unit (write notes, submit the unit's plan).
UNIT_ROLES = frozenset({Role.UNIT_CLERK, Role.UNIT_HEAD})


def can_manage(user) -> bool:
    return user.role in MANAGER_ROLES


def items_for_user(user):
    qs = PlanItem.objects.select_related("plan", "lead_unit")
    if user.spans_province:
        return qs
    mine = unit_scope_q(user, "lead_unit") | Q(coordinating_units__path__startswith=user.unit.path)
    return qs.filter(pk__in=PlanItem.objects.filter(mine).values("pk"))


def plans_for_user(user):
    if user.spans_province:
        return Plan.objects.select_related("issuer")
    return Plan.objects.select_related("issuer").filter(pk__in=items_for_user(user).values("plan_id"))


def get_plan_for_user(user, pk) -> Plan:
    try:
        return plans_for_user(user).get(pk=pk)
    except (Plan.DoesNotExist, ValueError, TypeError):
        raise Http404("Plan not found") from None


def get_item_for_user(user, pk) -> PlanItem:
    """404 for an item outside the user's scope: guessing URLs reveals nothing."""
    try:
        return items_for_user(user).get(pk=pk)
    except (PlanItem.DoesNotExist, ValueError, TypeError):
        raise Http404("Plan item not found") from None


def can_note(user, item: PlanItem) -> bool:
    if can_manage(user):
        return True
    if user.role not in UNIT_ROLES:
        return False
    units = [item.lead_unit, *item.coordinating_units.all()]
    return any(in_scope(user, unit) for unit in units)


def can_set_status(user, item: PlanItem) -> bool:
    return can_manage(user) or (user.role in UNIT_ROLES and in_scope(user, item.lead_unit))


def can_submit_for(user, unit) -> bool:
    return can_manage(user) or (user.role in UNIT_ROLES and in_scope(user, unit))


def submissions_for_user(user):
    qs = UnitPlanSubmission.objects.select_related("unit", "submitted_by")
    return qs if user.spans_province else qs.filter(unit_scope_q(user))


def inspections_for_user(user):
    qs = Inspection.objects.select_related("organiser")
    if user.spans_province:
        return qs
    return qs.filter(pk__in=Inspection.objects.filter(units__path__startswith=user.unit.path).values("pk"))


def get_inspection_for_user(user, pk) -> Inspection:
    try:
        return inspections_for_user(user).get(pk=pk)
    except (Inspection.DoesNotExist, ValueError, TypeError):
        raise Http404("Inspection not found") from None


def can_close_action(user, action: FollowUpAction) -> bool:
    return can_manage(user) or (user.role in UNIT_ROLES and in_scope(user, action.owner))
