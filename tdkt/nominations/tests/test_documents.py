"""The dossier's papers rendered from states reached through the real services, read back with
python-docx and (one conversion per document kind) as PDF text; page 1 of each PDF is saved as
a PNG artifact in $TDKT_ARTIFACTS."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tdkt.decisions import services as decision_services
from tdkt.documents.registry import SPECS
from tdkt.documents.rendering import docx_to_pdf, render_docx
from tdkt.documents.tests.readback import docx_tables, docx_text, pdf_text, save_first_page_png
from tdkt.documents.vietnamese import ngay, ngay_thang_nam
from tdkt.nominations import documents, services
from tdkt.nominations.models import CouncilSession, Nomination, Status
from tdkt.nominations.tests.states import fast_passwords, states  # noqa: F401
from tdkt.organizations.models import Collective, Person, PostHeld

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TODAY_WORDS = None


def today_line():
    return f"Lạng Sơn, {ngay_thang_nam(timezone.localdate())}"


@pytest.fixture
def collective(units):
    return Collective.objects.create(name="Tổ Toán - Tin", unit=units["school"], member_count=12, women_count=7)


@pytest.fixture
def dossier_of_two(states, people, catalogue, collective):
    """A dossier with Nguyễn Thị Đào (person) and Tổ Toán - Tin (collective), both BK_TINH."""
    def build(status):
        dossier = states.new()
        services.add_nomination(dossier, actor=people["clerk"], subject=collective, entry=catalogue["BK_TINH"],
                                achievement_summary="Tập thể dẫn đầu phong trào thi đua\nCó 3 sáng kiến",
                                position_text="Trường THPT Việt Bắc")
        from tdkt.nominations.tests.states import PATHS
        states.walk(dossier, PATHS[status][1])
        dossier.refresh_from_db()
        assert dossier.status == status
        return dossier
    return build


def assert_dates_and_header(text):
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert today_line() in text


def pdf_of(docx: bytes, name: str) -> str:
    pdf = docx_to_pdf(docx)
    save_first_page_png(pdf, name)
    return pdf_text(pdf)


def test_submission_of_the_unit(dossier_of_two, people):
    dossier = dossier_of_two(Status.SUBMITTED)
    docx = render_docx("to_trinh_de_nghi", documents.submission_context(dossier))
    text = docx_text(docx)
    assert_dates_and_header(text)
    assert "SỞ GIÁO DỤC VÀ ĐÀO TẠO" in text and "UBND TỈNH LẠNG SƠN" in text
    assert "/TTr-SGDĐT" in text and dossier.code in text
    assert "2 trường hợp (1 cá nhân, 1 tập thể)" in text
    assert "Nông Văn Hùng" in text  # the unit head who submitted signs
    rows = docx_tables(docx)[2]
    assert rows[1][:4] == ["1", "Bà Nguyễn Thị Đào", "Giáo viên, Trường THPT Việt Bắc", "Bằng khen của Chủ tịch UBND tỉnh"]
    assert rows[2][1] == "Tổ Toán - Tin" and rows[2][4] == "Tập thể dẫn đầu phong trào thi đua\nCó 3 sáng kiến"
    summary = docx_tables(docx)[1]
    assert summary[1] == ["Bằng khen của Chủ tịch UBND tỉnh", "2"]
    pdf = pdf_of(docx, "to_trinh_de_nghi")
    for expected in ("TỜ TRÌNH", "Nguyễn Thị Đào", "Tổ Toán - Tin", dossier.code, today_line(), "Nông Văn Hùng"):
        assert expected in pdf, expected


def test_submission_on_the_appraisal(dossier_of_two, people):
    dossier = dossier_of_two(Status.APPRAISED)
    docx = render_docx("to_trinh_tham_dinh", documents.appraisal_context(dossier))
    text = docx_text(docx)
    assert_dates_and_header(text)
    assert "SỞ NỘI VỤ" in text and "/TTr-SNV" in text
    assert f"Ngày {ngay(timezone.localdate())}" in text  # received on, dd/mm/yyyy
    assert "2 trường hợp đủ điều kiện" in text and "0 trường hợp không đề nghị" in text
    with translation.override("vi"):
        agree = str(Nomination.Verdict.AGREE.label)
    rows = docx_tables(docx)[2]
    assert [row[1] for row in rows[1:]] == ["Bà Nguyễn Thị Đào", "Tổ Toán - Tin"]
    assert rows[1][4] == agree and "Đơn vị đã xác nhận thành tích" in rows[1][5]
    pdf = pdf_of(docx, "to_trinh_tham_dinh")
    for expected in ("TỜ TRÌNH", "Nguyễn Thị Đào", dossier.code, today_line(), ngay(timezone.localdate())):
        assert expected in pdf, expected


@pytest.fixture
def closed_session(dossier_of_two):
    dossier = dossier_of_two(Status.COUNCIL_DONE)
    return dossier, dossier.council_sessions.get()


def test_minutes_of_the_council_meeting(closed_session):
    dossier, session = closed_session
    docx = render_docx("bien_ban_hop", documents.session_context(session))
    text = docx_text(docx)
    assert_dates_and_header(text)
    assert f"Hôm nay, {ngay_thang_nam(session.held_on)}" in text
    assert "Tổng số thành viên Hội đồng: 6; có mặt: 6; vắng mặt: 0" in text
    assert "Kết luận: 2 trường hợp đạt, 0 trường hợp không đạt" in text
    tables = docx_tables(docx)
    votes = tables[4]
    assert votes[1][1:] == ["Bà Nguyễn Thị Đào", "Bằng khen của Chủ tịch UBND tỉnh", "6", "0", "0", "100%", "Đạt"]
    assert tables[3][1][1] == dossier.code
    pdf = pdf_of(docx, "bien_ban_hop")
    for expected in ("BIÊN BẢN", "Nguyễn Thị Đào", "Tổ Toán - Tin", dossier.code, "100%", today_line()):
        assert expected in pdf, expected


def test_vote_count_record(states, people, make_dossier):
    """Recorded votes with a no and an abstention, counted on the total membership."""
    dossier = states.reach(Status.AT_COUNCIL)
    members = states.council.members
    session = services.open_council_session(states.council, actor=people["secretary"], held_on=date(2025, 2, 5),
                                            dossiers=[dossier], present_user_ids=[m.pk for m in members[:5]])
    nomination = dossier.nominations.get()
    for member, choice in zip(members[:5], ["yes", "yes", "yes", "no", "abstain"]):
        services.cast_vote(session, nomination, actor=member, choice=choice)
    services.close_council_session(session, actor=people["secretary"])
    docx = render_docx("bien_ban_kiem_phieu", documents.session_context(session))
    text = docx_text(docx)
    assert "Lạng Sơn, ngày 05 tháng 02 năm 2025" in text
    assert "Số phiếu phát ra: 5; số phiếu thu vào (kể cả ý kiến bằng văn bản của thành viên vắng mặt): 5" in text
    row = docx_tables(docx)[1][1]
    assert row[3:6] == ["3", "1", "1"] and row[6] == "50%"
    assert row[7] == ("Đạt" if nomination.__class__.objects.get(pk=nomination.pk).council_result == "passed"
                      else "Không đạt")
    pdf = pdf_of(docx, "bien_ban_kiem_phieu")
    for expected in ("BIÊN BẢN KIỂM PHIẾU", "Nguyễn Thị Đào", "50%", "ngày 05 tháng 02 năm 2025"):
        assert expected in pdf, expected


def test_achievement_report_of_a_person_lists_earlier_awards(states, people, catalogue, nominee, units):
    earlier = decision_services.record_decision(number="12/QĐ-UBND", issued_on=date(2023, 8, 10),
                                                authority="chu_tich_ubnd_tinh", issuer=units["province"],
                                                signer_name="Hồ Tiến Thiệu")
    decision_services.grant_award(earlier, entry=catalogue["CSTDCS"], subject=nominee,
                                  recipient_name=nominee.full_name, unit=units["school"], year=2023)
    dossier = states.reach(Status.SUBMITTED)
    nomination = dossier.nominations.get()
    assert documents.report_code(nomination) == "bao_cao_ca_nhan"
    docx = render_docx("bao_cao_ca_nhan", documents.report_context(nomination))
    text = docx_text(docx)
    assert "Họ và tên: Nguyễn Thị Đào" in text and "17/05/1980" in text
    assert "Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh" in text
    assert "Hoàn thành xuất sắc nhiệm vụ năm học" in text
    awards = docx_tables(docx)[1]
    assert awards[1] == ["2023", catalogue["CSTDCS"].name, "12/QĐ-UBND ngày 10/08/2023"]
    pdf = pdf_of(docx, "bao_cao_ca_nhan")
    for expected in ("BÁO CÁO THÀNH TÍCH", "Nguyễn Thị Đào", "17/05/1980", "12/QĐ-UBND ngày 10/08/2023"):
        assert expected in pdf, expected


def test_report_variants_collective_sudden_and_contribution(states, people, catalogue, collective, units):
    dossier = states.new()
    services.add_nomination(dossier, actor=people["clerk"], subject=collective, entry=catalogue["BK_TINH"],
                            achievement_summary="Dẫn đầu phong trào")
    nomination = dossier.nominations.get(collective=collective)
    assert documents.report_code(nomination) == "bao_cao_tap_the"
    text = docx_text(render_docx("bao_cao_tap_the", documents.report_context(nomination)))
    assert "Tên tập thể: Tổ Toán - Tin; thuộc: Trường THPT Việt Bắc" in text and "Tổng số thành viên: 12 (nữ: 7)" in text

    sudden = states.make_dossier(kind="sudden")
    nomination = sudden.nominations.get()
    assert documents.report_code(nomination) == "bao_cao_dot_xuat"
    text = docx_text(render_docx("bao_cao_dot_xuat", documents.report_context(nomination)))
    assert "Bà Nguyễn Thị Đào; Giáo viên, Trường THPT Việt Bắc" in text

    veteran = Person.objects.create(full_name="Hoàng Văn Minh", gender="male", birth_date=date(1965, 3, 2),
                                    unit=units["school"], position="Hiệu trưởng")
    PostHeld.objects.create(person=veteran, post="hieu_truong", organisation="Trường THPT Việt Bắc",
                            started_on=date(2010, 9, 1))
    contribution = states.make_dossier(kind="contribution", subject=veteran)
    nomination = contribution.nominations.get()
    assert documents.report_code(nomination) == "bao_cao_cong_hien"
    docx = render_docx("bao_cao_cong_hien", documents.report_context(nomination))
    assert docx_tables(docx)[1][1][0] == "2010 - nay"
    assert "Trường THPT Việt Bắc" in docx_tables(docx)[1][1][1]


def _names(context: dict, spec) -> list[str]:
    missing = []
    for field in spec.fields:
        if field.name not in context:
            missing.append(field.name)
        elif field.fields:
            for row in context[field.name]:
                missing += [f"{field.name}.{child.name}" for child in field.fields if child.name not in row]
    return missing


def test_every_builder_fills_every_registered_placeholder(dossier_of_two):
    dossier = dossier_of_two(Status.COUNCIL_DONE)
    session = dossier.council_sessions.get()
    contexts = {"to_trinh_de_nghi": documents.submission_context(dossier),
                "to_trinh_tham_dinh": documents.appraisal_context(dossier),
                "bien_ban_hop": documents.session_context(session),
                "bien_ban_kiem_phieu": documents.session_context(session)}
    for nomination in dossier.nominations.all():
        for code in ("bao_cao_ca_nhan", "bao_cao_tap_the", "bao_cao_dot_xuat", "bao_cao_cong_hien"):
            contexts[code] = documents.report_context(nomination)
            assert _names(contexts[code], SPECS[code]) == [], code
    for code, context in contexts.items():
        assert _names(context, SPECS[code]) == [], code


# --- pages ---------------------------------------------------------------------------

def test_dossier_papers_follow_the_dossier_scope(client, states, people):
    dossier = states.reach(Status.SUBMITTED)
    client.force_login(people["clerk"])
    page = client.get(reverse("nominations:detail", args=[dossier.pk])).content.decode()
    url = reverse("nominations:document_submission", args=[dossier.pk, "docx"])
    assert url in page
    assert reverse("nominations:document_appraisal", args=[dossier.pk, "docx"]) not in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == DOCX
    assert "attachment" in response["Content-Disposition"] and dossier.code.lower() in response["Content-Disposition"]
    assert "Nguyễn Thị Đào" in docx_text(response.content)
    nomination = dossier.nominations.get()
    report = client.get(reverse("nominations:document_report", args=[dossier.pk, nomination.pk, "docx"]))
    assert report.status_code == 200 and "BÁO CÁO THÀNH TÍCH" in docx_text(report.content)
    # Not appraised yet: no appraisal paper.
    assert client.get(reverse("nominations:document_appraisal", args=[dossier.pk, "docx"])).status_code == 404
    client.force_login(people["outsider"])
    assert client.get(url).status_code == 404
    assert client.get(reverse("nominations:document_report", args=[dossier.pk, nomination.pk, "docx"])).status_code == 404
    client.force_login(people["clerk"])
    assert client.get(reverse("nominations:document_submission", args=[dossier.pk, "exe"])).status_code == 404


def test_appraisal_paper_is_offered_once_appraised(client, states, people):
    dossier = states.reach(Status.APPRAISED)
    client.force_login(people["officer"])
    url = reverse("nominations:document_appraisal", args=[dossier.pk, "docx"])
    assert url in client.get(reverse("nominations:detail", args=[dossier.pk])).content.decode()
    assert client.get(url).status_code == 200


def test_meeting_papers_respect_ballot_privacy(client, states, people):
    dossier = states.reach(Status.AT_COUNCIL)
    members = states.council.members
    session = services.open_council_session(states.council, actor=people["secretary"],
                                            held_on=timezone.localdate(), dossiers=[dossier],
                                            present_user_ids=[m.pk for m in members])
    url = reverse("nominations:document_session", args=[session.pk, "bien-ban-kiem-phieu", "docx"])
    client.force_login(people["member"])
    assert client.get(url).status_code == 403  # open meeting: the count is the secretary's
    client.force_login(people["clerk"])
    assert client.get(url).status_code == 403  # not a council viewer
    client.force_login(people["secretary"])
    assert url in client.get(reverse("nominations:council_session", args=[session.pk])).content.decode()
    assert client.get(url).status_code == 200
    services.close_council_session(session, actor=people["secretary"])
    assert CouncilSession.objects.get(pk=session.pk).state == "closed"
    client.force_login(people["member"])
    response = client.get(reverse("nominations:document_session", args=[session.pk, "bien-ban-hop", "docx"]))
    assert response.status_code == 200 and "Hội đồng Thi đua - Khen thưởng tỉnh" in docx_text(response.content)
    assert client.get(reverse("nominations:document_session",
                              args=[session.pk, "khac", "docx"])).status_code == 404
