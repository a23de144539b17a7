"""The default templates the project ships, generated with python-docx in the Nghị định 30 layout.

``manage.py build_document_templates`` writes them to ``tdkt/documents/default_templates/``;
``seed_document_templates`` registers each as version 1. Administrators then edit them in Word
and upload new versions. Wording follows the structure of the decree's forms; the texts are
ours and meant to be adapted by each province.
"""

from pathlib import Path

from tdkt.documents.layout import CENTER, LEFT, RIGHT as WD_RIGHT, Layout

DEFAULTS_DIR = Path(__file__).resolve().parent / "default_templates"

NOMINEE_HEADINGS = ["STT", "Họ tên cá nhân / tên tập thể", "Chức vụ, đơn vị", "Hình thức khen thưởng",
                    "Tóm tắt thành tích"]
NOMINEE_WIDTHS = [12, 42, 40, 35, 36]
NOMINEE_ROW = ["{{ d.stt }}", "{{ d.ho_ten }}", "{{ d.chuc_vu_don_vi }}", "{{ d.hinh_thuc }}", "{{ d.thanh_tich }}"]
C = CENTER


def _summary_table(page: Layout, intro: str):
    page.para(intro)
    table = page.grid(["Hình thức khen thưởng", "Số lượng"], [125, 40])
    page.loop_rows(table, "{%tr for t in tong_hop %}", ["{{ t.hinh_thuc }}", "{{ t.so_luong }}"],
                   aligns=[LEFT, C])
    page.para("", after=6)


def to_trinh_de_nghi() -> Layout:
    page = Layout()
    page.header()
    page.title("TỜ TRÌNH", "{{ trich_yeu }}")
    page.para("Kính gửi: {{ kinh_gui }}.", align=CENTER, after=12)
    page.para("Căn cứ Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành; căn cứ thành tích đạt "
              "được năm {{ nam }}, {{ don_vi_de_nghi }} đề nghị {{ kinh_gui }} xét khen thưởng "
              "({{ loai_khen_thuong }}) cho {{ tong_so }} trường hợp ({{ so_ca_nhan }} cá nhân, "
              "{{ so_tap_the }} tập thể), hồ sơ số {{ ma_ho_so }} – {{ ten_ho_so }}, cụ thể như sau:")
    _summary_table(page, "1. Tổng hợp theo hình thức khen thưởng:")
    page.para("2. Danh sách đề nghị khen thưởng:")
    table = page.grid(NOMINEE_HEADINGS, NOMINEE_WIDTHS)
    page.loop_rows(table, "{%tr for d in de_nghi %}", NOMINEE_ROW, aligns=[C, LEFT, LEFT, LEFT, LEFT])
    page.para("", after=6)
    page.para("(Kèm theo báo cáo thành tích của các cá nhân, tập thể và biên bản họp xét của Hội đồng "
              "Thi đua - Khen thưởng của đơn vị.)", italic=True)
    page.para("{{ don_vi_de_nghi }} kính trình {{ kinh_gui }} xem xét, quyết định./.", after=12)
    page.recipients_and_signature()
    return page


def to_trinh_tham_dinh() -> Layout:
    page = Layout()
    page.header()
    page.title("TỜ TRÌNH", "{{ trich_yeu }}")
    page.para("Kính gửi: {{ kinh_gui }}.", align=CENTER, after=12)
    page.para("Ngày {{ ngay_nhan }}, cơ quan thường trực Hội đồng Thi đua - Khen thưởng tiếp nhận hồ sơ số "
              "{{ ma_ho_so }} của {{ don_vi_de_nghi }} đề nghị khen thưởng {{ tong_so }} trường hợp "
              "({{ so_ca_nhan }} cá nhân, {{ so_tap_the }} tập thể) về {{ loai_khen_thuong }} năm {{ nam }}.")
    page.para("Qua thẩm định hồ sơ, đối chiếu với tiêu chuẩn, điều kiện theo quy định: {{ so_dong_y }} trường "
              "hợp đủ điều kiện, đề nghị khen thưởng; {{ so_khong_dong_y }} trường hợp không đề nghị.")
    _summary_table(page, "1. Các trường hợp đề nghị khen thưởng, theo hình thức:")
    page.para("2. Kết quả thẩm định từng trường hợp:")
    table = page.grid(["STT", "Họ tên cá nhân / tên tập thể", "Hình thức đề nghị", "Kiểm tra điều kiện",
                       "Kết quả thẩm định", "Ý kiến"], [12, 37, 34, 27, 25, 30], size=11)
    page.loop_rows(table, "{%tr for d in ket_qua %}",
                   ["{{ d.stt }}", "{{ d.ho_ten }}", "{{ d.hinh_thuc }}", "{{ d.kiem_tra_dieu_kien }}",
                    "{{ d.ket_qua_tham_dinh }}", "{{ d.y_kien }}"], size=11,
                   aligns=[C, LEFT, LEFT, LEFT, LEFT, LEFT])
    page.para("", after=6)
    page.para("Kính trình {{ kinh_gui }} xem xét, quyết định./.", after=12)
    page.recipients_and_signature()
    return page


