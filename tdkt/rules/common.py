"""Rules every award shares: regime and award validity, subject and achievement kinds, registration,
discipline and its freeze, the interval from the previous decision, one achievement / one
initiative used once, thematic and sudden awards not counting for annual ones."""

from datetime import date

from tdkt.rules.facts import dmy, TITLES, end_year, years_list
from tdkt.rules.parameters import AWARDS
from tdkt.rules.regimes import ALL, ND91_START, NEW, OLD_LAW_START, R_98, R_152, R_OLD
from tdkt.rules.registry import COMMON, CRITERIA, PRECONDITION, rule

L22 = "Luật TĐKT 2022"
L03 = "Luật TĐKT 2003"

ANNUAL = frozenset(("annual",))
# Which kinds of achievement (loại hình, Luật 2022 Điều 8) each award can reward.
ALLOWED_KINDS = {
    **{code: ANNUAL for code in ("LDTT", "CSTT", "CSTDCS", "CSTD_TINH", "CSTDTQ", "TTLDTT", "DVTT", "TTLDXS",
                                 "DVQT", "CO_TINH", "XA_TIEU_BIEU", "THON_VH", "GDVH")},
    "CO_CP": frozenset(("annual", "thematic")),
    **{code: frozenset(("annual", "thematic", "sudden", "contribution", "foreign", "resistance"))
       for code in ("GIAY_KHEN", "BK_TINH", "BK_TTG")},
    **{code: frozenset(("annual", "sudden", "contribution", "foreign", "resistance"))
       for code in ("HCLD3", "HCLD2", "HCLD1", "HC_DOC_LAP_3")},
    "AHLD": frozenset(("annual", "sudden")),
    **{code: frozenset(("annual", "contribution")) for code in ("NGUT", "NGND", "TTUT", "TTND")},
}
KIND_VI = {"annual": "công trạng, thành tích hằng năm", "thematic": "thi đua theo chuyên đề",
           "sudden": "đột xuất", "contribution": "quá trình cống hiến", "seniority": "niên hạn",
           "foreign": "đối ngoại", "resistance": "kháng chiến"}
SUBJECT_VI = {"person": "cá nhân", "collective": "tập thể", "household": "hộ gia đình"}
_SUBJECT_CODE = {"person": "p", "collective": "c", "household": "h"}


@rule("COMMON.regime_supported", stage=PRECONDITION,
      summary="The decision date falls in a regime whose rules are encoded (NĐ 91/2017 onwards).",
      law={R_OLD: ("LAW.md §0.2; Luật TĐKT 2022 Điều 94–95", "I")})
def regime_supported(c):
    if c.today >= ND91_START:
        return None
    if c.today < OLD_LAW_START:
        return (None, f"Ngày xét {dmy(c.today)} trước khi Luật TĐKT 2003 có hiệu lực (01/07/2004); cần thẩm định thủ công.",
                f"Decision date {dmy(c.today)} precedes the 2003 Law (01/07/2004); appraise by hand.")
    return (None, f"Ngày xét {dmy(c.today)} thuộc thời kỳ NĐ 42/2010, 65/2014 (trước NĐ 91/2017) chưa được mã hóa; cần thẩm định thủ công.",
            f"Decision date {dmy(c.today)} falls under Decrees 42/2010 or 65/2014 (before Decree 91/2017), not encoded; appraise by hand.")


@rule("COMMON.award_in_regime", stage=PRECONDITION,
      enabled=lambda p, regime, award, subject, kind: award not in AWARDS or regime not in AWARDS[award]["regimes"],
      summary="The award exists in the regime in force on the decision date.",
      law={R_OLD: (f"{L03}; NĐ 91/2017/NĐ-CP", "V"), NEW: (f"{L22} Điều 19–20, Điều 7", "V")})
def award_in_regime(c):
    spec = AWARDS.get(c.award)
    if spec is None:
        return (None, f"Mã “{c.award}” không có trong bảng tham số của bộ quy tắc; cần thẩm định thủ công.",
                f"Code {c.award!r} is not in the rules' parameter table; appraise by hand.")
    if c.regime not in spec["regimes"]:
        return (False, f"“{spec['name']}” không có trong chế độ pháp lý áp dụng tại ngày xét {dmy(c.today)}.",
                f"{c.award} does not exist in the regime in force on {dmy(c.today)}.")
    return None


@rule("COMMON.subject_kind", stage=PRECONDITION,
      enabled=lambda p, regime, award, subject, kind: award in AWARDS and _SUBJECT_CODE[subject] not in AWARDS[award]["subjects"],
      summary="The award can be given to this kind of subject (person, collective, household).",
      law={R_OLD: (f"{L03} Điều 20–26", "M"), NEW: (f"{L22} Điều 19–20, Điều 72–75", "V")})
