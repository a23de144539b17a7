"""Report numbers against counts computed here, in plain Python, from the facts of each award."""

from collections import Counter
from datetime import date

import pytest

from tdkt.reports import national_forms, statistics as st, tables

pytestmark = pytest.mark.django_db

ARMED = {"armed_forces", "militia", "commune_police", "street_guard", "civil_defence", "workplace_guard"}


def _of_year(facts, year):
    return [f for f in facts if f["year"] == year]


def _split(facts):
    kinds = Counter(f["subject"] for f in facts)
    return (kinds["collective"], kinds["person"], kinds["household"], len(facts))


def test_awards_by_entry_match_the_facts_and_the_previous_year(award_world):
    rows = {row.code: row for row in st.awards_by_entry(st.Scope.province(), st.Period(2025))}
    now, before = _of_year(award_world, 2025), _of_year(award_world, 2024)
    for code in {f["code"] for f in award_world}:
        in_code = [f for f in now if f["code"] == code]
        got = rows[code]
        assert (got.counts.collectives, got.counts.persons, got.counts.households, got.counts.total) == _split(in_code)
        assert got.previous.total == len([f for f in before if f["code"] == code])
    assert sum(row.counts.total for row in rows.values()) == len(now) == 9  # the revoked award is left out


def test_the_indexed_and_the_grouped_paths_agree(award_world, report_units):
    """The province path (the trigger-kept award tally) and the scoped path (GROUP BY)
    give the same numbers when the scope holds every unit."""
    every_unit = st.Scope(unit=report_units["province"], unit_ids=frozenset(
        u.pk for u in report_units.values()))
    for period in (st.Period(2025), st.Period(2024), st.Period(None)):
        assert st.entry_year_counts(st.Scope.province(), period) == st.entry_year_counts(every_unit, period)


def test_kind_and_level_table(award_world):
    rows = {row.code: row for row in st.awards_by_kind_and_level(st.Scope.province(), st.Period(2025))}
    now = _of_year(award_world, 2025)
    for key, row in rows.items():
        kind, level = key.split(":")
        expected = [f for f in now if f["entry_kind"] == kind and f["level"] == level]
        assert row.counts.total == len(expected), key
    assert rows["form:province"].counts.total == 5
    assert rows["form:state"].counts.collectives == 1


def test_unit_scope_sees_only_its_subtree(award_world, people, report_units):
    scope = st.scope_for(people["clerk"])  # Sở GD&ĐT and its school
    rows = st.awards_by_entry(scope, st.Period(2025))
    school_ids = {report_units["education"].pk, report_units["school"].pk}
    expected = [f for f in _of_year(award_world, 2025) if f["unit"].pk in school_ids]
    assert sum(row.counts.total for row in rows) == len(expected) == 4
    assert st.scope_for(people["officer"]).unit_ids is None


def test_predecessor_awards_roll_into_the_successor(award_world, report_units):
    scope = st.Scope.of_unit(report_units["district"])
    rows = {row.label: row.counts.total for row in st.awards_by_unit(scope, st.Period(None))}
    commune, old = report_units["commune"], report_units["old_commune"]
    expected = len([f for f in award_world if f["unit"].pk in (commune.pk, old.pk)])
    assert rows[commune.name] == expected == 6
    assert old.name not in rows


def test_province_by_unit_adds_up(award_world):
    rows = st.awards_by_unit(st.Scope.province(), st.Period(2025))
    assert sum(row.counts.total for row in rows) == len(_of_year(award_world, 2025))


def test_categories_and_areas(award_world):
    now, before = _of_year(award_world, 2025), _of_year(award_world, 2024)
    cats = {row.code: row for row in st.awards_by_category(st.Scope.province(), st.Period(2025))}

    def with_cat(facts, codes):
        return len([f for f in facts if f["categories"] & codes])

    assert cats["farmers"].counts.total == with_cat(now, {"farmer"}) == 1
    assert cats["workers"].counts.total == with_cat(now, {"worker"})
    assert cats["armed_forces"].counts.total == with_cat(now, ARMED) == 1
    assert cats["armed_forces"].previous.total == with_cat(before, ARMED) == 1
    assert cats["ethnic_minority_people"].counts.total == len([f for f in now if f["ethnic"]])
    assert cats["women"].counts.total == len([f for f in now if f["female"]])
    assert cats["small_collectives"].counts.total == len([f for f in now if f["small"]]) == 1
    assert cats["households"].counts.total == 1
    areas = {row.code: row for row in st.awards_by_area(st.Scope.province(), st.Period(2025))}
    assert areas["is_remote"].counts.total == len([f for f in now if f["remote"]]) == 3
    assert areas["is_border"].previous.total == len([f for f in before if f["border"]]) == 1


