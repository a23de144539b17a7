"""LĐTT, CSTĐCS, CSTĐ tỉnh, CSTĐTQ (LAW.md §1.2), across the three regimes."""

from tdkt.rules import check, regime_for
from tdkt.rules.tests.helpers import ok_of, person, reason, titles

from datetime import date

COUNCIL_OK = {"members": 25, "present": 25, "yes": 25, "written_yes": 0}


def test_regime_is_chosen_by_the_decision_date():
    assert regime_for(date(2023, 12, 31)) == "R2003_ND91"
    assert regime_for(date(2024, 1, 1)) == "R2022_ND98"
    assert regime_for(date(2025, 6, 30)) == "R2022_ND98"
    assert regime_for(date(2025, 7, 1)) == "R2022_ND152"


def test_ldtt_good_rating_is_eligible_and_pays_rounded_up():
    result = check(person())
    assert result["verdict"] == "eligible", result
    assert result["regime"] == "R2022_ND98"
    assert reason(result, "LDTT.rating")["ok"] is True
    # 0.3 × 2,340,000 = 702,000 → rounded up to 710,000 (NĐ 152 Điều 49)
    assert result["money"] == {"coefficient": 0.3, "amount_vnd": 710000}


def test_ldtt_completed_only_fails():
    case = person(subject={"ratings": {"2024": "completed"}})
    result = check(case)
    assert result["verdict"] == "not_eligible"
    assert reason(result, "LDTT.rating")["ok"] is False


def test_missing_rating_needs_check_naming_the_year():
    case = person(subject={"ratings": {"2023": "good"}})
    result = check(case)
    assert result["verdict"] == "needs_check"
    r = reason(result, "LDTT.rating")
    assert r["ok"] is None and "2024" in r["message"] and "2024" in r["message_en"]


def test_ldtt_maternity_counts_other_long_leave_does_not():
    maternity = person(subject={"leave": [{"kind": "maternity", "from": "2024-01-01", "to": "2024-06-30"}]})
    assert ok_of(maternity, "LDTT.leave") is True
    other = person(subject={"leave": [{"kind": "other", "from": "2024-03-01", "to": "2024-04-30"}]})
    result = check(other)
    assert reason(result, "LDTT.leave")["ok"] is False
    assert reason(result, "LDTT.leave")["evidence"] == "M"   # the 40-day limit is unverified after 2024


def test_ldtt_old_regime_recruited_too_late_in_the_year():
    case = person(decision_date="2023-01-15", year=2022, subject={"recruited_on": "2022-04-01"})
    assert ok_of(case, "LDTT.service_months") is False
    case = person(decision_date="2023-01-15", year=2022, subject={"recruited_on": "2022-02-01"})
    assert ok_of(case, "LDTT.service_months") is True


def test_cstdcs_old_regime_without_initiative_fails():
    case = person("CSTDCS", decision_date="2023-12-15", year=2023,
                  subject={"ratings": {"2023": "excellent"}}, council=COUNCIL_OK,
                  batch={"same_award_proposed": 5, "unit_ldtt": 40})
    result = check(case)
    assert result["regime"] == "R2003_ND91"
    assert reason(result, "CSTDCS.initiative_required")["ok"] is False
    assert result["verdict"] == "not_eligible"


def test_cstdcs_old_regime_with_initiative_and_within_quota_passes():
    case = person("CSTDCS", decision_date="2023-12-15", year=2023, council=COUNCIL_OK,
                  initiatives=[{"year": 2023, "scope": "unit"}],
                  batch={"same_award_proposed": 6, "unit_ldtt": 40})
    result = check(case)
    assert result["verdict"] == "eligible", result
    assert reason(result, "CSTDCS.quota")["ok"] is True          # 6/40 = 15%
    assert reason(result, "PROC.council_vote")["evidence"] == "M"


def test_cstdcs_old_quota_over_15_percent_fails():
    case = person("CSTDCS", decision_date="2023-12-15", year=2023, council=COUNCIL_OK,
                  initiatives=[{"year": 2023, "scope": "unit"}],
                  batch={"same_award_proposed": 7, "unit_ldtt": 40})
    assert ok_of(case, "CSTDCS.quota") is False