def subject_kind(c):
    spec = AWARDS.get(c.award)
    if spec is None:
        return None
    if _SUBJECT_CODE[c.subject_kind] in spec["subjects"]:
        return None  # the normal case needs no line in the result
    return (False, f"“{spec['name']}” không xét tặng cho {SUBJECT_VI[c.subject_kind]}.",
            f"{c.award} is not awarded to a {c.subject_kind}.")


@rule("COMMON.achievement_kind", stage=PRECONDITION,
      enabled=lambda p, regime, award, subject, kind: kind not in ALLOWED_KINDS.get(award, (kind,)),
      summary="The kind of achievement (annual, thematic, sudden, contribution…) suits the award.",
      law={R_OLD: (f"{L03} Điều 4", "V"), NEW: (f"{L22} Điều 8; NĐ 98/2023 Điều 34 k1", "V")})
def achievement_kind(c):
    allowed = ALLOWED_KINDS.get(c.award)
    if allowed is None or c.kind in allowed:
        return None
    return (False, f"Loại hình “{KIND_VI[c.kind]}” không dùng để xét “{AWARDS[c.award]['name']}” "
                   f"(chỉ: {', '.join(KIND_VI[k] for k in sorted(allowed))}).",
            f"A {c.kind} achievement cannot be rewarded with {c.award} (only {', '.join(sorted(allowed))}).")


@rule("COMMON.registration", stage=PRECONDITION, params=("registration_required",),
      enabled=lambda p, regime, award, subject, kind: bool(p["registration_required"]) and award in TITLES,
      summary="Where the issuer requires it, the subject registered for the title at the start of the year.",
      law={R_OLD: (f"{L03} Điều 15; NĐ 91/2017/NĐ-CP; TT 12/2019/TT-BNV", "M"),
           NEW: ("Quy định thi đua của tỉnh/bộ (LAW.md §4.3)", "P")})
def registration(c):
    if not c.p["registration_required"] or c.award not in TITLES:
        return None
    registered = c.case.registered
    if registered is None:
        return (None, "Thiếu thông tin đăng ký thi đua đầu năm (registered).",
                "Missing: whether the subject registered for the title at the start of the year (registered).")
    if registered:
        return (True, "Đã đăng ký thi đua đầu năm.", "Registered for emulation at the start of the year.")
    return (False, "Không đăng ký thi đua đầu năm nên không được xét danh hiệu.",
            "Did not register for emulation at the start of the year, so cannot be considered.")


@rule("COMMON.criteria_not_modelled", stage=CRITERIA,
      summary="Awards (or kinds of achievement) whose criteria are judged, not encoded: always needs a check.",
      law={ALL: ("LAW.md §6.2 (tiêu chuẩn chưa mã hóa)", "M")})
def criteria_not_modelled(c):
    name = AWARDS.get(c.award, {}).get("name", c.award)
    return (None, f"Tiêu chuẩn của “{name}” ({KIND_VI[c.kind]}) chưa được mã hóa; cần thẩm định thủ công.",
            f"The criteria of {c.award} for a {c.kind} achievement are not encoded; appraise by hand.")


def _period(c) -> tuple[date, date]:
    return date(c.from_year, 1, 1), date(c.to_year, 12, 31)


@rule("COMMON.discipline", stage=COMMON, subjects=("person",),
      params=("discipline.count_from_end",),
      summary="No discipline being served on the decision date; for a period achievement, none in the "
              "period (achievements count from the end of the discipline).",
      law={R_152: ("NĐ 152/2025/NĐ-CP Điều 4 k4", "V"),
           R_98: ("NĐ 98/2023/NĐ-CP (tương đương NĐ 152 Điều 4 k4)", "M"),
           R_OLD: ("TT 02/2011/TT-BNV; NĐ 91/2017/NĐ-CP", "M")})