def _session_facts(page: Layout):
    page.para("Hôm nay, {{ ngay_hop_chu }}, {{ ten_hoi_dong }} họp xét khen thưởng.")
    page.para("Tổng số thành viên Hội đồng: {{ tong_thanh_vien }}; có mặt: {{ so_co_mat }}; vắng mặt: "
              "{{ so_vang }} (trong đó {{ so_y_kien_van_ban }} thành viên có ý kiến bằng văn bản).")
    page.para("Chủ trì: {{ chu_tri }}. Thư ký: {{ thu_ky }}.")


def _vote_table(page: Layout):
    table = page.grid(["STT", "Họ tên cá nhân / tên tập thể", "Hình thức đề nghị", "Đồng ý", "Không đồng ý",
                       "Không ý kiến", "Tỷ lệ đồng ý", "Kết quả"], [12, 38, 35, 15, 17, 17, 16, 15], size=11)
    page.loop_rows(table, "{%tr for r in ket_qua %}",
                   ["{{ r.stt }}", "{{ r.ho_ten }}", "{{ r.hinh_thuc }}", "{{ r.dong_y }}", "{{ r.khong_dong_y }}",
                    "{{ r.khong_y_kien }}", "{{ r.ty_le }}", "{{ r.ket_qua }}"], size=11,
                   aligns=[C, LEFT, LEFT, C, C, C, C, C])
    page.para("", after=6)


def bien_ban_hop() -> Layout:
    page = Layout()
    page.header()
    page.title("BIÊN BẢN", "Họp {{ ten_hoi_dong }}")
    _session_facts(page)
    page.para("I. THÀNH VIÊN THAM DỰ", bold=True, indent=False)
    table = page.grid(["STT", "Họ tên", "Chức vụ trong Hội đồng"], [15, 80, 70])
    page.loop_rows(table, "{%tr for m in co_mat %}", ["{{ m.stt }}", "{{ m.ho_ten }}", "{{ m.chuc_vu }}"],
                   aligns=[C, LEFT, LEFT])
    page.para("Vắng mặt:", indent=False, before=6)
    table = page.grid(["STT", "Họ tên", "Chức vụ trong Hội đồng"], [15, 80, 70])
    page.loop_rows(table, "{%tr for m in vang_mat %}", ["{{ m.stt }}", "{{ m.ho_ten }}", "{{ m.chuc_vu }}"],
                   aligns=[C, LEFT, LEFT])
    page.para("II. NỘI DUNG", bold=True, indent=False, before=6)
    page.para("Hội đồng xem xét các hồ sơ sau:")
    table = page.grid(["STT", "Mã hồ sơ", "Tên hồ sơ", "Đơn vị đề nghị"], [12, 35, 68, 50])
    page.loop_rows(table, "{%tr for h in ho_so %}", ["{{ h.stt }}", "{{ h.ma }}", "{{ h.ten }}", "{{ h.don_vi }}"],
                   aligns=[C, LEFT, LEFT, LEFT])
    page.para("III. KẾT QUẢ BỎ PHIẾU", bold=True, indent=False, before=6)
    _vote_table(page)
    page.para("Kết luận: {{ so_dat }} trường hợp đạt, {{ so_khong_dat }} trường hợp không đạt. {{ ghi_chu }}")
    page.para("Cuộc họp kết thúc cùng ngày; biên bản đã được thông qua trước Hội đồng./.", after=12)
    page.two_signatures([("THƯ KÝ HỘI ĐỒNG", "b")], [("CHỦ TRÌ CUỘC HỌP", "b")],
                        left_name="{{ thu_ky }}", right_name="{{ chu_tri }}")
    return page


def bien_ban_kiem_phieu() -> Layout:
    page = Layout()
    page.header()
    page.title("BIÊN BẢN KIỂM PHIẾU", "Bầu chọn đề nghị khen thưởng tại cuộc họp {{ ten_hoi_dong }}")
    _session_facts(page)
    page.para("Số phiếu phát ra: {{ so_phieu_phat_ra }}; số phiếu thu vào (kể cả ý kiến bằng văn bản của thành "
              "viên vắng mặt): {{ so_phieu_thu_vao }}. Tỷ lệ đồng ý tính trên tổng số thành viên Hội đồng.")
    page.para("KẾT QUẢ KIỂM PHIẾU", bold=True, indent=False, align=CENTER, before=6)
    _vote_table(page)
    page.para("Tổng hợp: {{ so_dat }} trường hợp đạt, {{ so_khong_dat }} trường hợp không đạt./.", after=12)
    page.two_signatures([("THƯ KÝ HỘI ĐỒNG", "b")], [("CHỦ TRÌ CUỘC HỌP", "b")],
                        left_name="{{ thu_ky }}", right_name="{{ chu_tri }}")
    return page


