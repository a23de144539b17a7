"""Certificates of a decision: codes, data, batch task (PDF + ZIP), layout editor, access."""

import io
import re
import zipfile
from datetime import date

import pypdf
import pytest
from django.core.cache import cache
from django.urls import reverse
from docx import Document

from tdkt.core.models import TaskRecord
from tdkt.decisions import certificates, services
from tdkt.decisions.models import Award
from tdkt.documents.certificate_layout import CertificateType
from tdkt.documents.certificate_models import CertificateLayout
from tdkt.documents.certificates import MM
from tdkt.organizations.models import Person
from tdkt.conftest import PASSWORD


def make_decision(units, catalogue, nominee, *, extra=2):
    """Decision 123/QĐ-UBND of 05/01/2026 by the provincial chair, signed by a vice-chair: CSTĐCS for
    Nguyễn Thị Đào, Bằng khen for ``extra`` more people, and a flag (no certificate)."""
    decision = services.record_decision(
        number="123/QĐ-UBND", issued_on=date(2026, 1, 5), authority="chu_tich_ubnd_tinh",
        issuer=units["province"], signer_name="Hồ Tiến Thiệu", signer_title="Phó Chủ tịch UBND tỉnh")
    services.grant_award(decision, entry=catalogue["CSTDCS"], subject=nominee, recipient_name="Nguyễn Thị Đào",
                         unit=units["school"], year=2025, position_text="Giáo viên, Trường THPT Việt Bắc")
    for i in range(extra):
        person = Person.objects.create(full_name=f"Lê Văn Bình {i + 1}", unit=units["school"])
        services.grant_award(decision, entry=catalogue["BK_TINH"], subject=person,
                             recipient_name=f"Lê Văn Bình {i + 1}", unit=units["school"], year=2025)
    from tdkt.organizations.models import Collective

    school_staff = Collective.objects.create(name="Trường THPT Việt Bắc", unit=units["school"],
                                             represents_unit=units["school"])
    services.grant_award(decision, entry=catalogue["CO_TINH"], subject=school_staff,
                         recipient_name="Trường THPT Việt Bắc", unit=units["school"], year=2025)
    return decision


@pytest.fixture
def decision(units, catalogue, nominee):
    return make_decision(units, catalogue, nominee)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


# --- codes and data ---------------------------------------------------------------------------------

