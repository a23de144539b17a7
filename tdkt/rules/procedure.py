"""Procedure (LAW.md §3.3–3.5): council votes on total membership, attendance for Anh hùng sessions,
public posting before the council, filing deadlines of CSTĐTQ and Cờ thi đua CP."""

from datetime import date, timedelta

from tdkt.rules.facts import dmy, CSTD_PROVINCE, compare_share
from tdkt.rules.regimes import R_98, R_152, R_OLD
from tdkt.rules.registry import PROCEDURE, rule


@rule("PROC.council_vote", stage=PROCEDURE, params=("{award}.vote_required", "{award}.vote_min"),
      enabled=lambda p, regime, award, *_: bool(p.get(f"{award}.vote_required")),
      summary="Where a vote is required, yes votes (with absent members' written opinions) reach the threshold "
              "counted on the TOTAL membership: 90% for Anh hùng, CSTĐTQ, CSTĐ tỉnh; 80% for CSTĐCS, Cờ tỉnh, Cờ CP.",
      law={R_98: ("NĐ 98/2023/NĐ-CP Điều 30 k7", "V"),
           R_152: ("NĐ 98/2023/NĐ-CP Điều 30 k7 (bản NĐ 152 chưa đối chiếu)", "M"),
           R_OLD: ("NĐ 91/2017/NĐ-CP (ngưỡng CSTĐCS do bộ, tỉnh quy định)", "M")})
def council_vote(c):
    p = c.p
    if not p.get(f"{c.award}.vote_required"):
        return None
    council = c.case.council
    if council is None:
        return (None, "Thiếu kết quả bỏ phiếu của Hội đồng Thi đua - Khen thưởng (council).",
                "Missing the council's vote (council).")
    if council.members <= 0:
        return (None, "Thiếu tổng số thành viên Hội đồng (council.members).", "Missing the council membership.")
    yes = council.yes + council.written_yes
    threshold = p.get(f"{c.award}.vote_min")
    # The finding depends only on these values, which repeat across a batch: build each once. Keys hold
    # only ints and None / positive int or float thresholds, with the threshold's type, so values that
    # are equal but print differently (1 vs 1.0, 0.0 vs -0.0) never share an entry.
    if type(yes) is int and type(council.members) is int and type(council.written_yes) is int and (
            threshold is None or ((type(threshold) is float or type(threshold) is int) and threshold > 0)):
        key = (yes, council.members, council.written_yes, threshold, type(threshold))
        found = _VOTE_TEXT.get(key)
        if found is None:
            found = _vote_finding(yes, council, threshold)
            if len(_VOTE_TEXT) < 10_000:
                _VOTE_TEXT[key] = found
        return found
    return _vote_finding(yes, council, threshold)


_VOTE_TEXT: dict[tuple, tuple] = {}


def _vote_finding(yes: int, council, threshold) -> tuple:
    if threshold is None:
        # Old regime: ministries and provinces set the CSTĐCS/Cờ threshold (M); a majority of all members
        # is the floor any of them used.
        ok = yes * 2 > council.members
        text = "quá bán tổng số thành viên (ngưỡng do bộ, tỉnh quy định)"
        text_en = "more than half of all members (threshold set by the ministry or province)"
    else:
        ok = compare_share(yes, council.members, threshold)
        text, text_en = f"{threshold:.0%} tổng số thành viên", f"{threshold:.0%} of all members"
    written = f" (gồm {council.written_yes} ý kiến bằng văn bản)" if council.written_yes else ""
    written_en = f" (incl. {council.written_yes} written)" if council.written_yes else ""
    if ok:
        return (True, f"{yes}/{council.members} thành viên đồng ý{written}, đạt {text}.",
                f"{yes}/{council.members} members in favour{written_en}; {text_en} required.")
    return (False, f"{yes}/{council.members} thành viên đồng ý{written}, chưa đạt {text}.",
            f"{yes}/{council.members} members in favour{written_en}; {text_en} required.")


@rule("PROC.council_attendance", stage=PROCEDURE, params=("{award}.attendance_min",),
      enabled=lambda p, regime, award, *_: p.get(f"{award}.attendance_min") is not None,
      summary="Anh hùng sessions: at least 90% of members present.",
      law={R_98: ("NĐ 98/2023/NĐ-CP Điều 47 k4 b (áp dụng cho phiên cấp tỉnh: I)", "I"),
           R_152: ("NĐ 98/2023/NĐ-CP Điều 47 k4 b (bản NĐ 152: M)", "M")})
def council_attendance(c):
    need = c.p.get(f"{c.award}.attendance_min")
    if need is None:
        return None
    council = c.case.council
    if council is None or council.present is None or council.members <= 0:
        return (None, "Thiếu số thành viên Hội đồng dự họp (council.present).",
                "Missing the number of council members present (council.present).")
    if compare_share(council.present, council.members, need):
        return (True, f"{council.present}/{council.members} thành viên dự họp, đạt {need:.0%}.",
                f"{council.present}/{council.members} members present; {need:.0%} required.")
    return (False, f"Chỉ {council.present}/{council.members} thành viên dự họp, chưa đạt {need:.0%}.",
            f"Only {council.present}/{council.members} members present; {need:.0%} required.")


@rule("PROC.public_posting", stage=PROCEDURE, params=("{award}.posting_working_days",),
      enabled=lambda p, regime, award, *_: bool(p.get(f"{award}.posting_working_days")),
      summary="Orders and state honorary titles (old regime: also CSTĐTQ): the list is posted publicly at least "
              "10 working days before the council meets (holidays passed in as data).",
      law={R_98: ("NĐ 98/2023/NĐ-CP Điều 46 k2", "V"), R_152: ("NĐ 152/2025/NĐ-CP Điều 44 k2", "V"),
           R_OLD: ("NĐ 91/2017/NĐ-CP Điều 45 k10; TT 12/2019/TT-BNV (số ngày: M)", "M")})
