"""Contexts of the dossier's papers for ``tdkt.documents``: Tờ trình đề nghị (the unit), Tờ trình
kết quả thẩm định (the TĐKT Board), Biên bản họp and Biên bản kiểm phiếu (from the recorded
votes of a council meeting), Báo cáo thành tích of one nomination.

Each builder returns a plain dict with the names of ``tdkt.documents.registry`` (a test checks
that every registered name is filled). Texts are Vietnamese whatever the user's language.
"""

from django.db.models import Count
from django.utils import timezone, translation

from tdkt.accounts.models import Role, User
from tdkt.decisions.models import Award
from tdkt.documents.context import blank_number, counted_by, header, place_name, signature, subject_name
from tdkt.documents.vietnamese import ngay
from tdkt.nominations import services
from tdkt.nominations.models import (
    CouncilMembership, CouncilSession, Dossier, DossierKind, Nomination, Status, TimelineEvent,
)
from tdkt.organizations.models import SubjectKind

_SUBJECT = ("entry", "person__unit", "collective__unit", "household", "dossier__unit")


def _position(nomination) -> str:
    if nomination.position_text:
        return nomination.position_text
    subject = nomination.subject
    parts = [getattr(subject, "position", ""), getattr(getattr(subject, "unit", None), "name", "")]
    return ", ".join(part for part in parts if part)


def _kind_label(subject_kind: str) -> str:
    return "Cá nhân" if subject_kind == SubjectKind.PERSON else (
        "Tập thể" if subject_kind == SubjectKind.COLLECTIVE else "Hộ gia đình")


def _event_on(dossier, status):
    event = (TimelineEvent.objects.filter(dossier=dossier, to_status=status).select_related("actor")
             .order_by("-at").first())
    return (timezone.localdate(event.at) if event else None), (event.actor if event else None)


def _head_of(unit, *roles):
    return User.objects.filter(unit=unit, role__in=roles, is_active=True).order_by("pk").first()


def _signer(user, default_title: str) -> dict:
    if user is None:
        return {"name": "", "title": default_title}
    return {"name": user.get_full_name() or user.username, "title": user.position or default_title}


def _dossier_fields(dossier: Dossier, nominations) -> dict:
    persons = sum(1 for n in nominations if n.subject_kind == SubjectKind.PERSON)
    return {
        "kinh_gui": f"Ủy ban nhân dân tỉnh {place_name()}",
        "trich_yeu": f"Về việc đề nghị khen thưởng: {dossier.title}",
        "ma_ho_so": dossier.code,
        "ten_ho_so": dossier.title,
        "loai_khen_thuong": str(DossierKind(dossier.kind).label),
        "nam": dossier.year,
        "don_vi_de_nghi": dossier.unit.name,
        "so_ca_nhan": persons,
        "so_tap_the": len(nominations) - persons,
        "tong_so": len(nominations),
    }


def _nominee_row(index, nomination) -> dict:
    return {
        "stt": index,
        "ho_ten": subject_name(nomination.subject),
        "doi_tuong": _kind_label(nomination.subject_kind),
        "chuc_vu_don_vi": _position(nomination),
        "hinh_thuc": nomination.entry.name,
        "thanh_tich": nomination.achievement_summary,
    }


def _nominations(dossier):
    return list(dossier.nominations.select_related(*_SUBJECT).order_by("id"))


def submission_context(dossier: Dossier) -> dict:
    """Tờ trình đề nghị khen thưởng: the unit proposes its dossier to the province."""
    with translation.override("vi"):
        nominations = _nominations(dossier)
        submitted_on, submitter = _event_on(dossier, Status.SUBMITTED)
        unit = dossier.unit
        signer = _signer(submitter or _head_of(unit, Role.UNIT_HEAD), "Thủ trưởng đơn vị")
        rows = [_nominee_row(i, n) for i, n in enumerate(nominations, 1)]
        return {
            **header(issuer_name=unit.name, parent_name=unit.parent.name if unit.parent_id else "",
                     number=blank_number("TTr", unit.short_name, unit.name), on=submitted_on),
            **_dossier_fields(dossier, nominations),
            "de_nghi": rows,
            "tong_hop": counted_by(rows, "hinh_thuc"),
            **signature(name=signer["name"], title=signer["title"],
                        recipients=["Như trên;", "Lưu: VT."]),
        }


