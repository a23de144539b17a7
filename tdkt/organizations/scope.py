"""Unit scope: which units a user may see (DESIGN §1).

A user sees their unit and its sub-units; roles in PROVINCE_ROLES see all.
Every query that lists or fetches unit-owned data goes through here.
"""

from django.db.models import Q


def unit_scope_q(user, field: str = "unit") -> Q:
    """A filter on ``field`` (a FK to Unit) limiting rows to the user's scope."""
    if user.spans_province:
        return Q()
    return Q(**{f"{field}__path__startswith": user.unit.path})


def in_scope(user, unit) -> bool:
    return user.spans_province or unit.path.startswith(user.unit.path)
