"""Unit scope, and bad input: a clear error naming the field, row or rule, and nothing changed.

Messages are English msgids translated later, so assertions use error codes,
fields and database state, plus stable substrings (nominee names, document kinds).
"""

import re
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.utils import timezone

from tdkt.catalogue.models import AttachmentKind
from tdkt.core.calendar import add_working_days
from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.conftest import pdf
from tdkt.decisions.models import Award, Decision
from tdkt.nominations import access, services
from tdkt.nominations.models import (
    Attachment, Consultation, CouncilSession, Dossier, Nomination, Status, TimelineEvent,
)
from tdkt.nominations.tests.states import fast_passwords, states  # noqa: F401
from tdkt.organizations.models import Person

pytestmark = pytest.mark.usefixtures("fast_passwords")

DOCS = ["to_trinh", "bao_cao_thanh_tich", "bien_ban"]  # BK_TINH's checklist


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(root) -> list:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def unchanged(dossier, status, events_before):
    dossier.refresh_from_db()
    assert dossier.status == status
    assert TimelineEvent.objects.filter(dossier=dossier).count() == events_before


def events(dossier) -> int:
    return TimelineEvent.objects.filter(dossier=dossier).count()


# --- Unit scope -----------------------------------------------------------------------

def test_clerk_of_another_unit_cannot_act_nor_see(make_dossier, people, catalogue, nominee):
    dossier = make_dossier()
    outsider = people["outsider"]  # clerk of the health department; the dossier is education's
    before = events(dossier)
    with pytest.raises(Http404):
        access.get_dossier_for_user(outsider, dossier.pk)
    assert not access.dossiers_for_user(outsider).filter(pk=dossier.pk).exists()
    with pytest.raises(PermissionDenied):
        services.request_approval(dossier, actor=outsider)
    with pytest.raises(PermissionDenied):
        services.withdraw_dossier(dossier, actor=outsider, note="không phải của tôi")
    with pytest.raises(PermissionDenied):
        services.add_attachment(dossier, actor=outsider, kind="khac", uploaded=pdf())
    with pytest.raises(PermissionDenied):
        services.add_nomination(dossier, actor=outsider, subject=nominee, entry=catalogue["BK_TINH"],
                                achievement_summary="x")
    with pytest.raises(PermissionDenied):
        services.create_dossier(actor=outsider, unit=dossier.unit, title="x", kind="annual", year=2025)
    assert dossier.nominations.count() == 1
    assert Attachment.objects.filter(dossier=dossier).count() == len(DOCS)
    unchanged(dossier, Status.DRAFT, before)


def test_head_of_another_unit_cannot_submit(states, people):
    dossier = states.reach(Status.AWAITING_HEAD)
    before = events(dossier)
    with pytest.raises(PermissionDenied):
        services.submit_dossier(dossier, actor=people["outsider_head"])
    with pytest.raises(Http404):
        access.get_dossier_for_user(people["outsider_head"], dossier.pk)
    unchanged(dossier, Status.AWAITING_HEAD, before)


def test_own_unit_and_parent_unit_see_the_dossier(make_dossier, people, units):
    dossier = make_dossier()
    assert access.get_dossier_for_user(people["clerk"], dossier.pk) == dossier
    with pytest.raises(Http404):
        access.get_dossier_for_user(people["clerk"], "not-a-number")


@pytest.mark.parametrize("persona", ["officer", "board_head", "secretary", "member", "signer"])
def test_province_roles_do_not_see_dossiers_still_inside_the_unit(states, people, persona):
    draft = states.reach(Status.DRAFT)
    awaiting = states.reach(Status.AWAITING_HEAD)
    submitted = states.reach(Status.SUBMITTED)
    user = people[persona]
    for hidden in (draft, awaiting):
        with pytest.raises(Http404):
            access.get_dossier_for_user(user, hidden.pk)
    assert access.get_dossier_for_user(user, submitted.pk) == submitted
    assert set(access.dossiers_for_user(user).values_list("pk", flat=True)) == {submitted.pk}


# --- Preparing and sending a dossier -------------------------------------------------

def test_empty_dossier_cannot_be_sent_to_the_head(people):
    clerk = people["clerk"]
    dossier = services.create_dossier(actor=clerk, unit=clerk.unit, title="Hồ sơ trống", kind="annual",
                                      year=2025)
    before = events(dossier)
    with pytest.raises(DomainError) as refused:
        services.request_approval(dossier, actor=clerk)
    assert refused.value.code == "has_nominations"
    assert str(refused.value)
    unchanged(dossier, Status.DRAFT, before)


