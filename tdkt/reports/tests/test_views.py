"""Report pages and exports: scope, the Excel files read back with calamine, the DOCX with python-docx."""

import io

import pytest
from docx import Document
from python_calamine import CalamineWorkbook

pytestmark = pytest.mark.django_db


def _sheet(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    return book.get_sheet_by_index(0).to_python()


def test_dashboard_for_the_province_and_for_a_unit(client, people, award_world):
    client.force_login(people["officer"])
    response = client.get("/bao-cao/", {"year": 2025})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<svg" in body and "style=" not in body
    assert response.context["awards_now"] == 9 and response.context["awards_before"] == 5
    client.force_login(people["clerk"])
    response = client.get("/bao-cao/", {"year": 2025})
    assert response.context["awards_now"] == 4  # Sở GD&ĐT and its school only


def test_a_unit_outside_the_scope_is_refused(client, people, report_units, award_world):
    client.force_login(people["clerk"])
    response = client.get("/bao-cao/thong-ke/", {"unit": report_units["commune"].pk, "year": 2025})
    # Not a choice for this user: the filter says so and the page stays on the user's own subtree.
    assert "unit" in response.context["form"].errors
    assert response.context["scope"].unit == people["clerk"].unit
    unit_table = next(b["table"] for b in response.context["blocks"] if b["table"].key == "unit")
    assert report_units["commune"].name not in [row[0] for row in unit_table.rows]
    assert client.get("/bao-cao/thong-ke/", {"unit": report_units["school"].pk}).status_code == 200
    client.force_login(people["officer"])
    assert client.get("/bao-cao/thong-ke/", {"unit": report_units["commune"].pk}).status_code == 200


def test_statistics_table_export_reads_back(client, people, award_world):
    client.force_login(people["officer"])
    response = client.get("/bao-cao/thong-ke/", {"year": 2025, "export": "kind_level"})
    assert response.status_code == 200
    rows = _sheet(response)
    totals = {row[0]: row[4] for row in rows[1:]}
    assert totals["Hình thức khen thưởng cấp tỉnh"] == 5
    assert sum(int(value) for value in totals.values()) == 9
    assert client.get("/bao-cao/thong-ke/", {"export": "nope"}).status_code == 404


def test_every_statistics_table_renders(client, people, award_world):
    client.force_login(people["officer"])
    response = client.get("/bao-cao/thong-ke/", {"year": 2025})
    assert response.status_code == 200
    assert [block["table"].key for block in response.context["blocks"]] == [
        "kind_level", "entry", "unit", "category", "area", "achievement", "year", "dossiers", "shares"]


def test_national_form_page_and_xlsx(client, people, award_world):
    client.force_login(people["officer"])
    page = client.get("/bao-cao/bieu-mau/0601/", {"year": 2025})
    assert page.status_code == 200 and "0601.N/BNV-TĐKT" in page.content.decode()
    rows = _sheet(client.get("/bao-cao/bieu-mau/0601/", {"year": 2025, "export": "xlsx"}))
    assert rows[0][0].startswith("Biểu") or rows[0][0].startswith("Form")
    data = {row[1]: row[2:6] for row in rows if len(row) > 5 and isinstance(row[0], float)}
    assert data["Chiến sĩ thi đua cơ sở"] == [0, 1, 0, 1]
    total_row = next(row for row in rows if row[1] in ("Tổng số", "Total", "Tổng"))
    assert total_row[5] == 2
    assert client.get("/bao-cao/bieu-mau/9999/").status_code == 404


def test_summary_docx_reads_back(client, people, award_world):
    client.force_login(people["officer"])
    response = client.get("/bao-cao/so-ket-tong-ket/", {"year": 2025, "part": "h1", "download": 1})
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "SƠ KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG 6 THÁNG ĐẦU NĂM 2025" in text
    assert "được khen thưởng 6 lượt" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in document.tables[0].rows[0].cells[1].text
    # The tables: find the one by title/form and level; its totals add up to the six awards.
    level_table = next(t for t in document.tables if t.rows[0].cells[0].text == "Nội dung"
                       and any("cấp tỉnh" in r.cells[0].text for r in t.rows))
    assert sum(int(r.cells[4].text.replace(".", "")) for r in level_table.rows[1:]) == 6
    assert "[Chưa có số liệu đăng ký thi đua" in text or "bản đăng ký" in text


def test_summary_lists_the_movements_of_the_period(people, report_units, award_world):
    from datetime import date

    from tdkt.emulation.models import Movement
    from tdkt.reports import statistics as st, summary

    Movement.objects.create(name="Phong trào “Cả nước chung tay vì người nghèo”", kind="thematic",
                            launched_by=report_units["province"], starts_on=date(2025, 1, 1),
                            ends_on=date(2025, 12, 31))
    Movement.objects.create(name="Phong trào đã kết thúc", kind="thematic", launched_by=report_units["province"],
                            starts_on=date(2020, 1, 1), ends_on=date(2021, 12, 31))
    content = summary.summary_docx(st.Scope.province(), st.Period(2025), issuer=report_units["home_affairs"])
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert "Cả nước chung tay vì người nghèo" in text and "01/01/2025 – 31/12/2025" in text
    assert "Phong trào đã kết thúc" not in text
    assert "TỔNG KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2025" in text
    assert "được khen thưởng 9 lượt" in text and "cùng kỳ trước: 5 lượt" in text


def test_a_unit_clerk_fills_the_forms_for_its_subtree_only(client, people, award_world):
    client.force_login(people["clerk"])
    response = client.get("/bao-cao/bieu-mau/0601/", {"year": 2025})
    expected = [f for f in award_world if f["year"] == 2025 and f["entry_kind"] == "title"
                and f["unit"].path.startswith(people["clerk"].unit.path)]
    assert response.context["filled"].total[-1] == len(expected) == 1
    rows = _sheet(client.get("/bao-cao/thong-ke/", {"year": 2025, "export": "unit"}))
    assert sum(int(row[4]) for row in rows[1:]) == 4


def test_reports_need_a_signed_in_user(client):
    response = client.get("/bao-cao/")
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]
