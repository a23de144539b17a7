"""Reference data of the award catalogue, from LAW.md §1–2, by regime.

Three rule sets (LAW.md §0.2, §6.3), one row per code and rule set:

* old law (Luật 2003 as amended, NĐ 91/2017): 01/07/2004 – 31/12/2023;
* Luật 2022 with NĐ 98/2023: 01/01/2024 – 30/06/2025;
* Luật 2022 with NĐ 152/2025 (and NĐ 129/2025 for commune powers): from 01/07/2025.

Every code of the current law gets its own NĐ 98 and NĐ 152 rows, even where
the numbers did not change, because the evidence differs: LAW.md verified the
vote thresholds in NĐ 98 but not their NĐ 152 counterpart, and verified the
NĐ 152 money table but not every NĐ 98 line. A row's ``evidence`` is the
weakest tag among its facts, so an administrator sees which rows to confirm.

``seed_catalogue()`` is idempotent: it creates missing rows and updates the
fields of existing ones (matched on code + valid_from), so it doubles as the
upgrade path when LAW.md facts are corrected. Every field is written
explicitly (including ``valid_to``) so that a correction here always reaches
the database.

Money: ``money_coefficient`` is the amount for an individual where a form is
given to individuals and collectives alike (collectives get twice, households
1.5 times the individual amount: NĐ 152 Đ51–Đ54, LAW.md §1.4, §2.3, §2.8); the
collective multiplier is stated in ``legal_basis`` until the model has a field
for it.
"""

from datetime import date
from decimal import Decimal

from tdkt.catalogue.models import BaseSalary, CatalogueEntry

OLD_START = date(2004, 7, 1)
OLD_END = date(2023, 12, 31)
NEW_START = date(2024, 1, 1)
ND98_END = date(2025, 6, 30)
ND152_START = date(2025, 7, 1)

# Attachment kinds (catalogue.models.AttachmentKind values).
TT, BC, BB, KQ, SK = "to_trinh", "bao_cao_thanh_tich", "bien_ban", "ket_qua_bo_phieu", "xac_nhan_sang_kien"

# Authority codes (catalogue.models.Authority values).
UH = "thu_truong_don_vi"
DC = "chu_tich_ubnd_huyen"
CC = "chu_tich_ubnd_xa"
ED = "giam_doc_doanh_nghiep"
PC = "chu_tich_ubnd_tinh"
BT = "bo_truong"
TTG = "thu_tuong"
CTN = "chu_tich_nuoc"

L2003 = "Luật TĐKT 2003 (sửa đổi 2005, 2013)"
L2022 = "Luật TĐKT 2022"
ND91 = "NĐ 91/2017/NĐ-CP"
ND98 = "NĐ 98/2023/NĐ-CP"
ND152 = "NĐ 152/2025/NĐ-CP"
ND129 = "NĐ 129/2025/NĐ-CP"

_WINDOWS = {"old": (OLD_START, OLD_END), "nd98": (NEW_START, ND98_END), "nd152": (ND152_START, None)}


