"""TTLĐTT, TTLĐXS, Cờ tỉnh, Cờ CP; Bằng khen tỉnh and Thủ tướng; HCLĐ hạng Ba; NGƯT/NGND; AHLĐ."""

from tdkt.rules import check
from tdkt.rules.tests.helpers import collective, ok_of, person, reason, titles

VOTE_OK = {"members": 20, "present": 20, "yes": 20, "written_yes": 0}


def test_ttldxs_100_70_and_a_cstdcs_passes():
    result = check(collective("TTLDXS", decider="chu_tich_ubnd_tinh",
                              subject={"members": {"total": 20, "completed_tasks": 20, "ldtt": 14, "cstdcs": 1,
                                                   "disciplined_canh_cao_or_above": 0}}))
    assert result["verdict"] == "eligible", result
    assert result["money"] == {"coefficient": 1.5, "amount_vnd": 3510000}


def test_ttldxs_fails_below_70_percent_or_not_all_completed_or_no_cstdcs():
    def members(**m):
        base = {"total": 20, "completed_tasks": 20, "ldtt": 14, "cstdcs": 1, "disciplined_canh_cao_or_above": 0}
        return collective("TTLDXS", decider="chu_tich_ubnd_tinh", subject={"members": {**base, **m}})
    assert ok_of(members(ldtt=13), "TTLDXS.ldtt_share") is False            # 65%
    assert ok_of(members(completed_tasks=19), "TTLDXS.all_completed") is False
    assert ok_of(members(cstdcs=0), "TTLDXS.has_cstdcs") is False
    case = members()
    case["subject"]["ratings"]["2024"] = "good"
    assert ok_of(case, "TTLDXS.excellent") is False


def test_ttldxs_old_regime_also_bars_a_warning():
    case = collective("TTLDXS", decision_date="2023-06-01", year=2022, decider="chu_tich_ubnd_tinh",
                      subject={"members": {"total": 20, "completed_tasks": 20, "ldtt": 15, "cstdcs": 1,
                                           "disciplined_canh_cao_or_above": 1}})
    assert ok_of(case, "TTLDXS.no_discipline") is False


def test_ttldtt_share_more_than_half_by_default():
    ok = collective(subject={"members": {"total": 20, "ldtt": 11, "disciplined_canh_cao_or_above": 0}})
    result = check(ok)
    assert reason(result, "TTLDTT.ldtt_share")["ok"] is True and result["verdict"] == "eligible"
    assert reason(result, "TTLDTT.ldtt_share")["evidence"] == "M"
    half = collective(subject={"members": {"total": 20, "ldtt": 10, "disciplined_canh_cao_or_above": 0}})
    assert ok_of(half, "TTLDTT.ldtt_share") is False       # exactly 50% is not "trên 50%"


def test_ttldtt_province_overlay_of_70_percent():
    overlay = {"TTLDTT.min_LDTT_share": {"value": {"op": ">=", "share": 0.7}, "evidence": "P",
                                         "source": "QĐ 86/2025/QĐ-UBND Bắc Ninh"}}
    case = collective(subject={"members": {"total": 20, "ldtt": 13, "disciplined_canh_cao_or_above": 0}})
    r = reason(check(case, parameters=overlay), "TTLDTT.ldtt_share")
    assert r["ok"] is False and r["evidence"] == "P" and "Bắc Ninh" in r["article"]
    case = collective(subject={"members": {"total": 20, "ldtt": 14, "disciplined_canh_cao_or_above": 0}})
    assert ok_of(case, "TTLDTT.ldtt_share", parameters=overlay) is True


def test_ttldtt_member_with_a_warning_fails_and_missing_figure_needs_check():
    case = collective(subject={"members": {"total": 20, "ldtt": 15, "disciplined_canh_cao_or_above": 1}})
    assert ok_of(case, "TTLDTT.no_discipline") is False
    case = collective(subject={"members": {"total": 20, "ldtt": 15}})
    r = reason(check(case), "TTLDTT.no_discipline")
    assert r["ok"] is None and "disciplined_canh_cao_or_above" in r["message"]


def test_co_tinh_needs_the_cluster_lead_and_80_percent():
    case = collective("CO_TINH", decider="chu_tich_ubnd_tinh", subject={"cluster_rank": 1}, council=VOTE_OK)
    assert check(case)["verdict"] == "eligible"
    case = collective("CO_TINH", decider="chu_tich_ubnd_tinh", subject={"cluster_rank": 2}, council=VOTE_OK)
    assert ok_of(case, "CO_TINH.cluster_leader") is False