def test_missing_document_names_the_row_the_nominee_and_the_document(people, catalogue, nominee, units):
    clerk = people["clerk"]
    second = Person.objects.create(full_name="Lương Văn Khánh", gender="male", birth_date=date(1978, 3, 2),
                                   unit=units["school"], position="Tổ trưởng chuyên môn")
    dossier = services.create_dossier(actor=clerk, unit=clerk.unit, title="Khen thưởng năm học", kind="annual",
                                      year=2025)
    complete, lacking = [services.add_nomination(dossier, actor=clerk, subject=subject, entry=catalogue["BK_TINH"],
                                                 achievement_summary="Hoàn thành xuất sắc nhiệm vụ")
                         for subject in (nominee, second)]
    for kind in DOCS:
        services.add_attachment(dossier, actor=clerk, kind=kind, nomination=complete, uploaded=pdf(f"a-{kind}.pdf"))
    for kind in ("to_trinh", "bao_cao_thanh_tich"):  # no biên bản for the second nominee
        services.add_attachment(dossier, actor=clerk, kind=kind, nomination=lacking, uploaded=pdf(f"b-{kind}.pdf"))
    before = events(dossier)
    with pytest.raises(DomainError) as refused:
        services.request_approval(dossier, actor=clerk)
    message = str(refused.value)
    assert refused.value.code == "checklist_satisfied"
    assert "Lương Văn Khánh" in message            # the nominee
    assert "Nguyễn Thị Đào" not in message          # not the complete one
    assert str(AttachmentKind.REVIEW_MINUTES.label) in message     # the missing document
    assert str(AttachmentKind.PROPOSAL.label) not in message       # not the ones attached
    assert re.search(r"\b2\b", message) and not re.search(r"\b1\b", message)  # row 2, not row 1
    unchanged(dossier, Status.DRAFT, before)


def test_receiving_a_draft_is_the_wrong_state(make_dossier, people):
    dossier = make_dossier()
    before = events(dossier)
    with pytest.raises(DomainError) as refused:
        services.receive_dossier(dossier, actor=people["officer"])
    assert refused.value.code == "wrong_state"
    assert not isinstance(refused.value, PermissionDenied)
    unchanged(dossier, Status.DRAFT, before)


def test_submitted_dossier_can_no_longer_be_edited(states, people, catalogue, units):
    dossier = states.reach(Status.SUBMITTED)
    other = Person.objects.create(full_name="Hà Thị Nga", gender="female", unit=units["school"])
    before = events(dossier)
    with pytest.raises(DomainError) as refused:
        services.add_nomination(dossier, actor=people["clerk"], subject=other, entry=catalogue["BK_TINH"],
                                achievement_summary="x")
    assert refused.value.code == "wrong_state"
    with pytest.raises(DomainError) as refused:
        services.add_attachment(dossier, actor=people["clerk"], kind="khac", uploaded=pdf())
    assert refused.value.code == "wrong_state"
    assert dossier.nominations.count() == 1
    unchanged(dossier, Status.SUBMITTED, before)


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_return_without_a_reason_is_refused(states, people, reason):
    dossier = states.reach(Status.RECEIVED)
    before = events(dossier)
    with pytest.raises(DomainError) as refused:
        services.return_for_supplement(dossier, actor=people["officer"], reason=reason,
                                       items=[(None, "Bổ sung biên bản")])
    assert refused.value.field == "note"
    unchanged(dossier, Status.RECEIVED, before)
    assert not dossier.supplement_items.exists()


def test_disagreeing_without_a_comment_is_refused(states, people):
    dossier = states.reach(Status.RECEIVED)
    nomination = dossier.nominations.get()
    before = events(dossier)
    with pytest.raises(DomainError) as refused:
        services.appraise_nomination(nomination, actor=people["officer"], verdict="disagree", comment="  ")
    assert refused.value.field == "comment"
    nomination.refresh_from_db()
    assert nomination.appraisal_verdict == ""
    assert nomination.appraised_by is None
    unchanged(dossier, Status.RECEIVED, before)


