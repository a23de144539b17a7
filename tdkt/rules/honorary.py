"""State honorary titles (LAW.md §2.5): Nhà giáo ưu tú / nhân dân (years, hardship ×2), Anh hùng Lao động."""

from tdkt.rules.regimes import NEW, R_OLD
from tdkt.rules.registry import rule

P = ("person",)
TEACHER_KINDS = ("annual", "contribution")


def _teaching(c, code):
    s = c.subject
    direct = s.direct_teaching_years
    if direct is None:
        return (None, "Thiếu số năm trực tiếp giảng dạy (subject.direct_teaching_years).",
                "Missing the years of direct teaching (subject.direct_teaching_years).")
    factor = c.p["honorary.hardship_factor"] or 1
    hardship = min(s.hardship_years or 0, direct)
    # Years in border, sea, island or especially difficult areas count ×2 (Đ64): the hardship part of
    # the direct teaching is added (factor − 1) more times.
    bonus = hardship * (factor - 1)
    eff_direct = direct + bonus
    p = c.p
    if s.is_manager:
        sector = s.sector_years
        if sector is None:
            return (None, "Thiếu số năm công tác trong ngành giáo dục (subject.sector_years).",
                    "Missing the years in the education sector (subject.sector_years).")
        need_sector, need_direct = p[f"{code}.manager_sector_years"], p[f"{code}.manager_direct_years"]
        eff_sector = sector + bonus
        if eff_sector >= need_sector and eff_direct >= need_direct:
            return (True, f"Cán bộ quản lý: {eff_sector:g} năm trong ngành, {eff_direct:g} năm trực tiếp giảng dạy "
                          f"(đã nhân hệ số vùng khó khăn).",
                    f"Manager: {eff_sector:g} years in the sector, {eff_direct:g} teaching (hardship counted ×{factor}).")
        return (False, f"Cán bộ quản lý: {eff_sector:g}/{need_sector} năm trong ngành, {eff_direct:g}/{need_direct} năm "
                       "trực tiếp giảng dạy (đã nhân hệ số vùng khó khăn).",
                f"Manager: {eff_sector:g}/{need_sector} years in the sector, {eff_direct:g}/{need_direct} teaching.")
    need = p[f"{code}.teacher_years"]
    if eff_direct >= need:
        return (True, f"{eff_direct:g} năm trực tiếp giảng dạy ({direct:g} năm, trong đó {hardship:g} năm vùng khó khăn "
                      f"nhân hệ số {factor}), đạt {need} năm.",
                f"{eff_direct:g} years of teaching ({direct:g}, of which {hardship:g} in hardship areas ×{factor}); "
                f"{need} required.")
    return (False, f"{eff_direct:g} năm trực tiếp giảng dạy ({direct:g} năm, {hardship:g} năm vùng khó khăn nhân hệ số "
                   f"{factor}), chưa đủ {need} năm.",
            f"{eff_direct:g} years of teaching ({direct:g}, {hardship:g} in hardship areas ×{factor}); {need} required.")


_PARAMS = ("teacher_years", "manager_sector_years", "manager_direct_years")


@rule("NGUT.teaching_years", awards=("NGUT",), subjects=P, kinds=TEACHER_KINDS,
      params=tuple(f"NGUT.{k}" for k in _PARAMS) + ("honorary.hardship_factor",),
      summary="≥ 15 years of direct teaching (managers: ≥ 20 years in the sector incl. ≥ 10 teaching); years in "
              "hardship areas count twice.",
      law={NEW: ("Luật TĐKT 2022 Điều 64 k3", "V"), R_OLD: ("Luật TĐKT 2003 (M)", "M")})
def ngut_years(c):
    return _teaching(c, "NGUT")


@rule("NGND.teaching_years", awards=("NGND",), subjects=P, kinds=TEACHER_KINDS,
      params=tuple(f"NGND.{k}" for k in _PARAMS) + ("honorary.hardship_factor",),
      summary="≥ 20 years of direct teaching (managers: ≥ 25 years in the sector incl. ≥ 15 teaching); years in "
              "hardship areas count twice.",
      law={NEW: ("Luật TĐKT 2022 Điều 64 k2", "V"), R_OLD: ("Luật TĐKT 2003 (M)", "M")})
def ngnd_years(c):
    return _teaching(c, "NGND")


@rule("NGND.is_ngut", awards=("NGND",), subjects=P, kinds=TEACHER_KINDS,
      summary="“Nhà giáo nhân dân” requires “Nhà giáo ưu tú” first.",
      law={NEW: ("Luật TĐKT 2022 Điều 64 k2", "V"), R_OLD: ("Luật TĐKT 2003 (M)", "M")})
def ngnd_is_ngut(c):
    if c.entries(("NGUT",), counted=False):
        return (True, "Đã được phong tặng “Nhà giáo ưu tú”.", "Already holds “Nhà giáo ưu tú”.")
    return (False, "Chưa được phong tặng “Nhà giáo ưu tú”.", "Does not yet hold “Nhà giáo ưu tú”.")


@rule("AHLD.contribution_years", awards=("AHLD",), kinds=("annual",), params=("AHLD.min_contribution_years",),
      summary="Important contribution over ≥ 10 years (person and collective).",
      law={NEW: ("Luật TĐKT 2022 Điều 63 k1 c, k2", "V"), R_OLD: ("Luật TĐKT 2003 (M)", "M")})
def ahld_years(c):
    years = c.subject.contribution_years
    need = c.p["AHLD.min_contribution_years"]
    if years is None:
        return (None, "Thiếu số năm có đóng góp (subject.contribution_years).",
                "Missing the years of contribution (subject.contribution_years).")
    if years >= need:
        return (True, f"{years:g} năm đóng góp, đạt {need} năm.", f"{years:g} years of contribution; {need} required.")
    return (False, f"{years:g} năm đóng góp, chưa đủ {need} năm.", f"{years:g} years of contribution; {need} required.")


@rule("AHLD.national_initiative", awards=("AHLD",), subjects=P, kinds=("annual",),
      summary="Individual: initiatives or works applied with high effect nationwide.",
      law={NEW: ("Luật TĐKT 2022 Điều 63 k1", "V"), R_OLD: ("Luật TĐKT 2003 (M)", "M")})
def ahld_national_initiative(c):
    if c.need_initiatives(1, "national", 1900, c.to_year) is None:
        return (True, "Có sáng kiến/công trình được công nhận phạm vi toàn quốc.", "Has a nationally recognised initiative.")
    return (False, "Không có sáng kiến/công trình được công nhận phạm vi toàn quốc.",
            "No initiative or work recognised at national scope.")
