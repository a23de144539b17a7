"""Demo data of the plans area (issue 7).

The seed's 2018 plan (``../shared/seeds/000_…``) with all 25 items, their quarters and the
units the "Đơn vị thực hiện" column names (the first named unit leads, the others
coordinate; "Các đơn vị" stays as free text because it names no single unit); a plan for
the current year with items in every state; units' own plans (some on time, some late,
some missing); an inspection with findings and follow-up actions; a training course;
the legal-documents register; one day of reminders, recorded without delivering mail.

Everything goes through ``tdkt.plans.services``. The 2018 plan's number and date are not
in the seed text, so they are left empty rather than invented.
"""

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import get_connection

from tdkt.demo import data as D
from tdkt.emulation.models import Movement
from tdkt.organizations.models import Unit
from tdkt.plans import services
from tdkt.plans.models import ItemStatus, LegalDocument, LinkKind, quarter_end
from tdkt.plans.queries import expected_units
from tdkt.plans.reminders import send_plan_reminders

# Names as the seed writes them → the demo unit's name (matched by name, not by code).
SEED_UNITS = {
    "HĐ": "Hội đồng Thi đua - Khen thưởng tỉnh",
    "BAN": "Ban Thi đua - Khen thưởng",
    "UB": "UBND tỉnh Lạng Sơn",
    "VP": "Văn phòng UBND tỉnh",
    "SNV": "Sở Nội vụ",
    "KHĐT": "Sở Kế hoạch và Đầu tư",
    "SCT": "Sở Công Thương",
}
ALL = "Các đơn vị"
RELATED = "Các đơn vị liên quan"

