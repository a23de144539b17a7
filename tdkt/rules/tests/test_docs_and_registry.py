"""docs/rules.md and the schema file are generated and must stay current; every rule is documented."""

import json
import re

from tdkt.rules import RULES, check
from tdkt.rules.docs import RULES_DOC, SCHEMA_DOC, render_rules_doc, render_rules_table, render_schema
from tdkt.rules.parameters import KNOWN_KEYS, PARAMETERS
from tdkt.rules.schema import validate

ISSUE_EXAMPLE = {
    "decision_date": "2025-02-10", "award": "CSTD_TINH",
    "achievement": {"kind": "annual", "year": 2024, "from_year": 2022, "to_year": 2024},
    "decider": "chu_tich_ubnd_tinh",
    "subject": {
        "kind": "person", "gender": "female", "birth_date": "1975-03-02", "recruited_on": "2010-09-01",
        "ratings": {"2023": "excellent", "2024": "good"},
        "leave": [{"kind": "maternity", "from": "2025-01-01", "to": "2025-06-30"}],
        "discipline": [{"level": "khien_trach", "on": "2019-05-01", "until": "2020-05-01"}],
        "under_discipline_review": False,
        "posts": [{"title": "giam_doc_so", "from": "2021-01-01", "to": "2025-06-30"}],
        "direct_teaching_years": 14, "hardship_years": 8, "sector_years": 20,
        "contribution_years": 12, "service_months": 30,
        "members": {"total": 20, "completed_tasks": 20, "ldtt": 15, "cstdcs": 1, "disciplined_canh_cao_or_above": 0},
        "founded_on": "1992-04-01", "cluster_rank": 1, "sector": "education",
    },
    "history": [{"award": "CSTDCS", "from_year": 2023, "to_year": 2023, "decided_on": "2024-01-20", "kind": "annual"}],
    "initiatives": [{"year": 2024, "scope": "unit", "used_for": {"award": "CSTDCS", "year": 2024}}],
    "council": {"members": 25, "present": 24, "yes": 23, "written_yes": 0},
    "posting": {"from": "2025-01-02", "council_on": "2025-01-20"},
    "received_on": "2025-07-15",
    "batch": {"same_award_proposed": 8, "unit_ldtt": 40, "collectives_meeting_standard": 30},
}


def test_rules_md_table_is_current():
    current = RULES_DOC.read_text(encoding="utf-8")
    assert current == render_rules_doc(current), "docs/rules.md is stale: run `python -m tdkt.rules.docs`."


def test_schema_file_is_current_and_valid_json():
    assert SCHEMA_DOC.read_text(encoding="utf-8") == render_schema(), "run `python -m tdkt.rules.docs`"
    assert json.loads(render_schema())["$schema"].endswith("2020-12/schema")


def test_every_rule_has_an_id_articles_evidence_and_is_in_the_table():
    table = render_rules_table()
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids)) and len(ids) >= 50
    for rule in RULES:
        assert re.fullmatch(r"[A-Z0-9_]+\.[a-z0-9_]+", rule.id), rule.id
        assert rule.law and rule.summary
        for article, evidence in rule.law.values():
            assert article and evidence in ("V", "P", "M", "I")
        for key in rule.params:
            assert key.replace("{award}", "LDTT") in KNOWN_KEYS, (rule.id, key)
        assert f"`{rule.id}`" in table


def test_every_parameter_entry_has_evidence_regime_and_source():
    for entry in PARAMETERS:
        assert set(entry) == {"key", "value", "evidence", "regime", "source"}
        assert entry["evidence"] in ("V", "P", "M", "I") and entry["source"]


def test_issue_example_is_valid_and_checks():
    assert validate(ISSUE_EXAMPLE) == []
    result = check(ISSUE_EXAMPLE)
    assert set(result) == {"verdict", "regime", "reasons", "money"}
    assert result["verdict"] == "not_eligible"            # two CSTĐCS only, no province initiative
    for r in result["reasons"]:
        assert set(r) == {"rule", "ok", "article", "evidence", "message", "message_en"}


def test_schema_errors_name_the_field():
    bad = json.loads(json.dumps(ISSUE_EXAMPLE))
    bad["subject"]["ratings"]["2024"] = "great"
    bad["council"]["yes"] = "23"
    del bad["decision_date"]
    bad["achievement"]["extra"] = 1
    fields = {field for field, _vi, _en in validate(bad)}
    assert fields == {"subject.ratings.2024", "council.yes", "decision_date", "achievement.extra"}
