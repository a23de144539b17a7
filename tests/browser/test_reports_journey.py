"""Reports in Chromium: a Board officer opens the dashboard (charts drawn as inline SVG, no CSP
violation), moves to the statistics and a national form for 2025, downloads the Excel file and the
tổng kết draft; a unit clerk's dashboard counts only the clerk's subtree."""


import pytest
from docx import Document
from python_calamine import CalamineWorkbook

from tdkt.reports.tests.conftest import award_world, report_units  # noqa: F401
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_reads_and_exports_the_reports(open_page, people, award_world):  # noqa: F811
    officer = open_page("officer")
    violations = []
    officer.on("console", lambda message: violations.append(message.text)
               if "Content Security Policy" in message.text else None)
    officer.goto("/bao-cao/?year=2025")
    assert officer.locator("svg rect.bar-current").count() > 0
    assert officer.locator(".stats .stat strong").nth(2).inner_text() == "9"
    screenshot(officer, "reports-dashboard")

    officer.locator("nav.report-tabs a[href^='/bao-cao/thong-ke/']").click()
    officer.wait_for_load_state()
    assert officer.locator("#t-category table").count() == 1
    officer.goto("/bao-cao/bieu-mau/0601/?year=2025")
    with officer.expect_download() as download:
        officer.locator(".report-block-head a.button").click()
    sheet = CalamineWorkbook.from_path(download.value.path()).get_sheet_by_index(0).to_python()
    assert any(row[1] == "Chiến sĩ thi đua cơ sở" and row[5] == 1 for row in sheet if len(row) > 5)

    officer.goto("/bao-cao/so-ket-tong-ket/?year=2025")
    with officer.expect_download() as download:
        officer.locator("a.button.primary").click()
    text = "\n".join(p.text for p in Document(download.value.path()).paragraphs)
    assert "TỔNG KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2025" in text
    assert violations == []


def test_clerk_dashboard_is_scoped(open_page, people, award_world):  # noqa: F811
    clerk = open_page("clerk")
    clerk.goto("/bao-cao/?year=2025")
    assert clerk.locator(".stats .stat strong").nth(2).inner_text() == "4"
    assert clerk.locator("#id_unit option").count() == 3  # own unit (first), itself, its school
