"""The seed's 2018 plan as the demo builds it: 25 items, quarters and units as in the seed."""

from collections import Counter

import pytest

from tdkt.demo import plans_demo
from tdkt.organizations.models import Unit
from tdkt.plans.models import LegalDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_units(people, units):
    root = units["province"]
    for code, name in (("hd", "Hội đồng Thi đua - Khen thưởng tỉnh"), ("ban", "Ban Thi đua - Khen thưởng"),
                       ("vp", "Văn phòng UBND tỉnh"), ("khdt", "Sở Kế hoạch và Đầu tư"),
                       ("sct", "Sở Công Thương")):
        Unit.objects.create(code=code, name=name, kind="department", level="province", parent=root)


def test_the_2018_plan_has_the_25_items_of_the_seed(seed_units, people):
    plan = plans_demo.build_plan_2018(None, people["officer"])
    items = list(plan.items.order_by("number"))
    assert [i.number for i in items] == list(range(1, 26))
    assert Counter(i.quarter for i in items) == {1: 11, 2: 8, 3: 3, 4: 3}
    by_number = {i.number: i for i in items}
    assert by_number[8].lead_unit.name == "UBND tỉnh Lạng Sơn"
    assert {u.name for u in by_number[8].coordinating_units.all()} == {"Sở Kế hoạch và Đầu tư",
                                                                       "Ban Thi đua - Khen thưởng"}
    assert by_number[8].other_participants == "Các đơn vị liên quan"
    assert by_number[15].lead_unit.name == "Hội đồng Thi đua - Khen thưởng tỉnh"
    assert [u.name for u in by_number[15].coordinating_units.all()] == ["Sở Nội vụ"]
    assert by_number[23].lead_unit.name == "Ban Thi đua - Khen thưởng"
    assert all(i.status == "done" for i in items)
    assert by_number[13].completed_on > by_number[13].effective_due_on  # finished after its quarter


def test_legal_register_links_replacements(people):
    plans_demo.build_legal(people["officer"])
    nd98 = LegalDocument.objects.get(number="98/2023/NĐ-CP")
    assert nd98.replaced_by.number == "152/2025/NĐ-CP"
    assert LegalDocument.objects.get(number="91/2017/NĐ-CP").replaced_by == nd98
    assert LegalDocument.objects.get(number="15/2003/QH11").replaced_by.number == "06/2022/QH15"
