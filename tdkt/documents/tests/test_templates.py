"""Templates: the shipped defaults, the placeholder registry, versioned uploads and the admin pages."""

import io
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from tdkt.conftest import PASSWORD
from tdkt.core.errors import DomainError
from tdkt.documents import rendering
from tdkt.documents.defaults import BUILDERS, build_all, default_path
from tdkt.documents.models import DocumentTemplateVersion
from tdkt.documents.placeholders import inspect_template
from tdkt.documents.registry import SPECS
from tdkt.documents.rendering import ConversionFailed, docx_to_pdf, render_bytes, render_docx
from tdkt.documents.templates_store import current_version, make_current, upload_template_version
from tdkt.documents.tests.readback import docx_text, pdf_text

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_every_document_has_a_shipped_template_and_a_registry_entry():
    assert set(BUILDERS) == set(SPECS)
    for code in SPECS:
        assert default_path(code).exists(), code


@pytest.mark.parametrize("code", sorted(SPECS))
def test_default_templates_use_only_registered_placeholders(code):
    used, unknown = inspect_template(default_path(code).read_bytes(), SPECS[code])
    assert unknown == set()
    assert {"co_quan_ban_hanh", "dia_danh", "ngay_van_ban"} <= used


def test_shipped_templates_are_what_the_generator_writes(tmp_path):
    """The .docx files in the repository are regenerated with manage.py build_document_templates."""
    for path in build_all(tmp_path):
        # The whole body XML, not only the text: a layout change (widths, spacing, borders) without
        # regenerating the shipped files must fail here.
        assert (Document(str(path)).element.xml == Document(str(default_path(path.stem))).element.xml), path.stem


@pytest.mark.parametrize("code", ["quyet_dinh", "to_trinh_de_nghi", "bao_cao_ca_nhan"])
def test_default_layout_follows_nghi_dinh_30(code):
    document = Document(str(default_path(code)))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25 and 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35 and 15 <= round(section.right_margin.mm) <= 20
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and 13 <= normal.size.pt <= 14
    header = document.tables[0]
    left, right = (cell.text for cell in header.rows[0].cells)
    assert "{{ co_quan_ban_hanh }}" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right
    place = next(p for p in header.rows[0].cells[1].paragraphs if "dia_danh" in p.text)
    assert all(run.italic for run in place.runs if run.text.strip())
    assert Mm(160) < sum((c.width for c in header.rows[0].cells), Mm(0)) <= Mm(170)


def _row_flags(row):
    trPr = row._tr.trPr
    return {child.tag.rsplit("}", 1)[1] for child in trPr} if trPr is not None else set()


def test_the_attached_list_of_a_decision_is_readable():
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document(str(default_path("quyet_dinh")))
    table = next(t for t in document.tables if "Tiền thưởng (đồng)" in t.rows[0].cells[-1].text)
    assert "tblHeader" in _row_flags(table.rows[0])  # the heading row repeats on every page
    assert all("cantSplit" in _row_flags(row) for row in table.rows[1:])  # a line never breaks over a page
    widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert abs(sum(widths) - Mm(165).twips) < 20 and widths[-1] >= Mm(30).twips  # "1.234.500.000" fits
    money_cells = [row.cells[-1] for row in table.rows if "tien" in row.cells[-1].text]
    assert len(money_cells) == 3  # line, group subtotal, grand total
    assert all(cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT for cell in money_cells)


@pytest.mark.parametrize("code", sorted(SPECS))
def test_signature_blocks_never_break_across_pages(code):
    document = Document(str(default_path(code)))
    signature = document.tables[-1] if code != "quyet_dinh" else document.tables[1]
    assert "nguoi_ky" in signature._tbl.xml or "chu_tri" in signature._tbl.xml or "ho_ten" in signature._tbl.xml
    assert all("cantSplit" in _row_flags(row) for row in signature.rows)