def appraisal_context(dossier: Dossier, *, issuer=None) -> dict:
    """Tờ trình kết quả thẩm định: the TĐKT Board reports its appraisal to the province."""
    with translation.override("vi"):
        nominations = _nominations(dossier)
        received_on, receiver = _event_on(dossier, Status.RECEIVED)
        appraised_on, appraiser = _event_on(dossier, Status.APPRAISED)
        board_user = appraiser or receiver
        unit = issuer or (board_user.unit if board_user else dossier.unit)
        head = _head_of(unit, Role.BOARD_HEAD)
        signer = _signer(head, "Trưởng Ban Thi đua - Khen thưởng")
        rows = []
        for index, nomination in enumerate(nominations, 1):
            row = _nominee_row(index, nomination)
            row.update(ket_qua_tham_dinh=(nomination.get_appraisal_verdict_display() or "Chưa thẩm định"),
                       kiem_tra_dieu_kien=(nomination.get_eligibility_verdict_display() or "—"),
                       y_kien=nomination.appraisal_comment)
            rows.append(row)
        agreed = [row for row, n in zip(rows, nominations) if n.appraisal_verdict == Nomination.Verdict.AGREE]
        return {
            **header(issuer_name=unit.name, parent_name=unit.parent.name if unit.parent_id else "",
                     number=blank_number("TTr", unit.short_name, unit.name), on=appraised_on),
            **_dossier_fields(dossier, nominations),
            "trich_yeu": f"Về kết quả thẩm định hồ sơ đề nghị khen thưởng {dossier.code} của {dossier.unit.name}",
            "ngay_nhan": ngay(received_on),
            "so_dong_y": len(agreed),
            "so_khong_dong_y": len(rows) - len(agreed),
            "ket_qua": rows,
            "tong_hop": counted_by(agreed, "hinh_thuc"),
            **signature(name=signer["name"], title=signer["title"],
                        recipients=["Như trên;", "Hội đồng Thi đua - Khen thưởng tỉnh;", "Lưu: VT, TĐKT."]),
        }


def _percent(share: float) -> str:
    text = f"{share * 100:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def session_context(session: CouncilSession) -> dict:
    """Biên bản họp and Biên bản kiểm phiếu: attendance and the recorded votes of one meeting."""
    with translation.override("vi"):
        council = session.council
        positions = dict(CouncilMembership.objects.filter(council=council)
                         .values_list("user_id", "position"))
        attendance = list(session.attendance.select_related("member").order_by("-present", "member__first_name"))

        def member_row(index, record):
            position = positions.get(record.member_id, CouncilMembership.Position.MEMBER)
            return {"stt": index, "ho_ten": record.member.get_full_name() or record.member.username,
                    "chuc_vu": str(CouncilMembership.Position(position).label).capitalize()}

        present = [a for a in attendance if a.present]
        absent = [a for a in attendance if not a.present]
        dossiers = list(session.dossiers.select_related("unit").order_by("code"))
        nominations = list(Nomination.objects.filter(dossier__in=dossiers,
                                                     appraisal_verdict=Nomination.Verdict.AGREE)
                           .select_related(*_SUBJECT).order_by("dossier__code", "id"))
        results = []
        for index, nomination in enumerate(nominations, 1):
            tally = services.tally(session, nomination)
            passed = tally.get("passed")
            if passed is None:
                passed = nomination.council_result == Nomination.CouncilResult.PASSED
            results.append({
                "stt": index, "ho_ten": subject_name(nomination.subject), "don_vi": nomination.dossier.unit.name,
                "hinh_thuc": nomination.entry.name, "dong_y": tally["yes"], "khong_dong_y": tally["no"],
                "khong_y_kien": tally["abstain"],
                "ty_le": _percent(tally["yes"] / session.total_members) if session.total_members else "",
                "ket_qua": "Đạt" if passed else "Không đạt",
            })
        written_members = set(session.votes.filter(written=True).values_list("member_id", flat=True))
        voters = session.votes.aggregate(n=Count("member", distinct=True))["n"]
        by_position = {pos: uid for uid, pos in positions.items()}
        chair = next((a.member for a in present if positions.get(a.member_id) == CouncilMembership.Position.CHAIR), None)
        chair = chair or User.objects.filter(pk=by_position.get(CouncilMembership.Position.CHAIR)).first()
        secretary = next((a.member for a in attendance
                          if positions.get(a.member_id) == CouncilMembership.Position.SECRETARY
                          or a.member.role == Role.COUNCIL_SECRETARY), None)

        def name(user):
            return (user.get_full_name() or user.username) if user else ""

        unit = council.unit
        passed_count = sum(1 for row in results if row["ket_qua"] == "Đạt")
        return {
            **header(issuer_name=council.name, parent_name=unit.name,
                     number=blank_number("BB", "HĐTĐKT", council.name), on=session.held_on),
            "ten_hoi_dong": council.name,
            "ngay_hop": ngay(session.held_on),
            "ngay_hop_chu": header(issuer_name="", number="", on=session.held_on)["ngay_van_ban"],
            "tong_thanh_vien": session.total_members,
            "so_co_mat": len(present),
            "so_vang": session.total_members - len(present),
            "so_y_kien_van_ban": len(written_members),
            "co_mat": [member_row(i, a) for i, a in enumerate(present, 1)],
            "vang_mat": [member_row(i, a) for i, a in enumerate(absent, 1)],
            "ho_so": [{"stt": i, "ma": d.code, "ten": d.title, "don_vi": d.unit.name}
                      for i, d in enumerate(dossiers, 1)],
            "ket_qua": results,
            "so_dat": passed_count,
            "so_khong_dat": len(results) - passed_count,
            "chu_tri": name(chair),
            "thu_ky": name(secretary),
            "ghi_chu": session.notes,
            "so_phieu_phat_ra": len(present),
            "so_phieu_thu_vao": voters,
            **signature(name=name(chair), title="Chủ trì cuộc họp"),
        }


