"""Historical archive import: decisions and awardees from a sheet, units that no longer exist,
people matched or registered, one transaction, idempotent, for the Board only."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tdkt.core.errors import DomainError
from tdkt.core.tests.test_spreadsheets import xlsx
from tdkt.decisions import imports
from tdkt.decisions.models import Award, Decision
from tdkt.organizations.models import Collective, Person, Unit

pytestmark = pytest.mark.django_db

HEADER = ["STT", "Số quyết định", "Ngày quyết định", "Người ký", "Hình thức khen thưởng", "Họ và tên", "Năm sinh",
          "Đơn vị", "Năm"]


@pytest.fixture
def old_unit(units):
    return Unit.objects.create(code="phong-gd-cu", name="Phòng Giáo dục huyện Cũ", kind="department",
                               level="district", parent=units["province"], valid_to=dt.date(2025, 6, 30))


def sheet(*rows):
    return xlsx([HEADER, *rows])


ROWS = [
    [1, "12/QĐ-UBND", dt.date(2015, 1, 20), "Lý Vinh Quang", "Bằng khen của Chủ tịch UBND tỉnh", "Nguyễn Thị Đào",
     "17/05/1980", "Trường THPT Việt Bắc", 2014],                                                          # existing person
    [2, "12/QĐ-UBND", "20/01/2015", "Lý Vinh Quang", "BK_TINH", "Hà Văn Cũ", 1960, "Phòng Giáo dục huyện Cũ",
     2014],                                                                                                 # dissolved unit
    [3, "13/QĐ-UBND", "05/02/2016", "Lý Vinh Quang", "Tập thể lao động xuất sắc", "Tổ Văn", None,
     "Trường THPT Việt Bắc", 2015],                                                                         # a collective
    [4, "14/QĐ-UBND", "05/02/2016", "Lý Vinh Quang", "Huy chương lạ", "Ai Đó", None, "Trường THPT Việt Bắc",
     2015],                                                                                                 # unknown award
    [5, "15 QD", "05/02/2016", "Lý Vinh Quang", "BK_TINH", "Ai Khác", None, "Không Có Đơn Vị", 2015],      # bad number, unit
]


def test_archive_lines_become_decisions_and_awards_once(people, units, catalogue, nominee, old_unit):
    officer = people["officer"]
    payload = imports.read_archive(actor=officer, data=sheet(*ROWS), filename="so-vang.xlsx")
    rows = {row.line: row for row in imports.check_archive(payload, issuer=units["province"],
                                                            authority="chu_tich_ubnd_tinh")}
    assert rows[2].status == "existing_person" and rows[2].subject == nominee
    assert rows[3].unit == old_unit and rows[3].warnings["unit_name"]
    assert rows[4].valid and not rows[4].entry.for_person
    assert rows[5].errors["entry"] and rows[6].errors["number"] and rows[6].errors["unit_name"]
    assert not Decision.objects.exists()  # nothing before the confirmation

    result = imports.confirm_archive(payload, actor=officer, issuer=units["province"], authority="chu_tich_ubnd_tinh")
    assert (result.decisions, result.awards, result.new_people) == (2, 3, 2)
    assert sorted(line for line, _why in result.skipped) == [5, 6]
    decision = Decision.objects.get(number="12/QĐ-UBND")
    assert decision.source == "imported" and decision.issued_on == dt.date(2015, 1, 20)
    assert list(decision.awards.order_by("certificate_number").values_list("recipient_name", flat=True)) == [
        "Nguyễn Thị Đào", "Hà Văn Cũ"]
    old_person = Person.objects.get(full_name="Hà Văn Cũ")
    assert old_person.unit == old_unit and old_person.birth_year == 1960
    assert Award.objects.get(person=old_person).unit == old_unit
    assert Collective.objects.get(name="Tổ Văn").awards.get().entry.code == "TTLDXS"
    assert Award.objects.get(person=nominee).year == 2014

    counts = (Decision.objects.count(), Award.objects.count(), Person.objects.count(), Collective.objects.count())
    again = imports.read_archive(actor=officer, data=sheet(*ROWS), filename="so-vang.xlsx")
    second = imports.confirm_archive(again, actor=officer, issuer=units["province"], authority="chu_tich_ubnd_tinh")
    assert second.awards == 0
    assert (Decision.objects.count(), Award.objects.count(), Person.objects.count(),
            Collective.objects.count()) == counts


def test_archive_import_is_for_the_board(people):
    with pytest.raises(DomainError):
        imports.read_archive(actor=people["clerk"], data=sheet(*ROWS), filename="a.xlsx")


def test_archive_pages(client, people, units, catalogue, nominee, old_unit):
    client.force_login(people["clerk"])
    assert client.get(reverse("decisions:archive_import")).status_code == 403
    client.force_login(people["officer"])
    response = client.post(reverse("decisions:archive_import"), {
        "file": SimpleUploadedFile("so-vang.xlsx", sheet(*ROWS)), "issuer": units["province"].pk,
        "authority": "chu_tich_ubnd_tinh"})
    assert response.status_code == 302
    page = client.get(response.url)
    assert page.status_code == 200 and page.context["valid_count"] == 3 and page.context["invalid_count"] == 2
    token = page.context["token"]
    client.force_login(people["admin"])  # another user cannot reach someone else's upload
    assert client.get(response.url).status_code == 404
    client.force_login(people["officer"])
    done = client.post(reverse("decisions:archive_import_confirm", args=[token]))
    assert done.status_code == 302 and Award.objects.count() == 3
    assert client.get(response.url).status_code == 404  # the preview is gone once confirmed
    template = client.get(reverse("decisions:archive_import_template"))
    assert template.status_code == 200


def test_a_bad_archive_file_is_refused(client, people, units):
    client.force_login(people["officer"])
    response = client.post(reverse("decisions:archive_import"), {
        "file": SimpleUploadedFile("so-vang.xlsx", b"PK\x03\x04broken"), "issuer": units["province"].pk,
        "authority": "chu_tich_ubnd_tinh"})
    assert response.status_code == 200 and response.context["form"].errors["file"]
