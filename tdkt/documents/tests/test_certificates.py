"""Certificate rendering (plain data → PDF/DOCX), read back with pypdf and python-docx."""

import io
import os
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pypdf
import pytest
from docx import Document

from tdkt.documents.certificate_layout import CertificateType, FieldBox, default_layout, layout_from_json
from tdkt.documents.certificates import (MM, CertificateData, draw_certificate, fit_paragraph, format_code, qr_matrix,
                                         pdf_page_png, render_certificate_docx, render_certificate_pdf,
                                         render_certificates_pdf, render_test_page)

A4_LANDSCAPE_PT = (297 * MM, 210 * MM)


def artifacts_dir() -> Path:
    folder = Path(os.environ.get("TDKT_ARTIFACTS") or Path(tempfile.gettempdir()) / "tdkt-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def make_data(**changes) -> CertificateData:
    data = CertificateData(
        certificate_type=CertificateType.TITLE, issuer_title="Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn",
        award_name="Chiến sĩ thi đua cơ sở", recipient_name="Nguyễn Thị Đào",
        position_text="Giáo viên, Trường THPT Việt Bắc",
        achievement="Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025",
        decision_number="123/QĐ-UBND", decision_date=date(2026, 1, 5), gold_book_number=17, place="Lạng Sơn",
        signed_on=date(2026, 1, 5), signer_title="KT. Chủ tịch\nPhó Chủ tịch", signer_name="Hồ Tiến Thiệu",
        verification_code="7KQ2MX9D4A", verification_url="https://tdkt.example.vn/cong-khai/xac-minh/7KQ2MX9D4A/")
    return replace(data, **changes)


def page_texts(pdf_bytes):
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes))
    return reader, [" ".join(page.extract_text().split()) for page in reader.pages]


def test_a_certificate_prints_every_field_with_vietnamese_letters():
    pdf = render_certificate_pdf(make_data(), default_layout())
    reader, (text,) = page_texts(pdf)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == tuple(round(v, 1) for v in A4_LANDSCAPE_PT)
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
                     "TẶNG DANH HIỆU", "CHIẾN SĨ THI ĐUA CƠ SỞ", "Nguyễn Thị Đào", "Trường THPT Việt Bắc",
                     "Quyết định số 123/QĐ-UBND ngày 05/01/2026", "Số sổ vàng: 17", "Mã xác minh: 7KQ2M-X9D4A",
                     "Lạng Sơn, ngày 05 tháng 01 năm 2026", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hồ Tiến Thiệu"):
        assert expected in text, expected
    (artifacts_dir() / "certificate-cstdcs.png").write_bytes(pdf_page_png(pdf, scale=1.5))


def test_forms_of_commendation_say_tang_not_tang_danh_hieu():
    pdf = render_certificate_pdf(make_data(certificate_type=CertificateType.BANG_KHEN, award_name="Bằng khen"),
                                 default_layout())
    _reader, (text,) = page_texts(pdf)
    assert "BẰNG KHEN" in text and "TẶNG DANH HIỆU" not in text and "TẶNG" in text


def test_the_qr_code_encodes_the_verification_url():
    # No QR decoder is installed: read every module back from the rendered page and compare it
    # with segno's matrix for the URL (one wrong module would show).
    data = make_data()
    matrix = qr_matrix(data.verification_url)
    png = pdf_page_png(render_certificate_pdf(data, default_layout()), scale=4)
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    box = default_layout().boxes["qr"]
    px_per_mm = 4 * MM
    cell_mm = box.width / (len(matrix) + 2)
    mismatches = 0
    for row, cells in enumerate(matrix):
        for col, dark in enumerate(cells):
            x = (box.x + cell_mm * (col + 1.5)) * px_per_mm
            y = (box.y + cell_mm * (row + 1.5)) * px_per_mm
            mismatches += (image.getpixel((int(x), int(y))) < 128) != bool(dark)
    assert mismatches == 0


def test_a_long_name_shrinks_to_fit_its_box_instead_of_overflowing():
    box = FieldBox(33.5, 91, 230, 12, 22)
    long_name = "Tập thể Phòng Giáo dục và Đào tạo thành phố Lạng Sơn và các trường trực thuộc " * 2
    _paragraph, height, size = fit_paragraph("recipient", long_name, box)
    assert size < 22 and height <= box.height * MM + 0.01
    _paragraph, _height, size = fit_paragraph("recipient", "Lê Văn An", box)
    assert size == 22
    pdf = render_certificate_pdf(make_data(recipient_name=long_name.strip()), default_layout())
    assert "Tập thể Phòng Giáo dục" in page_texts(pdf)[1][0]


