"""Batch appraisal's fast path (``case_objects``) against the reference path (``build_cases`` → JSON
contract → ``parse_case``): the same cases, hence the same verdicts, reasons, articles, evidence tags
and messages, for a varied set of nominees; and a number of queries that does not grow with the batch."""

import gc
import itertools
from datetime import date, datetime, timezone

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tdkt import rules
from tdkt.decisions.models import Award
from tdkt.decisions.services import grant_award, record_decision
from tdkt.nominations import checker
from tdkt.nominations.eligibility import build_cases, case_objects, check_nominations, gc_paused
from tdkt.nominations.models import (Attendance, Consultation, CouncilSession, Dossier, Nomination, TimelineEvent,
                                     Vote)
from tdkt.organizations.models import (Collective, CollectiveYearStats, DisciplineRecord, Household, Initiative,
                                       LeaveRecord, Person, PostHeld, ServicePeriod, YearlyRating)

pytestmark = pytest.mark.django_db

ON = date(2026, 3, 2)
_NUMBERS = itertools.count(1)


def reference_results(nominations):
    """What check_nominations gave before the fast path: the JSON contract, parsed by the engine."""
    return rules.check_many(build_cases(nominations, on=ON), parameters=checker.rule_parameters(),
                            base_salaries=checker.base_salaries(), holidays=checker.holidays())


def parsed(case):
    return case if isinstance(case, rules.Case) else rules.parse_case(case)


def _award(catalogue, units, subject, code, year, *, issued_on=None, kind="annual", period=None):
    issued_on = issued_on or date(year + 1, 1, 15)
    decision = record_decision(number=f"{next(_NUMBERS)}/QĐ-UBND", issued_on=issued_on,
                               authority="chu_tich_ubnd_tinh", issuer=units["province"],
                               signer_name="Chủ tịch UBND tỉnh")
    entry = type(catalogue[code]).objects.in_force(issued_on).get(code=code)
    start, end = period or (year, year)
    return grant_award(decision, entry=entry, subject=subject, recipient_name=str(subject), unit=units["school"],
                       year=year, period_from_year=start, period_to_year=end, achievement_kind=kind)


def _nominate(dossier, catalogue, subject, code, start=None, end=None):
    nomination = Nomination(dossier=dossier, entry=catalogue[code], achievement_summary="Thành tích xuất sắc",
                            period_from_year=start or dossier.year, period_to_year=end or dossier.year)
    nomination.set_subject(subject)
    nomination.save()
    return nomination