def public_posting(c):
    days = c.p.get(f"{c.award}.posting_working_days")
    if not days:
        return None
    posting = c.case.posting
    if posting is None or posting.from_ is None or posting.council_on is None:
        return (None, "Thiếu ngày bắt đầu công khai và ngày họp Hội đồng (posting.from, posting.council_on).",
                "Missing the posting start and the council date (posting.from, posting.council_on).")
    # "ít nhất 10 ngày làm việc trước khi họp hội đồng": count from the first day posted up to the day
    # before the meeting.
    got = c.calendar.working_days(posting.from_, posting.council_on - timedelta(days=1))
    if type(days) is not int:   # e.g. an overlay's 10.0: equal to 10 as a key, but printed differently
        return _posting_finding(got, days, posting.council_on)
    # The finding depends only on these three values, which repeat across a batch: build each once.
    key = (got, days, posting.council_on)
    found = _POSTING_TEXT.get(key)
    if found is None:
        found = _posting_finding(got, days, posting.council_on)
        if len(_POSTING_TEXT) < 10_000:
            _POSTING_TEXT[key] = found
    return found


_POSTING_TEXT: dict[tuple, tuple] = {}


def _posting_finding(got: int, days, council_on: date) -> tuple:
    if got >= days:
        return (True, f"Công khai {got} ngày làm việc trước phiên họp Hội đồng ({dmy(council_on)}).",
                f"Posted {got} working days before the council ({council_on}).")
    return (False, f"Chỉ công khai {got} ngày làm việc trước phiên họp Hội đồng, cần ít nhất {days}.",
            f"Posted only {got} working days before the council; at least {days} required.")


@rule("CSTDTQ.filing_deadline", stage=PROCEDURE, awards=("CSTDTQ",), kinds=("annual",),
      params=("CSTDTQ.deadline_years_after_decision",),
      summary="The CSTĐTQ dossier reaches Bộ Nội vụ by 31/12 of the year after the decision awarding the second "
              "CSTĐ tỉnh.",
      law={R_98: ("NĐ 98/2023/NĐ-CP Điều 32 k1 a", "V"), R_152: ("NĐ 98/2023 Điều 32 k1 a (bản NĐ 152: M)", "M"),
           R_OLD: ("NĐ 91/2017/NĐ-CP Điều 48 k1 a", "V")})
def cstdtq_deadline(c):
    latest = c.latest(CSTD_PROVINCE)
    if latest is None:
        return None  # CSTDTQ.two_cstd_tinh already fails
    if latest.decided_on is None:
        return (None, "Thiếu ngày quyết định tặng CSTĐ cấp tỉnh lần thứ hai (history[].decided_on).",
                "Missing the date of the second provincial CSTĐ decision (history[].decided_on).")
    deadline = date(latest.decided_on.year + c.p["CSTDTQ.deadline_years_after_decision"], 12, 31)
    received = c.case.received_on
    if received is None:
        return (None, f"Thiếu ngày hồ sơ đến Bộ Nội vụ (received_on); hạn cuối {dmy(deadline)}.",
                f"Missing the date the dossier reached the Ministry (received_on); deadline {deadline}.")
    if received <= deadline:
        return (True, f"Hồ sơ đến ngày {dmy(received)}, trong hạn {dmy(deadline)}.",
                f"Filed {received}, within the deadline {deadline}.")
    return (False, f"Hồ sơ đến ngày {dmy(received)}, quá hạn {dmy(deadline)} (31/12 năm liền kề năm quyết định "
                   "tặng CSTĐ cấp tỉnh lần thứ hai).",
            f"Filed {received}, after the deadline {deadline} (31/12 of the year after the second provincial CSTĐ).")


@rule("CO_CP.filing_deadline", stage=PROCEDURE, awards=("CO_CP",), kinds=("annual",), params=("CO_CP.deadline",),
      enabled=lambda p, *_: bool(p["CO_CP.deadline"]),
      summary="The Cờ CP dossier reaches Bộ Nội vụ by 30/6 of the year after the achievement year (education: by "
              "31/12 of the school year's ending year, I).",
      law={R_98: ("NĐ 98/2023/NĐ-CP Điều 32 k1 b", "V"), R_152: ("NĐ 98/2023 Điều 32 k1 b (bản NĐ 152: M)", "M")})
def co_cp_deadline(c):
    spec = c.p["CO_CP.deadline"]
    if not spec:
        return None
    if c.subject.sector == "education":
        deadline = date(c.year, spec["education_month"], spec["education_day"])
    else:
        deadline = date(c.year + 1, spec["month"], spec["day"])
    received = c.case.received_on
    if received is None:
        return (None, f"Thiếu ngày hồ sơ đến Bộ Nội vụ (received_on); hạn cuối {dmy(deadline)}.",
                f"Missing the date the dossier reached the Ministry (received_on); deadline {deadline}.")
    if received <= deadline:
        return (True, f"Hồ sơ đến ngày {dmy(received)}, trong hạn {dmy(deadline)}.",
                f"Filed {received}, within the deadline {deadline}.")
    return (False, f"Hồ sơ đến ngày {dmy(received)}, quá hạn {dmy(deadline)}.",
            f"Filed {received}, after the deadline {deadline}.")



