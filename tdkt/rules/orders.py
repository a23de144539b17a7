"""Orders (LAW.md §2.3): Huân chương Lao động hạng Ba, new (Luật 2022 Đ44 k1 e) and old (NĐ 91/2017 Đ24)
routes, and the collective route (M). The contribution route is in ``contribution``."""

from tdkt.rules.facts import GOOD
from tdkt.rules.merit_forms import chain_window, cstdcs_in, ratings_at_least
from tdkt.rules.regimes import ALL, NEW, R_OLD
from tdkt.rules.registry import rule

A = ("annual",)


@rule("HCLD3.point_e", awards=("HCLD3",), subjects=("person",), kinds=A,
      params=("HCLD3.e_years", "HCLD3.e_cstdcs", "HCLD3.e_min_excellent_years",
              "interval.prerequisite_window_after_period"),
      summary="BK Thủ tướng, then ≥ 5 consecutive years at least “Hoàn thành tốt” up to the proposal, with ≥ 1 year "
              "“Hoàn thành xuất sắc” (M) and 3 CSTĐCS.",
      law={NEW: ("Luật TĐKT 2022 Điều 44 k1 e", "V")})
def hcld3_point_e(c):
    n = c.p["HCLD3.e_years"]
    years, reason = chain_window(c, ("BK_TTG",), n)
    if reason:
        return reason
    years = list(years)
    bad = ratings_at_least(c, years, GOOD, "hoàn thành tốt nhiệm vụ trở lên", "good or better")
    if bad:
        return bad
    need_x = c.p["HCLD3.e_min_excellent_years"] or 0
    excellent = sum(1 for y in years if c.ratings[y] == "excellent")
    if excellent < need_x:
        # The bracketed clause is known only from the English rendering (M): say so in the tag.
        return (False, f"Trong {years[0]}–{years[-1]} có {excellent} năm hoàn thành xuất sắc nhiệm vụ, cần {need_x}.",
                f"{excellent} excellent year(s) in {years[0]}–{years[-1]}; {need_x} needed.", "M")
    bad = cstdcs_in(c, years, c.p["HCLD3.e_cstdcs"])
    if bad:
        return bad
    return (True, f"Đã có Bằng khen Thủ tướng; {n} năm liên tục {years[0]}–{years[-1]} hoàn thành tốt nhiệm vụ trở lên, "
                  f"{excellent} năm xuất sắc, đủ {c.p['HCLD3.e_cstdcs']} lần CSTĐCS.",
            f"Has the PM's certificate; {n} consecutive years {years[0]}–{years[-1]} good or better, {excellent} "
            f"excellent, {c.p['HCLD3.e_cstdcs']} CSTĐCS.")


@rule("HCLD3.old_route", awards=("HCLD3",), subjects=("person",), kinds=A,
      params=("HCLD3.old_years", "HCLD3.old_province_initiatives"),
      summary="Old regime: BK Thủ tướng, then 5 following years excellent with 2 initiatives of province scope.",
      law={R_OLD: ("NĐ 91/2017/NĐ-CP Điều 24", "V")})
def hcld3_old(c):
    n, need = c.p["HCLD3.old_years"], c.p["HCLD3.old_province_initiatives"]
    years, reason = chain_window(c, ("BK_TTG",), n)
    if reason:
        return reason
    years = list(years)
    bad = ratings_at_least(c, years, ("excellent",), "hoàn thành xuất sắc nhiệm vụ", "excellent")
    if bad:
        return bad
    if c.need_initiatives(need, "province", years[0], years[-1]) is not None:
        free = c.initiatives("province", years[0], years[-1])[0]
        return (False, f"Chỉ có {free} sáng kiến phạm vi cấp tỉnh/bộ trong {years[0]}–{years[-1]}, cần {need}.",
                f"Only {free} province-scope initiatives in {years[0]}–{years[-1]}; {need} needed.")
    return (True, f"Bằng khen Thủ tướng, {n} năm tiếp theo xuất sắc, {need} sáng kiến phạm vi tỉnh.",
            f"PM's certificate, {n} following excellent years, {need} province-scope initiatives.")


@rule("HCLD3.collective", awards=("HCLD3",), subjects=("collective",), kinds=A,
      params=("HCLD3.collective_years", "HCLD3.collective_co_cp", "HCLD3.collective_co_tinh"),
      summary="Collective (M): BK Thủ tướng, then 5 consecutive excellent years with 1 Cờ CP or 2 Cờ tỉnh/bộ.",
      law={ALL: ("Luật TĐKT 2022 Điều 44 (tập thể, chưa đối chiếu)", "M")})
def hcld3_collective(c):
    n = c.p["HCLD3.collective_years"]
    years, reason = chain_window(c, ("BK_TTG",), n)
    if reason:
        return reason
    years = list(years)
    bad = ratings_at_least(c, years, ("excellent",), "hoàn thành xuất sắc nhiệm vụ", "excellent")
    if bad:
        return bad
    co_cp = sum(1 for y in c.years_with(("CO_CP",)) if years[0] <= y <= years[-1])
    co_tinh = sum(1 for y in c.years_with(("CO_TINH", "CO_BO")) if years[0] <= y <= years[-1])
    if co_cp >= c.p["HCLD3.collective_co_cp"] or co_tinh >= c.p["HCLD3.collective_co_tinh"]:
        return (True, f"{n} năm xuất sắc {years[0]}–{years[-1]}, có {co_cp} Cờ CP, {co_tinh} Cờ tỉnh.",
                f"{n} excellent years {years[0]}–{years[-1]}, {co_cp} Cờ CP, {co_tinh} Cờ tỉnh.")
    return (False, f"Trong {years[0]}–{years[-1]} chưa có Cờ thi đua của Chính phủ hoặc 02 Cờ thi đua cấp tỉnh/bộ.",
            f"No Government flag or two provincial flags in {years[0]}–{years[-1]}.")
