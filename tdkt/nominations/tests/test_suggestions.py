"""“Gợi ý đề nghị”: who now completes a title's chain (LAW.md §1.2, §1.5 item 1, §2.8) and has not
been proposed, in the user's scope, with the rules' verdict, in a fixed number of queries."""

from datetime import date
from urllib.parse import parse_qs, urlparse

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tdkt.catalogue.models import CatalogueEntry
from tdkt.decisions.services import grant_award, record_decision
from tdkt.nominations import services
from tdkt.nominations.suggestions import attach_verdicts, suggestions_for
from tdkt.organizations.models import Person, YearlyRating

pytestmark = pytest.mark.django_db

Y = date.today().year - 1  # the last complete year: the page's default


@pytest.fixture
def give(units, catalogue):
    """give(person, code, year, kind=…, period=(from, to)): a valid award, by a decision of that year."""
    decisions = {}

    def award(person, code, year, *, kind="annual", period=None):
        issued_on = date(year, 12, 20)
        key = (code, year, kind)
        if key not in decisions:
            decisions[key] = record_decision(number=f"{len(decisions) + 1}/QĐ-UBND", issued_on=issued_on,
                                             authority="chu_tich_ubnd_tinh", issuer=units["province"],
                                             signer_name="Chủ tịch UBND tỉnh")
        entry = CatalogueEntry.objects.in_force(issued_on).get(code=code)
        start, end = period or (year, year)
        return grant_award(decisions[key], entry=entry, subject=person, recipient_name=person.full_name,
                           unit=person.unit, year=year, period_from_year=start, period_to_year=end,
                           achievement_kind=kind)

    return award


def teacher(units, name="Giáo viên", unit="school"):
    return Person.objects.create(full_name=name, unit=units[unit])


def found(user, person, year=Y, **filters):
    return {s.target.code: s for s in suggestions_for(user, year=year, **filters) if s.person_id == person.pk}


def test_three_consecutive_cstdcs_suggest_the_provincial_title(people, nominee, give):
    for year in (Y - 2, Y - 1, Y):
        give(nominee, "CSTDCS", year)
    rows = found(people["clerk"], nominee)
    assert set(rows) == {"CSTD_TINH", "BK_TINH"}  # 3 in a row (Điều 22), and 2 in a row (Điều 74 k1 d)
    suggestion = rows["CSTD_TINH"]
    assert suggestion.chain_years == [Y - 2, Y - 1, Y]
    assert [link.decision_number for link in suggestion.chain] == ["1/QĐ-UBND", "2/QĐ-UBND", "3/QĐ-UBND"]
    assert (suggestion.from_year, suggestion.year, suggestion.unit_name) == (Y - 2, Y, "Trường THPT Việt Bắc")
    assert rows["BK_TINH"].chain_years == [Y - 1, Y]

    attach_verdicts([suggestion])
    failed = {r["rule"] for r in suggestion.result["reasons"] if r["ok"] is False}
    assert suggestion.result["verdict"] == "not_eligible"
    assert "CSTD_TINH.three_cstdcs" not in failed  # the chain itself holds
    assert "CSTD_TINH.province_initiative" in failed  # what is missing: a province-scope initiative
    assert suggestion.first_reason["ok"] is False


def test_a_gap_breaks_the_chain(people, nominee, give):
    for year in (Y - 3, Y - 1, Y):
        give(nominee, "CSTDCS", year)
    assert set(found(people["clerk"], nominee)) == {"BK_TINH"}


def test_the_chain_must_end_in_the_year_asked_for(people, nominee, give):
    for year in (Y - 3, Y - 2, Y - 1):
        give(nominee, "CSTDCS", year)
    assert "CSTD_TINH" not in found(people["clerk"], nominee)
    assert found(people["clerk"], nominee, year=Y - 1)["CSTD_TINH"].chain_years == [Y - 3, Y - 2, Y - 1]


def test_a_thematic_award_does_not_count(people, nominee, give):
    give(nominee, "CSTDCS", Y - 2, kind="thematic")
    give(nominee, "CSTDCS", Y - 1)
    give(nominee, "CSTDCS", Y)
    assert set(found(people["clerk"], nominee)) == {"BK_TINH"}  # NĐ 152 Điều 4 k3


def test_someone_already_proposed_is_not_suggested_until_the_dossier_is_withdrawn(people, nominee, give,
                                                                                 make_dossier):
    for year in (Y - 2, Y - 1, Y):
        give(nominee, "CSTDCS", year)
    dossier = make_dossier(entry="CSTD_TINH")  # a draft proposing the nominee for CSTĐ tỉnh
    assert dossier.year >= Y - 2
    assert "CSTD_TINH" not in found(people["clerk"], nominee)
    services.withdraw_dossier(dossier, actor=people["clerk"], note="Lập nhầm hồ sơ")
    assert "CSTD_TINH" in found(people["clerk"], nominee)


def test_someone_already_holding_the_title_for_the_year_is_not_suggested(people, nominee, give):
    for year in (Y - 2, Y - 1, Y):
        give(nominee, "CSTDCS", year)
    give(nominee, "CSTD_TINH", Y, period=(Y - 2, Y))
    assert "CSTD_TINH" not in found(people["clerk"], nominee)


