"""The Quyết định khen thưởng and its attached list (danh sách kèm theo) for ``tdkt.documents``.

The list is grouped by award (title or form) in the order of the số sổ vàng, with the coefficient
and money per line, the total per group and the grand total in figures and in words.
A decision keeps the template version current when it was recorded (``Decision.template_version``,
set by ``services.record_decision``); a decision recorded before that is pinned at its first render.
"""

from types import SimpleNamespace

from django.db import transaction
from django.utils import translation

from tdkt.catalogue.models import Authority
from tdkt.decisions.models import Decision
from tdkt.documents.context import body_name, header, place_name, signature, subject_name
from tdkt.documents.templates_store import current_version
from tdkt.documents.vietnamese import he_so, so_tien, so_tien_bang_chu

CODE = "quyet_dinh"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
         "XVI", "XVII", "XVIII", "XIX", "XX"]
GROUNDS = [
    "Căn cứ Luật Tổ chức chính quyền địa phương;",
    "Căn cứ Luật Thi đua, khen thưởng và các văn bản quy định chi tiết, hướng dẫn thi hành;",
]
FUNDING = "Quỹ thi đua, khen thưởng của tỉnh"
PROPOSER = "Giám đốc Sở Nội vụ"


def _authority_title(decision: Decision) -> str:
    if decision.authority == Authority.PROVINCE_CHAIR:
        return f"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH {place_name().upper()}"
    return str(Authority(decision.authority).label).upper()


# Heads of a body who sign in their own name; a deputy signs "KT." (ký thay) for them.
HEADS = ("chủ tịch", "giám đốc", "trưởng ban", "chánh văn phòng", "hiệu trưởng", "thủ trưởng", "cục trưởng",
         "chi cục trưởng", "trưởng phòng", "bí thư")


def _signature_lines(decision: Decision) -> tuple[str, str]:
    """(quyền hạn ký, chức vụ) per NĐ 30 Phụ lục I: "Phó Chủ tịch UBND tỉnh" signs
    "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Phó Giám đốc Sở Nội vụ" "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"; the body's
    name after the title is not repeated (it is in the header)."""
    title = " ".join((decision.signer_title or "").split())
    lowered = title.lower()
    deputy = lowered.startswith("phó ")
    rest = lowered[4:] if deputy else lowered
    head = next((h for h in sorted(HEADS, key=len, reverse=True) if rest.startswith(h)), None)
    if head is None:
        return "", title
    if deputy:
        return f"KT. {head.upper()}", f"PHÓ {head.upper()}"
    return "", head.upper()


def _recipient(row: dict) -> str:
    """The line's name as subject_name writes it ("Bà …", a collective, "Hộ ông/bà …")."""
    if row["person__full_name"] is not None:
        return subject_name(SimpleNamespace(full_name=row["person__full_name"], gender=row["person__gender"]))
    if row["household__head_name"] is not None:
        return subject_name(SimpleNamespace(head_name=row["household__head_name"]))
    return row["collective__name"] or row["recipient_name"]


def decision_context(decision: Decision) -> dict:
    with translation.override("vi"):
        # Plain rows, not model instances: a 1,000-line decision is read in a few milliseconds
        # (instantiating awards, entries and subjects cost ~10x more; benchmarks/decision_docx.py).
        awards = list(decision.awards.order_by("certificate_number").values(
            "certificate_number", "entry_id", "entry__name", "position_text", "unit__name", "money_coefficient",
            "money_amount", "recipient_name", "person_id", "person__full_name", "person__gender",
            "collective__name", "household__head_name"))
        groups: dict[int, dict] = {}
        for award in awards:
            group = groups.get(award["entry_id"])
            if group is None:
                group = groups[award["entry_id"]] = {
                    "stt": ROMAN[len(groups)] if len(groups) < len(ROMAN) else str(len(groups) + 1),
                    "hinh_thuc": award["entry__name"], "dong": [], "_money": 0}
            group["dong"].append({
                "stt": award["certificate_number"],
                "ho_ten": _recipient(award),
                "chuc_vu_don_vi": award["position_text"] or award["unit__name"],
                "he_so": he_so(award["money_coefficient"]),
                "so_tien": so_tien(award["money_amount"]),
            })
            group["_money"] += award["money_amount"]
        total = sum(award["money_amount"] for award in awards)
        persons = sum(1 for award in awards if award["person_id"])
        nhom = [{**{k: v for k, v in g.items() if k != "_money"}, "so_luong": len(g["dong"]),
                 "tong_tien": so_tien(g["_money"])} for g in groups.values()]
        on_behalf, title = _signature_lines(decision)
        issuer = decision.issuer
        summary = (decision.summary or "khen thưởng").strip()
        trich_yeu = summary if summary.lower().startswith("về việc") else f"Về việc {summary[0].lower()}{summary[1:]}"
        return {
            **header(issuer_name=issuer.name, parent_name=issuer.parent.name if issuer.parent_id else "",
                     number=decision.number, on=decision.issued_on),
            "co_quan_ban_hanh": body_name(issuer.name),
            "chuc_danh_tham_quyen": _authority_title(decision),
            "trich_yeu": trich_yeu,
            "can_cu": GROUNDS,
            "de_nghi_cua": PROPOSER,
            "nhom": nhom,
            "tong_so_khen": len(awards),
            "so_ca_nhan": persons,
            "so_tap_the": len(awards) - persons,
            "tong_tien": so_tien(total),
            "tong_tien_bang_chu": so_tien_bang_chu(total),
            "nguon_kinh_phi": FUNDING,
            **signature(name=decision.signer_name, title=title, on_behalf=on_behalf,
                        recipients=["Như Điều 3;", "Sở Nội vụ (Ban Thi đua - Khen thưởng);", "Lưu: VT."]),
        }


def decision_template_version(decision: Decision):
    """The version the decision was made with (pinned when recorded); a decision recorded before
    pinning existed gets the current one at its first render, kept from then on."""
    if decision.template_version_id:
        return decision.template_version
    version = current_version(CODE)
    with transaction.atomic():
        # Only the first render pins: a concurrent first render keeps whichever was stored first.
        Decision.objects.filter(pk=decision.pk, template_version__isnull=True).update(template_version=version)
    decision.refresh_from_db(fields=["template_version"])
    return decision.template_version


def filename(decision: Decision) -> str:
    return "quyet-dinh_" + decision.number.replace("/", "-")