# --- Uploads ------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "content"), [
    ("bao-cao.pdf", b""),                                   # empty
    ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00"),           # not an accepted type
    ("to-trinh.pdf", b"PK\x03\x04 this is a zip, not a PDF"),  # .pdf whose bytes are not PDF
    ("bien-ban.PDF", b"<html><script>alert(1)</script>"),
])
def test_bad_upload_is_refused_and_nothing_is_stored(people, media, name, content):
    clerk = people["clerk"]
    dossier = services.create_dossier(actor=clerk, unit=clerk.unit, title="Hồ sơ", kind="annual", year=2025)
    before = events(dossier)
    with pytest.raises(DomainError) as refused:
        services.add_attachment(dossier, actor=clerk, kind="to_trinh",
                                uploaded=SimpleUploadedFile(name, content, content_type="application/pdf"))
    assert refused.value.field == "file"
    assert name in str(refused.value)  # the message names the file
    assert not Attachment.objects.filter(dossier=dossier).exists()
    assert stored_files(media) == []
    unchanged(dossier, Status.DRAFT, before)


def test_good_upload_is_stored(people, media):
    clerk = people["clerk"]
    dossier = services.create_dossier(actor=clerk, unit=clerk.unit, title="Hồ sơ", kind="annual", year=2025)
    attachment = services.add_attachment(dossier, actor=clerk, kind="to_trinh", uploaded=pdf("to-trinh.pdf"))
    assert attachment.size > 0
    assert len(stored_files(media)) == 1


# --- Nominations --------------------------------------------------------------------

def test_same_nominee_twice_for_the_same_award_is_refused(make_dossier, people, catalogue, nominee):
    dossier = make_dossier()
    before = events(dossier)
    with pytest.raises(DomainError) as refused:
        services.add_nomination(dossier, actor=people["clerk"], subject=nominee, entry=catalogue["BK_TINH"],
                                achievement_summary="Lần thứ hai")
    assert refused.value.field == "entry"
    assert "Nguyễn Thị Đào" in str(refused.value)
    assert dossier.nominations.count() == 1
    unchanged(dossier, Status.DRAFT, before)


def test_state_level_award_in_an_annual_dossier_is_refused(make_dossier, people, catalogue, nominee):
    dossier = make_dossier()  # annual
    with pytest.raises(DomainError) as refused:
        services.add_nomination(dossier, actor=people["clerk"], subject=nominee, entry=catalogue["HCLD3"],
                                achievement_summary="Thành tích xuất sắc")
    assert refused.value.field == "entry"
    assert catalogue["HCLD3"].name in str(refused.value)
    assert not dossier.nominations.filter(entry__code="HCLD3").exists()


def test_provincial_award_in_a_state_level_dossier_is_refused(make_dossier, people, catalogue, units):
    dossier = make_dossier(entry="HCLD3", kind="state_level")
    other = Person.objects.create(full_name="Hà Thị Nga", gender="female", unit=units["school"])
    with pytest.raises(DomainError) as refused:
        services.add_nomination(dossier, actor=people["clerk"], subject=other, entry=catalogue["BK_TINH"],
                                achievement_summary="Thành tích")
    assert refused.value.field == "entry"
    assert list(dossier.nominations.values_list("entry__code", flat=True)) == ["HCLD3"]


# --- Decisions ----------------------------------------------------------------------

@pytest.mark.parametrize("number", ["abc", "", "123", "QĐ-UBND", "12/qd ubnd"])
def test_invalid_decision_number_creates_nothing(states, people, number):
    dossier = states.reach(Status.COUNCIL_DONE)
    before = events(dossier)
    with pytest.raises(DomainError) as refused:
        services.issue_decision(dossier, actor=people["signer"], number=number, issued_on=timezone.localdate())
    assert refused.value.field == "number"
    assert not Decision.objects.exists()
    assert not Award.objects.exists()
    dossier.refresh_from_db()
    assert dossier.decision is None
    assert dossier.nominations.get().outcome == Nomination.Outcome.PENDING
    unchanged(dossier, Status.COUNCIL_DONE, before)


def test_duplicate_decision_number_creates_nothing(states, people):
    decided = states.reach(Status.DECIDED)  # decision 1/QĐ-UBND of this year
    assert Decision.objects.count() == 1 and Award.objects.count() == 1
    dossier = states.reach(Status.COUNCIL_DONE)
    before = events(dossier)
    for number in ("1/QĐ-UBND", " 1/qđ-ubnd "):
        with pytest.raises(DomainError) as refused:
            services.issue_decision(dossier, actor=people["signer"], number=number, issued_on=timezone.localdate())
        assert refused.value.field == "number"
    assert Decision.objects.count() == 1 and Award.objects.count() == 1
    assert decided.nominations.get().award is not None
    unchanged(dossier, Status.COUNCIL_DONE, before)


# --- Council votes -------------------------------------------------------------------