def _code(code: str, name: str, kind: str, *, subjects: str, level: str, checklist: list[str], order: int,
          **regimes: dict) -> list[dict]:
    """Rows of one code, one per regime given (old / nd98 / nd152).

    ``subjects`` is a string of p (person), c (collective), h (household). Each
    regime dict gives deciders, coef, basis, evidence and optionally vote,
    attendance, posting, name, checklist.
    """
    rows = []
    for regime, spec in regimes.items():
        valid_from, valid_to = _WINDOWS[regime]
        vote = spec.get("vote")
        coef = Decimal(spec["coef"])
        # A form given to individuals and collectives pays a collective twice and a household 1.5
        # times the individual amount (NĐ 152 Đ51–Đ54; LAW.md §1.4, §2.3, §2.8), unless stated.
        shared_form = kind == FORM and "p" in subjects
        coef_c = spec.get("coef_c", coef * 2 if shared_form and "c" in subjects else None)
        coef_h = spec.get("coef_h", coef * Decimal("1.5") if shared_form and "h" in subjects else None)
        rows.append(dict(
            money_coefficient_collective=Decimal(coef_c) if coef_c is not None else None,
            money_coefficient_household=Decimal(coef_h) if coef_h is not None else None,
            code=code, name=spec.get("name", name), kind=kind,
            for_person="p" in subjects, for_collective="c" in subjects, for_household="h" in subjects,
            level=level, deciders=list(spec["deciders"]), money_coefficient=Decimal(spec["coef"]),
            council_vote_required=bool(spec.get("vote_required", vote is not None)),
            council_vote_threshold=Decimal(vote) if vote else None,
            council_attendance_threshold=Decimal(spec["attendance"]) if spec.get("attendance") else None,
            public_posting_required=bool(spec.get("posting")),
            public_posting_working_days=spec.get("posting", 0),
            checklist=list(spec.get("checklist", checklist)), legal_basis=spec["basis"],
            evidence=spec["evidence"], valid_from=valid_from, valid_to=valid_to, sort_order=order))
    return rows


TITLE, FORM = "title", "form"
BASIC = [TT, BC, BB]
VOTED = [TT, BC, BB, KQ]

