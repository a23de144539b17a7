"""Certificates of merit (LAW.md §2.8): Bằng khen tỉnh (Đ74 k1 d), Bằng khen Thủ tướng (Đ73 k1 b; old route
NĐ 91/2017 Điều 38 k1 c). Also the chain helpers the orders share."""

from tdkt.rules.common import missing_years_message, note_thematic
from tdkt.rules.facts import BK_PROVINCE, GOOD, end_year, run_ending, years_list
from tdkt.rules.regimes import NEW, R_OLD
from tdkt.rules.registry import rule

P, A = ("person",), ("annual",)
JUDGED_POINTS = {"BK_TINH": ("a", "b", "c"), "BK_TTG": ("a", "c", "d")}
NAME_VI = {"BK_TINH": "Bằng khen cấp tỉnh/bộ", "BK_BO": "Bằng khen cấp bộ", "BK_TTG": "Bằng khen của Thủ tướng"}


def judged_point(c):
    """A proposal resting on a point the council judges (movement results, broad influence…): the
    engine cannot decide it, so it says so instead of failing the encoded point."""
    point = c.case.criterion
    if point and point in JUDGED_POINTS.get(c.award, ()):
        return (None, f"Đề nghị theo điểm {point}: tiêu chuẩn định tính, cần Hội đồng thẩm định.",
                f"Proposed under point {point}: a qualitative standard the council must judge.")
    return None


def chain_window(c, prereq_codes, n: int):
    """The ``n`` years up to the proposal that must follow the prerequisite award; returns
    (years, None) or (None, reason). The window starts after the period stated in the prerequisite's
    decision (NĐ 98 Đ30 k9; ``interval.prerequisite_window_after_period``)."""
    label = NAME_VI.get(prereq_codes[0], prereq_codes[0])
    prereq = c.latest(prereq_codes)
    if prereq is None:
        note_thematic(c, prereq_codes, c.latest(prereq_codes, counted=False) is not None)
        return None, (False, f"Chưa được tặng {label} (khen thưởng công trạng).",
                      f"Has not received the prerequisite {prereq_codes[0]} (annual achievement).")
    first = c.to_year - n + 1
    last_prereq = end_year(prereq, c.p)
    if c.p["interval.prerequisite_window_after_period"] and last_prereq is not None and first <= last_prereq:
        return None, (False, f"{label} tính đến năm {last_prereq}; chưa đủ {n} năm liên tục tiếp theo đến năm {c.to_year} "
                             f"(cần {last_prereq + 1}–{last_prereq + n}).",
                      f"The {prereq_codes[0]} covered up to {last_prereq}; not {n} following years up to {c.to_year} "
                      f"(needs {last_prereq + 1}–{last_prereq + n}).")
    return range(first, c.to_year + 1), None


def ratings_at_least(c, years, allowed, label_vi: str, label_en: str):
    """None when every year in ``years`` has a rating in ``allowed``; else the reason."""
    missing = c.missing_ratings(years)
    low = [y for y in years if y not in missing and c.ratings[y] not in allowed]
    if low:
        return (False, f"Năm {years_list(low)} không đạt {label_vi}.", f"{years_list(low)} not rated {label_en}.")
    if missing:
        return missing_years_message(missing)
    return None


def cstdcs_in(c, years, need: int):
    got = c.years_with(("CSTDCS",))
    count = sum(1 for y in years if y in got)
    if count >= need:
        return None
    every = c.years_with(("CSTDCS",), counted=False)
    note_thematic(c, ["CSTDCS"], sum(1 for y in years if y in every) >= need)
    return (False, f"Chỉ {count} lần CSTĐCS trong {years[0]}–{years[-1]}, cần {need}.",
            f"Only {count} CSTĐCS in {years[0]}–{years[-1]}; {need} needed.")


@rule("BK_TINH.point_d", awards=("BK_TINH", "BK_BO"), subjects=P, kinds=A,
      params=("BK_TINH.d_consecutive_cstdcs", "BK_TINH.d_excellent_years", "BK_TINH.d_unit_initiatives"),
      summary="2 consecutive CSTĐCS, or ≥ 2 consecutive years “Hoàn thành xuất sắc” with 2 initiatives / research "
              "works recognised at unit level in that time.",
      law={NEW: ("Luật TĐKT 2022 Điều 74 k1 d", "V")})