def discipline(c):
    records = c.subject.discipline
    if not records:
        return (True, "Không có kỷ luật.", "No discipline on record.")
    start, end = _period(c)
    for d in records:
        if d.until is None or d.until > c.today:
            until = f"{dmy(d.until)}" if d.until else "chưa rõ"
            return (False, f"Đang trong thời hạn kỷ luật ({d.level}, đến {until}) tại ngày xét.",
                    f"Still serving a disciplinary measure ({d.level}, until {d.until or 'unknown'}) on the decision date.")
        if c.kind != "contribution" and c.p["discipline.count_from_end"] and d.on <= end and d.until >= start:
            return (False, f"Bị kỷ luật {d.level} từ {dmy(d.on)} đến {dmy(d.until)}, trùng thời gian lập thành tích "
                           f"({c.from_year}–{c.to_year}); thành tích chỉ được tính từ khi hết thời hạn kỷ luật.",
                    f"Disciplined ({d.level}) {d.on} – {d.until}, overlapping the achievement period "
                    f"({c.from_year}–{c.to_year}); achievements count only from the end of the discipline.")
    return (True, "Kỷ luật (nếu có) đã hết thời hạn trước thời gian lập thành tích.",
            "Any discipline ended before the achievement period.")


@rule("COMMON.pending_discipline", stage=COMMON, subjects=("person",),
      enabled=lambda p, *_: bool(p["discipline.freeze_pending_review"]),
      params=("discipline.freeze_pending_review",),
      summary="Not under disciplinary review, inspection or investigation (freeze); unknown → needs check.",
      law={R_152: ("NĐ 152/2025/NĐ-CP Điều 4 k4", "V"),
           R_98: ("NĐ 98/2023/NĐ-CP (tương đương NĐ 152 Điều 4 k4)", "M"),
           R_OLD: ("NĐ 91/2017/NĐ-CP", "M")})
def pending_discipline(c):
    if not c.p["discipline.freeze_pending_review"]:
        return None
    pending = c.subject.under_discipline_review
    if pending is None:
        return (None, "Thiếu thông tin: có đang bị xem xét kỷ luật, thanh tra, điều tra hay không (under_discipline_review).",
                "Missing: whether the person is under disciplinary review or investigation (under_discipline_review).")
    if pending:
        return (False, "Đang bị xem xét kỷ luật hoặc thanh tra, kiểm tra, điều tra: chưa khen thưởng, chưa đề nghị khen thưởng.",
                "Under disciplinary review or investigation: no award or proposal until it is concluded.")
    return (True, "Không đang bị xem xét kỷ luật, thanh tra, điều tra.", "Not under disciplinary review or investigation.")


@rule("COMMON.interval", stage=COMMON, params=("interval.fallback_to_decision_year",),
      summary="The period proposed starts after the period stated in the previous decision for the same award "
              "(or, without a stated period, after the year of that decision).",
      law={R_98: ("NĐ 98/2023/NĐ-CP Điều 30 k9; Luật TĐKT 2022 Điều 5 k2 c", "V"),
           R_152: ("Luật TĐKT 2022 Điều 5 k2 c; NĐ 98/2023 Điều 30 k9 (bản NĐ 152: M)", "V"),
           R_OLD: (f"{L03} Điều 6 (thành tích đến đâu khen thưởng đến đó)", "M")})
def interval(c):
    prev = c.latest((c.award,), counted=False)
    if prev is None:
        return None
    last = end_year(prev, c.p)
    if last is None:
        return (None, f"Quyết định trước về “{c.award}” không ghi thời gian lập thành tích và ngày quyết định; cần đối chiếu.",
                f"The previous {c.award} decision states neither a period nor a date; check by hand.")
    if (type(last) is not int or type(c.from_year) is not int or type(c.to_year) is not int
            or type(c.award) is not str):
        # A hand-built Case may carry e.g. 2024.0: equal to 2024 as a key, but printed differently.
        return _interval_finding(c.award, last, c.from_year, c.to_year)
    # The finding depends only on these four values, which a batch repeats across many nominees:
    # build each message pair once (bounded, the tuples are never modified).
    key = (c.award, last, c.from_year, c.to_year)
    found = _INTERVAL_TEXT.get(key)
    if found is None:
        found = _interval_finding(c.award, last, c.from_year, c.to_year)
        if len(_INTERVAL_TEXT) < 10_000:
            _INTERVAL_TEXT[key] = found
    return found


_INTERVAL_TEXT: dict[tuple, tuple] = {}


def _interval_finding(award, last, from_year, to_year):
    if from_year > last:
        return (True, f"Lần trước được tặng cho thời gian đến năm {last}; lần này tính từ năm {from_year}.",
                f"The previous award covered up to {last}; this proposal starts in {from_year}.")
    return (False, f"Đã được tặng “{award}” cho thời gian đến năm {last} (quyết định trước); thời gian đề nghị lần này "
                   f"({from_year}–{to_year}) phải tính từ năm {last + 1}.",
            f"Already awarded {award} for a period up to {last}; this proposal ({from_year}–{to_year}) "
            f"must start in {last + 1}.")