LIST_HEADINGS = ["STT", "Họ tên cá nhân / tên tập thể", "Chức vụ, đơn vị", "Hệ số", "Tiền thưởng (đồng)"]
# Money needs room for "1.170.000.000" on one line; the heading wraps to two lines at most.
LIST_WIDTHS = [12, 50, 56, 15, 32]


def quyet_dinh() -> Layout:
    page = Layout()
    page.header()
    page.title("QUYẾT ĐỊNH", "{{ trich_yeu }}")
    page.para("{{ chuc_danh_tham_quyen }}", align=CENTER, bold=True, after=12)
    page.tag("{%p for c in can_cu %}")
    page.para("{{ c }}", italic=True)
    page.tag("{%p endfor %}")
    page.para("Theo đề nghị của {{ de_nghi_cua }}.", italic=True, after=12)
    page.para("QUYẾT ĐỊNH:", align=CENTER, bold=True, after=12)
    page.runs(page.para(""), ("Điều 1. ", "b"),
              ("Tặng thưởng cho {{ tong_so_khen }} cá nhân, tập thể ({{ so_ca_nhan }} cá nhân, {{ so_tap_the }} "
               "tập thể) đã có thành tích xuất sắc, theo danh sách kèm theo Quyết định này.", ""))
    page.runs(page.para(""), ("Điều 2. ", "b"),
              ("Kèm theo tiền thưởng theo quy định; tổng số tiền: {{ tong_tien }} đồng (bằng chữ: "
               "{{ tong_tien_bang_chu }}), từ {{ nguon_kinh_phi }}.", ""))
    page.runs(page.para("", after=12), ("Điều 3. ", "b"),
              ("Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị liên quan "
               "và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.", ""))
    page.recipients_and_signature()
    page.page_break()
    # The attached list (danh sách kèm theo), grouped by award, money per line and totals.
    page.para("DANH SÁCH", align=CENTER, bold=True, after=0)
    page.para("Cá nhân, tập thể được khen thưởng", align=CENTER, bold=True, after=0)
    page.para("(Kèm theo Quyết định số {{ so_ky_hieu }} ngày {{ ngay_van_ban_so }} của {{ chuc_danh_tham_quyen }})",
              align=CENTER, italic=True, after=0)
    page.rule()
    table = page.grid(LIST_HEADINGS, LIST_WIDTHS)
    page.row(table, ["{%tr for g in nhom %}"], merge=True)
    page.row(table, ["{{ g.stt }}. {{ g.hinh_thuc }} ({{ g.so_luong }})"], merge=True, bold=True)
    page.loop_rows(table, "{%tr for d in g.dong %}",
                   ["{{ d.stt }}", "{{ d.ho_ten }}", "{{ d.chuc_vu_don_vi }}", "{{ d.he_so }}", "{{ d.so_tien }}"],
                   aligns=[C, LEFT, LEFT, C, WD_RIGHT])
    page.row(table, ["", "Cộng", "", "", "{{ g.tong_tien }}"], italic=True, aligns=[C, LEFT, LEFT, C, WD_RIGHT])
    page.row(table, ["{%tr endfor %}"], merge=True)
    page.row(table, ["", "Tổng cộng: {{ tong_so_khen }}", "", "", "{{ tong_tien }}"], bold=True,
             aligns=[C, LEFT, LEFT, C, WD_RIGHT])
    page.para("Tổng số tiền thưởng: {{ tong_tien }} đồng.", indent=False, before=6, after=0)
    page.para("Bằng chữ: {{ tong_tien_bang_chu }}.", italic=True, indent=False)
    return page


