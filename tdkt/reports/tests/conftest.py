"""Awards with known categories, areas, levels and years, made through the decisions services."""

from datetime import date

import pytest

from tdkt.decisions.services import grant_award, record_decision
from tdkt.organizations.models import Collective, Household, Person, SubjectCategory, Unit, UnitLineage
from tdkt.organizations.seed import seed_subject_categories


@pytest.fixture
def report_units(units):
    """Adds a remote border commune under a district, and a dissolved commune merged into it."""
    district = Unit.objects.create(code="huyen-cao-loc", name="UBND huyện Cao Lộc", kind="district",
                                   level="district", parent=units["province"])
    commune = Unit.objects.create(code="xa-dong-dang", name="UBND xã Đồng Đăng", kind="commune", level="commune",
                                  parent=district, is_remote=True, is_border=True, is_ethnic_minority=True)
    old = Unit.objects.create(code="xa-cu", name="UBND xã Bảo Lâm (cũ)", kind="commune", level="commune",
                              parent=district, valid_to=date(2025, 6, 30))
    UnitLineage.objects.create(predecessor=old, successor=commune, kind="merge", on=date(2025, 7, 1))
    return {**units, "district": district, "commune": commune, "old_commune": old}


@pytest.fixture
def award_world(report_units, catalogue, people):
    """A deterministic set of awards over 2024 and 2025; returns the list of plain facts per award,
    so tests can count what they expect without asking the code under test."""
    seed_subject_categories()
    cats = {c.code: c for c in SubjectCategory.objects.all()}
    u = report_units
    signer = dict(signer_name="Hồ Tiến Thiệu", authority="chu_tich_ubnd_tinh", issuer=u["province"])

    def person(name, unit, categories=(), ethnicity="Kinh", gender="male"):
        p = Person.objects.create(full_name=name, unit=unit, ethnicity=ethnicity, gender=gender)
        p.categories.set([cats[c] for c in categories])
        return p

    farmer = person("Hoàng Văn Nông", u["commune"], ["farmer"], ethnicity="Tày")
    worker = person("Lý Thị Công", u["school"], ["worker", "direct_labourer"], gender="female")
    militia = person("Vi Văn Dân", u["old_commune"], ["militia"], ethnicity="Nùng")
    teacher = person("Nguyễn Thị Giáo", u["school"], ["teacher"], gender="female")
    officer = person("Trần Văn Sở", u["health"], [])
    small = Collective.objects.create(name="Tổ sản xuất số 1", unit=u["commune"], is_small=True)
    big = Collective.objects.create(name="Trường THPT Việt Bắc", unit=u["school"], represents_unit=u["school"])
    family = Household.objects.create(head_name="Hộ ông Lộc Văn Gia", unit=u["commune"])

    facts = []
    decisions = {}

    def grant(year, issued_on, code, subject, unit):
        key = (year, issued_on)
        if key not in decisions:
            decisions[key] = record_decision(number=f"{len(decisions) + 1}/QĐ-UBND", issued_on=issued_on, **signer)
        entry = catalogue[code]
        award = grant_award(decisions[key], entry=entry, subject=subject, recipient_name=str(subject), unit=unit,
                            year=year)
        kind = ("person" if isinstance(subject, Person) else
                "collective" if isinstance(subject, Collective) else "household")
        facts.append({"award": award, "year": year, "issued_on": issued_on, "code": code, "level": entry.level,
                      "entry_kind": entry.kind, "subject": kind, "unit": unit,
                      "categories": set(subject.categories.values_list("code", flat=True)) if kind == "person" else set(),
                      "ethnic": kind == "person" and subject.ethnicity != "Kinh",
                      "small": kind == "collective" and subject.is_small, "remote": unit.is_remote,
                      "border": unit.is_border, "female": kind == "person" and subject.gender == "female"})
        return award

    plan = [
        (2024, date(2024, 3, 10), "BK_TINH", farmer, u["commune"]),
        (2024, date(2024, 3, 10), "BK_TINH", officer, u["health"]),
        (2024, date(2024, 3, 10), "LDTT", teacher, u["school"]),
        (2024, date(2024, 11, 20), "GIAY_KHEN", militia, u["old_commune"]),
        (2024, date(2024, 11, 20), "TTLDTT", big, u["school"]),
        (2025, date(2025, 2, 5), "BK_TINH", worker, u["school"]),
        (2025, date(2025, 2, 5), "BK_TINH", farmer, u["commune"]),
        (2025, date(2025, 2, 5), "BK_TINH", small, u["commune"]),
        (2025, date(2025, 2, 5), "GIAY_KHEN", family, u["commune"]),
        (2025, date(2025, 5, 6), "CSTDCS", teacher, u["school"]),
        (2025, date(2025, 5, 6), "LDTT", militia, u["old_commune"]),
        (2025, date(2025, 9, 9), "BK_TTG", big, u["school"]),
        (2025, date(2025, 9, 9), "BK_TINH", officer, u["health"]),
        (2025, date(2025, 9, 9), "BK_TINH", teacher, u["school"]),
    ]
    for row in plan:
        grant(*row)
    # A revoked award never counts.
    revoked = grant(2025, date(2025, 9, 9), "BK_TINH", worker, u["school"])
    revoked.status = "revoked"
    revoked.save()
    facts = [f for f in facts if f["award"].pk != revoked.pk]
    return facts
