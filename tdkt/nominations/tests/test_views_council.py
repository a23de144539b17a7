"""Pages after appraisal: public consultation, council meetings and votes, the decision and
the central result. States are reached through the real services; the steps under test
go through the pages with the Django test client. Assertions are on the database and on
status codes, not on translated text.
"""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tdkt.conftest import APPRAISAL_NOTE, pdf
from tdkt.core.calendar import add_working_days
from tdkt.decisions.models import Award, Decision
from tdkt.nominations import services
from tdkt.nominations.models import (
    Consultation, ConsultationComment, CouncilSession, Nomination, Status, Vote,
)


@pytest.fixture(autouse=True)
def _setup(settings, tmp_path):
    settings.LANGUAGE_CODE = "en"


def detail_url(dossier):
    return reverse("nominations:detail", args=[dossier.pk])


def as_user(client, user):
    client.force_login(user)
    return client


def ddmmyyyy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def docx(name="bien-ban.docx"):
    return SimpleUploadedFile(name, b"PK\x03\x04 minutes", content_type="application/octet-stream")


# --- states through the real services ------------------------------------------

def appraised(dossier, people):
    services.request_approval(dossier, actor=people["clerk"])
    services.submit_dossier(dossier, actor=people["head"])
    services.receive_dossier(dossier, actor=people["officer"])
    for nomination in dossier.nominations.all():
        services.appraise_nomination(nomination, actor=people["officer"], verdict="agree", comment=APPRAISAL_NOTE)
    services.complete_appraisal(dossier, actor=people["officer"])
    return dossier


def at_council(dossier, people):
    appraised(dossier, people)
    services.send_to_council(dossier, actor=people["board_head"])
    return dossier


def open_session(council, people, dossiers, absent=()):
    return services.open_council_session(
        council, actor=people["secretary"], held_on=timezone.localdate(), dossiers=dossiers,
        present_user_ids=[u.pk for u in council.members if u not in absent])


def council_done(dossier, people, council):
    at_council(dossier, people)
    session = open_session(council, people, [dossier])
    for nomination in dossier.nominations.all():
        for member in council.members:
            services.cast_vote(session, nomination, actor=member, choice="yes")
    services.close_council_session(session, actor=people["secretary"])
    dossier.refresh_from_db()
    return dossier


def vote_via_page(client, session, user, nomination, choice):
    return as_user(client, user).post(reverse("nominations:cast_votes", args=[session.pk]),
                                      {f"vote_{nomination.pk}": choice})


def close_via_page(client, session, secretary, minutes=None):
    return as_user(client, secretary).post(reverse("nominations:close_session", args=[session.pk]),
                                           {"minutes": minutes or pdf("bien-ban.pdf"), "notes": "Họp thường kỳ"})


# --- access ---------------------------------------------------------------------

def test_pages_require_login(client, submitted_dossier):
    for url in [reverse("nominations:council_sessions"), reverse("nominations:open_session"),
                reverse("nominations:open_consultation", args=[submitted_dossier.pk]),
                reverse("nominations:issue_decision", args=[submitted_dossier.pk]),
                reverse("nominations:record_central_result", args=[submitted_dossier.pk])]:
        response = client.get(url)
        assert response.status_code == 302 and "/tai-khoan/" in response.url


def test_roles_and_scope(client, make_dossier, people, council):
    dossier = council_done(make_dossier(), people, council)
    url = reverse("nominations:issue_decision", args=[dossier.pk])
    assert as_user(client, people["member"]).get(url).status_code == 403
    assert as_user(client, people["officer"]).post(url, {"number": "1/QĐ-UBND"}).status_code == 403
    assert as_user(client, people["clerk"]).get(url).status_code == 403  # in scope, wrong role
    assert as_user(client, people["outsider"]).get(url).status_code == 404  # outside scope
    assert as_user(client, people["outsider"]).get(reverse("nominations:council_sessions")).status_code == 403
    assert as_user(client, people["member"]).get(reverse("nominations:open_session")).status_code == 403
    assert as_user(client, people["signer"]).get(
        reverse("nominations:record_central_result", args=[dossier.pk])).status_code == 403
    assert not Decision.objects.exists()