def test_a_batch_has_one_landscape_page_per_certificate_in_order():
    items = [(make_data(recipient_name=f"Người nhận {i}", gold_book_number=i), default_layout()) for i in range(1, 6)]
    pages = []
    pdf = render_certificates_pdf(items, on_page=pages.append)
    reader, texts = page_texts(pdf)
    assert pages == [1, 2, 3, 4, 5] and len(reader.pages) == 5
    for i, text in enumerate(texts, start=1):
        assert f"Người nhận {i}" in text and f"Số sổ vàng: {i}" in text
        assert float(reader.pages[i - 1].mediabox.width) > float(reader.pages[i - 1].mediabox.height)


def test_moving_a_field_in_the_layout_moves_it_on_the_page():
    from reportlab.pdfgen.canvas import Canvas

    moved = default_layout().with_boxes({"recipient": {"x": 20.0, "y": 60.0, "align": "left"}})
    drawn_default = draw_certificate(Canvas(io.BytesIO()), make_data(), default_layout())
    drawn_moved = draw_certificate(Canvas(io.BytesIO()), make_data(), moved)
    assert drawn_default["recipient"][:2] == pytest.approx((33.5 * MM, (210 - 91) * MM))
    assert drawn_moved["recipient"][:2] == pytest.approx((20 * MM, (210 - 60) * MM))

    # And in the PDF itself: pypdf reports where the name's text starts.
    def name_origin(spec):
        reader = pypdf.PdfReader(io.BytesIO(render_certificate_pdf(make_data(), spec)))
        found = []

        def visitor(text, cm, tm, font, size):
            if "Nguyễn Thị Đào" in text:
                found.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))
        reader.pages[0].extract_text(visitor_text=visitor)
        return found[0]

    x, y = name_origin(moved)
    assert x == pytest.approx(20 * MM, abs=1)
    assert (210 - 60) * MM - 12 * MM < y < (210 - 60) * MM


def test_hidden_fields_and_no_frame_for_pre_printed_blanks():
    spec = layout_from_json("a4_landscape", False, {"motto": {**default_layout().boxes["motto"].as_dict(),
                                                              "visible": False}})
    _reader, (text,) = page_texts(render_certificate_pdf(make_data(), spec))
    assert "CỘNG HÒA" not in text and "Nguyễn Thị Đào" in text


def test_malformed_stored_layout_falls_back_to_the_default_box():
    spec = layout_from_json("a4_landscape", True, {"recipient": {"x": "abc"}, "unknown": {"x": 1}})
    assert spec.boxes["recipient"] == default_layout().boxes["recipient"]


def test_the_test_page_prints_rulers_and_the_boxes():
    pdf = render_test_page(default_layout())
    _reader, (text,) = page_texts(pdf)
    assert "Awardee (33.5; 91) 230×12 mm" in text or "(33.5; 91) 230×12 mm" in text
    for mark in ("10", "100", "290"):
        assert mark in text
    (artifacts_dir() / "certificate-test-page.png").write_bytes(pdf_page_png(pdf, scale=1.5))


def test_docx_is_landscape_and_carries_the_same_texts():
    document = Document(io.BytesIO(render_certificate_docx(make_data())))
    section = document.sections[0]
    assert section.page_width > section.page_height
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(p.text for cell in document.tables[0].rows[0].cells for p in cell.paragraphs)
    for expected in ("CHIẾN SĨ THI ĐUA CƠ SỞ", "Nguyễn Thị Đào", "Quyết định số 123/QĐ-UBND ngày 05/01/2026",
                     "Số sổ vàng: 17", "7KQ2M-X9D4A", "Hồ Tiến Thiệu"):
        assert expected in text, expected
    assert len(document.inline_shapes) == 1  # the QR code


def test_format_code():
    assert format_code("7KQ2MX9D4A") == "7KQ2M-X9D4A"


def test_place_and_date_line_pads_only_small_days_and_january_february():
    """NĐ 30/2020: a day below 10 and the months 1 and 2 take a leading zero; "tháng 08" is wrong."""
    from tdkt.documents.certificates import long_date

    assert long_date("Lạng Sơn", date(2025, 8, 5)) == "Lạng Sơn, ngày 05 tháng 8 năm 2025"
    assert long_date("Lạng Sơn", date(2026, 2, 15)) == "Lạng Sơn, ngày 15 tháng 02 năm 2026"
    assert long_date("Lạng Sơn", date(2025, 12, 20)) == "Lạng Sơn, ngày 20 tháng 12 năm 2025"
    assert long_date("", date(2025, 11, 3)) == "Ngày 03 tháng 11 năm 2025"
