"""The batch works the money out once per (regime, award, subject kind, decision date): the same
amounts as one case at a time, across a base-salary change and with two titles in one decision."""

from tdkt.rules import check, check_many
from tdkt.rules.tests.helpers import collective, person


def test_check_many_gives_each_case_the_money_check_gives():
    cases = [
        person("CSTDCS", decision_date="2024-06-20"),    # base salary 1,800,000 until 30/06/2024
        person("CSTDCS", decision_date="2024-07-20"),    # 2,340,000 from 01/07/2024
        person("CSTDCS", decision_date="2024-07-20"),
        person("BK_TINH", decision_date="2024-07-20", decider="chu_tich_ubnd_tinh"),
        collective("TTLDXS", decision_date="2024-07-20"),
        person("CSTDCS", decision_date="2024-07-20",
               same_decision=[{"award": "BK_TINH", "from_year": 2024, "to_year": 2024}]),
    ]
    batch = check_many(cases)
    assert [result["money"] for result in batch] == [check(case)["money"] for case in cases]
    amounts = [result["money"]["amount_vnd"] for result in batch]
    assert amounts[0] == 1_800_000 and amounts[1] == amounts[2] == 2_340_000
    assert amounts[3] == 3_510_000 and amounts[4] != amounts[1]
    assert amounts[5] == 0   # the higher BK tỉnh in the same decision and period is the one paid


def test_results_do_not_share_their_money():
    first, second = check_many([person("CSTDCS"), person("CSTDCS")])
    first["money"]["amount_vnd"] = 1
    assert second["money"]["amount_vnd"] != 1
