"""Certificates (Giấy khen, Bằng khen, Bằng chứng nhận danh hiệu) as PDF and DOCX.

Takes plain data (:class:`CertificateData`) and a :class:`LayoutSpec`; knows no domain model.
PDF: reportlab, one A4 landscape page per certificate, Liberation Serif, every field a
Paragraph wrapped in its box with the font shrunk until it fits; the verification code is
printed as text and as a QR code (segno) pointing to the public verification page.
DOCX: python-docx, the same texts in flowing paragraphs for staff who want to edit in Word.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from xml.sax.saxutils import escape

from tdkt.documents.certificate_layout import FIELDS, CertificateType, FieldBox, LayoutSpec
from tdkt.documents.fonts import SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC, register_fonts
from tdkt.documents.vietnamese import ngay_thang_nam

MM = 72.0 / 25.4  # points per millimetre
MIN_FONT_SIZE = 6.0
RED = (0.78, 0.06, 0.06)
GOLD = (0.76, 0.56, 0.12)
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class CertificateData:
    certificate_type: str
    issuer_title: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"
    award_name: str  # "Bằng khen" / "Chiến sĩ thi đua cơ sở"
    recipient_name: str
    position_text: str
    achievement: str
    decision_number: str
    decision_date: date
    gold_book_number: int
    place: str
    signed_on: date
    signer_title: str  # may hold two lines: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    signer_name: str
    verification_code: str
    verification_url: str
    motto: str = MOTTO


def format_code(code: str) -> str:
    """ABCDE12345 → ABCDE-12345: easier to read aloud and to type."""
    return f"{code[:5]}-{code[5:]}" if len(code) > 6 else code


def long_date(place: str, on: date) -> str:
    """The NĐ 30/2020 place-and-date line: a day below 10 and the months 1 and 2 take a leading zero
    ("ngày 05 tháng 02", but "tháng 8"), the same rule as every other document (documents.vietnamese)."""
    text = ngay_thang_nam(on)
    return f"{place}, {text}" if place else text.capitalize()


def field_texts(data: CertificateData) -> dict[str, str]:
    """The text printed in each field (the QR field carries the URL it encodes)."""
    action = "TẶNG DANH HIỆU" if data.certificate_type == CertificateType.TITLE else "TẶNG"
    return {
        "motto": data.motto,
        "issuer_title": data.issuer_title.upper(),
        "action": action,
        "award_name": data.award_name.upper(),
        "recipient": data.recipient_name,
        "position": data.position_text,
        "achievement": data.achievement,
        "decision": f"Quyết định số {data.decision_number} ngày {data.decision_date:%d/%m/%Y}",
        "gold_book": f"Số sổ vàng: {data.gold_book_number}",
        "verification": f"Mã xác minh: {format_code(data.verification_code)}\n{data.verification_url}",
        "qr": data.verification_url,
        "place_date": long_date(data.place, data.signed_on),
        "signer_title": data.signer_title.upper(),
        "signer_name": data.signer_name,
    }


# --- PDF ---------------------------------------------------------------------------------

@lru_cache(maxsize=512)
def _style(name: str, size: float, align: str):
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    look = FIELDS[name][1]
    font = {(False, False): SERIF, (True, False): SERIF_BOLD, (False, True): SERIF_ITALIC,
            (True, True): SERIF_BOLD_ITALIC}[(look.bold, look.italic)]
    return ParagraphStyle(
        f"{name}-{size}-{align}", fontName=font, fontSize=size, leading=size * 1.18,
        alignment={"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}[align],
        textColor=RED if look.red else (0, 0, 0))


def fit_paragraph(name: str, text: str, box: FieldBox):
    """(paragraph, height in points, font size): the largest size ≤ the box's that fits it.

    Cached: most fields (motto, issuer, decision, signer…) are the same on every page of a batch,
    and a wrapped Paragraph can be drawn any number of times. Per thread, because drawing sets
    the paragraph's canvas attribute for the time of the call."""
    return _fit_paragraph(name, text, box, threading.get_ident())


@lru_cache(maxsize=512)
def _fit_paragraph(name: str, text: str, box: FieldBox, _thread: int):
    from reportlab.platypus import Paragraph

    markup = escape(text).replace("\n", "<br/>")
    width, height = box.width * MM, box.height * MM
    size = box.font_size
    while True:
        paragraph = Paragraph(markup, _style(name, size, box.align))
        _, used = paragraph.wrap(width, height)
        if size <= MIN_FONT_SIZE or (used <= height + 0.01 and paragraph.minWidth() <= width + 0.01):
            return paragraph, used, size
        # Jump close to the size that fits (text area grows with the square of the size), then step.
        ratio = min(height / used, width / max(paragraph.minWidth(), 1), 0.95)
        size = max(MIN_FONT_SIZE, min(round(size * 0.92 * 2) / 2, round(size * ratio ** 0.5 * 2) / 2))


