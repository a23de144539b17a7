"""Dossier pages up to the appraisal, through the Django test client.

Assertions are on data (codes, names, statuses in the database) and HTTP status
codes, not on translated text: the Vietnamese catalogue is written separately.
"""

from datetime import date, timedelta

import pytest
from django.contrib.messages import constants as message_levels
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tdkt.accounts.models import Role
from tdkt.conftest import pdf
from tdkt.nominations import services
from tdkt.nominations.models import Attachment, Dossier, Nomination, Status, SupplementItem, TimelineEvent
from tdkt.nominations.queries import worklist_for_user
from tdkt.nominations.views.dossiers import FORM_PAGES, SERVICES, WORKLIST_HEADINGS
from tdkt.nominations.workflow import TRANSITIONS, owner_role
from tdkt.organizations.models import Person

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


def codes(response) -> set[str]:
    return {dossier.code for dossier in response.context["page_obj"].object_list}


def messages_of(response, level=None):
    return [m for m in response.context["messages"] if level is None or m.level == level]


@pytest.fixture
def dossiers(make_dossier, people, council):
    """One education dossier in each early state, reached through the services."""
    clerk, head, officer, board_head = people["clerk"], people["head"], people["officer"], people["board_head"]
    draft = make_dossier()
    awaiting = make_dossier()
    services.request_approval(awaiting, actor=clerk)
    submitted = make_dossier()
    services.request_approval(submitted, actor=clerk)
    services.submit_dossier(submitted, actor=head)
    appraised = make_dossier()
    services.request_approval(appraised, actor=clerk)
    services.submit_dossier(appraised, actor=head)
    services.receive_dossier(appraised, actor=officer)
    services.appraise_nomination(appraised.nominations.get(), actor=officer, verdict="agree")
    services.complete_appraisal(appraised, actor=officer)
    at_council = make_dossier()
    services.request_approval(at_council, actor=clerk)
    services.submit_dossier(at_council, actor=head)
    services.receive_dossier(at_council, actor=officer)
    services.appraise_nomination(at_council.nominations.get(), actor=officer, verdict="agree")
    services.complete_appraisal(at_council, actor=officer)
    services.send_to_council(at_council, actor=board_head)
    return {"draft": draft, "awaiting": awaiting, "submitted": submitted, "appraised": appraised,
            "at_council": at_council}


# --- Work lists ------------------------------------------------------------------------------

@pytest.mark.parametrize("persona, expected", [
    ("clerk", {"draft"}),
    ("head", {"awaiting"}),
    ("officer", {"submitted"}),
    ("board_head", {"appraised"}),
    ("secretary", {"at_council"}),
    ("member", {"at_council"}),
    ("signer", set()),
    ("outsider", set()),
    # The admin sees every open dossier in its scope (province roles never see unit drafts).
    ("admin", {"submitted", "appraised", "at_council"}),
])
def test_each_role_sees_its_own_work(client, people, dossiers, persona, expected):
    user = people[persona]
    response = login(client, user).get(reverse("nominations:worklist"))
    assert response.status_code == 200
    assert codes(response) == {dossiers[name].code for name in expected}
    assert response.context["heading"] == WORKLIST_HEADINGS[user.role][0]  # each role's own work list
    for name, dossier in dossiers.items():
        assert (dossier.code in response.content.decode()) == (name in expected)
    if persona not in ("admin", "member"):
        for dossier in worklist_for_user(user):  # the SQL owner agrees with workflow.owner_role
            assert owner_role(dossier) == user.role


def test_work_lists_have_one_heading_per_role():
    headings = {role: heading for role, (heading, _intro) in WORKLIST_HEADINGS.items()}
    assert set(headings) == set(Role.values)
    assert len({str(h) for r, h in headings.items() if r != Role.COUNCIL_MEMBER}) == len(headings) - 1


