"""Benchmark of a decision's certificate batch (issue 4; DESIGN.md §6: ≤ 30 ms a page in a batch of 200).

Builds, in a throw-away SQLite database, one decision with 200 awards (Bằng khen and CSTĐCS, long and
short names), then times:

* the PDF of the batch (``render_certificates_pdf``: one A4 landscape page per certificate, every field
  wrapped and fitted, the QR code drawn as vectors), per page;
* the whole background task (``render_decision_certificates``: reading the awards, codes, the PDF and
  the ZIP of DOCX files written under MEDIA_ROOT), per certificate;

and prints each as a ratio to a reference measured in the same run: reportlab drawing a plain page with
the same fonts and the same texts as single lines (``drawString``, no wrapping, no QR), so the figure
travels between machines.

Run: .venv/bin/python benchmarks/certificates.py [--n 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Not this folder: a sibling script named like a standard module would shadow it (Django's SQLite
# backend imports `statistics`); import from the project root.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

BUDGET_MS = 30.0


def _median(values):
    return sorted(values)[len(values) // 2]
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vi", "Lộc", "Hà", "Nông", "Lăng", "Triệu")
GIVEN = ("Thị Đào", "Văn Bình", "Thị Hạnh", "Quang Dũng", "Thị Ngọc Yến", "Văn Thắng", "Minh Phúc")


def setup_django(tmp: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["TDKT_VAR_DIR"] = tmp
    os.environ.pop("DATABASE_URL", None)
    os.environ["TDKT_SQLITE_PATH"] = str(Path(tmp) / "bench.sqlite3")
    os.environ["TDKT_MEDIA_ROOT"] = str(Path(tmp) / "media")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build_decision(n: int):
    from tdkt.catalogue.models import CatalogueEntry
    from tdkt.catalogue.seed import seed_catalogue
    from tdkt.decisions import services
    from tdkt.organizations.models import Person, Unit

    seed_catalogue()
    entries = {e.code: e for e in CatalogueEntry.objects.in_force(date(2026, 1, 5))}
    province = Unit.objects.create(code="ubnd-tinh", name="UBND tỉnh Lạng Sơn", kind="province_office",
                                   level="province")
    school = Unit.objects.create(code="thpt", name="Trường Trung học phổ thông Việt Bắc", kind="school",
                                 level="grassroots", parent=province)
    decision = services.record_decision(number="123/QĐ-UBND", issued_on=date(2026, 1, 5),
                                        authority="chu_tich_ubnd_tinh", issuer=province,
                                        signer_name="Hồ Tiến Thiệu", signer_title="Phó Chủ tịch UBND tỉnh")
    for i in range(n):
        name = f"{SURNAMES[i % len(SURNAMES)]} {GIVEN[i % len(GIVEN)]}"
        if i % 10 == 0:  # some long ones, which have to be shrunk to fit
            name = f"Tập thể Tổ Khoa học tự nhiên và Công nghệ thông tin số {i} " * 2
        person = Person.objects.create(full_name=name[:200], unit=school)
        services.grant_award(decision, entry=entries["CSTDCS" if i % 3 == 0 else "BK_TINH"], subject=person,
                             recipient_name=name.strip()[:250], unit=school, year=2025,
                             position_text=f"Giáo viên, {school.name}")
    return decision


def reference_pages(datas, n: int) -> float:
    """Seconds for reportlab to draw n plain pages: the same texts as single lines, same fonts."""
    from reportlab.pdfgen.canvas import Canvas

    from tdkt.documents.certificates import MM, field_texts
    from tdkt.documents.fonts import SERIF, SERIF_BOLD, register_fonts

    register_fonts()
    start = time.perf_counter()
    canvas = Canvas(io.BytesIO(), pagesize=(297 * MM, 210 * MM), pageCompression=1, invariant=1)
    for data in datas[:n]:
        y = 190 * MM
        for name, text in field_texts(data).items():
            canvas.setFont(SERIF_BOLD if name in ("recipient", "award_name") else SERIF, 13)
            canvas.drawString(20 * MM, y, text.replace("\n", " "))
            y -= 12 * MM
        canvas.showPage()
    canvas.save()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(tmp)
        from tdkt.decisions import certificates
        from tdkt.documents.certificates import render_certificates_pdf

        decision = build_decision(args.n)
        awards = certificates.certificate_awards(decision)
        certificates.issue_verification_codes(awards)
        context = certificates.decision_context(decision)
        spec = certificates.layout_for(decision.issuer, "bang_khen")[1]
        datas = [certificates.certificate_data(a, base_url="https://tdkt.example.vn", context=context)
                 for a in awards]
        render_certificates_pdf([(datas[0], spec)])  # warm-up: font loading happens once per process
        reference_pages(datas, 5)

        pdf_runs, ref_runs, task_runs = [], [], []
        for run in range(args.repeat):
            ref_runs.append(reference_pages(datas, len(datas)))
            start = time.perf_counter()
            pdf = render_certificates_pdf([(d, spec) for d in datas])
            pdf_runs.append(time.perf_counter() - start)
            start = time.perf_counter()
            certificates.render_decision_certificates(decision_id=decision.pk, base_url="https://tdkt.example.vn",
                                                      task_key=f"certificates:{decision.pk}:bench{run}")
            task_runs.append(time.perf_counter() - start)

        n = len(datas)
        ref_ms = _median(ref_runs) / n * 1000
        pdf_ms = _median(pdf_runs) / n * 1000
        task_ms = _median(task_runs) / n * 1000
        print(f"certificates: batch of {n} (median of {args.repeat} runs), PDF {len(pdf) / 1e6:.1f} MB")
        print(f"  reference (plain reportlab page, drawString):  {ref_ms:7.2f} ms/page")
        print(f"  certificate PDF (fitted fields + QR):          {pdf_ms:7.2f} ms/page  "
              f"ratio {pdf_ms / ref_ms:5.1f}x  budget {BUDGET_MS:.0f} ms: {'OK' if pdf_ms <= BUDGET_MS else 'OVER'}")
        print(f"  whole task (DB + PDF + ZIP of DOCX, to disk):  {task_ms:7.2f} ms/certificate  "
              f"ratio {task_ms / ref_ms:5.1f}x  budget {BUDGET_MS:.0f} ms: {'OK' if task_ms <= BUDGET_MS else 'OVER'}")


if __name__ == "__main__":
    main()