def test_a_body_without_a_parent_starts_on_the_line_of_the_national_motto():
    context = {**SPECS["quyet_dinh"].sample_context(), "co_quan_chu_quan": ""}
    template = default_path("quyet_dinh").read_bytes()
    left = Document(io.BytesIO(render_bytes(template, context))).tables[0].rows[0].cells[0]
    assert left.paragraphs[0].text == "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"
    context["co_quan_chu_quan"] = "UBND TỈNH LẠNG SƠN"
    context["co_quan_ban_hanh"] = "SỞ NỘI VỤ"
    left = Document(io.BytesIO(render_bytes(template, context))).tables[0].rows[0].cells[0]
    assert [p.text for p in left.paragraphs[:2]] == ["UBND TỈNH LẠNG SƠN", "SỞ NỘI VỤ"]
    assert not left.paragraphs[0].runs[0].bold and left.paragraphs[1].runs[0].bold


def _docx_with(extra_paragraphs, code="to_trinh_de_nghi") -> bytes:
    document = Document(str(default_path(code)))
    for text in extra_paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _upload(data: bytes, name="mau.docx"):
    return SimpleUploadedFile(name, data, content_type=DOCX)


def test_upload_with_unknown_placeholders_is_refused_with_their_names(people):
    current_version("to_trinh_de_nghi")
    data = _docx_with(["{{ ten_sai }}", "{%p for d in de_nghi %}", "{{ d.ho_tenn }} {{ d.ho_ten }}",
                       "{%p endfor %}"])
    with pytest.raises(DomainError) as refused:
        upload_template_version("to_trinh_de_nghi", _upload(data), actor=people["admin"])
    assert refused.value.code == "unknown_placeholders"
    assert "ten_sai" in refused.value.message and "de_nghi.ho_tenn" in refused.value.message
    assert "de_nghi.ho_ten," not in refused.value.message
    assert list(DocumentTemplateVersion.objects.filter(template__code="to_trinh_de_nghi")
                .values_list("number", flat=True)) == [1]


@pytest.mark.parametrize("data, name, expected", [
    (b"not a zip at all", "mau.docx", "content_mismatch"),
    (b"PK\x03\x04 broken", "mau.docx", "not_a_template"),
    (b"%PDF-1.4", "mau.pdf", "type_not_accepted"),
])
def test_upload_of_a_file_that_is_not_a_template_is_refused(people, data, name, expected):
    with pytest.raises(DomainError) as refused:
        upload_template_version("quyet_dinh", _upload(data, name), actor=people["admin"])
    assert refused.value.code == expected and refused.value.field == "file"


def test_upload_with_a_jinja_syntax_error_is_refused(people):
    with pytest.raises(DomainError) as refused:
        upload_template_version("quyet_dinh", _upload(_docx_with(["{{ tong_tien "], "quyet_dinh")),
                                actor=people["admin"])
    assert refused.value.code == "not_a_template"
    assert "endfor" in refused.value.message  # says what to look for, not only the parser's words


def test_a_damaged_file_is_refused_without_technical_details(people):
    with pytest.raises(DomainError) as refused:
        upload_template_version("quyet_dinh", _upload(b"PK\x03\x04 broken"), actor=people["admin"])
    assert refused.value.code == "not_a_template"
    assert "zip" not in refused.value.message.lower() and ".docx" in refused.value.message


def test_a_template_larger_than_the_upload_limit_is_refused(people, settings):
    settings.TDKT_UPLOAD_MAX_BYTES = 1000
    with pytest.raises(DomainError) as refused:
        upload_template_version("quyet_dinh", _upload(_docx_with([], "quyet_dinh")), actor=people["admin"])
    assert refused.value.code == "too_large" and refused.value.field == "file"
    assert not DocumentTemplateVersion.objects.filter(template__code="quyet_dinh", number=2).exists()


def test_python_internals_are_refused_at_upload_and_unreachable_at_render(people):
    data = _docx_with(["{{ so_ky_hieu.__class__.__mro__ }}"], "quyet_dinh")
    with pytest.raises(DomainError) as refused:
        upload_template_version("quyet_dinh", _upload(data), actor=people["admin"])
    assert refused.value.code == "unknown_placeholders" and "so_ky_hieu.__class__" in refused.value.message
    # A template stored some other way still cannot reach them: the renderer is sandboxed.
    from jinja2.exceptions import SecurityError

    with pytest.raises(SecurityError):
        render_bytes(data, SPECS["quyet_dinh"].sample_context())
    text = docx_text(render_bytes(_docx_with(["{{ so_ky_hieu.__class__ }}"], "quyet_dinh"),
                                  SPECS["quyet_dinh"].sample_context()))
    assert "<class" not in text


