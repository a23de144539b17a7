"""Document templates and papers through the real pages in Chromium.

The administrator opens the template pages, uploads a Word template with a misspelt placeholder
and sees the refusal naming it (nothing is stored); a Board officer downloads a submitted
dossier's Tờ trình as DOCX from the dossier page and finds the nominee in it.
"""

import io

from django.urls import reverse
from docx import Document

from tdkt.conftest import make_dossier, submitted_dossier  # noqa: F401
from tdkt.documents.defaults import default_path
from tdkt.documents.models import DocumentTemplateVersion
from tdkt.documents.tests.readback import docx_text
from tests.browser.conftest import screenshot

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _template_with(text: str) -> bytes:
    document = Document(str(default_path("to_trinh_de_nghi")))
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_admin_upload_is_refused_and_officer_downloads_the_submission(
        open_page, people, submitted_dossier):  # noqa: F811
    admin = open_page("admin")
    admin.goto(reverse("documents:templates"))
    detail = reverse("documents:template", args=["to_trinh_de_nghi"])
    admin.locator(f'a[href="{detail}"]').click()
    admin.wait_for_url(f"**{detail}")
    admin.set_input_files("input[name=file]", {"name": "to_trinh_moi.docx", "mimeType": DOCX,
                                               "buffer": _template_with("Kính gửi: {{ kinh_guii }}")})
    admin.fill("input[name=note]", "Sửa lời văn")
    upload = reverse("documents:template_upload", args=["to_trinh_de_nghi"])
    admin.locator(f'form[action="{upload}"] button[type=submit]').click()
    admin.wait_for_load_state()
    errors = admin.locator(".errorlist, .error, .msg-error, [role=alert]").all_inner_texts()
    assert any("kinh_guii" in text for text in errors), errors
    screenshot(admin, "documents-upload-refused")
    assert list(DocumentTemplateVersion.objects.filter(template__code="to_trinh_de_nghi")
                .values_list("number", flat=True)) == [1]

    officer = open_page("officer")
    officer.goto(reverse("nominations:detail", args=[submitted_dossier.pk]))
    link = reverse("nominations:document_submission", args=[submitted_dossier.pk, "docx"])
    with officer.expect_download() as download_info:
        officer.locator(f'a[href="{link}"]').click()
    download = download_info.value
    assert download.suggested_filename.endswith(".docx")
    with open(download.path(), "rb") as handle:
        text = docx_text(handle.read())
    assert "TỜ TRÌNH" in text and "Nguyễn Thị Đào" in text and submitted_dossier.code in text
