"""Legal regimes, chosen by the date the competent level reviews or decides (LAW.md §0.2).

The law has no saving clause for pending proposals (Luật TĐKT 2022 Điều 94–96, LAW.md §0.2, I), so
the rule set is the one in force on ``decision_date``, not in the year the achievement was earned.
Titles awarded under an older regime stay recognised (Điều 95) and count as history.
"""

from datetime import date

R_OLD = "R2003_ND91"
R_98 = "R2022_ND98"
R_152 = "R2022_ND152"

REGIMES = (R_OLD, R_98, R_152)
NEW = (R_98, R_152)
ALL = REGIMES

OLD_LAW_START = date(2004, 7, 1)   # Luật 15/2003/QH11 in force (V[S50])
ND91_START = date(2017, 10, 1)     # NĐ 91/2017 in force (V[S41]); earlier decrees are not encoded
NEW_LAW_START = date(2024, 1, 1)   # Luật 06/2022/QH15 + NĐ 98/2023 (V[S33,S42])
ND152_START = date(2025, 7, 1)     # NĐ 152/2025 (V[S19]); NĐ 129/2025 two-level local government

REGIME_INFO = {
    R_OLD: dict(valid_from=OLD_LAW_START, valid_to=date(2023, 12, 31),
                label="Luật TĐKT 2003 (sửa đổi 2005, 2009, 2013) + NĐ 91/2017/NĐ-CP",
                label_en="Law on Emulation and Commendation 2003 (as amended) + Decree 91/2017"),
    R_98: dict(valid_from=NEW_LAW_START, valid_to=date(2025, 6, 30),
               label="Luật TĐKT 06/2022/QH15 + NĐ 98/2023/NĐ-CP",
               label_en="Law 06/2022/QH15 + Decree 98/2023"),
    R_152: dict(valid_from=ND152_START, valid_to=None,
                label="Luật TĐKT 06/2022/QH15 + NĐ 152/2025/NĐ-CP (+ NĐ 129/2025/NĐ-CP)",
                label_en="Law 06/2022/QH15 + Decree 152/2025 (+ Decree 129/2025)"),
}


def regime_for(day: date) -> str:
    """The regime in force on ``day`` (dates before 01/07/2004 fall back to the old regime; the
    engine then adds a needs-check reason, see ``COMMON.regime_supported``)."""
    if day >= ND152_START:
        return R_152
    if day >= NEW_LAW_START:
        return R_98
    return R_OLD