def test_new_version_becomes_current_and_an_earlier_one_can_be_restored(people):
    first = current_version("quyet_dinh")
    assert first.number == 1
    version = upload_template_version("quyet_dinh", _upload(_docx_with(["Mẫu sửa lần hai"], "quyet_dinh")),
                                      actor=people["admin"], note="Thêm dòng")
    assert (version.number, version.is_current, version.uploaded_by) == (2, True, people["admin"])
    assert current_version("quyet_dinh") == version
    context = SPECS["quyet_dinh"].sample_context()
    assert "Mẫu sửa lần hai" in docx_text(render_docx("quyet_dinh", context))
    assert "Mẫu sửa lần hai" not in docx_text(render_docx("quyet_dinh", context, version=first))
    make_current(first)
    assert current_version("quyet_dinh") == first
    assert DocumentTemplateVersion.objects.filter(template__code="quyet_dinh", is_current=True).count() == 1


def test_values_are_escaped_and_line_breaks_kept():
    context = {**SPECS["to_trinh_de_nghi"].sample_context(), "don_vi_de_nghi": "Sở Kế hoạch & Đầu tư <KH>",
               "de_nghi": [{**SPECS["to_trinh_de_nghi"].field_map()["de_nghi"].sample_value()[0],
                            "thanh_tich": "Dòng một\nDòng hai"}]}
    text = docx_text(render_bytes(default_path("to_trinh_de_nghi").read_bytes(), context))
    assert "Sở Kế hoạch & Đầu tư <KH>" in text
    assert "Dòng một\nDòng hai" in text


def test_missing_libreoffice_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(rendering.shutil, "which", lambda name: None)
    with pytest.raises(ConversionFailed, match="not installed"):
        docx_to_pdf(b"PK")


def test_concurrent_conversions_do_not_clash():
    """Each conversion has its own LibreOffice profile, so two at once both succeed."""
    sample = SPECS["bien_ban_kiem_phieu"].sample_context()
    docx = render_bytes(default_path("bien_ban_kiem_phieu").read_bytes(), sample)
    with ThreadPoolExecutor(2) as pool:
        pdfs = list(pool.map(docx_to_pdf, [docx, docx]))
    for pdf in pdfs:
        text = pdf_text(pdf)
        assert "BIÊN BẢN KIỂM PHIẾU" in text and "Nguyễn Thị Đào" in text


# --- admin pages ---------------------------------------------------------------------

@pytest.fixture
def admin_client(client, people):
    client.login(username="admin", password=PASSWORD)
    return client


def test_only_the_administrator_sees_the_template_pages(client, people):
    client.login(username="clerk", password=PASSWORD)
    assert client.get(reverse("documents:templates")).status_code == 403
    assert client.get(reverse("documents:template", args=["quyet_dinh"])).status_code == 403
    response = client.post(reverse("documents:template_upload", args=["quyet_dinh"]),
                           {"file": _upload(_docx_with([], "quyet_dinh"))})
    assert response.status_code == 403
    assert DocumentTemplateVersion.objects.filter(number=2).count() == 0


def test_admin_lists_templates_and_sees_the_registry(admin_client):
    page = admin_client.get(reverse("documents:templates")).content.decode()
    for spec in SPECS.values():
        assert spec.title in page
    page = admin_client.get(reverse("documents:template", args=["quyet_dinh"])).content.decode()
    assert "tong_tien_bang_chu" in page and "Tổng tiền thưởng bằng chữ" in page
    assert "nhom[].dong[].so_tien" in page
    assert "{%tr for d in de_nghi %}" in page


def test_admin_upload_refused_lists_unknown_names_and_saves_nothing(admin_client):
    response = admin_client.post(reverse("documents:template_upload", args=["to_trinh_de_nghi"]),
                                 {"file": _upload(_docx_with(["{{ so_tien_sai }}"])), "note": "x"})
    assert response.status_code == 200
    assert "so_tien_sai" in response.content.decode()
    assert not DocumentTemplateVersion.objects.filter(template__code="to_trinh_de_nghi", number=2).exists()


