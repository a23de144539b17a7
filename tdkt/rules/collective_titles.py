"""Collective emulation titles (LAW.md §1.3): TTLĐTT/ĐVTT, TTLĐXS/ĐVQT, Cờ thi đua tỉnh, Cờ thi đua CP."""

from tdkt.rules.common import missing_years_message
from tdkt.rules.facts import GOOD, RATING_VI, compare_share, share_text
from tdkt.rules.regimes import NEW, R_OLD
from tdkt.rules.registry import rule

C, A = ("collective",), ("annual",)
TTLDTT_LIKE = ("TTLDTT", "DVTT")   # Đơn vị tiên tiến: same standard with CSTT (Đ28)
TTLDXS_LIKE = ("TTLDXS", "DVQT")   # Đơn vị quyết thắng: same standard (Đ27 k2)


def _members(c, field: str, label_vi: str):
    members = c.subject.members
    if members is None or getattr(members, field) is None:
        return None, (None, f"Thiếu số liệu thành viên: {label_vi} (subject.members.{field}).",
                      f"Missing member figures: subject.members.{field}.")
    return members, None


@rule("TTLDTT.tasks_completed", awards=TTLDTT_LIKE, subjects=C, kinds=A,
      summary="The collective completed its tasks well (rating at least “Hoàn thành tốt nhiệm vụ”).",
      law={NEW: ("Luật TĐKT 2022 Điều 28 k1", "M"), R_OLD: ("Luật TĐKT 2003 Điều 28", "V")})
def ttldtt_tasks(c):
    rating = c.ratings.get(c.year)
    if rating is None:
        return missing_years_message([c.year])
    if rating in GOOD:
        return (True, f"Tập thể năm {c.year} xếp loại “{RATING_VI[rating]}”.", f"Collective rated {rating} in {c.year}.")
    return (False, f"Tập thể năm {c.year} xếp loại “{RATING_VI[rating]}”, chưa hoàn thành tốt nhiệm vụ.",
            f"Collective rated {rating} in {c.year}; at least “good” is required.")


def _ldtt_share(c, key: str):
    """Members with LĐTT against the share the parameter ``key`` asks (TTLĐTT and TTLĐXS alike)."""
    members, missing = _members(c, "ldtt", "số cá nhân đạt LĐTT")
    if missing:
        return missing
    spec = c.p[key]
    vi, en = share_text(spec)
    if compare_share(members.ldtt, members.total, spec):
        return (True, f"{members.ldtt}/{members.total} cá nhân đạt LĐTT ({vi}).",
                f"{members.ldtt}/{members.total} members are LĐTT ({en}).")
    return (False, f"{members.ldtt}/{members.total} cá nhân đạt LĐTT, chưa đạt {vi}.",
            f"{members.ldtt}/{members.total} members are LĐTT, not {en}.")


@rule("TTLDTT.ldtt_share", awards=TTLDTT_LIKE, subjects=C, kinds=A, params=("TTLDTT.min_LDTT_share",),
      summary="Share of members with LĐTT: more than 50% (law; M under the 2022 law), or the issuer's overlay "
              "(e.g. at least 70%).",
      law={NEW: ("Luật TĐKT 2022 Điều 28 k1 c", "M"), R_OLD: ("Luật TĐKT 2003 Điều 28", "V")})
def ttldtt_share(c):
    return _ldtt_share(c, "TTLDTT.min_LDTT_share")


@rule("TTLDTT.no_discipline", awards=TTLDTT_LIKE, subjects=C, kinds=A, params=("TTLDTT.max_disciplined_canh_cao",),
      summary="No member disciplined with “cảnh cáo” or heavier.",
      law={NEW: ("Luật TĐKT 2022 Điều 28 (M); QĐ 86/2025/QĐ-UBND Bắc Ninh", "M"), R_OLD: ("Luật TĐKT 2003 Điều 28", "V")})
def ttldtt_no_discipline(c):
    members, missing = _members(c, "disciplined_canh_cao_or_above", "số người bị kỷ luật từ cảnh cáo")
    if missing:
        return missing
    limit = c.p["TTLDTT.max_disciplined_canh_cao"]
    if limit is None or members.disciplined_canh_cao_or_above <= limit:
        return (True, "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên.",
                "No member disciplined with a warning or heavier.")
    return (False, f"Có {members.disciplined_canh_cao_or_above} cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên.",
            f"{members.disciplined_canh_cao_or_above} member(s) disciplined with a warning or heavier.")