def test_priority_shares_against_the_previous_year(award_world):
    shares = {s.code: s for s in st.priority_shares(st.Scope.province(), st.Period(2025))}
    now, before = _of_year(award_world, 2025), _of_year(award_world, 2024)
    persons_now = [f for f in now if f["subject"] == "person"]
    persons_before = [f for f in before if f["subject"] == "person"]
    wfl = {"worker", "farmer", "direct_labourer"}
    share = shares["workers_farmers_labourers"]
    assert (share.numerator, share.denominator) == (len([f for f in persons_now if f["categories"] & wfl]),
                                                    len(persons_now))
    assert (share.previous_numerator, share.previous_denominator) == (
        len([f for f in persons_before if f["categories"] & wfl]), len(persons_before))
    assert share.percent == round(100 * 2 / 6, 1)
    assert share.change == round(round(100 * 2 / 6, 1) - round(100 * 1 / 4, 1), 1)
    small = shares["small_collectives"]
    assert (small.numerator, small.denominator) == (1, 2)
    grassroots = shares["grassroots"]
    assert grassroots.numerator == len([f for f in now if f["unit"].level in ("commune", "grassroots")])


def test_first_half_counts_by_decision_date(award_world):
    period = st.Period(2025, st.Part.FIRST_HALF)
    got = sum(c.total for c in st.entry_year_counts(st.Scope.province(), period).values())
    expected = [f for f in award_world if date(2025, 1, 1) <= f["issued_on"] <= date(2025, 6, 30)]
    assert got == len(expected) == 6
    assert period.previous() == st.Period(2024, st.Part.FIRST_HALF)


def test_all_years_table(award_world):
    table = {row["year"]: row for row in st.awards_by_year(st.Scope.province())}
    for year in (2024, 2025):
        facts = _of_year(award_world, year)
        assert table[year]["total"].total == len(facts)
        for level in ("state", "province", "grassroots"):
            assert table[year][level] == len([f for f in facts if f["level"] == level])


def test_national_forms_match_the_facts(award_world):
    now = _of_year(award_world, 2025)
    titles = national_forms.fill_form(national_forms.FORMS_BY_SLUG["0601"], st.Scope.province(), st.Period(2025))
    assert titles.headers[-1] in ("Total", "Tổng số", "Tổng")
    by_label = dict(titles.rows)
    expected_titles = [f for f in now if f["entry_kind"] == "title"]
    assert titles.total[-1] == len(expected_titles) == 2
    assert by_label["Chiến sĩ thi đua cơ sở"] == [0, 1, 0, 1]
    state = national_forms.fill_form(national_forms.FORMS_BY_SLUG["0603"], st.Scope.province(), st.Period(2025))
    assert state.total == [1, 0, 0, 1]
    subjects = national_forms.fill_form(national_forms.FORMS_BY_SLUG["0604"], st.Scope.province(), st.Period(2025))
    assert subjects.total is None
    province_column = [values[1] for _label, values in subjects.rows]
    assert province_column[1] == len([f for f in now if "farmer" in f["categories"] and f["level"] == "province"])
    kinds = national_forms.fill_form(national_forms.FORMS_BY_SLUG["0605"], st.Scope.province(), st.Period(2025))
    assert kinds.rows[0][1][-1] == len(now)  # every demo award is an annual achievement


def test_tables_share_the_numbers(award_world):
    table = tables.statistics_table("shares", st.Scope.province(), st.Period(2025))
    assert table.rows[0][1:3] == [2, 6]
    dossiers = tables.statistics_table("dossiers", st.Scope.province(), st.Period(2025))
    assert dossiers.rows == []