@pytest.fixture
def varied(catalogue, units, people, council):
    """Two dossiers (one with a posting, a closed council session and a receipt; one with a planned
    council date) nominating people with every kind of stored fact, people with none, collectives,
    a household, and two people whose stored facts the case contract refuses."""
    school = units["school"]
    clerk = people["clerk"]
    first = Dossier.objects.create(code="HS-EQ-1", title="Khen thưởng năm học 2024-2025", kind="annual",
                                   unit=units["education"], year=2025, created_by=clerk)
    second = Dossier.objects.create(code="HS-EQ-2", title="Khen thưởng năm 2024", kind="annual",
                                    unit=units["education"], year=2024, created_by=clerk,
                                    planned_council_on=date(2025, 3, 20))

    full = Person.objects.create(full_name="Lộc Thị Hạnh", gender="female", birth_date=date(1978, 2, 3),
                                 recruited_on=date(2001, 9, 1), unit=school, position="Giáo viên")
    for year in range(2016, 2026):
        YearlyRating.objects.create(person=full, year=year, rating="excellent" if year % 3 else "good")
    for year in (2021, 2022, 2023, 2024, 2025):
        _award(catalogue, units, full, "LDTT", year)
    for year in (2023, 2024, 2025):
        _award(catalogue, units, full, "CSTDCS", year)
    _award(catalogue, units, full, "BK_TINH", 2020, period=(2019, 2020))
    _award(catalogue, units, full, "BK_TINH", 2024, kind="thematic")
    cs_2024 = Award.objects.get(person=full, entry__code="CSTDCS", year=2024)
    used = Initiative.objects.create(person=full, year=2024, title="Sơ đồ tư duy", scope="unit",
                                     recognised_by="Hội đồng sáng kiến cơ sở")
    cs_2024.initiatives.add(used)
    Initiative.objects.create(person=full, year=2025, title="Bản đồ số", scope="province",
                              recognised_by="Chủ tịch UBND tỉnh")
    LeaveRecord.objects.create(person=full, kind="maternity", started_on=date(2022, 1, 1), ended_on=date(2022, 6, 30))
    DisciplineRecord.objects.create(person=full, level="khien_trach", decided_on=date(2019, 5, 1),
                                    until=date(2020, 5, 1))
    PostHeld.objects.create(person=full, post="hieu_truong", started_on=date(2015, 8, 1))
    ServicePeriod.objects.create(person=full, kind="direct_teaching", started_on=date(2001, 9, 1),
                                 ended_on=date(2015, 7, 31))
    ServicePeriod.objects.create(person=full, kind="hardship_area", started_on=date(2003, 9, 1),
                                 ended_on=date(2011, 7, 31))
    ServicePeriod.objects.create(person=full, kind="education_sector", started_on=date(2015, 8, 1))

    bare = Person.objects.create(full_name="Vi Văn Bình", unit=school, position="Giáo viên")
    soldier = Person.objects.create(full_name="Hà Văn Dũng", gender="male", unit=school, position="Giáo viên",
                                    under_discipline_review=True)
    ServicePeriod.objects.create(person=soldier, kind="armed_forces", started_on=date(2005, 2, 1),
                                 ended_on=date(2008, 1, 31))
    for year in (2023, 2024):
        YearlyRating.objects.create(person=soldier, year=year, rating="completed")
        _award(catalogue, units, soldier, "LDTT", year)
    # Facts the contract refuses: a rating outside the list, an award period that ends before it starts.
    odd_rating = Person.objects.create(full_name="Nông Thị Cúc", unit=school, position="Giáo viên")
    YearlyRating.objects.create(person=odd_rating, year=2025, rating="superb")
    odd_award = Person.objects.create(full_name="Triệu Văn Phúc", unit=school, position="Giáo viên")
    wrong = _award(catalogue, units, odd_award, "CSTDCS", 2024)
    Award.objects.filter(pk=wrong.pk).update(period_from_year=2025, period_to_year=2023)

    team = Collective.objects.create(name="Tổ Toán", unit=school)
    for year in (2023, 2024, 2025):
        YearlyRating.objects.create(collective=team, year=year, rating="excellent")
        CollectiveYearStats.objects.create(collective=team, year=year, total_members=20, completed_tasks=20, ldtt=16,
                                           cstdcs=2, disciplined_canh_cao_or_above=0)
        _award(catalogue, units, team, "TTLDTT", year)
    Initiative.objects.create(collective=team, year=2025, title="Ngân hàng đề", scope="unit",
                              recognised_by="Hiệu trưởng")
    quiet_team = Collective.objects.create(name="Tổ Văn", unit=school)
    household = Household.objects.create(head_name="Lăng Văn Sơn", unit=school)

    nominations = [
        _nominate(first, catalogue, full, "CSTD_TINH", 2023, 2025),
        _nominate(first, catalogue, full, "BK_TINH", 2024, 2025),
        _nominate(first, catalogue, bare, "CSTDCS"),
        _nominate(first, catalogue, soldier, "LDTT"),
        _nominate(first, catalogue, odd_rating, "CSTDCS"),
        _nominate(first, catalogue, odd_award, "BK_TINH"),
        _nominate(first, catalogue, team, "TTLDXS"),
        _nominate(first, catalogue, quiet_team, "TTLDTT"),
        _nominate(first, catalogue, household, "BK_TINH"),
        _nominate(second, catalogue, full, "CSTDCS"),
        _nominate(second, catalogue, soldier, "BK_TINH", 2023, 2024),
        _nominate(second, catalogue, team, "CO_TINH"),
    ]

    Consultation.objects.create(dossier=first, starts_on=date(2026, 1, 5), ends_on=date(2026, 1, 20),
                                channel="Cổng thông tin điện tử")
    session = CouncilSession.objects.create(council=council, held_on=date(2026, 1, 26),
                                            total_members=len(council.members), state="closed")
    session.dossiers.add(first)
    for i, member in enumerate(council.members):
        Attendance.objects.create(session=session, member=member, present=i < 5)
        for nomination in nominations[:3]:
            Vote.objects.create(session=session, nomination=nomination, member=member,
                                choice="yes" if i < 4 else "no", written=i == 5)
    TimelineEvent.objects.create(dossier=first, event_type="dossier.received", actor=people["officer"])
    TimelineEvent.objects.filter(dossier=first).update(at=datetime(2026, 2, 2, 20, 30, tzinfo=timezone.utc))
    return list(Nomination.objects.filter(pk__in=[n.pk for n in nominations])
                .select_related("dossier", "entry").order_by("pk"))


