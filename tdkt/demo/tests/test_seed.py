"""Reference data and the demo: idempotent, complete, and usable by every role."""

from collections import defaultdict
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from tdkt.accounts.models import Role, User
from tdkt.catalogue.models import BaseSalary, CatalogueEntry, entry_in_force, money_for
from tdkt.catalogue.seed import CATALOGUE, REQUIRED_CODES
from tdkt.core.models import Holiday
from tdkt.core.seed import holiday_rows
from tdkt.decisions.models import Award, Decision
from tdkt.decisions.queries import search_awards
from tdkt.demo import data as D
from tdkt.demo.reference import load_reference_data
from tdkt.emulation.models import EmulationGroup, GroupMembership, Movement
from tdkt.nominations.models import Council, Dossier, Status, StepTimeLimit
from tdkt.organizations.models import (Collective, CollectiveYearStats, DisciplineRecord, Household, Initiative,
                                       Person, SubjectCategory, Unit, UnitLineage, YearlyRating)

REFERENCE_MODELS = [CatalogueEntry, BaseSalary, SubjectCategory, Holiday, StepTimeLimit]
DEMO_MODELS = [Unit, UnitLineage, Person, Collective, Household, User, Council, EmulationGroup, GroupMembership,
               Movement, Decision, Award, Dossier, YearlyRating, Initiative, CollectiveYearStats, DisciplineRecord]


def _counts(models):
    return {model.__name__: model.objects.count() for model in models}


# --- reference data --------------------------------------------------------------------

@pytest.mark.django_db
def test_load_reference_data_twice_changes_nothing():
    call_command("load_reference_data", stdout=StringIO())
    first = _counts(REFERENCE_MODELS)
    assert all(first.values()), first
    call_command("load_reference_data", stdout=StringIO())
    assert _counts(REFERENCE_MODELS) == first


@pytest.mark.django_db
def test_reloading_keeps_what_an_administrator_changed():
    load_reference_data()
    StepTimeLimit.objects.filter(status=Status.RECEIVED).update(working_days=15)
    Holiday.objects.filter(on=date(2026, 2, 16)).update(name="Nghỉ Tết (đã xác nhận)")
    load_reference_data()
    assert StepTimeLimit.objects.get(status=Status.RECEIVED).working_days == 15
    assert Holiday.objects.get(on=date(2026, 2, 16)).name == "Nghỉ Tết (đã xác nhận)"


@pytest.mark.django_db
def test_required_codes_are_in_force_today_and_in_each_earlier_regime():
    load_reference_data()
    for code in REQUIRED_CODES:
        assert entry_in_force(code, date.today()).code == code
        assert entry_in_force(code, date(2023, 6, 1)).valid_to == date(2023, 12, 31)  # all existed before 2024
        assert entry_in_force(code, date(2024, 6, 1)).valid_from == date(2024, 1, 1)


def test_each_code_has_exactly_one_row_on_every_regime_boundary():
    windows = defaultdict(list)
    for row in CATALOGUE:
        windows[row["code"]].append((row["valid_from"] or date.min, row["valid_to"] or date.max))
    for code, spans in windows.items():
        for day in (date(2023, 12, 31), date(2024, 1, 1), date(2025, 6, 30), date(2025, 7, 1), date.today()):
            covering = [span for span in spans if span[0] <= day <= span[1]]
            assert len(covering) <= 1, (code, day)
        assert any(start <= date.today() <= end for start, end in spans), code


@pytest.mark.django_db
def test_catalogue_rows_are_valid_and_follow_the_law():
    load_reference_data()
    for entry in CatalogueEntry.objects.all():
        entry.full_clean()
    today = date.today()
    # What other apps' tests rely on.
    bk = entry_in_force("BK_TINH", today)
    assert bk.for_person and bk.money_coefficient == Decimal("1.5") and bk.checklist == ["to_trinh", "bao_cao_thanh_tich", "bien_ban"]
    hcld3 = entry_in_force("HCLD3", today)
    assert hcld3.level == "state" and hcld3.public_posting_required and hcld3.public_posting_working_days == 10
    assert entry_in_force("CSTD_TINH", today).council_vote_threshold == Decimal("0.90")
    # No district level after 01/07/2025; commune chairs decide CSTĐCS and TTLĐTT (NĐ 129/2025 Đ59).
    for entry in CatalogueEntry.objects.in_force(date(2025, 7, 1)):
        assert "chu_tich_ubnd_huyen" not in entry.deciders, entry.code
    for code in ("CSTDCS", "TTLDTT", "LDTT"):
        assert "chu_tich_ubnd_xa" in entry_in_force(code, date(2025, 7, 1)).deciders
        assert "chu_tich_ubnd_huyen" in entry_in_force(code, date(2025, 6, 30)).deciders
    assert "chu_tich_ubnd_xa" not in entry_in_force("CSTDCS", date(2025, 6, 30)).deciders
    # Money uses the base salary on the decision date: 0.3 × 1,800,000 before July 2024.
    assert money_for(entry_in_force("LDTT", date(2024, 3, 1)).money_coefficient, date(2024, 3, 1)) == 540_000
    assert BaseSalary.objects.get(valid_from=date(2024, 7, 1)).evidence == "V"


