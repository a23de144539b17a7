"""Unit scope: which units a user may see (DESIGN §1).

A user sees their unit and its sub-units; users whose role spans the province
(``user.spans_province``, see accounts.models.PROVINCE_ROLES) see all. Every query
that lists or fetches unit-owned data goes through here. It lives with the units
(not with the accounts) so that every layer from organizations up can use it.
"""

from django.db.models import Q


def unit_scope_q(user, field: str = "unit") -> Q:
    """A filter on ``field`` (a FK to Unit) limiting rows to the user's scope."""
    if user.spans_province:
        return Q()
    return Q(**{f"{field}__path__startswith": user.unit.path})


def in_scope(user, unit) -> bool:
    return user.spans_province or unit.path.startswith(user.unit.path)
