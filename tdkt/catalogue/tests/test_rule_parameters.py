import pytest
from django.core.exceptions import ValidationError

from tdkt import rules
from tdkt.catalogue.models import RuleParameter, rule_parameter_overlay

pytestmark = pytest.mark.django_db

TTLDTT_CASE = {
    "decision_date": "2025-02-10", "award": "TTLDTT", "decider": "thu_truong_don_vi",
    "achievement": {"kind": "annual", "year": 2024},
    "subject": {"kind": "collective", "under_discipline_review": False, "ratings": {"2024": "good"},
                "members": {"total": 20, "completed_tasks": 20, "ldtt": 12, "cstdcs": 0,
                            "disciplined_canh_cao_or_above": 0}},
}


def test_an_unknown_key_or_regime_is_refused_naming_the_field():
    with pytest.raises(ValidationError) as refused:
        RuleParameter(key="TTLDTT.no_such_thing", value=0.7, source="QĐ tỉnh").full_clean()
    assert "key" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        RuleParameter(key="TTLDTT.min_LDTT_share", regime="R1999", value=0.7, source="QĐ tỉnh").full_clean()
    assert "regime" in refused.value.message_dict


def test_a_province_overlay_changes_the_verdict():
    """12 of 20 members LĐTT (60%) meets the national "over 50%" but not a 70% province rule."""
    national = rules.check(TTLDTT_CASE, parameters=rule_parameter_overlay())
    RuleParameter.objects.create(key="TTLDTT.min_LDTT_share", value={"op": ">=", "share": 0.7}, evidence="P",
                                 source="QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh Điều 4 k2")
    provincial = rules.check(TTLDTT_CASE, parameters=rule_parameter_overlay())
    assert national["verdict"] == "eligible"
    assert provincial["verdict"] == "not_eligible"
    failed = [(r["rule"], r["evidence"]) for r in provincial["reasons"] if r["ok"] is False]
    assert failed == [("TTLDTT.ldtt_share", "P")]
