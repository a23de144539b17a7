"""Interval, initiatives used once, thematic awards, discipline, contribution, authority, preconditions."""

import pytest

from tdkt.rules import CaseError, check, check_many
from tdkt.rules.tests.helpers import collective, ok_of, person, reason, titles

COUNCIL_OK = {"members": 25, "present": 25, "yes": 25, "written_yes": 0}


def test_interval_counts_from_the_period_of_the_previous_decision():
    case = person(history=titles("LDTT", (2023,)))
    assert ok_of(case, "COMMON.interval") is True
    case = person(history=titles("LDTT", (2024,)))
    r = reason(check(case), "COMMON.interval")
    assert r["ok"] is False and "2025" in r["message"]


def test_interval_without_a_stated_period_falls_back_to_the_decision_year():
    case = person("BK_TINH", decider="chu_tich_ubnd_tinh", achievement={"from_year": 2023, "to_year": 2024},
                  history=titles("CSTDCS", (2023, 2024)) + [{"award": "BK_TINH", "decided_on": "2023-05-01"}])
    r = reason(check(case), "COMMON.interval")
    assert r["ok"] is False and "2023" in r["message"]


def test_initiative_used_for_a_form_is_not_reused_for_a_title():
    used = [{"year": 2024, "scope": "unit", "used_for": {"award": "BK_TINH", "year": 2024}}]
    result = check(person("CSTDCS", council=COUNCIL_OK, initiatives=used))
    assert reason(result, "CSTDCS.initiative_or_excellent")["ok"] is False
    assert reason(result, "COMMON.initiative_once")["ok"] is False
    assert result["verdict"] == "not_eligible"


def test_initiative_reuse_between_two_titles_needs_check():
    used = [{"year": 2024, "scope": "province", "used_for": {"award": "CSTDCS", "year": 2024}}]
    case = person("CSTD_TINH", decider="chu_tich_ubnd_tinh", achievement={"from_year": 2022, "to_year": 2024},
                  history=titles("CSTDCS", (2022, 2023, 2024)), initiatives=used,
                  council={"members": 25, "present": 25, "yes": 25, "written_yes": 0})
    result = check(case)
    assert reason(result, "COMMON.initiative_once")["ok"] is None
    assert result["verdict"] == "not_eligible"      # the criterion itself is not met by a used initiative
    used[0]["used_for"] = {"award": "CSTD_TINH", "year": 2024}   # recorded for this very proposal
    assert check(case)["verdict"] == "eligible"


def test_thematic_award_does_not_count_for_an_annual_chain():
    history = titles("CSTDCS", (2022, 2024)) + titles("CSTDCS", (2023,), kind="thematic")
    case = person("CSTD_TINH", decider="chu_tich_ubnd_tinh", achievement={"from_year": 2022, "to_year": 2024},
                  history=history, initiatives=[{"year": 2024, "scope": "province"}], council=COUNCIL_OK)
    result = check(case)
    assert reason(result, "CSTD_TINH.three_cstdcs")["ok"] is False
    assert reason(result, "COMMON.thematic_not_counted")["ok"] is False
    ok = person("LDTT", history=titles("GIAY_KHEN", (2022,), kind="sudden"))
    assert ok_of(ok, "COMMON.thematic_not_counted") is True


def test_discipline_being_served_and_in_the_period_fail_served_before_passes():
    serving = person(subject={"discipline": [{"level": "khien_trach", "on": "2024-10-01", "until": "2025-10-01"}]})
    assert ok_of(serving, "COMMON.discipline") is False
    overlapping = person(subject={"discipline": [{"level": "khien_trach", "on": "2023-06-01", "until": "2024-06-01"}]})
    assert ok_of(overlapping, "COMMON.discipline") is False
    served = person(subject={"discipline": [{"level": "khien_trach", "on": "2019-05-01", "until": "2020-05-01"}]})
    assert ok_of(served, "COMMON.discipline") is True


def test_pending_discipline_review_freezes_and_unknown_needs_check():
    case = person(subject={"under_discipline_review": True}, decision_date="2025-08-01")
    r = reason(check(case), "COMMON.pending_discipline")
    assert r["ok"] is False and r["evidence"] == "V"          # NĐ 152 Điều 4 k4
    case = person()
    del case["subject"]["under_discipline_review"]
    assert ok_of(case, "COMMON.pending_discipline") is None


def _contribution(decision_date="2025-08-01", gender="male", posts=None, discipline=()):
    return person("HCLD3", decision_date=decision_date, decider="chu_tich_nuoc",
                  achievement={"kind": "contribution", "year": 2025},
                  subject={"gender": gender, "posts": posts or [], "discipline": list(discipline)},
                  posting={"from": "2025-07-01", "council_on": "2025-07-20"})