def test_wrong_state_redirects_to_the_dossier(client, submitted_dossier, people):
    response = as_user(client, people["signer"]).get(
        reverse("nominations:issue_decision", args=[submitted_dossier.pk]))
    assert response.status_code == 302 and response.url == detail_url(submitted_dossier)
    response = as_user(client, people["board_head"]).get(
        reverse("nominations:open_consultation", args=[submitted_dossier.pk]))
    assert response.status_code == 302 and response.url == detail_url(submitted_dossier)


# --- council meeting ----------------------------------------------------------------

def test_secretary_opens_a_session_via_the_page(client, make_dossier, people, council):
    dossier = at_council(make_dossier(), people)
    other = make_dossier()  # still a draft: never offered for the agenda
    secretary = as_user(client, people["secretary"])
    url = reverse("nominations:open_session")

    page = secretary.get(url)
    assert page.status_code == 200
    form = page.context["form"]
    assert form.total_members == 6
    assert list(form.fields["dossiers"].queryset) == [dossier]
    assert other not in form.fields["dossiers"].queryset

    absent = council.members[-1]
    present = [u.pk for u in council.members if u != absent]
    response = secretary.post(url, {"council": council.pk, "held_on": ddmmyyyy(timezone.localdate()),
                                    "dossiers": [dossier.pk], "present": present})
    session = CouncilSession.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("nominations:council_session", args=[session.pk])
    assert session.total_members == 6
    assert list(session.dossiers.all()) == [dossier]
    assert session.attendance.filter(present=True).count() == 5
    assert session.attendance.get(member=absent).present is False

    listing = secretary.get(reverse("nominations:council_sessions"))
    assert listing.status_code == 200
    assert list(listing.context["sessions"]) == [session]
    assert listing.context["sessions"][0].present_count == 5


def test_opening_a_session_without_agenda_shows_the_field_error(client, make_dossier, people, council):
    at_council(make_dossier(), people)
    response = as_user(client, people["secretary"]).post(reverse("nominations:open_session"), {
        "council": council.pk, "held_on": ddmmyyyy(timezone.localdate()),
        "present": [u.pk for u in council.members]})
    assert response.status_code == 200
    assert "dossiers" in response.context["form"].errors
    assert not CouncilSession.objects.exists()


def test_members_vote_via_the_page_and_see_only_their_own_vote(client, make_dossier, people, council):
    dossier = at_council(make_dossier(), people)
    nomination = dossier.nominations.get()
    session = open_session(council, people, [dossier])
    session_url = reverse("nominations:council_session", args=[session.pk])

    response = vote_via_page(client, session, people["member"], nomination, "yes")
    assert response.status_code == 302 and response.url == session_url
    response = vote_via_page(client, session, council.members[2], nomination, "no")
    assert response.status_code == 302
    assert Vote.objects.get(member=people["member"]).choice == "yes"
    assert Vote.objects.get(member=council.members[2]).written is False

    # Changing one's mind before the close replaces the vote.
    vote_via_page(client, session, people["member"], nomination, "abstain")
    assert Vote.objects.get(member=people["member"]).choice == "abstain"

    # A member sees their own vote and no count (ballot privacy before the close).
    page = as_user(client, people["member"]).get(session_url)
    assert page.status_code == 200
    assert page.context["show_counts"] is False
    [row] = page.context["rows"]
    assert row["my_vote"] == Vote.Choice.ABSTAIN.label
    assert "tally" not in row and "not_voted" not in row
    assert page.context["ballot_form"] is not None
    # The Board sees the agenda but no count either.
    page = as_user(client, people["officer"]).get(session_url)
    assert page.status_code == 200 and "tally" not in page.context["rows"][0]
    assert page.context["ballot_form"] is None

    # The secretary sees the live count and who has not voted yet.
    page = as_user(client, people["secretary"]).get(session_url)
    [row] = page.context["rows"]
    assert (row["tally"]["yes"], row["tally"]["no"], row["tally"]["abstain"]) == (0, 1, 1)
    assert len(row["not_voted"]) == 4

    # After the close everyone allowed sees the counts and the result.
    close_via_page(client, session, people["secretary"])
    page = as_user(client, people["member"]).get(session_url)
    [row] = page.context["rows"]
    assert row["tally"]["no"] == 1 and page.context["ballot_form"] is None


