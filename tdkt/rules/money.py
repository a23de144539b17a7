"""Money (LAW.md §1.2, §2.3; NĐ 152 Điều 49–54): coefficient × mức lương cơ sở in force on the decision date,
rounded UP to tens of thousands of đồng; several titles in one decision: same counting period → only the
highest one's money, different periods → each."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from tdkt.rules.facts import dmy
from tdkt.rules.regimes import ALL
from tdkt.rules.registry import MONEY, rule


class Salaries:
    """Mức lương cơ sở as data: ``(valid_from, amount)`` pairs (dates or ISO strings), any order."""

    __slots__ = ("starts", "amounts", "messages", "_found")

    def __init__(self, rows):
        pairs = sorted((date.fromisoformat(d) if isinstance(d, str) else d, int(a)) for d, a in rows)
        self.starts = [d for d, _ in pairs]
        self.amounts = [a for _, a in pairs]
        # The reason text of each row, made once per batch rather than once per nominee.
        self.messages = [(f"Mức lương cơ sở {a:,} đồng (từ {dmy(d)}).".replace(",", "."),
                          f"Base salary {a:,} đồng (from {dmy(d)}).") for d, a in pairs]
        # day → the MONEY.base_salary finding; rows never change after construction and a batch has few
        # distinct decision dates.
        self._found: dict[date, tuple] = {}

    def on(self, day: date) -> tuple[int, date] | None:
        i = bisect_right(self.starts, day)
        if i == 0:
            return None
        return self.amounts[i - 1], self.starts[i - 1]

    def message(self, day: date) -> tuple[str, str]:
        return self.messages[bisect_right(self.starts, day) - 1]


def coefficient(params, award: str, subject_kind: str) -> float | None:
    cache = params.plans   # per resolved parameters, like the rule plans
    key = ("coefficient", award, subject_kind)
    if key in cache:
        return cache[key]
    value = _coefficient(params, award, subject_kind)
    cache[key] = value
    return value


def _coefficient(params, award: str, subject_kind: str) -> float | None:
    if subject_kind == "collective":
        value = params.get(f"{award}.coefficient_collective")
    elif subject_kind == "household":
        value = params.get(f"{award}.coefficient_household")
    else:
        value = None
    if value is None:
        value = params.get(f"{award}.coefficient")
    return value


def amount(coef: float, salary: int, round_to: int = 10_000) -> int:
    """coef × salary rounded up to ``round_to``; integer arithmetic so 0.3 × 2,340,000 is exactly 702,000
    (→ 710,000) with no float noise at the boundary."""
    milli = round(coef * 1000)
    raw = salary * milli                      # in thousandths of a đồng
    step = round_to * 1000
    return -(-raw // step) * round_to


def _outranked(c, coef: float):
    """The title in the same decision with the same period and higher money, if any."""
    for other in c.case.same_decision:
        if other.award == c.award:
            continue
        if (other.from_year, other.to_year) != (c.from_year, c.to_year):
            continue
        other_coef = coefficient(c.p, other.award, c.subject_kind) or 0
        if other_coef > coef or (other_coef == coef and other.award < c.award):
            return other.award, other_coef
    return None


def compute(c) -> dict:
    coef = coefficient(c.p, c.award, c.subject_kind)
    if coef is None:
        return {"coefficient": None, "amount_vnd": None}
    found = c.salaries.on(c.today)
    if found is None:
        return {"coefficient": float(coef), "amount_vnd": None}
    if c.case.same_decision and c.p["money.same_period_highest_only"] and _outranked(c, coef):
        return {"coefficient": float(coef), "amount_vnd": 0}
    return {"coefficient": float(coef), "amount_vnd": amount(coef, found[0], c.p["money.round_up_to"])}


@rule("MONEY.base_salary", stage=MONEY, params=("{award}.coefficient", "money.round_up_to"),
      enabled=lambda p, regime, award, subject, kind: coefficient(p, award, subject) is not None,
      summary="A base salary (mức lương cơ sở) is known for the decision date; the amount is coefficient × base "
              "salary rounded up to 10,000 đồng.",
      law={ALL: ("NĐ 152/2025/NĐ-CP Điều 49; NĐ 73/2024/NĐ-CP", "V")})
def base_salary(c):
    if coefficient(c.p, c.award, c.subject_kind) is None:
        return None
    salaries, today = c.salaries, c.today
    finding = salaries._found.get(today)
    if finding is None:
        finding = _base_salary_finding(salaries, today)
        if len(salaries._found) < 10_000:
            salaries._found[today] = finding
    return finding


def _base_salary_finding(salaries: Salaries, today: date) -> tuple:
    if salaries.on(today) is None:
        return (None, f"Chưa có mức lương cơ sở áp dụng tại ngày {dmy(today)}; không tính được tiền thưởng.",
                f"No base salary known for {dmy(today)}; the money cannot be computed.")
    vi, en = salaries.message(today)
    return (True, vi, en)


@rule("MONEY.same_decision", stage=MONEY, params=("money.same_period_highest_only",),
      summary="Several titles in one decision: with the same counting period only the highest title's money is "
              "paid; with different periods each is paid.",
      law={ALL: ("NĐ 152/2025/NĐ-CP Điều 49", "V")})
def same_decision(c):
    if not c.case.same_decision:
        return None
    coef = coefficient(c.p, c.award, c.subject_kind) or 0
    higher = _outranked(c, coef) if c.p["money.same_period_highest_only"] else None
    if higher:
        return (True, f"Cùng quyết định với “{higher[0]}” (cùng thời gian lập thành tích, hệ số {higher[1]:g}): chỉ nhận "
                      "tiền thưởng của danh hiệu cao nhất, không nhận tiền của danh hiệu này.",
                f"Same decision and period as {higher[0]} (coefficient {higher[1]:g}): only the highest title's money "
                "is paid, none for this one.")
    return (True, "Các danh hiệu khác trong cùng quyết định có thời gian khác hoặc thấp hơn: nhận tiền thưởng của "
                  "danh hiệu này.",
            "Other titles in the same decision have a different period or lower money: this one is paid.")
