"""Benchmark of batch appraisal from the database (issue 3; DESIGN.md §6: benchmarks print, they do not assert).

Builds, in a throw-away database, 5,000 people with ten years of history each (a yearly rating and an
LĐTT title every year, CSTĐCS in some years, two initiatives, some of them used by a CSTĐCS award) and ONE
dossier with 5,000 nominations (CSTĐ tỉnh, CSTĐCS, Bằng khen tỉnh). Then times
``tdkt.nominations.eligibility.check_nominations`` on the loaded nominations, split into building the cases
from the database (``build_cases``) and running the engine, counts its queries, and prints the ratio to a
reference measured in the same run: ONE query reading the same award history rows (the least any
database-backed check has to do), so the figure travels between machines.

Run: .venv/bin/python benchmarks/appraisal_batch.py [--n 5000] [--repeat 5] [--postgres]

--postgres uses the server of DATABASE_URL: a database ``tdkt_bench_<pid>`` is created there for the run and
dropped afterwards (the database named in DATABASE_URL is only used to connect).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Not this folder: a sibling script named like a standard module would shadow it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

from benchmarks.support import drop_database, use_fresh_database  # noqa: E402

BUDGET_US = 30.0
YEARS = range(2016, 2026)  # ten years of history; the dossier is for the last one
DOSSIER_YEAR = YEARS[-1]
SCHOOLS = 50
AWARDS_MIX = ("CSTD_TINH", "CSTDCS", "BK_TINH")
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vi", "Lộc", "Hà", "Nông", "Lăng", "Hoàng", "Triệu")
GIVEN = ("An", "Bình", "Cúc", "Dũng", "Đào", "Hà", "Hạnh", "Hùng", "Lan", "Linh", "Minh", "Nga", "Phúc", "Quang",
         "Sơn", "Thảo", "Thắng", "Thu", "Tú", "Vân", "Xuân", "Yến")


# --- database -------------------------------------------------------------------------

def setup_django(postgres: bool, tmp: str):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    cleanup = use_fresh_database(tmp, postgres)
    import django

    django.setup()
    return cleanup


# --- data -----------------------------------------------------------------------------

def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def cstdcs_years(i: int, rng: random.Random) -> set[int]:
    """Which years person i was CSTĐCS: a mix that makes the verdicts differ."""
    profile = i % 5
    last = DOSSIER_YEAR
    if profile == 0:  # three in a row up to the dossier year, plus some earlier
        return {last - 2, last - 1, last} | {y for y in YEARS if y < last - 3 and rng.random() < 0.4}
    if profile == 1:  # two in a row only
        return {last - 1, last}
    if profile == 2:
        return {y for y in YEARS if rng.random() < 0.35}
    if profile == 3:  # an older chain, broken
        return {last - 6, last - 5, last - 4, last - 1}
    return set()


def build_data(n: int, rng: random.Random):
    from django.contrib.auth.hashers import make_password

    from tdkt.accounts.models import User
    from tdkt.catalogue.models import entry_in_force
    from tdkt.core.text import fold
    from tdkt.decisions.models import Award, Decision, reindex_award_names
    from tdkt.demo.reference import load_reference_data
    from tdkt.nominations.models import Dossier, Nomination
    from tdkt.organizations.models import Initiative, Person, Unit, YearlyRating

    load_reference_data()
    province = Unit(code="tinh", name="UBND tỉnh", kind="province_office", level="province")
    province.save()
    department = Unit(code="so-gddt", name="Sở Giáo dục và Đào tạo", kind="department", level="province",
                      parent=province)
    department.save()
    schools = []
    for s in range(SCHOOLS):
        school = Unit(code=f"truong-{s}", name=f"Trường THPT số {s}", kind="school", level="grassroots",
                      parent=department)
        school.save()
        schools.append(school)
    clerk = User.objects.create(username="vanthu", password=make_password(None), role="unit_clerk",
                                unit=department, email="vanthu@example.invalid")

    people = []
    for i in range(n):
        gender = "female" if i % 2 else "male"
        name = f"{SURNAMES[i % len(SURNAMES)]} {'Thị' if i % 2 else 'Văn'} {GIVEN[i // 7 % len(GIVEN)]}"
        people.append(Person(full_name=name, search_name=fold(name), gender=gender,
                             birth_date=rng_date(rng, 1968, 1995), recruited_on=rng_date(rng, 2000, 2012),
                             position="Giáo viên", unit=schools[i % SCHOOLS]))
    for batch in _chunks(people, 1000):
        Person.objects.bulk_create(batch)

    # Titles: one decision per school and year (January of the next year), LĐTT every year, CSTĐCS some.
    entries = {(code, year): entry_in_force(code, date_of(year + 1, 1, 15))
               for code in ("LDTT", "CSTDCS") for year in YEARS}
    decisions = {}
    for s, school in enumerate(schools):
        for year in YEARS:
            decisions[(s, year)] = Decision(number=f"{s + 1}/QĐ-SGDĐT", issued_on=date_of(year + 1, 1, 15),
                                            authority="thu_truong_don_vi", issuer=department,
                                            signer_name="Giám đốc Sở", source=Decision.Source.IMPORTED,
                                            summary=f"Công nhận danh hiệu thi đua năm {year}")
    Decision.objects.bulk_create(list(decisions.values()), batch_size=1000)

    awards, ratings, initiatives, cs_award = [], [], [], {}
    certificate = {key: 0 for key in decisions}
    for i, person in enumerate(people):
        s = i % SCHOOLS
        cs = cstdcs_years(i, rng)
        for year in YEARS:
            if year in cs:
                rating = "excellent"
            else:
                rating = rng.choice(("good", "good", "excellent", "completed"))
            ratings.append(YearlyRating(person=person, year=year, rating=rating))
            codes = ("LDTT", "CSTDCS") if year in cs else ("LDTT",) if rating != "completed" else ()
            for code in codes:
                certificate[(s, year)] += 1
                award = Award(decision=decisions[(s, year)], entry=entries[(code, year)],
                              recipient_name=person.full_name, search_name=person.search_name, unit=person.unit,
                              position_text=f"Giáo viên, {person.unit.name}", year=year, period_from_year=year,
                              period_to_year=year, certificate_number=certificate[(s, year)])
                award.person = person
                awards.append(award)
                if code == "CSTDCS":
                    cs_award[(i, year)] = award
        # Two initiatives: this year's (province scope for one in three) and last year's (unit scope).
        for year, scope in ((DOSSIER_YEAR, "province" if i % 3 == 0 else "unit"), (DOSSIER_YEAR - 1, "unit")):
            initiatives.append(Initiative(person=person, year=year, scope=scope, title=f"Sáng kiến {i}-{year}",
                                          recognised_by="Hội đồng sáng kiến cơ sở",
                                          recognised_on=date_of(year, 12, 10)))
    for batch in _chunks(ratings, 2000):
        YearlyRating.objects.bulk_create(batch)
    for batch in _chunks(awards, 2000):
        Award.objects.bulk_create(batch)
    for batch in _chunks(awards, 5000):  # bulk_create skips Award.save, which keeps the name-search index
        reindex_award_names(batch)
    for batch in _chunks(initiatives, 2000):
        Initiative.objects.bulk_create(batch)
    # Last year's initiative was used by last year's CSTĐCS, where there was one (one initiative, one award).
    through = Award.initiatives.through
    links = [through(award_id=cs_award[(i, DOSSIER_YEAR - 1)].pk, initiative_id=initiatives[2 * i + 1].pk)
             for i in range(n) if (i, DOSSIER_YEAR - 1) in cs_award]
    through.objects.bulk_create(links, batch_size=2000)

    dossier = Dossier(code="HS-BENCH-1", title="Đề nghị khen thưởng năm học (benchmark)", kind="annual",
                      unit=department, year=DOSSIER_YEAR, created_by=clerk)
    Dossier.objects.bulk_create([dossier])  # a draft, as bulk_create allows
    nominees = {code: entry_in_force(code, date_of(DOSSIER_YEAR + 1, 1, 1)) for code in AWARDS_MIX}
    nominations = []
    for i, person in enumerate(people):
        code = AWARDS_MIX[i % len(AWARDS_MIX)]
        start = {"CSTD_TINH": DOSSIER_YEAR - 2, "BK_TINH": DOSSIER_YEAR - 1}.get(code, DOSSIER_YEAR)
        nomination = Nomination(dossier=dossier, entry=nominees[code], position_text="Giáo viên",
                                achievement_summary="Hoàn thành xuất sắc nhiệm vụ", period_from_year=start,
                                period_to_year=DOSSIER_YEAR)
        nomination.person = person
        nominations.append(nomination)
    for batch in _chunks(nominations, 2000):
        Nomination.objects.bulk_create(batch)
    return dossier, [p.pk for p in people], {"awards": len(awards), "ratings": len(ratings),
                                             "initiatives": len(initiatives), "initiative links": len(links)}


def rng_date(rng: random.Random, first: int, last: int):
    return date_of(rng.randint(first, last), rng.randint(1, 12), rng.randint(1, 28))


def date_of(year: int, month: int, day: int):
    from datetime import date

    return date(year, month, day)


# --- timing ---------------------------------------------------------------------------

def best_of(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def best_of_each(fns: dict, repeat: int) -> dict[str, tuple[float, float]]:
    """The best wall-clock and the best CPU time (this process) of each function, in seconds. Measured
    in turns, round after round over all of them, so that a busy spell on a shared machine hits the
    figure and its reference alike; the CPU time does not count waiting for a busy processor."""
    best = {name: [float("inf"), float("inf")] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            best[name][0] = min(best[name][0], time.perf_counter() - wall)
            best[name][1] = min(best[name][1], time.process_time() - cpu)
    return {name: (wall, cpu) for name, (wall, cpu) in best.items()}


def plain_query_times(captured, n: int) -> list[tuple[float, int, str]]:
    """Each captured query run again through a plain cursor (execute + fetch every row), best of three:
    (µs per nominee, rows, the start of its SQL)."""
    from django.db import connection

    out = []
    with connection.cursor() as cursor:
        for sql, params in captured:
            best, rows = float("inf"), 0
            for _ in range(3):
                start = time.perf_counter()
                cursor.execute(sql, params)
                rows = len(cursor.fetchall())
                best = min(best, time.perf_counter() - start)
            out.append((best / n * 1e6, rows, " ".join(sql.split())[:90]))
    return out


def run(args) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tdkt import rules
    from tdkt.decisions.models import Award
    from tdkt.nominations import checker
    from tdkt.nominations.eligibility import (_Dossiers, assemble_cases, build_cases, case_objects,
                                              check_nominations, gc_paused, history_entries, load_batch,
                                              nominations_of)
    from tdkt.organizations.queries import person_fact_rows

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    dossier, person_ids, counts = build_data(args.n, random.Random(20251231))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # planner statistics, as autovacuum keeps them on a live server
    built = time.perf_counter()
    print(f"database: {connection.vendor}; migrate {migrated - started:.1f} s, "
          f"data {built - migrated:.1f} s ({', '.join(f'{k}: {v}' for k, v in counts.items())})")

    load_start = time.perf_counter()
    nominations = list(nominations_of(dossier).select_related(None).select_related("dossier", "entry"))
    load = time.perf_counter() - load_start
    n = len(nominations)

    check_nominations(nominations[:200])  # warm caches (rule plans, parameters), as a running server would
    with CaptureQueriesContext(connection) as captured:
        results = check_nominations(nominations)
    queries = len(captured)
    with CaptureQueriesContext(connection) as captured_small:
        check_nominations(nominations[:10])
    queries_small = len(captured_small)
    statements = []

    def remember(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(remember):
        check_nominations(nominations)

    def settings():
        return checker.rule_parameters(), checker.base_salaries(), checker.holidays()

    def engine_only(cases):
        parameters, salaries, holidays = settings()
        return rules.check_many(cases, parameters=parameters, base_salaries=salaries, holidays=holidays)

    def paused(fn):
        def timed():
            with gc_paused():   # as check_nominations runs
                return fn()
        return timed

    person_ids_of = [nomination.person_id for nomination in nominations]
    today = date_of(2026, 1, 1)
    loaded = load_batch(nominations, today)
    cases = case_objects(nominations)

    def reference():
        return list(Award.objects.filter(status=Award.Status.VALID, person_id__in=person_ids)
                    .values_list("person_id", "entry__code", "period_from_year", "period_to_year", "year",
                                 "decision__issued_on", "achievement_kind"))

    rows = len(reference())
    timed = best_of_each({
        "total": lambda: check_nominations(nominations),
        "reference": reference,
        "build": paused(lambda: case_objects(nominations)),
        "people": paused(lambda: person_fact_rows(person_ids_of)),
        "history": paused(lambda: history_entries(person_ids_of, [])),
        "dossiers": paused(lambda: _Dossiers(nominations, today)),
        "assemble": paused(lambda: assemble_cases(nominations, loaded, today)),
        "engine": paused(lambda: engine_only(cases)),
        "settings": settings,
    }, args.repeat)
    previous = best_of(paused(lambda: engine_only(build_cases(nominations))), 1)
    assert engine_only(build_cases(nominations)) == results, "the fast path must give the reference path's results"

    us = lambda seconds: seconds / n * 1e6  # noqa: E731
    verdicts: dict[str, int] = {}
    by_award: dict[str, dict[str, int]] = {}
    for nomination, result in zip(nominations, results):
        verdicts[result["verdict"]] = verdicts.get(result["verdict"], 0) + 1
        per = by_award.setdefault(nomination.entry.code, {})
        per[result["verdict"]] = per.get(result["verdict"], 0) + 1
    history_per = sum(len(case.history) for case in cases) / n
    print(f"nominees: {n} in one dossier; history entries per nominee: {history_per:.1f}; "
          f"ratings per nominee: {sum(len(c.subject.ratings) for c in cases) / n:.1f}")
    print(f"loading the nominations (not timed below): {us(load):.1f} µs per nominee")
    cpu_note = ("this process only: the database server's work is not in it" if connection.vendor != "sqlite"
                else "SQLite runs in this process, so it is all of the work")
    print(f"µs per nominee, best of {args.repeat} (wall clock; CPU time of this process, {cpu_note}):")

    def line(label, name):
        wall, cpu = timed[name]
        print(f"  {label:<44} {us(wall):7.1f}  (CPU {us(cpu):6.1f})")

    line("check_nominations", "total")
    line("  building the cases (case_objects)", "build")
    line("    people's facts (person_fact_rows)", "people")
    line("    award history (history_entries)", "history")
    line("    dossiers, council, posting (_Dossiers)", "dossiers")
    line("    assembling the case objects", "assemble")
    line("  engine (rules.check_many)", "engine")
    line("    of which parameters, salaries, holidays", "settings")
    line(f"reference: one query, {rows} award history rows", "reference")
    print(f"  before the fast path (build_cases + check_many on the JSON contract): {us(previous):.1f} µs (wall)")
    print(f"queries per batch: {queries} for {n} nominees, {queries_small} for 10 "
          f"({'fixed' if queries == queries_small else 'NOT fixed'}); each through a plain cursor:")
    for per_nominee, count, sql in plain_query_times(statements, n):
        print(f"  {per_nominee:6.2f} µs  {count:6d} rows  {sql}")
    ref, ref_cpu = timed["reference"]
    total, total_cpu = timed["total"]
    print(f"ratio check_nominations / reference: {total / ref:.2f}x wall, {total_cpu / ref_cpu:.2f}x CPU "
          f"(building the cases {timed['build'][0] / ref:.2f}x, engine {timed['engine'][0] / ref:.2f}x wall)")
    print(f"verdicts: {verdicts}")
    for code, split in sorted(by_award.items()):
        print(f"  {code}: {split}")
    print(f"budget {BUDGET_US:.0f} µs per nominee: {'MET' if us(total) <= BUDGET_US else 'NOT MET'} "
          f"({us(total):.1f} µs wall, {us(total_cpu):.1f} µs CPU; engine alone {us(timed['engine'][0]):.1f} µs wall, "
          f"{us(timed['engine'][1]):.1f} µs CPU)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", action="store_true", help="use DATABASE_URL's server (a throw-away database)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as tmp:
        cleanup = setup_django(args.postgres, tmp)
        try:
            run(args)
        finally:
            if cleanup:
                drop_database(cleanup)
            else:
                from django.db import connections

                connections.close_all()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