def report_code(nomination: Nomination) -> str:
    """Which annex template a nomination's Báo cáo thành tích uses."""
    kind = nomination.dossier.kind
    if kind == DossierKind.SUDDEN:
        return "bao_cao_dot_xuat"
    if nomination.subject_kind == SubjectKind.PERSON:
        return "bao_cao_cong_hien" if kind == DossierKind.CONTRIBUTION else "bao_cao_ca_nhan"
    return "bao_cao_tap_the"


def _earlier_awards(nomination) -> list[dict]:
    awards = Award.objects.filter(person_id=nomination.person_id, collective_id=nomination.collective_id,
                                  household_id=nomination.household_id).exclude(
        nomination=nomination).select_related("entry", "decision").order_by("year", "id")
    return [{"nam": award.year, "hinh_thuc": award.entry.name,
             "so_quyet_dinh": f"{award.decision.number} ngày {ngay(award.decision.issued_on)}"}
            for award in awards]


def report_context(nomination: Nomination) -> dict:
    """Báo cáo thành tích of one nominee, in the annex template that fits it (``report_code``)."""
    with translation.override("vi"):
        dossier = nomination.dossier
        unit = dossier.unit
        subject = nomination.subject
        head = _head_of(unit, Role.UNIT_HEAD)
        signer = _signer(head, "Thủ trưởng đơn vị")
        start, end = nomination.period_from_year or dossier.year, nomination.period_to_year or dossier.year
        context = {
            **header(issuer_name=unit.name, parent_name=unit.parent.name if unit.parent_id else "",
                     number="", on=None),
            "hinh_thuc_de_nghi": nomination.entry.name,
            "nam": dossier.year,
            "giai_doan": f"năm {start}" if start == end else f"từ năm {start} đến năm {end}",
            "thanh_tich": nomination.achievement_summary,
            "don_vi_de_nghi": unit.name,
            "khen_thuong_da_co": _earlier_awards(nomination),
            **signature(name=signer["name"], title=signer["title"]),
            # Person fields (empty for a collective) and collective fields (empty for a person),
            # so one context fits whichever annex template the administrator picks.
            "ho_ten": "", "gioi_tinh": "", "ngay_sinh": "", "dan_toc": "", "chuc_vu": "", "don_vi": "",
            "ten_tap_the": "", "don_vi_cap_tren": "", "so_thanh_vien": "", "so_nu": "",
            "ten": subject_name(subject), "chuc_vu_don_vi": _position(nomination), "qua_trinh": [],
        }
        if nomination.person_id:
            person = nomination.person
            context.update(
                ho_ten=person.full_name, gioi_tinh=person.get_gender_display(),
                ngay_sinh=ngay(person.birth_date) or (str(person.birth_year) if person.birth_year else ""),
                dan_toc=person.ethnicity, chuc_vu=person.position, don_vi=person.unit.name if person.unit_id else "",
                qua_trinh=[{"tu_den": f"{post.started_on.year} - {post.ended_on.year if post.ended_on else 'nay'}",
                            "chuc_vu_don_vi": ", ".join(filter(None, [post.get_post_display(), post.organisation]))}
                           for post in person.posts_held.order_by("started_on")])
        elif nomination.collective_id:
            collective = nomination.collective
            context.update(ten_tap_the=collective.name, don_vi_cap_tren=collective.unit.name,
                           so_thanh_vien=str(collective.member_count or ""),
                           so_nu=str(collective.women_count or ""))
        else:
            context.update(ten_tap_the=str(subject), don_vi_cap_tren=unit.name)
        return context


def filename(prefix: str, code: str) -> str:
    """An ASCII file name: "to-trinh_HS-2025-00001"."""
    return f"{prefix}_{code}".replace("/", "-")

