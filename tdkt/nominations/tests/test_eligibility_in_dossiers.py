"""The rules' verdict on stored nominations: the clerk's pre-check, the officer's starting point
at appraisal (overriding needs a written reason, kept on the timeline), and a fixed number of
queries per batch."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tdkt.core.errors import DomainError
from tdkt.decisions.services import grant_award, record_decision
from tdkt.nominations import services
from tdkt.nominations.eligibility import build_cases, check_nominations
from tdkt.nominations.models import Nomination
from tdkt.organizations.models import Initiative, Person, YearlyRating

pytestmark = pytest.mark.django_db


@pytest.fixture
def cstd_tinh_dossier(make_dossier):
    """CSTĐ tỉnh for a nominee with no CSTĐCS history: the rules say not eligible."""
    return make_dossier(entry="CSTD_TINH")


def received(dossier, people):
    services.request_approval(dossier, actor=people["clerk"])
    services.submit_dossier(dossier, actor=people["head"])
    services.receive_dossier(dossier, actor=people["officer"])
    return dossier


def test_the_clerk_sees_the_rules_verdict_before_submitting(client, cstd_tinh_dossier, people):
    client.force_login(people["clerk"])
    response = client.get(reverse("nominations:detail", args=[cstd_tinh_dossier.pk]))
    assert response.status_code == 200
    nomination = response.context["nominations"][0]
    assert nomination.eligibility["verdict"] == "not_eligible"
    body = response.content.decode()
    assert "CSTD_TINH.three_cstdcs" in body  # the failed rule is named, with its article
    assert "Điều 22" in body


def test_proposing_a_not_eligible_nominee_needs_a_reason_kept_on_the_timeline(cstd_tinh_dossier, people):
    dossier = received(cstd_tinh_dossier, people)
    nomination = dossier.nominations.get()
    with pytest.raises(DomainError) as refused:
        services.appraise_nomination(nomination, actor=people["officer"], verdict="agree")
    assert refused.value.code == "override_needs_reason" and refused.value.field == "comment"
    assert "CSTD_TINH.three_cstdcs" in str(refused.value)
    nomination.refresh_from_db()
    assert nomination.appraisal_verdict == ""

    services.appraise_nomination(nomination, actor=people["officer"], verdict="agree",
                                 comment="Thành tích đột xuất được Tỉnh ủy ghi nhận")
    nomination.refresh_from_db()
    assert nomination.eligibility_verdict == "not_eligible"
    assert any(r["rule"] == "CSTD_TINH.three_cstdcs" and r["ok"] is False
               for r in nomination.eligibility_result["reasons"])
    note = dossier.timeline.filter(event_type="nomination.appraised").last().note
    assert "Thành tích đột xuất được Tỉnh ủy ghi nhận" in note


def test_the_appraisal_page_shows_the_rules_result_and_refuses_an_unexplained_override(client, cstd_tinh_dossier,
                                                                                       people):
    dossier = received(cstd_tinh_dossier, people)
    nomination = dossier.nominations.get()
    client.force_login(people["officer"])
    url = reverse("nominations:appraise", args=[dossier.pk])
    page = client.get(url)
    assert "CSTD_TINH.three_cstdcs" in page.content.decode()
    response = client.post(url, {f"n{nomination.pk}-verdict": "agree", f"n{nomination.pk}-comment": ""})
    assert response.status_code == 200
    assert response.context["rows"][0][1].errors["comment"]
    nomination.refresh_from_db()
    assert nomination.appraisal_verdict == ""


def test_stored_facts_and_awards_make_the_case(catalogue, make_dossier, nominee, units):
    """Three consecutive CSTĐCS up to the dossier's year 2025 (the first decided under the old law,
    which still counts: Luật 2022 Điều 95) and a province-scope initiative."""
    for year in (2023, 2024, 2025):
        decision = record_decision(number=f"{year}/QĐ-SGDĐT", issued_on=date(year, 12, 20),
                                   authority="thu_truong_don_vi", issuer=units["education"],
                                   signer_name="Giám đốc Sở")
        entry = type(catalogue["CSTDCS"]).objects.in_force(decision.issued_on).get(code="CSTDCS")
        grant_award(decision, entry=entry, subject=nominee, recipient_name=nominee.full_name,
                    unit=nominee.unit, year=year)
        YearlyRating.objects.create(person=nominee, year=year, rating="excellent")
    Initiative.objects.create(person=nominee, year=2025, title="Ứng dụng bản đồ số trong dạy Địa lí",
                              kind="initiative", scope="province", recognised_by="Chủ tịch UBND tỉnh")
    dossier = make_dossier(entry="CSTD_TINH")
    case = build_cases([dossier.nominations.select_related("dossier", "entry").get()])[0]
    assert sorted(h["from_year"] for h in case["history"] if h["award"] == "CSTDCS") == [2023, 2024, 2025]
    assert case["initiatives"] == [{"year": 2025, "scope": "province"}]
    result = check_nominations([dossier.nominations.select_related("dossier", "entry").get()])[0]
    chain = {r["rule"]: r["ok"] for r in result["reasons"]}
    assert chain["CSTD_TINH.three_cstdcs"] is True
    assert chain["CSTD_TINH.province_initiative"] is True


def test_the_batch_runs_in_a_fixed_number_of_queries(make_dossier, people, units, catalogue):
    def queries_for(dossier):
        nominations = list(Nomination.objects.filter(dossier=dossier).select_related("dossier", "entry"))
        with CaptureQueriesContext(connection) as captured:
            results = check_nominations(nominations)
        assert len(results) == len(nominations)
        return len(captured)

    small = make_dossier()
    large = make_dossier()
    for i in range(12):
        person = Person.objects.create(full_name=f"Giáo viên {i}", unit=units["school"])
        services.add_nomination(large, actor=people["clerk"], subject=person, entry=catalogue["BK_TINH"],
                                achievement_summary="Hoàn thành xuất sắc nhiệm vụ")
    assert queries_for(large) == queries_for(small)
