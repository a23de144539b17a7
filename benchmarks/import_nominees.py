"""Benchmark of the nominee-list import (issue 5; DESIGN.md §6: ≤ 5× the time to read the file).

Generates a 20,000-line .xlsx nominee list (the usual columns: STT, name, birth date as a real date,
as d/m/yyyy text or as a year, gender, ethnicity, national ID, position and unit, award, summary),
in a throw-away SQLite database holding 20,000 registered people, half of whom appear in the list
(matched by national ID, by civil-servant code, or by folded name and birth date).

Then times the whole import as ``imports.import_file`` runs it: ``imports.start_import`` (read with
calamine, find the header, match the columns, keep the batch) + ``imports.confirm_batch`` (check every line:
awards against the catalogue, dates, duplicates, person matching; save every valid line in one
transaction). The reference, measured in the same run on the same file, is reading it with
python-calamine alone (every cell of every row to Python), so the ratio travels between machines.

Both wall-clock and CPU time (of this process) are printed: on a shared, busy machine the CPU
time is the fairer figure, since the reference and the import are then slowed down unevenly. On
SQLite the database work is done in this process, so CPU time counts it; with --postgres the
server's work (foreign-key checks, indexes, WAL) is only in the wall-clock figure.

Run: .venv/bin/python benchmarks/import_nominees.py [--rows 20000] [--people 20000] [--repeat 3] [--postgres]

--postgres: a database ``tdkt_bench_import_<pid>`` is created on DATABASE_URL's server for the run and dropped
afterwards. A per-phase breakdown (read, header, batch keep, check, match people, save, ...) follows the ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Not this folder: a sibling script named like a standard module would shadow it (Django's SQLite backend
# imports `statistics`).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]
sys.path.insert(0, str(ROOT))
import statistics  # noqa: E402

from benchmarks.support import drop_database, use_fresh_database  # noqa: E402

BUDGET_RATIO = 5.0
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vi", "Lộc", "Hà", "Nông", "Lăng", "Triệu", "Đàm")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Thu", "Hữu", "Ngọc", "Quang")
GIVEN = ("An", "Bình", "Cúc", "Dũng", "Đào", "Hà", "Hạnh", "Hùng", "Lan", "Linh", "Minh", "Nga", "Phúc", "Quang",
         "Sơn", "Thảo", "Thắng", "Thu", "Tú", "Vân", "Xuân", "Yến")
AWARDS = ("Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "LĐTT", "CSTĐCS")


def setup_django(tmp: str, postgres: bool = False):
    """SQLite in ``tmp``, or (``postgres``) a fresh database ``tdkt_bench_import_<pid>`` created on
    DATABASE_URL's server; returns what ``drop_database`` needs to remove it afterwards."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["DJANGO_DEBUG"] = "0"   # as in production: no query log on every cursor
    cleanup = use_fresh_database(tmp, postgres, prefix="tdkt_bench_import")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return cleanup


def build_database(n_people: int):
    """A unit tree, the catalogue, a clerk, ``n_people`` registered people and an empty dossier."""
    from tdkt.accounts.models import Role, User
    from tdkt.catalogue.seed import seed_catalogue
    from tdkt.core.text import fold
    from tdkt.nominations import services
    from tdkt.organizations.models import Person, Unit

    seed_catalogue()
    province = Unit.objects.create(code="tinh", name="UBND tỉnh", kind="province_office", level="province")
    department = Unit.objects.create(code="so-gd", name="Sở Giáo dục và Đào tạo", kind="department",
                                     level="province", parent=province)
    schools = [Unit.objects.create(code=f"truong-{i}", name=f"Trường số {i}", kind="school", level="grassroots",
                                   parent=department) for i in range(40)]
    clerk = User.objects.create_user(username="clerk", password="x", role=Role.UNIT_CLERK, unit=department)
    rng = random.Random(5)
    people = []
    for i in range(n_people):
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {i:05d}"
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(15000))
        people.append(Person(full_name=name, search_name=fold(name), birth_date=birth, birth_year=birth.year,
                             national_id=f"0{20000000000 + i:011d}" if i % 3 == 0 else None,
                             civil_servant_code=f"CB{i:06d}" if i % 3 == 1 else None,
                             unit=schools[i % len(schools)]))
    Person.objects.bulk_create(people, batch_size=2000)
    dossier = services.create_dossier(actor=clerk, unit=department, title="Khen thưởng năm học", kind="annual",
                                      year=2025)
    return clerk, dossier, list(Person.objects.order_by("pk"))