def test_codes_are_random_crockford_and_set_once(decision):
    awards = certificates.certificate_awards(decision)
    assert certificates.issue_verification_codes(awards) == 3
    codes = {award.pk: award.verification_code for award in awards}
    assert all(re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{10}", code) for code in codes.values())
    assert len(set(codes.values())) == 3
    assert certificates.issue_verification_codes(certificates.certificate_awards(decision)) == 0
    assert {a.pk: a.verification_code for a in certificates.certificate_awards(decision)} == codes


def test_normalize_code_accepts_what_people_type():
    assert certificates.normalize_code(" 7kq2m-x9d4a ") == "7KQ2MX9D4A"
    assert certificates.normalize_code("OIL23-45678") == "01123-45678".replace("-", "")
    assert certificates.normalize_code("7KQ2MX9D4") is None
    assert certificates.normalize_code("7KQ2MX9D4U") is None  # U is not in Crockford's alphabet


def test_which_awards_get_a_certificate(decision, catalogue):
    kinds = {award.entry.code: certificates.certificate_type_for(award.entry) for award in decision.awards.all()}
    assert kinds == {"CSTDCS": CertificateType.TITLE, "BK_TINH": CertificateType.BANG_KHEN, "CO_TINH": None}
    assert certificates.certificate_type_for(catalogue["GIAY_KHEN"]) == CertificateType.GIAY_KHEN
    assert certificates.certificate_type_for(catalogue["BK_TTG"]) is None  # issued centrally
    first = decision.awards.get(certificate_number=1)
    Award.objects.filter(pk=first.pk).update(status=Award.Status.REVOKED)
    assert first.pk not in [a.pk for a in certificates.certificate_awards(decision)]


def test_certificate_data_of_an_award(decision):
    award = decision.awards.get(certificate_number=1)
    data = certificates.certificate_data(award, base_url="https://tdkt.example.vn")
    award.refresh_from_db()
    assert data.issuer_title == "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn"
    assert data.place == "Lạng Sơn" and data.signer_title == "KT. Chủ tịch\nPhó Chủ tịch"
    assert data.gold_book_number == 1 and data.decision_number == "123/QĐ-UBND"
    assert data.achievement == "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025"
    assert data.verification_code == award.verification_code
    assert data.verification_url == f"https://tdkt.example.vn/cong-khai/xac-minh/{award.verification_code}/"


def test_place_comes_from_the_nearest_unit_naming_an_area(units):
    assert certificates.place_of(units["school"]) == "Lạng Sơn"


# --- layouts ---------------------------------------------------------------------------------------

def test_layout_resolution_unit_then_ancestor_then_default(units):
    kind = CertificateType.GIAY_KHEN
    assert certificates.layout_for(units["school"], kind)[0] is None
    default = CertificateLayout.objects.create(unit=None, certificate_type=kind)
    assert certificates.layout_for(units["school"], kind)[0] == default
    education = CertificateLayout.objects.create(unit=units["education"], certificate_type=kind, print_frame=False)
    assert certificates.layout_for(units["school"], kind)[0] == education
    assert certificates.layout_for(units["health"], kind)[0] == default
    education.save()
    assert education.version == 2


# --- batch -----------------------------------------------------------------------------------------

def test_batch_makes_one_pdf_and_a_zip_of_docx(client, people, decision, django_capture_on_commit_callbacks):
    login(client, people["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("decisions:certificates", args=[decision.pk]))
    record = TaskRecord.objects.get(name=certificates.BATCH_TASK)
    batch = certificates.batch_id(record.key)
    assert response.url == reverse("decisions:certificate_batch", args=[decision.pk, batch])
    assert record.status == TaskRecord.Status.DONE and record.progress == 100

    page = client.get(response.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert reverse("decisions:certificate_download", args=[decision.pk, batch, "pdf"]) in html
    assert 'hx-trigger="every 1s"' not in html  # done: the page stops polling

    pdf = b"".join(client.get(reverse("decisions:certificate_download", args=[decision.pk, batch, "pdf"])))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 3  # CSTĐCS + 2 Bằng khen; the flag gets none
    awards = certificates.certificate_awards(decision)
    for page_, award in zip(reader.pages, awards):
        text = " ".join(page_.extract_text().split())
        assert award.recipient_name in text
        assert "Quyết định số 123/QĐ-UBND ngày 05/01/2026" in text
        assert f"Số sổ vàng: {award.certificate_number}" in text
        assert f"{award.verification_code[:5]}-{award.verification_code[5:]}" in text
        assert float(page_.mediabox.width) == pytest.approx(297 * MM, abs=0.5)
        assert float(page_.mediabox.height) == pytest.approx(210 * MM, abs=0.5)
    assert "TẶNG DANH HIỆU" in reader.pages[0].extract_text()

    archive = zipfile.ZipFile(io.BytesIO(b"".join(client.get(
        reverse("decisions:certificate_download", args=[decision.pk, batch, "zip"])))))
    assert archive.namelist() == ["0001-nguyen-thi-dao.docx", "0002-le-van-binh-1.docx", "0003-le-van-binh-2.docx"]
    document = Document(io.BytesIO(archive.read("0002-le-van-binh-1.docx")))
    assert "Lê Văn Bình 1" in "\n".join(p.text for p in document.paragraphs)


def test_batch_is_idempotent_until_something_printed_changes(client, people, decision,
                                                             django_capture_on_commit_callbacks):
    login(client, people["officer"])
    url = reverse("decisions:certificates", args=[decision.pk])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url).url
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(url).url
    assert first == second and TaskRecord.objects.filter(name=certificates.BATCH_TASK).count() == 1
    layout = CertificateLayout.objects.create(unit=None, certificate_type=CertificateType.BANG_KHEN)
    with django_capture_on_commit_callbacks(execute=True):
        third = client.post(url).url
    assert third != first and TaskRecord.objects.filter(name=certificates.BATCH_TASK).count() == 2
    layout.save()  # a new version of the layout → a new batch
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert TaskRecord.objects.filter(name=certificates.BATCH_TASK).count() == 3


def test_batch_progress_is_reported_while_it_runs(decision, django_capture_on_commit_callbacks, monkeypatch):
    seen = []
    original = certificates._Progress.__call__

    def spy(self, done):
        original(self, done)
        seen.append(TaskRecord.objects.get(key=self.key).progress)

    monkeypatch.setattr(certificates._Progress, "__call__", spy)
    with django_capture_on_commit_callbacks(execute=True):
        key = certificates.start_certificate_batch(decision, base_url="http://testserver")
    assert seen == sorted(seen) and 0 < seen[0] < 100 and seen[-1] == 99
    assert TaskRecord.objects.get(key=key).progress == 100


def test_running_batch_page_polls_every_second(client, people, decision, settings):
    settings.TDKT_TASKS_BACKEND = "database"  # queued, not run: what the page shows meanwhile
    login(client, people["officer"])
    key = certificates.start_certificate_batch(decision, base_url="http://testserver")
    # on_commit never fires inside the test transaction: create the record the worker would see.
    batch = certificates.batch_id(key)
    url = reverse("decisions:certificate_batch", args=[decision.pk, batch])
    html = client.get(url).content.decode()  # not committed yet: shown as waiting
    assert 'hx-trigger="every 1s"' in html and 'value="0"' in html
    TaskRecord.objects.create(key=key, name=certificates.BATCH_TASK, progress=40, status=TaskRecord.Status.RUNNING)
    html = client.get(url).content.decode()
    assert 'hx-trigger="every 1s"' in html and 'value="40"' in html
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment and 'value="40"' in fragment
    assert client.get(reverse("decisions:certificate_download", args=[decision.pk, batch, "pdf"])).status_code == 404


def test_one_award_certificate_pdf_and_docx(client, people, decision):
    login(client, people["officer"])
    award = decision.awards.get(certificate_number=2)
    response = client.get(reverse("decisions:award_certificate", args=[award.pk, "pdf"]))
    assert response["Content-Type"] == "application/pdf"
    assert "Lê Văn Bình 1" in pypdf.PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    response = client.get(reverse("decisions:award_certificate", args=[award.pk, "docx"]))
    assert "0002-le-van-binh-1.docx" in response["Content-Disposition"]
    flag = decision.awards.get(entry__code="CO_TINH")
    assert client.get(reverse("decisions:award_certificate", args=[flag.pk, "pdf"])).status_code == 404


# --- access ---------------------------------------------------------------------------------------

def test_outsiders_cannot_print_or_see_the_link(client, people, decision, units, catalogue,
                                                django_capture_on_commit_callbacks):
    award = decision.awards.first()
    for persona in ("outsider", "member", "clerk"):  # other unit; council; a unit under the issuer
        client.logout()
        login(client, people[persona])
        assert client.get(reverse("decisions:certificates", args=[decision.pk])).status_code == 403
        assert client.post(reverse("decisions:certificates", args=[decision.pk])).status_code == 403
        assert client.get(reverse("decisions:award_certificate", args=[award.pk, "pdf"])).status_code == 403
        page = client.get(reverse("decisions:decision", args=[decision.pk])).content.decode()
        assert reverse("decisions:certificates", args=[decision.pk]) not in page
    assert not TaskRecord.objects.exists()
    client.logout()
    login(client, people["officer"])
    page = client.get(reverse("decisions:decision", args=[decision.pk])).content.decode()
    assert reverse("decisions:certificates", args=[decision.pk]) in page
    # The education department's clerk may print what the department itself decided.
    own = services.record_decision(number="7/QĐ-SGDĐT", issued_on=date(2026, 1, 6), authority="thu_truong_don_vi",
                                   issuer=units["education"], signer_name="Nông Văn Hùng", signer_title="Giám đốc")
    services.grant_award(own, entry=catalogue["GIAY_KHEN"], subject=Person.objects.first(),
                         recipient_name="Nguyễn Thị Đào", unit=units["school"], year=2025)
    client.logout()
    login(client, people["clerk"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("decisions:certificates", args=[own.pk]))
    assert response.status_code == 302
    batch = certificates.batch_id(TaskRecord.objects.get(key__startswith=f"certificates:{own.pk}:").key)
    assert client.get(reverse("decisions:certificate_download", args=[own.pk, batch, "pdf"])).status_code == 200
    assert client.get(reverse("decisions:certificate_batch", args=[own.pk, "0" * 24])).status_code == 404
    client.logout()
    login(client, people["outsider"])
    assert client.get(reverse("decisions:certificate_batch", args=[own.pk, batch])).status_code == 403
    assert client.get(reverse("decisions:certificate_download", args=[own.pk, batch, "pdf"])).status_code == 403


# --- layout editor --------------------------------------------------------------------------------

def layout_post_data(layout, **changes):
    from tdkt.decisions.certificate_forms import LayoutForm

    form = LayoutForm(spec=layout.spec())
    data = {name: form.initial[name] for name in form.fields}
    data = {name: ("on" if value is True else value) for name, value in data.items() if value is not False}
    data.update(changes)
    return data


def test_layout_editor_saves_and_the_pdf_follows(client, people, decision):
    login(client, people["officer"])
    response = client.post(reverse("decisions:layouts"), {"unit": "", "certificate_type": "bang_khen"})
    layout = CertificateLayout.objects.get(unit=None, certificate_type="bang_khen")
    assert response.url == reverse("decisions:layout_edit", args=[layout.pk])
    page = client.get(response.url)
    assert page.status_code == 200 and b"layout-preview" in page.content

    data = layout_post_data(layout, **{"recipient-x": "20", "recipient-y": "60", "recipient-align": "left"})
    data.pop("print_frame")  # pre-printed blanks: no frame
    response = client.post(reverse("decisions:layout_edit", args=[layout.pk]), data)
    assert response.status_code == 302
    layout.refresh_from_db()
    assert layout.version == 2 and not layout.print_frame
    assert layout.fields["recipient"]["x"] == 20 and layout.fields["recipient"]["y"] == 60

    award = decision.awards.get(certificate_number=2)
    pdf = client.get(reverse("decisions:award_certificate", args=[award.pk, "pdf"])).content
    found = []

    def visitor(text, cm, tm, font, size):
        if "Lê Văn Bình 1" in text:
            found.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))
    pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visitor)
    x, y = found[0]
    assert x == pytest.approx(20 * MM, abs=1) and (150 - 12) * MM < y < 150 * MM


def test_layout_editor_refuses_a_box_past_the_paper_and_saves_nothing(client, people):
    login(client, people["officer"])
    layout = CertificateLayout.objects.create(unit=None, certificate_type="giay_khen")
    data = layout_post_data(layout, **{"recipient-x": "100", "recipient-width": "230"})
    response = client.post(reverse("decisions:layout_edit", args=[layout.pk]), data)
    assert response.status_code == 200
    assert "the box goes past the right edge" in response.content.decode() or "mép phải" in response.content.decode()
    layout.refresh_from_db()
    assert layout.version == 1 and layout.fields["recipient"]["x"] == 33.5


def test_live_preview_and_test_page(client, people):
    login(client, people["officer"])
    layout = CertificateLayout.objects.create(unit=None, certificate_type="title")
    data = layout_post_data(layout, **{"award_name-font_size": "20"})
    fragment = client.get(reverse("decisions:layout_preview", args=[layout.pk]), data).content.decode()
    assert "xem-truoc.png?" in fragment and "award_name-font_size=20" in fragment
    assert "csrfmiddlewaretoken" not in fragment
    png = client.get(reverse("decisions:layout_preview_png", args=[layout.pk]), data)
    assert png["Content-Type"] == "image/png" and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    width, height = Image.open(io.BytesIO(png.content)).size
    assert abs(width - 891) <= 1 and abs(height - 630) <= 1  # 3 px per mm
    bad = client.get(reverse("decisions:layout_preview", args=[layout.pk]), {**data, "motto-y": "205"})
    assert "xem-truoc.png" not in bad.content.decode()
    test_page = client.get(reverse("decisions:layout_test_page", args=[layout.pk]))
    assert test_page["Content-Type"] == "application/pdf"
    assert "(33.5; 91) 230×12 mm" in pypdf.PdfReader(io.BytesIO(test_page.content)).pages[0].extract_text()


def test_layout_editor_access(client, people, units):
    school_layout = CertificateLayout.objects.create(unit=units["school"], certificate_type="giay_khen")
    default = CertificateLayout.objects.create(unit=None, certificate_type="giay_khen")
    login(client, people["clerk"])  # education clerk: the school is under the department
    assert client.get(reverse("decisions:layout_edit", args=[school_layout.pk])).status_code == 200
    assert client.get(reverse("decisions:layout_edit", args=[default.pk])).status_code == 403
    response = client.post(reverse("decisions:layouts"), {"unit": "", "certificate_type": "bang_khen"})
    assert response.status_code == 200 and not CertificateLayout.objects.filter(certificate_type="bang_khen").exists()
    client.logout()
    login(client, people["outsider"])
    for name in ("layout_edit", "layout_preview_png", "layout_test_page"):
        assert client.get(reverse(f"decisions:{name}", args=[school_layout.pk])).status_code == 403
    assert client.post(reverse("decisions:layout_delete", args=[school_layout.pk])).status_code == 403
    response = client.post(reverse("decisions:layouts"), {"unit": units["school"].pk, "certificate_type": "title"})
    assert response.status_code == 200 and not CertificateLayout.objects.filter(certificate_type="title").exists()
    client.logout()
    login(client, people["member"])
    assert client.get(reverse("decisions:layouts")).status_code == 403


# --- review fixes ------------------------------------------------------------------------------------

def test_an_unknown_certificate_format_is_404_not_a_pdf(client, people, decision):
    login(client, people["officer"])
    award = decision.awards.get(certificate_number=2)
    response = client.get(reverse("decisions:award_certificate", args=[award.pk, "exe"]))
    assert response.status_code == 404


def test_a_unit_sees_the_layouts_it_inherits_read_only(client, people, units, catalogue):
    """The clerk's certificates print with the province default: the list must show it (not
    "built-in layout"), without a link the clerk would get a 403 from."""
    default = CertificateLayout.objects.create(unit=None, certificate_type="giay_khen", print_frame=False)
    own = CertificateLayout.objects.create(unit=units["school"], certificate_type="bang_khen")
    other = CertificateLayout.objects.create(unit=units["health"], certificate_type="bang_khen")
    login(client, people["clerk"])  # education department; the school is under it
    page = client.get(reverse("decisions:layouts"))
    listed = {layout.pk: layout.editable for layout in page.context["layouts"]}
    assert listed == {default.pk: False, own.pk: True}
    html = page.content.decode()
    assert reverse("decisions:layout_edit", args=[own.pk]) in html
    assert reverse("decisions:layout_edit", args=[default.pk]) not in html
    assert reverse("decisions:layout_edit", args=[other.pk]) not in html
    # The department's own decision prints Giấy khen with the default: shown, not linked.
    own_decision = services.record_decision(number="9/QĐ-SGDĐT", issued_on=date(2026, 1, 6),
                                            authority="thu_truong_don_vi", issuer=units["education"],
                                            signer_name="Nông Văn Hùng", signer_title="Giám đốc")
    services.grant_award(own_decision, entry=catalogue["GIAY_KHEN"], subject=Person.objects.create(
        full_name="Hoàng Văn An", unit=units["school"]), recipient_name="Hoàng Văn An", unit=units["school"],
        year=2025)
    page = client.get(reverse("decisions:certificates", args=[own_decision.pk]))
    assert page.status_code == 200
    [row] = list(page.context["by_type"])
    assert row["layout"] == default and row["editable"] is False
    assert reverse("decisions:layout_edit", args=[default.pk]) not in page.content.decode()
    client.logout()
    login(client, people["officer"])
    assert {layout.pk for layout in client.get(reverse("decisions:layouts")).context["layouts"]} == {
        default.pk, own.pk, other.pk}


def test_the_decision_page_links_each_certificate_and_pages_the_list(client, people, units, catalogue, nominee):
    """One award's certificate (a reprint, a correction in Word) had no link anywhere in the UI."""
    decision = make_decision(units, catalogue, nominee, extra=55)  # 56 certificates and a flag
    login(client, people["officer"])
    page = client.get(reverse("decisions:certificates", args=[decision.pk]))
    html = page.content.decode()
    first = decision.awards.get(certificate_number=1)
    assert reverse("decisions:award_certificate", args=[first.pk, "pdf"]) in html
    assert reverse("decisions:award_certificate", args=[first.pk, "docx"]) in html
    assert len(page.context["award_page"].object_list) == 50
    last = decision.awards.get(certificate_number=56)
    assert reverse("decisions:award_certificate", args=[last.pk, "pdf"]) not in html
    second = client.get(reverse("decisions:certificates", args=[decision.pk]), {"page": 2}).content.decode()
    assert reverse("decisions:award_certificate", args=[last.pk, "pdf"]) in second
    flag = decision.awards.get(entry__code="CO_TINH")
    assert reverse("decisions:award_certificate", args=[flag.pk, "pdf"]) not in html + second


def test_the_decision_certificates_page_does_not_query_per_award(client, people, units, catalogue, nominee):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    login(client, people["officer"])
    small = make_decision(units, catalogue, nominee, extra=2)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("decisions:certificates", args=[small.pk]))
    small.awards.all().delete()
    small.delete()
    big = make_decision(units, catalogue, nominee, extra=40)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("decisions:certificates", args=[big.pk]))
    assert len(many) == len(few)