@lru_cache(maxsize=512)
def qr_matrix(url: str):
    """The QR modules of a URL. Mask 0 is fixed: letting segno score all eight masks costs more
    than the rest of the page, and any mask decodes equally well on paper."""
    import segno

    return segno.make(url, error="m", micro=False, mask=0, boost_error=False).matrix


def qr_image(url: str, *, border: int):
    """The QR code as a 1-bit PIL image, one pixel a module, ``border`` light modules around."""
    from PIL import Image

    matrix = qr_matrix(url)
    n, size = len(matrix), len(matrix) + 2 * border
    image = Image.new("1", (size, size), 1)
    image.putdata([0 if (border <= r < n + border and border <= c < n + border
                         and matrix[r - border][c - border]) else 1
                   for r in range(size) for c in range(size)])
    return image


def _draw_qr(canvas, url: str, box: FieldBox, page_h: float) -> None:
    """The QR code as a 1-bit image, one pixel a module (sharp at any size: PDF images are not
    smoothed unless they ask to be), with one light module of margin inside the box."""
    from reportlab.lib.utils import ImageReader

    image = qr_image(url, border=1)
    side = min(box.width, box.height) * MM
    canvas.drawImage(ImageReader(image), box.x * MM, page_h - box.y * MM - side, side, side)


def _draw_star(canvas, cx: float, cy: float, radius: float) -> None:
    import math

    path = canvas.beginPath()
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.38
        angle = math.pi / 2 + i * math.pi / 5
        x, y = cx + r * math.cos(angle), cy + r * math.sin(angle)
        path.moveTo(x, y) if i == 0 else path.lineTo(x, y)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _draw_frame(canvas, spec: LayoutSpec, certificate_type: str) -> None:
    """The decorative frame for printing on blank paper (pre-printed blanks already have one).

    The emblem is a plain star roundel standing in for the Quốc huy or the body's emblem, which
    pre-printed blanks carry; certificates of a title add the two red flags (NĐ 98 Đ104).
    """
    page_w, page_h = (v * MM for v in spec.page_mm)
    canvas.saveState()
    canvas.setStrokeColorRGB(*RED)
    canvas.setLineWidth(3)
    canvas.rect(8 * MM, 8 * MM, page_w - 16 * MM, page_h - 16 * MM)
    canvas.setStrokeColorRGB(*GOLD)
    canvas.setLineWidth(1)
    canvas.rect(11 * MM, 11 * MM, page_w - 22 * MM, page_h - 22 * MM)
    canvas.setFillColorRGB(*GOLD)
    for x in (11 * MM, page_w - 11 * MM):
        for y in (11 * MM, page_h - 11 * MM):
            canvas.circle(x, y, 2.2 * MM, stroke=0, fill=1)
    cx, cy = page_w / 2, page_h - 24 * MM
    canvas.setFillColorRGB(*RED)
    canvas.circle(cx, cy, 9 * MM, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 0.84, 0)
    _draw_star(canvas, cx, cy, 6 * MM)
    if certificate_type == CertificateType.TITLE:
        for side in (-1, 1):
            pole = cx + side * 14 * MM
            canvas.setStrokeColorRGB(0.4, 0.3, 0.1)
            canvas.setLineWidth(1)
            canvas.line(pole, cy - 9 * MM, pole, cy + 8 * MM)
            canvas.setFillColorRGB(*RED)
            flag = canvas.beginPath()
            flag.moveTo(pole, cy + 8 * MM)
            flag.lineTo(pole + side * 11 * MM, cy + 5.5 * MM)
            flag.lineTo(pole, cy + 1 * MM)
            flag.close()
            canvas.drawPath(flag, stroke=0, fill=1)
    canvas.restoreState()


def draw_certificate(canvas, data: CertificateData, spec: LayoutSpec) -> dict[str, tuple[float, float, float]]:
    """Draw one certificate on the current page. Returns, per field drawn, (x, top, font size) in
    points from the bottom-left corner: what tests and the layout editor check positions by."""
    page_h = spec.page_mm[1] * MM
    if spec.print_frame:
        _draw_frame(canvas, spec, data.certificate_type)
    drawn = {}
    for name, text in field_texts(data).items():
        box = spec.boxes[name]
        if not box.visible or not text:
            continue
        top = page_h - box.y * MM
        if name == "qr":
            _draw_qr(canvas, text, box, page_h)
            drawn[name] = (box.x * MM, top, 0.0)
            continue
        paragraph, used, size = fit_paragraph(name, text, box)
        paragraph.drawOn(canvas, box.x * MM, top - used)
        drawn[name] = (box.x * MM, top, size)
    return drawn


