"""Sơ kết (first six months) and tổng kết (year) reports as DOCX drafts staff edit in Word.

The numbers come from the same tables as the statistics pages (tdkt.reports.tables); the
wording around them is the template's (default_templates/summary_report.docx, Nghị định 30
layout). The template is rendered by tdkt.documents (the same sandboxed docxtpl rendering as
every official paper); the statistics tables are then put in with python-docx.
"""

from __future__ import annotations

import io
from pathlib import Path

from django.utils import timezone, translation
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from tdkt.documents.context import blank_number, header, signature
from tdkt.documents.rendering import render_bytes
from tdkt.reports import statistics as st
from tdkt.reports import tables

TEMPLATE = Path(__file__).resolve().parent / "default_templates" / "summary_report.docx"
SECTION_TABLES = ("dossiers", "kind_level", "entry", "unit", "category", "area", "shares")


def _cell_text(value) -> str:
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def _fill_table(document, paragraph, table: tables.Table) -> None:
    """Replace the marker paragraph with the table (or a "no data" line)."""
    if not table.rows:
        paragraph.text = "Không có số liệu trong kỳ."
        return
    grid = document.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    for cell, header in zip(grid.rows[0].cells, table.headers):
        cell.text = str(header)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in table.rows:
        for index, (cell, value) in enumerate(zip(grid.add_row().cells, row)):
            cell.text = _cell_text(value)
            if index:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # The label column gets the room it needs; the figures share the rest of the 16.5 cm line.
    label_width = Cm(5.5)
    figure_width = Cm(11 / max(len(table.headers) - 1, 1))
    grid.autofit = False
    for index, column in enumerate(grid.columns):
        width = label_width if index == 0 else figure_width
        column.width = width
        for cell in column.cells:
            cell.width = width
    for row in grid.rows:
        for cell in row.cells:
            for run in (run for p in cell.paragraphs for run in p.runs):
                run.font.size = Pt(11)
                run.font.name = "Times New Roman"
    paragraph._p.addnext(grid._tbl)
    paragraph._p.getparent().remove(paragraph._p)


def _marker(key: str) -> str:
    return f"[[bang:{key}]]"


def render_docx(template_path: Path, context: dict, table_map: dict[str, tables.Table]) -> bytes:
    """Fill a docxtpl template. ``{{ tables.<key> }}`` renders a marker paragraph that is then
    replaced by the table (built with python-docx: no sub-document dependency)."""
    rendered = render_bytes(template_path.read_bytes(),
                            {**context, "tables": {key: _marker(key) for key in table_map}})
    document = Document(io.BytesIO(rendered))
    markers = {_marker(key): table for key, table in table_map.items()}
    for paragraph in list(document.paragraphs):
        table = markers.get(paragraph.text.strip())
        if table is not None:
            _fill_table(document, paragraph, table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _dates(movement: dict) -> str:
    start, end = movement["starts_on"], movement["ends_on"]
    if start and end:
        return f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"
    if start:
        return f"từ {start:%d/%m/%Y}"
    return ""


def summary_context(scope: st.Scope, period: st.Period, *, issuer=None) -> tuple[dict, dict]:
    """(text context, tables) of the report, in Vietnamese (an official document)."""
    with translation.override("vi"):
        table_map = {key: tables.statistics_table(key, scope, period) for key in SECTION_TABLES}
        total = st.Counts()
        for (_year, _entry), counts in st.entry_year_counts(scope, period).items():
            total += counts
        previous_total = sum(c.total for c in st.entry_year_counts(scope, period.previous()).values())
        today = timezone.localdate()
        issuer_name = issuer.name if issuer else "Sở Nội vụ"
        parent = issuer.parent.name if issuer and issuer.parent_id else "UBND tỉnh"
        first_half = period.part == st.Part.FIRST_HALF
        kind = "SƠ KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG 6 THÁNG ĐẦU NĂM" if first_half else \
            "TỔNG KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM"
        # The Nghị định 30 header and signature fields, as every other paper fills them.
        context = {
            **header(issuer_name=issuer_name, parent_name=parent,
                     number=blank_number("BC", issuer.short_name if issuer else "SNV", issuer_name), on=today),
            **signature(title="Thủ trưởng cơ quan", recipients=["Như trên;", "Lưu: VT."]),
            "report_title": f"{kind} {period.year}",
            "scope_label": scope.label,
            "scope_short": "tỉnh" if scope.unit is None else "đơn vị",
            "period_label": period.label,
            "previous_label": period.previous().label,
            "next_label_upper": ("6 THÁNG CUỐI NĂM" if first_half else f"NĂM {period.year + 1}"),
            "generated_on": f"{today:%d/%m/%Y}",
            "movements": [{**m, "dates": _dates(m)} for m in st.movements(period)],
            "registrations": st.registrations(scope, period),
            "total_awards": total.total, "total_collectives": total.collectives, "total_persons": total.persons,
            "total_households": total.households, "previous_total": previous_total,
        }
    return context, table_map


def summary_docx(scope: st.Scope, period: st.Period, *, issuer=None, template_path: Path = TEMPLATE) -> bytes:
    context, table_map = summary_context(scope, period, issuer=issuer)
    with translation.override("vi"):
        return render_docx(template_path, context, table_map)


def summary_filename(period: st.Period) -> str:
    prefix = "so-ket-6-thang" if period.part == st.Part.FIRST_HALF else "tong-ket-nam"
    return f"{prefix}-{period.year}.docx"