def _co_cp(**over):
    base = dict(decision_date="2025-09-01", decider="thu_tuong", subject={"cluster_rank": 1}, council=VOTE_OK,
                received_on="2025-06-20")
    base.update(over)
    return collective("CO_CP", **base)


def test_co_cp_deadline_30_6_and_education_31_12():
    assert ok_of(_co_cp(), "CO_CP.filing_deadline") is True
    assert ok_of(_co_cp(received_on="2025-07-02"), "CO_CP.filing_deadline") is False
    education = _co_cp(received_on="2024-12-20", year=2024, subject={"cluster_rank": 1, "sector": "education"})
    assert ok_of(education, "CO_CP.filing_deadline") is True
    assert ok_of(_co_cp(subject={"cluster_rank": 3}), "CO_CP.cluster_leader") is False


def test_co_cp_old_quota_of_20_percent():
    case = _co_cp(decision_date="2023-05-01", year=2022, batch={"same_award_proposed": 3,
                                                               "collectives_meeting_standard": 10})
    assert ok_of(case, "CO_CP.quota") is False
    case["batch"]["same_award_proposed"] = 2
    assert ok_of(case, "CO_CP.quota") is True


def test_thematic_co_cp_needs_a_five_year_movement():
    case = _co_cp(achievement={"kind": "thematic", "movement_years": 4})
    assert ok_of(case, "CO_CP.movement_years") is False
    case = _co_cp(achievement={"kind": "thematic", "movement_years": 5})
    assert ok_of(case, "CO_CP.movement_years") is True


def _bk_tinh(**over):
    return person("BK_TINH", decider="chu_tich_ubnd_tinh", achievement={"from_year": 2023, "to_year": 2024},
                  **over)


def test_bk_tinh_point_d_two_consecutive_cstdcs():
    assert ok_of(_bk_tinh(history=titles("CSTDCS", (2023, 2024))), "BK_TINH.point_d") is True
    assert ok_of(_bk_tinh(history=titles("CSTDCS", (2022, 2024))), "BK_TINH.point_d") is False


def test_bk_tinh_point_d_two_excellent_years_with_two_initiatives():
    ratings = {"2023": "excellent", "2024": "excellent"}
    two = [{"year": 2023, "scope": "unit"}, {"year": 2024, "scope": "unit"}]
    assert ok_of(_bk_tinh(subject={"ratings": ratings}, initiatives=two), "BK_TINH.point_d") is True
    assert ok_of(_bk_tinh(subject={"ratings": ratings}, initiatives=two[:1]), "BK_TINH.point_d") is False


def test_bk_tinh_judged_point_needs_check():
    assert ok_of(_bk_tinh(criterion="a"), "BK_TINH.point_d") is None


def _bk_ttg(decision_date="2025-03-01", year=2024, **over):
    base = dict(decider="thu_tuong", achievement={"from_year": year - 4, "to_year": year},
                history=[{"award": "BK_TINH", "from_year": 2018, "to_year": 2019, "decided_on": "2020-03-01",
                          "kind": "annual"}] + titles("CSTDCS", (2020, 2022, 2024)))
    base.update(over)
    return person("BK_TTG", decision_date=decision_date, year=year, **base)


def test_bk_ttg_point_b_passes_and_fails_with_two_cstdcs():
    result = check(_bk_ttg())
    assert result["verdict"] == "eligible", result
    assert result["money"] == {"coefficient": 3.5, "amount_vnd": 8190000}
    case = _bk_ttg()
    case["history"] = case["history"][:-1]
    assert ok_of(case, "BK_TTG.point_b") is False


def test_bk_ttg_five_years_count_after_the_provincial_certificates_period():
    case = _bk_ttg()
    case["history"][0].update(from_year=2020, to_year=2021, decided_on="2022-03-01")
    r = reason(check(case), "BK_TTG.point_b")
    assert r["ok"] is False and "2022–2026" in r["message"]


