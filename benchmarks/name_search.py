"""Benchmark of the archive name search at 1,000,000 awards (DESIGN.md §6: p95 ≤ 20 ms on SQLite,
≤ 60 ms on PostgreSQL; docs/decisions/0004-archive-name-search.md).

Builds a scratch database (migrated, reference data loaded) and bulk-inserts 821 units, people,
collectives, decisions and N awards with raw ``executemany`` in one transaction (the ORM would take
many minutes). Names follow a Lạng Sơn-like distribution: a few very common surnames (Nguyễn,
Hoàng, Nông, Lương…), "Văn"/"Thị" as most middle names, a skewed set of given names with a tail of
rare ones, some four-word names, plus collectives ("Tổ công tác số 12"). The key table is filled
with ``decisions.models.name_keys``, the function ``reindex_award_names`` uses.

Each timed query is what the archive page does (``decisions.views.search``): ``search_awards``
with ``.only(LISTED_FIELDS)``, the capped count of ``CappedPaginator`` and the rows of the page.
Query classes: full name with and without diacritics, one common word ("nguyen", "van"), one
rare word, a truncated two-word prefix ("ngu van"), a given name alone, name + year, name + unit
(a grassroots unit and a district subtree), name + title/form, and a later page.

Each query runs 3 times after a warm-up pass; its time is the median of the 3. The script prints
p50/p95/max per class and overall, wall and CPU (``time.process_time``: on SQLite the query's own
work even when other processes share the cores), and the ratio to a reference measured in the same
run: ``SELECT COUNT(*) FROM decisions_award WHERE year = 2020`` (≈45,000 rows of the year index).

Run:
  .venv/bin/python benchmarks/name_search.py [--n 1000000] [--db PATH]
      [--baseline OLD_queries.py] [--no-mmap] [--key-driven-only]   (a before/after in one setup)
  createdb -h 127.0.0.1 -U postgres tdkt_name_search
  DATABASE_URL=postgres://postgres@127.0.0.1/tdkt_name_search .venv/bin/python benchmarks/name_search.py

--db keeps the SQLite database at PATH and reuses it when it exists; with DATABASE_URL the data is
reused when the database already holds awards.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timezone as dt_timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.support import insert_rows  # noqa: E402

BUDGET_MS = {"sqlite": 20.0, "postgresql": 60.0}
YEARS = range(2004, 2026)
PARENTS, UNITS = 20, 800
PAGE = 50

# (word, weight): weights roughly follow Lạng Sơn registers (Kinh and Tày/Nùng surnames).
SURNAMES = (("Nguyễn", 22), ("Hoàng", 12), ("Nông", 8), ("Lương", 6), ("Trần", 6), ("Lê", 5), ("Phạm", 3),
            ("Vi", 4), ("Lộc", 3), ("Hà", 3), ("Lăng", 2), ("Triệu", 3), ("Chu", 2), ("Mã", 2), ("Đinh", 2),
            ("Hứa", 1.5), ("Dương", 2), ("Bế", 1.5), ("Lục", 1), ("Vũ", 2), ("Đặng", 1.5), ("Hồ", 1),
            ("Bùi", 1), ("Đỗ", 1), ("Ngô", 1), ("Mông", 0.5), ("La", 0.5), ("Tô", 0.5), ("Lành", 0.3),
            ("Sầm", 0.2))
MIDDLE = (("Văn", 38), ("Thị", 36), ("Đức", 4), ("Minh", 4), ("Thu", 2), ("Quang", 3), ("Hồng", 2),
          ("Ngọc", 3), ("Xuân", 2), ("Thanh", 3), ("Kim", 1), ("Hữu", 2))
GIVEN = (("Hùng", 5), ("Lan", 5), ("Hương", 5), ("Dũng", 4), ("Hà", 4), ("Thảo", 4), ("Linh", 4), ("Tuấn", 4),
         ("Hoa", 4), ("Minh", 3), ("Nga", 3), ("Phúc", 3), ("Sơn", 3), ("Thắng", 3), ("Thu", 3), ("Vân", 3),
         ("Xuân", 3), ("Yến", 3), ("Đông", 2), ("Khánh", 2), ("Giang", 2), ("Huệ", 2), ("Kiên", 2), ("An", 3),
         ("Bình", 3), ("Cúc", 2), ("Đào", 2), ("Hạnh", 3), ("Hải", 3), ("Long", 3), ("Mai", 3), ("Nam", 3),
         ("Quang", 2), ("Tâm", 2), ("Trang", 3), ("Tú", 2), ("Cường", 2), ("Chiến", 2), ("Đạt", 2),
         ("Hiếu", 2), ("Hòa", 2), ("Huyền", 2), ("Loan", 2), ("Nhung", 2), ("Phương", 2), ("Quyết", 1),
         ("Thủy", 2), ("Tiến", 2), ("Toàn", 1), ("Vinh", 1), ("Việt", 1))
# The tail: each well under 0.1 % of names ("a rare word" queries draw from here).
RARE_GIVEN = ("Khuê", "Diệp", "Thoa", "Nhàn", "Lưu", "Quỳnh", "Thêu", "Slao", "Nhất", "Pắt", "Tằng", "Slằn",
              "Khiêm", "Thoại", "Quế", "Sinh", "Luyến", "Thơm", "Bảy", "Tươi", "Chuyên", "Ước", "Khoa", "Nguyệt")


def setup_django(tmp: str, db_path: str | None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["TDKT_VAR_DIR"] = tmp
    if not os.environ.get("DATABASE_URL"):
        os.environ["TDKT_SQLITE_PATH"] = db_path or str(Path(tmp) / "bench.sqlite3")
    import django

    django.setup()


def _pick(rng: random.Random, weighted) -> str:
    words, weights = zip(*weighted)
    return rng.choices(words, weights)[0]


def person_name(rng: random.Random) -> str:
    given = rng.choice(RARE_GIVEN) if rng.random() < 0.02 else _pick(rng, GIVEN)
    middle = _pick(rng, MIDDLE)
    if rng.random() < 0.2:  # four words: "Nguyễn Thị Thu Hà"
        middle += " " + _pick(rng, (w for w in MIDDLE if w[0] not in ("Văn", "Thị")))
    return f"{_pick(rng, SURNAMES)} {middle} {given}"


def build_data(n: int, rng: random.Random) -> None:
    from django.db import connection, transaction

    from tdkt.catalogue.models import CatalogueEntry
    from tdkt.core.text import fold
    from tdkt.decisions.models import Award, AwardNameKey, Decision, name_keys
    from tdkt.demo.reference import load_reference_data
    from tdkt.organizations.models import Collective, Person, Unit

    load_reference_data()
    now = datetime.now(dt_timezone.utc)
    stamp = {"created_at": now, "updated_at": now}
    province = Unit(code="tinh", name="UBND tỉnh", kind="province_office", level="province")
    province.save()
    parents = []
    for i in range(PARENTS):
        parent = Unit(code=f"cap2-{i}", name=f"Huyện / Sở số {i}", kind="district" if i % 2 else "department",
                      level="district" if i % 2 else "province", parent=province)
        parent.save()
        parents.append(parent)
    units = []
    for i in range(UNITS):
        unit = Unit(code=f"don-vi-{i}", name=f"Đơn vị cơ sở số {i}", kind="commune" if i % 3 else "school",
                    level="commune" if i % 3 else "grassroots", parent=parents[i % PARENTS])
        unit.save()
        units.append(unit.pk)
    entries_by_year = {}
    for year in YEARS:
        rows = list(CatalogueEntry.objects.in_force(date(year, 12, 31))
                    .values_list("pk", "for_person", "for_collective"))
        entries_by_year[year] = {flag: [row[0] for row in rows if row[flag]] for flag in (1, 2)}
    people_n, collectives_n = max(n // 5, 10), max(n // 50, 10)
    names = [person_name(rng) for _i in range(people_n)]
    with transaction.atomic(), connection.cursor() as cursor:
        insert_rows(cursor, Person, [{**stamp, "full_name": name, "search_name": fold(name), "gender": "",
                                       "ethnicity": "Tày" if i % 3 == 0 else "Kinh", "position": "",
                                       "unit_id": units[i % UNITS], "under_discipline_review": False,
                                       "discipline_review_note": ""} for i, name in enumerate(names)])
        first_person = Person.objects.order_by("pk").values_list("pk", flat=True).first()
        insert_rows(cursor, Collective, [{**stamp, "name": f"Tổ công tác số {i}", "search_name": f"to cong tac so {i}",
                                           "unit_id": units[i % UNITS], "is_small": i % 2 == 0}
                                          for i in range(collectives_n)])
        first_collective = Collective.objects.order_by("pk").values_list("pk", flat=True).first()
        per_decision = 50
        decisions_n = n // per_decision + 1
        decision_years = [YEARS[i % len(YEARS)] for i in range(decisions_n)]
        insert_rows(cursor, Decision, [{**stamp, "number": f"{i + 1}/QĐ-UBND",
                                         "issued_on": date(year + 1, 1 + i % 12, 10), "authority": "chu_tich_ubnd_tinh",
                                         "issuer_id": province.pk, "signer_name": "Chủ tịch UBND tỉnh",
                                         "signer_title": "", "summary": "",
                                         "source": "imported"} for i, year in enumerate(decision_years)])
        first_decision = Decision.objects.order_by("pk").values_list("pk", flat=True).first()
        first_award = 1 + (Award.objects.order_by("-pk").values_list("pk", flat=True).first() or 0)
        awards, keys = [], []
        for i in range(n):
            decision = i // per_decision
            year = decision_years[decision]
            if rng.random() < 0.85:
                p = rng.randrange(people_n)
                name, flag = names[p], 1
                ref = {"person_id": first_person + p, "collective_id": None, "household_id": None}
            else:
                c = rng.randrange(collectives_n)
                name, flag = f"Tổ công tác số {c}", 2
                ref = {"person_id": None, "collective_id": first_collective + c, "household_id": None}
            search_name = fold(name)
            awards.append({**stamp, **ref, "decision_id": first_decision + decision,
                           "entry_id": rng.choice(entries_by_year[year][flag]), "recipient_name": name,
                           "search_name": search_name, "unit_id": rng.choice(units), "position_text": "",
                           "year": year, "period_from_year": year, "period_to_year": year,
                           "achievement_kind": "annual", "certificate_number": i % per_decision + 1,
                           "money_coefficient": 0, "money_amount": 0,
                           "status": "valid" if rng.random() < 0.995 else "revoked", "revoked_reason": "",
                           "verification_code": None})
            keys.extend({"award_id": first_award + i, "key": key} for key in name_keys(search_name))
            if len(awards) == 50_000:
                insert_rows(cursor, Award, awards)
                insert_rows(cursor, AwardNameKey, keys)
                awards, keys = [], []
        if awards:
            insert_rows(cursor, Award, awards)
            insert_rows(cursor, AwardNameKey, keys)
    with connection.cursor() as cursor:
        # PostgreSQL: VACUUM sets the visibility map, as autovacuum would after a bulk load;
        # without it every index-only scan of the key table also reads the table.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def make_queries(rng: random.Random) -> list[tuple[str, dict]]:
    """(class, search_awards kwargs + page) — 18 queries per class, 234 in all."""
    from tdkt.core.text import fold
    from tdkt.catalogue.models import CatalogueEntry
    from tdkt.decisions.models import Award
    from tdkt.organizations.models import Unit

    names = list(Award.objects.filter(person__isnull=False).order_by("pk")
                 .values_list("recipient_name", flat=True)[:20_000])
    grassroots = list(Unit.objects.filter(code__startswith="don-vi-").order_by("pk")[:UNITS])
    districts = list(Unit.objects.filter(code__startswith="cap2-").order_by("pk"))
    entries = sorted(set(CatalogueEntry.objects.filter(for_person=True).values_list("code", flat=True)))
    queries = []
    for _i in range(18):
        name = rng.choice(names)
        words = fold(name).split()
        queries += [
            ("full name, diacritics", {"q": name}),
            ("full name, no diacritics", {"q": " ".join(words)}),
            ("one common word", {"q": rng.choice(["nguyen", "van", "thi", "hoang", "Nông", "lương"])}),
            ("one rare word", {"q": rng.choice(RARE_GIVEN)}),
            ("two-word partial prefix", {"q": f"{words[0][:3]} {words[1][:rng.randint(1, 3)]}"}),
            ("given name alone", {"q": words[-1]}),
            ("start of a word", {"q": words[0][:rng.randint(1, 2)]}),
            ("name + year", {"q": rng.choice([words[-1], words[0], " ".join(words[:2])]),
                             "year": rng.choice(YEARS)}),
            ("name + grassroots unit", {"q": rng.choice([words[-1], words[0], " ".join(words)]),
                                        "unit": rng.choice(grassroots)}),
            ("name + district subtree", {"q": rng.choice([words[-1], words[0]]), "unit": rng.choice(districts)}),
            ("name + title/form", {"q": rng.choice([words[-1], " ".join(words[:2])]),
                                   "entry_code": rng.choice(entries)}),
            ("full name + year + unit", {"q": " ".join(words), "year": rng.choice(YEARS),
                                         "unit": rng.choice(districts)}),
            ("later page (5 to 20)", {"q": rng.choice([words[0], words[-1], words[1]]), "page": rng.randint(5, 20)}),
        ]
    return queries


def run_page(kwargs: dict) -> int:
    """What the archive page does: the capped count and the rows of one page."""
    from tdkt.decisions.queries import LISTED_FIELDS, search_awards
    from tdkt.decisions.views import CappedPaginator

    kwargs = dict(kwargs)
    page = kwargs.pop("page", 1)
    awards = search_awards(**kwargs).only(*LISTED_FIELDS)
    page_obj = CappedPaginator(awards, PAGE).get_page(page)
    list(page_obj)
    return page_obj.paginator.count


def timed(fn, repeat: int = 3) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``repeat`` runs."""
    wall, cpu = [], []
    for _i in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--db", help="SQLite: keep the database here; reuse it if it exists")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--key-driven-only", action="store_true",
                        help="never start from the filtered awards (the search before PROBE_LIMIT)")
    parser.add_argument("--baseline", metavar="FILE",
                        help="time search_awards from this copy of decisions/queries.py (a before/after)")
    parser.add_argument("--no-mmap", action="store_true", help="SQLite: PRAGMA mmap_size=0 (the setting before)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="tdkt-name-search-") as tmp:
        setup_django(tmp, args.db)
        from django.core.management import call_command
        from django.db import connection

        from tdkt.decisions.models import Award

        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        migrated = time.perf_counter()
        existing = Award.objects.count()
        if not existing:
            build_data(args.n, rng)
        built = time.perf_counter()
        vendor = connection.vendor
        if args.key_driven_only:
            from tdkt.decisions import queries as name_queries

            name_queries.PROBE_LIMIT = 0
        if args.baseline:
            import importlib.util

            from tdkt.decisions import queries as name_queries

            spec = importlib.util.spec_from_file_location("baseline_queries", args.baseline)
            baseline = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(baseline)
            name_queries.search_awards = baseline.search_awards
            print(f"search_awards from {args.baseline}")
        if vendor == "sqlite":
            with connection.cursor() as cursor:
                if args.no_mmap:
                    cursor.execute("PRAGMA mmap_size=0")
                cursor.execute("PRAGMA mmap_size")
                print(f"SQLite mmap_size {cursor.fetchone()[0]:,} bytes")
        version = connection.Database.sqlite_version if vendor == "sqlite" else connection.pg_version
        print(f"database: {vendor} {version}; migrate {migrated - started:.1f} s, "
              f"data {'reused' if existing else f'built in {built - migrated:.0f} s'}; "
              f"{Award.objects.count():,} awards")

        def reference():
            with connection.cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM decisions_award WHERE year = %s", [2020])
                return cursor.fetchone()[0]

        queries = make_queries(rng)
        for _label, kwargs in queries:  # warm-up: caches, prepared plans
            run_page(kwargs)
        reference()
        ref_wall, ref_cpu = [], []
        by_class: dict[str, list[tuple[float, float, str]]] = {}
        for label, kwargs in queries:
            wall, cpu = timed(lambda: run_page(kwargs))
            by_class.setdefault(label, []).append((wall, cpu, kwargs))
            r_wall, r_cpu = timed(reference)  # interleaved, so the reference sees the same load
            ref_wall.append(r_wall)
            ref_cpu.append(r_cpu)
        ref = statistics.median(ref_wall)
        ref_c = statistics.median(ref_cpu)
        budget = BUDGET_MS.get(vendor, 20.0)
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {len(queries)} queries, "
              f"each the median of 3 runs (page of {PAGE} + capped count)")
        print(f"reference (COUNT(*) of one year, index): wall {ref:.2f} ms, CPU {ref_c:.2f} ms")
        header = (f"{'class':30} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'p95 CPU':>8} {'p95 × ref':>9}"
                  f"  slowest query")
        print(header)
        everything = []
        for label, rows in by_class.items():
            walls = [r[0] for r in rows]
            cpus = [r[1] for r in rows]
            everything += rows
            slowest = max(rows, key=lambda r: r[0])[2]
            shown = {k: (v.code if hasattr(v, "code") else v) for k, v in slowest.items()}
            print(f"{label:30} {pct(walls, 50):7.2f} {pct(walls, 95):7.2f} {max(walls):7.2f} "
                  f"{pct(cpus, 95):8.2f} {pct(walls, 95) / ref:9.1f}  {shown}")
        walls = [r[0] for r in everything]
        cpus = [r[1] for r in everything]
        p95 = pct(walls, 95)
        print(f"{'ALL':30} {pct(walls, 50):7.2f} {p95:7.2f} {max(walls):7.2f} {pct(cpus, 95):8.2f} "
              f"{p95 / ref:9.1f}")
        print(f"overall p95 wall {p95:.2f} ms, CPU {pct(cpus, 95):.2f} ms; budget ≤ {budget:g} ms: "
              f"{'OK' if p95 <= budget else 'OVER'} (CPU p95 {'OK' if pct(cpus, 95) <= budget else 'OVER'})")


if __name__ == "__main__":
    main()