def test_vote_is_post_only_and_needs_a_choice(client, make_dossier, people, council):
    dossier = at_council(make_dossier(), people)
    session = open_session(council, people, [dossier])
    url = reverse("nominations:cast_votes", args=[session.pk])
    assert as_user(client, people["member"]).get(url).status_code == 405
    response = client.post(url, {})
    assert response.status_code == 200 and response.context["ballot_form"].errors
    response = client.post(url, {f"vote_{dossier.nominations.get().pk}": "maybe"})
    assert response.status_code == 200 and response.context["ballot_form"].errors
    assert not Vote.objects.exists()


def test_absent_member_cannot_vote_but_secretary_enters_the_written_opinion(client, make_dossier, people,
                                                                            council):
    dossier = at_council(make_dossier(), people)
    nomination = dossier.nominations.get()
    absent = council.members[-1]
    session = open_session(council, people, [dossier], absent=[absent])

    assert vote_via_page(client, session, absent, nomination, "yes").status_code == 403
    assert as_user(client, people["outsider"]).post(
        reverse("nominations:cast_votes", args=[session.pk]), {f"vote_{nomination.pk}": "yes"}).status_code == 403
    url = reverse("nominations:record_written_opinion", args=[session.pk])
    assert as_user(client, people["member"]).post(
        url, {"member": absent.pk, f"vote_{nomination.pk}": "yes"}).status_code == 403
    assert not Vote.objects.exists()

    # Only absent members can be chosen; a present member votes in person.
    response = as_user(client, people["secretary"]).post(
        url, {"member": people["member"].pk, f"vote_{nomination.pk}": "yes"})
    assert response.status_code == 200 and "member" in response.context["written_form"].errors
    response = client.post(url, {"member": absent.pk, f"vote_{nomination.pk}": "yes"})
    assert response.status_code == 302
    vote = Vote.objects.get()
    assert (vote.member, vote.choice, vote.written) == (absent, "yes", True)


def test_secretary_may_not_vote_for_a_present_member_in_the_service(make_dossier, people, council):
    from tdkt.core.errors import DomainError

    dossier = at_council(make_dossier(), people)
    session = open_session(council, people, [dossier])
    with pytest.raises(DomainError) as caught:
        services.cast_vote(session, dossier.nominations.get(), actor=people["secretary"], choice="yes",
                           member=people["member"])
    assert caught.value.field == "member"


@pytest.mark.parametrize(("yes", "passed"), [(5, False), (6, True)])
def test_cstd_tinh_needs_90_percent_of_the_total_membership(client, make_dossier, people, council, yes, passed):
    dossier = at_council(make_dossier(entry="CSTD_TINH"), people)
    assert dossier.attachments.count() == 5  # its checklist asks for more documents
    nomination = dossier.nominations.get()
    session = open_session(council, people, [dossier])
    session_url = reverse("nominations:council_session", args=[session.pk])

    page = as_user(client, people["member"]).get(session_url)
    assert "90" in page.context["rows"][0]["threshold"]
    for index, member in enumerate(council.members):
        response = vote_via_page(client, session, member, nomination, "yes" if index < yes else "no")
        assert response.status_code == 302

    # The close refuses anything but a real PDF or DOCX and changes nothing.
    response = close_via_page(client, session, people["secretary"],
                              SimpleUploadedFile("bien-ban.txt", b"minutes", content_type="text/plain"))
    assert response.status_code == 200 and "minutes" in response.context["close_form"].errors
    response = close_via_page(client, session, people["secretary"], SimpleUploadedFile("bien-ban.pdf", b"no pdf"))
    assert response.status_code == 200 and "minutes" in response.context["close_form"].errors
    session.refresh_from_db()
    assert session.state == CouncilSession.State.OPEN

    response = close_via_page(client, session, people["secretary"], docx())
    assert response.status_code == 302 and response.url == session_url
    session.refresh_from_db()
    dossier.refresh_from_db()
    nomination.refresh_from_db()
    assert session.state == CouncilSession.State.CLOSED and session.minutes
    assert dossier.status == Status.COUNCIL_DONE
    expected = Nomination.CouncilResult.PASSED if passed else Nomination.CouncilResult.FAILED
    assert nomination.council_result == expected
    if not passed:
        assert nomination.outcome == Nomination.Outcome.NOT_AWARDED and "5" in nomination.outcome_reason

    page = as_user(client, people["officer"]).get(session_url)
    assert page.context["rows"][0]["tally"]["passed"] is passed
    assert page.context["rows"][0]["tally"]["yes"] == yes
    assert as_user(client, people["member"]).get(
        reverse("nominations:session_minutes", args=[session.pk])).status_code == 200
    # Closed: no more votes.
    response = vote_via_page(client, session, people["member"], nomination, "yes")
    assert response.status_code == 302
    assert Vote.objects.filter(session=session, choice="yes").count() == yes