def test_admin_sees_a_vietnamese_reason_for_a_damaged_file(admin_client):
    response = admin_client.post(reverse("documents:template_upload", args=["quyet_dinh"]),
                                 {"file": _upload(b"PK\x03\x04 broken"), "note": ""})
    assert response.status_code == 200
    assert "Tệp bị hỏng hoặc không phải văn bản Word (.docx)" in response.content.decode()
    assert DocumentTemplateVersion.objects.filter(template__code="quyet_dinh").count() == 1


def test_admin_uploads_downloads_and_renders_a_sample(admin_client):
    response = admin_client.post(reverse("documents:template_upload", args=["bao_cao_ca_nhan"]),
                                 {"file": _upload(_docx_with(["Ghi chú mới"], "bao_cao_ca_nhan")), "note": "v2"})
    assert response.status_code == 302
    download = admin_client.get(reverse("documents:version_download", args=["bao_cao_ca_nhan", 2]))
    assert download.status_code == 200 and "Ghi chú mới" in docx_text(b"".join(download.streaming_content))
    sample = admin_client.get(reverse("documents:version_sample", args=["bao_cao_ca_nhan", 1, "docx"]))
    assert sample["Content-Type"] == DOCX
    text = docx_text(sample.content)
    assert "Nguyễn Thị Đào" in text and "17/05/1980" in text and "Ghi chú mới" not in text
    page = admin_client.get(reverse("documents:template", args=["bao_cao_ca_nhan"])).content.decode()
    switch = reverse("documents:version_make_current", args=["bao_cao_ca_nhan", 1])
    form = page[page.index(f'action="{switch}"'):]
    form = form[:form.index("</form>")]
    assert 'method="post"' in page[page.rindex("<form", 0, page.index(switch)):page.index(switch)]
    assert "csrfmiddlewaretoken" in form and "data-confirm=" in form  # asked before switching
    assert reverse("documents:version_make_current", args=["bao_cao_ca_nhan", 2]) not in page  # current
    assert admin_client.get(switch).status_code == 405  # a switch is never a GET
    restore = admin_client.post(reverse("documents:version_make_current", args=["bao_cao_ca_nhan", 1]))
    assert restore.status_code == 302 and current_version("bao_cao_ca_nhan").number == 1


def test_failed_pdf_conversion_returns_to_the_page_with_a_message(admin_client, monkeypatch):
    def fail(data, **kwargs):
        raise ConversionFailed("boom")

    monkeypatch.setattr("tdkt.documents.http.docx_to_pdf", fail)
    response = admin_client.get(reverse("documents:version_sample", args=["quyet_dinh", 1, "pdf"]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("documents:template", args=["quyet_dinh"])
    assert "PDF" in response.content.decode()


def test_unknown_template_or_format_is_404(admin_client):
    assert admin_client.get(reverse("documents:template", args=["khong_co"])).status_code == 404
    assert admin_client.get(reverse("documents:version_sample", args=["quyet_dinh", 1, "xlsx"])).status_code == 404


def test_a_conversion_that_hangs_is_stopped(monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30\n")
    fake.chmod(0o755)
    monkeypatch.setattr(rendering.shutil, "which", lambda name: str(fake))
    with pytest.raises(ConversionFailed, match="within 1 s"):
        docx_to_pdf(b"PK", timeout=1)


@pytest.mark.parametrize("code", ["quyet_dinh", "to_trinh_de_nghi", "bien_ban_hop"])
def test_fast_renderer_writes_what_docxtpl_writes(code):
    """FastDocxTemplate narrows two docxtpl passes for speed; the document must not change."""
    from docxtpl import DocxTemplate

    context = SPECS[code].sample_context()
    for value in context.values():  # multi-line and tabbed texts exercise the listing pass
        for row in value if isinstance(value, list) else []:
            if isinstance(row, dict):
                row.update({key: f"{text}\nthứ hai\tcột" for key, text in row.items() if isinstance(text, str)})
    data = default_path(code).read_bytes()
    plain = DocxTemplate(io.BytesIO(data))
    plain.render(rendering._prepare(context), jinja_env=rendering._environment(), autoescape=True)
    fast = Document(io.BytesIO(render_bytes(data, context)))
    assert fast.element.xml == plain.docx.element.xml
