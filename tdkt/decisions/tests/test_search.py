"""Archive (sổ vàng) search: folded names, word starts, filters, lineage; on SQLite and PostgreSQL."""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from tdkt.core.text import fold
from tdkt.decisions import services
from tdkt.decisions.models import Award, AwardNameKey, name_keys
from tdkt.decisions.queries import person_award_history, search_awards, unit_award_history
from tdkt.organizations.models import Collective, Person, Unit, UnitLineage


def build_archive(units, catalogue, nominee):
    """A dissolved commune merged into a ward, and awards before and after the merger.

    Nguyễn Thị Đào worked at Xã Mai Pha (dissolved 30/06/2025) and now at the school.
    """
    province = units["province"]
    old_commune = Unit.objects.create(code="xa-mai-pha", name="Xã Mai Pha", kind="commune", level="commune",
                                      parent=province, valid_to=date(2025, 6, 30), is_border=True)
    ward = Unit.objects.create(code="phuong-luong-van-tri", name="Phường Lương Văn Tri", kind="commune",
                               level="commune", parent=province, valid_from=date(2025, 7, 1))
    UnitLineage.objects.create(predecessor=old_commune, successor=ward, kind=UnitLineage.Kind.MERGE,
                               on=date(2025, 7, 1), legal_basis="Nghị quyết 1673/NQ-UBTVQH15")
    le_van_dai = Person.objects.create(full_name="Lê Văn Đại", unit=units["health"], national_id="001085000111")
    commune_staff = Collective.objects.create(name="Ủy ban nhân dân xã Mai Pha", unit=old_commune,
                                              represents_unit=old_commune)
    d2020 = services.record_decision(number="12/QĐ-UBND", issued_on=date(2020, 12, 20),
                                     authority="chu_tich_ubnd_tinh", issuer=province, signer_name="Hồ Tiến Thiệu",
                                     signer_title="Phó Chủ tịch UBND tỉnh", summary="Khen thưởng năm 2020")
    d2024 = services.record_decision(number="45/QĐ-UBND", issued_on=date(2024, 12, 25),
                                     authority="chu_tich_ubnd_tinh", issuer=province, signer_name="Hồ Tiến Thiệu")
    awards = {
        "dao_2020": services.grant_award(d2020, entry=catalogue["BK_TINH"], subject=nominee,
                                         recipient_name="Nguyễn Thị Đào", unit=old_commune, year=2020,
                                         position_text="Công chức văn hóa - xã hội, Xã Mai Pha"),
        "commune_2020": services.grant_award(d2020, entry=catalogue["BK_TINH"], subject=commune_staff,
                                             recipient_name="Ủy ban nhân dân xã Mai Pha", unit=old_commune,
                                             year=2020),
        "dao_2024": services.grant_award(d2024, entry=catalogue["CSTDCS"], subject=nominee,
                                         recipient_name="Nguyễn Thị Đào", unit=units["school"], year=2024),
        "dai_2024": services.grant_award(d2024, entry=catalogue["BK_TINH"], subject=le_van_dai,
                                         recipient_name="Lê Văn Đại", unit=units["health"], year=2024),
    }
    return {"old_commune": old_commune, "ward": ward, "le_van_dai": le_van_dai, "d2020": d2020,
            "d2024": d2024, "awards": awards}


@pytest.fixture
def archive(units, catalogue, nominee):
    return build_archive(units, catalogue, nominee)


def names(awards):
    return sorted({award.recipient_name for award in awards})


def test_fold_maps_d_stroke_and_strips_marks():
    assert fold("Nguyễn Thị Đào") == "nguyen thi dao"
    assert fold("đ") == fold("Đ") == "d"
    assert fold("  Lê   Văn  Đại ") == "le van dai"


def test_name_keys_are_word_start_suffixes():
    assert name_keys("nguyen thi dao") == {"nguyen thi dao", "thi dao", "dao"}
    assert name_keys("") == set()