def build_sheet(rows: int, people) -> bytes:
    """Half the lines are registered people (found by ID, code, or name + birth), half are new."""
    import xlsxwriter

    rng = random.Random(7)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "constant_memory": True})
    sheet = book.add_worksheet("Danh sách")
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_string(0, 0, "DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM HỌC 2024-2025")
    header = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Số CCCD", "Mã cán bộ",
              "Chức vụ, đơn vị công tác", "Hình thức khen thưởng", "Tóm tắt thành tích"]
    for c, label in enumerate(header):
        sheet.write_string(2, c, label)
    for i in range(rows):
        r = i + 3
        if i % 2 == 0 and i // 2 < len(people):
            person = people[i // 2]
            name, birth = person.full_name, person.birth_date
            national_id, code = person.national_id or "", person.civil_servant_code or ""
        else:
            name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} mới {i:05d}"
            birth = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(14000))
            national_id, code = (f"0{30000000000 + i:011d}" if i % 4 == 1 else ""), ""
        sheet.write_number(r, 0, i + 1)
        sheet.write_string(r, 1, name)
        shape = i % 3  # a real date, d/m/yyyy text, or a year alone
        if shape == 0:
            sheet.write_datetime(r, 2, dt.datetime(birth.year, birth.month, birth.day), date_format)
        elif shape == 1:
            sheet.write_string(r, 2, f"{birth.day:02d}/{birth.month:02d}/{birth.year}")
        else:
            sheet.write_number(r, 2, birth.year)
        sheet.write_string(r, 3, rng.choice(("Nam", "Nữ")))
        sheet.write_string(r, 4, rng.choice(("Kinh", "Tày", "Nùng")))
        if national_id:
            sheet.write_string(r, 5, national_id)
        if code:
            sheet.write_string(r, 6, code)
        sheet.write_string(r, 7, f"Giáo viên, Trường số {i % 40}")
        sheet.write_string(r, 8, AWARDS[i % len(AWARDS)])
        sheet.write_string(r, 9, "Hoàn thành xuất sắc nhiệm vụ năm học; tham gia tích cực các phong trào thi đua")
    book.close()
    return buffer.getvalue()


def read_with_calamine(data: bytes) -> int:
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return sum(len(book.get_sheet_by_index(i).to_python(skip_empty_area=False)) for i in range(len(book.sheet_names)))


def run_import(clerk, dossier, data: bytes):
    from tdkt.nominations import imports

    batch = imports.start_import(dossier, actor=clerk, data=data, filename="danh-sach.xlsx")
    return imports.confirm_batch(batch, actor=clerk)


def reset(dossier):
    """Undo one import (outside the timing) so each repeat saves the same rows."""
    from tdkt.nominations.models import ImportBatch, Nomination, TimelineEvent
    from tdkt.organizations.models import Person

    Nomination.objects.filter(dossier=dossier).delete()
    TimelineEvent.objects.filter(dossier=dossier, event_type="nomination.imported").delete()
    ImportBatch.objects.filter(dossier=dossier).delete()
    Person.objects.filter(full_name__contains=" mới ").delete()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", action="store_true", help="a fresh database on DATABASE_URL's server")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cleanup = setup_django(tmp, args.postgres)
        try:
            run(args)
        finally:
            if cleanup:
                drop_database(cleanup)