def bk_tinh_point_d(c):
    judged = judged_point(c)
    if judged:
        return judged
    n = c.p["BK_TINH.d_consecutive_cstdcs"]
    if run_ending(c.years_with(("CSTDCS",)), c.to_year) >= n:
        return (True, f"Có {n} lần liên tục CSTĐCS đến năm {c.to_year}.", f"{n} consecutive CSTĐCS up to {c.to_year}.")
    k, need_ini = c.p["BK_TINH.d_excellent_years"], c.p["BK_TINH.d_unit_initiatives"]
    years = list(range(c.to_year - k + 1, c.to_year + 1))
    bad = ratings_at_least(c, years, ("excellent",), "hoàn thành xuất sắc nhiệm vụ", "excellent")
    if bad is None:
        if c.need_initiatives(need_ini, "unit", years[0], years[-1]) is None:
            return (True, f"{k} năm liên tục hoàn thành xuất sắc nhiệm vụ ({years_list(years)}) và có {need_ini} sáng kiến.",
                    f"{k} consecutive excellent years ({years_list(years)}) with {need_ini} initiatives.")
        return (False, f"Không có {n} lần liên tục CSTĐCS; {k} năm hoàn thành xuất sắc nhưng chưa đủ {need_ini} sáng kiến "
                       "được công nhận trong thời gian đó.",
                f"No {n} consecutive CSTĐCS; {k} excellent years but fewer than {need_ini} recognised initiatives.")
    if bad[0] is None:
        return bad
    note_thematic(c, ["CSTDCS"], run_ending(c.years_with(("CSTDCS",), counted=False), c.to_year) >= n)
    return (False, f"Không có {n} lần liên tục CSTĐCS và không có {k} năm liên tục hoàn thành xuất sắc nhiệm vụ "
                   f"({bad[1]})", f"Neither {n} consecutive CSTĐCS nor {k} consecutive excellent years ({bad[2]})")


@rule("BK_TINH.collective_two_years", awards=("BK_TINH", "BK_BO"), subjects=("collective",), kinds=A,
      summary="Collective: 2 consecutive years “Hoàn thành xuất sắc nhiệm vụ” or TTLĐXS.",
      law={NEW: ("Luật TĐKT 2022 Điều 74 k2; QĐ 86/2025/QĐ-UBND Bắc Ninh", "P")})
def bk_tinh_collective(c):
    judged = judged_point(c)
    if judged:
        return judged
    years = [c.to_year - 1, c.to_year]
    titled = c.years_with(("TTLDXS", "DVQT"))
    pending = [y for y in years if y not in titled]
    bad = ratings_at_least(c, pending, ("excellent",), "hoàn thành xuất sắc nhiệm vụ", "excellent")
    if bad is None:
        return (True, f"Hai năm liên tục {years_list(years)} hoàn thành xuất sắc nhiệm vụ hoặc đạt TTLĐXS.",
                f"Two consecutive years {years_list(years)} excellent or TTLĐXS.")
    return bad


@rule("BK_TTG.point_b", awards=("BK_TTG",), subjects=P, kinds=A,
      params=("BK_TTG.b_years", "BK_TTG.b_cstdcs", "interval.prerequisite_window_after_period"),
      summary="BK tỉnh/bộ, then ≥ 5 consecutive years at least “Hoàn thành tốt” up to the proposal, with 3 CSTĐCS "
              "in that time.",
      law={NEW: ("Luật TĐKT 2022 Điều 73 k1 b", "V")})
def bk_ttg_point_b(c):
    judged = judged_point(c)
    if judged:
        return judged
    n = c.p["BK_TTG.b_years"]
    years, reason = chain_window(c, BK_PROVINCE, n)
    if reason:
        return reason
    years = list(years)
    bad = ratings_at_least(c, years, GOOD, "hoàn thành tốt nhiệm vụ trở lên", "good or better")
    if bad:
        return bad
    bad = cstdcs_in(c, years, c.p["BK_TTG.b_cstdcs"])
    if bad:
        return bad
    return (True, f"Đã có Bằng khen cấp tỉnh; {n} năm liên tục {years[0]}–{years[-1]} hoàn thành tốt nhiệm vụ trở lên, "
                  f"có {c.p['BK_TTG.b_cstdcs']} lần CSTĐCS.",
            f"Has a provincial certificate; {n} consecutive years {years[0]}–{years[-1]} good or better with "
            f"{c.p['BK_TTG.b_cstdcs']} CSTĐCS.")


@rule("BK_TTG.old_route", awards=("BK_TTG",), subjects=P, kinds=A,
      params=("BK_TTG.old_years", "BK_TTG.old_unit_initiatives"),
      summary="Old regime: BK bộ/tỉnh, then 5 following years “Hoàn thành xuất sắc” with 5 initiatives "
              "recognised at unit level.",
      law={R_OLD: ("NĐ 91/2017/NĐ-CP Điều 38 k1 c", "V")})
def bk_ttg_old(c):
    n, need = c.p["BK_TTG.old_years"], c.p["BK_TTG.old_unit_initiatives"]
    years, reason = chain_window(c, BK_PROVINCE, n)
    if reason:
        return reason
    years = list(years)
    bad = ratings_at_least(c, years, ("excellent",), "hoàn thành xuất sắc nhiệm vụ", "excellent")
    if bad:
        return bad
    if c.need_initiatives(need, "unit", years[0], years[-1]) is not None:
        free = c.initiatives("unit", years[0], years[-1])[0]
        return (False, f"Chỉ có {free} sáng kiến được công nhận trong {years[0]}–{years[-1]}, cần {need}.",
                f"Only {free} recognised initiatives in {years[0]}–{years[-1]}; {need} needed.")
    return (True, f"Bằng khen cấp tỉnh, {n} năm tiếp theo hoàn thành xuất sắc nhiệm vụ, có {need} sáng kiến.",
            f"Provincial certificate, {n} following excellent years, {need} initiatives.")
