"""Fixtures of the plans tests: a small plan on top of the shared units and personas."""

from datetime import date

import pytest

from tdkt.organizations.models import Unit
from tdkt.plans import services


@pytest.fixture
def board_unit(units):
    return Unit.objects.create(code="ban-tdkt", name="Ban Thi đua - Khen thưởng", kind="board", level="province",
                               parent=units["home_affairs"])


@pytest.fixture
def plan(people, units):
    return services.create_plan(actor=people["officer"], year=2026, issuer=units["province"],
                                title="Kế hoạch công tác thi đua, khen thưởng năm 2026", document_number="12/KH-UBND",
                                issued_on=date(2026, 1, 15))


@pytest.fixture
def items(plan, people, units):
    """Item 1 led by education (school coordinates), item 2 led by health, item 3 by the province."""
    officer = people["officer"]
    return [
        services.add_item(plan, actor=officer, quarter=1, content="Ký giao ước thi đua", lead_unit=units["education"],
                          coordinating_units=[units["school"]]),
        services.add_item(plan, actor=officer, quarter=2, content="Bồi dưỡng nghiệp vụ", lead_unit=units["health"]),
        services.add_item(plan, actor=officer, quarter=4, content="Tổng kết năm", lead_unit=units["province"],
                          coordinating_units=[units["education"]]),
    ]