# (quarter, content, units in the seed's order, other participants). Item 07's unit cell is
# empty in the seed (merged with item 06 in the Word table), so it takes item 06's units.
PLAN_2018 = [
    (1, "Chỉ đạo, đôn đốc các đơn vị và các Cụm thi đua ký giao ước thi đua, đăng ký thi đua năm 2018.",
     ["HĐ", "BAN"], ""),
    (1, "Tổng hợp, thẩm định hồ sơ và trình khen thưởng thành tích năm 2017 cho các sở, ban, ngành và các Cụm thi "
        "đua của tỉnh; trình khen thưởng bậc cao thành tích năm 2017 cho các sở, ban, ngành, đơn vị và Cụm thi đua.",
     ["UB", "HĐ", "BAN"], ""),
    (1, "Đăng ký các chỉ tiêu thi đua năm 2018 với Chính phủ, Hội đồng TĐKT Trung ương, Ban TĐKT Trung ương; đăng "
        "ký Cờ thi đua Chính phủ năm 2018.", ["UB", "BAN"], ""),
    (1, "Phát động phong trào thi đua phấn đấu hoàn thành thắng lợi nhiệm vụ, mục tiêu phát triển kinh tế, xã "
        "hội, quốc phòng, an ninh năm 2018.", ["UB", "BAN"], ALL),
    (1, "Thông báo phân Khối, Cụm thi đua của tỉnh năm 2018.", ["UB", "BAN"], ""),
    (1, "Kế hoạch tổ chức Hội nghị biểu dương, tôn vinh điển hình tiên tiến (Giai đoạn 2016 - 2018) và kỷ niệm 70 "
        "năm ngày Bác Hồ ra lời kêu gọi Thi đua ái quốc.", ["UB", "BAN"], ALL),
    (1, "Phát động Phong trào thi đua đặc biệt chào mừng kỷ niệm 70 năm ngày Chủ tịch Hồ Chí Minh ra lời kêu gọi "
        "Thi đua ái quốc - Ngày truyền thống Thi đua yêu nước (11/6/1948 - 11/6/2018).", ["UB", "BAN"], ALL),
    (1, "Tổng hợp, thẩm định hồ sơ và trình khen thưởng cho các doanh nghiệp, doanh nhân nhân dịp “Hội nghị lãnh "
        "đạo tỉnh gặp mặt các doanh nghiệp đầu xuân năm 2018”.", ["UB", "KHĐT", "BAN"], RELATED),
    (1, "Tổng hợp và trình khen thưởng các doanh nghiệp tiêu biểu trong hoạt động xuất nhập khẩu qua địa bàn tỉnh "
        "năm 2018.", ["UB", "SCT", "BAN"], RELATED),
    (1, "Tổ chức Hội nghị tổng kết phong trào thi đua, công tác khen thưởng năm 2017, triển khai nhiệm vụ năm "
        "2018.", ["UB", "VP", "BAN"], ""),
    (1, "Tham dự Hội nghị tổng kết công tác TĐKT Cụm 7 tỉnh miền núi biên giới phía Bắc năm 2017.",
     ["UB", "BAN"], ""),
    (2, "Thẩm định, tổng hợp hồ sơ, trình khen thưởng điển hình tiên tiến (Giai đoạn 2016 - 2018).",
     ["UB", "HĐ", "BAN"], ""),
    (2, "Ban hành Quyết định Quy định công tác TĐKT trên địa bàn tỉnh (Thay thế Quyết định số 30/2014/QĐ-UBND "
        "ngày 30/12/2014 và Quyết định số 31/2016/QĐ-UBND ngày 01/8/2016 của UBND tỉnh).", ["UB", "BAN"], ""),
    (2, "Tổ chức Hội nghị biểu dương, tôn vinh điển hình tiên tiến (Giai đoạn 2016 - 2018) và kỷ niệm 70 năm ngày "
        "Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc.", ["UB", "BAN"], ALL),
    (2, "Tổ chức tọa đàm, giao lưu, gặp mặt các thế hệ cán bộ ngành thi đua, khen thưởng nhân dịp kỷ niệm 70 năm "
        "Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc - Ngày truyền thống Thi đua yêu nước "
        "(11/6/1948 - 11/6/2018).", ["HĐ", "SNV"], ALL),
    (2, "Tổ chức các lớp bồi dưỡng nghiệp vụ công tác thi đua, khen thưởng năm 2018.", ["BAN"], ALL),
    (2, "Ban hành kế hoạch kiểm tra, giám sát công tác TĐKT năm 2018 của Hội đồng TĐKT tỉnh.", ["HĐ", "BAN"], ""),
    (2, "Chỉ đạo, đôn đốc các huyện, thành phố, các sở, ban, ngành, đoàn thể tỉnh và các Cụm thi đua của tỉnh sơ "
        "kết công tác TĐKT 6 tháng đầu năm 2018.", ["HĐ", "BAN"], ALL),
    (2, "Báo cáo sơ kết công tác TĐKT 6 tháng đầu năm 2018.", ["UB", "BAN"], ""),
    (3, "Tham gia Hội nghị sơ kết công tác TĐKT 6 tháng đầu năm 2018 của Cụm 7 tỉnh miền núi biên giới phía Bắc "
        "(Địa điểm tại đơn vị Phó Trưởng Cụm năm 2018).", ["UB", "VP", "BAN"], ""),
    (3, "Thực hiện kế hoạch kiểm tra, giám sát công tác TĐKT và thông báo kết quả kiểm tra, giám sát năm 2018.",
     ["HĐ", "BAN"], ALL),
    (3, "Tổ chức họp Hội đồng TĐKT tỉnh xét, trình UBND tỉnh khen thưởng thành tích năm học 2017 - 2018 của ngành "
        "Giáo dục và Đào tạo.", ["UB", "HĐ", "BAN"], ""),
    (4, "Hướng dẫn tổng kết công tác TĐKT năm 2018", ["BAN"], ""),
    (4, "Báo cáo tổng kết công tác TĐKT năm 2018, phương hướng nhiệm vụ công tác năm 2019; chấm điểm thi đua năm "
        "2018 của tỉnh gửi Cụm thi đua 7 tỉnh miền núi biên giới phía Bắc.", ["UB", "BAN"], ""),
    (4, "Chỉ đạo, đôn đốc các cụm thi đua, các đơn vị tổng kết công tác TĐKT năm 2018, triển khai nhiệm vụ công "
        "tác năm 2019.", ["HĐ", "BAN"], ALL),
]
PLAN_2018_SUMMARY = (
    "Đẩy mạnh các phong trào thi đua, tạo khí thế sôi nổi, cổ vũ tinh thần quyết tâm khắc phục khó khăn thực hiện "
    "thắng lợi các chỉ tiêu kinh tế - xã hội, thiết thực lập thành tích chào mừng các ngày lễ lớn trong năm 2018. "
    "Nâng cao chất lượng công tác khen thưởng, chú trọng khen thưởng theo công trạng và thành tích đạt được, khen "
    "thưởng thành tích đột xuất, trong đó quan tâm đến tập thể nhỏ, cán bộ, chiến sỹ lực lượng vũ trang và người "
    "lao động trực tiếp, công nhân, nông dân.")
