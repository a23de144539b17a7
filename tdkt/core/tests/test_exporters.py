"""Exports: formula cells neutralised, types kept, and every list's "Xuất Excel" giving the same
rows as the page (filters and role/unit scope), read back with python-calamine."""

import datetime as dt
import io
from decimal import Decimal

import pytest
import python_calamine
from django.urls import reverse

from tdkt.core.exporters import Column, neutralise, write_xlsx
from tdkt.decisions import services as decision_services
from tdkt.nominations import services
from tdkt.organizations.models import Collective, Person

pytestmark = pytest.mark.django_db


def read_back(data: bytes) -> list[list]:
    return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()


def download(client, url) -> list[list]:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return read_back(b"".join(response.streaming_content))


@pytest.mark.parametrize("text", ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_starts_are_neutralised(text):
    assert neutralise(text) == "'" + text
    buffer = io.BytesIO()
    write_xlsx(buffer, ["Ghi chú"], [[text]])
    cell = read_back(buffer.getvalue())[1][0]
    assert cell == "'" + text  # text, not a formula: nothing runs when the file is opened


def test_types_are_kept_and_ordinary_text_untouched():
    buffer = io.BytesIO()
    count = write_xlsx(buffer, [Column("Tên", 20), "Ngày", "Số", "Hệ số", "Có"],
                       [["Nguyễn Thị Đào", dt.date(2024, 3, 1), 12, Decimal("1.5"), True], [None, None, None, None, None]])
    assert count == 2
    rows = read_back(buffer.getvalue())
    assert rows[0] == ["Tên", "Ngày", "Số", "Hệ số", "Có"]
    assert rows[1][0] == "Nguyễn Thị Đào" and rows[1][1] in (dt.date(2024, 3, 1), dt.datetime(2024, 3, 1))
    assert rows[1][2] == 12 and rows[1][3] == 1.5 and rows[1][4] == "Có"


# --- The lists ---------------------------------------------------------------------------------

@pytest.fixture
def two_units(make_dossier, people, units, catalogue):
    """An education dossier (the clerk's scope) and a health one (another unit's)."""
    education = make_dossier()
    nomination = education.nominations.get()
    nomination.achievement_summary = "=HYPERLINK(\"http://x\")"
    nomination.save()
    outsider = people["outsider"]
    health = services.create_dossier(actor=outsider, unit=outsider.unit, title="Y tế", kind="annual", year=2025)
    Person.objects.create(full_name="Bác Sĩ Khác", unit=units["health"])
    Collective.objects.create(name="Tổ Toán", unit=units["school"])
    return education, health


def test_dossier_lists_export_what_the_page_shows(client, two_units, people):
    education, health = two_units
    client.force_login(people["clerk"])
    rows = download(client, reverse("nominations:list") + "?format=xlsx")
    assert len(rows[0]) == 9 and all(rows[0])  # the header line
    page = client.get(reverse("nominations:list") + "?q=HS&page=2").content.decode()
    assert 'href="?q=HS&amp;format=xlsx"' in page  # the link keeps the filters, not the page number
    codes = [row[0] for row in rows[1:]]
    assert education.code in codes and health.code not in codes
    rows = download(client, reverse("nominations:list") + "?format=xlsx&q=khong-co-ho-so-nay")
    assert len(rows) == 1
    assert download(client, reverse("nominations:worklist") + "?format=xlsx")[1][0] == education.code
    download(client, reverse("nominations:overdue") + "?format=xlsx")


def test_nominations_of_a_dossier_are_exported_and_neutralised(client, two_units, people):
    education, _health = two_units
    client.force_login(people["clerk"])
    rows = download(client, reverse("nominations:detail", args=[education.pk]) + "?format=xlsx")
    assert rows[1][1] == "Nguyễn Thị Đào"
    assert rows[1][6].startswith("'=")
    client.force_login(people["outsider"])
    assert client.get(reverse("nominations:detail", args=[education.pk]) + "?format=xlsx").status_code == 404


def test_people_units_collectives_respect_scope(client, two_units, people, units):
    client.force_login(people["clerk"])
    names = [row[0] for row in download(client, reverse("organizations:people") + "?format=xlsx")[1:]]
    assert "Nguyễn Thị Đào" in names and "Bác Sĩ Khác" not in names
    names = [row[0] for row in download(client, reverse("organizations:people") + "?format=xlsx&q=dao")[1:]]
    assert names == ["Nguyễn Thị Đào"]
    units_rows = download(client, reverse("organizations:units") + "?format=xlsx")
    assert {row[0] for row in units_rows[1:]} >= {"so-gddt", "so-y-te"}
    school = reverse("organizations:unit", args=[units["school"].pk])
    assert download(client, school + "?format=xlsx&list=collectives")[1][0] == "Tổ Toán"
    assert download(client, school + "?format=xlsx&list=people")[1][0] == "Nguyễn Thị Đào"
    health = reverse("organizations:unit", args=[units["health"].pk])
    # Outside the clerk's scope the unit page lists nobody, and the export gives no people either.
    response = client.get(health + "?format=xlsx&list=people")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")


def test_archive_search_and_decision_awards(client, people, units, catalogue, nominee):
    decision = decision_services.record_decision(number="12/QĐ-UBND", issued_on=dt.date(2024, 5, 2),
                                                 authority="chu_tich_ubnd_tinh", issuer=units["province"],
                                                 signer_name="Hồ Tiến Thiệu")
    decision_services.grant_award(decision, entry=catalogue["BK_TINH"], subject=nominee, recipient_name="Nguyễn Thị Đào",
                                  unit=units["school"], year=2023, position_text="-1 giáo viên")
    other = Person.objects.create(full_name="Trần Văn Khác", unit=units["health"])
    decision_services.grant_award(decision, entry=catalogue["BK_TINH"], subject=other, recipient_name="Trần Văn Khác",
                                  unit=units["health"], year=2023)
    client.force_login(people["clerk"])
    rows = download(client, reverse("decisions:search") + "?q=dao&format=xlsx")
    assert [row[0] for row in rows[1:]] == ["Nguyễn Thị Đào"]
    assert rows[1][1] == "'-1 giáo viên"
    rows = download(client, reverse("decisions:decision", args=[decision.pk]) + "?format=xlsx")
    assert len(rows) == 3 and rows[1][5] == "12/QĐ-UBND"


def test_suggestions_export(client, people, catalogue):
    client.force_login(people["clerk"])
    rows = download(client, reverse("nominations:suggestions") + "?format=xlsx")
    assert rows[0]
