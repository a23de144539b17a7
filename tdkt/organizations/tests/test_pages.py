"""Units and people pages: tree, lineage, award history across units, unit scope on people."""

from datetime import date

import pytest
from django.urls import reverse

from tdkt.decisions.tests.test_search import build_archive
from tdkt.organizations.models import Person, SubjectCategory


def panel_value(response, key):
    """A value shown by one of the sections other apps add to the unit/person page."""
    values = [panel[key] for panel in response.context["panels"] if key in panel]
    assert len(values) == 1, f"expected one panel with {key!r}, found {len(values)}"
    return values[0]


@pytest.fixture
def archive(units, catalogue, nominee):
    return build_archive(units, catalogue, nominee)


def get(client, user, name, *args, **params):
    client.force_login(user)
    return client.get(reverse(name, args=args), params)


def test_unit_tree_shows_kinds_flags_and_dissolved_successor(client, people, archive):
    response = get(client, people["clerk"], "organizations:units")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Sở Giáo dục và Đào tạo" in body and "Trường THPT Việt Bắc" in body
    assert "vùng biên giới" in body  # Xã Mai Pha's area flag, in Vietnamese (the default language)
    assert "30/06/2025" in body and "01/07/2025" in body
    ward_url = reverse("organizations:unit", args=[archive["ward"].pk])
    assert f'→ <a href="{ward_url}">Phường Lương Văn Tri</a>' in body
    assert 'class="depth-2' in body  # the school, two levels under the province


def test_successor_unit_page_shows_predecessor_and_its_awards(client, people, archive):
    response = get(client, people["outsider"], "organizations:unit", archive["ward"].pk)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Xã Mai Pha" in body and "sáp nhập vào" in body and "Nghị quyết 1673/NQ-UBTVQH15" in body
    awards = panel_value(response, "awards_page").object_list
    assert {a.recipient_name for a in awards} == {"Nguyễn Thị Đào", "Ủy ban nhân dân xã Mai Pha"}
    assert "12/QĐ-UBND" in body


def test_dissolved_unit_page_links_to_successor(client, people, archive):
    response = get(client, people["officer"], "organizations:unit", archive["old_commune"].pk)
    body = response.content.decode()
    assert reverse("organizations:unit", args=[archive["ward"].pk]) in body
    assert 'class="dissolved"' in body
    assert "Ủy ban nhân dân xã Mai Pha" in body  # its collective, visible to a province role


def test_unit_page_hides_people_outside_scope(client, people, archive, nominee, units):
    response = get(client, people["outsider"], "organizations:unit", units["school"].pk)
    assert response.status_code == 200
    assert response.context["may_see_people"] is False
    assert reverse("organizations:person", args=[nominee.pk]) not in response.content.decode()
    response = get(client, people["clerk"], "organizations:unit", units["school"].pk)
    assert [p.full_name for p in response.context["people_page"]] == ["Nguyễn Thị Đào"]


def test_person_history_shows_awards_from_two_units_one_dissolved(client, people, archive, nominee, units):
    nominee.national_id = "001080012345"
    nominee.save()
    nominee.categories.add(SubjectCategory.objects.create(code="dan-toc", name="Người dân tộc thiểu số"))
    response = get(client, people["clerk"], "organizations:person", nominee.pk)
    assert response.status_code == 200
    body = response.content.decode()
    assert [(a.year, a.unit.name) for a in panel_value(response, "awards")] == [
        (2024, "Trường THPT Việt Bắc"), (2020, "Xã Mai Pha")]
    assert body.count('class="dissolved"') == 1  # Xã Mai Pha only
    assert "Bằng khen của Chủ tịch UBND tỉnh" in body and "Chiến sĩ thi đua cơ sở" in body
    assert "Người dân tộc thiểu số" in body and "17/05/1980" in body
    assert "001080012345" not in body and "345" in body  # national ID masked


def test_unit_clerk_gets_404_for_person_of_another_unit(client, people, archive, nominee):
    other = archive["le_van_dai"]  # Department of Health
    assert get(client, people["clerk"], "organizations:person", other.pk).status_code == 404
    assert get(client, people["head"], "organizations:person", other.pk).status_code == 404
    assert get(client, people["outsider"], "organizations:person", nominee.pk).status_code == 404
    assert get(client, people["outsider"], "organizations:person", other.pk).status_code == 200
    assert get(client, people["officer"], "organizations:person", nominee.pk).status_code == 200
    assert get(client, people["clerk"], "organizations:person", 999999).status_code == 404


def test_people_list_is_scoped_and_searchable(client, people, archive, nominee, units):
    Person.objects.create(full_name="Hoàng Văn Đào", unit=units["health"])
    response = get(client, people["clerk"], "organizations:people")
    assert [p.full_name for p in response.context["page_obj"]] == ["Nguyễn Thị Đào"]
    response = get(client, people["officer"], "organizations:people", q="dao")
    assert [p.full_name for p in response.context["page_obj"]] == ["Hoàng Văn Đào", "Nguyễn Thị Đào"]
    response = get(client, people["officer"], "organizations:people", q="Nguyễn thị Đ")
    assert [p.full_name for p in response.context["page_obj"]] == ["Nguyễn Thị Đào"]
    response = get(client, people["officer"], "organizations:people", q="dai")
    assert [p.full_name for p in response.context["page_obj"]] == ["Lê Văn Đại"]
    response = get(client, people["officer"], "organizations:people", unit=units["health"].pk)
    assert [p.full_name for p in response.context["page_obj"]] == ["Hoàng Văn Đào", "Lê Văn Đại"]
    # A unit role cannot widen its scope by choosing another unit.
    response = get(client, people["clerk"], "organizations:people", unit=units["health"].pk)
    assert [p.full_name for p in response.context["page_obj"]] == ["Nguyễn Thị Đào"]


def test_person_page_shows_nominations_in_progress_in_scope(client, people, submitted_dossier, nominee):
    response = get(client, people["clerk"], "organizations:person", nominee.pk)
    assert [n.dossier for n in panel_value(response, "in_progress")] == [submitted_dossier]
    assert submitted_dossier.code in response.content.decode()
    response = get(client, people["officer"], "organizations:person", nominee.pk)
    assert [n.dossier for n in panel_value(response, "in_progress")] == [submitted_dossier]


def test_pages_require_sign_in(client, archive):
    assert client.get(reverse("organizations:units")).status_code == 302
    assert client.get(reverse("organizations:people")).status_code == 302


def test_dates_are_day_month_year(client, people, archive):
    response = get(client, people["officer"], "organizations:unit", archive["old_commune"].pk)
    assert date(2025, 6, 30).strftime("%d/%m/%Y") in response.content.decode()