@pytest.mark.parametrize("query", ["nguyen thi dao", "NGUYEN THI DAO", "Nguyễn Thị Đào", "Đào", "đào", "dao",
                                   "Dao", "thi dao", "nguyen thi d", "ngu"])
def test_name_found_with_or_without_diacritics_and_at_word_start(archive, query):
    assert "Nguyễn Thị Đào" in names(search_awards(q=query))


@pytest.mark.parametrize("query", ["dai", "ao", "guyen", "thi dao x"])
def test_name_not_found_by_other_names_or_mid_word(archive, query):
    assert "Nguyễn Thị Đào" not in names(search_awards(q=query))


def test_dai_finds_dai_only(archive):
    assert names(search_awards(q="dai")) == ["Lê Văn Đại"]
    assert names(search_awards(q="Đại")) == ["Lê Văn Đại"]


def test_anywhere_matches_inside_words(archive):
    assert "Nguyễn Thị Đào" in names(search_awards(q="ao", anywhere=True))
    assert "Nguyễn Thị Đào" not in names(search_awards(q="ai", anywhere=True))


def test_each_award_listed_once_even_when_two_words_match(archive, units, catalogue):
    award = services.grant_award(archive["d2024"], entry=catalogue["BK_TINH"],
                                 subject=Person.objects.create(full_name="Đào Văn Đạo", unit=units["school"]),
                                 recipient_name="Đào Văn Đạo", unit=units["school"], year=2024)
    found = list(search_awards(q="dao"))
    assert found.count(award) == 1
    assert search_awards(q="dao").count() == 3


def test_renaming_an_award_reindexes_its_name(archive):
    award = archive["awards"]["dai_2024"]
    award.recipient_name = "Trần Văn Bình"
    award.save()
    assert names(search_awards(q="binh")) == ["Trần Văn Bình"]
    assert "Trần Văn Bình" not in names(search_awards(q="dai"))
    assert set(AwardNameKey.objects.filter(award=award).values_list("key", flat=True)) == {
        "tran van binh", "van binh", "binh"}


def test_filters_by_year_award_number_and_status(archive):
    assert names(search_awards(year=2020)) == ["Nguyễn Thị Đào", "Ủy ban nhân dân xã Mai Pha"]
    assert [a.year for a in search_awards(q="dao", year=2024)] == [2024]
    assert names(search_awards(entry_code="CSTDCS")) == ["Nguyễn Thị Đào"]
    assert {a.year for a in search_awards(q="dao", entry_code="BK_TINH")} == {2020}
    assert search_awards(decision_number="12/QĐ-UBND").count() == 2
    assert search_awards(decision_number=" 12/qđ-ubnd ").count() == 2  # case-insensitive, Đ included
    assert search_awards(decision_number="12/qd-ubnd").count() == 0  # exact: not folded
    assert search_awards(decision_number="12").count() == 0
    assert search_awards(decision_number="45/qđ-UBND").count() == 2
    revoked = archive["awards"]["dai_2024"]
    Award.objects.filter(pk=revoked.pk).update(status=Award.Status.REVOKED)
    assert names(search_awards(status="revoked")) == ["Lê Văn Đại"]
    assert "Lê Văn Đại" not in names(search_awards(year=2024, status="valid"))


def test_unit_filter_covers_subtree_and_predecessors(archive, units):
    ward = archive["ward"]
    assert names(search_awards(unit=ward)) == ["Nguyễn Thị Đào", "Ủy ban nhân dân xã Mai Pha"]
    assert [a.unit for a in search_awards(unit=ward, q="dao")] == [archive["old_commune"]]
    assert search_awards(unit=ward, include_predecessors=False).count() == 0
    # The Department of Education's subtree holds the school.
    assert [a.year for a in search_awards(unit=units["education"])] == [2024]
    assert search_awards(unit=units["province"]).count() == 4


def test_person_history_spans_units_including_dissolved(archive, nominee, units):
    history = list(person_award_history(nominee))
    assert [(a.year, a.unit) for a in history] == [(2024, units["school"]), (2020, archive["old_commune"])]
    assert history[1].unit.valid_to < date.today()


