"""Fixtures of the emulation tests: a movement ready to launch, a cluster of three departments
(education is the head, health the deputy, home affairs a member) with a clerk in each."""

from datetime import date

import pytest

from tdkt.accounts.models import Role, User
from tdkt.conftest import PASSWORD
from tdkt.emulation import services
from tdkt.emulation.models import EmulationGroup, GroupMembership, Movement


@pytest.fixture
def ha_clerk(units):
    return User.objects.create_user(username="ha_clerk", password=PASSWORD, role=Role.UNIT_CLERK,
                                    unit=units["home_affairs"], first_name="Hà Văn Nội")


@pytest.fixture
def draft_movement(units, people):
    movement = Movement(name="Phong trào thi đua chuyên đề chuyển đổi số 2026", kind="thematic",
                        launched_by=units["education"])
    return services.save_movement(movement, actor=people["clerk"])


@pytest.fixture
def complete_movement(draft_movement, people, catalogue, units):
    m = draft_movement
    m.launch_document = "Kế hoạch số 12/KH-SGDĐT ngày 05/01/2026"
    m.scope = "unit"
    m.starts_on, m.ends_on = date(2026, 1, 5), date(2027, 12, 31)
    m.objectives, m.targets = "Đẩy mạnh chuyển đổi số trong trường học", "100% trường dùng học bạ số"
    m.content, m.measures = "Số hoá hồ sơ, học bạ", "Tập huấn, kiểm tra định kỳ"
    m.prize_plan = "Giấy khen cho tập thể, cá nhân tiêu biểu khi tổng kết"
    services.save_movement(m, actor=people["clerk"], participant_units=[units["school"]])
    services.add_movement_criterion(m, actor=people["clerk"], entry=catalogue["GIAY_KHEN"],
                                    text="Hoàn thành số hoá học bạ trước 30/6", is_mandatory=True)
    return m


@pytest.fixture
def cluster(units):
    group = EmulationGroup.objects.create(name="Khối các sở", kind="block", year=2026, organiser=units["province"])
    for order, (key, role) in enumerate((("education", "head"), ("health", "deputy"), ("home_affairs", "member"))):
        GroupMembership.objects.create(group=group, unit=units[key], role=role, rotation_order=order + 1)
    return group
