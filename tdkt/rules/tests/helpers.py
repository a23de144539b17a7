"""Builders for cases in the tests: a valid baseline, then each test changes what it is about."""

import copy

from tdkt.rules import check


def person(award="LDTT", decision_date="2025-02-10", year=2024, **over):
    case = {
        "decision_date": decision_date, "award": award,
        "achievement": {"kind": "annual", "year": year, "from_year": year, "to_year": year},
        "decider": "thu_truong_don_vi",
        "subject": {"kind": "person", "gender": "male", "recruited_on": "2010-09-01",
                    "ratings": {str(y): "good" for y in range(year - 9, year + 1)},
                    "under_discipline_review": False},
        "history": [], "initiatives": [], "registered": True,
    }
    return merge(case, over)


def collective(award="TTLDTT", decision_date="2025-02-10", year=2024, **over):
    case = {
        "decision_date": decision_date, "award": award,
        "achievement": {"kind": "annual", "year": year, "from_year": year, "to_year": year},
        "decider": "thu_truong_don_vi",
        "subject": {"kind": "collective", "ratings": {str(y): "excellent" for y in range(year - 9, year + 1)},
                    "members": {"total": 20, "completed_tasks": 20, "ldtt": 15, "cstdcs": 1,
                                "disciplined_canh_cao_or_above": 0}},
        "history": [], "initiatives": [], "registered": True,
    }
    return merge(case, over)


def merge(case, over):
    case = copy.deepcopy(case)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(case.get(key), dict):
            case[key] = {**case[key], **value}
        else:
            case[key] = value
    return case


def titles(award, years, kind="annual"):
    return [{"award": award, "from_year": y, "to_year": y, "decided_on": f"{y + 1}-01-20", "kind": kind}
            for y in years]


def reason(result, rule_id):
    found = [r for r in result["reasons"] if r["rule"] == rule_id]
    assert found, f"no reason {rule_id} in {[r['rule'] for r in result['reasons']]}"
    return found[0]


def ok_of(case, rule_id, **kwargs):
    return reason(check(case, **kwargs), rule_id)["ok"]


def rules_seen(result):
    return {r["rule"] for r in result["reasons"]}
