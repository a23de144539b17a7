"""The what-if eligibility check with the province's own data: a case (plain dict, the contract of
docs/rules.md) in, the engine's verdict out. Used by the "Kiểm tra điều kiện" page and by the API.

The engine (``tdkt.rules``) is pure; this module hands it what the administrator keeps in the
database (base salaries, the holiday calendar, rule parameters where the catalogue has them) and
turns the engine's refusals of a malformed case into ``CaseError`` naming the field.
"""

import logging

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tdkt import rules
from tdkt.catalogue.models import BaseSalary, rule_parameter_overlay
from tdkt.core.models import Holiday
from tdkt.rules import schema

logger = logging.getLogger(__name__)


class CaseError(Exception):
    """The case is malformed; ``field`` is the path of the (first) field at fault, as the engine
    writes it (``subject.birth_date``, ``history[1].decided_on``), or None; ``errors`` lists every
    problem found as ``{"field", "error"}``."""

    def __init__(self, message, *, field: str | None = None, errors: list[dict] | None = None):
        super().__init__(str(message))
        self.message = str(message)
        self.field = field
        self.errors = errors or [{"field": field, "error": self.message}]


def base_salaries() -> list[tuple] | None:
    """(valid_from, amount) rows of the base salary history; None (the engine's own table) when empty."""
    rows = list(BaseSalary.objects.order_by("valid_from").values_list("valid_from", "amount"))
    return rows or None


def holidays() -> dict:
    """The holiday calendar as the engine takes it: date → is a make-up working day."""
    return dict(Holiday.objects.values_list("on", "is_working_day"))


def rule_parameters() -> list[dict] | None:
    """The administrator's overlay of rule parameters (LAW.md M-tagged values, province overlays);
    None leaves the engine's national defaults."""
    return rule_parameter_overlay() or None


def run_check(case) -> dict:
    """The engine's result for ``case``; raises CaseError for a malformed case. Stores nothing."""
    if not isinstance(case, dict):
        raise CaseError(_("The case must be a JSON object ({…})."), field=None)
    problems = schema.validate(case)  # untrusted input: the whole schema, every problem named
    if problems:
        english = _english()
        errors = [{"field": _path(field), "error": message_en if english else message}
                  for field, message, message_en in problems]
        raise CaseError(errors[0]["error"], field=errors[0]["field"], errors=errors)
    try:
        return rules.check(case, parameters=rule_parameters(), base_salaries=base_salaries(),
                           holidays=holidays())
    except ValueError as bad:  # the engine's CaseError (a ValueError) names the field
        raise CaseError(_engine_message(bad), field=_field(bad)) from bad
    except (TypeError, AttributeError, KeyError) as bad:
        # A value of the wrong shape (a list where an object belongs…) that the engine did not name.
        logger.warning("eligibility case refused by the engine: %r", bad, exc_info=True)
        raise CaseError(_("A value in the case has the wrong type (see docs/rules.md)."), field=None) from bad


def _english() -> bool:
    return (get_language() or "vi").startswith("en")


def _path(field) -> str | None:
    return None if field in (None, "", "$") else str(field)


def _engine_message(error: ValueError) -> str:
    message = getattr(error, "message_en", None) if _english() else None
    return str(message or getattr(error, "message", None) or error)


def _field(error: ValueError) -> str | None:
    return _path(getattr(error, "field", None))
