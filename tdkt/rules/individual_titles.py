"""Individual emulation titles (LAW.md §1.2): LĐTT/CSTT, CSTĐCS, CSTĐ tỉnh, CSTĐTQ."""

from datetime import date

from tdkt.rules.common import missing_years_message, note_thematic
from tdkt.rules.facts import dmy, CSTD_PROVINCE, GOOD, RATING_VI, SCOPE_VI, run_ending, years_list
from tdkt.rules.regimes import NEW, R_98, R_152, R_OLD
from tdkt.rules.registry import rule

P, A = ("person",), ("annual",)
LDTT_STANDARD = ("LDTT", "CSTT", "CSTDCS")   # CSTĐCS needs the LĐTT/CSTT standard first (Đ23 k1)


@rule("LDTT.rating", awards=LDTT_STANDARD, subjects=P, kinds=A, params=("LDTT.min_rating",),
      summary="The year's performance rating is at least “Hoàn thành tốt nhiệm vụ” (also the LĐTT standard "
              "that CSTĐCS requires).",
      law={NEW: ("Luật TĐKT 2022 Điều 24 k1 a; Điều 23 k1", "V"), R_OLD: ("Luật TĐKT 2003 Điều 24", "P")})
def ldtt_rating(c):
    rating = c.ratings.get(c.year)
    if rating is None:
        return missing_years_message([c.year])
    allowed = GOOD if c.p["LDTT.min_rating"] == "good" else frozenset((c.p["LDTT.min_rating"],))
    if rating in allowed:
        return (True, f"Năm {c.year} xếp loại “{RATING_VI[rating]}”.", f"Rated {rating} in {c.year}.")
    return (False, f"Năm {c.year} xếp loại “{RATING_VI[rating]}”, chưa đạt “Hoàn thành tốt nhiệm vụ” trở lên.",
            f"Rated {rating} in {c.year}; at least “good” is required.")


@rule("LDTT.service_months", awards=LDTT_STANDARD, subjects=P, kinds=A, params=("LDTT.min_months_in_year",),
      enabled=lambda p, *_: bool(p["LDTT.min_months_in_year"]),
      summary="Recruited long enough before the end of the year (old regime: 10 months).",
      law={R_OLD: ("TT 02/2011/TT-BNV", "P"), NEW: ("Quy định hiện hành chưa đối chiếu (LAW.md §1.5 k4)", "M")})
def ldtt_service_months(c):
    minimum = c.p["LDTT.min_months_in_year"]
    if not minimum:
        return None
    recruited = c.subject.recruited_on
    if recruited is None:
        return (None, "Thiếu ngày tuyển dụng (recruited_on) để tính thời gian công tác trong năm.",
                "Missing the recruitment date (recruited_on) to count the months worked in the year.")
    if recruited.year < c.year:
        return None
    days = (date(c.year, 12, 31) - recruited).days + 1
    months = days / 30.4375
    if months >= minimum:
        return (True, f"Công tác {months:.1f} tháng trong năm {c.year}.", f"Worked {months:.1f} months in {c.year}.")
    return (False, f"Tuyển dụng ngày {dmy(recruited)}: chỉ {months:.1f} tháng trong năm {c.year}, dưới {minimum} tháng.",
            f"Recruited {recruited}: only {months:.1f} months in {c.year}, fewer than {minimum}.")


@rule("LDTT.leave", awards=LDTT_STANDARD, subjects=P, kinds=A,
      params=("LDTT.counted_leave_kinds", "LDTT.max_other_leave_working_days"),
      summary="Maternity leave (and, from 2024, treatment after injury) counts as work; other leave in the year "
              "stays under the limit (40 working days).",
      law={R_152: ("NĐ 152/2025/NĐ-CP Điều 4 k5; TT 01/2024/TT-BNV", "V"),
           R_98: ("TT 01/2024/TT-BNV; NĐ 98/2023/NĐ-CP", "V"),
           R_OLD: ("TT 02/2011/TT-BNV", "P")})
