"""The stored facts the eligibility rules need: validation, the pages to enter them, person_facts."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from tdkt.core.models import AuditEntry
from tdkt.decisions import services as decision_services
from tdkt.organizations.models import (Collective, CollectiveYearStats, DisciplineRecord, Initiative, LeaveRecord,
                                       Person, PostHeld, ServicePeriod, YearlyRating)
from tdkt.organizations.queries import collective_facts, person_facts

pytestmark = pytest.mark.django_db


def errors_of(instance) -> dict:
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            instance.full_clean()
        return {field: [str(m) for m in messages] for field, messages in caught.value.message_dict.items()}


def facts_url(name, subject, slug, *extra):
    return reverse(f"organizations:{name}", args=[subject.pk, slug, *extra])


@pytest.fixture
def team(units):
    return Collective.objects.create(name="Tổ Toán - Tin", unit=units["school"], member_count=12)


# --- model validation ------------------------------------------------------------------

def test_periods_must_not_end_before_they_start(nominee):
    record = DisciplineRecord(person=nominee, level="khien_trach", decided_on=date(2023, 5, 1),
                              until=date(2023, 4, 1))
    assert errors_of(record) == {
        "until": ["The end of the disciplinary period must be on or after the decision date."]}
    post = PostHeld(person=nominee, post="pho_hieu_truong", started_on=date(2020, 1, 1), ended_on=date(2019, 1, 1))
    assert errors_of(post) == {"ended_on": ["The end date must be on or after the start date."]}
    leave = LeaveRecord(person=nominee, kind="maternity", started_on=date(2024, 6, 1), ended_on=date(2024, 1, 1))
    assert "ended_on" in errors_of(leave)
    service = ServicePeriod(person=nominee, kind="direct_teaching", started_on=date(2030, 1, 1))
    assert errors_of(service) == {"started_on": ["The start date cannot be in the future."]}


def test_years_are_checked_and_discipline_levels_use_the_contract_codes(nominee):
    assert errors_of(YearlyRating(person=nominee, year=1900, rating="good")) == {
        "year": ["Enter a year from 1945 onwards."]}
    assert errors_of(YearlyRating(person=nominee, year=date.today().year + 1, rating="good")) == {
        "year": ["The year cannot be later than the current year."]}
    assert "rating" in errors_of(YearlyRating(person=nominee, year=2024, rating="outstanding"))
    initiative = Initiative(person=nominee, year=2024, title="Dạy học STEM", scope="unit",
                            recognised_on=date(2023, 12, 1))
    assert errors_of(initiative) == {"recognised_on": ["The recognition date is before the initiative's year."]}
    assert [code for code, _label in DisciplineRecord._meta.get_field("level").choices] == [
        "khien_trach", "canh_cao", "ha_bac_luong", "cach_chuc", "buoc_thoi_viec"]
    # Vietnamese is the default language of the labels.
    assert str(DisciplineRecord(level="canh_cao").get_level_display()) == "Cảnh cáo"


def test_a_rating_has_exactly_one_subject_and_one_row_per_year(nominee, team):
    assert errors_of(YearlyRating(year=2024, rating="good")) == {
        "__all__": ["Choose either a person or a collective."]}
    assert "__all__" in errors_of(YearlyRating(person=nominee, collective=team, year=2024, rating="good"))
    YearlyRating.objects.create(person=nominee, year=2024, rating="good")
    YearlyRating.objects.create(collective=team, year=2024, rating="excellent")  # another subject: fine
    with pytest.raises(IntegrityError), transaction.atomic():
        YearlyRating.objects.create(person=nominee, year=2024, rating="excellent")


def test_collective_counts_cannot_exceed_the_total(team):
    stats = CollectiveYearStats(collective=team, year=2024, total_members=20, completed_tasks=21, ldtt=15,
                                cstdcs=16, disciplined_canh_cao_or_above=0)
    assert errors_of(stats) == {
        "completed_tasks": ["Cannot be more than the total number of members (20)."],
        "cstdcs": ["Cannot be more than the members awarded Lao động tiên tiến: "
                   "Chiến sĩ thi đua cơ sở requires that standard."]}
    stats.completed_tasks, stats.cstdcs = 20, 2
    stats.full_clean()
    assert stats.as_case() == {"total": 20, "completed_tasks": 20, "ldtt": 15, "cstdcs": 2,
                               "disciplined_canh_cao_or_above": 0}


# --- pages -----------------------------------------------------------------------------

def test_clerk_adds_a_rating_initiative_and_discipline_record(client, people, nominee):
    client.force_login(people["clerk"])
    person_url = reverse("organizations:person", args=[nominee.pk])

    response = client.post(facts_url("person_fact_add", nominee, "xep-loai"),
                           {"year": "2024", "rating": "excellent", "source": "QĐ 45/QĐ-SGDĐT"})
    assert response.status_code == 302 and response["Location"] == person_url + "#ho-so-thanh-tich"
    assert YearlyRating.objects.get(person=nominee).rating == "excellent"

    response = client.post(facts_url("person_fact_add", nominee, "sang-kien"), {
        "year": "2024", "title": "Ứng dụng AI trong dạy học Toán", "kind": "initiative", "scope": "province",
        "recognised_by": "Giám đốc Sở Giáo dục và Đào tạo", "recognition_document": "112/QĐ-SGDĐT",
        "recognised_on": "15/03/2025"}, follow=True)
    initiative = Initiative.objects.get(person=nominee)
    assert initiative.recognised_on == date(2025, 3, 15) and initiative.scope == "province"
    assert "Đã lưu" in str(list(response.context["messages"])[0])

    client.post(facts_url("person_fact_add", nominee, "ky-luat"),
                {"level": "khien_trach", "decided_on": "01/05/2019", "until": "01/05/2020",
                 "decision_document": "09/QĐ-THPT"})
    assert DisciplineRecord.objects.get(person=nominee).until == date(2020, 5, 1)

    body = client.get(person_url).content.decode()
    assert 'id="ho-so-thanh-tich"' in body
    assert "Hoàn thành xuất sắc nhiệm vụ" in body and "Ứng dụng AI trong dạy học Toán" in body
    assert "Khiển trách" in body and "01/05/2020" in body
    assert body.count("data-confirm=") == 3  # one delete button per record
    assert AuditEntry.objects.filter(actor=people["clerk"], action="created").count() == 3


def test_errors_name_the_field_and_nothing_is_saved(client, people, nominee):
    client.force_login(people["clerk"])
    YearlyRating.objects.create(person=nominee, year=2024, rating="good")
    response = client.post(facts_url("person_fact_add", nominee, "xep-loai"), {"year": "2024", "rating": "good"})
    assert response.status_code == 200
    assert response.context["form"].errors["year"] == [
        "Đánh giá, xếp loại của năm này đã có; hãy sửa bản ghi đó."]
    response = client.post(facts_url("person_fact_add", nominee, "ky-luat"),
                           {"level": "canh_cao", "decided_on": "31/02/2024", "until": ""})
    assert "decided_on" in response.context["form"].errors
    assert "dd/mm/yyyy" in response.context["form"].errors["decided_on"][0]
    response = client.post(facts_url("person_fact_add", nominee, "chuc-vu"),
                           {"post": "pho_hieu_truong", "started_on": "01/09/2020", "ended_on": "01/09/2019"})
    body = response.content.decode()
    assert "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu." in body and 'href="#id_ended_on"' in body
    assert not DisciplineRecord.objects.exists() and not PostHeld.objects.exists()
    assert YearlyRating.objects.count() == 1


def test_clerk_edits_and_deletes_by_post_only(client, people, nominee):
    client.force_login(people["clerk"])
    rating = YearlyRating.objects.create(person=nominee, year=2023, rating="good")
    edit = facts_url("person_fact_edit", nominee, "xep-loai", rating.pk)
    assert client.get(edit).context["form"]["year"].value() == 2023
    client.post(edit, {"year": "2023", "rating": "excellent"})
    rating.refresh_from_db()
    assert rating.rating == "excellent"
    delete = facts_url("person_fact_delete", nominee, "xep-loai", rating.pk)
    assert client.get(delete).status_code == 405
    assert client.post(delete).status_code == 302
    assert not YearlyRating.objects.exists()
    assert AuditEntry.objects.filter(action="deleted", model="organizations.YearlyRating").count() == 1


def test_outsider_clerk_gets_404(client, people, nominee):
    rating = YearlyRating.objects.create(person=nominee, year=2023, rating="good")
    client.force_login(people["outsider"])
    assert client.get(facts_url("person_fact_add", nominee, "xep-loai")).status_code == 404
    assert client.post(facts_url("person_fact_add", nominee, "xep-loai"),
                       {"year": "2024", "rating": "good"}).status_code == 404
    assert client.post(facts_url("person_fact_delete", nominee, "xep-loai", rating.pk)).status_code == 404
    assert client.post(reverse("organizations:person_discipline_review", args=[nominee.pk]),
                       {"under_discipline_review": "on", "discipline_review_note": "x"}).status_code == 404
    assert YearlyRating.objects.count() == 1


def test_council_member_and_unit_head_read_but_cannot_post(client, people, nominee):
    rating = YearlyRating.objects.create(person=nominee, year=2023, rating="good")
    for reader in ("member", "head"):
        client.force_login(people[reader])
        response = client.get(reverse("organizations:person", args=[nominee.pk]))
        assert response.status_code == 200 and response.context["may_edit_facts"] is False
        body = response.content.decode()
        assert "Hoàn thành tốt nhiệm vụ" in body and "data-confirm=" not in body
        assert facts_url("person_fact_add", nominee, "xep-loai") not in body
        assert client.post(facts_url("person_fact_add", nominee, "xep-loai"),
                           {"year": "2024", "rating": "good"}).status_code == 403
        assert client.post(facts_url("person_fact_edit", nominee, "xep-loai", rating.pk),
                           {"year": "2023", "rating": "excellent"}).status_code == 403
        assert client.post(facts_url("person_fact_delete", nominee, "xep-loai", rating.pk)).status_code == 403
    rating.refresh_from_db()
    assert YearlyRating.objects.count() == 1 and rating.rating == "good"


def test_board_officer_marks_a_disciplinary_review(client, people, nominee):
    client.force_login(people["officer"])
    url = reverse("organizations:person_discipline_review", args=[nominee.pk])
    response = client.post(url, {"under_discipline_review": "on", "discipline_review_note": ""})
    assert "discipline_review_note" in response.context["form"].errors
    client.post(url, {"under_discipline_review": "on", "discipline_review_note": "Thanh tra Sở, từ 01/03/2025"})
    nominee.refresh_from_db()
    assert nominee.under_discipline_review is True
    assert person_facts([nominee.pk])[nominee.pk]["under_discipline_review"] is True


def test_collective_page_with_ratings_and_year_figures(client, people, team, units):
    client.force_login(people["clerk"])
    unit_body = client.get(reverse("organizations:unit", args=[units["school"].pk])).content.decode()
    assert reverse("organizations:collective", args=[team.pk]) in unit_body
    client.post(facts_url("collective_fact_add", team, "xep-loai"), {"year": "2024", "rating": "excellent"})
    response = client.post(facts_url("collective_fact_add", team, "so-lieu"), {
        "year": "2024", "total_members": "12", "completed_tasks": "13", "ldtt": "9", "cstdcs": "1",
        "disciplined_canh_cao_or_above": "0"})
    assert response.context["form"].errors["completed_tasks"] == [
        "Không được lớn hơn tổng số thành viên (12)."]
    client.post(facts_url("collective_fact_add", team, "so-lieu"), {
        "year": "2024", "total_members": "12", "completed_tasks": "12", "ldtt": "9", "cstdcs": "1",
        "disciplined_canh_cao_or_above": "0"})
    response = client.get(reverse("organizations:collective", args=[team.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tổ Toán - Tin" in body and "75%" in body
    assert set(response.context["facts"]) == {"rating", "initiative", "stats"}  # no discipline for collectives
    assert client.get(facts_url("collective_fact_add", team, "ky-luat")).status_code == 404
    assert collective_facts([team.pk])[team.pk] == {
        "kind": "collective", "ratings": {"2024": "excellent"}, "initiatives": [],
        "members_by_year": {"2024": {"total": 12, "completed_tasks": 12, "ldtt": 9, "cstdcs": 1,
                                     "disciplined_canh_cao_or_above": 0}}}
    client.force_login(people["outsider"])
    assert client.get(reverse("organizations:collective", args=[team.pk])).status_code == 404
    assert client.post(facts_url("collective_fact_add", team, "xep-loai"),
                       {"year": "2023", "rating": "good"}).status_code == 404


# --- person_facts: the read side for the rules ----------------------------------------

def _with_facts(person, i):
    YearlyRating.objects.bulk_create([YearlyRating(person=person, year=2022, rating="good"),
                                      YearlyRating(person=person, year=2023, rating="excellent")])
    Initiative.objects.create(person=person, year=2023, title=f"Sáng kiến {i}", scope="unit")
    DisciplineRecord.objects.create(person=person, level="khien_trach", decided_on=date(2019, 5, 1),
                                    until=date(2020, 5, 1))
    PostHeld.objects.create(person=person, post="giam_doc_so", started_on=date(2021, 1, 1),
                            ended_on=date(2025, 6, 30))
    ServicePeriod.objects.bulk_create([
        ServicePeriod(person=person, kind="direct_teaching", started_on=date(2005, 9, 1), ended_on=date(2015, 8, 31)),
        ServicePeriod(person=person, kind="direct_teaching", started_on=date(2010, 9, 1), ended_on=date(2020, 8, 31)),
        ServicePeriod(person=person, kind="hardship_area", started_on=date(2005, 9, 1), ended_on=date(2013, 8, 31)),
        ServicePeriod(person=person, kind="armed_forces", started_on=date(2001, 3, 1), ended_on=date(2003, 8, 31)),
    ])
    LeaveRecord.objects.create(person=person, kind="maternity", started_on=date(2025, 1, 1),
                               ended_on=date(2025, 6, 30))


def test_person_facts_for_30_people_in_a_fixed_number_of_queries(units, django_assert_num_queries):
    people = [Person.objects.create(full_name=f"Người {i}", unit=units["school"], gender="female",
                                    birth_date=date(1980, 1, 1 + i % 28), recruited_on=date(2005, 9, 1))
              for i in range(30)]
    for i, person in enumerate(people):
        _with_facts(person, i)
    with django_assert_num_queries(8):
        facts = person_facts([p.pk for p in people], on=date(2025, 7, 1))
    assert len(facts) == 30
    first = facts[people[0].pk]
    assert first == {
        "kind": "person", "gender": "female", "birth_date": "1980-01-01", "recruited_on": "2005-09-01",
        "under_discipline_review": False,
        "ratings": {"2022": "good", "2023": "excellent"},
        "leave": [{"kind": "maternity", "from": "2025-01-01", "to": "2025-06-30"}],
        "discipline": [{"level": "khien_trach", "on": "2019-05-01", "until": "2020-05-01"}],
        "posts": [{"title": "giam_doc_so", "from": "2021-01-01", "to": "2025-06-30"}],
        "service_periods": [
            {"kind": "armed_forces", "from": "2001-03-01", "to": "2003-08-31"},
            {"kind": "direct_teaching", "from": "2005-09-01", "to": "2015-08-31"},
            {"kind": "hardship_area", "from": "2005-09-01", "to": "2013-08-31"},
            {"kind": "direct_teaching", "from": "2010-09-01", "to": "2020-08-31"}],
        # Overlapping teaching periods counted once: 01/09/2005–31/08/2020 is 15 years.
        "direct_teaching_years": 15, "sector_years": 15, "hardship_years": 8, "service_months": 30,
        "contribution_years": 17,
        "initiatives": [{"id": first["initiatives"][0]["id"], "year": 2023, "scope": "unit", "kind": "initiative",
                         "title": "Sáng kiến 0", "recognised_on": None}],
    }
    # A queryset works too (a subquery), with the same number of queries.
    with django_assert_num_queries(8):
        assert person_facts(Person.objects.filter(unit=units["school"]), on=date(2025, 7, 1)) == facts


def test_person_without_records_has_no_invented_figures(nominee):
    facts = person_facts([nominee.pk])[nominee.pk]
    assert facts["ratings"] == {} and facts["initiatives"] == [] and facts["service_periods"] == []
    for missing in ("direct_teaching_years", "hardship_years", "sector_years", "service_months",
                    "contribution_years"):
        assert missing not in facts  # the rules then answer "needs check", never a silent zero
    assert person_facts([]) == {}


def test_an_initiative_used_by_an_award_says_so_and_cannot_be_deleted(client, people, nominee, catalogue, units):
    initiative = Initiative.objects.create(person=nominee, year=2024, title="Phần mềm xếp thời khóa biểu",
                                           scope="unit")
    unused = Initiative.objects.create(person=nominee, year=2024, title="Sổ tay chủ nhiệm", scope="unit")
    decision = decision_services.record_decision(number="07/QĐ-SGDĐT", issued_on=date(2025, 1, 10),
                                                 authority="thu_truong_don_vi", issuer=units["education"],
                                                 signer_name="Giám đốc Sở")
    award = decision_services.grant_award(decision, entry=catalogue["CSTDCS"], subject=nominee,
                                          recipient_name=nominee.full_name, unit=units["school"], year=2024)
    award.initiatives.add(initiative)
    items = {item["title"]: item for item in person_facts([nominee.pk])[nominee.pk]["initiatives"]}
    assert items["Phần mềm xếp thời khóa biểu"]["used_for"] == {"award": "CSTDCS", "year": 2024}
    assert "used_for" not in items["Sổ tay chủ nhiệm"]

    client.force_login(people["clerk"])
    body = client.get(reverse("organizations:person", args=[nominee.pk])).content.decode()
    assert "Chiến sĩ thi đua cơ sở 2024" in body
    response = client.post(facts_url("person_fact_delete", nominee, "sang-kien", initiative.pk), follow=True)
    assert Initiative.objects.filter(pk=initiative.pk).exists()
    assert "không thể xóa" in str(list(response.context["messages"])[0])
    client.post(facts_url("person_fact_delete", nominee, "sang-kien", unused.pk))
    assert not Initiative.objects.filter(pk=unused.pk).exists()
