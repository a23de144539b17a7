"""The Quyết định khen thưởng with its attached list, from decisions reached through the real
services, read back with python-docx and (one conversion) as PDF text; page 1 saved as PNG."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from docx import Document

from tdkt.decisions import documents, services
from tdkt.decisions.models import Decision
from tdkt.documents.defaults import default_path
from tdkt.documents.rendering import docx_to_pdf, render_docx
from tdkt.documents.templates_store import upload_template_version
from tdkt.documents.tests.readback import docx_tables, docx_text, pdf_pages, pdf_text, save_first_page_png
from tdkt.documents.vietnamese import ngay, ngay_thang_nam, so_tien, so_tien_bang_chu
from tdkt.nominations.models import Status
from tdkt.nominations.tests.states import fast_passwords, states  # noqa: F401
from tdkt.organizations.models import Collective, Person

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def decision(units, people, catalogue, nominee):
    """A decision with three Bằng khen (two people, one collective) and two Giấy khen."""
    decision = services.record_decision(number="125/QĐ-UBND", issued_on=date(2025, 2, 5),
                                        authority="chu_tich_ubnd_tinh", issuer=units["province"],
                                        signer_name="Hồ Tiến Thiệu", signer_title="Phó Chủ tịch UBND tỉnh",
                                        summary="Khen thưởng năm học 2024-2025")
    second = Person.objects.create(full_name="Hoàng Văn Minh", gender="male", unit=units["school"],
                                   position="Hiệu trưởng")
    team = Collective.objects.create(name="Tổ Toán - Tin", unit=units["school"])
    third = Person.objects.create(full_name="Lương Thị Hoa", gender="female", unit=units["school"])
    for entry, subject, name in [("BK_TINH", nominee, nominee.full_name), ("BK_TINH", second, second.full_name),
                                 ("GIAY_KHEN", third, third.full_name), ("BK_TINH", team, team.name),
                                 ("GIAY_KHEN", second, second.full_name)]:
        services.grant_award(decision, entry=catalogue[entry], subject=subject, recipient_name=name,
                             unit=units["school"], year=2025, position_text=f"{name}, Trường THPT Việt Bắc"
                             if subject is team else "Giáo viên, Trường THPT Việt Bắc")
    return decision


def test_decision_with_its_attached_list(decision, catalogue):
    awards = list(decision.awards.order_by("certificate_number"))
    total = sum(award.money_amount for award in awards)
    assert total > 0
    docx = render_docx(documents.CODE, documents.decision_context(decision),
                       version=documents.decision_template_version(decision))
    text = docx_text(docx)
    assert "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" in text and "Số: 125/QĐ-UBND" in text
    assert "Lạng Sơn, ngày 05 tháng 02 năm 2025" in text
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" in text
    assert "Về việc khen thưởng năm học 2024-2025" in text
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text and "Hồ Tiến Thiệu" in text
    assert "Tặng thưởng cho 5 cá nhân, tập thể (4 cá nhân, 1 tập thể)" in text
    assert f"tổng số tiền: {so_tien(total)} đồng (bằng chữ: {so_tien_bang_chu(total)})" in text
    assert "(Kèm theo Quyết định số 125/QĐ-UBND ngày 05/02/2025" in text
    rows = docx_tables(docx)[2]
    bk, gk = catalogue["BK_TINH"], catalogue["GIAY_KHEN"]
    # Grouped by award in the order of the số sổ vàng, each line with its own number and money.
    assert rows[1][0] == f"I. {bk.name} (3)"
    assert rows[2] == ["1", "Bà Nguyễn Thị Đào", "Giáo viên, Trường THPT Việt Bắc",
                       rows[2][3], so_tien(awards[0].money_amount)]
    assert [row[0] for row in rows[2:5]] == ["1", "2", "4"]
    assert rows[4][1] == "Tổ Toán - Tin"
    bk_money = sum(a.money_amount for a in awards if a.entry_id == bk.pk)
    assert rows[5][1] == "Cộng" and rows[5][4] == so_tien(bk_money)
    assert rows[6][0] == f"II. {gk.name} (2)"
    assert [row[1] for row in rows[7:9]] == ["Bà Lương Thị Hoa", "Ông Hoàng Văn Minh"]
    assert rows[-1][1] == "Tổng cộng: 5" and rows[-1][4] == so_tien(total)
    assert f"Bằng chữ: {so_tien_bang_chu(total)}." in text

    pdf = docx_to_pdf(docx)
    save_first_page_png(pdf, "quyet_dinh")
    assert pdf_pages(pdf) >= 2  # the list starts on its own page
    pdf_words = pdf_text(pdf)
    for expected in ("QUYẾT ĐỊNH", "125/QĐ-UBND", "ngày 05 tháng 02 năm 2025", "Nguyễn Thị Đào", "Tổ Toán - Tin",
                     "05/02/2025", so_tien(total), so_tien_bang_chu(total), "Hồ Tiến Thiệu"):
        assert expected in pdf_words, expected


def _marked_template(marker: str) -> SimpleUploadedFile:
    document = Document(str(default_path(documents.CODE)))
    document.add_paragraph(marker)
    out = io.BytesIO()
    document.save(out)
    return SimpleUploadedFile("quyet_dinh.docx", out.getvalue(), content_type=DOCX)


def test_a_decision_keeps_the_template_version_it_was_made_with(client, decision, people, units):
    client.force_login(people["clerk"])  # the archive is open to every signed-in user
    url = reverse("decisions:decision_document", args=[decision.pk, "docx"])
    first = client.get(url)
    assert first.status_code == 200 and first["Content-Type"] == DOCX
    assert "125-qd-ubnd" in first["Content-Disposition"]
    decision.refresh_from_db()
    assert decision.template_version.number == 1

    upload_template_version(documents.CODE, _marked_template("MẪU PHIÊN BẢN HAI"), actor=people["admin"])
    again = client.get(url)
    assert "MẪU PHIÊN BẢN HAI" not in docx_text(again.content)
    assert docx_text(again.content) == docx_text(first.content)

    later = services.record_decision(number="126/QĐ-UBND", issued_on=date(2025, 3, 1), authority="chu_tich_ubnd_tinh",
                                     issuer=units["province"], signer_name="Hồ Tiến Thiệu", signer_title="Chủ tịch UBND tỉnh")
    response = client.get(reverse("decisions:decision_document", args=[later.pk, "docx"]))
    text = docx_text(response.content)
    assert "MẪU PHIÊN BẢN HAI" in text and "ngày 01 tháng 3 năm 2025" in text
    assert "KT. CHỦ TỊCH" not in text  # the chair signs himself
    assert Decision.objects.get(pk=later.pk).template_version.number == 2

    page = client.get(reverse("decisions:decision", args=[decision.pk])).content.decode()
    assert url in page and reverse("decisions:decision_document", args=[decision.pk, "pdf"]) in page


def test_decision_document_needs_a_login_and_a_known_format(client, decision, people):
    url = reverse("decisions:decision_document", args=[decision.pk, "docx"])
    assert client.get(url).status_code == 302
    client.force_login(people["outsider"])
    assert client.get(reverse("decisions:decision_document", args=[decision.pk, "txt"])).status_code == 404
    assert client.get(reverse("decisions:decision_document", args=[decision.pk + 99, "docx"])).status_code == 404


def test_the_version_is_pinned_when_the_decision_is_recorded(client, decision, people, units):
    """Not at its first download: a template uploaded between the signature and the first
    download must not change how the decision prints."""
    assert decision.template_version.number == 1 and decision.template_version.is_current
    upload_template_version(documents.CODE, _marked_template("MẪU PHIÊN BẢN HAI"), actor=people["admin"])
    client.force_login(people["clerk"])
    first_download = client.get(reverse("decisions:decision_document", args=[decision.pk, "docx"]))
    assert first_download.status_code == 200
    text = docx_text(first_download.content)
    assert "MẪU PHIÊN BẢN HAI" not in text and "Số: 125/QĐ-UBND" in text
    assert Decision.objects.get(pk=decision.pk).template_version.number == 1

    later = services.record_decision(number="127/QĐ-UBND", issued_on=date(2025, 3, 2),
                                     authority="chu_tich_ubnd_tinh", issuer=units["province"],
                                     signer_name="Hồ Tiến Thiệu",
                                     signer_title="Chủ tịch UBND tỉnh")
    assert later.template_version.number == 2
    assert "MẪU PHIÊN BẢN HAI" in docx_text(
        client.get(reverse("decisions:decision_document", args=[later.pk, "docx"])).content)


def test_a_decision_recorded_before_pinning_is_pinned_at_its_first_render(decision, people):
    Decision.objects.filter(pk=decision.pk).update(template_version=None)  # a row from before the pinning
    decision.refresh_from_db()
    upload_template_version(documents.CODE, _marked_template("MẪU PHIÊN BẢN HAI"), actor=people["admin"])
    assert documents.decision_template_version(decision).number == 2
    upload_template_version(documents.CODE, _marked_template("MẪU PHIÊN BẢN BA"), actor=people["admin"])
    decision.refresh_from_db()
    assert documents.decision_template_version(decision).number == 2


@pytest.mark.parametrize("signer_title, lines", [
    ("Phó Chủ tịch UBND tỉnh", ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
    ("Chủ tịch Ủy ban nhân dân tỉnh", ("", "CHỦ TỊCH")),
    ("Phó Giám đốc Sở Nội vụ", ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
    ("Giám đốc", ("", "GIÁM ĐỐC")),
    ("Phó Chi cục trưởng", ("KT. CHI CỤC TRƯỞNG", "PHÓ CHI CỤC TRƯỞNG")),
    ("Ủy viên", ("", "Ủy viên")),
])
def test_a_deputy_signs_on_behalf_of_the_head(signer_title, lines):
    assert documents._signature_lines(Decision(signer_title=signer_title)) == lines


def test_decision_issued_through_the_workflow(states, people):
    dossier = states.reach(Status.DECIDED)
    decision = dossier.decision
    award = decision.awards.get()
    text = docx_text(render_docx(documents.CODE, documents.decision_context(decision)))
    assert f"Số: {decision.number}" in text and ngay_thang_nam(timezone.localdate()) in text
    assert f"ngày {ngay(decision.issued_on)}" in text
    assert "Bà Nguyễn Thị Đào" in text and so_tien(award.money_amount) in text
    assert so_tien_bang_chu(award.money_amount) in text