# --- decision -------------------------------------------------------------------------

def test_signer_issues_the_decision_via_the_page(client, make_dossier, people, council):
    dossier = council_done(make_dossier(), people, council)
    signer = as_user(client, people["signer"])
    url = reverse("nominations:issue_decision", args=[dossier.pk])

    page = signer.get(url)
    assert page.status_code == 200
    assert page.context["form"]["signer_title"].value() == "Phó Chủ tịch UBND tỉnh"
    [line] = page.context["lines"]
    assert line["money"] == 3_510_000 and page.context["total"] == 3_510_000

    today = timezone.localdate()
    response = signer.post(url, {"number": "123/QĐ-UBND", "issued_on": ddmmyyyy(today),
                                 "signer_title": "Phó Chủ tịch UBND tỉnh"})
    assert response.status_code == 302 and response.url == detail_url(dossier)
    dossier.refresh_from_db()
    assert dossier.status == Status.DECIDED
    decision = dossier.decision
    assert (decision.number, decision.issued_on, decision.signer) == ("123/QĐ-UBND", today, people["signer"])
    award = Award.objects.get()
    assert award.decision == decision and award.money_amount == 3_510_000
    assert dossier.nominations.get().award == award
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("123/QĐ-UBND" in m for m in messages)


@pytest.mark.parametrize("number", ["123-QĐ-UBND", "abc", "", "123/QĐ-UBND"])
def test_bad_or_used_decision_number_shows_a_field_error_and_creates_nothing(client, make_dossier, people,
                                                                           council, nominee, number):
    first = council_done(make_dossier(), people, council)
    today = timezone.localdate()
    services.issue_decision(first, actor=people["signer"], number="123/QĐ-UBND", issued_on=today)
    dossier = council_done(make_dossier(), people, council)
    awards, decisions = Award.objects.count(), Decision.objects.count()

    response = as_user(client, people["signer"]).post(
        reverse("nominations:issue_decision", args=[dossier.pk]),
        {"number": number, "issued_on": ddmmyyyy(today), "signer_title": "Phó Chủ tịch"})
    assert response.status_code == 200
    assert "number" in response.context["form"].errors
    assert (Award.objects.count(), Decision.objects.count()) == (awards, decisions)
    dossier.refresh_from_db()
    assert dossier.status == Status.COUNCIL_DONE and dossier.decision is None


def test_decision_page_lists_the_nominees_not_passing(client, make_dossier, people, council, units):
    from tdkt.organizations.models import Person

    dossier = make_dossier()
    second = Person.objects.create(full_name="Hoàng Văn Nam", gender="male", birth_date=date(1975, 1, 2),
                                   unit=units["school"], position="Giáo viên")
    services.add_nomination(dossier, actor=people["clerk"], subject=second, entry=dossier.nominations.get().entry,
                            achievement_summary="Hoàn thành tốt nhiệm vụ")
    at_council(dossier, people)
    passing, failing = dossier.nominations.order_by("id")
    session = open_session(council, people, [dossier])
    for member in council.members:
        services.cast_vote(session, passing, actor=member, choice="yes")
        services.cast_vote(session, failing, actor=member, choice="no")
    services.close_council_session(session, actor=people["secretary"])

    page = as_user(client, people["signer"]).get(reverse("nominations:issue_decision", args=[dossier.pk]))
    assert [line["nomination"] for line in page.context["lines"]] == [passing]
    [row] = page.context["not_passing"]
    assert row["nomination"] == failing and row["reason"]


# --- state level: public posting, forwarding, central result ------------------------