def _new_canvas(out, spec: LayoutSpec, title: str):
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    # Compressed streams stay binary: ASCII85 only makes files bigger, and without reportlab's
    # C accelerator its encoder is the slowest step of a page.
    rl_config.useA85 = 0
    width, height = spec.page_mm
    canvas = Canvas(out, pagesize=(width * MM, height * MM), pageCompression=1, invariant=1)
    canvas.setTitle(title)
    canvas.setAuthor("TĐKT")
    return canvas


def render_certificates_pdf(items: Iterable[tuple[CertificateData, LayoutSpec]], *, title: str = "Giấy chứng nhận",
                            on_page=None) -> bytes:
    """One PDF, one page per (data, layout) pair. ``on_page(n)`` is called after each page."""
    out = io.BytesIO()
    canvas = None
    for number, (data, spec) in enumerate(items, start=1):
        if canvas is None:
            canvas = _new_canvas(out, spec, title)
        else:
            width, height = spec.page_mm
            canvas.setPageSize((width * MM, height * MM))
        draw_certificate(canvas, data, spec)
        canvas.showPage()
        if on_page:
            on_page(number)
    if canvas is None:
        raise ValueError("No certificate to render.")
    canvas.save()
    return out.getvalue()


def render_certificate_pdf(data: CertificateData, spec: LayoutSpec) -> bytes:
    return render_certificates_pdf([(data, spec)], title=f"{data.award_name} – {data.recipient_name}")


def sample_certificate(certificate_type: str = CertificateType.BANG_KHEN) -> CertificateData:
    """Made-up data for the layout editor's preview and the test page."""
    return CertificateData(
        certificate_type=certificate_type, issuer_title="Chủ tịch Ủy ban nhân dân tỉnh",
        award_name={CertificateType.TITLE: "Chiến sĩ thi đua cơ sở", CertificateType.GIAY_KHEN: "Giấy khen"}.get(
            certificate_type, "Bằng khen"),
        recipient_name="Nguyễn Thị Mẫu", position_text="Giáo viên, Trường Trung học phổ thông Mẫu",
        achievement="Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2024 - 2025",
        decision_number="123/QĐ-UBND", decision_date=date(2025, 8, 15), gold_book_number=1, place="Lạng Sơn",
        signed_on=date(2025, 8, 15), signer_title="KT. Chủ tịch\nPhó Chủ tịch", signer_name="Trần Văn Mẫu",
        verification_code="0000000000", verification_url="https://example.invalid/cong-khai/xac-minh/0000000000/")


