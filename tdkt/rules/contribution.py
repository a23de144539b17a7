"""Awards for a career of contribution (khen thưởng quá trình cống hiến, LAW.md §2.10; NĐ 152 Điều 9, Điều 21):
time in leadership posts, women's reduced time, adding time to the next lower post."""

from datetime import date

from tdkt.rules.facts import dmy
from tdkt.rules.regimes import R_98, R_152, R_OLD
from tdkt.rules.registry import rule

P, K = ("person",), ("contribution",)
POST_VI = {"tong_cuc_truong": "Tổng cục trưởng", "pho_tong_cuc_truong": "Phó Tổng cục trưởng",
           "giam_doc_so": "Giám đốc sở", "pho_giam_doc_so": "Phó Giám đốc sở"}
_YEAR = 365.25


def _durations(c) -> dict[str, float]:
    out: dict[str, float] = {}
    for post in c.subject.posts:
        end = post.to or c.today
        out[post.title] = out.get(post.title, 0.0) + max((end - post.from_).days + 1, 0) / _YEAR
    return out


def _required(c, years: float, female: bool) -> float:
    if not female:
        return years
    factor = c.p["contribution.women_time_factor"]
    if factor:
        return years * factor                       # NĐ 152 Đ4 k7: reduced by 1/3
    cut = c.p["contribution.women_reduction_years"]
    return max(years - cut, 0) if cut else years    # NĐ 65/2014 Đ2 k3: 03 years less


def _qualifies(c, held, table, ladder, female):
    """The highest post at which the person qualifies, and whether lower-post addition was used."""
    for title in sorted(table, key=lambda t: table[t]):   # fewer years required = higher post
        if title not in held:
            continue
        need = _required(c, table[title], female)
        if held[title] >= need:
            return title, False, held[title], need
        lower = ladder.get(title)
        if lower in table:
            total = held[title] + held.get(lower, 0.0)
            need_lower = _required(c, table[lower], female)
            if total >= need_lower:
                return lower, True, total, need_lower
    return None


@rule("CONTRIB.post_duration", awards=("HCLD3",), subjects=P, kinds=K,
      params=("HCLD3.contribution_post_years", "contribution.next_lower_post", "contribution.women_time_factor",
              "contribution.women_reduction_years"),
      summary="Time in a leadership post reaches the threshold of the order (e.g. Giám đốc sở ≥ 6 years for HCLĐ "
              "hạng Ba); women leaders need 2/3 of the time from 01/07/2025 (before: 3 years less); time short at a "
              "post is added to the next lower post and judged at that post's threshold.",
      law={R_152: ("NĐ 152/2025/NĐ-CP Điều 4 k7, Điều 9, Điều 21", "V"),
           R_98: ("NĐ 98/2023/NĐ-CP (tương đương; M); NĐ 65/2014 Điều 2 k3", "M"),
           R_OLD: ("NĐ 91/2017/NĐ-CP; NĐ 65/2014/NĐ-CP Điều 2 k3", "M")})
def post_duration(c):
    table = c.p["HCLD3.contribution_post_years"] or {}
    ladder = c.p["contribution.next_lower_post"] or {}
    held = _durations(c)
    if not any(title in table for title in held):
        return (None, "Không có chức vụ nào thuộc bảng thời gian giữ chức vụ của hình thức này; cần thẩm định.",
                "No post held is in this award's table of post durations; check by hand.")
    gender = c.subject.gender
    found = _qualifies(c, held, table, ladder, gender == "female")
    if found is None and gender is None and _qualifies(c, held, table, ladder, True):
        return (None, "Thiếu giới tính (subject.gender): chỉ đủ thời gian nếu áp dụng mức giảm cho nữ.",
                "Missing gender (subject.gender): the time suffices only with the reduction for women.")
    women_vi = " (nữ: thời gian được giảm)" if gender == "female" else ""
    women_en = " (women: reduced time)" if gender == "female" else ""
    if found is None:
        detail = ", ".join(f"{POST_VI.get(t, t)} {y:.1f} năm" for t, y in held.items() if t in table)
        return (False, f"Chưa đủ thời gian giữ chức vụ{women_vi}: {detail}.",
                f"Not enough time in post{women_en}: {detail}.")
    title, added, years, need = found
    if added:
        return (True, f"Cộng thời gian giữ chức vụ cao hơn vào chức vụ thấp hơn liền kề: {years:.1f} năm, đạt mức "
                      f"{POST_VI.get(title, title)} ({need:.1f} năm){women_vi}.",
                f"Time added to the next lower post: {years:.1f} years meets {title} ({need:.1f} years){women_en}.")
    return (True, f"Giữ chức vụ {POST_VI.get(title, title)} {years:.1f} năm, đạt {need:.1f} năm{women_vi}.",
            f"Held {title} for {years:.1f} years; {need:.1f} required{women_en}.")


@rule("CONTRIB.no_discipline_in_post", awards=("HCLD3",), subjects=P, kinds=K,
      enabled=lambda p, *_: bool(p["contribution.no_discipline_in_post"]),
      params=("contribution.no_discipline_in_post",),
      summary="No discipline during the time in the leadership posts.",
      law={R_152: ("NĐ 152/2025/NĐ-CP Điều 9", "V"), (R_OLD, R_98): ("NĐ 91/2017, NĐ 98/2023 (tương đương: M)", "M")})
def no_discipline_in_post(c):
    if not c.p["contribution.no_discipline_in_post"]:
        return None
    for d in c.subject.discipline:
        for post in c.subject.posts:
            end = post.to or c.today
            if d.on <= end and (d.until or date.max) >= post.from_:
                return (False, f"Bị kỷ luật ({d.level}, {dmy(d.on)}) trong thời gian giữ chức vụ "
                               f"{POST_VI.get(post.title, post.title)}.",
                        f"Disciplined ({d.level}, {d.on}) while holding {post.title}.")
    return (True, "Không bị kỷ luật trong thời gian giữ chức vụ lãnh đạo.", "No discipline while in leadership posts.")


