"""The evaluation context of one case and the small fact helpers rules share.

Kept free of Django: working days are counted here from holidays passed in as data (the product
reads them from core.Holiday and passes them in), because the rules must stay pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from tdkt.rules.case import SCOPE_RANK, Case

GOOD = frozenset(("excellent", "good"))
RATING_VI = {"excellent": "Hoàn thành xuất sắc nhiệm vụ", "good": "Hoàn thành tốt nhiệm vụ",
             "completed": "Hoàn thành nhiệm vụ", "not_completed": "Không hoàn thành nhiệm vụ"}
RATING_EN = {"excellent": "excellent", "good": "good", "completed": "completed", "not_completed": "not completed"}
SCOPE_VI = {"unit": "cơ sở", "province": "cấp tỉnh/bộ", "national": "toàn quốc"}

# Awards that are "titles" (danh hiệu thi đua) as opposed to "forms" (hình thức khen thưởng): the
# Công văn 5007/BNV-TĐKT line between them decides how strictly an initiative may be reused.
TITLES = frozenset(("LDTT", "CSTT", "CSTDCS", "CSTD_TINH", "CSTD_BO", "CSTDTQ", "TTLDTT", "DVTT", "TTLDXS",
                    "DVQT", "CO_TINH", "CO_BO", "CO_CP", "XA_TIEU_BIEU", "THON_VH", "GDVH"))
CSTD_PROVINCE = ("CSTD_TINH", "CSTD_BO")     # ministry-level titles count like provincial ones
BK_PROVINCE = ("BK_TINH", "BK_BO")
COUNTED_KINDS = frozenset(("annual",))      # NĐ 152 Đ4 k3: thematic / sudden results do not count


class Ctx:
    """Everything a rule reads about one case, prepared once."""

    __slots__ = ("case", "regime", "p", "award", "subject_kind", "kind", "year", "from_year", "to_year",
                 "today", "subject", "ratings", "calendar", "salaries",
                 "initiative_shortfall", "thematic_needed", "female")

    def __init__(self, case: Case, regime: str, params, calendar, salaries):
        self.case = case
        self.regime = regime
        self.p = params
        self.award = case.award
        subject = case.subject
        self.subject = subject
        self.subject_kind = subject.kind
        ach = case.achievement
        self.kind = ach.kind
        self.year = ach.year
        self.from_year = ach.from_year
        self.to_year = ach.to_year
        self.today = case.decision_date
        self.ratings = subject.ratings
        self.calendar = calendar
        self.salaries = salaries
        self.initiative_shortfall = None   # set by a rule that lacked initiatives only through reuse
        self.thematic_needed = None        # set by a rule that passed only by counting thematic awards
        self.female = subject.gender == "female"

    # --- history ---------------------------------------------------------------------------------
    def entries(self, codes: Iterable[str], counted: bool = True) -> list:
        """History entries of these award codes decided by the review date; ``counted`` keeps only
        annual (công trạng) ones (NĐ 152 Đ4 k3), unless an administrator switched that off."""
        by_award = self.case.history_by_award
        today = self.today
        strict = counted and self.p.get("thematic_not_counted", True)
        out = []
        for code in codes:
            for entry in by_award.get(code, ()):
                decided = entry[3]
                if decided is not None and decided > today:
                    continue  # a decision after the review date is not history yet
                if strict and entry[4] not in COUNTED_KINDS:
                    continue
                out.append(entry)
        return out

    def years_with(self, codes: Iterable[str], counted: bool = True) -> set[int]:
        years = set()
        for entry in self.entries(codes, counted):
            if entry.from_year is not None:
                years.update(range(entry.from_year, entry.to_year + 1))
            elif entry.decided_on is not None:
                years.add(entry.decided_on.year)
        return years

    def latest(self, codes: Iterable[str], counted: bool = True):
        """The entry whose stated period ends last (ties: the later decision)."""
        # Same filters as ``entries`` (decided by the review date; annual only when counted), inlined:
        # COMMON.interval calls this for every nominee, and building the intermediate list cost more
        # than the comparison itself.
        best, best_end, best_on = None, -1, date.min
        by_award = self.case.history_by_award
        today = self.today
        strict = None   # the parameter is read only once an entry exists, as before
        for code in codes:
            bucket = by_award.get(code)
            if not bucket:
                continue
            if strict is None:
                strict = bool(counted and self.p.get("thematic_not_counted", True))
            for entry in bucket:
                decided = entry[3]
                if decided is not None and decided > today:
                    continue  # a decision after the review date is not history yet
                if strict and entry[4] not in COUNTED_KINDS:
                    continue
                end = entry[2]
                if end is None:
                    end = end_year(entry, self.p)
                    if end is None:
                        end = -1
                on = decided or date.min
                if end > best_end or (end == best_end and on >= best_on) or best is None:
                    best, best_end, best_on = entry, end, on
        return best

    # --- ratings ----------------------------------------------------------------------------------
    def missing_ratings(self, years: Iterable[int]) -> list[int]:
        ratings = self.ratings
        return [y for y in years if y not in ratings]

    # --- initiatives ------------------------------------------------------------------------------
    def initiatives(self, min_scope: str, first_year: int, last_year: int) -> tuple[int, int, int]:
        """(free, reusable with a check, barred) initiatives of at least ``min_scope`` recognised in
        [first_year, last_year]. One initiative serves one award only (Công văn 5007/BNV-TĐKT 2023;
        Luật 2022 Đ5 k2 c); reuse between two titles is not expressly barred (LAW.md §1.5 k2)."""
        rank = SCOPE_RANK[min_scope]
        award, year = self.award, self.year
        award_is_title = award in TITLES
        lenient = self.p.get("initiative.reuse_between_titles") == "needs_check"
        free = check = barred = 0
        for ini in self.case.initiatives:
            if SCOPE_RANK[ini.scope] < rank or not (first_year <= ini.year <= last_year):
                continue
            used = ini.used_award
            if used is None or (used == award and (ini.used_year is None or ini.used_year == year)):
                free += 1
            elif lenient and award_is_title and used in TITLES and used != award:
                check += 1
            else:
                barred += 1
        return free, check, barred

    def need_initiatives(self, n: int, min_scope: str, first_year: int, last_year: int):
        """None if ``n`` free initiatives exist, else (free, check, barred) and a note for
        ``COMMON.initiative_once``."""
        free, check, barred = self.initiatives(min_scope, first_year, last_year)
        if free >= n:
            return None
        if free + check + barred >= n:
            self.initiative_shortfall = (n, free, check, barred, min_scope)
        return free, check, barred


def dmy(day: date) -> str:
    """dd/mm/yyyy (DESIGN.md §3) without strftime, which costs more than the rest of a message."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def end_year(entry, params) -> int | None:
    """The last year of the period stated in a decision; without one, the decision's year
    (NĐ 98 Đ30 k9, second half M: ``interval.fallback_to_decision_year``)."""
    if entry.to_year is not None:
        return entry.to_year
    if entry.decided_on is not None and params.get("interval.fallback_to_decision_year", True):
        return entry.decided_on.year
    return None


