"""Default time limits of the dossier steps (LAW.md §3.5), in working days.

Only two limits come from a text: the return of an incomplete dossier within
05 working days and the 20-working-day appraisal (QĐ 311/QĐ-BNV and NĐ 98
Đ32 k2, written for Bộ Nội vụ; applied here to the province's Board by
analogy). The others are ⚙ defaults the province sets in its own rules.
``seed_step_time_limits()`` only creates missing rows: an administrator's
changes survive a re-run.
"""

from tdkt.nominations.models import Status, StepTimeLimit

DEFAULT = "⚙ mặc định, tỉnh tự quy định"

STEP_TIME_LIMITS: list[tuple[str, int, str]] = [
    (Status.AWAITING_HEAD, 5, f"{DEFAULT} (thủ trưởng đơn vị duyệt hồ sơ)"),
    (Status.RETURNED, 10, f"{DEFAULT} (đơn vị bổ sung hồ sơ bị trả lại)"),
    (Status.SUBMITTED, 5, "Trả lại hồ sơ không đủ điều kiện, không đầy đủ trong 05 ngày làm việc "
                          "(QĐ 311/QĐ-BNV, áp dụng tương tự cho Ban TĐKT tỉnh)"),
    (Status.RECEIVED, 20, "Thẩm định trong 20 ngày làm việc kể từ khi nhận đủ hồ sơ "
                          "(NĐ 98/2023/NĐ-CP Điều 32 k2; QĐ 311/QĐ-BNV; áp dụng tương tự)"),
    (Status.APPRAISED, 5, f"{DEFAULT} (lãnh đạo Ban duyệt kết quả thẩm định)"),
    (Status.IN_CONSULTATION, 10, "Công khai ít nhất 10 ngày làm việc trước khi họp Hội đồng "
                                 "(NĐ 98/2023/NĐ-CP Điều 46 k2; NĐ 152/2025/NĐ-CP Điều 44 k2)"),
    (Status.AT_COUNCIL, 10, f"{DEFAULT} (Hội đồng TĐKT tỉnh họp, bỏ phiếu)"),
    (Status.COUNCIL_DONE, 5, f"{DEFAULT} (Chủ tịch/Phó Chủ tịch UBND tỉnh ký quyết định)"),
    (Status.FORWARDED, 20, "Bộ Nội vụ thẩm định, trình Thủ tướng trong 20 ngày làm việc "
                           "(NĐ 98/2023/NĐ-CP Điều 32 k2; QĐ 311/QĐ-BNV): theo dõi kết quả"),
]


def seed_step_time_limits() -> int:
    """Create the limits that are missing. Returns how many were created."""
    created = 0
    for status, days, basis in STEP_TIME_LIMITS:
        _obj, was_created = StepTimeLimit.objects.get_or_create(
            status=status, defaults={"working_days": days, "legal_basis": basis})
        created += was_created
    return created