def test_unit_history_includes_predecessors(archive):
    assert {a.recipient_name for a in unit_award_history(archive["ward"])} == {
        "Nguyễn Thị Đào", "Ủy ban nhân dân xã Mai Pha"}
    assert unit_award_history(archive["ward"], include_predecessors=False).count() == 0


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(str(row) for row in cursor.fetchall())


def test_name_search_is_served_by_the_key_index(archive):
    assert "award_name_key_idx" in _plan(search_awards(q="dao"))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm exists only on PostgreSQL")
def test_substring_search_uses_trigram_index_on_postgresql(archive):
    # Trigrams need three characters. Ordering and the joins of the page are left out so that the
    # plan shows how the awards themselves are found (with the joins, the planner's choice on a
    # table of a few rows depends on statistics left by earlier tests).
    query = search_awards(q="thi dao", anywhere=True).select_related(None).order_by()
    assert "decisions_award_search_name_trgm" in _plan(query)


# --- pages ----------------------------------------------------------------------------------


def test_every_signed_in_role_searches_the_whole_province(client, people, archive):
    client.force_login(people["outsider"])  # a clerk of the Department of Health
    response = client.get(reverse("decisions:search"), {"q": "dao"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nguyễn Thị Đào" in body and "Xã Mai Pha" in body and 'class="dissolved"' in body
    assert "12/QĐ-UBND" in body and "20/12/2020" in body
    assert response.context["page_obj"].paginator.count == 2
    # Not in the clerk's scope: the name is shown, but not linked to the person page.
    assert reverse("organizations:person", args=[archive["awards"]["dao_2020"].person_id]) not in body


def test_search_page_filters_and_hides_national_ids(client, people, archive):
    client.force_login(people["officer"])
    response = client.get(reverse("decisions:search"), {
        "unit": archive["ward"].pk, "include_predecessors": "on", "year": "2020", "entry": "BK_TINH",
        "decision_number": "12/qđ-ubnd", "status": "valid"})
    assert response.context["page_obj"].paginator.count == 2
    body = response.content.decode()
    assert "001085000111" not in body
    response = client.get(reverse("decisions:search"), {"unit": archive["ward"].pk})  # box unticked
    assert response.context["page_obj"].paginator.count == 0


def test_search_page_without_criteria_lists_nothing(client, people, archive):
    client.force_login(people["clerk"])
    response = client.get(reverse("decisions:search"))
    assert response.status_code == 200 and response.context["page_obj"] is None


def test_search_requires_sign_in(client, archive):
    assert client.get(reverse("decisions:search"), {"q": "dao"}).status_code == 302


def test_search_paginates_by_fifty(client, people, archive, units, catalogue):
    decision = archive["d2024"]
    for i in range(55):
        services.grant_award(decision, entry=catalogue["BK_TINH"],
                             subject=Collective.objects.create(name=f"Tổ dân phố {i}", unit=units["school"]),
                             recipient_name=f"Tổ dân phố số {i}", unit=units["school"], year=2024)
    client.force_login(people["clerk"])
    first = client.get(reverse("decisions:search"), {"q": "to dan pho"})
    assert len(first.context["page_obj"].object_list) == 50
    assert first.context["page_obj"].paginator.count == 55
    second = client.get(reverse("decisions:search"), {"q": "to dan pho", "page": 2})
    assert len(second.context["page_obj"].object_list) == 5


def test_decision_detail(client, people, archive):
    client.force_login(people["clerk"])
    response = client.get(reverse("decisions:decision", args=[archive["d2020"].pk]))
    assert response.status_code == 200
    body = response.content.decode()
    for text in ("12/QĐ-UBND", "20/12/2020", "Hồ Tiến Thiệu", "Phó Chủ tịch UBND tỉnh", "UBND tỉnh Lạng Sơn",
                 "Nguyễn Thị Đào", "Ủy ban nhân dân xã Mai Pha"):
        assert text in body
    assert client.get(reverse("decisions:decision", args=[999999])).status_code == 404


# --- the two query shapes return the same rows in the same order ------------------------------

SAME_NAMES = ["Nguyễn Thị Đào", "Nguyễn Văn Hùng", "Nguyễn Văn Hùng", "Đào Văn Đạo", "Hoàng Thị Hà", "Hà Văn Hoàng",
              "Nông Thị Thu Hà", "Nguyễn Đức Dũng", "Trần Văn An", "Lê Thị An", "Vi Văn Slao", "Lộc Thị Nguyệt",
              "Nguyễn Ngọc Nguyên", "Tổ công tác số 1", "Tổ công tác số 12"]


@pytest.fixture
def varied_archive(archive, units, catalogue):
    """Duplicated names, names matching twice ("Đào Văn Đạo"), two years, three units."""
    unit_cycle = [units["school"], units["health"], archive["old_commune"]]
    for i, name in enumerate(SAME_NAMES):
        decision = archive["d2020"] if i % 2 else archive["d2024"]
        services.grant_award(decision, entry=catalogue["BK_TINH"] if i % 3 else catalogue["CSTDCS"],
                             subject=Person.objects.create(full_name=name, unit=units["school"]),
                             recipient_name=name, unit=unit_cycle[i % 3], year=decision.issued_on.year)
    return archive


def expected(query, **filters):
    """The documented semantics, computed in Python: awards with a word-start suffix starting with
    the folded query, each once, ordered by its smallest matching suffix, then id."""
    folded = fold(query)
    rows = []
    for award in Award.objects.all():
        matching = [key for key in name_keys(award.search_name) if key.startswith(folded)]
        if matching and all(getattr(award, field) == value for field, value in filters.items()):
            rows.append((min(matching), award.pk))
    return [pk for _key, pk in sorted(rows)]


SHAPE_QUERIES = ["nguyen", "Nguyễn Văn", "ngu van", "ng", "n", "dao", "Đạo", "dao van dao", "ha", "hoang",
                 "thi", "an", "van h", "to cong tac so 1", "slao", "zz", "thu ha"]


@pytest.mark.parametrize("probe_limit", [0, 10**9], ids=["key-driven", "award-driven"])
def test_both_query_shapes_give_the_documented_rows_and_order(varied_archive, units, monkeypatch, probe_limit):
    from tdkt.decisions import queries

    monkeypatch.setattr(queries, "PROBE_LIMIT", probe_limit)
    for query in SHAPE_QUERIES:
        assert [a.pk for a in search_awards(q=query)] == expected(query), query
        for year in (2020, 2024):
            assert [a.pk for a in search_awards(q=query, year=year)] == expected(query, year=year), (query, year)
        for unit in (units["school"], units["health"]):
            found = [a.pk for a in search_awards(q=query, unit=unit, include_predecessors=False)]
            assert found == expected(query, unit_id=unit.pk), (query, unit)
        found = [a.pk for a in search_awards(q=query, year=2024, entry_code="BK_TINH", status="valid")]
        assert found == [pk for pk in expected(query, year=2024, status="valid")
                         if Award.objects.get(pk=pk).entry.code == "BK_TINH"], query
        # The capped count and later pages (what the archive page uses) agree too.
        assert search_awards(q=query, year=2024).count() == len(expected(query, year=2024))
        assert [a.pk for a in search_awards(q=query)[2:5]] == expected(query)[2:5]


def test_selective_filters_start_from_the_awards(varied_archive, units):
    """Few awards in the unit and a common name: the plan probes the key index per award."""
    plan = _plan(search_awards(q="nguyen", unit=units["school"], include_predecessors=False))
    assert "award_name_key_award_idx" in plan
    assert search_awards(q="nguyen", unit=units["school"], include_predecessors=False).count() == len(
        expected("nguyen", unit_id=units["school"].pk))