def _report(title_line: str, *, person: bool, extra=None) -> Layout:
    page = Layout()
    page.header(number=False)
    page.title("BÁO CÁO THÀNH TÍCH", title_line)
    page.para("I. SƠ LƯỢC LÝ LỊCH" if person else "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", bold=True, indent=False)
    if person:
        for text in ("Họ và tên: {{ ho_ten }}; giới tính: {{ gioi_tinh }}.",
                     "Ngày, tháng, năm sinh: {{ ngay_sinh }}; dân tộc: {{ dan_toc }}.",
                     "Chức vụ, đơn vị công tác: {{ chuc_vu }}, {{ don_vi }}."):
            page.para("- " + text, indent=False, after=0)
    else:
        for text in ("Tên tập thể: {{ ten_tap_the }}; thuộc: {{ don_vi_cap_tren }}.",
                     "Tổng số thành viên: {{ so_thanh_vien }} (nữ: {{ so_nu }})."):
            page.para("- " + text, indent=False, after=0)
    if extra:
        extra(page)
    page.para("II. THÀNH TÍCH ĐẠT ĐƯỢC ({{ giai_doan }})", bold=True, indent=False, before=6)
    page.para("{{ thanh_tich }}")
    page.para("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC NHẬN", bold=True, indent=False, before=6)
    table = page.grid(["Năm", "Danh hiệu / hình thức khen thưởng", "Số, ngày quyết định"], [20, 75, 70])
    page.loop_rows(table, "{%tr for k in khen_thuong_da_co %}",
                   ["{{ k.nam }}", "{{ k.hinh_thuc }}", "{{ k.so_quyet_dinh }}"], aligns=[C, LEFT, LEFT])
    page.para("", after=12)
    if person:
        page.two_signatures([("THỦ TRƯỞNG ĐƠN VỊ", "b"), ("XÁC NHẬN, ĐỀ NGHỊ", "b")],
                            [("NGƯỜI BÁO CÁO THÀNH TÍCH", "b"), ("(Ký, ghi rõ họ tên)", "i")],
                            left_name="{{ nguoi_ky }}", right_name="{{ ho_ten }}")
    else:
        page.two_signatures([("XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", "b")],
                            [("{{ chuc_vu_ky }}", "b"), ("(Ký, đóng dấu)", "i")])
    return page


def bao_cao_ca_nhan() -> Layout:
    return _report("Đề nghị tặng {{ hinh_thuc_de_nghi }}", person=True)


def bao_cao_tap_the() -> Layout:
    return _report("Đề nghị tặng {{ hinh_thuc_de_nghi }}", person=False)


def bao_cao_dot_xuat() -> Layout:
    page = Layout()
    page.header(number=False)
    page.title("BÁO CÁO THÀNH TÍCH", "Đề nghị khen thưởng đột xuất: {{ hinh_thuc_de_nghi }}")
    page.para("I. TÊN CÁ NHÂN, TẬP THỂ", bold=True, indent=False)
    page.para("- {{ ten }}; {{ chuc_vu_don_vi }}.", indent=False)
    page.para("II. THÀNH TÍCH ĐỘT XUẤT ({{ giai_doan }})", bold=True, indent=False, before=6)
    page.para("{{ thanh_tich }}")
    page.para("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC NHẬN", bold=True, indent=False, before=6)
    table = page.grid(["Năm", "Danh hiệu / hình thức khen thưởng", "Số, ngày quyết định"], [20, 75, 70])
    page.loop_rows(table, "{%tr for k in khen_thuong_da_co %}",
                   ["{{ k.nam }}", "{{ k.hinh_thuc }}", "{{ k.so_quyet_dinh }}"], aligns=[C, LEFT, LEFT])
    page.para("Đơn vị đề nghị: {{ don_vi_de_nghi }}. Năm {{ nam }}.", before=6, after=12)
    page.two_signatures([("XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", "b")],
                        [("{{ quyen_han_ky }}", "b"), ("{{ chuc_vu_ky }}", "b")])
    return page


def _career(page: Layout):
    page.para("- Quá trình công tác:", indent=False, after=0)
    table = page.grid(["Từ năm - đến năm", "Chức vụ, đơn vị công tác"], [45, 120])
    page.loop_rows(table, "{%tr for q in qua_trinh %}", ["{{ q.tu_den }}", "{{ q.chuc_vu_don_vi }}"],
                   aligns=[C, LEFT])


def bao_cao_cong_hien() -> Layout:
    return _report("Tóm tắt quá trình cống hiến, đề nghị tặng {{ hinh_thuc_de_nghi }}", person=True, extra=_career)


BUILDERS = {
    "to_trinh_de_nghi": to_trinh_de_nghi,
    "to_trinh_tham_dinh": to_trinh_tham_dinh,
    "bien_ban_hop": bien_ban_hop,
    "bien_ban_kiem_phieu": bien_ban_kiem_phieu,
    "quyet_dinh": quyet_dinh,
    "bao_cao_ca_nhan": bao_cao_ca_nhan,
    "bao_cao_tap_the": bao_cao_tap_the,
    "bao_cao_dot_xuat": bao_cao_dot_xuat,
    "bao_cao_cong_hien": bao_cao_cong_hien,
}


def default_path(code: str) -> Path:
    return DEFAULTS_DIR / f"{code}.docx"


def build_all(directory: Path = DEFAULTS_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for code, build in BUILDERS.items():
        path = directory / f"{code}.docx"
        build().save(path)
        written.append(path)
    return written