def test_the_fast_path_builds_the_cases_the_contract_gives(varied):
    fast = case_objects(varied, on=ON)
    slow = build_cases(varied, on=ON)
    assert len(fast) == len(slow) == 12
    refused = []
    for i, (mine, theirs) in enumerate(zip(fast, slow)):
        try:
            expected = rules.parse_case(theirs)
        except rules.CaseError:
            # Facts the contract refuses: the fast path hands over the contract's own dict, so the
            # engine names the field exactly as before.
            assert mine == theirs
            refused.append(i)
            continue
        assert isinstance(mine, rules.Case)
        assert mine == expected, varied[i]
        # Same order of ratings and of the per-award index (messages list them in this order).
        assert list(mine.subject.ratings) == list(expected.subject.ratings)
        assert list(mine.history_by_award) == list(expected.history_by_award)
    assert refused == [4, 5]
    # The facts that matter were really there: the comparison above is not between two empty cases.
    full = parsed(fast[0])
    assert len(full.history) == 10 and full.history_has_non_annual
    assert full.subject.leave and full.subject.discipline and full.subject.posts
    assert full.subject.direct_teaching_years == 13 and full.subject.hardship_years == 7
    assert [(i.year, i.scope, i.used_award) for i in full.initiatives] == [(2024, "unit", "CSTDCS"),
                                                                           (2025, "province", None)]
    assert full.council is not None and full.posting is not None and full.received_on == date(2026, 2, 3)
    assert parsed(fast[3]).subject.service_months == 35 and parsed(fast[3]).subject.under_discipline_review
    assert parsed(fast[6]).subject.members.ldtt == 16
    assert parsed(fast[9]).decision_date == date(2025, 3, 20)


def test_check_nominations_gives_the_reference_results(varied):
    results = check_nominations(varied, on=ON)
    assert results == reference_results(varied)
    # Both refused facts are named, as before.
    assert results[4]["reasons"][0]["rule"] == "CASE.invalid" and "subject.ratings.2025" in results[4]["reasons"][0][
        "message"]
    assert results[5]["reasons"][0]["rule"] == "CASE.invalid"
    assert {r["verdict"] for r in results} >= {"not_eligible", "needs_check"}


def test_the_benchmark_population_gives_the_reference_results(db):
    """The benchmark's own data (ten years of ratings and titles, chains of CSTĐCS, used initiatives),
    on a small scale: every verdict, reason, article, evidence tag and message as the reference path."""
    import importlib.util
    import random
    from pathlib import Path

    # Loaded by path: putting benchmarks/ on sys.path would let its scripts shadow standard modules.
    spec = importlib.util.spec_from_file_location(
        "appraisal_batch", Path(__file__).resolve().parents[3] / "benchmarks" / "appraisal_batch.py")
    appraisal_batch = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(appraisal_batch)

    dossier, _ids, _counts = appraisal_batch.build_data(60, random.Random(7))
    nominations = list(Nomination.objects.filter(dossier=dossier).select_related("dossier", "entry").order_by("pk"))
    assert len(nominations) == 60
    results = check_nominations(nominations, on=ON)
    assert results == reference_results(nominations)
    assert len({r["verdict"] for r in results}) >= 2


def _bulk_nominations(dossier, catalogue, units, n):
    people = Person.objects.bulk_create([Person(full_name=f"Giáo viên {dossier.pk}-{i}", search_name=f"gv {i}",
                                                unit=units["school"], position="Giáo viên") for i in range(n)])
    YearlyRating.objects.bulk_create([YearlyRating(person=p, year=y, rating="good")
                                      for p in people for y in (2024, 2025)])
    Initiative.objects.bulk_create([Initiative(person=p, year=2025, title="Sáng kiến", scope="unit",
                                               recognised_by="Hội đồng") for p in people])
    nominations = []
    for i, person in enumerate(people):
        nomination = Nomination(dossier=dossier, entry=catalogue[("CSTDCS", "BK_TINH", "CSTD_TINH")[i % 3]],
                                achievement_summary="Hoàn thành xuất sắc nhiệm vụ", period_from_year=2025,
                                period_to_year=2025)
        nomination.set_subject(person)
        nominations.append(nomination)
    Nomination.objects.bulk_create(nominations)
    return list(Nomination.objects.filter(dossier=dossier).select_related("dossier", "entry"))


def test_the_number_of_queries_does_not_grow_with_the_batch(catalogue, units, people, nominee):
    clerk = people["clerk"]

    def queries_for(n):
        dossier = Dossier.objects.create(code=f"HS-Q-{n}", title="Khen thưởng", kind="annual",
                                         unit=units["education"], year=2025, created_by=clerk)
        nominations = _bulk_nominations(dossier, catalogue, units, n)
        for nomination in nominations[:3]:   # history on a few of them
            _award(catalogue, units, nomination.person, "LDTT", 2024)
        with CaptureQueriesContext(connection) as captured:
            results = check_nominations(nominations, on=ON)
        assert len(results) == n and all(r["verdict"] for r in results)
        return len(captured)

    small, large = queries_for(10), queries_for(200)
    assert small == large
    assert large <= 16   # people (8), catalogue codes, history, posting, receipt, council (1), settings (3)


def test_the_cycle_collector_is_paused_for_the_batch_only():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()   # left as the caller had it
    finally:
        gc.enable()