def test_worklist_counts_filters_and_folded_search(client, people, make_dossier):
    clerk = people["clerk"]
    first = make_dossier()
    other = services.create_dossier(actor=clerk, unit=clerk.unit, title="Đề nghị tặng Bằng khen đột xuất",
                                    kind="sudden", year=2024)
    login(client, clerk)
    response = client.get(reverse("nominations:worklist"))
    assert dict((value, n) for value, _label, n in response.context["counts"]) == {"draft": 2}
    assert codes(client.get(reverse("nominations:worklist"), {"q": "de nghi tang bang khen"})) == {other.code}
    assert codes(client.get(reverse("nominations:worklist"), {"q": first.code.lower()})) == {first.code}
    assert codes(client.get(reverse("nominations:worklist"), {"kind": "sudden"})) == {other.code}
    assert codes(client.get(reverse("nominations:worklist"), {"year": 2025})) == {first.code}
    assert codes(client.get(reverse("nominations:worklist"), {"q": "khong co"})) == set()
    # A bad filter value is ignored rather than breaking the page.
    assert client.get(reverse("nominations:worklist"), {"year": "abc"}).status_code == 200


def test_worklist_paginates_by_25(client, people):
    clerk = people["clerk"]
    for number in range(27):
        services.create_dossier(actor=clerk, unit=clerk.unit, title=f"Hồ sơ {number}", kind="annual", year=2025)
    login(client, clerk)
    first = client.get(reverse("nominations:worklist"))
    second = client.get(reverse("nominations:worklist"), {"page": 2})
    assert len(codes(first)) == 25 and len(codes(second)) == 2
    assert not codes(first) & codes(second)


def test_list_shows_scope_and_create_button_only_for_clerks(client, people, dossiers):
    login(client, people["clerk"])
    response = client.get(reverse("nominations:list"))
    assert codes(response) == {d.code for d in dossiers.values()}
    assert response.context["can_create"]
    client.logout()
    login(client, people["officer"])
    response = client.get(reverse("nominations:list"))
    assert codes(response) == {dossiers[n].code for n in ("submitted", "appraised", "at_council")}
    assert not response.context["can_create"]
    client.logout()
    assert codes(login(client, people["outsider"]).get(reverse("nominations:list"))) == set()


# --- Scope: URL guessing reveals nothing ----------------------------------------------------------

def test_outsider_gets_404_everywhere_on_the_education_dossier(client, people, make_dossier):
    dossier = make_dossier()
    attachment = dossier.attachments.first()
    nomination = dossier.nominations.get()
    attachments_before = dossier.attachments.count()
    login(client, people["outsider"])
    gets = [
        reverse("nominations:detail", args=[dossier.pk]),
        reverse("nominations:attachment_download", args=[dossier.pk, attachment.pk]),
        reverse("nominations:transition", args=[dossier.pk, "request_approval"]),
        reverse("nominations:nomination_add", args=[dossier.pk]),
        reverse("nominations:subject_suggestions", args=[dossier.pk]),
        reverse("nominations:attachment_add", args=[dossier.pk]),
        reverse("nominations:return_for_supplement", args=[dossier.pk]),
        reverse("nominations:appraise", args=[dossier.pk]),
    ]
    for url in gets:
        assert client.get(url).status_code == 404, url
    posts = [
        reverse("nominations:transition", args=[dossier.pk, "request_approval"]),
        reverse("nominations:transition", args=[dossier.pk, "withdraw"]),
        reverse("nominations:nomination_remove", args=[dossier.pk, nomination.pk]),
        reverse("nominations:attachment_remove", args=[dossier.pk, attachment.pk]),
    ]
    for url in posts:
        assert client.post(url, {"note": "x"}).status_code == 404, url
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT
    assert dossier.nominations.count() == 1 and dossier.attachments.count() == attachments_before


def test_board_cannot_see_unit_drafts_and_unknown_ids_are_404(client, people, make_dossier):
    dossier = make_dossier()
    login(client, people["officer"])
    assert client.get(reverse("nominations:detail", args=[dossier.pk])).status_code == 404
    assert client.get(reverse("nominations:detail", args=[dossier.pk + 999])).status_code == 404


def test_anonymous_users_are_sent_to_sign_in(client, make_dossier):
    dossier = make_dossier()
    response = client.get(reverse("nominations:detail", args=[dossier.pk]))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


# --- Clerk: building a dossier ---------------------------------------------------------------------

