"""The eligibility engine (issue 3): the law's criteria as pure functions over plain data.

No Django and no ORM here (import-linter keeps tdkt.rules independent of the other apps). Public API:

* ``check(case, *, parameters=None, base_salaries=None, holidays=None) -> dict``
* ``check_many(cases, ...) -> list[dict]`` (the batch form, for the appraisal screen)
* ``parse_case``, ``CaseError``, ``regime_for``, ``RULES``, ``PARAMETERS``

See docs/rules.md for the case contract, the result format and every rule.
"""

from tdkt.rules.case import Case, CaseError, parse_case
from tdkt.rules.engine import ELIGIBLE, NEEDS_CHECK, NOT_ELIGIBLE, check, check_many, plan_for
from tdkt.rules.parameters import BASE_SALARIES, PARAMETERS, parameter_table
from tdkt.rules.regimes import R_98, R_152, R_OLD, REGIMES, regime_for
from tdkt.rules.registry import RULES

__all__ = ["BASE_SALARIES", "Case", "CaseError", "ELIGIBLE", "NEEDS_CHECK", "NOT_ELIGIBLE", "PARAMETERS", "R_152",
           "R_98", "REGIMES", "RULES", "R_OLD", "check", "check_many", "parameter_table", "parse_case", "plan_for",
           "regime_for"]
