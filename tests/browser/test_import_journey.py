"""A unit's nominee list brought into a dossier through the real pages in Chromium, and the
dossier's list taken out again.

clerk opens a draft dossier → downloads the blank template → uploads the unit's own sheet (a
title line above the header, names without diacritics, dates as text and as real dates) →
the preview shows every line checked and nothing is saved yet → the clerk says who the
uncertain namesake is → confirms → the valid lines are in the dossier, the bad one is reported
→ uploading the same file again adds nothing → "Xuất Excel" gives the dossier's nominees.
"""

import datetime as dt
import re

import pytest
import python_calamine

from tdkt.core.tests.test_spreadsheets import xlsx
from tdkt.nominations import services
from tdkt.nominations.models import ImportBatch, Nomination
from tdkt.organizations.models import Person
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHEET = xlsx([
    ["DANH SÁCH ĐỀ NGHỊ TẶNG DANH HIỆU LAO ĐỘNG TIÊN TIẾN"],
    ["STT", "Ho va ten", "Ngay sinh", "Chuc vu, don vi cong tac", "Danh hieu", "Thanh tich"],
    [1, "Nguyễn Thị Đào", dt.date(1980, 5, 17), "Giáo viên", "Lao động tiên tiến", "Hoàn thành tốt nhiệm vụ"],
    [2, "Lò Thị Lan", None, "Giáo viên", "LĐTT", "Hoàn thành tốt nhiệm vụ"],
    [3, "Mới Văn Bốn", "02/03/1990", "Nhân viên", "Lao động tiên tiến", "Hoàn thành tốt nhiệm vụ"],
    [4, "Sai Ngày Sinh", "31/02/1990", "Nhân viên", "Lao động tiên tiến", "Hoàn thành tốt nhiệm vụ"],
])


def test_import_a_list_then_export_it(open_page, people, catalogue, nominee, units):
    clerk_user = people["clerk"]
    dossier = services.create_dossier(actor=clerk_user, unit=clerk_user.unit, title="Khen thưởng năm học",
                                      kind="annual", year=2025)
    lan = Person.objects.create(full_name="Lò Thị Lan", birth_year=1970, unit=units["school"])
    Person.objects.create(full_name="Lò Thị Lan", birth_year=1991, unit=units["education"])

    clerk = open_page("clerk")
    clerk.goto(f"/ho-so/{dossier.pk}/")
    clerk.locator(f'a[href="/ho-so/{dossier.pk}/nhap-danh-sach/"]').click()
    clerk.wait_for_url(re.compile(r"/nhap-danh-sach/$"))
    with clerk.expect_download() as template:
        clerk.locator(f'a[href="/ho-so/{dossier.pk}/nhap-danh-sach/mau.xlsx"]').click()
    rows = python_calamine.CalamineWorkbook.from_path(template.value.path()).get_sheet_by_index(0).to_python()
    assert "Họ và tên" in rows[0]

    clerk.set_input_files("#id_file", {"name": "danh-sach.xlsx", "buffer": SHEET,
                                       "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    clerk.locator("form:has(#id_file) button.primary").click()
    clerk.wait_for_url(re.compile(r"/nhap-danh-sach/\d+/$"))
    batch = ImportBatch.objects.get()
    screenshot(clerk, "import-1-preview")
    assert clerk.locator("tr.import-invalid").count() == 1          # the impossible date
    assert clerk.locator("#choice-4").count() == 1                   # the namesake to confirm
    assert not Nomination.objects.exists()                            # nothing saved before confirming

    clerk.select_option("#choice-4", f"person:{lan.pk}")
    clerk.locator('button[name="save"]').click()
    clerk.wait_for_load_state()
    batch.refresh_from_db()
    assert batch.choices == {"4": f"person:{lan.pk}"}                 # kept across the re-render
    assert clerk.locator("#choice-4").input_value() == f"person:{lan.pk}"

    clerk.locator('button[name="confirm"]').click()
    clerk.wait_for_url(re.compile(r"/ket-qua/$"))
    screenshot(clerk, "import-2-report")
    names = set(dossier.nominations.values_list("person__full_name", flat=True))
    assert names == {"Nguyễn Thị Đào", "Lò Thị Lan", "Mới Văn Bốn"}
    assert dossier.nominations.get(person__full_name="Lò Thị Lan").person == lan
    assert dossier.nominations.get(person__full_name="Nguyễn Thị Đào").person == nominee

    # The same file again: every line is already there; confirming adds nothing.
    clerk.goto(f"/ho-so/{dossier.pk}/nhap-danh-sach/")
    clerk.set_input_files("#id_file", {"name": "danh-sach.xlsx", "buffer": SHEET,
                                       "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    clerk.locator("form:has(#id_file) button.primary").click()
    clerk.wait_for_url(re.compile(r"/nhap-danh-sach/\d+/$"))
    clerk.select_option("#choice-4", f"person:{lan.pk}")
    clerk.locator('button[name="confirm"]').click()
    clerk.wait_for_url(re.compile(r"/ket-qua/$"))
    assert dossier.nominations.count() == 3

    # "Xuất Excel" on the dossier page: the nominees, formula-safe.
    clerk.goto(f"/ho-so/{dossier.pk}/")
    with clerk.expect_download() as export:
        clerk.locator("a.export-link").first.click()
    exported = python_calamine.CalamineWorkbook.from_path(export.value.path()).get_sheet_by_index(0).to_python()
    assert {row[1] for row in exported[1:]} == names