def test_clerk_creates_a_dossier_and_adds_an_existing_nominee(client, people, catalogue, nominee, units):
    clerk = people["clerk"]
    login(client, clerk)
    assert client.get(reverse("nominations:create")).status_code == 200
    response = client.post(reverse("nominations:create"), {
        "title": "Khen thưởng năm học 2024-2025", "kind": "annual", "year": 2025, "unit": units["school"].pk})
    dossier = Dossier.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("nominations:detail", args=[dossier.pk])
    assert dossier.unit == units["school"] and dossier.created_by == clerk and dossier.status == Status.DRAFT

    add_url = reverse("nominations:nomination_add", args=[dossier.pk])
    page = client.get(add_url, {"kind": "person", "q": "nguyen thi dao"})  # no-JS search
    assert page.status_code == 200 and nominee in page.context["choices"]
    fragment = client.get(reverse("nominations:subject_suggestions", args=[dossier.pk]),
                          {"kind": "person", "q": "ĐÀO"}, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200 and "Nguyễn Thị Đào" in fragment.content.decode()
    assert "<html" not in fragment.content.decode()
    assert nominee not in client.get(reverse("nominations:subject_suggestions", args=[dossier.pk]),
                                     {"kind": "person", "q": "tran van"}).context["choices"]

    response = client.post(add_url, {
        "subject_kind": "person", "subject": nominee.pk, "entry": catalogue["BK_TINH"].pk,
        "achievement_summary": "Hoàn thành xuất sắc nhiệm vụ", "position_text": "Giáo viên",
        "period_from_year": 2025, "period_to_year": 2025})
    assert response.status_code == 302
    nomination = dossier.nominations.get()
    assert nomination.person == nominee and nomination.entry.code == "BK_TINH"
    assert client.get(reverse("nominations:detail", args=[dossier.pk])).context["nominations"] == [nomination]


def test_clerk_registers_a_new_person_inline_and_identifier_clashes_show_on_the_field(client, people, catalogue,
                                                                                      nominee, units):
    clerk = people["clerk"]
    Person.objects.filter(pk=nominee.pk).update(national_id="001080000001")
    dossier = services.create_dossier(actor=clerk, unit=clerk.unit, title="Khen thưởng", kind="annual", year=2025)
    login(client, clerk)
    add_url = reverse("nominations:nomination_add", args=[dossier.pk])
    form = {"subject_kind": "person", "entry": catalogue["BK_TINH"].pk, "achievement_summary": "Xuất sắc",
            "new-full_name": "Hoàng Văn Nam", "new-gender": "male", "new-birth_date": "02/09/1985",
            "new-ethnicity": "Tày", "new-position": "Giáo viên", "new-unit": units["school"].pk,
            "new-national_id": "001080000001", "new-civil_servant_code": ""}
    response = client.post(add_url, form)
    assert response.status_code == 200
    assert "national_id" in response.context["person_form"].errors
    assert not Person.objects.filter(full_name="Hoàng Văn Nam").exists() and not dossier.nominations.exists()

    form["new-national_id"] = "001085000002"
    response = client.post(add_url, form)
    assert response.status_code == 302
    person = Person.objects.get(full_name="Hoàng Văn Nam")
    assert person.birth_date == date(1985, 9, 2) and person.unit == units["school"] and person.ethnicity == "Tày"
    assert dossier.nominations.get().person == person


def test_nominee_form_errors_name_the_field_and_domain_errors_save_nothing(client, people, catalogue, nominee):
    clerk = people["clerk"]
    dossier = services.create_dossier(actor=clerk, unit=clerk.unit, title="Khen thưởng", kind="annual", year=2025)
    login(client, clerk)
    add_url = reverse("nominations:nomination_add", args=[dossier.pk])
    # Nothing chosen, no summary.
    response = client.post(add_url, {"subject_kind": "person", "entry": catalogue["BK_TINH"].pk})
    assert response.status_code == 200
    assert {"subject", "achievement_summary"} <= set(response.context["form"].errors)
    # A state-level award in a province dossier: the use case refuses, on the entry field.
    # (Not offered in the select, so the form itself refuses it as an invalid choice.)
    response = client.post(add_url, {"subject_kind": "person", "subject": nominee.pk,
                                     "entry": catalogue["HCLD3"].pk, "achievement_summary": "x"})
    assert "entry" in response.context["form"].errors
    # A new person born on an impossible date.
    response = client.post(add_url, {"subject_kind": "person", "entry": catalogue["BK_TINH"].pk,
                                     "achievement_summary": "x", "new-full_name": "Lò Thị Hoa", "new-gender": "female",
                                     "new-birth_date": "31/02/1990", "new-unit": clerk.unit.pk})
    assert "birth_date" in response.context["person_form"].errors
    # The same nominee twice: DomainError from the service shown on the form, nothing saved.
    services.add_nomination(dossier, actor=clerk, subject=nominee, entry=catalogue["BK_TINH"],
                            achievement_summary="Xuất sắc")
    response = client.post(add_url, {"subject_kind": "person", "subject": nominee.pk,
                                     "entry": catalogue["BK_TINH"].pk, "achievement_summary": "lần hai"})
    assert response.status_code == 200 and "entry" in response.context["form"].errors
    assert dossier.nominations.count() == 1


def test_clerk_cannot_pick_a_nominee_outside_scope(client, people, catalogue, units):
    clerk = people["clerk"]
    stranger = Person.objects.create(full_name="Trần Văn Y", gender="male", unit=units["health"])
    dossier = services.create_dossier(actor=clerk, unit=clerk.unit, title="Khen thưởng", kind="annual", year=2025)
    login(client, clerk)
    assert stranger not in client.get(reverse("nominations:nomination_add", args=[dossier.pk]),
                                      {"q": "tran van"}).context["choices"]
    response = client.post(reverse("nominations:nomination_add", args=[dossier.pk]), {
        "subject_kind": "person", "subject": stranger.pk, "entry": catalogue["BK_TINH"].pk,
        "achievement_summary": "x"})
    assert response.status_code == 200 and "subject" in response.context["form"].errors
    assert not dossier.nominations.exists()


def test_remove_nominee_is_post_only(client, people, make_dossier):
    dossier = make_dossier()
    nomination = dossier.nominations.get()
    login(client, people["clerk"])
    url = reverse("nominations:nomination_remove", args=[dossier.pk, nomination.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    assert not dossier.nominations.exists()
    assert dossier.timeline.filter(event_type="nomination.removed").exists()


def test_only_clerks_create_dossiers(client, people):
    assert login(client, people["officer"]).get(reverse("nominations:create")).status_code == 403


# --- Documents -------------------------------------------------------------------------------------

def test_upload_download_and_remove_a_document(client, people, make_dossier, settings):
    dossier = make_dossier()
    nomination = dossier.nominations.get()
    login(client, people["clerk"])
    url = reverse("nominations:attachment_add", args=[dossier.pk])
    response = client.post(url, {"kind": "khac", "nomination": nomination.pk, "file": pdf("giay-xac-nhan.pdf")})
    assert response.status_code == 302
    attachment = Attachment.objects.get(original_name="giay-xac-nhan.pdf")
    assert attachment.nomination == nomination

    # A text file renamed .pdf is refused on the file field; nothing is stored.
    fake = SimpleUploadedFile("gia-mao.pdf", b"not a pdf at all", content_type="application/pdf")
    response = client.post(url, {"kind": "khac", "file": fake})
    assert response.status_code == 200 and "file" in response.context["form"].errors
    assert not Attachment.objects.filter(original_name="gia-mao.pdf").exists()

    download = client.get(reverse("nominations:attachment_download", args=[dossier.pk, attachment.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "attachment" in download["Content-Disposition"]

    detail = client.get(reverse("nominations:detail", args=[dossier.pk])).content.decode()
    assert reverse("nominations:attachment_download", args=[dossier.pk, attachment.pk]) in detail
    assert settings.MEDIA_URL not in detail  # never a public media URL

    remove = reverse("nominations:attachment_remove", args=[dossier.pk, attachment.pk])
    assert client.get(remove).status_code == 405
    assert client.post(remove).status_code == 302
    assert not Attachment.objects.filter(pk=attachment.pk).exists()


# --- Workflow actions ---------------------------------------------------------------------------------

def test_submitting_an_empty_dossier_shows_the_error_and_changes_nothing(client, people):
    clerk = people["clerk"]
    dossier = services.create_dossier(actor=clerk, unit=clerk.unit, title="Hồ sơ trống", kind="annual", year=2025)
    events_before = dossier.timeline.count()
    login(client, clerk)
    response = client.post(reverse("nominations:transition", args=[dossier.pk, "request_approval"]), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("nominations:detail", args=[dossier.pk])
    assert len(messages_of(response, message_levels.ERROR)) == 1
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT
    assert dossier.timeline.count() == events_before
    assert not TimelineEvent.objects.filter(dossier=dossier, event_type="dossier.approval_requested").exists()


def test_the_unit_approves_through_the_pages(client, people, make_dossier):
    dossier = make_dossier()
    login(client, people["clerk"])
    detail = client.get(reverse("nominations:detail", args=[dossier.pk]))
    assert [a["name"] for a in detail.context["actions"]] == ["request_approval", "withdraw"]
    assert client.post(reverse("nominations:transition", args=[dossier.pk, "request_approval"])).status_code == 302
    client.logout()
    login(client, people["head"])
    # The head may not take the clerk's action.
    assert client.post(reverse("nominations:transition", args=[dossier.pk, "request_approval"])).status_code == 403
    client.post(reverse("nominations:transition", args=[dossier.pk, "submit"]), {"note": "Đồng ý trình"})
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED
    assert dossier.timeline.filter(event_type="dossier.submitted", note="Đồng ý trình").exists()


def test_required_reason_is_asked_for_and_nothing_moves_without_it(client, people, make_dossier):
    dossier = make_dossier()
    login(client, people["clerk"])
    url = reverse("nominations:transition", args=[dossier.pk, "withdraw"])
    response = client.post(url, {"note": "  "})
    assert response.status_code == 200 and "note" in response.context["form"].errors
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT
    client.post(url, {"note": "Trùng với hồ sơ khác"})
    dossier.refresh_from_db()
    assert dossier.status == Status.WITHDRAWN


def test_every_transition_goes_through_a_use_case_or_its_own_page():
    assert set(SERVICES) | set(FORM_PAGES) == set(TRANSITIONS)
    assert not set(SERVICES) & set(FORM_PAGES)


def test_unknown_action_is_404_and_form_actions_redirect(client, people, dossiers):
    login(client, people["officer"])
    submitted = dossiers["submitted"]
    assert client.post(reverse("nominations:transition", args=[submitted.pk, "explode"])).status_code == 404
    response = client.get(reverse("nominations:transition", args=[submitted.pk, "return_for_supplement"]))
    assert response.status_code == 302
    assert response["Location"] == reverse("nominations:return_for_supplement", args=[submitted.pk])


def test_list_pages_do_not_query_per_row(client, people, dossiers, django_assert_max_num_queries):
    login(client, people["admin"])
    for name in ("worklist", "list", "overdue"):
        with django_assert_max_num_queries(12):
            assert client.get(reverse(f"nominations:{name}")).status_code == 200


def test_every_role_can_open_the_dossiers_it_sees(client, people, dossiers):
    for persona in ("clerk", "head", "officer", "board_head", "secretary", "member", "signer", "admin"):
        client.logout()
        login(client, people[persona])
        for dossier in dossiers.values():
            response = client.get(reverse("nominations:detail", args=[dossier.pk]))
            assert response.status_code in (200, 404)
            if response.status_code == 200:
                assert response.context["dossier"] == dossier


# --- Board: return for supplement and appraisal --------------------------------------------------------

def test_return_with_items_per_nominee_shows_them_to_the_clerk(client, people, submitted_dossier):
    dossier = submitted_dossier
    nomination = dossier.nominations.get()
    login(client, people["officer"])
    client.post(reverse("nominations:transition", args=[dossier.pk, "receive"]))
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED
    url = reverse("nominations:return_for_supplement", args=[dossier.pk])
    page = client.get(url)
    assert f"item_{nomination.pk}" in page.context["form"].fields
    # The reason is required.
    response = client.post(url, {f"item_{nomination.pk}": "Bổ sung bản sao bằng khen năm 2023"})
    assert response.status_code == 200 and "reason" in response.context["form"].errors
    assert Dossier.objects.get(pk=dossier.pk).status == Status.RECEIVED

    response = client.post(url, {"reason": "Hồ sơ chưa đủ minh chứng",
                                 f"item_{nomination.pk}": "Bổ sung bản sao bằng khen năm 2023",
                                 "item_dossier": "Tờ trình thiếu chữ ký thủ trưởng"})
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED
    items = {(item.nomination_id, item.text) for item in SupplementItem.objects.filter(dossier=dossier)}
    assert items == {(nomination.pk, "Bổ sung bản sao bằng khen năm 2023"), (None, "Tờ trình thiếu chữ ký thủ trưởng")}

    client.logout()
    login(client, people["clerk"])
    assert dossier.code in codes(client.get(reverse("nominations:worklist")))
    detail = client.get(reverse("nominations:detail", args=[dossier.pk]))
    html = detail.content.decode()
    assert "Bổ sung bản sao bằng khen năm 2023" in html and "Tờ trình thiếu chữ ký thủ trưởng" in html
    assert len(detail.context["open_items"]) == 2
    assert [item.text for item in detail.context["nominations"][0].open_items] == ["Bổ sung bản sao bằng khen năm 2023"]
    assert detail.context["editable"]


def test_only_the_board_officer_returns_a_dossier(client, people, submitted_dossier):
    login(client, people["board_head"])
    url = reverse("nominations:return_for_supplement", args=[submitted_dossier.pk])
    assert client.post(url, {"reason": "x"}).status_code == 403
    assert Dossier.objects.get(pk=submitted_dossier.pk).status == Status.SUBMITTED


def test_appraisal_via_the_page(client, people, make_dossier, catalogue, units):
    clerk = people["clerk"]
    dossier = make_dossier()
    second = Person.objects.create(full_name="Vi Thị Hằng", gender="female", unit=units["school"])
    services.add_nomination(dossier, actor=clerk, subject=second, entry=catalogue["BK_TINH"],
                            achievement_summary="Hoàn thành tốt nhiệm vụ")
    services.request_approval(dossier, actor=clerk)
    services.submit_dossier(dossier, actor=people["head"])
    first_nomination, second_nomination = dossier.nominations.order_by("pk")
    login(client, people["officer"])
    url = reverse("nominations:appraise", args=[dossier.pk])
    assert client.get(url).status_code == 302  # not received yet: back to the dossier
    client.post(reverse("nominations:transition", args=[dossier.pk, "receive"]))
    assert client.get(url).status_code == 200

    # "Disagree" needs a comment: nothing is saved, not even the valid row.
    response = client.post(url, {f"n{first_nomination.pk}-verdict": "agree",
                                 f"n{second_nomination.pk}-verdict": "disagree"})
    assert response.status_code == 200
    assert not Nomination.objects.exclude(appraisal_verdict="").exists()

    response = client.post(url, {f"n{first_nomination.pk}-verdict": "agree",
                                 f"n{second_nomination.pk}-verdict": "disagree",
                                 f"n{second_nomination.pk}-comment": "Chưa đủ thời gian công tác"})
    assert response.status_code == 302
    first_nomination.refresh_from_db()
    second_nomination.refresh_from_db()
    assert first_nomination.appraisal_verdict == "agree" and first_nomination.appraised_by == people["officer"]
    assert second_nomination.appraisal_verdict == "disagree"
    assert second_nomination.appraisal_comment == "Chưa đủ thời gian công tác"

    assert client.get(url).context["complete"]["blocked"] == ""
    client.post(reverse("nominations:transition", args=[dossier.pk, "complete_appraisal"]), {"note": ""})
    dossier.refresh_from_db()
    assert dossier.status == Status.APPRAISED
    assert dossier.timeline.filter(event_type="dossier.appraised", actor=people["officer"]).exists()


def test_completing_without_verdicts_is_refused(client, people, submitted_dossier):
    services.receive_dossier(submitted_dossier, actor=people["officer"])
    login(client, people["officer"])
    response = client.post(reverse("nominations:transition", args=[submitted_dossier.pk, "complete_appraisal"]),
                           follow=True)
    assert len(messages_of(response, message_levels.ERROR)) == 1
    assert Dossier.objects.get(pk=submitted_dossier.pk).status == Status.RECEIVED


# --- Overdue ------------------------------------------------------------------------------------------

def test_overdue_lists_dossiers_past_their_step_due_date(client, people, dossiers):
    today = timezone.localdate()
    late = dossiers["submitted"]
    Dossier.objects.filter(pk=late.pk).update(step_due_on=today - timedelta(days=14))
    Dossier.objects.filter(pk=dossiers["appraised"].pk).update(step_due_on=today + timedelta(days=3))
    login(client, people["officer"])
    response = client.get(reverse("nominations:overdue"))
    assert response.status_code == 200
    rows = response.context["page_obj"].object_list
    assert [d.code for d in rows] == [late.code]
    assert rows[0].days_overdue >= 8 and rows[0].owner == "board_officer"
    # The officer's work list flags it too.
    worklist = client.get(reverse("nominations:worklist"))
    assert [d.is_overdue for d in worklist.context["page_obj"].object_list] == [True]
    assert worklist.context["overdue_count"] == 1
    # Filtered by who must act.
    assert codes(client.get(reverse("nominations:overdue"), {"owner": "board_head"})) == set()
    assert codes(client.get(reverse("nominations:overdue"), {"owner": "board_officer"})) == {late.code}
    client.logout()
    # The clerk of the unit follows its dossiers too; another unit's clerk sees nothing.
    assert codes(login(client, people["clerk"]).get(reverse("nominations:overdue"))) == {late.code}
    client.logout()
    assert codes(login(client, people["outsider"]).get(reverse("nominations:overdue"))) == set()


def test_overdue_groups_unit_steps_by_unit(client, people, make_dossier, units):
    clerk = people["clerk"]
    yesterday_week = timezone.localdate() - timedelta(days=7)
    at_school = services.create_dossier(actor=clerk, unit=units["school"], title="Trường", kind="annual", year=2025)
    at_department = make_dossier()
    Dossier.objects.filter(pk__in=[at_school.pk, at_department.pk]).update(step_due_on=yesterday_week)
    response = login(client, people["head"]).get(reverse("nominations:overdue"))
    groups = {d.code: d.group_key for d in response.context["page_obj"].object_list}
    assert set(groups) == {at_school.code, at_department.code}
    assert groups[at_school.code] != groups[at_department.code]


# --- Method and CSRF ----------------------------------------------------------------------------------

def test_changes_need_the_csrf_token(people, make_dossier):
    from django.test import Client

    dossier = make_dossier()
    client = login(Client(enforce_csrf_checks=True), people["clerk"])
    response = client.post(reverse("nominations:transition", args=[dossier.pk, "request_approval"]))
    assert response.status_code == 403
    assert Dossier.objects.get(pk=dossier.pk).status == Status.DRAFT


def test_a_submitted_dossier_can_no_longer_be_edited_from_the_pages(client, people, submitted_dossier, catalogue,
                                                                   nominee):
    login(client, people["clerk"])
    for name in ("nomination_add", "attachment_add"):
        response = client.get(reverse(f"nominations:{name}", args=[submitted_dossier.pk]), follow=True)
        assert response.redirect_chain[-1][0] == reverse("nominations:detail", args=[submitted_dossier.pk])
        assert len(messages_of(response, message_levels.ERROR)) == 1
    nomination = submitted_dossier.nominations.get()
    response = client.post(reverse("nominations:nomination_remove", args=[submitted_dossier.pk, nomination.pk]),
                           follow=True)
    assert len(messages_of(response, message_levels.ERROR)) == 1
    assert submitted_dossier.nominations.filter(pk=nomination.pk).exists()
    assert not client.get(reverse("nominations:detail", args=[submitted_dossier.pk])).context["editable"]


def test_checklist_ticks_documents_per_proposed_award(client, people, catalogue, nominee):
    clerk = people["clerk"]
    dossier = services.create_dossier(actor=clerk, unit=clerk.unit, title="Khen thưởng", kind="annual", year=2025)
    nomination = services.add_nomination(dossier, actor=clerk, subject=nominee, entry=catalogue["BK_TINH"],
                                         achievement_summary="Xuất sắc")
    login(client, clerk)
    required = catalogue["BK_TINH"].checklist
    [row] = client.get(reverse("nominations:detail", args=[dossier.pk])).context["checklist"]
    assert [kind for kind, _label, _ok, _lacking in row.items] == required
    assert not row.complete and all(lacking == [nominee.full_name] for *_rest, lacking in row.items)
    services.add_attachment(dossier, actor=clerk, kind=required[0], uploaded=pdf(), nomination=nomination)
    for kind in required[1:]:
        services.add_attachment(dossier, actor=clerk, kind=kind, uploaded=pdf(f"{kind}.pdf"))
    [row] = client.get(reverse("nominations:detail", args=[dossier.pk])).context["checklist"]
    assert row.complete
    # The upload form can be opened with the missing document preselected.
    form = client.get(reverse("nominations:attachment_add", args=[dossier.pk]),
                      {"kind": required[0], "nomination": nomination.pk}).context["form"]
    assert form.initial["kind"] == required[0]
