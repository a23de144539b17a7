"""Benchmark of the statistics tables at 1,000,000 awards (issue 7; DESIGN.md §6: ≤ 10 ms for a
one-year table, ≤ 100 ms for the all-years table, on SQLite).

Builds a scratch SQLite database (migrated, reference data loaded), then bulk-inserts units, people,
collectives, households, decisions and N awards with raw ``executemany`` inside one transaction
(the ORM would take minutes). Awards spread over 22 years, over the catalogue rows in force in
each year, 80 % individuals / 17 % collectives / 3 % households, 0.5 % revoked.

Times (best and median wall clock, best and median CPU, of --repeat runs, warm cache; the
budget verdict is on the median):
* reference: ``SELECT COUNT(*) FROM decisions_award`` (a plain count over the same table);
* one-year table: ``statistics.awards_by_entry`` for one year, province-wide (and with the
  previous year for comparison, as the pages show it);
* all-years table: ``statistics.awards_by_year`` (every year × level × subject kind);
* for information: by subject category, by area, priority shares and form 0601 for one year;
* name search p95 over 100 varied queries (``decisions.queries.search_awards``, first page of 50),
  unless --no-search.

The province-wide tables read ``reports_award_tally`` (kept by triggers, docs/reports.md); the
data is inserted after the migrations, so the triggers keep the tally while it is generated.
--insert-cost N (default 100,000) then times inserting N awards with and without those triggers,
alternately, each in a rolled-back transaction.

Run: .venv/bin/python benchmarks/award_statistics.py [--n 1000000] [--repeat 7] [--no-search] [--db PATH]
     [--only-budgeted] [--insert-cost N] [--insert-rounds 3]

--db keeps the generated database at PATH and, when PATH exists, reuses it (the generation takes
minutes at 1,000,000 awards; the code under test may change between runs, the data does not).
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named like the standard library's ``statistics`` (which Django's SQLite backend
# imports): take its own folder off the import path before anything imports it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from datetime import date, datetime, timezone as dt_timezone  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.support import insert_rows  # noqa: E402

ONE_YEAR_BUDGET_MS = 10.0
ALL_YEARS_BUDGET_MS = 100.0
SEARCH_BUDGET_MS = 20.0
YEARS = range(2004, 2026)  # the catalogue starts with the old law on 01/07/2004
UNITS = 800
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vi", "Lộc", "Hà", "Nông", "Lăng", "Triệu", "Lương", "Chu",
            "Mã", "Đinh", "Hứa", "Dương", "Bế")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Hồng", "Ngọc", "Xuân", "Thanh")
GIVEN = ("An", "Bình", "Cúc", "Dũng", "Đào", "Hà", "Hạnh", "Hùng", "Lan", "Linh", "Minh", "Nga", "Phúc", "Quang",
         "Sơn", "Thảo", "Thắng", "Thu", "Tú", "Vân", "Xuân", "Yến", "Đông", "Khánh", "Giang", "Huệ", "Kiên")


def setup_django(tmp: str, db_path: str | None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["TDKT_VAR_DIR"] = tmp
    os.environ.pop("DATABASE_URL", None)
    os.environ["TDKT_SQLITE_PATH"] = db_path or str(Path(tmp) / "bench.sqlite3")
    import django

    django.setup()


def build_data(n: int, rng: random.Random, *, with_names: bool) -> dict:
    from django.db import connection, transaction

    from tdkt.catalogue.models import CatalogueEntry
    from tdkt.core.text import fold
    from tdkt.decisions.models import Award, AwardNameKey, Decision, name_keys
    from tdkt.demo.reference import load_reference_data
    from tdkt.organizations.models import Collective, Household, Person, SubjectCategory, Unit

    load_reference_data()
    now = datetime.now(dt_timezone.utc)
    stamp = {"created_at": now, "updated_at": now}
    province = Unit(code="tinh", name="UBND tỉnh", kind="province_office", level="province")
    province.save()
    parents = []
    for i in range(20):
        parent = Unit(code=f"cap2-{i}", name=f"Huyện / Sở số {i}", kind="district" if i % 2 else "department",
                      level="district" if i % 2 else "province", parent=province)
        parent.save()
        parents.append(parent)
    units = []
    for i in range(UNITS):
        unit = Unit(code=f"don-vi-{i}", name=f"Đơn vị cơ sở số {i}", kind="commune" if i % 3 else "school",
                    level="commune" if i % 3 else "grassroots", parent=parents[i % len(parents)],
                    is_remote=i % 5 == 0, is_border=i % 7 == 0, is_ethnic_minority=i % 4 == 0)
        unit.save()
        units.append(unit.pk)
    entries_by_year = {}
    for year in YEARS:
        day = date(year, 12, 31)
        rows = list(CatalogueEntry.objects.in_force(day).values_list("pk", "for_person", "for_collective",
                                                                     "for_household"))
        entries_by_year[year] = {flag: [row[0] for row in rows if row[flag]] for flag in (1, 2, 3)}
    categories = list(SubjectCategory.objects.values_list("pk", flat=True))
    people_n, collectives_n, households_n = max(n // 5, 10), max(n // 50, 10), max(n // 200, 10)
    names = [f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}" for _i in range(people_n)]
    counts = {}
    with transaction.atomic(), connection.cursor() as cursor:
        insert_rows(cursor, Person, [{**stamp, "full_name": name, "search_name": fold(name), "gender": "",
                                       "ethnicity": "Tày" if i % 3 == 0 else "Kinh", "position": "",
                                       "unit_id": units[i % UNITS], "under_discipline_review": False,
                                       "discipline_review_note": ""} for i, name in enumerate(names)])
        first_person = Person.objects.order_by("pk").values_list("pk", flat=True).first()
        insert_rows(cursor, Person.categories.through,
                [{"person_id": first_person + i, "subjectcategory_id": rng.choice(categories)}
                 for i in range(0, people_n, 3)])
        insert_rows(cursor, Collective, [{**stamp, "name": f"Tổ công tác số {i}", "search_name": f"to cong tac so {i}",
                                           "unit_id": units[i % UNITS], "is_small": i % 2 == 0}
                                          for i in range(collectives_n)])
        insert_rows(cursor, Household, [{**stamp, "head_name": f"Hộ gia đình số {i}",
                                          "search_name": f"ho gia dinh so {i}", "address": "",
                                          "unit_id": units[i % UNITS]} for i in range(households_n)])
        first_collective = Collective.objects.order_by("pk").values_list("pk", flat=True).first()
        first_household = Household.objects.order_by("pk").values_list("pk", flat=True).first()
        per_decision = 50
        decisions_n = n // per_decision + 1
        decision_years = [YEARS[i % len(YEARS)] for i in range(decisions_n)]
        insert_rows(cursor, Decision, [{**stamp, "number": f"{i + 1}/QĐ-UBND",
                                         "issued_on": date(year + 1, 1 + i % 12, 10), "authority": "chu_tich_ubnd_tinh",
                                         "issuer_id": province.pk, "signer_name": "Chủ tịch UBND tỉnh",
                                         "signer_title": "", "summary": "",
                                         "source": "imported"} for i, year in enumerate(decision_years)])
        first_decision = Decision.objects.order_by("pk").values_list("pk", flat=True).first()
        awards, keys = [], []
        first_award = 1 + (Award.objects.order_by("-pk").values_list("pk", flat=True).first() or 0)
        for i in range(n):
            decision = i // per_decision
            year = decision_years[decision]
            kind = rng.random()
            subject = "person" if kind < 0.80 else "collective" if kind < 0.97 else "household"
            flag = {"person": 1, "collective": 2, "household": 3}[subject]
            entry = rng.choice(entries_by_year[year][flag])
            if subject == "person":
                p = rng.randrange(people_n)
                name, ref = names[p], {"person_id": first_person + p, "collective_id": None, "household_id": None}
            elif subject == "collective":
                c = rng.randrange(collectives_n)
                name, ref = f"Tổ công tác số {c}", {"person_id": None, "collective_id": first_collective + c,
                                                    "household_id": None}
            else:
                h = rng.randrange(households_n)
                name, ref = f"Hộ gia đình số {h}", {"person_id": None, "collective_id": None,
                                                    "household_id": first_household + h}
            search_name = fold(name)
            awards.append({**stamp, **ref, "decision_id": first_decision + decision, "entry_id": entry,
                           "recipient_name": name, "search_name": search_name, "unit_id": rng.choice(units),
                           "position_text": "", "year": year, "period_from_year": year, "period_to_year": year,
                           "achievement_kind": "annual" if rng.random() < 0.85 else "sudden",
                           "certificate_number": i % per_decision + 1, "money_coefficient": 0,
                           "money_amount": 0, "status": "valid" if rng.random() < 0.995 else "revoked",
                           "revoked_reason": "", "verification_code": None})
            if with_names:
                keys.extend({"award_id": first_award + i, "key": key} for key in name_keys(search_name))
            if len(awards) == 50_000:
                insert_rows(cursor, Award, awards)
                awards = []
        if awards:
            insert_rows(cursor, Award, awards)
        if keys:
            for start in range(0, len(keys), 200_000):
                insert_rows(cursor, AwardNameKey, keys[start:start + 200_000])
        cursor.execute("ANALYZE")
    counts.update(awards=n, people=people_n, collectives=collectives_n, households=households_n,
                  decisions=decisions_n, name_keys=len(keys))
    return {"counts": counts, "names": names}


def timed(fn, repeat: int) -> tuple[float, float, float, float]:
    """(best, median, best CPU, median CPU) milliseconds of ``repeat`` runs after one warm-up.
    SQLite runs in this process, so the CPU time is the query's own work even when other
    processes share the cores (the wall-clock figures then include waiting for a core)."""
    fn()
    samples, cpu = [], []
    for _i in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return min(samples), statistics.median(samples), min(cpu), statistics.median(cpu)


def insert_cost(n: int, rounds: int, rng: random.Random) -> list[tuple[str, float, float]]:
    """What the tally triggers add to writing awards: ``n`` awards inserted with raw executemany
    (as the import does), with the triggers and without them, alternately, ``rounds`` times each.
    Every round runs in a transaction that is rolled back (SQLite DDL is transactional, so the
    dropped triggers come back too): the database is left as it was.
    Returns (temp_store, with triggers, median wall ms, median CPU ms) per case."""
    from django.db import connection, transaction

    from tdkt.decisions.models import Award
    from tdkt.reports import tally

    with connection.cursor() as cursor:
        # Copy the references of existing awards spread over the table (valid decision, entry in
        # force for the year and subject kind); certificate numbers above any real one stay unique.
        cursor.execute("SELECT decision_id, entry_id, unit_id, year, person_id, collective_id, household_id, "
                       "recipient_name, search_name FROM decisions_award WHERE id %% 7 = 3 LIMIT %s", [n])
        sources = cursor.fetchall()
    now = datetime.now(dt_timezone.utc)
    rows = []
    for i in range(n):
        decision, entry, unit, year, person, collective, household, name, search = sources[i % len(sources)]
        rows.append({"created_at": now, "updated_at": now, "decision_id": decision, "entry_id": entry,
                     "unit_id": unit, "year": year, "person_id": person, "collective_id": collective,
                     "household_id": household, "recipient_name": name, "search_name": search,
                     "position_text": "", "period_from_year": year, "period_to_year": year,
                     "achievement_kind": "annual", "certificate_number": 1_000_000 + i,
                     "money_coefficient": 0, "money_amount": 0,
                     "status": "valid" if rng.random() < 0.995 else "revoked", "revoked_reason": "",
                     "verification_code": None})
    # Any trigger makes SQLite keep a statement journal for each INSERT (the statement now writes
    # two tables); with the default temp_store that journal goes through a temporary file, which is
    # most of the cost. So each case is timed with temp_store DEFAULT and MEMORY.
    samples: dict[tuple[str, bool], list[tuple[float, float]]] = {}
    for _round in range(rounds):
        for temp_store in ("DEFAULT", "MEMORY"):
            for with_triggers in (True, False):
                with connection.cursor() as cursor:
                    cursor.execute(f"PRAGMA temp_store = {temp_store}")
                with transaction.atomic(), connection.cursor() as cursor:
                    if not with_triggers:
                        tally.remove(connection)
                    started, started_cpu = time.perf_counter(), time.process_time()
                    insert_rows(cursor, Award, rows)
                    samples.setdefault((temp_store, with_triggers), []).append(
                        ((time.perf_counter() - started) * 1000, (time.process_time() - started_cpu) * 1000))
                    transaction.set_rollback(True)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA temp_store = DEFAULT")
    assert tally.installed_triggers(connection) == set(tally.TRIGGERS), "the rollback must restore the triggers"
    return [(temp_store, flag, statistics.median(w for w, _c in samples[(temp_store, flag)]),
             statistics.median(c for _w, c in samples[(temp_store, flag)]))
            for temp_store in ("DEFAULT", "MEMORY") for flag in (False, True)]


def search_p95(names: list[str], rng: random.Random) -> tuple[float, float]:
    from tdkt.core.text import fold
    from tdkt.decisions.queries import search_awards

    queries = []
    for i in range(100):
        words = fold(rng.choice(names)).split()
        shape = i % 5
        if shape == 0:
            queries.append(" ".join(words))                 # full name
        elif shape == 1:
            queries.append(words[-1])                        # given name
        elif shape == 2:
            queries.append(" ".join(words[1:])[: rng.randint(3, 8)])   # middle + start of given
        elif shape == 3:
            queries.append(words[0][:3])                     # start of a surname: broad
        else:
            queries.append(rng.choice(names))                # with diacritics
    samples = []
    for q in queries:
        list(search_awards(q=q)[:50])
    for q in queries:
        started = time.perf_counter()
        list(search_awards(q=q)[:50])
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return samples[94], statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-search", action="store_true")
    parser.add_argument("--db", help="keep the database here; reuse it if it exists")
    parser.add_argument("--only-budgeted", action="store_true", help="time only the budgeted tables")
    parser.add_argument("--insert-cost", type=int, default=100_000, metavar="N",
                        help="also time inserting N awards with and without the tally triggers (0: skip)")
    parser.add_argument("--insert-rounds", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(7)
    reuse = bool(args.db and Path(args.db).exists())
    with tempfile.TemporaryDirectory(prefix="tdkt-stats-") as tmp:
        setup_django(tmp, args.db)
        from django.core.management import call_command
        from django.db import connection

        started = time.perf_counter()
        # On a reused database from before the tally, this runs reports 0002: triggers + recount.
        call_command("migrate", verbosity=0)
        migrated = time.perf_counter()
        if reuse:
            from tdkt.organizations.models import Person

            names = list(Person.objects.values_list("full_name", flat=True)[:50_000])
            data = {"counts": {"awards (reused database)": args.n}, "names": names}
        else:
            data = build_data(args.n, rng, with_names=not args.no_search)
        built = time.perf_counter()
        print(f"database: {connection.vendor} {connection.Database.sqlite_version}; migrate "
              f"{migrated - started:.1f} s, data {built - migrated:.1f} s "
              f"({', '.join(f'{k}: {v:,}' for k, v in data['counts'].items())})")

        from tdkt.reports import national_forms
        from tdkt.reports import statistics as st

        province, year = st.Scope.province(), 2020

        def plain_count():
            with connection.cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM decisions_award")
                return cursor.fetchone()[0]

        reference = timed(plain_count, args.repeat)
        rows = [("reference: SELECT COUNT(*) over the awards", *reference, None)]
        cases = [
            ("one-year table by title / form", lambda: st.awards_by_entry(province, st.Period(year), compare=False),
             ONE_YEAR_BUDGET_MS),
            ("one-year table with the previous year", lambda: st.awards_by_entry(province, st.Period(year)),
             2 * ONE_YEAR_BUDGET_MS),
            ("all-years table (year × level × subject)", lambda: st.awards_by_year(province), ALL_YEARS_BUDGET_MS),
            ("one year by subject category (info)", lambda: st.awards_by_category(province, st.Period(year)), None),
            ("one year by area (info)", lambda: st.awards_by_area(province, st.Period(year)), None),
            ("one year priority shares (info)", lambda: st.priority_shares(province, st.Period(year)), None),
            ("one year form 0601 (info)", lambda: national_forms.fill_form(
                national_forms.FORMS_BY_SLUG["0601"], province, st.Period(year)), None),
        ]
        if args.only_budgeted:
            cases = [case for case in cases if case[2] is not None]
        for label, fn, budget in cases:
            rows.append((label, *timed(fn, args.repeat), budget))
        total = sum(c.total for c in st.entry_year_counts(province, st.Period(None)).values())
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM decisions_award WHERE status = 'valid'")
            valid = cursor.fetchone()[0]
        print(f"valid awards counted by the all-years table (tally): {total:,}; "
              f"by COUNT(*) over the awards: {valid:,} ({'equal' if total == valid else 'DIFFERENT'})")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {args.repeat} runs each")
        print(f"{'case':44} {'best':>7} {'median':>8} {'CPU best':>9} {'CPU med':>8} {'× count':>8} "
              f"{'× CPU':>6}  budget (median)")
        ref_median, ref_cpu = reference[1], reference[3]
        for label, best, median, cpu, cpu_median, budget in rows:
            verdict = "" if budget is None else (f"≤ {budget:g} ms " + ("OK" if median <= budget else "OVER"))
            print(f"{label:44} {best:7.2f} {median:8.2f} {cpu:9.2f} {cpu_median:8.2f} {median / ref_median:8.2f} "
                  f"{cpu_median / ref_cpu:6.2f}  {verdict}")
        print("(milliseconds; × count = median wall over the plain count's median wall, × CPU the same in CPU)")
        if args.insert_cost:
            cost = insert_cost(args.insert_cost, args.insert_rounds, rng)
            print(f"inserting {args.insert_cost:,} awards (raw executemany), median of {args.insert_rounds} rounds:")
            base = {}
            for temp_store, with_triggers, wall, cpu in cost:
                label = f"temp_store {temp_store:7}, {'with' if with_triggers else 'without'} tally triggers"
                extra = ""
                if with_triggers:
                    base_wall, base_cpu = base[temp_store]
                    extra = (f"  triggers add {wall - base_wall:+.0f} ms wall ({100 * (wall / base_wall - 1):+.0f} %), "
                             f"{cpu - base_cpu:+.0f} ms CPU ({100 * (cpu / base_cpu - 1):+.0f} %, "
                             f"{1000 * (cpu - base_cpu) / args.insert_cost:.1f} µs per award)")
                else:
                    base[temp_store] = (wall, cpu)
                print(f"  {label:44} {wall:9.0f} ms wall {cpu:9.0f} ms CPU{extra}")
        if not args.no_search:
            p95, median = search_p95(data["names"], rng)
            print(f"name search over {args.n:,} awards, 100 queries: p95 {p95:.2f} ms, median {median:.2f} ms "
                  f"(budget ≤ {SEARCH_BUDGET_MS:g} ms: {'OK' if p95 <= SEARCH_BUDGET_MS else 'OVER'}); "
                  f"× count {p95 / reference:.1f}")


if __name__ == "__main__":
    main()