# Items of 2018 finished after their quarter (number → completion date), and a few progress notes.
LATE_2018 = {13: date(2018, 9, 20), 24: date(2019, 1, 8)}
NOTES_2018 = {
    4: "Đã tổ chức Lễ phát động tại Hội nghị tổng kết công tác TĐKT năm 2017.",
    13: "Dự thảo Quy định đã lấy ý kiến các sở, ngành; Sở Tư pháp đã thẩm định. Chậm so với kế hoạch do phải "
        "chỉnh sửa theo Nghị định số 91/2017/NĐ-CP.",
    16: "Đã mở 02 lớp bồi dưỡng nghiệp vụ cho cán bộ làm công tác TĐKT cấp tỉnh và cấp huyện.",
    21: "Đã kiểm tra 08 đơn vị; thông báo kết quả kiểm tra tại Thông báo của Hội đồng TĐKT tỉnh.",
}

# Items of the current-year plan: (quarter or None, due offset from today or None, content, lead code,
# coordinating codes, other participants, status).
CURRENT_ITEMS = [
    (1, None, "Chỉ đạo, đôn đốc các đơn vị và các Cụm, Khối thi đua ký giao ước thi đua, đăng ký thi đua năm {y}.",
     D.COUNCIL_UNIT, [D.BOARD], ALL, "done"),
    (1, None, "Phát động phong trào thi đua phấn đấu hoàn thành thắng lợi nhiệm vụ, mục tiêu phát triển kinh tế - xã "
              "hội năm {y}.", D.ROOT, [D.BOARD], ALL, "done"),
    (1, None, "Tổ chức Hội nghị tổng kết công tác TĐKT năm {py}, triển khai nhiệm vụ năm {y}.", D.ROOT,
     ["van-phong-ubnd", D.BOARD], "", "done"),
    (2, None, "Ban hành kế hoạch kiểm tra, giám sát công tác TĐKT năm {y} của Hội đồng TĐKT tỉnh.", D.COUNCIL_UNIT,
     [D.BOARD], "", "done"),
    (2, None, "Tổ chức lớp bồi dưỡng nghiệp vụ công tác thi đua, khen thưởng cho cán bộ cấp xã sau sắp xếp chính "
              "quyền địa phương hai cấp.", D.BOARD, ["so-noi-vu"], ALL, "done"),
    (2, None, "Báo cáo sơ kết công tác TĐKT 6 tháng đầu năm {y}.", D.BOARD, [], "", "done"),
    (3, None, "Tổ chức họp Hội đồng TĐKT tỉnh xét khen thưởng thành tích năm học {py} - {y} của ngành Giáo dục và "
              "Đào tạo.", "so-gddt", [D.COUNCIL_UNIT, D.BOARD], "", "in_progress"),
    (3, None, "Thực hiện kế hoạch kiểm tra, giám sát công tác TĐKT năm {y}; thông báo kết quả kiểm tra.", D.BOARD,
     [D.COUNCIL_UNIT], ALL, "in_progress"),
    (3, None, "Số hóa hồ sơ khen thưởng lưu trữ giai đoạn 2017 - {py} vào hệ thống quản lý TĐKT.", D.BOARD,
     ["so-khcn"], "", "not_started"),
    (4, None, "Hướng dẫn tổng kết công tác TĐKT năm {y}.", D.BOARD, [], "", "in_progress"),
    (None, 5, "Tổng hợp hồ sơ đề nghị khen thưởng tổng kết năm học của các trường trực thuộc Sở Giáo dục và Đào tạo.",
     "so-gddt", ["thpt-viet-bac", "thpt-chuyen-cva"], "", "in_progress"),
    (None, 12, "Báo cáo tổng kết công tác TĐKT năm {y}, phương hướng nhiệm vụ năm {ny}.", D.BOARD, [D.ROOT], "",
     "not_started"),
    (4, None, "Chỉ đạo, đôn đốc các Cụm, Khối thi đua và các đơn vị tổng kết công tác TĐKT năm {y}.",
     D.COUNCIL_UNIT, [D.BOARD], ALL, "not_started"),
]