CATALOGUE: list[dict] = [
    # --- Individual titles (LAW.md §1.2) ---------------------------------------------
    *_code("LDTT", "Lao động tiên tiến", TITLE, subjects="p", level="grassroots", checklist=BASIC, order=10,
           old=dict(deciders=[UH, DC, CC, ED], coef="0.3", evidence="M",
                    basis=f"{L2003} Điều 24; {ND91} Điều 9 k1; tiền thưởng {ND91} (M)"),
           nd98=dict(deciders=[UH, DC, CC, ED], coef="0.3", evidence="V",
                     basis=f"{L2022} Điều 24, Điều 80 k1–k4; {ND98} Điều 54 k1"),
           nd152=dict(deciders=[UH, CC, ED], coef="0.3", evidence="V",
                      basis=f"{L2022} Điều 24, Điều 80; {ND129} Điều 59 (không còn cấp huyện); {ND152} Điều 50")),
    *_code("CSTT", "Chiến sĩ tiên tiến", TITLE, subjects="p", level="grassroots", checklist=BASIC, order=11,
           # Decided under BQP/BCA rules (Đ80 k5); "head of unit" is the nearest authority code (I).
           old=dict(deciders=[UH], coef="0.3", evidence="M", basis=f"{L2003} Điều 24; {ND91} Điều 9 (M)"),
           nd98=dict(deciders=[UH], coef="0.3", evidence="I",
                     basis=f"{L2022} Điều 24 k2, Điều 80 k5 (thẩm quyền theo BQP/BCA: I); {ND98} Điều 54 k1"),
           nd152=dict(deciders=[UH], coef="0.3", evidence="I",
                      basis=f"{L2022} Điều 24 k2, Điều 80 k5 (thẩm quyền theo BQP/BCA: I); {ND152} Điều 50")),
    *_code("CSTDCS", "Chiến sĩ thi đua cơ sở", TITLE, subjects="p", level="grassroots", checklist=VOTED, order=20,
           # Old law: an initiative was mandatory, hence its certificate; the council threshold was
           # left to ministries and provinces (LAW.md §3.3, M).
           old=dict(deciders=[UH, DC, ED], coef="1.0", vote_required=True, checklist=[TT, BC, BB, KQ, SK],
                    evidence="M",
                    basis=f"{L2003} Điều 23; {ND91} Điều 9 k3 (tỷ lệ ≤ 15% số cá nhân đạt LĐTT/CSTT)"),
           nd98=dict(deciders=[UH, DC, ED], coef="1.0", vote="0.80", evidence="V",
                     basis=f"{L2022} Điều 23, Điều 80; {ND98} Điều 30 k7, Điều 34, Điều 54 k1"),
           nd152=dict(deciders=[UH, CC, ED], coef="1.0", vote="0.80", evidence="M",
                      basis=f"{L2022} Điều 23, Điều 80; {ND129} Điều 59; {ND152} Điều 50; "
                            f"ngưỡng 80% theo {ND98} Điều 30 k7 (bản NĐ 152 chưa đối chiếu: M)")),
    *_code("CSTD_TINH", "Chiến sĩ thi đua cấp tỉnh", TITLE, subjects="p", level="province",
           checklist=[TT, BC, BB, KQ, SK], order=30,
           old=dict(deciders=[PC], coef="3.0", vote="0.90", evidence="M",
                    basis=f"{L2003} Điều 22; {ND91} Điều 9 k2 (ngưỡng 90%: M)"),
           nd98=dict(deciders=[PC], coef="3.0", vote="0.90", evidence="M",
                     basis=f"{L2022} Điều 22; {ND98} Điều 30 k7, Điều 34 k2 d, Điều 54 k1 "
                           "(thẩm quyền Chủ tịch UBND tỉnh: M)"),
           nd152=dict(deciders=[PC], coef="3.0", vote="0.90", evidence="M",
                      basis=f"{L2022} Điều 22; {ND152} Điều 50; ngưỡng 90% theo {ND98} Điều 30 k7 (M)")),
    *_code("CSTDTQ", "Chiến sĩ thi đua toàn quốc", TITLE, subjects="p", level="state",
           checklist=[TT, BC, BB, KQ, SK], order=35,
           old=dict(deciders=[TTG], coef="4.5", vote="0.90", posting=10, evidence="M",
                    basis=f"{L2003} Điều 21; {ND91} Điều 9, Điều 45 k10 (lấy ý kiến nhân dân), Điều 48 k1 a"),
           nd98=dict(deciders=[TTG], coef="4.5", vote="0.90", evidence="V",
                     basis=f"{L2022} Điều 21; {ND98} Điều 30 k7, Điều 32 k1 a, Điều 33, Điều 54 k1"),
           nd152=dict(deciders=[TTG], coef="4.5", vote="0.90", evidence="M",
                      basis=f"{L2022} Điều 21; {ND152} Điều 50; ngưỡng 90% theo {ND98} Điều 30 k7 (M)")),

    # --- Collective and household titles (LAW.md §1.3–1.4) -------------------------------
    *_code("TTLDTT", "Tập thể lao động tiên tiến", TITLE, subjects="c", level="grassroots", checklist=BASIC,
           order=40,
           old=dict(deciders=[UH, DC, ED], coef="0.8", evidence="M",
                    basis=f"{L2003} Điều 28 (trên 50% cá nhân đạt LĐTT); tiền thưởng {ND91} (M)"),
           nd98=dict(deciders=[UH, DC, ED], coef="0.8", evidence="M",
                     basis=f"{L2022} Điều 28, Điều 80; {ND98} Điều 54 k2 (hệ số: M)"),
           nd152=dict(deciders=[UH, CC, ED], coef="0.8", evidence="V",
                      basis=f"{L2022} Điều 28, Điều 80; {ND129} Điều 59; {ND152} Điều 50")),
    *_code("DVTT", "Đơn vị tiên tiến", TITLE, subjects="c", level="grassroots", checklist=BASIC, order=41,
           old=dict(deciders=[UH], coef="0.8", evidence="M", basis=f"{L2003} Điều 28 (trên 50% CSTT)"),
           nd98=dict(deciders=[UH], coef="0.8", evidence="M",
                     basis=f"{L2022} Điều 28, Điều 80 k5; {ND98} Điều 54 k2 (hệ số: M)"),
           nd152=dict(deciders=[UH], coef="0.8", evidence="I",
                      basis=f"{L2022} Điều 28, Điều 80 k5 (thẩm quyền theo BQP/BCA: I); {ND152} Điều 50")),
    *_code("TTLDXS", "Tập thể lao động xuất sắc", TITLE, subjects="c", level="province", checklist=BASIC,
           order=42,
           old=dict(deciders=[PC], coef="1.5", evidence="M", basis=f"{L2003} Điều 27; tiền thưởng {ND91} (M)"),
           nd98=dict(deciders=[PC], coef="1.5", evidence="M",
                     basis=f"{L2022} Điều 27; {ND98} Điều 54 k2 (hệ số, thẩm quyền: M)"),
           nd152=dict(deciders=[PC], coef="1.5", evidence="M",
                      basis=f"{L2022} Điều 27; {ND152} Điều 50 (thẩm quyền Chủ tịch UBND tỉnh: M)")),
    *_code("DVQT", "Đơn vị quyết thắng", TITLE, subjects="c", level="province", checklist=BASIC, order=43,
           old=dict(deciders=[BT], coef="1.5", evidence="M", basis=f"{L2003} Điều 27 (M)"),
           nd98=dict(deciders=[BT], coef="1.5", evidence="M", basis=f"{L2022} Điều 27 k2; {ND98} Điều 54 k2 (M)"),
           nd152=dict(deciders=[BT], coef="1.5", evidence="M",
                      basis=f"{L2022} Điều 27 k2; {ND152} Điều 50 (thẩm quyền: M)")),
    *_code("CO_TINH", "Cờ thi đua của UBND tỉnh", TITLE, subjects="c", level="province", checklist=VOTED,
           order=45,
           old=dict(deciders=[PC], coef="8.0", vote_required=True, evidence="M",
                    basis=f"{L2003} Điều 26; {ND91} Điều 12 (bình xét theo cụm, khối)"),
           nd98=dict(deciders=[PC], coef="8.0", vote="0.80", evidence="M",
                     basis=f"{L2022} Điều 26; {ND98} Điều 30 k7, Điều 54 k2 (hệ số: M)"),
           nd152=dict(deciders=[PC], coef="8.0", vote="0.80", evidence="M",
                      basis=f"{L2022} Điều 26; {ND152} Điều 50; ngưỡng 80% theo {ND98} Điều 30 k7 (M)")),
    *_code("CO_CP", "Cờ thi đua của Chính phủ", TITLE, subjects="c", level="state", checklist=VOTED, order=46,
           old=dict(deciders=[TTG], coef="12.0", vote_required=True, evidence="M",
                    basis=f"{L2003} Điều 25; {ND91} Điều 11 (≤ 20% số tập thể đạt Cờ cấp bộ, tỉnh)"),
           nd98=dict(deciders=[TTG], coef="12.0", vote="0.80", evidence="M",
                     basis=f"{L2022} Điều 25; {ND98} Điều 30 k7, Điều 32 k1 b, Điều 54 k2 (hệ số: M)"),
           nd152=dict(deciders=[TTG], coef="12.0", vote="0.80", evidence="M",
                      basis=f"{L2022} Điều 25; {ND152} Điều 50; ngưỡng 80% theo {ND98} Điều 30 k7 (M)")),
    *_code("XA_TIEU_BIEU", "Xã, phường, thị trấn tiêu biểu", TITLE, subjects="c", level="province",
           checklist=BASIC, order=47,
           nd98=dict(deciders=[PC], coef="2.0", evidence="M",
                     basis=f"{L2022} Điều 20 k1 đ, Điều 29; NĐ 86/2023/NĐ-CP; {ND98} Điều 54 k2 (M)"),
           nd152=dict(name="Xã, phường, đặc khu tiêu biểu", deciders=[PC], coef="2.0", evidence="M",
                      basis=f"{L2022} Điều 29; NĐ 86/2023/NĐ-CP; {ND152} Điều 50 (thẩm quyền: M)")),
    *_code("THON_VH", "Thôn, tổ dân phố văn hóa", TITLE, subjects="c", level="grassroots", checklist=BASIC,
           order=48,
           nd98=dict(deciders=[DC], coef="1.5", evidence="M",
                     basis=f"{L2022} Điều 30, Điều 80 k2; NĐ 86/2023/NĐ-CP; {ND98} Điều 54 k2 (hệ số: M)"),
           nd152=dict(deciders=[CC], coef="1.5", evidence="V",
                      basis=f"{L2022} Điều 30; NĐ 86/2023/NĐ-CP; {ND129} Điều 59; {ND152} Điều 50")),
    *_code("GDVH", "Gia đình văn hóa", TITLE, subjects="h", level="grassroots", checklist=BASIC,
           order=49,
           # LAW.md states no money for this title: 0 until confirmed (M).
           old=dict(deciders=[CC], coef="0", evidence="M", basis=f"{L2003} (điều về “Gia đình văn hóa”: M)"),
           nd98=dict(deciders=[CC], coef="0", evidence="M",
                     basis=f"{L2022} Điều 20 k2, Điều 31, Điều 80 k3; NĐ 86/2023/NĐ-CP (tiền thưởng: M)"),
           nd152=dict(deciders=[CC], coef="0", evidence="M",
                      basis=f"{L2022} Điều 31; {ND129} Điều 59; NĐ 86/2023/NĐ-CP (tiền thưởng: M)")),

    # --- Forms of commendation (LAW.md §2) -----------------------------------------------
    *_code("GIAY_KHEN", "Giấy khen", FORM, subjects="pch", level="grassroots", checklist=BASIC, order=55,
           old=dict(deciders=[UH, DC, CC, ED], coef="0.3", evidence="M", basis=f"{L2003} Điều 75–76; {ND91} (M)"),
           nd98=dict(deciders=[UH, DC, CC, ED], coef="0.3", evidence="M",
                     basis=f"{L2022} Điều 75, Điều 80; {ND98} (cá nhân 0,3: M; tập thể ×2)"),
           nd152=dict(deciders=[UH, CC, ED], coef="0.3", evidence="M",
                      basis=f"{L2022} Điều 75, Điều 80; {ND129} Điều 59; {ND152} Điều 54 "
                            "(tập thể 0,6 V; cá nhân 0,3 M)")),
    *_code("BK_TINH", "Bằng khen của Chủ tịch UBND tỉnh", FORM, subjects="pch", level="province",
           checklist=BASIC, order=60,
           old=dict(deciders=[PC], coef="1.0", evidence="M", basis=f"{L2003} Điều 72; {ND91} Điều 39 (hệ số: M)"),
           nd98=dict(deciders=[PC], coef="1.5", evidence="M",
                     basis=f"{L2022} Điều 74; {ND98} (cá nhân 1,5: M/I; tập thể ×2)"),
           nd152=dict(deciders=[PC], coef="1.5", evidence="M",
                      basis=f"{L2022} Điều 74; {ND152} Điều 54 (tập thể 3,0 V; cá nhân 1,5 M/I)")),
    *_code("BK_TTG", "Bằng khen của Thủ tướng Chính phủ", FORM, subjects="pch", level="state",
           checklist=BASIC, order=65,
           old=dict(deciders=[TTG], coef="1.5", evidence="M", basis=f"{L2003} Điều 71; {ND91} Điều 38 (hệ số: M)"),
           nd98=dict(deciders=[TTG], coef="3.5", evidence="I",
                     basis=f"{L2022} Điều 73; {ND98} (cá nhân 3,5: I; tập thể 7)"),
           nd152=dict(deciders=[TTG], coef="3.5", evidence="I",
                      basis=f"{L2022} Điều 73; {ND152} Điều 54 (tập thể 7 V; cá nhân 3,5 I)")),
    *[row for rank, name, coef_old, coef_new, order in (
        ("3", "Huân chương Lao động hạng Ba", "4.5", "4.5", 90),
        ("2", "Huân chương Lao động hạng Nhì", "7.5", "7.5", 91),
        ("1", "Huân chương Lao động hạng Nhất", "9.0", "9.0", 92))
      for row in _code(
          f"HCLD{rank}", name, FORM, subjects="pc", level="state", checklist=BASIC, order=order,
          old=dict(deciders=[CTN], coef=coef_old, posting=10, evidence="M",
                   basis=f"{L2003} Điều 44–46; {ND91} Điều 24, Điều 45 k10 (số ngày công khai: M)"),
          nd98=dict(deciders=[CTN], coef=coef_new, posting=10, evidence="M",
                    basis=f"{L2022} Điều 44; {ND98} Điều 46 k2 (cá nhân = ½ tập thể: M/I)"),
          nd152=dict(deciders=[CTN], coef=coef_new, posting=10, evidence="M",
                     basis=f"{L2022} Điều 44; {ND152} Điều 44 k2, Điều 51 (cá nhân = ½ tập thể: M/I)"))],
    *_code("HC_DOC_LAP_3", "Huân chương Độc lập hạng Ba", FORM, subjects="pc", level="state", checklist=BASIC,
           order=95,
           old=dict(deciders=[CTN], coef="10.5", posting=10, evidence="M", basis=f"{L2003}; {ND91} (M)"),
           nd98=dict(deciders=[CTN], coef="10.5", posting=10, evidence="M",
                     basis=f"{L2022} Điều 33; {ND98} Điều 46 k2 (hệ số: M)"),
           nd152=dict(deciders=[CTN], coef="10.5", posting=10, evidence="M",
                      basis=f"{L2022} Điều 33; {ND152} Điều 44 k2, Điều 51 (hệ số: M)")),
    *_code("AHLD", "Anh hùng Lao động", FORM, subjects="pc", level="state", checklist=VOTED, order=100,
           old=dict(deciders=[CTN], coef="15.5", vote="0.90", posting=10, evidence="M",
                    basis=f"{L2003}; {ND91} Điều 45 k10 (M)"),
           # Attendance 90%: LAW.md states it for HĐTĐKT Trung ương sessions (NĐ 98 Đ47 k4 b);
           # applying it to the provincial session is an inference (I).
           nd98=dict(deciders=[CTN], coef="15.5", vote="0.90", attendance="0.90", posting=10, evidence="I",
                     basis=f"{L2022} Điều 59, Điều 63; {ND98} Điều 30 k7, Điều 46, Điều 47 k4 b, Điều 56 "
                           "(tập thể ×2)"),
           nd152=dict(deciders=[CTN], coef="15.5", vote="0.90", attendance="0.90", posting=10, evidence="M",
                      basis=f"{L2022} Điều 63; {ND152} Điều 44 k2, Điều 52 (tập thể 31); ngưỡng theo {ND98} (M)")),
    *_code("NGUT", "Nhà giáo ưu tú", FORM, subjects="p", level="state", checklist=BASIC, order=105,
           old=dict(deciders=[CTN], coef="9.0", posting=10, evidence="M", basis=f"{L2003} (M)"),
           nd98=dict(deciders=[CTN], coef="9.0", posting=10, evidence="V",
                     basis=f"{L2022} Điều 59, Điều 64 k3; {ND98} Điều 46 k2, Điều 56"),
           nd152=dict(deciders=[CTN], coef="9.0", posting=10, evidence="V",
                      basis=f"{L2022} Điều 64 k3; {ND152} Điều 44 k2, Điều 52")),
    *_code("NGND", "Nhà giáo nhân dân", FORM, subjects="p", level="state", checklist=BASIC, order=106,
           old=dict(deciders=[CTN], coef="12.5", posting=10, evidence="M", basis=f"{L2003} (M)"),
           nd98=dict(deciders=[CTN], coef="12.5", posting=10, evidence="V",
                     basis=f"{L2022} Điều 59, Điều 64 k2; {ND98} Điều 46 k2, Điều 56"),
           nd152=dict(deciders=[CTN], coef="12.5", posting=10, evidence="V",
                      basis=f"{L2022} Điều 64 k2; {ND152} Điều 44 k2, Điều 52")),
    *_code("TTUT", "Thầy thuốc ưu tú", FORM, subjects="p", level="state", checklist=BASIC, order=107,
           old=dict(deciders=[CTN], coef="9.0", posting=10, evidence="M", basis=f"{L2003} (M)"),
           nd98=dict(deciders=[CTN], coef="9.0", posting=10, evidence="M",
                     basis=f"{L2022} Điều 59 k2 e; {ND98} Điều 46 k2, Điều 56 (tiêu chuẩn: M)"),
           nd152=dict(deciders=[CTN], coef="9.0", posting=10, evidence="M",
                      basis=f"{L2022} Điều 59 k2 e; {ND152} Điều 44 k2, Điều 52 (tiêu chuẩn: M)")),
    *_code("TTND", "Thầy thuốc nhân dân", FORM, subjects="p", level="state", checklist=BASIC, order=108,
           old=dict(deciders=[CTN], coef="12.5", posting=10, evidence="M", basis=f"{L2003} (M)"),
           nd98=dict(deciders=[CTN], coef="12.5", posting=10, evidence="M",
                     basis=f"{L2022} Điều 59 k2 e; {ND98} Điều 46 k2, Điều 56 (tiêu chuẩn: M)"),
           nd152=dict(deciders=[CTN], coef="12.5", posting=10, evidence="M",
                      basis=f"{L2022} Điều 59 k2 e; {ND152} Điều 44 k2, Điều 52 (tiêu chuẩn: M)")),
]

