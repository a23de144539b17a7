from datetime import date

import pytest
from django.urls import reverse

from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.decisions import services as decision_services
from tdkt.emulation import registration as reg
from tdkt.emulation.models import Registration, RegistrationPeriod
from tdkt.organizations.models import Collective

pytestmark = pytest.mark.django_db
S = Registration.Status


@pytest.fixture
def team(units):
    return Collective.objects.create(name="Tổ Toán - Tin", unit=units["school"])


@pytest.fixture
def filled(people, units, catalogue, nominee, team):
    registration = reg.start_registration(actor=people["clerk"], unit=units["education"], year=2026)
    reg.add_registration_line(registration, actor=people["clerk"], subject=nominee, entry=catalogue["CSTDCS"])
    reg.add_registration_line(registration, actor=people["clerk"], subject=team, entry=catalogue["TTLDXS"])
    return registration


def test_register_approve_send_and_receive(filled, people):
    reg.apply_registration_transition(filled, "request_approval", actor=people["clerk"])
    reg.apply_registration_transition(filled, "approve", actor=people["head"])
    filled.refresh_from_db()
    assert filled.status == S.SUBMITTED and filled.submitted_on is not None
    assert reg.available_actions(filled, people["officer"]) == ["receive", "return"]
    reg.apply_registration_transition(filled, "receive", actor=people["officer"])
    filled.refresh_from_db()
    assert filled.status == S.RECEIVED
    moves = list(filled.events.exclude(to_status="").values_list("from_status", "to_status"))
    assert moves == [("", "draft"), ("draft", "awaiting_head"), ("awaiting_head", "submitted"),
                     ("submitted", "received")]


def test_return_needs_a_reason_and_reopens_for_the_clerk(filled, people, catalogue, nominee):
    reg.apply_registration_transition(filled, "request_approval", actor=people["clerk"])
    with pytest.raises(DomainError):
        reg.add_registration_line(filled, actor=people["clerk"], subject=nominee, entry=catalogue["LDTT"])
    reg.apply_registration_transition(filled, "approve", actor=people["head"])
    with pytest.raises(DomainError) as refused:
        reg.apply_registration_transition(filled, "return", actor=people["officer"], note="")
    assert refused.value.field == "note"
    reg.apply_registration_transition(filled, "return", actor=people["officer"], note="Thiếu danh hiệu LĐTT")
    reg.add_registration_line(filled, actor=people["clerk"], subject=nominee, entry=catalogue["LDTT"])
    assert filled.lines.count() == 3


def test_wrong_titles_and_subjects_are_refused(people, units, catalogue, nominee, team):
    registration = reg.start_registration(actor=people["clerk"], unit=units["education"], year=2026)
    with pytest.raises(DomainError):   # a form of commendation is not a title
        reg.add_registration_line(registration, actor=people["clerk"], subject=nominee, entry=catalogue["BK_TINH"])
    with pytest.raises(DomainError):   # a collective title for a person
        reg.add_registration_line(registration, actor=people["clerk"], subject=nominee, entry=catalogue["TTLDXS"])
    reg.add_registration_line(registration, actor=people["clerk"], subject=team, entry=catalogue["TTLDXS"])
    with pytest.raises(DomainError):   # twice
        reg.add_registration_line(registration, actor=people["clerk"], subject=team, entry=catalogue["TTLDXS"])
    with pytest.raises(DomainError):   # one registration per unit and year
        reg.start_registration(actor=people["clerk"], unit=units["education"], year=2026)


def test_outsider_cannot_see_or_act(filled, people, client):
    with pytest.raises(PermissionDenied):
        reg.apply_registration_transition(filled, "request_approval", actor=people["outsider"])
    reg.apply_registration_transition(filled, "request_approval", actor=people["clerk"])
    with pytest.raises(PermissionDenied):
        reg.apply_registration_transition(filled, "approve", actor=people["outsider_head"])
    client.force_login(people["outsider"])
    assert client.get(reverse("emulation:registration", args=[filled.pk])).status_code == 404
    client.force_login(people["officer"])   # the Board does not see what is still inside the unit
    assert client.get(reverse("emulation:registration", args=[filled.pk])).status_code == 404
    client.force_login(people["head"])
    assert client.get(reverse("emulation:registration", args=[filled.pk])).status_code == 200