def ldtt_leave(c):
    leave = c.subject.leave
    if not leave:
        return None
    counted = c.p["LDTT.counted_leave_kinds"]
    limit = c.p["LDTT.max_other_leave_working_days"]
    first, last = date(c.year, 1, 1), date(c.year, 12, 31)
    other = 0
    kept = []
    for item in leave:
        lo, hi = max(item.from_, first), min(item.to, last)
        if hi < lo:
            continue
        if item.kind in counted:
            kept.append(item.kind)
        else:
            other += c.calendar.working_days(lo, hi)
    if not other:
        if not kept:
            return None
        return (True, f"Thời gian nghỉ ({', '.join(sorted(set(kept)))}) được tính là thời gian công tác.",
                f"Leave ({', '.join(sorted(set(kept)))}) counts as time worked.")
    # The 40-day limit itself is M under the 2022 law, so the reason carries the weaker tag.
    weak = "M" if c.regime != R_OLD else None
    if limit is None or other < limit:
        return (True, f"Nghỉ {other} ngày làm việc không được tính, dưới mức {limit}.",
                f"{other} working days of other leave, under the limit of {limit}.", weak)
    return (False, f"Nghỉ {other} ngày làm việc không thuộc trường hợp được tính (từ {limit} ngày trở lên).",
            f"{other} working days of leave that does not count (limit {limit}).", weak)


@rule("LDTT.max_ratio", awards=("LDTT", "CSTT"), subjects=P, kinds=A, params=("LDTT.max_ratio",),
      enabled=lambda p, *_: p["LDTT.max_ratio"] is not None,
      summary="An issuer's cap on the share of LĐTT in the unit (none in national law).",
      law={NEW: ("Luật TĐKT 2022 Điều 24 k4 (bộ, tỉnh quy định chi tiết)", "P"), R_OLD: ("TT 151/2018/TT-BQP", "P")})
def ldtt_max_ratio(c):
    cap = c.p["LDTT.max_ratio"]
    if cap is None:
        return None
    batch = c.case.batch
    if batch is None or batch.same_award_proposed is None or not batch.unit_staff:
        return (None, "Thiếu số đề nghị LĐTT và tổng quân số của đơn vị (batch.same_award_proposed, batch.unit_staff).",
                "Missing the number proposed and the unit's staff (batch.same_award_proposed, batch.unit_staff).")
    if batch.same_award_proposed * 1_000_000 <= round(cap * 1_000_000) * batch.unit_staff:
        return (True, f"{batch.same_award_proposed}/{batch.unit_staff} đề nghị, trong tỷ lệ {cap:.0%}.",
                f"{batch.same_award_proposed}/{batch.unit_staff} proposed, within {cap:.0%}.")
    return (False, f"{batch.same_award_proposed}/{batch.unit_staff} đề nghị, vượt tỷ lệ {cap:.0%}.",
            f"{batch.same_award_proposed}/{batch.unit_staff} proposed, over the {cap:.0%} cap.")


@rule("CSTDCS.initiative_required", awards=("CSTDCS",), subjects=P, kinds=A, params=("CSTDCS.requires_initiative",),
      enabled=lambda p, *_: bool(p["CSTDCS.requires_initiative"]),
      summary="Old regime: an initiative (or research work) recognised at least at unit level in the year is "
              "mandatory.",
      law={R_OLD: ("Luật TĐKT 2003 Điều 23; NĐ 91/2017/NĐ-CP Điều 9", "V")})
def cstdcs_initiative_required(c):
    if not c.p["CSTDCS.requires_initiative"]:
        return None
    short = c.need_initiatives(1, "unit", c.year, c.year)
    if short is None:
        return (True, f"Có sáng kiến được công nhận năm {c.year}.", f"Has an initiative recognised in {c.year}.")
    return (False, f"Không có sáng kiến/đề tài được công nhận năm {c.year} (bắt buộc theo Luật 2003).",
            f"No initiative or research work recognised in {c.year} (mandatory under the 2003 Law).")