def test_contribution_post_duration_and_women_two_thirds_from_1_7_2025():
    posts = [{"title": "giam_doc_so", "from": "2020-08-01", "to": "2025-06-30"}]     # ~4.9 years; needs 6
    assert ok_of(_contribution(posts=posts), "CONTRIB.post_duration") is False
    r = reason(check(_contribution(gender="female", posts=posts)), "CONTRIB.post_duration")
    assert r["ok"] is True and r["evidence"] == "V"                                # needs 6 × 2/3 = 4
    short = [{"title": "giam_doc_so", "from": "2021-09-01", "to": "2025-06-30"}]   # ~3.8 years
    assert ok_of(_contribution(gender="female", posts=short), "CONTRIB.post_duration") is False


def test_contribution_women_three_years_less_before_1_7_2025():
    posts = [{"title": "giam_doc_so", "from": "2021-08-01", "to": "2025-03-31"}]   # ~3.7 years; 6 − 3 = 3
    case = _contribution(decision_date="2025-04-15", gender="female", posts=posts)
    case["posting"] = {"from": "2025-03-03", "council_on": "2025-03-20"}
    assert ok_of(case, "CONTRIB.post_duration") is True
    case["subject"]["gender"] = "male"
    assert ok_of(case, "CONTRIB.post_duration") is False


def test_contribution_time_added_to_the_next_lower_post():
    posts = [{"title": "pho_giam_doc_so", "from": "2011-01-01", "to": "2017-12-31"},   # 7 years
             {"title": "giam_doc_so", "from": "2018-01-01", "to": "2021-12-31"}]       # 4 years (< 6)
    r = reason(check(_contribution(posts=posts)), "CONTRIB.post_duration")
    assert r["ok"] is True and "liền kề" in r["message"]                             # 11 ≥ 10 as PGĐ


def test_contribution_discipline_in_post_fails():
    posts = [{"title": "giam_doc_so", "from": "2015-01-01", "to": "2025-06-30"}]
    case = _contribution(posts=posts, discipline=[{"level": "khien_trach", "on": "2018-01-01", "until": "2019-01-01"}])
    assert ok_of(case, "CONTRIB.no_discipline_in_post") is False
    assert ok_of(_contribution(posts=posts), "CONTRIB.no_discipline_in_post") is True


def test_commune_chair_and_cstdcs_before_and_after_1_7_2025():
    before = person("CSTDCS", decision_date="2025-03-01", decider="chu_tich_ubnd_xa",
                    subject={"ratings": {"2024": "excellent"}}, council=COUNCIL_OK)
    assert ok_of(before, "AUTH.decider") is False
    after = person("CSTDCS", decision_date="2025-08-01", decider="chu_tich_ubnd_xa",
                   subject={"ratings": {"2024": "excellent"}}, council=COUNCIL_OK)
    result = check(after)
    assert reason(result, "AUTH.decider")["ok"] is True and result["regime"] == "R2022_ND152"
    district = person("LDTT", decision_date="2025-08-01", decider="chu_tich_ubnd_huyen")
    r = reason(check(district), "AUTH.decider")
    assert r["ok"] is False and "cấp huyện" in r["message"]


def test_old_regime_registration():
    case = person(decision_date="2023-01-10", year=2022, registered=False)
    assert ok_of(case, "COMMON.registration") is False
    del case["registered"]
    assert ok_of(case, "COMMON.registration") is None
    assert "COMMON.registration" not in {r["rule"] for r in check(person())["reasons"]}


def test_preconditions_kind_subject_and_regime():
    thematic = person("CSTDCS", achievement={"kind": "thematic"}, council=COUNCIL_OK)
    assert ok_of(thematic, "COMMON.achievement_kind") is False
    assert ok_of(collective("LDTT"), "COMMON.subject_kind") is False
    old = collective("XA_TIEU_BIEU", decision_date="2023-05-01", year=2022, decider="chu_tich_ubnd_tinh")
    assert ok_of(old, "COMMON.award_in_regime") is False
    too_old = person(decision_date="2016-03-01", year=2015)
    assert ok_of(too_old, "COMMON.regime_supported") is None


def test_awards_without_encoded_criteria_need_check():
    result = check(person("HCLD2", decider="chu_tich_nuoc", posting={"from": "2025-01-02", "council_on": "2025-01-20"}))
    assert result["verdict"] == "needs_check"
    assert reason(result, "COMMON.criteria_not_modelled")["ok"] is None


def test_malformed_case_names_the_field():
    case = person(subject={"ratings": {"2024": "great"}})
    with pytest.raises(CaseError) as error:
        check(case)
    assert error.value.field == "subject.ratings.2024"
    [result] = check_many([case])
    assert result["reasons"][0]["rule"] == "CASE.invalid" and "subject.ratings.2024" in result["reasons"][0]["message"]
