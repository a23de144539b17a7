"""The holiday calendar 2018–2027 that working-day time limits are counted on.

Fixed-date holidays follow the Labour Code (Bộ luật Lao động 2012 Điều 115,
then 2019 Điều 112 from 2021: Quốc khánh gains a second day). The Tết
Nguyên đán days off, the second Quốc khánh day and the swapped or
compensatory days are fixed each year by the Government's notice; the
values below are from memory and carry "(M)" in their name so an
administrator knows which rows to confirm. Lunar dates (Tết, Giỗ Tổ) are
from memory too.

``seed_holidays()`` only creates missing days: corrections made in the
admin survive a re-run.
"""

from datetime import date, timedelta

# First day of Tết Nguyên đán and Giỗ Tổ Hùng Vương (10/3 âm lịch).
LUNAR = {
    2018: (date(2018, 2, 16), date(2018, 4, 25)),
    2019: (date(2019, 2, 5), date(2019, 4, 14)),
    2020: (date(2020, 1, 25), date(2020, 4, 2)),
    2021: (date(2021, 2, 12), date(2021, 4, 21)),
    2022: (date(2022, 2, 1), date(2022, 4, 10)),
    2023: (date(2023, 1, 22), date(2023, 4, 29)),
    2024: (date(2024, 2, 10), date(2024, 4, 18)),
    2025: (date(2025, 1, 29), date(2025, 4, 7)),
    2026: (date(2026, 2, 17), date(2026, 4, 26)),
    2027: (date(2027, 2, 6), date(2027, 4, 16)),
}

# Weekdays off for Tết, as announced each year (weekends inside the break are off anyway).
TET_WEEKDAYS = {
    2018: ["2018-02-14", "2018-02-15", "2018-02-16", "2018-02-19", "2018-02-20"],
    2019: ["2019-02-04", "2019-02-05", "2019-02-06", "2019-02-07", "2019-02-08"],
    2020: ["2020-01-23", "2020-01-24", "2020-01-27", "2020-01-28", "2020-01-29"],
    2021: ["2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16"],
    2022: ["2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04"],
    2023: ["2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26"],
    2024: ["2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"],
    2025: ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"],
    2026: ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"],
    2027: ["2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"],
}

# The second Quốc khánh day (from 2021), as announced.
NATIONAL_DAY_EXTRA = {
    2021: "2021-09-03", 2022: "2022-09-01", 2023: "2023-09-01", 2024: "2024-09-03",
    2025: "2025-09-01", 2026: "2026-09-01", 2027: "2027-09-03",
}

# Days swapped by the Government's notice: (day off, Saturday worked in exchange).
SWAPS = [
    ("2024-04-29", "2024-05-04", "Nghỉ hoán đổi dịp 30/4 - 1/5"),
    ("2025-05-02", "2025-04-26", "Nghỉ hoán đổi dịp 30/4 - 1/5"),
]

YEARS = range(2018, 2028)


def _d(text: str) -> date:
    return date.fromisoformat(text)


def holiday_rows() -> list[tuple[date, str, bool]]:
    """(date, name, is_working_day) for every year; pure, so it can be tested without a database."""
    rows: dict[date, tuple[str, bool]] = {}

    def add(day: date, name: str, worked: bool = False):
        rows.setdefault(day, (name, worked))

    for year in YEARS:
        tet, hung_kings = LUNAR[year]
        lunar_tag = " (M)" if year >= 2027 else ""
        fixed = [(date(year, 1, 1), "Tết Dương lịch"),
                 (hung_kings, f"Giỗ Tổ Hùng Vương (10/3 âm lịch){lunar_tag}"),
                 (date(year, 4, 30), "Ngày Chiến thắng (30/4)"),
                 (date(year, 5, 1), "Ngày Quốc tế Lao động (1/5)"),
                 (date(year, 9, 2), "Quốc khánh (2/9)")]
        for day, name in fixed:
            add(day, name)
        for text in TET_WEEKDAYS[year]:
            day = _d(text)
            label = "Mùng 1 Tết Nguyên đán" if day == tet else "Nghỉ Tết Nguyên đán"
            add(day, f"{label} (M)")
        if year in NATIONAL_DAY_EXTRA:
            add(_d(NATIONAL_DAY_EXTRA[year]), "Quốc khánh, ngày nghỉ thứ hai (M)")
        # A fixed holiday on a weekend is compensated on the next working day (Labour Code).
        for day, name in fixed:
            if day.weekday() < 5:
                continue
            compensation = day + timedelta(days=1)
            while compensation.weekday() >= 5 or compensation in rows:
                compensation += timedelta(days=1)
            add(compensation, f"Nghỉ bù {name} (M)")
    for off, worked, name in SWAPS:
        add(_d(off), f"{name} (M)")
        add(_d(worked), f"Làm bù: {name} (M)", worked=True)
    return sorted((day, name, worked) for day, (name, worked) in rows.items())


def seed_holidays() -> int:
    """Create the calendar days that are missing. Returns how many were created."""
    from tdkt.core.models import Holiday

    existing = set(Holiday.objects.values_list("on", flat=True))
    missing = [Holiday(on=day, name=name, is_working_day=worked)
               for day, name, worked in holiday_rows() if day not in existing]
    Holiday.objects.bulk_create(missing)
    return len(missing)
