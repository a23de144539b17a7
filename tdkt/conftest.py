"""Shared test fixtures: a small province, one persona per role, the real catalogue.

States are reached through the real services (tdkt.nominations.services), never
by writing statuses directly.
"""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tdkt.accounts.models import Role, User
from tdkt.catalogue.models import CatalogueEntry
from tdkt.catalogue.seed import seed_catalogue
from tdkt.nominations import services
from tdkt.nominations.models import Council, CouncilMembership
from tdkt.organizations.models import Person, Unit

PASSWORD = "Tdkt@2025!test"
# The officer's reason when proposing a nominee the rules find not eligible (an override needs one).
APPRAISAL_NOTE = "Đơn vị đã xác nhận thành tích; đề nghị Hội đồng xem xét."


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    """A cheap password hasher (persona set-up would otherwise hash for seconds) and
    uploads in a temporary folder, so tests never write into var/."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def catalogue(db):
    seed_catalogue()
    return {entry.code: entry for entry in CatalogueEntry.objects.in_force(date.today())}


@pytest.fixture
def units(db):
    province = Unit.objects.create(code="ubnd-tinh", name="UBND tỉnh Lạng Sơn", kind="province_office",
                                   level="province")
    home_affairs = Unit.objects.create(code="so-noi-vu", name="Sở Nội vụ", kind="department", level="province",
                                       parent=province)
    education = Unit.objects.create(code="so-gddt", name="Sở Giáo dục và Đào tạo", kind="department",
                                    level="province", parent=province)
    school = Unit.objects.create(code="thpt-viet-bac", name="Trường THPT Việt Bắc", kind="school",
                                 level="grassroots", parent=education)
    health = Unit.objects.create(code="so-y-te", name="Sở Y tế", kind="department", level="province",
                                 parent=province)
    return {"province": province, "home_affairs": home_affairs, "education": education, "school": school,
            "health": health}


def _user(username, role, unit, **extra):
    return User.objects.create_user(username=username, password=PASSWORD, role=role, unit=unit,
                                    first_name=extra.pop("first_name", username), **extra)


@pytest.fixture
def people(units):
    return {
        "clerk": _user("clerk", Role.UNIT_CLERK, units["education"], first_name="Hoàng Thị Lan"),
        "head": _user("head", Role.UNIT_HEAD, units["education"], first_name="Nông Văn Hùng"),
        "outsider": _user("outsider", Role.UNIT_CLERK, units["health"], first_name="Lý Thị Mai"),
        "outsider_head": _user("outsider_head", Role.UNIT_HEAD, units["health"]),
        "officer": _user("officer", Role.BOARD_OFFICER, units["home_affairs"], first_name="Vi Văn Tuấn"),
        "board_head": _user("board_head", Role.BOARD_HEAD, units["home_affairs"]),
        "secretary": _user("secretary", Role.COUNCIL_SECRETARY, units["home_affairs"]),
        "member": _user("member", Role.COUNCIL_MEMBER, units["province"]),
        "signer": _user("signer", Role.SIGNER, units["province"], first_name="Hồ Tiến Thiệu",
                        position="Phó Chủ tịch UBND tỉnh"),
        "admin": _user("admin", Role.ADMIN, units["province"], is_staff=True, is_superuser=True),
    }


@pytest.fixture
def council(units, people):
    council = Council.objects.create(name="Hội đồng Thi đua - Khen thưởng tỉnh", unit=units["province"])
    members = [people["member"], people["secretary"]]
    members += [_user(f"member{i}", Role.COUNCIL_MEMBER, units["province"]) for i in range(2, 6)]
    for user in members:
        CouncilMembership.objects.create(council=council, user=user)
    council.members = members
    return council


@pytest.fixture
def nominee(units):
    return Person.objects.create(full_name="Nguyễn Thị Đào", gender="female", birth_date=date(1980, 5, 17),
                                 unit=units["school"], position="Giáo viên")


def pdf(name="to-trinh.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n% test document\n", content_type="application/pdf")


@pytest.fixture
def make_dossier(people, catalogue, nominee):
    """A dossier with one BK_TINH nomination and every required document, in draft."""

    def build(*, entry="BK_TINH", subject=None, kind="annual"):
        clerk = people["clerk"]
        dossier = services.create_dossier(actor=clerk, unit=clerk.unit, title="Khen thưởng năm học 2024-2025",
                                          kind=kind, year=2025)
        services.add_nomination(dossier, actor=clerk, subject=subject or nominee, entry=catalogue[entry],
                                achievement_summary="Hoàn thành xuất sắc nhiệm vụ năm học",
                                position_text="Giáo viên, Trường THPT Việt Bắc")
        for kind_code in catalogue[entry].checklist:
            services.add_attachment(dossier, actor=clerk, kind=kind_code, uploaded=pdf(f"{kind_code}.pdf"))
        return dossier

    return build


@pytest.fixture
def submitted_dossier(make_dossier, people):
    dossier = make_dossier()
    services.request_approval(dossier, actor=people["clerk"])
    services.submit_dossier(dossier, actor=people["head"])
    return dossier