def test_a_revoked_award_is_not_history(people, nominee, give):
    awards = [give(nominee, "CSTDCS", year) for year in (Y - 2, Y - 1, Y)]
    awards[0].status = "revoked"
    awards[0].save()
    assert set(found(people["clerk"], nominee)) == {"BK_TINH"}


def test_someone_under_disciplinary_review_is_left_out(people, nominee, give):
    for year in (Y - 2, Y - 1, Y):
        give(nominee, "CSTDCS", year)
    Person.objects.filter(pk=nominee.pk).update(under_discipline_review=True)
    assert found(people["clerk"], nominee) == {}


def test_two_adjacent_provincial_titles_suggest_the_national_one(people, nominee, give):
    give(nominee, "CSTD_TINH", Y - 3, period=(Y - 5, Y - 3))
    give(nominee, "CSTD_TINH", Y, period=(Y - 2, Y))
    rows = found(people["board_head"], nominee, targets=["CSTDTQ"])
    assert set(rows) == {"CSTDTQ"}
    assert [link.years for link in rows["CSTDTQ"].chain] == [f"{Y - 5}–{Y - 3}", f"{Y - 2}–{Y}"]


def test_a_provincial_certificate_then_five_good_years_suggest_the_prime_ministers(people, nominee, give):
    give(nominee, "BK_TINH", Y - 5)
    for year in range(Y - 4, Y + 1):
        YearlyRating.objects.create(person=nominee, year=year, rating="good")
    for year in (Y - 4, Y - 2, Y):
        give(nominee, "CSTDCS", year)
    rows = found(people["clerk"], nominee)
    assert set(rows) == {"BK_TTG"}
    assert rows["BK_TTG"].from_year == Y - 4
    YearlyRating.objects.filter(person=nominee, year=Y - 1).update(rating="completed")
    assert "BK_TTG" not in found(people["clerk"], nominee)


def test_another_units_clerk_does_not_see_them(people, nominee, give, units):
    for year in (Y - 2, Y - 1, Y):
        give(nominee, "CSTDCS", year)
    assert found(people["outsider"], nominee) == {}
    assert "CSTD_TINH" in found(people["officer"], nominee)  # the Board sees the province
    assert found(people["officer"], nominee, unit=units["health"]) == {}
    assert "CSTD_TINH" in found(people["officer"], nominee, unit=units["education"])


def test_the_page_lists_suggestions_for_a_clerk_with_a_prefilled_dossier_link(client, people, nominee, give):
    for year in (Y - 2, Y - 1, Y):
        give(nominee, "CSTDCS", year)
    client.force_login(people["clerk"])
    response = client.get(reverse("nominations:suggestions"))
    assert response.status_code == 200
    body = response.content.decode()
    assert nominee.full_name in body
    assert reverse("organizations:person", args=[nominee.pk]) in body
    rows = {row.target.code: row for row in response.context["page_obj"].object_list}
    assert set(rows) == {"CSTD_TINH", "BK_TINH"} and response.context["year"] == Y
    assert rows["CSTD_TINH"].view["verdict"] in ("not_eligible", "needs_check", "eligible")
    query = parse_qs(urlparse(rows["CSTD_TINH"].create_url).query)
    assert query["kind"] == ["annual"] and query["year"] == [str(Y)]

    create = client.get(rows["CSTD_TINH"].create_url)
    assert create.status_code == 200
    assert create.context["form"].initial["year"] == str(Y)
    assert "Chiến sĩ thi đua cấp tỉnh" in create.context["form"].initial["title"]

    only = client.get(reverse("nominations:suggestions"), {"target": "BK_TINH", "year": Y})
    assert [row.target.code for row in only.context["page_obj"].object_list] == ["BK_TINH"]


@pytest.mark.parametrize("role", ["member", "secretary", "signer"])
def test_the_page_is_refused_to_the_council_and_the_signer(client, people, role):
    client.force_login(people[role])
    assert client.get(reverse("nominations:suggestions")).status_code == 403


@pytest.mark.parametrize("role", ["head", "officer", "board_head", "admin"])
def test_the_page_opens_for_heads_and_the_board(client, people, role):
    client.force_login(people[role])
    response = client.get(reverse("nominations:suggestions"))
    assert response.status_code == 200
    assert 'href="/ho-so/tao-moi/?' not in response.content.decode()  # only clerks create dossiers


def test_the_query_count_does_not_grow_with_the_candidates(client, people, units, give):
    client.force_login(people["clerk"])
    url = reverse("nominations:suggestions")

    def queries_with(count):
        for i in range(count):
            person = teacher(units, f"Giáo viên {count}-{i}")
            for year in (Y - 2, Y - 1, Y):
                give(person, "CSTDCS", year)
            YearlyRating.objects.create(person=person, year=Y, rating="excellent")
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), len(response.context["page_obj"].object_list)

    small, shown_small = queries_with(2)
    large, shown_large = queries_with(8)  # ten people in all
    assert (shown_small, shown_large) == (4, 20)  # CSTĐ tỉnh and BK tỉnh for each
    assert large == small
