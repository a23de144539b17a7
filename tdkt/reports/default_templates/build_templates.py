"""Build the default DOCX template of the sơ kết / tổng kết report (Nghị định 30/2020 layout).

Run: .venv/bin/python tdkt/reports/default_templates/build_templates.py
Writes summary_report.docx next to this file with the same layout blocks as every official paper
(tdkt.documents.layout). Staff may edit the result in Word: the {{ … }} and {%p … %} tags are
docxtpl's (tdkt/reports/summary.py fills them); a paragraph holding only {{ tables.<key> }} is
replaced by that statistics table (move or delete it freely).
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402

from tdkt.documents.layout import Layout  # noqa: E402

LEFT = WD_ALIGN_PARAGRAPH.LEFT

SECTIONS = [
    (1, "dossiers", "Hồ sơ đề nghị khen thưởng theo loại và kết quả"),
    (2, "kind_level", "Khen thưởng theo danh hiệu, hình thức và cấp khen"),
    (3, "entry", "Chi tiết theo từng danh hiệu, hình thức"),
    (4, "unit", "Khen thưởng theo đơn vị"),
    (5, "category", "Khen thưởng theo đối tượng"),
    (6, "area", "Khen thưởng theo địa bàn"),
    (7, "shares", "Tỷ lệ khen thưởng các đối tượng cần ưu tiên, so với cùng kỳ"),
]


def build_summary(path: Path) -> None:
    layout = Layout()
    layout.header()
    layout.title("BÁO CÁO", "{{ report_title }}")
    layout.para("Phạm vi: {{ scope_label }}; kỳ báo cáo: {{ period_label }}; so sánh với {{ previous_label }}",
                italic=True, size=13)
    layout.para("Số liệu lập từ Hệ thống quản lý thi đua, khen thưởng ngày {{ generated_on }}. "
                "Đơn vị soạn thảo bổ sung phần đánh giá trước khi trình ký.")

    layout.para("I. CÔNG TÁC TỔ CHỨC PHONG TRÀO THI ĐUA", bold=True, indent=False, before=6)
    layout.para("1. Các phong trào thi đua triển khai trong kỳ: {{ movements|length }} phong trào.")
    layout.tag("{%p for m in movements %}")
    layout.para("- {{ m.name }} ({{ m.kind }}{% if m.dates %}, {{ m.dates }}{% endif %}).")
    layout.tag("{%p endfor %}")
    layout.para("2. Đăng ký thi đua:")
    layout.tag("{%p if registrations is none %}")
    layout.para("[Chưa có số liệu đăng ký thi đua trong hệ thống: đơn vị soạn thảo bổ sung.]")
    layout.tag("{%p elif not registrations %}")
    layout.para("Trong kỳ chưa có bản đăng ký thi đua nào.")
    layout.tag("{%p else %}")
    layout.tag("{%p for r in registrations %}")
    layout.para("- {{ r.status }}: {{ r.count }} bản đăng ký.")
    layout.tag("{%p endfor %}")
    layout.tag("{%p endif %}")

    layout.para("II. CÔNG TÁC KHEN THƯỞNG", bold=True, indent=False, before=6)
    layout.para("Trong kỳ, toàn {{ scope_short }} được khen thưởng {{ total_awards }} lượt "
                "({{ total_collectives }} tập thể, {{ total_persons }} cá nhân, {{ total_households }} hộ gia đình); "
                "cùng kỳ trước: {{ previous_total }} lượt.")
    for number, key, label in SECTIONS:
        layout.para(f"{number}. {label}:")
        layout.para("{{ tables.%s }}" % key, align=LEFT, indent=False)

    layout.para("III. ĐÁNH GIÁ CHUNG", bold=True, indent=False, before=6)
    layout.para("1. Ưu điểm: [đơn vị soạn thảo bổ sung]")
    layout.para("2. Tồn tại, hạn chế và nguyên nhân: [đơn vị soạn thảo bổ sung]")
    layout.para("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ {{ next_label_upper }}", bold=True, indent=False, before=6)
    layout.para("[Đơn vị soạn thảo bổ sung]")
    layout.recipients_and_signature()
    layout.save(path)


if __name__ == "__main__":
    build_summary(HERE / "summary_report.docx")
    print(HERE / "summary_report.docx")
