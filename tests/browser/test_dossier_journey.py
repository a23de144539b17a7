"""One dossier from the clerk's draft to the archive, through the real pages in Chromium.

clerk creates the dossier, adds a nominee and the documents, sends it to the head
→ unit head approves and submits → Board officer receives and appraises
→ Board head sends it to the council → council secretary opens a meeting, every
member votes, the secretary closes it with the minutes → the signer issues the
decision → a user of another unit finds the award in the archive by typing the
name without diacritics.

After each step the database is checked (the status users rely on), and a
screenshot is saved under $TDKT_ARTIFACTS.
"""

import re

import pytest
from django.utils import timezone

from tdkt.nominations.models import CouncilSession, Dossier, Nomination, Status, TimelineEvent
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
DOCUMENTS = ["to_trinh", "bao_cao_thanh_tich", "bien_ban"]  # BK_TINH's checklist


def pdf_file(name: str) -> dict:
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


def click_action(page, dossier_pk: int, name: str) -> None:
    """Press the button of a generic workflow action on the dossier page."""
    page.goto(f"/ho-so/{dossier_pk}/")
    page.locator(f'form[action="/ho-so/{dossier_pk}/chuyen/{name}/"] button[type=submit]').click()
    page.wait_for_load_state()


def status_of(pk: int) -> str:
    return Dossier.objects.get(pk=pk).status