@rule("COMMON.one_form_per_achievement", stage=COMMON,
      enabled=lambda p, regime, award, subject, kind: award not in TITLES,
      summary="A form of commendation is not given twice, or as two forms, for the same achievement (same period).",
      law={NEW: (f"{L22} Điều 5 k2 c", "V"), R_OLD: (f"{L03} Điều 6", "M")})
def one_form_per_achievement(c):
    if c.award in TITLES:
        return None
    # ``c.entries((code,), counted=False)`` per code, inlined (no intermediate lists): the same order,
    # the same filter (decided by the review date, any kind).
    award, kind, first, last, today = c.award, c.kind, c.from_year, c.to_year, c.today
    for code, bucket in c.case.history_by_award.items():
        if code in TITLES or code == award:
            continue
        for e in bucket:
            decided = e[3]
            if decided is not None and decided > today:
                continue  # a decision after the review date is not history yet
            if e[4] == kind and e[1] == first and e[2] == last:
                return (False, f"Thành tích {c.from_year}–{c.to_year} đã được khen “{code}”; không khen nhiều hình thức cho một thành tích.",
                        f"The {c.from_year}–{c.to_year} achievement was already rewarded with {code}; one achievement, one form.")
    return None


@rule("COMMON.initiative_once", stage=COMMON, params=("initiative.reuse_between_titles",),
      summary="An initiative serves one award only: one already used for a form (or for a title when the "
              "proposal is a form) is not counted; reuse between two titles needs a check.",
      law={ALL: ("Công văn 5007/BNV-TĐKT (2023); Luật TĐKT 2022 Điều 5 k2 c", "V")})
def initiative_once(c):
    short = c.initiative_shortfall
    if short is None:
        award, year = c.award, c.year
        # A plain loop rather than any(generator): most nominees have initiatives, none of them used.
        for i in c.case.initiatives:
            used = i.used_award
            if used is not None and not (used == award and i.used_year in (None, year)):
                return (True, "Sáng kiến đã dùng cho khen thưởng khác không được tính lại (không cần đến).",
                        "Initiatives already used for another award were not counted (not needed).")
        return None
    n, free, check, barred, scope = short
    if free + check >= n:
        return (None, f"Cần {n} sáng kiến; {check} sáng kiến đã dùng để xét danh hiệu khác: việc dùng lại giữa các danh hiệu "
                      "không bị cấm rõ, cần thẩm định.",
                f"{n} initiative(s) needed; {check} were already used for another title: reuse between titles is not "
                "expressly barred, check by hand.")
    return (False, f"Cần {n} sáng kiến; chỉ {free} sáng kiến chưa sử dụng, {barred + check} sáng kiến đã dùng để khen thưởng khác "
                   "(một sáng kiến chỉ được sử dụng một lần).",
            f"{n} initiative(s) needed; only {free} unused, {barred + check} already used for another award "
            "(an initiative is used once).")


@rule("COMMON.thematic_not_counted", stage=COMMON, params=("thematic_not_counted",),
      summary="Awards for thematic movements or sudden achievements do not count as prerequisites for "
              "annual (công trạng) awards.",
      law={R_152: ("NĐ 152/2025/NĐ-CP Điều 4 k3", "V"),
           R_98: ("NĐ 98/2023/NĐ-CP (tương đương NĐ 152 Điều 4 k3)", "M"),
           R_OLD: ("NĐ 91/2017/NĐ-CP (M)", "M")})
def thematic_not_counted(c):
    needed = c.thematic_needed
    if needed:
        return (False, f"Chỉ đạt chuỗi điều kiện khi tính cả khen thưởng chuyên đề/đột xuất ({', '.join(needed)}); "
                       "kết quả này không dùng làm căn cứ đề nghị khen thưởng công trạng.",
                f"The chain is met only by counting thematic/sudden awards ({', '.join(needed)}), which do not "
                "count for annual awards.")
    if c.case.history_has_non_annual:
        return (True, "Khen thưởng chuyên đề/đột xuất trong lịch sử không được tính (không ảnh hưởng kết quả).",
                "Thematic/sudden awards in the history were not counted (no effect on the result).")
    return None


def note_thematic(c, codes, ok_with_all: bool) -> None:
    """Called by a chain rule that failed on counted history: remember if thematic awards would
    have made it pass, for ``COMMON.thematic_not_counted``."""
    if ok_with_all and c.p["thematic_not_counted"]:
        c.thematic_needed = list(codes)


def missing_years_message(years) -> tuple[None, str, str]:
    return (None, f"Thiếu kết quả xếp loại các năm {years_list(years)}.",
            f"Missing the performance rating for {years_list(years)}.")