def _to_council(states, entry):
    return states.reach(Status.AT_COUNCIL, shape=(entry, "annual"),
                        steps=["request_approval", "submit", "receive", "appraise_all", "complete_appraisal",
                               "send_to_council"])


def _session(council, people, dossier, *, absent=()):
    present = [m.pk for m in council.members if m not in absent]
    return services.open_council_session(council, actor=people["secretary"], held_on=timezone.localdate(),
                                         dossiers=[dossier], present_user_ids=present)


def _vote(session, nomination, choices, people):
    for member, choice in choices.items():
        services.cast_vote(session, nomination, actor=member, choice=choice)


def test_cstd_tinh_needs_ninety_percent_of_the_whole_council(states, people, council):
    assert len(council.members) == 6
    dossier = _to_council(states, "CSTD_TINH")
    nomination = dossier.nominations.get()
    session = _session(council, people, dossier)
    _vote(session, nomination, {m: "yes" for m in council.members[:5]}, people)  # 5 of 6 = 83%
    services.cast_vote(session, nomination, actor=council.members[5], choice="abstain")
    result = services.tally(session, nomination)
    assert (result["yes"], result["total"], result["passed"]) == (5, 6, False)
    services.close_council_session(session, actor=people["secretary"])
    nomination.refresh_from_db()
    assert nomination.council_result == Nomination.CouncilResult.FAILED
    assert nomination.outcome == Nomination.Outcome.NOT_AWARDED
    dossier.refresh_from_db()
    assert dossier.status == Status.COUNCIL_DONE
    with pytest.raises(DomainError):  # nobody passed: nothing to decide
        services.issue_decision(dossier, actor=people["signer"], number="7/QĐ-UBND", issued_on=timezone.localdate())
    assert not Decision.objects.exists()


def test_cstd_tinh_passes_with_every_member(states, people, council):
    dossier = _to_council(states, "CSTD_TINH")
    nomination = dossier.nominations.get()
    session = _session(council, people, dossier)
    _vote(session, nomination, {m: "yes" for m in council.members}, people)
    assert services.tally(session, nomination)["passed"] is True
    services.close_council_session(session, actor=people["secretary"])
    nomination.refresh_from_db()
    assert nomination.council_result == Nomination.CouncilResult.PASSED


def test_absent_members_written_opinion_counts(states, people, council):
    dossier = _to_council(states, "CSTD_TINH")
    nomination = dossier.nominations.get()
    absent = council.members[-1]
    session = _session(council, people, dossier, absent=[absent])
    _vote(session, nomination, {m: "yes" for m in council.members[:-1]}, people)
    assert services.tally(session, nomination)["passed"] is False  # 5 of 6 without the absent member
    with pytest.raises(DomainError):  # an absent member does not vote in the meeting
        services.cast_vote(session, nomination, actor=absent, choice="yes")
    vote = services.cast_vote(session, nomination, actor=people["secretary"], member=absent, choice="yes")
    assert vote.written is True
    result = services.tally(session, nomination)
    assert (result["yes"], result["present"], result["total"], result["passed"]) == (6, 5, 6, True)


def test_only_the_secretary_records_written_opinions(states, people, council):
    dossier = _to_council(states, "CSTD_TINH")
    nomination = dossier.nominations.get()
    absent = council.members[-1]
    session = _session(council, people, dossier, absent=[absent])
    with pytest.raises(PermissionDenied):
        services.cast_vote(session, nomination, actor=people["member"], member=absent, choice="yes")
    assert not session.votes.filter(member=absent).exists()


@pytest.mark.parametrize(("yes", "no", "abstain", "passed"), [
    (4, 2, 0, True),
    (3, 3, 0, False),   # a tie is not a majority
    (3, 2, 1, False),   # 3 of 6: half is not a majority
    (5, 1, 0, True),
])
def test_simple_majority_where_the_catalogue_sets_no_threshold(states, people, council, yes, no, abstain, passed):
    dossier = _to_council(states, "BK_TINH")
    nomination = dossier.nominations.get()
    assert nomination.entry.council_vote_threshold is None
    session = _session(council, people, dossier)
    choices = ["yes"] * yes + ["no"] * no + ["abstain"] * abstain
    _vote(session, nomination, dict(zip(council.members, choices)), people)
    assert services.tally(session, nomination)["passed"] is passed
    services.close_council_session(session, actor=people["secretary"])
    nomination.refresh_from_db()
    assert nomination.council_result == ("passed" if passed else "failed")


