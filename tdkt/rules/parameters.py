"""The parameter table: every number or flag of the rules that LAW.md tags M or ⚙, by regime.

LAW.md asks that M (unverified) facts and ⚙ numbers be configuration, never constants in code, and
that a province or sector can lay its own values over the national ones (LAW.md §1.1 "per-issuer
rule overlay", §5, §6.3). So the rules read every threshold from here.

One entry = a plain dict ``{"key", "value", "evidence", "regime", "source"}``; ``regime`` is one of
``regimes.REGIMES`` or ``"*"`` for all. ``resolve(regime, overlay)`` gives the flat mapping a rule
reads. An overlay (what an administrator stores later through the catalogue app) is either

* a mapping ``{key: value}`` or ``{key: {"value": …, "evidence": "P", "source": "…", "regime": …}}``
  (no ``regime`` = every regime), or
* a list of entries shaped like this table's.

A value ``None`` switches a check off (e.g. no quota under the 2022 law).

Base salaries (mức lương cơ sở) are data as well: a list of ``(valid_from, amount)``; the default
copies the numbers in ``tdkt/catalogue/seed.py`` (only the 2024 amount is verified, V[S18]).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from tdkt.rules.regimes import ALL, NEW, R_98, R_152, R_OLD, REGIMES

L03 = "Luật TĐKT 2003"
L22 = "Luật TĐKT 2022"
N91 = "NĐ 91/2017/NĐ-CP"
N98 = "NĐ 98/2023/NĐ-CP"
N152 = "NĐ 152/2025/NĐ-CP"
N129 = "NĐ 129/2025/NĐ-CP"

PARAMETERS: list[dict[str, Any]] = []


def _p(key: str, regimes, value, evidence: str, source: str) -> None:
    for regime in ((regimes,) if isinstance(regimes, str) else regimes):
        PARAMETERS.append(dict(key=key, value=value, evidence=evidence, regime=regime, source=source))


# --- General --------------------------------------------------------------------------------------
_p("registration_required", R_OLD, True, "M", f"{L03} Điều 15 / {N91}, TT 12/2019/TT-BNV (LAW.md §4.3)")
_p("registration_required", NEW, False, "I", f"{L22} Điều 6–7: đăng ký không là căn cứ (LAW.md §4.3)")
_p("interval.fallback_to_decision_year", ALL, True, "M",
   f"{N98} Điều 30 k9, vế sau bị cắt (LAW.md §2.2 R10)")
_p("interval.prerequisite_window_after_period", ALL, True, "I",
   f"{N98} Điều 30 k9 (đếm từ thời gian lập thành tích ghi trong quyết định trước; LAW.md §2.2 R10)")
_p("initiative.reuse_between_titles", ALL, "needs_check", "I",
   "Công văn 5007/BNV-TĐKT 2023; TVPL: không cấm rõ giữa các danh hiệu (LAW.md §1.5 k2)")
_p("discipline.freeze_pending_review", R_152, True, "V", f"{N152} Điều 4 k4")
_p("discipline.freeze_pending_review", R_98, True, "M", f"{N98} (tương đương Điều 4 k4 {N152}: M)")
_p("discipline.freeze_pending_review", R_OLD, True, "M", f"{N91} (M)")
_p("discipline.count_from_end", R_152, True, "V", f"{N152} Điều 4 k4")
_p("discipline.count_from_end", (R_OLD, R_98), True, "M", "TT 02/2011/TT-BNV; NĐ 98 (M)")
_p("thematic_not_counted", R_152, True, "V", f"{N152} Điều 4 k3")
_p("thematic_not_counted", (R_OLD, R_98), True, "M", f"{N98}/{N91} (tương đương: M)")

# --- LĐTT / CSTT (LAW.md §1.2) ---------------------------------------------------------------------
_p("LDTT.min_rating", NEW, "good", "V", f"{L22} Điều 24 k1 a (V[S2])")
_p("LDTT.min_rating", R_OLD, "good", "P", f"{L03} Điều 24 (P[S75])")
_p("LDTT.min_months_in_year", R_OLD, 10, "P", "TT 02/2011/TT-BNV (P[S62])")
_p("LDTT.min_months_in_year", NEW, None, "M", "quy định hiện hành chưa đối chiếu (LAW.md §1.5 k4)")
_p("LDTT.max_other_leave_working_days", R_OLD, 40, "P", "TT 02/2011/TT-BNV (P[S62])")
_p("LDTT.max_other_leave_working_days", NEW, 40, "M", "giữ mức cũ 40 ngày làm việc (LAW.md §1.5 k4: M)")
_p("LDTT.counted_leave_kinds", R_OLD, ["maternity"], "M", "nghỉ thai sản được tính (M)")
_p("LDTT.counted_leave_kinds", NEW, ["maternity", "treatment"], "V",
   f"{N152} Điều 4 k5; TT 01/2024/TT-BNV (V[S16,S48])")
_p("LDTT.max_ratio", ALL, None, "P", "không quy định tỷ lệ (P[S68]); LLVT cũ ≤ 70% (P[S74])")

# --- CSTĐCS ------------------------------------------------------------------------------------------
_p("CSTDCS.requires_initiative", R_OLD, True, "V", f"{L03} Điều 23; {N91} Điều 9 (V[S2])")
_p("CSTDCS.requires_initiative", NEW, False, "V", f"{L22} Điều 23 k2 (V[S3])")
_p("CSTDCS.max_ratio_of_LDTT", R_OLD, 0.15, "V", f"{N91} Điều 9 k3 (V[S2])")
_p("CSTDCS.max_ratio_of_LDTT", NEW, None, "V", f"{L22} / {N98}: bỏ tỷ lệ khống chế (V[S2])")

# --- CSTĐ tỉnh, CSTĐTQ --------------------------------------------------------------------------------
_p("CSTD_TINH.consecutive_cstdcs", ALL, 3, "V", f"{L22} Điều 22; {N91} Điều 9 k2 (V[S3,S64])")
_p("CSTD_TINH.initiative_scope", ALL, "province", "V", f"{L22} Điều 22 b (V[S3])")
_p("CSTDTQ.consecutive_cstd_tinh", ALL, 2, "V", f"{L22} Điều 21 (V[S3]); {N91} Điều 9 (V[S64])")
_p("CSTDTQ.initiative_scope", ALL, "national", "V", f"{L22} Điều 21 b (V[S3,S6])")
_p("CSTDTQ.deadline_years_after_decision", R_OLD, 1, "V", f"{N91} Điều 48 k1 a (V[S60])")
_p("CSTDTQ.deadline_years_after_decision", R_98, 1, "V", f"{N98} Điều 32 k1 a (V[S6])")
_p("CSTDTQ.deadline_years_after_decision", R_152, 1, "M", f"{N152} (tương đương {N98} Điều 32: M)")

# --- Collective titles ---------------------------------------------------------------------------------
_p("TTLDTT.min_LDTT_share", R_OLD, {"op": ">", "share": 0.5}, "V", f"{L03} Điều 28 (V[S51])")
_p("TTLDTT.min_LDTT_share", NEW, {"op": ">", "share": 0.5}, "M",
   f"{L22} Điều 28 k1 c (chưa đọc văn bản; LAW.md §1.3: M); ví dụ Bắc Ninh ≥ 70% (P[S20])")
_p("TTLDTT.max_disciplined_canh_cao", R_OLD, 0, "V", f"{L03} Điều 28 (V[S51])")
_p("TTLDTT.max_disciplined_canh_cao", NEW, 0, "M", f"{L22} Điều 28 (M); QĐ 86/2025 Bắc Ninh (P[S20])")
_p("TTLDXS.min_LDTT_share", NEW, {"op": ">=", "share": 0.7}, "V", f"{L22} Điều 27 k1 c (V[S38])")
_p("TTLDXS.min_LDTT_share", R_OLD, {"op": ">=", "share": 0.7}, "P", f"{L03} Điều 27 (P[S77])")
_p("TTLDXS.min_completed_share", ALL, 1.0, "V", f"{L22} Điều 27 k1 c (V[S38])")
_p("TTLDXS.min_cstdcs", ALL, 1, "V", f"{L22} Điều 27 k1 d (V[S38])")
_p("TTLDXS.max_disciplined_canh_cao", R_OLD, 0, "P", "thông tư ngành theo Luật 2003 Điều 27 (P[S77])")
_p("TTLDXS.max_disciplined_canh_cao", NEW, None, "I", f"{L22} Điều 27: không có điều kiện này (I)")
_p("CO_TINH.max_cluster_rank", ALL, 1, "P", f"{L22} Điều 26 k1 (P[S78,S25]); {N91} Điều 12 (V[S55])")
_p("CO_CP.max_cluster_rank", ALL, 1, "V", f"{L22} Điều 25 k1–k2 (V[S37])")
_p("CO_CP.min_movement_years", NEW, 5, "V", f"{L22} Điều 25 k3 (V[S37])")
_p("CO_CP.min_movement_years", R_OLD, 5, "V", f"{N91} Điều 11 (V[S54])")
_p("CO_CP.max_share_of_standard", R_OLD, 0.2, "V", f"{N91} Điều 11 (V[S54])")
_p("CO_CP.max_share_of_standard", NEW, None, "M", "chưa xác nhận tỷ lệ mới (LAW.md §4.2: M)")
_p("CO_CP.deadline", R_98, {"month": 6, "day": 30, "education_month": 12, "education_day": 31}, "V",
   f"{N98} Điều 32 k1 b (V[S6])")
_p("CO_CP.deadline", R_152, {"month": 6, "day": 30, "education_month": 12, "education_day": 31}, "M",
   f"{N152} (tương đương {N98} Điều 32 k1 b: M)")

# --- Bằng khen, Huân chương (LAW.md §2.3, §2.8) ----------------------------------------------------------
_p("BK_TINH.d_consecutive_cstdcs", NEW, 2, "V", f"{L22} Điều 74 k1 d (V[S28])")
_p("BK_TINH.d_excellent_years", NEW, 2, "V", f"{L22} Điều 74 k1 d (V[S28])")
_p("BK_TINH.d_unit_initiatives", NEW, 2, "V", f"{L22} Điều 74 k1 d (V[S28])")
_p("BK_TTG.b_years", NEW, 5, "V", f"{L22} Điều 73 k1 b (V[S29])")
_p("BK_TTG.b_cstdcs", NEW, 3, "V", f"{L22} Điều 73 k1 b (V[S29])")
_p("BK_TTG.old_years", R_OLD, 5, "V", f"{N91} Điều 38 k1 c (V[S56])")
_p("BK_TTG.old_unit_initiatives", R_OLD, 5, "V", f"{N91} Điều 38 k1 c (V[S56])")
_p("HCLD3.e_years", NEW, 5, "V", f"{L22} Điều 44 k1 e (V[S30], bản tiếng Anh)")
_p("HCLD3.e_cstdcs", NEW, 3, "V", f"{L22} Điều 44 k1 e (V[S30])")
_p("HCLD3.e_min_excellent_years", NEW, 1, "M", f"{L22} Điều 44 k1 e, vế trong ngoặc (M)")
_p("HCLD3.old_years", R_OLD, 5, "V", f"{N91} Điều 24 (V[S59])")
_p("HCLD3.old_province_initiatives", R_OLD, 2, "V", f"{N91} Điều 24 (V[S59])")
_p("HCLD3.collective_years", ALL, 5, "M", f"{L22} Điều 44 k2 tập thể (M)")
_p("HCLD3.collective_co_cp", ALL, 1, "M", f"{L22} Điều 44 tập thể: 01 Cờ CP hoặc 02 Cờ tỉnh (M)")
_p("HCLD3.collective_co_tinh", ALL, 2, "M", f"{L22} Điều 44 tập thể (M)")

# --- Quá trình cống hiến (LAW.md §2.3, §2.10; NĐ 152 Điều 9, Điều 21) -----------------------------------
_HCLD3_POSTS = {"tong_cuc_truong": 3, "pho_tong_cuc_truong": 5, "giam_doc_so": 6, "pho_giam_doc_so": 10}
_p("HCLD3.contribution_post_years", R_152, dict(_HCLD3_POSTS), "V", f"{N152} Điều 21 (V[S32], bản dịch)")
_p("HCLD3.contribution_post_years", (R_OLD, R_98), dict(_HCLD3_POSTS), "M", f"{N91}/{N98} (tương đương: M)")
_p("contribution.next_lower_post", ALL,
   {"tong_cuc_truong": "pho_tong_cuc_truong", "giam_doc_so": "pho_giam_doc_so"}, "V",
   f"{N152} Điều 9 (cộng thời gian vào chức vụ thấp hơn liền kề, V[S14])")
_p("contribution.women_time_factor", R_152, 2 / 3, "V", f"{N152} Điều 4 k7 (giảm 1/3 thời gian, V[S16])")
_p("contribution.women_time_factor", (R_OLD, R_98), None, "V", "trước 01/07/2025: giảm 03 năm (V[S63])")
_p("contribution.women_reduction_years", R_OLD, 3, "V", "NĐ 65/2014/NĐ-CP Điều 2 k3 (V[S63]); NĐ 91 (M)")
_p("contribution.women_reduction_years", R_98, 3, "M", f"{N98} (tương đương: M)")
_p("contribution.women_reduction_years", R_152, None, "V", f"{N152} Điều 4 k7 thay bằng 2/3")
_p("contribution.no_discipline_in_post", ALL, True, "V", f"{N152} Điều 9 (V[S14])")

# --- Danh hiệu vinh dự (LAW.md §2.5) ------------------------------------------------------------------
_p("NGUT.teacher_years", NEW, 15, "V", f"{L22} Điều 64 k3 (V[S22])")
_p("NGUT.manager_sector_years", NEW, 20, "V", f"{L22} Điều 64 k3 (V[S22])")
_p("NGUT.manager_direct_years", NEW, 10, "V", f"{L22} Điều 64 k3 (V[S22])")
_p("NGND.teacher_years", NEW, 20, "V", f"{L22} Điều 64 k2 (V[S22])")
_p("NGND.manager_sector_years", NEW, 25, "V", f"{L22} Điều 64 k2 (V[S22])")
_p("NGND.manager_direct_years", NEW, 15, "V", f"{L22} Điều 64 k2 (V[S22])")
for _code, _vals in (("NGUT", (15, 20, 10)), ("NGND", (20, 25, 15))):
    for _suffix, _val in zip(("teacher_years", "manager_sector_years", "manager_direct_years"), _vals):
        _p(f"{_code}.{_suffix}", R_OLD, _val, "M", f"{L03} (giả định như Luật 2022: M)")
_p("honorary.hardship_factor", NEW, 2, "V", f"{L22} Điều 64 (nhân hệ số 02, V[S22])")
_p("honorary.hardship_factor", R_OLD, 2, "M", f"{L03} (M)")
_p("AHLD.min_contribution_years", NEW, 10, "V", f"{L22} Điều 63 k1 c, k2 (V[S9])")
_p("AHLD.min_contribution_years", R_OLD, 10, "M", f"{L03} (M)")

# --- Catalogue facts by award: deciders, council, posting, money (copied from catalogue/seed.py) ------
# (code, subjects, {regime: (deciders, coef, coef_collective, coef_household, vote_required, vote_min,
#   attendance_min, posting_working_days, evidence, source)})
UH, DC, CC, ED, PC, BT, TTG, CTN = ("thu_truong_don_vi", "chu_tich_ubnd_huyen", "chu_tich_ubnd_xa",
                                    "giam_doc_doanh_nghiep", "chu_tich_ubnd_tinh", "bo_truong", "thu_tuong",
                                    "chu_tich_nuoc")


def _row(deciders, coef, ev, src, *, cc=None, ch=None, vote=False, vmin=None, att=None, post=0):
    return dict(deciders=list(deciders), coefficient=coef, coefficient_collective=cc, coefficient_household=ch,
                vote_required=vote, vote_min=vmin, attendance_min=att, posting_working_days=post,
                evidence=ev, source=src)


def _same(**kwargs):
    return {r: _row(**kwargs) for r in ALL}


AWARDS: dict[str, dict] = {
    "LDTT": dict(subjects="p", name="Lao động tiên tiến", regimes={
        R_OLD: _row([UH, DC, CC, ED], 0.3, "M", f"{L03} Điều 24"),
        R_98: _row([UH, DC, CC, ED], 0.3, "V", f"{L22} Điều 24, Điều 80 k1–k4; {N98} Điều 54 k1"),
        R_152: _row([UH, CC, ED], 0.3, "V", f"{L22} Điều 80; {N129} Điều 59; {N152} Điều 50")}),
    "CSTT": dict(subjects="p", name="Chiến sĩ tiên tiến", regimes={
        R_OLD: _row([UH], 0.3, "M", f"{L03} Điều 24"),
        R_98: _row([UH], 0.3, "I", f"{L22} Điều 24 k2, Điều 80 k5; {N98} Điều 54 k1"),
        R_152: _row([UH], 0.3, "I", f"{L22} Điều 24 k2, Điều 80 k5; {N152} Điều 50")}),
    "CSTDCS": dict(subjects="p", name="Chiến sĩ thi đua cơ sở", regimes={
        R_OLD: _row([UH, DC, ED], 1.0, "M", f"{L03} Điều 23; {N91} Điều 9 k3", vote=True),
        R_98: _row([UH, DC, ED], 1.0, "V", f"{L22} Điều 23, Điều 80; {N98} Điều 30 k7, Điều 54 k1",
                   vote=True, vmin=0.8),
        R_152: _row([UH, CC, ED], 1.0, "M", f"{L22} Điều 80; {N129} Điều 59; {N152} Điều 50; ngưỡng theo {N98}",
                    vote=True, vmin=0.8)}),
    "CSTD_TINH": dict(subjects="p", name="Chiến sĩ thi đua cấp tỉnh", regimes={
        R_OLD: _row([PC], 3.0, "M", f"{L03} Điều 22; {N91} Điều 9 k2", vote=True, vmin=0.9),
        R_98: _row([PC], 3.0, "M", f"{L22} Điều 22; {N98} Điều 30 k7, Điều 54 k1", vote=True, vmin=0.9),
        R_152: _row([PC], 3.0, "M", f"{L22} Điều 22; {N152} Điều 50; ngưỡng theo {N98}", vote=True, vmin=0.9)}),
    "CSTDTQ": dict(subjects="p", name="Chiến sĩ thi đua toàn quốc", regimes={
        R_OLD: _row([TTG], 4.5, "M", f"{L03} Điều 21; {N91} Điều 45 k10, Điều 48", vote=True, vmin=0.9, post=10),
        R_98: _row([TTG], 4.5, "V", f"{L22} Điều 21; {N98} Điều 30 k7, Điều 33, Điều 54 k1", vote=True, vmin=0.9),
        R_152: _row([TTG], 4.5, "M", f"{L22} Điều 21; {N152} Điều 50; ngưỡng theo {N98}", vote=True, vmin=0.9)}),
    "TTLDTT": dict(subjects="c", name="Tập thể lao động tiên tiến", regimes={
        R_OLD: _row([UH, DC, ED], 0.8, "M", f"{L03} Điều 28"),
        R_98: _row([UH, DC, ED], 0.8, "M", f"{L22} Điều 28, Điều 80; {N98} Điều 54 k2"),
        R_152: _row([UH, CC, ED], 0.8, "V", f"{L22} Điều 28, Điều 80; {N129} Điều 59; {N152} Điều 50")}),
    "DVTT": dict(subjects="c", name="Đơn vị tiên tiến", regimes=_same(
        deciders=[UH], coef=0.8, ev="M", src=f"{L22} Điều 28, Điều 80 k5")),
    "TTLDXS": dict(subjects="c", name="Tập thể lao động xuất sắc", regimes=_same(
        deciders=[PC], coef=1.5, ev="M", src=f"{L22} Điều 27; {N152} Điều 50")),
    "DVQT": dict(subjects="c", name="Đơn vị quyết thắng", regimes=_same(
        deciders=[BT], coef=1.5, ev="M", src=f"{L22} Điều 27 k2")),
    "CO_TINH": dict(subjects="c", name="Cờ thi đua của UBND tỉnh", regimes={
        R_OLD: _row([PC], 8.0, "M", f"{L03} Điều 26; {N91} Điều 12", vote=True),
        R_98: _row([PC], 8.0, "M", f"{L22} Điều 26; {N98} Điều 30 k7", vote=True, vmin=0.8),
        R_152: _row([PC], 8.0, "M", f"{L22} Điều 26; {N152} Điều 50; ngưỡng theo {N98}", vote=True, vmin=0.8)}),
    "CO_CP": dict(subjects="c", name="Cờ thi đua của Chính phủ", regimes={
        R_OLD: _row([TTG], 12.0, "M", f"{L03} Điều 25; {N91} Điều 11", vote=True),
        R_98: _row([TTG], 12.0, "M", f"{L22} Điều 25; {N98} Điều 30 k7, Điều 32 k1 b", vote=True, vmin=0.8),
        R_152: _row([TTG], 12.0, "M", f"{L22} Điều 25; {N152} Điều 50; ngưỡng theo {N98}", vote=True, vmin=0.8)}),
    "XA_TIEU_BIEU": dict(subjects="c", name="Xã, phường, thị trấn tiêu biểu", regimes={
        r: _row([PC], 2.0, "M", f"{L22} Điều 29; NĐ 86/2023/NĐ-CP") for r in NEW}),
    "THON_VH": dict(subjects="c", name="Thôn, tổ dân phố văn hóa", regimes={
        R_98: _row([DC], 1.5, "M", f"{L22} Điều 30, Điều 80 k2"),
        R_152: _row([CC], 1.5, "V", f"{L22} Điều 30; {N129} Điều 59; {N152} Điều 50")}),
    "GDVH": dict(subjects="h", name="Gia đình văn hóa", regimes=_same(
        deciders=[CC], coef=0.0, ev="M", src=f"{L22} Điều 31, Điều 80 k3 (tiền thưởng: M)")),
    "GIAY_KHEN": dict(subjects="pch", name="Giấy khen", regimes={
        R_OLD: _row([UH, DC, CC, ED], 0.3, "M", f"{L03} Điều 75–76", cc=0.6, ch=0.45),
        R_98: _row([UH, DC, CC, ED], 0.3, "M", f"{L22} Điều 75, Điều 80", cc=0.6, ch=0.45),
        R_152: _row([UH, CC, ED], 0.3, "M", f"{L22} Điều 75; {N129} Điều 59; {N152} Điều 54", cc=0.6, ch=0.45)}),
    "BK_TINH": dict(subjects="pch", name="Bằng khen của Chủ tịch UBND tỉnh", regimes={
        R_OLD: _row([PC], 1.0, "M", f"{L03} Điều 72; {N91} Điều 39", cc=2.0, ch=1.5),
        R_98: _row([PC], 1.5, "M", f"{L22} Điều 74", cc=3.0, ch=2.25),
        R_152: _row([PC], 1.5, "M", f"{L22} Điều 74; {N152} Điều 54", cc=3.0, ch=2.25)}),
    "BK_TTG": dict(subjects="pch", name="Bằng khen của Thủ tướng Chính phủ", regimes={
        R_OLD: _row([TTG], 1.5, "M", f"{L03} Điều 71; {N91} Điều 38", cc=3.0, ch=2.25),
        R_98: _row([TTG], 3.5, "I", f"{L22} Điều 73", cc=7.0, ch=5.25),
        R_152: _row([TTG], 3.5, "I", f"{L22} Điều 73; {N152} Điều 54", cc=7.0, ch=5.25)}),
    **{f"HCLD{rank}": dict(subjects="pc", name=name, regimes={
        R_OLD: _row([CTN], coef, "M", f"{L03} Điều 44–46; {N91} Điều 24, Điều 45 k10", cc=coef * 2, post=10),
        R_98: _row([CTN], coef, "M", f"{L22} Điều 44; {N98} Điều 46 k2", cc=coef * 2, post=10),
        R_152: _row([CTN], coef, "M", f"{L22} Điều 44; {N152} Điều 44 k2, Điều 51", cc=coef * 2, post=10)})
       for rank, name, coef in (("3", "Huân chương Lao động hạng Ba", 4.5),
                                ("2", "Huân chương Lao động hạng Nhì", 7.5),
                                ("1", "Huân chương Lao động hạng Nhất", 9.0))},
    "HC_DOC_LAP_3": dict(subjects="pc", name="Huân chương Độc lập hạng Ba", regimes=_same(
        deciders=[CTN], coef=10.5, ev="M", src=f"{L22} Điều 33; {N98} Điều 46 k2", cc=21.0, post=10)),
    "AHLD": dict(subjects="pc", name="Anh hùng Lao động", regimes={
        R_OLD: _row([CTN], 15.5, "M", f"{L03}; {N91} Điều 45 k10", cc=31.0, vote=True, vmin=0.9, post=10),
        R_98: _row([CTN], 15.5, "I", f"{L22} Điều 63; {N98} Điều 30 k7, Điều 46, Điều 47 k4 b, Điều 56",
                   cc=31.0, vote=True, vmin=0.9, att=0.9, post=10),
        R_152: _row([CTN], 15.5, "M", f"{L22} Điều 63; {N152} Điều 44 k2, Điều 52; ngưỡng theo {N98}",
                    cc=31.0, vote=True, vmin=0.9, att=0.9, post=10)}),
    "NGUT": dict(subjects="p", name="Nhà giáo ưu tú", regimes={
        R_OLD: _row([CTN], 9.0, "M", L03, post=10),
        R_98: _row([CTN], 9.0, "V", f"{L22} Điều 64 k3; {N98} Điều 46 k2, Điều 56", post=10),
        R_152: _row([CTN], 9.0, "V", f"{L22} Điều 64 k3; {N152} Điều 44 k2, Điều 52", post=10)}),
    "NGND": dict(subjects="p", name="Nhà giáo nhân dân", regimes={
        R_OLD: _row([CTN], 12.5, "M", L03, post=10),
        R_98: _row([CTN], 12.5, "V", f"{L22} Điều 64 k2; {N98} Điều 46 k2, Điều 56", post=10),
        R_152: _row([CTN], 12.5, "V", f"{L22} Điều 64 k2; {N152} Điều 44 k2, Điều 52", post=10)}),
    "TTUT": dict(subjects="p", name="Thầy thuốc ưu tú", regimes=_same(
        deciders=[CTN], coef=9.0, ev="M", src=f"{L22} Điều 59 k2 e", post=10)),
    "TTND": dict(subjects="p", name="Thầy thuốc nhân dân", regimes=_same(
        deciders=[CTN], coef=12.5, ev="M", src=f"{L22} Điều 59 k2 e", post=10)),
}
# The old regime had no such titles under these names (LAW.md §1.3: new in 2022, M).
for _code in ("XA_TIEU_BIEU", "THON_VH"):
    AWARDS[_code]["regimes"].pop(R_OLD, None)

for _code, _spec in AWARDS.items():
    for _regime, _row_spec in _spec["regimes"].items():
        for _field in ("deciders", "coefficient", "coefficient_collective", "coefficient_household",
                       "vote_required", "vote_min", "attendance_min", "posting_working_days"):
            _p(f"{_code}.{_field}", _regime, _row_spec[_field], _row_spec["evidence"], _row_spec["source"])

_p("money.round_up_to", ALL, 10_000, "V", f"{N152} Điều 49 (làm tròn lên hàng chục nghìn, V[S18])")
_p("money.same_period_highest_only", ALL, True, "V", f"{N152} Điều 49 (V[S18])")

# Mức lương cơ sở, copied from tdkt/catalogue/seed.py BASE_SALARIES (only 2024 is V; the rest M).
BASE_SALARIES: list[tuple[date, int]] = [
    (date(2016, 5, 1), 1_210_000),
    (date(2017, 7, 1), 1_300_000),
    (date(2018, 7, 1), 1_390_000),
    (date(2019, 7, 1), 1_490_000),
    (date(2023, 7, 1), 1_800_000),
    (date(2024, 7, 1), 2_340_000),
]


class Params(dict):
    """The resolved parameters of one regime (key → value), plus where overlays changed them."""

    __slots__ = ("regime", "overlaid", "plans")

    def __init__(self, regime: str, values: dict, overlaid: dict[str, tuple[str, str]]):
        super().__init__(values)
        self.regime = regime
        self.overlaid = overlaid  # key → (evidence, source) of the administrator's value
        self.plans: dict = {}     # the engine's rule lists for these values (engine.plan_for)


def _defaults(regime: str) -> dict:
    values = {}
    for entry in PARAMETERS:
        if entry["regime"] in (regime, "*"):
            values[entry["key"]] = entry["value"]
    return values


_DEFAULTS = {regime: _defaults(regime) for regime in REGIMES}
_DEFAULT_PARAMS = {regime: Params(regime, _DEFAULTS[regime], {}) for regime in REGIMES}
KNOWN_KEYS = frozenset(entry["key"] for entry in PARAMETERS)


def _overlay_entries(overlay) -> Iterable[dict]:
    if isinstance(overlay, Mapping):
        for key, spec in overlay.items():
            if isinstance(spec, Mapping) and "value" in spec:
                yield dict(spec, key=key)
            else:
                yield {"key": key, "value": spec}
    else:
        yield from overlay


def resolve(regime: str, overlay=None) -> Params:
    """Parameters for ``regime`` with an administrator's ``overlay`` laid over the defaults."""
    if not overlay:
        return _DEFAULT_PARAMS[regime]
    values = dict(_DEFAULTS[regime])
    overlaid = {}
    for entry in _overlay_entries(overlay):
        key = entry["key"]
        if key not in KNOWN_KEYS:
            raise KeyError(f"unknown rule parameter {key!r}")
        if entry.get("regime", "*") not in (regime, "*", None):
            continue
        values[key] = entry["value"]
        overlaid[key] = (entry.get("evidence") or "P", entry.get("source") or "tham số do quản trị nhập")
    return Params(regime, values, overlaid)


def resolve_all(overlay=None) -> dict[str, Params]:
    return {regime: resolve(regime, overlay) for regime in REGIMES}


def parameter_table(regime: str | None = None) -> list[dict]:
    """The default entries (optionally of one regime), for docs and the admin screen."""
    return [dict(e) for e in PARAMETERS if regime is None or e["regime"] in (regime, "*")]
