"""Working days: Monday–Friday, minus holidays, plus make-up Saturdays.

Legal time limits (LAW.md §3.5) are in working days; the holiday calendar is
data an administrator keeps (core.Holiday).
"""

from datetime import date, timedelta


def _exceptions(start: date, end: date) -> tuple[set[date], set[date]]:
    from tdkt.core.models import Holiday

    rows = Holiday.objects.filter(on__gte=start, on__lte=end).values_list("on", "is_working_day")
    off = {on for on, worked in rows if not worked}
    worked = {on for on, worked in rows if worked}
    return off, worked


def is_working_day(day: date, off: set[date], worked: set[date]) -> bool:
    if day in worked:
        return True
    return day.weekday() < 5 and day not in off


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (start itself not counted)."""
    if days <= 0:
        return start
    # Generous window: at most ~2.5 calendar days per working day even around Tết.
    off, worked = _exceptions(start, start + timedelta(days=days * 3 + 30))
    current, remaining = start, days
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current, off, worked):
            remaining -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 if end <= start)."""
    if end <= start:
        return 0
    off, worked = _exceptions(start, end)
    count, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current, off, worked):
            count += 1
    return count


def working_days_inclusive(start: date, end: date) -> int:
    """Working days in the period [start, end], both ends counted when they are working days."""
    return working_days_between(start - timedelta(days=1), end)


def nth_working_day(start: date, n: int) -> date:
    """The n-th working day of a period starting on ``start`` (a weekend start is not counted)."""
    return add_working_days(start - timedelta(days=1), n)
