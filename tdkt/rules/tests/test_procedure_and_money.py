"""Council votes on total membership, public posting in working days, money."""

from tdkt.rules import check, check_many
from tdkt.rules.money import amount
from tdkt.rules.tests.helpers import collective, ok_of, person, reason


def _cstdcs(council):
    return person("CSTDCS", subject={"ratings": {"2024": "excellent"}}, council=council)


def test_cstdcs_vote_80_percent_of_total_membership_with_written_opinions():
    assert ok_of(_cstdcs({"members": 25, "present": 25, "yes": 20, "written_yes": 0}), "PROC.council_vote") is True
    # 19 of the 20 present agreed (95%), but the share is on all 25 members: 76%.
    assert ok_of(_cstdcs({"members": 25, "present": 20, "yes": 19, "written_yes": 0}), "PROC.council_vote") is False
    # An absent member's written agreement counts.
    assert ok_of(_cstdcs({"members": 25, "present": 20, "yes": 19, "written_yes": 1}), "PROC.council_vote") is True


def test_missing_council_result_needs_check():
    r = reason(check(person("CSTDCS", subject={"ratings": {"2024": "excellent"}})), "PROC.council_vote")
    assert r["ok"] is None and "council" in r["message"]


def _posting(start, council_on):
    return person("NGUT", decision_date="2025-06-01", decider="chu_tich_nuoc",
                  subject={"direct_teaching_years": 16}, posting={"from": start, "council_on": council_on})


def test_public_posting_10_working_days_with_holidays_as_data():
    case = _posting("2025-04-21", "2025-05-06")       # 21/4 … 5/5: 11 weekdays
    assert ok_of(case, "PROC.public_posting") is True
    holidays = ["2025-04-30", "2025-05-01"]          # Reunification Day, Labour Day
    r = reason(check(case, holidays=holidays), "PROC.public_posting")
    assert r["ok"] is False and "9" in r["message"]
    # A make-up Saturday (is_working_day=True) brings it back to 10.
    days = {"2025-04-30": False, "2025-05-01": False, "2025-04-26": True}
    from datetime import date
    days = {date.fromisoformat(k): v for k, v in days.items()}
    assert ok_of(case, "PROC.public_posting", holidays=days) is True


def test_money_rounds_up_to_ten_thousand():
    assert amount(0.3, 2_340_000) == 710_000
    assert amount(1.0, 2_340_000) == 2_340_000
    assert amount(0.8, 2_340_000) == 1_880_000
    assert check(collective())["money"] == {"coefficient": 0.8, "amount_vnd": 1880000}


def test_money_uses_the_base_salary_on_the_decision_date():
    assert check(person(decision_date="2024-06-30", year=2023))["money"]["amount_vnd"] == 540000   # 0.3 × 1.8M
    result = check(person(decision_date="2025-02-10"), base_salaries=[("2024-07-01", 2_500_000)])
    assert result["money"]["amount_vnd"] == 750000
    none = check(person(decision_date="2015-12-01", year=2015))
    assert none["money"]["amount_vnd"] is None
    assert reason(none, "MONEY.base_salary")["ok"] is None


def test_two_titles_in_one_decision_same_period_only_the_highest_is_paid():
    same = person(same_decision=[{"award": "CSTDCS", "from_year": 2024, "to_year": 2024}])
    result = check(same)
    assert result["money"]["amount_vnd"] == 0
    assert "cao nhất" in reason(result, "MONEY.same_decision")["message"]
    other = person(same_decision=[{"award": "CSTDCS", "from_year": 2023, "to_year": 2023}])
    assert check(other)["money"]["amount_vnd"] == 710000
    higher = person("CSTDCS", subject={"ratings": {"2024": "excellent"}},
                    council={"members": 5, "present": 5, "yes": 5, "written_yes": 0},
                    same_decision=[{"award": "LDTT", "from_year": 2024, "to_year": 2024}])
    assert check(higher)["money"]["amount_vnd"] == 2340000


def test_check_many_matches_check_and_takes_an_overlay_once():
    cases = [person(), collective(), _cstdcs({"members": 10, "present": 10, "yes": 7, "written_yes": 0})]
    assert check_many(cases) == [check(c) for c in cases]
    overlay = [{"key": "CSTDCS.vote_min", "value": 0.7, "evidence": "P", "source": "quy chế tỉnh"}]
    results = check_many(cases, parameters=overlay)
    assert reason(results[2], "PROC.council_vote")["ok"] is True
    assert reason(results[2], "PROC.council_vote")["evidence"] == "P"
