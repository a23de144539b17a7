"""Benchmark: a decision with 1,000 awards rendered as DOCX (issue 4: ≤ 0.5 s), and its PDF conversion.

Builds, in a throw-away SQLite database, one decision with N awards (three kinds of award, people and
collectives) through the real services, then times separately:

- ``decision_context``: reading the decision and its awards, grouping, money in figures and words;
- ``render_docx``: docxtpl filling the shipped Quyết định template (row loops of the attached list);
- the two together (what the download view does before sending the file);
- one DOCX → PDF conversion with LibreOffice headless (``docx_to_pdf``, its own profile copy per call).

References measured in the same run, so the ratios travel between machines: python-docx saving an
empty document, and docxtpl rendering the same template with a 1-line list.

Run: .venv/bin/python benchmarks/decision_docx.py [--n 1000] [--repeat 5] [--no-pdf]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

BUDGET_S = 0.5
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vi", "Lộc", "Hà", "Nông", "Lăng", "Triệu")
GIVEN = ("An", "Bình", "Cúc", "Dũng", "Đào", "Hà", "Hạnh", "Hùng", "Lan", "Linh", "Minh", "Nga", "Phúc")


def best(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def build(n: int):
    from datetime import date

    from tdkt.catalogue.seed import seed_catalogue
    from tdkt.decisions import services
    from tdkt.organizations.models import Collective, Person, Unit

    seed_catalogue()
    from tdkt.catalogue.models import CatalogueEntry

    entries = {e.code: e for e in CatalogueEntry.objects.in_force(date(2025, 2, 5))}
    province = Unit.objects.create(code="ubnd-tinh", name="UBND tỉnh Lạng Sơn", kind="province_office",
                                   level="province")
    school = Unit.objects.create(code="thpt", name="Trường THPT Việt Bắc", kind="school", level="grassroots",
                                 parent=province)
    decision = services.record_decision(number="999/QĐ-UBND", issued_on=date(2025, 2, 5),
                                        authority="chu_tich_ubnd_tinh", issuer=province,
                                        signer_name="Hồ Tiến Thiệu", signer_title="Phó Chủ tịch UBND tỉnh",
                                        summary="Khen thưởng năm học 2024-2025")
    for i in range(n):
        if i % 10 == 9:
            subject = Collective.objects.create(name=f"Tổ chuyên môn số {i}", unit=school)
            name, code = subject.name, "BK_TINH"
        else:
            name = f"{SURNAMES[i % len(SURNAMES)]} Thị {GIVEN[i % len(GIVEN)]} {i}"
            subject = Person.objects.create(full_name=name, gender="female" if i % 2 else "male", unit=school,
                                            position="Giáo viên")
            code = ("BK_TINH", "CSTDCS", "LDTT")[i % 3]
        services.grant_award(decision, entry=entries[code], subject=subject, recipient_name=name, unit=school,
                             year=2025, position_text="Giáo viên, Trường THPT Việt Bắc")
    return decision


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="tdkt-bench-docx-")
    os.environ["TDKT_VAR_DIR"] = workdir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from docx import Document

    from tdkt.decisions.documents import CODE, decision_context, decision_template_version
    from tdkt.documents.rendering import docx_to_pdf, render_bytes, render_docx, version_bytes

    start = time.perf_counter()
    decision = build(args.n)
    print(f"set-up: decision with {decision.awards.count()} awards built in {time.perf_counter() - start:.1f} s")
    version = decision_template_version(decision)
    template = version_bytes(version)

    context_s, context = best(lambda: decision_context(decision), args.repeat)
    render_s, docx = best(lambda: render_bytes(template, context), args.repeat)
    total_s, _ = best(lambda: render_docx(CODE, decision_context(decision), version=version), args.repeat)

    def empty_docx():
        out = io.BytesIO()
        Document().save(out)
        return out

    one_line = {**context, "nhom": [{**context["nhom"][0], "dong": context["nhom"][0]["dong"][:1]}]}
    empty_s, _ = best(empty_docx, args.repeat)
    one_s, _ = best(lambda: render_bytes(template, one_line), args.repeat)

    lines = sum(len(group["dong"]) for group in context["nhom"])
    print(f"decision DOCX, {lines} lines, {len(context['nhom'])} groups ({len(docx) // 1024} KiB), best of {args.repeat}:")
    print(f"  context (queries, grouping, money)  {context_s * 1000:8.1f} ms")
    print(f"  docxtpl render + save               {render_s * 1000:8.1f} ms")
    print(f"  total (what the download does)      {total_s * 1000:8.1f} ms   budget {BUDGET_S * 1000:.0f} ms "
          f"-> {'OK' if total_s <= BUDGET_S else 'OVER'}")
    print(f"  reference: python-docx empty save   {empty_s * 1000:8.1f} ms   ratio {total_s / empty_s:6.1f}x")
    print(f"  reference: 1-line decision render   {one_s * 1000:8.1f} ms   ratio {total_s / one_s:6.1f}x")
    print(f"  per line above the 1-line render    {(total_s - one_s) / max(lines - 1, 1) * 1e6:8.1f} µs")
    if not args.no_pdf:
        start = time.perf_counter()
        pdf = docx_to_pdf(docx)
        pdf_s = time.perf_counter() - start
        from pypdf import PdfReader

        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        start = time.perf_counter()
        docx_to_pdf(render_bytes(template, one_line))
        small_pdf_s = time.perf_counter() - start
        print(f"DOCX -> PDF (LibreOffice headless, own profile copy per call): {lines} lines {pdf_s:.2f} s ({pages} pages); "
              f"1-line decision {small_pdf_s:.2f} s")


if __name__ == "__main__":
    main()