@rule("TTLDXS.excellent", awards=TTLDXS_LIKE, subjects=C, kinds=A,
      summary="The collective completed its tasks excellently (“Hoàn thành xuất sắc nhiệm vụ”).",
      law={NEW: ("Luật TĐKT 2022 Điều 27 k1 a", "V"), R_OLD: ("Luật TĐKT 2003 Điều 27", "P")})
def ttldxs_excellent(c):
    rating = c.ratings.get(c.year)
    if rating is None:
        return missing_years_message([c.year])
    if rating == "excellent":
        return (True, f"Tập thể năm {c.year} hoàn thành xuất sắc nhiệm vụ.", f"Collective rated excellent in {c.year}.")
    return (False, f"Tập thể năm {c.year} xếp loại “{RATING_VI[rating]}”, không phải hoàn thành xuất sắc.",
            f"Collective rated {rating} in {c.year}, not excellent.")


@rule("TTLDXS.all_completed", awards=TTLDXS_LIKE, subjects=C, kinds=A, params=("TTLDXS.min_completed_share",),
      summary="100% of members completed their tasks.",
      law={NEW: ("Luật TĐKT 2022 Điều 27 k1 c", "V"), R_OLD: ("Luật TĐKT 2003 Điều 27", "P")})
def ttldxs_all_completed(c):
    members, missing = _members(c, "completed_tasks", "số cá nhân hoàn thành nhiệm vụ")
    if missing:
        return missing
    share = c.p["TTLDXS.min_completed_share"]
    if compare_share(members.completed_tasks, members.total, share):
        return (True, f"{members.completed_tasks}/{members.total} cá nhân hoàn thành nhiệm vụ.",
                f"{members.completed_tasks}/{members.total} members completed their tasks.")
    return (False, f"Chỉ {members.completed_tasks}/{members.total} cá nhân hoàn thành nhiệm vụ (yêu cầu {share:.0%}).",
            f"Only {members.completed_tasks}/{members.total} members completed their tasks ({share:.0%} required).")


@rule("TTLDXS.ldtt_share", awards=TTLDXS_LIKE, subjects=C, kinds=A, params=("TTLDXS.min_LDTT_share",),
      summary="At least 70% of members achieved LĐTT.",
      law={NEW: ("Luật TĐKT 2022 Điều 27 k1 c", "V"), R_OLD: ("Luật TĐKT 2003 Điều 27", "P")})
def ttldxs_share(c):
    return _ldtt_share(c, "TTLDXS.min_LDTT_share")


@rule("TTLDXS.has_cstdcs", awards=TTLDXS_LIKE, subjects=C, kinds=A, params=("TTLDXS.min_cstdcs",),
      summary="At least one member achieved CSTĐCS.",
      law={NEW: ("Luật TĐKT 2022 Điều 27 k1 d", "V"), R_OLD: ("Luật TĐKT 2003 Điều 27", "P")})
def ttldxs_has_cstdcs(c):
    members, missing = _members(c, "cstdcs", "số cá nhân đạt CSTĐCS")
    if missing:
        return missing
    need = c.p["TTLDXS.min_cstdcs"]
    if members.cstdcs >= need:
        return (True, f"Có {members.cstdcs} cá nhân đạt CSTĐCS.", f"{members.cstdcs} member(s) achieved CSTĐCS.")
    return (False, "Không có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở.", "No member achieved CSTĐCS.")


@rule("TTLDXS.no_discipline", awards=TTLDXS_LIKE, subjects=C, kinds=A, params=("TTLDXS.max_disciplined_canh_cao",),
      enabled=lambda p, *_: p["TTLDXS.max_disciplined_canh_cao"] is not None,
      summary="Old regime: no member disciplined with “cảnh cáo” or heavier (absent from the 2022 text).",
      law={R_OLD: ("Luật TĐKT 2003 Điều 27 (thông tư ngành)", "P"), NEW: ("Quy định của tỉnh/bộ", "P")})
def ttldxs_no_discipline(c):
    limit = c.p["TTLDXS.max_disciplined_canh_cao"]
    if limit is None:
        return None
    members, missing = _members(c, "disciplined_canh_cao_or_above", "số người bị kỷ luật từ cảnh cáo")
    if missing:
        return missing
    if members.disciplined_canh_cao_or_above <= limit:
        return (True, "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên.",
                "No member disciplined with a warning or heavier.")
    return (False, f"Có {members.disciplined_canh_cao_or_above} cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên.",
            f"{members.disciplined_canh_cao_or_above} member(s) disciplined with a warning or heavier.")