def run(args):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    clerk, dossier, people = build_database(args.people)
    data = build_sheet(args.rows, people)
    print(f"{args.rows:,} lines ({len(data) / 1048576:.1f} MB .xlsx), {args.people:,} registered people, "
          f"database: {connection.vendor}")
    # One untimed run counts the queries (capturing them slows every query down).
    reset(dossier)
    with CaptureQueriesContext(connection) as captured:
        run_import(clerk, dossier, data)
    queries = len(captured.captured_queries)
    from tdkt.nominations import imports

    read_times, import_times, phases = [], [], []   # (wall, CPU) pairs; {phase: [wall, CPU]} per run
    result = None
    for _ in range(args.repeat):
        reset(dossier)
        wall, cpu = time.perf_counter(), time.process_time()
        read_with_calamine(data)
        read_times.append((time.perf_counter() - wall, time.process_time() - cpu))
        imports.PHASE_TIMES = {}
        wall, cpu = time.perf_counter(), time.process_time()
        result = run_import(clerk, dossier, data)
        import_times.append((time.perf_counter() - wall, time.process_time() - cpu))
        phases.append(imports.PHASE_TIMES)
        imports.PHASE_TIMES = None
    print(f"imported {result.added:,} nominees ({result.new_people:,} newly registered, "
          f"{len(result.skipped):,} lines not imported) in {queries} queries")
    reload_times = time_reloading_a_kept_batch(clerk, dossier, data, args.repeat)
    for label, index in (("wall clock", 0), ("CPU time", 1)):
        read_s = statistics.median(t[index] for t in read_times)
        import_s = statistics.median(t[index] for t in import_times)
        ratio = import_s / read_s
        print(f"{label:10}: read with calamine alone {read_s * 1000:7.1f} ms, import (read+check+save) "
              f"{import_s * 1000:7.1f} ms, ratio {ratio:5.2f}× (budget ≤ {BUDGET_RATIO:.0f}×: "
              f"{'within' if ratio <= BUDGET_RATIO else 'OVER'}; median of {args.repeat})")
    print_phases(phases, import_times)
    read_cpu = statistics.median(t[1] for t in read_times)
    reload_cpu = statistics.median(reload_times)
    import_cpu = statistics.median(t[1] for t in import_times)
    print(f"on the pages, upload and confirmation are two requests: the confirmation first reads the kept batch "
          f"back ({reload_cpu * 1000:.1f} ms CPU), which makes {(import_cpu + reload_cpu) / read_cpu:.2f}× the read")


def time_reloading_a_kept_batch(clerk, dossier, data: bytes, repeat: int) -> list[float]:
    """CPU seconds to load a kept (uploaded, unconfirmed) batch from the database, as the
    confirmation page does before confirm_batch; import_file, timed above, keeps it in memory."""
    from tdkt.nominations import imports
    from tdkt.nominations.models import ImportBatch

    times = []
    for _ in range(repeat):
        reset(dossier)
        batch = imports.start_import(dossier, actor=clerk, data=data, filename="danh-sach.xlsx")
        cpu = time.process_time()
        ImportBatch.objects.get(pk=batch.pk).rows
        times.append(time.process_time() - cpu)
    reset(dossier)
    return times


def print_phases(phases: list[dict], import_times: list[tuple]) -> None:
    """Where the import's time goes (median per phase over the runs, wall and CPU, in ms)."""
    names = ["read", "header", "batch keep", "check", "match people", "save people", "save nominations",
             "batch clear"]
    print("phases (median ms, wall / CPU):")
    for name in names:
        wall = statistics.median(run.get(name, [0, 0])[0] for run in phases) * 1000
        cpu = statistics.median(run.get(name, [0, 0])[1] for run in phases) * 1000
        print(f"  {name:17} {wall:7.1f} / {cpu:7.1f}")
    rest = [(total[0] - sum(run.get(n, [0, 0])[0] for n in names), total[1] - sum(run.get(n, [0, 0])[1] for n in names))
            for run, total in zip(phases, import_times)]
    print(f"  {'other':17} {statistics.median(r[0] for r in rest) * 1000:7.1f} / "
          f"{statistics.median(r[1] for r in rest) * 1000:7.1f}   (access, locks, catalogue, timeline event, commits, "
          f"freeing the checked lines)")

if __name__ == "__main__":
    main()