def test_cstdcs_2024_excellent_without_initiative_passes_and_has_no_quota():
    case = person("CSTDCS", subject={"ratings": {"2024": "excellent"}}, council=COUNCIL_OK)
    result = check(case)
    assert result["verdict"] == "eligible", result
    assert "CSTDCS.quota" not in {r["rule"] for r in result["reasons"]}
    assert "CSTDCS.initiative_required" not in {r["rule"] for r in result["reasons"]}


def test_cstdcs_2024_good_without_initiative_fails_with_initiative_passes():
    assert ok_of(person("CSTDCS", council=COUNCIL_OK), "CSTDCS.initiative_or_excellent") is False
    case = person("CSTDCS", council=COUNCIL_OK, initiatives=[{"year": 2024, "scope": "unit"}])
    assert ok_of(case, "CSTDCS.initiative_or_excellent") is True


def _cstd_tinh(**over):
    base = dict(decider="chu_tich_ubnd_tinh", achievement={"from_year": 2022, "to_year": 2024},
                history=titles("CSTDCS", (2022, 2023, 2024)), initiatives=[{"year": 2024, "scope": "province"}],
                council={"members": 25, "present": 24, "yes": 23, "written_yes": 0})
    base.update(over)
    return person("CSTD_TINH", **base)


def test_cstd_tinh_chain_including_an_old_regime_cstdcs_passes():
    result = check(_cstd_tinh())
    assert result["verdict"] == "eligible", result
    assert reason(result, "CSTD_TINH.three_cstdcs")["ok"] is True
    assert result["money"]["amount_vnd"] == 7020000


def test_cstd_tinh_with_a_gap_fails_naming_the_year():
    result = check(_cstd_tinh(history=titles("CSTDCS", (2021, 2022, 2024))))
    r = reason(result, "CSTD_TINH.three_cstdcs")
    assert r["ok"] is False and "2023" in r["message"]


def test_cstd_tinh_needs_a_province_scope_initiative():
    case = _cstd_tinh(initiatives=[{"year": 2024, "scope": "unit"}])
    assert ok_of(case, "CSTD_TINH.province_initiative") is False


def test_cstd_tinh_vote_is_90_percent_of_total_membership():
    case = _cstd_tinh(council={"members": 25, "present": 22, "yes": 22, "written_yes": 0})
    r = reason(check(case), "PROC.council_vote")
    assert r["ok"] is False and "22/25" in r["message"]      # 88% of all members, though all present agreed


def _cstdtq(received_on, decided_second="2024-02-01"):
    history = [
        {"award": "CSTD_TINH", "from_year": 2018, "to_year": 2020, "decided_on": "2021-02-01", "kind": "annual"},
        {"award": "CSTD_TINH", "from_year": 2021, "to_year": 2023, "decided_on": decided_second, "kind": "annual"},
    ]
    return person("CSTDTQ", decision_date="2025-03-01", year=2023, decider="thu_tuong",
                  achievement={"from_year": 2018, "to_year": 2023}, history=history,
                  initiatives=[{"year": 2023, "scope": "national"}], received_on=received_on,
                  council={"members": 25, "present": 25, "yes": 24, "written_yes": 0})


def test_cstdtq_filed_within_the_adjacent_year_passes():
    result = check(_cstdtq("2025-12-31"))
    assert result["verdict"] == "eligible", result
    assert reason(result, "CSTDTQ.two_cstd_tinh")["ok"] is True


def test_cstdtq_filed_after_31_12_of_the_adjacent_year_fails():
    r = reason(check(_cstdtq("2026-01-05")), "CSTDTQ.filing_deadline")
    assert r["ok"] is False and "31/12/2025" in r["message"]


def test_cstdtq_needs_two_consecutive_cstd_tinh_and_national_initiative():
    case = _cstdtq("2025-06-01")
    case["history"][0]["to_year"] = 2019           # 2018–2019 then 2021–2023: not adjacent
    case["history"][0]["from_year"] = 2017
    assert ok_of(case, "CSTDTQ.two_cstd_tinh") is False
    case = _cstdtq("2025-06-01")
    case["initiatives"] = [{"year": 2023, "scope": "province"}]
    assert ok_of(case, "CSTDTQ.national_initiative") is False