def test_state_level_award_is_posted_forwarded_and_decided_centrally(client, make_dossier, people, council,
                                                                     units):
    dossier = appraised(make_dossier(entry="HCLD3", kind="state_level"), people)
    nomination = dossier.nominations.get()
    url = reverse("nominations:open_consultation", args=[dossier.pk])
    assert as_user(client, people["officer"]).get(url).status_code == 403
    head = as_user(client, people["board_head"])

    page = head.get(url)
    assert page.status_code == 200 and page.context["needed"] == 10
    starts_on = timezone.localdate() - timedelta(days=40)
    # Too short a posting: the service's message lands on the end date, nothing is saved.
    response = head.post(url, {"starts_on": ddmmyyyy(starts_on),
                               "ends_on": ddmmyyyy(add_working_days(starts_on, 5)), "channel": ""})
    assert response.status_code == 200 and "ends_on" in response.context["form"].errors
    assert not Consultation.objects.exists()

    ends_on = add_working_days(starts_on, 11)
    response = head.post(url, {"starts_on": ddmmyyyy(starts_on), "ends_on": ddmmyyyy(ends_on),
                               "channel": "Báo Lạng Sơn"})
    consultation_url = reverse("nominations:consultation", args=[dossier.pk])
    assert response.status_code == 302 and response.url == consultation_url
    dossier.refresh_from_db()
    assert dossier.status == Status.IN_CONSULTATION
    assert (dossier.consultation.starts_on, dossier.consultation.ends_on) == (starts_on, ends_on)

    # The Board records a comment received; a council member may read but not record.
    officer = as_user(client, people["officer"])
    response = officer.post(consultation_url, {"author_name": "Nguyễn Văn Dân", "received_on": ddmmyyyy(ends_on),
                                               "nomination": nomination.pk, "body": "Đồng ý đề nghị khen thưởng."})
    assert response.status_code == 302
    comment = ConsultationComment.objects.get()
    assert (comment.nomination, comment.moderation, comment.recorded_by) == (nomination, "pending", people["officer"])
    assert officer.get(consultation_url).context["comments"][0] == comment
    member = as_user(client, people["member"])
    assert member.get(consultation_url).status_code == 200
    assert member.post(consultation_url, {"author_name": "X", "received_on": ddmmyyyy(ends_on),
                                          "body": "Y"}).status_code == 403
    assert ConsultationComment.objects.count() == 1

    # The posting ended in the past: the dossier may go to the council.
    services.send_to_council(dossier, actor=people["board_head"])
    session = open_session(council, people, [dossier])
    for member_user in council.members:
        assert vote_via_page(client, session, member_user, nomination, "yes").status_code == 302
    assert close_via_page(client, session, people["secretary"]).status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == Status.COUNCIL_DONE

    # The province cannot decide a state-level award: the page says so and offers no form.
    page = as_user(client, people["signer"]).get(reverse("nominations:issue_decision", args=[dossier.pk]))
    assert page.status_code == 200 and page.context["problem"]
    assert b'name="number"' not in page.content

    services.forward_to_central(dossier, actor=people["officer"])
    central_url = reverse("nominations:record_central_result", args=[dossier.pk])
    officer = as_user(client, people["officer"])
    page = officer.get(central_url)
    assert page.status_code == 200 and list(page.context["forwarded"]) == [nomination]
    assert units["province"] in page.context["form"].fields["issuer"].queryset

    decided_on = timezone.localdate() - timedelta(days=1)
    data = {"number": "1234/QĐ-CTN", "issued_on": ddmmyyyy(decided_on), "authority": "chu_tich_nuoc",
            "signer_name": "Lương Cường", "issuer": units["province"].pk, "refusal_reason": ""}
    # Nobody ticked and no reason: the reason field says what is missing.
    response = officer.post(central_url, data)
    assert response.status_code == 200 and "refusal_reason" in response.context["form"].errors
    assert not Decision.objects.exists()

    response = officer.post(central_url, {**data, "awarded": [nomination.pk]})
    assert response.status_code == 302 and response.url == detail_url(dossier)
    dossier.refresh_from_db()
    nomination.refresh_from_db()
    assert dossier.status == Status.DECIDED
    assert nomination.outcome == Nomination.Outcome.AWARDED
    decision = nomination.award.decision
    assert (decision.number, decision.authority, decision.source) == ("1234/QĐ-CTN", "chu_tich_nuoc", "central")
    assert nomination.award.money_amount == 10_530_000  # 4.5 × 2,340,000


def test_consultation_page_without_consultation_redirects(client, make_dossier, people):
    dossier = appraised(make_dossier(), people)
    response = as_user(client, people["officer"]).get(reverse("nominations:consultation", args=[dossier.pk]))
    assert response.status_code == 302 and response.url == detail_url(dossier)