# The legal register: (key, number, issued, issuer, kind, summary, valid_from, valid_to, replaced by key).
LEGAL = [
    ("L2003", "15/2003/QH11", date(2003, 11, 26), "Quốc hội", "law", "Luật Thi đua, khen thưởng",
     date(2004, 7, 1), date(2023, 12, 31), "L2022"),
    ("L2005", "47/2005/QH11", date(2005, 6, 14), "Quốc hội", "law",
     "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng", None, date(2023, 12, 31), "L2022"),
    ("L2013", "39/2013/QH13", date(2013, 11, 16), "Quốc hội", "law",
     "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng", None, date(2023, 12, 31), "L2022"),
    ("L2022", "06/2022/QH15", date(2022, 6, 15), "Quốc hội", "law", "Luật Thi đua, khen thưởng",
     date(2024, 1, 1), None, None),
    ("N91", "91/2017/NĐ-CP", date(2017, 7, 31), "Chính phủ", "decree",
     "Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng", date(2017, 10, 1), date(2023, 12, 31),
     "N98"),
    ("N98", "98/2023/NĐ-CP", date(2023, 12, 31), "Chính phủ", "decree",
     "Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng", date(2024, 1, 1), date(2025, 6, 30),
     "N152"),
    ("N152", "152/2025/NĐ-CP", date(2025, 6, 14), "Chính phủ", "decree",
     "Quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết Luật Thi đua, khen "
     "thưởng", date(2025, 7, 1), None, None),
    ("T12", "12/2019/TT-BNV", date(2019, 11, 4), "Bộ Nội vụ", "circular",
     "Quy định chi tiết thi hành một số điều của Nghị định số 91/2017/NĐ-CP", None, date(2023, 12, 31), "T01"),
    ("T01", "01/2024/TT-BNV", date(2024, 2, 1), "Bộ Nội vụ", "circular",
     "Quy định biện pháp thi hành Luật Thi đua, khen thưởng", None, None, None),
    ("KH04", "04/KH-UBND", date(2017, 1, 10), "UBND tỉnh Lạng Sơn", "plan",
     "Kế hoạch công tác thi đua, khen thưởng tỉnh Lạng Sơn giai đoạn 2016 - 2020", date(2017, 1, 10),
     date(2020, 12, 31), None),
    ("Q30", "30/2014/QĐ-UBND", date(2014, 12, 30), "UBND tỉnh Lạng Sơn", "decision",
     "Quy định công tác thi đua, khen thưởng trên địa bàn tỉnh Lạng Sơn", None, None, None),
    ("Q31", "31/2016/QĐ-UBND", date(2016, 8, 1), "UBND tỉnh Lạng Sơn", "decision",
     "Sửa đổi, bổ sung Quy định công tác thi đua, khen thưởng trên địa bàn tỉnh Lạng Sơn", None, None, None),
]


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, f"%PDF-1.4\n% Tai lieu minh hoa (demo): {name}\n%%EOF\n".encode(),
                              content_type="application/pdf")


def _plan_number(number: int, unit: Unit) -> str:
    """A plan number in the usual form: NN/KH-<symbol> (communes sign as UBND)."""
    if unit.kind in ("commune", "district"):
        return f"{number:02d}/KH-UBND"
    return f"{number:02d}/KH-{unit.short_name}" if unit.short_name else f"{number:02d}/KH"


def _unit_by_name(name: str) -> Unit:
    return Unit.objects.get(name=name)


