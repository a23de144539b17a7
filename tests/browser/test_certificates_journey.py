"""An officer prints a decision's certificates, moves a field on the layout with the live preview,
and a member of the public verifies a certificate by its code."""

import io

import pypdf
from django.urls import reverse

from tdkt.decisions import certificates
from tdkt.decisions.tests.test_certificates import make_decision
from tdkt.documents.certificate_models import CertificateLayout
from tests.browser.conftest import screenshot


def test_officer_prints_certificates_and_adjusts_the_layout(open_page, people, units, catalogue, nominee):
    decision = make_decision(units, catalogue, nominee, extra=3)
    page = open_page("officer")
    page.goto(reverse("decisions:decision", args=[decision.pk]))
    page.locator(f'a[href="{reverse("decisions:certificates", args=[decision.pk])}"]').click()
    page.locator("form.actions button[type=submit].primary").click()
    page.wait_for_url("**/chung-nhan/lo/*/")
    pdf_link = page.locator('a[href$="/tai-ve.pdf"]')
    pdf_link.wait_for()
    screenshot(page, "certificates-batch-done")
    response = page.request.get(pdf_link.get_attribute("href"))
    reader = pypdf.PdfReader(io.BytesIO(response.body()))
    assert len(reader.pages) == 4

    # The layout editor: a new province default for Bằng khen, the name moved up 30 mm.
    page.goto(reverse("decisions:layouts"))
    page.select_option("#id_certificate_type", "bang_khen")
    page.locator("form.card button[type=submit]").click()
    layout = CertificateLayout.objects.get(unit=None, certificate_type="bang_khen")
    page.wait_for_url(f"**{reverse('decisions:layout_edit', args=[layout.pk])}")
    page.locator("img.layout-preview").wait_for()
    page.fill("#id_recipient-y", "61")
    page.locator('img.layout-preview[src*="recipient-y=61"]').wait_for()  # htmx swapped the preview
    page.wait_for_load_state("networkidle")
    screenshot(page, "certificates-layout-editor")
    page.locator("#layout-form button[type=submit].primary").click()
    page.wait_for_load_state()
    assert page.locator(".msg-success").count() == 1
    layout.refresh_from_db()
    assert layout.fields["recipient"]["y"] == 61 and layout.version == 2

    # A box past the paper's edge is refused, naming the field; nothing saved.
    page.fill("#id_recipient-width", "290")
    page.locator("#layout-form button[type=submit].primary").click()
    page.wait_for_load_state()
    assert page.locator(".errors").count() == 1 and page.locator("td.has-error #id_recipient-x").count() == 1
    layout.refresh_from_db()
    assert layout.version == 2


def test_public_verification_by_typing_the_code(open_page, people, units, catalogue, nominee):
    decision = make_decision(units, catalogue, nominee, extra=0)
    award = decision.awards.get(certificate_number=1)
    certificates.issue_verification_codes([award])
    award.refresh_from_db()
    page = open_page()  # not signed in
    page.goto(reverse("portal:verify"))
    page.fill("#id_code", f"{award.verification_code[:5].lower()} {award.verification_code[5:].lower()}")
    page.locator("form button[type=submit].primary").click()
    page.wait_for_url(f"**{reverse('portal:verify_code', args=[award.verification_code])}")
    assert page.locator(".verify-name").inner_text() == "Nguyễn Thị Đào"
    assert page.locator(".verify-status.msg-success").count() == 1
    screenshot(page, "certificates-public-verification")