def test_bk_ttg_old_route_needs_five_initiatives():
    five = [{"year": y, "scope": "unit"} for y in (2018, 2019, 2020, 2021, 2022)]
    ratings = {str(y): "excellent" for y in range(2013, 2023)}
    base = dict(decision_date="2023-06-01", year=2022, subject={"ratings": ratings},
                history=[{"award": "BK_TINH", "from_year": 2016, "to_year": 2017, "decided_on": "2018-03-01",
                          "kind": "annual"}])
    assert ok_of(_bk_ttg(initiatives=five, **base), "BK_TTG.old_route") is True
    assert ok_of(_bk_ttg(initiatives=five[:4], **base), "BK_TTG.old_route") is False


def _hcld3(decision_date="2025-04-01", ratings=None, initiatives=(), history=None):
    ratings = ratings or {"2020": "good", "2021": "excellent", "2022": "good", "2023": "good", "2024": "good"}
    history = history if history is not None else (
        [{"award": "BK_TTG", "from_year": 2015, "to_year": 2019, "decided_on": "2020-05-01", "kind": "annual"}]
        + titles("CSTDCS", (2021, 2022, 2024)))
    return person("HCLD3", decision_date=decision_date, decider="chu_tich_nuoc",
                  achievement={"from_year": 2020, "to_year": 2024}, subject={"ratings": ratings},
                  history=history, initiatives=list(initiatives),
                  posting={"from": "2025-03-03", "council_on": "2025-03-20"})


def test_hcld3_point_e_new_regime():
    result = check(_hcld3())
    assert result["verdict"] == "eligible", result
    no_excellent = _hcld3(ratings={str(y): "good" for y in range(2020, 2025)})
    r = reason(check(no_excellent), "HCLD3.point_e")
    assert r["ok"] is False and r["evidence"] == "M"


def test_hcld3_old_route_needs_two_province_initiatives():
    ratings = {str(y): "excellent" for y in range(2018, 2023)}
    history = [{"award": "BK_TTG", "from_year": 2013, "to_year": 2017, "decided_on": "2018-05-01", "kind": "annual"}]
    case = _hcld3("2023-08-01", ratings, [{"year": 2020, "scope": "province"}, {"year": 2022, "scope": "national"}],
                  history)
    case["achievement"] = {"kind": "annual", "year": 2022, "from_year": 2018, "to_year": 2022}
    case["posting"] = {"from": "2023-07-03", "council_on": "2023-07-20"}
    assert ok_of(case, "HCLD3.old_route") is True
    case["initiatives"] = case["initiatives"][:1]
    assert ok_of(case, "HCLD3.old_route") is False


def _teacher(award, **subject):
    return person(award, decider="chu_tich_nuoc", subject=subject,
                  posting={"from": "2025-01-02", "council_on": "2025-01-20"})


def test_ngut_hardship_years_count_twice():
    assert ok_of(_teacher("NGUT", direct_teaching_years=12, hardship_years=3), "NGUT.teaching_years") is True
    assert ok_of(_teacher("NGUT", direct_teaching_years=12, hardship_years=2), "NGUT.teaching_years") is False


def test_ngut_manager_years():
    case = _teacher("NGUT", direct_teaching_years=10, sector_years=20, is_manager=True)
    assert ok_of(case, "NGUT.teaching_years") is True
    case = _teacher("NGUT", direct_teaching_years=9, sector_years=22, is_manager=True)
    assert ok_of(case, "NGUT.teaching_years") is False


def test_ngnd_needs_ngut_first_and_20_years():
    case = _teacher("NGND", direct_teaching_years=20)
    assert ok_of(case, "NGND.is_ngut") is False
    case["history"] = [{"award": "NGUT", "decided_on": "2017-11-20", "kind": "annual"}]
    result = check(case)
    assert reason(result, "NGND.is_ngut")["ok"] is True and reason(result, "NGND.teaching_years")["ok"] is True


def _ahld(years=10, present=24, yes=23):
    return person("AHLD", decider="chu_tich_nuoc", subject={"contribution_years": years},
                  initiatives=[{"year": 2022, "scope": "national"}],
                  council={"members": 25, "present": present, "yes": yes, "written_yes": 0},
                  posting={"from": "2025-01-02", "council_on": "2025-01-20"})


def test_ahld_ten_years_and_attendance_for_anh_hung_sessions():
    result = check(_ahld())
    assert result["verdict"] == "eligible", result
    assert ok_of(_ahld(years=9), "AHLD.contribution_years") is False
    r = reason(check(_ahld(present=22, yes=23)), "PROC.council_attendance")
    assert r["ok"] is False                                  # 22/25 = 88% < 90%