def build_plan_2018(builder, officer):
    by_key = {key: _unit_by_name(name) for key, name in SEED_UNITS.items()}
    plan = services.create_plan(actor=officer, year=2018, issuer=by_key["UB"],
                                title="Kế hoạch công tác thi đua, khen thưởng năm 2018", summary=PLAN_2018_SUMMARY)
    movements = {m.starts_on: m for m in Movement.objects.filter(starts_on__year=2018)}
    for number, (quarter, content, keys, others) in enumerate(PLAN_2018, start=1):
        units = [by_key[k] for k in keys]
        item = services.add_item(plan, actor=officer, number=number, quarter=quarter, content=content,
                                 lead_unit=units[0], coordinating_units=units[1:], other_participants=others)
        if number in NOTES_2018:
            note_day = quarter_end(2018, quarter) - timedelta(days=20)
            services.add_progress_note(item, actor=officer, text=NOTES_2018[number], written_on=note_day)
        services.set_item_status(item, actor=officer, status=ItemStatus.DONE,
                                 completed_on=LATE_2018.get(number, quarter_end(2018, quarter) - timedelta(days=7)))
        movement = movements.get(date(2018, 1, 1) if number == 4 else date(2018, 1, 15) if number == 7 else None)
        if movement:
            services.add_output(item, actor=officer, kind=LinkKind.MOVEMENT, target=movement)
    return plan


def build_current_plan(builder, officer, clerk):
    today, year = builder.today, builder.today.year
    u = builder.units
    plan = services.create_plan(actor=officer, year=year, issuer=u[D.ROOT],
                                title=f"Kế hoạch công tác thi đua, khen thưởng năm {year}",
                                summary="Kế hoạch minh họa (demo) cho năm hiện tại.")
    current_movement = Movement.objects.filter(starts_on=date(year, 1, 1)).first()
    for quarter, offset, content, lead, coordinating, others, status in CURRENT_ITEMS:
        due_on = today + timedelta(days=offset) if offset is not None else None
        if quarter and quarter_end(year, quarter) >= today and status == "done":
            status = "in_progress"  # a quarter not yet over cannot be reported done before its time in the demo
        item = services.add_item(plan, actor=officer, quarter=quarter, due_on=due_on,
                                 content=content.format(y=year, py=year - 1, ny=year + 1), lead_unit=u[lead],
                                 coordinating_units=[u[c] for c in coordinating], other_participants=others)
        if status != "not_started":
            actor = clerk if lead == "so-gddt" else officer
            services.add_progress_note(item, actor=actor,
                                       written_on=min(today, item.effective_due_on) - timedelta(days=3), text="Đã triển khai; đang tổng hợp kết quả từ các đơn vị.")
        if status == "done":
            services.set_item_status(item, actor=officer, status="done",
                                     completed_on=min(today, item.effective_due_on - timedelta(days=5)))
        if item.number == 2 and current_movement:
            services.add_output(item, actor=officer, kind=LinkKind.MOVEMENT, target=current_movement)
    return plan


def build_submissions(builder, officer) -> int:
    """Most units send their plan, some after the deadline, a few not at all."""
    year = builder.today.year
    deadline = services.set_unit_plan_deadline(actor=officer, year=year, due_on=date(year, 2, 10),
                                               note="Theo Kế hoạch công tác TĐKT của UBND tỉnh").due_on
    rng = builder.rng
    count = 0
    for index, unit in enumerate(expected_units(deadline)):
        draw = rng.random()
        if draw < 0.2:
            continue  # not submitted
        late = draw < 0.35
        submitted_on = deadline + timedelta(days=rng.randint(2, 30)) if late else deadline - timedelta(
            days=rng.randint(0, 25))
        submitted_on = min(submitted_on, builder.today)
        services.submit_unit_plan(actor=officer, unit=unit, year=year,
                                  document_number=_plan_number(index + 1, unit),
                                  issued_on=submitted_on - timedelta(days=3),
                                  uploaded=_pdf(f"ke-hoach-{unit.code}.pdf"),
                                  submitted_on=submitted_on)
        count += 1
    return count