@rule("CSTDCS.initiative_or_excellent", awards=("CSTDCS",), subjects=P, kinds=A, params=("CSTDCS.requires_initiative",),
      enabled=lambda p, *_: not p["CSTDCS.requires_initiative"],
      summary="2022 law: “Hoàn thành xuất sắc nhiệm vụ” OR an initiative / research work recognised at unit level.",
      law={NEW: ("Luật TĐKT 2022 Điều 23 k2", "V")})
def cstdcs_initiative_or_excellent(c):
    rating = c.ratings.get(c.year)
    if rating == "excellent":
        return (True, f"Năm {c.year} hoàn thành xuất sắc nhiệm vụ.", f"Rated excellent in {c.year}.")
    short = c.need_initiatives(1, "unit", c.year, c.year)
    if short is None:
        return (True, f"Có sáng kiến được cơ sở công nhận năm {c.year}.", f"Has an initiative recognised in {c.year}.")
    if rating is None:
        return missing_years_message([c.year])
    return (False, f"Năm {c.year} không hoàn thành xuất sắc nhiệm vụ và không có sáng kiến/đề tài được công nhận.",
            f"Neither rated excellent in {c.year} nor has a recognised initiative or research work.")


@rule("CSTDCS.quota", awards=("CSTDCS",), subjects=P, kinds=A, params=("CSTDCS.max_ratio_of_LDTT",),
      enabled=lambda p, *_: p["CSTDCS.max_ratio_of_LDTT"] is not None,
      summary="Old regime: CSTĐCS proposed in the unit ≤ 15% of those who achieved LĐTT/CSTT (none from 2024).",
      law={R_OLD: ("NĐ 91/2017/NĐ-CP Điều 9 k3", "V"), NEW: ("Quy định của bộ, ngành, tỉnh (LAW.md §1.2)", "P")})
def cstdcs_quota(c):
    cap = c.p["CSTDCS.max_ratio_of_LDTT"]
    if cap is None:
        return None
    batch = c.case.batch
    if batch is None or batch.same_award_proposed is None or not batch.unit_ldtt:
        return (None, "Thiếu số đề nghị CSTĐCS và số LĐTT của đơn vị (batch.same_award_proposed, batch.unit_ldtt).",
                "Missing the number of CSTĐCS proposed and of LĐTT in the unit (batch.same_award_proposed, batch.unit_ldtt).")
    proposed, base = batch.same_award_proposed, batch.unit_ldtt
    if proposed * 1_000_000 <= round(cap * 1_000_000) * base:
        return (True, f"{proposed} CSTĐCS trên {base} LĐTT, không quá {cap:.0%}.",
                f"{proposed} CSTĐCS for {base} LĐTT, within {cap:.0%}.")
    return (False, f"{proposed} CSTĐCS trên {base} LĐTT, vượt tỷ lệ {cap:.0%}.",
            f"{proposed} CSTĐCS for {base} LĐTT, over the {cap:.0%} quota.")


@rule("CSTD_TINH.three_cstdcs", awards=("CSTD_TINH",), subjects=P, kinds=A, params=("CSTD_TINH.consecutive_cstdcs",),
      summary="Three consecutive CSTĐCS up to the year proposed (titles from the old regime count).",
      law={NEW: ("Luật TĐKT 2022 Điều 22 a; Điều 95", "V"), R_OLD: ("Luật TĐKT 2003 Điều 22; NĐ 91/2017 Điều 9 k2", "V")})
def cstd_tinh_three_cstdcs(c):
    n = c.p["CSTD_TINH.consecutive_cstdcs"]
    years = c.years_with(("CSTDCS",))
    if run_ending(years, c.to_year) >= n:
        return (True, f"Có {n} lần liên tục CSTĐCS ({c.to_year - n + 1}–{c.to_year}).",
                f"{n} consecutive CSTĐCS ({c.to_year - n + 1}–{c.to_year}).")
    missing = [y for y in range(c.to_year - n + 1, c.to_year + 1) if y not in years]
    note_thematic(c, ["CSTDCS"], run_ending(c.years_with(("CSTDCS",), counted=False), c.to_year) >= n)
    return (False, f"Chưa đủ {n} lần liên tục CSTĐCS đến năm {c.to_year}: thiếu năm {years_list(missing)}.",
            f"Not {n} consecutive CSTĐCS up to {c.to_year}: missing {years_list(missing)}.")