# Codes other apps may rely on; the demo tests check each is in force today.
REQUIRED_CODES = ("LDTT", "CSTT", "CSTDCS", "CSTD_TINH", "CSTDTQ", "TTLDTT", "TTLDXS", "CO_TINH", "CO_CP",
                  "BK_TINH", "BK_TTG", "GIAY_KHEN", "HCLD3", "HCLD2", "HCLD1", "NGUT", "NGND", "AHLD",
                  "GDVH")

# Mức lương cơ sở. Only the 2024 amount is verified in LAW.md; the earlier ones are from memory.
BASE_SALARIES: list[dict] = [
    dict(amount=1_210_000, valid_from=date(2016, 5, 1), legal_basis="NĐ 47/2016/NĐ-CP (M)", evidence="M"),
    dict(amount=1_300_000, valid_from=date(2017, 7, 1), legal_basis="NĐ 47/2017/NĐ-CP (M)", evidence="M"),
    dict(amount=1_390_000, valid_from=date(2018, 7, 1), legal_basis="NĐ 72/2018/NĐ-CP (M)", evidence="M"),
    dict(amount=1_490_000, valid_from=date(2019, 7, 1), legal_basis="NĐ 38/2019/NĐ-CP (M)", evidence="M"),
    dict(amount=1_800_000, valid_from=date(2023, 7, 1), legal_basis="NĐ 24/2023/NĐ-CP (M)", evidence="M"),
    dict(amount=2_340_000, valid_from=date(2024, 7, 1), legal_basis="NĐ 73/2024/NĐ-CP", evidence="V"),
]


def seed_catalogue(*, update: bool = False) -> int:
    """Create the missing catalogue rows and base salaries; with ``update``, also overwrite
    existing rows from this file (after LAW.md facts were corrected in code).

    Without ``update`` an administrator's corrections in the admin survive a re-run.
    Returns the number of rows created or updated.
    """
    touched = 0
    for model, rows, key in ((CatalogueEntry, CATALOGUE, ("code", "valid_from")),
                             (BaseSalary, BASE_SALARIES, ("valid_from",))):
        for row in rows:
            row = dict(row)
            lookup = {field: row.pop(field, None) for field in key}
            if update:
                model.objects.update_or_create(**lookup, defaults=row)
                touched += 1
            else:
                _obj, created = model.objects.get_or_create(**lookup, defaults=row)
                touched += created
    return touched