def test_late_board_lists_units_not_sent_by_the_deadline(filled, people, units):
    RegistrationPeriod.objects.create(year=2026, deadline_on=date(2026, 3, 31))
    late, deadline, passed = reg.late_units(2026, today=date(2026, 4, 2))
    assert passed and deadline == date(2026, 3, 31)
    assert {u.code for u in late} == {"so-noi-vu", "so-gddt", "so-y-te"}
    reg.apply_registration_transition(filled, "request_approval", actor=people["clerk"])
    reg.apply_registration_transition(filled, "approve", actor=people["head"])
    Registration.objects.filter(pk=filled.pk).update(submitted_on=date(2026, 3, 20))
    late, _deadline, _passed = reg.late_units(2026, today=date(2026, 4, 2))
    assert {u.code for u in late} == {"so-noi-vu", "so-y-te"}
    assert reg.deadline_for(2027) == date(2027, 3, 31)   # the default when no period is set


def test_registered_against_achieved(filled, people, units, catalogue, nominee, client):
    reg.apply_registration_transition(filled, "request_approval", actor=people["clerk"])
    reg.apply_registration_transition(filled, "approve", actor=people["head"])
    decision = decision_services.record_decision(number="15/QĐ-SGDĐT", issued_on=date(2027, 1, 10),
                                                 authority="unit_head", issuer=units["education"],
                                                 signer_name="Nông Văn Hùng")
    decision_services.grant_award(decision, entry=catalogue["CSTDCS"], subject=nominee, recipient_name=nominee.full_name,
                                  unit=units["school"], year=2026)
    client.force_login(people["clerk"])
    page = client.get(reverse("emulation:registration_results"), {"year": 2026})
    rows = {(r["title"], r["registered"], r["achieved"]) for r in page.context["rows"]}
    assert rows == {(catalogue["CSTDCS"].name, 1, 1), (catalogue["TTLDXS"].name, 1, 0)}


def test_pages_through_the_browser_forms(people, units, client, catalogue, nominee):
    client.force_login(people["clerk"])
    response = client.post(reverse("emulation:registration_start"), {"year": 2026})
    registration = Registration.objects.get(unit=units["education"], year=2026)
    assert response.url == reverse("emulation:registration", args=[registration.pk])
    client.post(reverse("emulation:registration_add_line", args=[registration.pk]),
                {"subject": f"p:{nominee.pk}", "entry": catalogue["LDTT"].pk})
    client.post(reverse("emulation:registration_action", args=[registration.pk, "request_approval"]))
    registration.refresh_from_db()
    assert registration.lines.count() == 1 and registration.status == S.AWAITING_HEAD
    assert client.get(reverse("emulation:registration_late")).status_code == 200


def test_late_board_and_results_export_to_excel(people, client, units):
    client.force_login(people["officer"])
    response = client.get(reverse("emulation:registration_late"), {"year": 2026, "format": "xlsx"})
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert b"".join(response.streaming_content)[:2] == b"PK"


def test_only_the_units_own_head_approves(people, units, catalogue, nominee):
    """The parent unit's head is the next level (it receives); it must not also approve for the
    sub-unit's head, or one person would hold both checks."""
    from tdkt.accounts.models import Role, User
    from tdkt.conftest import PASSWORD
    school_clerk = User.objects.create_user(username="school_clerk", password=PASSWORD, role=Role.UNIT_CLERK,
                                            unit=units["school"])
    school_head = User.objects.create_user(username="school_head", password=PASSWORD, role=Role.UNIT_HEAD,
                                           unit=units["school"])
    registration = reg.start_registration(actor=school_clerk, unit=units["school"], year=2026)
    reg.add_registration_line(registration, actor=school_clerk, subject=nominee, entry=catalogue["CSTDCS"])
    reg.apply_registration_transition(registration, "request_approval", actor=school_clerk)
    assert "approve" not in reg.available_actions(registration, people["head"])
    with pytest.raises(PermissionDenied):
        reg.apply_registration_transition(registration, "approve", actor=people["head"])
    reg.apply_registration_transition(registration, "approve", actor=school_head)
    registration.refresh_from_db()
    assert reg.available_actions(registration, people["head"]) == ["receive", "return"]


def test_transition_lock_works_when_the_unit_has_no_parent(units, people):
    """PostgreSQL refuses FOR UPDATE on the nullable side of an outer join; the lock names the
    registration only, so a top-level unit (no parent) still gets to the action's own checks."""
    province = units["province"]
    assert province.parent_id is None
    registration = Registration.objects.create(unit=province, year=2026, created_by=people["clerk"])
    with pytest.raises(DomainError) as error:
        reg.apply_registration_transition(registration, "no_such_action", actor=people["clerk"])
    assert error.value.code == "unknown_action"