@rule("CSTD_TINH.province_initiative", awards=("CSTD_TINH",), subjects=P, kinds=A,
      params=("CSTD_TINH.initiative_scope", "CSTD_TINH.consecutive_cstdcs"),
      summary="An initiative / research work applied with effect and recognised at province (ministry) scope "
              "within the chain.",
      law={NEW: ("Luật TĐKT 2022 Điều 22 b", "V"), R_OLD: ("Luật TĐKT 2003 Điều 22; NĐ 91/2017 Điều 9 k2", "V")})
def cstd_tinh_province_initiative(c):
    scope = c.p["CSTD_TINH.initiative_scope"]
    first = min(c.from_year, c.to_year - c.p["CSTD_TINH.consecutive_cstdcs"] + 1)
    if c.need_initiatives(1, scope, first, c.to_year) is None:
        return (True, f"Có sáng kiến phạm vi {SCOPE_VI[scope]} trong {first}–{c.to_year}.",
                f"Has a {scope}-scope initiative in {first}–{c.to_year}.")
    return (False, f"Không có sáng kiến/đề tài được công nhận phạm vi {SCOPE_VI[scope]} trong {first}–{c.to_year}.",
            f"No initiative or research work recognised at {scope} scope in {first}–{c.to_year}.")


def _two_cstd(c, counted=True):
    entries = sorted(c.entries(CSTD_PROVINCE, counted), key=lambda e: (e.to_year or 0))
    for later in reversed(entries):
        if later.to_year is None or later.to_year > c.to_year:
            continue
        for earlier in entries:
            if earlier.to_year is not None and later.from_year is not None and earlier.to_year == later.from_year - 1:
                return earlier, later
    return None


@rule("CSTDTQ.two_cstd_tinh", awards=("CSTDTQ",), subjects=P, kinds=A, params=("CSTDTQ.consecutive_cstd_tinh",),
      summary="Two consecutive CSTĐ tỉnh/bộ (adjacent periods).",
      law={NEW: ("Luật TĐKT 2022 Điều 21 a", "V"), R_OLD: ("NĐ 91/2017/NĐ-CP Điều 9; TT 07/2014 Điều 4 k3", "V")})
def cstdtq_two_cstd(c):
    pair = _two_cstd(c)
    if pair:
        a, b = pair
        return (True, f"Hai lần liên tục CSTĐ cấp tỉnh ({a.from_year}–{a.to_year}, {b.from_year}–{b.to_year}).",
                f"Two consecutive provincial CSTĐ ({a.from_year}–{a.to_year}, {b.from_year}–{b.to_year}).")
    note_thematic(c, ["CSTD_TINH"], _two_cstd(c, counted=False) is not None)
    return (False, "Chưa có 02 lần liên tục danh hiệu Chiến sĩ thi đua cấp tỉnh/bộ.",
            "Does not have two consecutive provincial/ministerial CSTĐ titles.")


@rule("CSTDTQ.national_initiative", awards=("CSTDTQ",), subjects=P, kinds=A, params=("CSTDTQ.initiative_scope",),
      summary="An initiative / research work applied with effect and recognised at national scope.",
      law={NEW: ("Luật TĐKT 2022 Điều 21 b", "V"), R_OLD: ("NĐ 91/2017/NĐ-CP Điều 9", "V")})
def cstdtq_national_initiative(c):
    scope = c.p["CSTDTQ.initiative_scope"]
    pair = _two_cstd(c)
    first = pair[0].from_year if pair and pair[0].from_year else c.from_year - 5
    if c.need_initiatives(1, scope, first, c.to_year) is None:
        return (True, f"Có sáng kiến phạm vi {SCOPE_VI[scope]} ({first}–{c.to_year}).",
                f"Has a {scope}-scope initiative ({first}–{c.to_year}).")
    return (False, f"Không có sáng kiến/đề tài được công nhận phạm vi {SCOPE_VI[scope]} trong {first}–{c.to_year}.",
            f"No initiative or research work recognised at {scope} scope in {first}–{c.to_year}.")