def run_ending(years: set[int], end: int) -> int:
    """Length of the run of consecutive years in ``years`` that ends at ``end``."""
    n = 0
    while end - n in years:
        n += 1
    return n


def years_list(years: Iterable[int]) -> str:
    return ", ".join(str(y) for y in sorted(years))


def compare_share(part: int, total: int, spec) -> bool:
    """``spec`` is a number (at least that share) or {"op": ">" | ">=", "share": x}."""
    if isinstance(spec, Mapping):
        op, share = spec.get("op", ">="), spec["share"]
    else:
        op, share = ">=", spec
    # Integers compared exactly: part/total vs share without float rounding at the boundary.
    lhs, rhs = part * 1_000_000, round(share * 1_000_000) * total
    return lhs > rhs if op == ">" else lhs >= rhs


def share_text(spec) -> str:
    if isinstance(spec, Mapping):
        op, share = spec.get("op", ">="), spec["share"]
    else:
        op, share = ">=", spec
    pct = f"{share * 100:g}%"
    return ("trên " if op == ">" else "ít nhất ") + pct, ("more than " if op == ">" else "at least ") + pct


# --- working days (LAW.md §3.4–3.5) ---------------------------------------------------------------------
class Calendar:
    """Days off and make-up working days, given as data.

    ``holidays`` may be an iterable of dates / ISO strings (days off), or a mapping date → bool where
    True marks a make-up working day (as core.Holiday.is_working_day)."""

    __slots__ = ("off", "worked", "_counts")

    def __init__(self, holidays=None):
        off, worked = set(), set()
        if holidays:
            items = holidays.items() if isinstance(holidays, Mapping) else ((h, False) for h in holidays)
            for day, is_working in items:
                if isinstance(day, str):
                    day = date.fromisoformat(day)
                (worked if is_working else off).add(day)
        self.off, self.worked = frozenset(off), frozenset(worked)
        # (first, last) → working days. The calendar never changes after construction and a batch
        # repeats the same few posting / council dates, so each span is counted once.
        self._counts: dict[tuple[date, date], int] = {}

    def is_working_day(self, day: date) -> bool:
        if day in self.worked:
            return True
        return day.weekday() < 5 and day not in self.off

    def working_days(self, first: date, last: date) -> int:
        """Working days in [first, last], both ends included."""
        key = (first, last)
        count = self._counts.get(key)
        if count is None:
            count = self._working_days(first, last)
            if len(self._counts) < 10_000:   # bounded: a long-lived calendar must not grow without end
                self._counts[key] = count
        return count

    def _working_days(self, first: date, last: date) -> int:
        if last < first:
            return 0
        days = (last - first).days + 1
        # Whole weeks contribute five weekdays each; then the remainder day by day.
        weeks, rest = divmod(days, 7)
        count = weeks * 5
        day = first + timedelta(days=weeks * 7)
        for _ in range(rest):
            if day.weekday() < 5:
                count += 1
            day += timedelta(days=1)
        for off in self.off:
            if first <= off <= last and off.weekday() < 5 and off not in self.worked:
                count -= 1
        for extra in self.worked:
            if first <= extra <= last and extra.weekday() >= 5:
                count += 1
        return count


EMPTY_CALENDAR = Calendar()
