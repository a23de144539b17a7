"""Who may decide what on the decision date (LAW.md §3.1): Luật 2022 Điều 80; from 01/07/2025 there is no
district level and the commune chair decides TTLĐTT, CSTĐCS, LĐTT… (NĐ 129/2025 Điều 59)."""

from tdkt.rules.parameters import AWARDS
from tdkt.rules.facts import dmy
from tdkt.rules.regimes import R_98, R_152, R_OLD
from tdkt.rules.registry import PROCEDURE, rule

DECIDER_VI = {"chu_tich_ubnd_xa": "Chủ tịch UBND cấp xã", "chu_tich_ubnd_huyen": "Chủ tịch UBND cấp huyện",
              "thu_truong_don_vi": "Thủ trưởng cơ quan, đơn vị", "giam_doc_doanh_nghiep": "Giám đốc doanh nghiệp, HTX",
              "chu_tich_ubnd_tinh": "Chủ tịch UBND tỉnh", "bo_truong": "Bộ trưởng", "thu_tuong": "Thủ tướng Chính phủ",
              "chu_tich_nuoc": "Chủ tịch nước"}
# Grassroots awards whose deciders Điều 80 lists verbatim (V[S35]); NĐ 129 Đ59 for the two-level era (V[S3]).
_OK_TEXT: dict[tuple, tuple[str, str]] = {}
_OK: dict[tuple, tuple] = {}   # (regime, award, decider) → the whole passing finding
ARTICLE_80 = frozenset(("LDTT", "CSTDCS", "TTLDTT", "GIAY_KHEN", "THON_VH", "GDVH"))


@rule("AUTH.decider", stage=PROCEDURE, params=("{award}.deciders",),
      enabled=lambda p, regime, award, *_: p.get(f"{award}.deciders") is not None,
      summary="The deciding authority may award this title or form on the decision date (commune chairs: LĐTT, "
              "Giấy khen, Gia đình văn hóa before 01/07/2025; also TTLĐTT, CSTĐCS, thôn văn hóa after; no district "
              "chair after 30/06/2025).",
      law={R_152: ("Luật TĐKT 2022 Điều 80; NĐ 129/2025/NĐ-CP Điều 59", "V"),
           R_98: ("Luật TĐKT 2022 Điều 80", "V"),
           R_OLD: ("Luật TĐKT 2003 Điều 77–78 (M)", "M")})
def decider(c):
    allowed = c.p.get(f"{c.award}.deciders")
    if allowed is None:
        return None
    who = c.case.decider
    if who in allowed:
        # The passing finding depends only on (regime, award, decider): the whole tuple (text, tag,
        # article) is made once per batch instead of once per nominee.
        key = (c.regime, c.award, who)
        found = _OK.get(key)
        if found is not None:
            return found
    spec = AWARDS.get(c.award)
    # The tag of the grassroots lines is V; the others come from catalogue rows tagged weaker.
    if c.award in ARTICLE_80 or c.regime == R_OLD or spec is None:
        evidence = article = None
    else:
        row = spec["regimes"][c.regime]
        evidence, article = row["evidence"], f"{row['source']} (thẩm quyền theo danh mục)"
    name = spec["name"] if spec else c.award
    if who is None:
        return (None, "Thiếu người có thẩm quyền quyết định (decider).", "Missing the deciding authority (decider).",
                evidence, article)
    if who in allowed:
        key = (c.regime, c.award, who)
        text = _OK_TEXT.get(key)
        if text is None:   # the same few sentences for a whole batch: make each once
            text = _OK_TEXT[key] = (f"{DECIDER_VI[who]} có thẩm quyền quyết định tặng “{name}” theo chế độ pháp lý "
                                    "tại ngày xét.", f"{who} may award {c.award} under the regime in force.")
        found = _OK[key] = (True, text[0], text[1], evidence, article)
        return found
    if who == "chu_tich_ubnd_huyen" and c.regime == R_152:
        return (False, "Từ 01/07/2025 không còn cấp huyện; Chủ tịch UBND cấp huyện không còn thẩm quyền khen thưởng.",
                "From 01/07/2025 there is no district level; a district chair can no longer decide awards.", evidence, article)
    return (False, f"{DECIDER_VI[who]} không có thẩm quyền quyết định tặng “{name}” tại ngày {dmy(c.today)} "
                   f"(thẩm quyền: {', '.join(DECIDER_VI.get(d, d) for d in allowed)}).",
            f"{who} may not award {c.award} on {dmy(c.today)} (allowed: {', '.join(allowed)}).", evidence, article)