def test_dossier_from_draft_to_archive(open_page, people, catalogue, council, nominee):
    year = timezone.localdate().year
    entry = catalogue["BK_TINH"]

    # --- The unit's clerk prepares the dossier --------------------------------------------------
    clerk = open_page("clerk")
    clerk.goto("/ho-so/tao-moi/")
    clerk.fill("#id_title", "Khen thưởng tổng kết năm học")
    clerk.select_option("#id_kind", "annual")
    clerk.fill("#id_year", str(year))
    clerk.locator("form:has(#id_title) button.primary").click()
    clerk.wait_for_url(re.compile(r"/ho-so/\d+/$"))
    pk = int(re.search(r"/ho-so/(\d+)/$", clerk.url).group(1))
    dossier = Dossier.objects.get(pk=pk)
    assert (dossier.title, dossier.status, dossier.unit_id) == ("Khen thưởng tổng kết năm học", Status.DRAFT,
                                                               people["clerk"].unit_id)

    clerk.goto(f"/ho-so/{pk}/de-nghi/them/")
    clerk.fill("#subject-search input[name=q]", "dao")  # the search folds diacritics
    clerk.locator("#subject-search input[name=q]").press("Enter")
    clerk.wait_for_load_state()
    clerk.locator(f'input[name=subject][value="{nominee.pk}"]').check()
    clerk.select_option("select[name=entry]", str(entry.pk))
    clerk.fill("input[name=position_text]", "Giáo viên, Trường THPT Việt Bắc")
    clerk.fill("textarea[name=achievement_summary]", "Hoàn thành xuất sắc nhiệm vụ năm học; 3 sáng kiến.")
    clerk.locator("form[method=post] button.primary").click()
    clerk.wait_for_url(f"**/ho-so/{pk}/")
    nomination = Nomination.objects.get(dossier_id=pk)
    assert (nomination.person_id, nomination.entry_id) == (nominee.pk, entry.pk)

    for kind in DOCUMENTS:
        clerk.goto(f"/ho-so/{pk}/tai-lieu/them/")
        clerk.select_option("select[name=kind]", kind)
        clerk.set_input_files("input[name=file]", pdf_file(f"{kind}.pdf"))
        clerk.locator("form[enctype='multipart/form-data'] button.primary").click()
        clerk.wait_for_url(f"**/ho-so/{pk}/")
    assert sorted(dossier.attachments.values_list("kind", flat=True)) == sorted(DOCUMENTS)
    screenshot(clerk, "01-clerk-dossier-ready")

    click_action(clerk, pk, "request_approval")
    assert status_of(pk) == Status.AWAITING_HEAD

    # --- The unit head approves and submits ---------------------------------------------------------
    head = open_page("head")
    click_action(head, pk, "submit")
    assert status_of(pk) == Status.SUBMITTED
    screenshot(head, "02-head-submitted")

    # --- The Board officer receives and appraises -----------------------------------------------------
    officer = open_page("officer")
    click_action(officer, pk, "receive")
    assert status_of(pk) == Status.RECEIVED
    officer.goto(f"/ho-so/{pk}/tham-dinh/")
    officer.locator(f'input[name="n{nomination.pk}-verdict"][value=agree]').check()
    officer.fill(f'textarea[name="n{nomination.pk}-comment"]', "Đủ điều kiện theo Điều 74 Luật TĐKT 2022")
    officer.locator("form:has(input[type=radio]) button.primary").click()
    officer.wait_for_load_state()
    nomination.refresh_from_db()
    assert nomination.appraisal_verdict == Nomination.Verdict.AGREE
    assert nomination.appraised_by == people["officer"]
    screenshot(officer, "03-officer-appraisal")
    officer.locator(f'form[action="/ho-so/{pk}/chuyen/complete_appraisal/"] button[type=submit]').click()
    officer.wait_for_load_state()
    assert status_of(pk) == Status.APPRAISED

    # --- The Board head sends it to the council ---------------------------------------------------------
    board_head = open_page("board_head")
    click_action(board_head, pk, "send_to_council")
    assert status_of(pk) == Status.AT_COUNCIL

    # --- The council: the secretary opens a meeting, every member votes, the secretary closes it ------
    secretary = open_page("secretary")
    secretary.goto("/ho-so/hoi-dong/phien-hop-moi/")
    secretary.locator(f'input[name=dossiers][value="{pk}"]').check()
    for member in council.members:  # everybody present (the default; made explicit)
        secretary.locator(f'input[name=present][value="{member.pk}"]').check()
    secretary.locator("form.council-form button.primary").click()
    secretary.wait_for_url(re.compile(r"/hoi-dong/phien-hop/\d+/$"))
    session = CouncilSession.objects.get(dossiers__pk=pk)
    assert session.total_members == 6
    assert session.attendance.filter(present=True).count() == 6

    def vote(page, choice="yes"):
        page.goto(f"/ho-so/hoi-dong/phien-hop/{session.pk}/")
        page.locator(f'input[name="vote_{nomination.pk}"][value="{choice}"]').check()
        page.locator(f'form[action="/ho-so/hoi-dong/phien-hop/{session.pk}/bo-phieu/"] button.primary').click()
        page.wait_for_load_state()

    vote(secretary)
    for member in council.members:
        if member.username != "secretary":
            vote(open_page(member.username))
    assert session.votes.filter(nomination=nomination, choice="yes").count() == 6

    secretary.goto(f"/ho-so/hoi-dong/phien-hop/{session.pk}/")
    screenshot(secretary, "04-council-before-closing")
    secretary.set_input_files("input[name=minutes]", pdf_file("bien-ban-hop-hoi-dong.pdf"))
    secretary.locator(f'form[action="/ho-so/hoi-dong/phien-hop/{session.pk}/ket-thuc/"] button.primary').click()
    secretary.wait_for_load_state()
    session.refresh_from_db()
    assert session.state == CouncilSession.State.CLOSED
    assert session.minutes
    nomination.refresh_from_db()
    assert nomination.council_result == Nomination.CouncilResult.PASSED
    assert status_of(pk) == Status.COUNCIL_DONE
    screenshot(secretary, "05-council-closed")

    # --- The signer issues the decision ---------------------------------------------------------------------
    signer = open_page("signer")
    signer.goto(f"/ho-so/{pk}/quyet-dinh/")
    signer.fill("input[name=number]", "215/QĐ-UBND")
    signer.locator("form:has(input[name=number]) button.primary").click()
    signer.wait_for_url(f"**/ho-so/{pk}/")
    dossier.refresh_from_db()
    assert dossier.status == Status.DECIDED
    assert dossier.decision.number == "215/QĐ-UBND"
    nomination.refresh_from_db()
    assert nomination.outcome == Nomination.Outcome.AWARDED
    assert nomination.award.money_amount > 0
    screenshot(signer, "06-signer-decided")

    # Every step is on the timeline, with who did it.
    moves = list(TimelineEvent.objects.filter(dossier_id=pk).exclude(to_status="")
                 .order_by("at", "id").values_list("to_status", "actor__username"))
    assert moves == [("awaiting_head", "clerk"), ("submitted", "head"), ("received", "officer"),
                     ("appraised", "officer"), ("at_council", "board_head"), ("council_done", "secretary"),
                     ("decided", "signer")]

    # --- Anyone finds the award in the archive by the unaccented name ----------------------------------------
    reader = open_page("outsider")  # a clerk of another unit: the archive is province-wide
    reader.goto("/luu-tru/")
    reader.fill("input[name=q]", "nguyen thi dao")
    reader.locator("input[name=q]").press("Enter")
    reader.wait_for_url(re.compile(r"/luu-tru/\?"))
    results = reader.locator("table.archive tbody")
    assert "Nguyễn Thị Đào" in results.inner_text()
    assert "215/QĐ-UBND" in results.inner_text()
    assert results.locator("tr").count() == 1
    screenshot(reader, "07-archive-search")
