"""Build the default DOCX template of the sơ kết / tổng kết report (Nghị định 30/2020 layout).

Run: .venv/bin/python tdkt/reports/default_templates/build_templates.py
Writes summary_report.docx next to this file. Staff may edit the result in Word: the {{ … }} and
{%p … %} tags are docxtpl's (tdkt/reports/summary.py fills them); a paragraph holding only
{{ tables.<key> }} is replaced by that statistics table (move or delete it freely).
"""

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
FONT = "Times New Roman"


def _style(document):
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(6)
    style.paragraph_format.line_spacing = 1.15
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    # NĐ 30/2020 Phụ lục I: top and bottom 2–2.5 cm, left 3–3.5 cm, right 1.5–2 cm.
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)


def _line(cell_or_doc, text, *, bold=False, italic=False, size=13, align=WD_ALIGN_PARAGRAPH.CENTER, first=False):
    paragraph = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.bold, run.italic, run.font.size, run.font.name = bold, italic, Pt(size), FONT
    return paragraph


def _header(document):
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.rows[0].cells
    # Word reads the cell widths, LibreOffice the grid: set both so the motto stays on one line.
    for column, cell, width in ((table.columns[0], left, Cm(6)), (table.columns[1], right, Cm(10.5))):
        column.width = width
        cell.width = width
    _line(left, "{{ parent_body_upper }}", size=13, first=True)
    _line(left, "{{ issuer_upper }}", bold=True, size=13)
    _line(left, "Số: {{ number_placeholder }}/BC-{{ issuer_short }}", size=13)
    _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13, first=True)
    _line(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=14)
    _line(right, "{{ place }}, ngày {{ day }} tháng {{ month }} năm {{ year_now }}", italic=True, size=14)


def _heading(document, text):
    paragraph = _line(document, text, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.LEFT)
    paragraph.paragraph_format.space_before = Pt(6)


def _body(document, text):
    paragraph = document.add_paragraph(text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1)
    return paragraph


def build_summary(path: Path) -> None:
    document = Document()
    _style(document)
    _header(document)
    _line(document, "BÁO CÁO", bold=True, size=14).paragraph_format.space_before = Pt(12)
    _line(document, "{{ report_title }}", bold=True, size=14)
    _line(document, "Phạm vi: {{ scope_label }}; kỳ báo cáo: {{ period_label }}; so sánh với {{ previous_label }}",
          italic=True, size=13)
    _body(document, "Số liệu lập từ Hệ thống quản lý thi đua, khen thưởng ngày {{ generated_on }}. "
                    "Đơn vị soạn thảo bổ sung phần đánh giá trước khi trình ký.")

    _heading(document, "I. CÔNG TÁC TỔ CHỨC PHONG TRÀO THI ĐUA")
    _body(document, "1. Các phong trào thi đua triển khai trong kỳ: {{ movements|length }} phong trào.")
    _line(document, "{%p for m in movements %}", align=WD_ALIGN_PARAGRAPH.LEFT)
    _body(document, "- {{ m.name }} ({{ m.kind }}{% if m.dates %}, {{ m.dates }}{% endif %}).")
    _line(document, "{%p endfor %}", align=WD_ALIGN_PARAGRAPH.LEFT)
    _body(document, "2. Đăng ký thi đua:")
    _line(document, "{%p if registrations is none %}", align=WD_ALIGN_PARAGRAPH.LEFT)
    _body(document, "[Chưa có số liệu đăng ký thi đua trong hệ thống: đơn vị soạn thảo bổ sung.]")
    _line(document, "{%p elif not registrations %}", align=WD_ALIGN_PARAGRAPH.LEFT)
    _body(document, "Trong kỳ chưa có bản đăng ký thi đua nào.")
    _line(document, "{%p else %}", align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(document, "{%p for r in registrations %}", align=WD_ALIGN_PARAGRAPH.LEFT)
    _body(document, "- {{ r.status }}: {{ r.count }} bản đăng ký.")
    _line(document, "{%p endfor %}", align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(document, "{%p endif %}", align=WD_ALIGN_PARAGRAPH.LEFT)

    _heading(document, "II. CÔNG TÁC KHEN THƯỞNG")
    _body(document, "Trong kỳ, toàn {{ scope_short }} được khen thưởng {{ total_awards }} lượt "
                    "({{ total_collectives }} tập thể, {{ total_persons }} cá nhân, {{ total_households }} hộ gia đình); "
                    "cùng kỳ trước: {{ previous_total }} lượt.")
    for number, key, label in [
        (1, "dossiers", "Hồ sơ đề nghị khen thưởng theo loại và kết quả"),
        (2, "kind_level", "Khen thưởng theo danh hiệu, hình thức và cấp khen"),
        (3, "entry", "Chi tiết theo từng danh hiệu, hình thức"),
        (4, "unit", "Khen thưởng theo đơn vị"),
        (5, "category", "Khen thưởng theo đối tượng"),
        (6, "area", "Khen thưởng theo địa bàn"),
        (7, "shares", "Tỷ lệ khen thưởng các đối tượng cần ưu tiên, so với cùng kỳ"),
    ]:
        _body(document, f"{number}. {label}:")
        _line(document, "{{ tables.%s }}" % key, align=WD_ALIGN_PARAGRAPH.LEFT)

    _heading(document, "III. ĐÁNH GIÁ CHUNG")
    _body(document, "1. Ưu điểm: [đơn vị soạn thảo bổ sung]")
    _body(document, "2. Tồn tại, hạn chế và nguyên nhân: [đơn vị soạn thảo bổ sung]")
    _heading(document, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ {{ next_label_upper }}")
    _body(document, "[Đơn vị soạn thảo bổ sung]")

    sign = document.add_table(rows=1, cols=2)
    left, right = sign.rows[0].cells
    _line(left, "Nơi nhận:", bold=True, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT, first=True)
    _line(left, "- Như trên;", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(left, "- Lưu: VT.", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(right, "{{ signer_title_upper }}", bold=True, size=14, first=True)
    document.save(path)


if __name__ == "__main__":
    build_summary(HERE / "summary_report.docx")
    print(HERE / "summary_report.docx")