def render_test_page(spec: LayoutSpec, sample: CertificateData | None = None, *, with_frame: bool = False) -> bytes:
    """The alignment page: rulers in millimetres on the edges and every visible field's box with
    its name and position, so staff print it on the pre-printed blank and hold it to the light.
    With ``sample`` the fields are filled in (the editor's preview); ``with_frame`` adds the
    decorative frame when the layout prints it."""
    out = io.BytesIO()
    canvas = _new_canvas(out, spec, "Trang in thử căn lề")
    if with_frame and spec.print_frame:
        _draw_frame(canvas, spec, sample.certificate_type if sample else CertificateType.BANG_KHEN)
    width_mm, height_mm = spec.page_mm
    page_h = height_mm * MM
    canvas.setLineWidth(0.3)
    canvas.setFont(SERIF, 6)
    for x in range(0, int(width_mm) + 1):  # top and bottom rulers
        tick = 4 if x % 10 == 0 else 2.5 if x % 5 == 0 else 1.5
        for y0, sign in ((page_h, -1), (0, 1)):
            canvas.line(x * MM, y0, x * MM, y0 + sign * tick * MM)
        if x % 10 == 0 and 0 < x < width_mm:
            canvas.drawCentredString(x * MM, page_h - 6.5 * MM, str(x))
    for y in range(0, int(height_mm) + 1):  # left and right rulers, measured from the top
        tick = 4 if y % 10 == 0 else 2.5 if y % 5 == 0 else 1.5
        for x0, sign in ((0, 1), (width_mm * MM, -1)):
            canvas.line(x0, page_h - y * MM, x0 + sign * tick * MM, page_h - y * MM)
        if y % 10 == 0 and 0 < y < height_mm:
            canvas.drawString(5 * MM, page_h - y * MM - 2, str(y))
    canvas.setDash(2, 2)
    for name, (label, _look) in FIELDS.items():
        box = spec.boxes[name]
        if not box.visible:
            continue
        canvas.setStrokeColorRGB(0.1, 0.3, 0.8)
        canvas.rect(box.x * MM, page_h - (box.y + box.height) * MM, box.width * MM, box.height * MM)
        canvas.setFillColorRGB(0.1, 0.3, 0.8)
        canvas.drawString(box.x * MM + 1, page_h - box.y * MM + 1.5,
                          f"{label} ({box.x:g}; {box.y:g}) {box.width:g}×{box.height:g} mm")
    canvas.setDash()
    canvas.setFillColorRGB(0, 0, 0)
    if sample is not None:
        draw_certificate(canvas, sample, LayoutSpec(paper=spec.paper, print_frame=False, boxes=spec.boxes))
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def pdf_page_png(pdf_bytes: bytes, *, page: int = 0, scale: float = 1.0) -> bytes:
    """Rasterise one page (pypdfium2): the editor's preview and the tests' artifacts."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf_bytes)
    try:
        bitmap = document[page].render(scale=scale)
        image = bitmap.to_pil()
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=False)
        return out.getvalue()
    finally:
        document.close()


# --- DOCX --------------------------------------------------------------------------------

DOCX_TOKEN = "TDKTFIELD{}END"
_QR_MEDIA_NAME = "qr-placeholder"


def _build_docx(texts: dict[str, str], qr_png: bytes, title: str) -> bytes:
    """A4 landscape, Times New Roman, one page: the texts in flowing paragraphs, the QR code and
    the decision lines bottom-left, place, date and signer bottom-right."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    red = RGBColor(0xC7, 0x0F, 0x0F)

    def paragraph(container, text, *, size, bold=False, italic=False, color=None, align="center"):
        para = container.add_paragraph()
        para.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
        para.paragraph_format.space_after = Pt(2)
        run = para.add_run(text)
        run.font.size, run.font.bold, run.font.italic = Pt(size), bold, italic
        if color is not None:
            run.font.color.rgb = color
        return para

    paragraph(document, texts["motto"], size=13, bold=True)
    paragraph(document, texts["issuer_title"], size=15, bold=True, color=red)
    paragraph(document, texts["action"], size=15, bold=True)
    paragraph(document, texts["award_name"], size=28, bold=True, color=red)
    paragraph(document, texts["recipient"], size=20, bold=True)
    paragraph(document, texts["position"], size=14)
    paragraph(document, texts["achievement"], size=14, italic=True)
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Mm(130), Mm(127)
    left.paragraphs[0].add_run().add_picture(io.BytesIO(qr_png), width=Mm(24))
    paragraph(left, texts["decision"], size=12, align="left")
    paragraph(left, texts["gold_book"], size=12, align="left")
    paragraph(left, texts["verification"], size=9, align="left")
    paragraph(right, texts["place_date"], size=13, italic=True)
    paragraph(right, texts["signer_title"], size=13, bold=True)
    paragraph(right, "", size=13)
    paragraph(right, "", size=13)
    paragraph(right, texts["signer_name"], size=14, bold=True)
    document.core_properties.title = title
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@lru_cache(maxsize=1)
def _docx_skeleton() -> tuple[tuple[tuple[str, bytes], ...], str]:
    """The document built once with a token in every field; each certificate then only replaces
    the tokens in word/document.xml and the QR image (python-docx would take ~20× longer per file)."""
    import zipfile

    tokens = {name: DOCX_TOKEN.format(name.upper()) for name in FIELDS}
    blob = _build_docx(tokens, _qr_png(_QR_MEDIA_NAME), DOCX_TOKEN.format("TITLE"))
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        entries = tuple((name, archive.read(name)) for name in archive.namelist())
    media = [name for name, _data in entries if name.startswith("word/media/")]
    return entries, media[0]


def _xml_text(text: str) -> str:
    """Text for inside <w:t>: escaped, each line break a <w:br/>."""
    lines = [escape(line) for line in text.split("\n")]
    return '</w:t><w:br/><w:t xml:space="preserve">'.join(lines)


def render_certificate_docx(data: CertificateData) -> bytes:
    """The certificate as an editable Word document: A4 landscape, Times New Roman, one page."""
    import re
    import zipfile

    entries, qr_name = _docx_skeleton()
    texts = field_texts(data)
    values = {DOCX_TOKEN.format(name.upper()): _xml_text(text) for name, text in texts.items()}
    values[DOCX_TOKEN.format("TITLE")] = escape(f"{data.award_name} – {data.recipient_name}")
    pattern = re.compile("|".join(re.escape(token) for token in values))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, content in entries:
            if name in ("word/document.xml", "docProps/core.xml"):
                content = pattern.sub(lambda m: values[m.group(0)], content.decode("utf-8")).encode("utf-8")
            elif name == qr_name:
                content = _qr_png(data.verification_url)
            archive.writestr(name, content)
    return out.getvalue()


def _qr_png(url: str) -> bytes:
    from PIL import Image

    image = qr_image(url, border=2)
    out = io.BytesIO()
    image.resize((image.width * 6, image.height * 6), Image.NEAREST).save(out, format="PNG")
    return out.getvalue()