def _leader(c, key):
    rank = c.subject.cluster_rank
    if rank is None:
        return (None, "Thiếu kết quả bình xét, suy tôn trong cụm, khối thi đua (subject.cluster_rank).",
                "Missing the ranking in the emulation cluster/block (subject.cluster_rank).")
    limit = c.p[key]
    if rank <= limit:
        return (True, f"Dẫn đầu cụm, khối thi đua (xếp thứ {rank}).", f"Leads its emulation cluster/block (rank {rank}).")
    return (False, f"Xếp thứ {rank} trong cụm, khối thi đua; không phải tập thể dẫn đầu.",
            f"Ranked {rank} in its cluster/block; not the leading collective.")


@rule("CO_TINH.cluster_leader", awards=("CO_TINH",), subjects=C, kinds=A, params=("CO_TINH.max_cluster_rank",),
      summary="The collective leads its cụm/khối thi đua of the province (suy tôn).",
      law={NEW: ("Luật TĐKT 2022 Điều 26 k1 (TT 29/2023/TT-BGDĐT Điều 4; TT 15/2025/TT-BXD)", "P"),
           R_OLD: ("NĐ 91/2017/NĐ-CP Điều 12", "V")})
def co_tinh_leader(c):
    return _leader(c, "CO_TINH.max_cluster_rank")


@rule("CO_CP.cluster_leader", awards=("CO_CP",), subjects=C, kinds=A, params=("CO_CP.max_cluster_rank",),
      summary="Annual Cờ CP: the collective is among the leaders of the cụm/khối thi đua.",
      law={NEW: ("Luật TĐKT 2022 Điều 25 k1–k2", "V"), R_OLD: ("NĐ 91/2017/NĐ-CP Điều 11", "V")})
def co_cp_leader(c):
    return _leader(c, "CO_CP.max_cluster_rank")


@rule("CO_CP.movement_years", awards=("CO_CP",), subjects=C, kinds=("thematic",), params=("CO_CP.min_movement_years",),
      summary="Thematic Cờ CP: the movement (launched by the Prime Minister) lasted at least 5 years.",
      law={NEW: ("Luật TĐKT 2022 Điều 25 k3", "V"), R_OLD: ("NĐ 91/2017/NĐ-CP Điều 11", "V")})
def co_cp_movement_years(c):
    years = c.case.achievement.movement_years
    need = c.p["CO_CP.min_movement_years"]
    if years is None:
        return (None, "Thiếu thời gian của phong trào thi đua (achievement.movement_years).",
                "Missing the movement's length (achievement.movement_years).")
    if years >= need:
        return (True, f"Phong trào thi đua kéo dài {years} năm.", f"The movement lasted {years} years.")
    return (False, f"Phong trào thi đua chỉ {years} năm, dưới {need} năm.", f"The movement lasted {years} years, under {need}.")


@rule("CO_CP.quota", awards=("CO_CP",), subjects=C, params=("CO_CP.max_share_of_standard",),
      enabled=lambda p, *_: p["CO_CP.max_share_of_standard"] is not None,
      summary="Old regime: Cờ CP proposed ≤ 20% of the collectives meeting the Cờ tỉnh/bộ standard.",
      law={R_OLD: ("NĐ 91/2017/NĐ-CP Điều 11", "V"), NEW: ("Quy định của tỉnh/bộ", "P")})
def co_cp_quota(c):
    cap = c.p["CO_CP.max_share_of_standard"]
    if cap is None:
        return None
    batch = c.case.batch
    if batch is None or batch.same_award_proposed is None or not batch.collectives_meeting_standard:
        return (None, "Thiếu số đề nghị Cờ CP và số tập thể đạt tiêu chuẩn Cờ tỉnh "
                      "(batch.same_award_proposed, batch.collectives_meeting_standard).",
                "Missing batch.same_award_proposed and batch.collectives_meeting_standard.")
    proposed, base = batch.same_award_proposed, batch.collectives_meeting_standard
    if proposed * 1_000_000 <= round(cap * 1_000_000) * base:
        return (True, f"{proposed} đề nghị trên {base} tập thể đạt chuẩn, không quá {cap:.0%}.",
                f"{proposed} proposed for {base} qualifying collectives, within {cap:.0%}.")
    return (False, f"{proposed} đề nghị trên {base} tập thể đạt chuẩn, vượt tỷ lệ {cap:.0%}.",
            f"{proposed} proposed for {base} qualifying collectives, over {cap:.0%}.")