def build_inspection(builder, officer):
    u, today = builder.units, builder.today
    year = today.year
    inspected = [u["so-gddt"], u["so-y-te"], u["x-dong-dang-2025"], u["ct-dien-luc"]]
    starts = min(date(year, 9, 8), today - timedelta(days=30))
    inspection = services.create_inspection(
        actor=officer, year=year, subject=f"Kiểm tra công tác thi đua, khen thưởng năm {year}",
        organiser=u[D.COUNCIL_UNIT], units=inspected, starts_on=starts, ends_on=starts + timedelta(days=10),
        team="Hà Văn Tuấn, Trưởng ban Ban TĐKT – Trưởng đoàn\nChu Thị Hằng, chuyên viên Ban TĐKT\n"
             "Đại diện Liên đoàn Lao động tỉnh", document_number="15/KH-HĐTĐKT")
    f1 = services.record_finding(inspection, actor=officer, unit=u["so-gddt"], recorded_on=starts + timedelta(days=2),
                                 text="Hồ sơ đề nghị khen thưởng một số trường còn thiếu biên bản họp Hội đồng TĐKT "
                                      "cơ sở; tỷ lệ khen thưởng người lao động trực tiếp còn thấp.")
    f2 = services.record_finding(inspection, actor=officer, unit=u["x-dong-dang-2025"],
                                 recorded_on=starts + timedelta(days=5),
                                 text="Chưa ban hành Quy chế TĐKT của xã sau khi sắp xếp đơn vị hành chính.")
    services.record_finding(inspection, actor=officer, unit=u["ct-dien-luc"], recorded_on=starts + timedelta(days=7),
                            text="Thực hiện đúng quy trình, thủ tục; lưu trữ hồ sơ khen thưởng đầy đủ.")
    done = services.add_follow_up_action(f1, actor=officer, owner=u["so-gddt"], due_on=starts + timedelta(days=25),
                                         description="Bổ sung biên bản họp Hội đồng TĐKT cơ sở vào hồ sơ lưu trữ.")
    services.close_action(done, actor=officer, closed_on=min(today, starts + timedelta(days=20)),
                          note="Đơn vị đã bổ sung đầy đủ; Ban TĐKT đã kiểm tra lại.")
    services.add_follow_up_action(f1, actor=officer, owner=u["so-gddt"], due_on=today + timedelta(days=4),
                                  description="Rà soát, tăng tỷ lệ khen thưởng giáo viên, nhân viên trực tiếp giảng "
                                              "dạy, phục vụ trong đề nghị khen thưởng năm học.")
    services.add_follow_up_action(f2, actor=officer, owner=u["x-dong-dang-2025"], due_on=today - timedelta(days=10),
                                  description="Ban hành Quy chế thi đua, khen thưởng của xã.")
    return inspection


def build_training(builder, officer):
    u, year = builder.units, builder.today.year
    course = services.create_course(
        actor=officer, title=f"Lớp bồi dưỡng nghiệp vụ công tác thi đua, khen thưởng năm {year}",
        organiser=u[D.BOARD], starts_on=date(year, 5, 12), ends_on=date(year, 5, 13),
        place="Hội trường Sở Nội vụ tỉnh Lạng Sơn",
        note="Đối tượng: cán bộ làm công tác TĐKT các sở, ban, ngành và UBND các xã, phường.")
    for code, count in (("so-gddt", 3), ("so-y-te", 2), ("x-dong-dang-2025", 2), ("x-that-khe-2025", 2),
                        ("p-dong-kinh-2025", 1), ("ct-dien-luc", 1)):
        services.add_participation(course, actor=officer, unit=u[code], headcount=count)
    named = [s.obj for s in builder.people if s.obj.unit.code == "so-noi-vu"][:2]
    for person in named:
        services.add_participation(course, actor=officer, unit=person.unit, person=person)
    return course


def build_legal(officer) -> int:
    docs = {}
    for key, number, issued, issuer, kind, summary, start, end, _by in LEGAL:
        docs[key] = services.save_legal_document(LegalDocument(
            number=number, issued_on=issued, issuer=issuer, kind=kind, summary=summary, valid_from=start,
            valid_to=end), actor=officer)
    for key, *_rest, by in LEGAL:
        if by:
            docs[key].replaced_by = docs[by]
            services.save_legal_document(docs[key], actor=officer)
    return len(docs)


def build(builder) -> None:
    officer = builder.users["chuyenvien.btdkt"]
    clerk = builder.users["vanthu.sogd"]
    build_plan_2018(builder, officer)
    build_current_plan(builder, officer, clerk)
    builder.counts["plans"] = 2
    builder.counts["unit plans submitted"] = build_submissions(builder, officer)
    build_inspection(builder, officer)
    build_training(builder, officer)
    builder.counts["legal documents"] = build_legal(officer)
    # One day of reminders, recorded so the app shows them; mail goes to a local-memory outbox.
    builder.counts["plan reminders"] = send_plan_reminders(
        builder.today, 7, connection=get_connection("django.core.mail.backends.locmem.EmailBackend"))