def test_votes_after_the_meeting_closed_are_refused(states, people, council):
    dossier = _to_council(states, "BK_TINH")
    nomination = dossier.nominations.get()
    session = _session(council, people, dossier)
    _vote(session, nomination, {m: "yes" for m in council.members}, people)
    services.close_council_session(session, actor=people["secretary"])
    with pytest.raises(DomainError) as refused:
        services.cast_vote(session, nomination, actor=council.members[0], choice="no")
    assert refused.value.code == "wrong_state"
    assert session.votes.filter(choice="no").count() == 0
    assert CouncilSession.objects.get(pk=session.pk).state == CouncilSession.State.CLOSED


# --- Public consultation --------------------------------------------------------------

def _next_monday():
    today = timezone.localdate()
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


def test_consultation_shorter_than_ten_working_days_is_refused(states, people):
    dossier = states.reach(Status.APPRAISED, shape=("HCLD3", "state_level"))
    starts_on = _next_monday()
    before = events(dossier)
    with pytest.raises(DomainError) as refused:  # 9 working days
        services.open_consultation(dossier, actor=people["board_head"], starts_on=starts_on,
                                   ends_on=add_working_days(starts_on, 8))
    assert refused.value.field == "ends_on"
    assert not Consultation.objects.filter(dossier=dossier).exists()
    unchanged(dossier, Status.APPRAISED, before)
    # exactly 10 working days is enough
    services.open_consultation(dossier, actor=people["board_head"], starts_on=starts_on,
                               ends_on=add_working_days(starts_on, 9))
    dossier.refresh_from_db()
    assert dossier.status == Status.IN_CONSULTATION
    assert dossier.step_due_on == add_working_days(starts_on, 9)


def test_send_to_council_waits_for_the_posting_to_end(states, people):
    dossier = states.reach(Status.APPRAISED, shape=("HCLD3", "state_level"))
    today = timezone.localdate()
    services.open_consultation(dossier, actor=people["board_head"], starts_on=today,
                               ends_on=add_working_days(today, 12))
    dossier.refresh_from_db()
    before = events(dossier)
    with pytest.raises(DomainError) as refused:
        services.send_to_council(dossier, actor=people["board_head"])
    assert refused.value.code == "consultation_done"
    unchanged(dossier, Status.IN_CONSULTATION, before)


def test_state_level_nominee_cannot_skip_the_consultation(states, people):
    dossier = states.reach(Status.APPRAISED, shape=("HCLD3", "state_level"))
    with pytest.raises(DomainError) as refused:
        services.send_to_council(dossier, actor=people["board_head"])
    assert refused.value.code == "consultation_done"
    dossier.refresh_from_db()
    assert dossier.status == Status.APPRAISED


# --- Timeline --------------------------------------------------------------------------

def test_timeline_records_actor_time_and_note_of_every_transition(states, people):
    started = timezone.now()
    dossier = states.new()
    states.walk(dossier, ["request_approval", "submit"])
    services.return_for_supplement(dossier, actor=people["officer"], reason="Thiếu chữ ký thủ trưởng",
                                   items=[(dossier.nominations.get(), "Ký lại tờ trình")])
    states.walk(dossier, ["request_approval", "submit", "receive", "appraise_all", "complete_appraisal",
                          "send_to_council", "council_votes_yes", "issue_decision"])
    finished = timezone.now()
    moves = list(TimelineEvent.objects.filter(dossier=dossier).exclude(to_status="").order_by("at", "id"))
    assert [(e.from_status, e.to_status, e.actor.username) for e in moves] == [
        ("draft", "awaiting_head", "clerk"),
        ("awaiting_head", "submitted", "head"),
        ("submitted", "returned", "officer"),
        ("returned", "awaiting_head", "clerk"),
        ("awaiting_head", "submitted", "head"),
        ("submitted", "received", "officer"),
        ("received", "appraised", "officer"),
        ("appraised", "at_council", "board_head"),
        ("at_council", "council_done", "secretary"),
        ("council_done", "decided", "signer"),
    ]
    for event in moves:
        assert started <= event.at <= finished
    assert moves[2].note == "Thiếu chữ ký thủ trưởng"
    assert "1/QĐ-UBND" in moves[-1].note
    dossier.refresh_from_db()
    assert dossier.status == Status.DECIDED
    assert dossier.decision.number == "1/QĐ-UBND"
    assert dossier.supplement_items.get().resolved_at is not None
    # Non-status steps are on the timeline too.
    assert TimelineEvent.objects.filter(dossier=dossier, event_type="nomination.appraised").exists()
    assert TimelineEvent.objects.filter(dossier=dossier, event_type="dossier.created").exists()