def test_holiday_calendar_has_tet_and_national_days():
    rows = {day: name for day, name, _worked in holiday_rows()}
    assert len(rows) == len(holiday_rows())
    assert "Tết Nguyên đán" in rows[date(2025, 1, 29)]
    for year in range(2018, 2028):
        assert date(year, 9, 2) in rows and date(year, 1, 1) in rows
    assert all("(M)" in name for day, name in rows.items() if "Tết Nguyên đán" in name)


# --- the demo -----------------------------------------------------------------------------

@pytest.mark.django_db
def test_seed_demo_builds_the_province_once(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    out = StringIO()
    call_command("seed_demo", stdout=out)
    output = out.getvalue()
    assert "http://127.0.0.1:8000" in output and D.DEMO_PASSWORD in output

    # One account per role, each able to log in.
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    client = Client()
    for user in User.objects.all():
        assert user.username in output
        assert client.login(username=user.username, password=D.DEMO_PASSWORD), user.username
        client.logout()
    assert User.objects.get(username="quantri").is_superuser
    council = Council.objects.get()
    assert council.memberships.count() == 9
    assert council.memberships.get(position="secretary").user.username == "thuky.hd"

    # The regional cluster of the 2018 plan: Lạng Sơn and six other provinces.
    regional = EmulationGroup.objects.get(is_regional=True, year=2018)
    assert regional.memberships.count() == 7
    assert Unit.objects.filter(kind="other_province", level="external").count() == 6
    assert EmulationGroup.objects.filter(year=2018, is_regional=False).exists()
    assert EmulationGroup.objects.filter(year=date.today().year, is_regional=False).exists()

    # Districts end on 30/06/2025; their communes merge into successors from 01/07/2025.
    districts = Unit.objects.filter(kind="district")
    assert districts.count() == 11
    for district in districts:
        assert district.valid_to == date(2025, 6, 30)
        assert district.successor_links.exists()
    for commune in Unit.objects.filter(kind="commune", valid_to=date(2025, 6, 30)):
        link = commune.successor_links.get()
        assert link.kind == "merge" and link.on == date(2025, 7, 1)
        assert link.successor.valid_from == date(2025, 7, 1)

    # The archive: awards in every year, each with the catalogue row in force on its decision date.
    assert set(range(2018, 2026)) <= set(Award.objects.values_list("year", flat=True))
    assert Award.objects.count() > 2000
    for award in Award.objects.select_related("entry", "decision"):
        entry, day = award.entry, award.decision.issued_on
        assert (entry.valid_from is None or entry.valid_from <= day) and (entry.valid_to is None or day <= entry.valid_to)
        assert award.decision.authority in entry.deciders
    assert Award.objects.filter(unit__kind="district").exists()  # history of dissolved districts
    # Bulk-written awards are in the name search, without diacritics, and successors show their history.
    someone = Award.objects.filter(person__isnull=False).order_by("id").first()
    assert someone in search_awards(q=someone.search_name)
    ward = Unit.objects.get(code="x-dong-dang-2025")
    assert search_awards(unit=ward).filter(unit__code="tt-dong-dang").exists()
    assert Award.objects.filter(decision__authority="thu_tuong").exists()
    assert Award.objects.filter(decision__authority="chu_tich_nuoc").exists()

    # The facts the eligibility rules read: people have yearly ratings and initiatives.
    assert (Person.objects.filter(yearly_ratings__isnull=False).distinct().count() > 100
            and Person.objects.filter(initiatives__isnull=False).distinct().count() > 20)

    # Every role's worklist has something.
    statuses = set(Dossier.objects.values_list("status", flat=True))
    assert {Status.DRAFT, Status.AWAITING_HEAD, Status.SUBMITTED, Status.RECEIVED, Status.APPRAISED,
            Status.AT_COUNCIL, Status.COUNCIL_DONE, Status.IN_CONSULTATION} <= statuses

    # A second run creates nothing and says so.
    before = _counts(DEMO_MODELS + REFERENCE_MODELS)
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert _counts(DEMO_MODELS + REFERENCE_MODELS) == before
    assert "đã có sẵn" in out.getvalue() and "vanthu.sogd" in out.getvalue()
