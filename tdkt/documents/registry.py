"""The placeholder registry: for each document, every field a template may use.

A template is a .docx with Jinja placeholders (``{{ ho_ten }}``) and loops
(``{%tr for d in de_nghi %}`` … ``{{ d.ho_ten }}`` … ``{%tr endfor %}``). The registry is the
contract between the templates an administrator edits in Word and the context builders of the
domain apps (``tdkt/nominations/documents.py``, ``tdkt/decisions/documents.py``): an upload
that uses a name not listed here is refused, and a test checks that each builder fills every
name. Each field has its Vietnamese label and a sample value (the sample render uses them).

This layer knows no domain model: names, labels and samples only.
"""

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    sample: object = ""
    # A loop field: a list of rows, each row a dict with these fields (empty: a list of texts).
    fields: tuple["Field", ...] = ()
    is_list: bool = False

    def sample_value(self):
        if not self.is_list:
            return self.sample
        if not self.fields:
            return list(self.sample or [])
        rows = self.sample if isinstance(self.sample, list) and self.sample else [{}]
        return [{f.name: row.get(f.name, f.sample_value()) for f in self.fields} for row in rows]


def loop(name, label, *fields, sample=None):
    return Field(name, label, sample=sample, fields=tuple(fields), is_list=True)


@dataclass(frozen=True)
class DocumentSpec:
    code: str
    title: str
    kind: str  # DocumentTemplate.Kind value
    fields: tuple[Field, ...] = field(default_factory=tuple)

    def field_map(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    def sample_context(self) -> dict:
        return {f.name: f.sample_value() for f in self.fields}


# --- the parts every document shares (Nghị định 30/2020, Phụ lục I) -------------------------

HEADER = (
    Field("co_quan_chu_quan", "Tên cơ quan, tổ chức chủ quản trực tiếp (chữ in hoa)", "UBND TỈNH LẠNG SƠN"),
    Field("co_quan_ban_hanh", "Tên cơ quan, tổ chức ban hành văn bản (chữ in hoa)", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
    Field("so_ky_hieu", "Số, ký hiệu của văn bản", "      /TTr-SGDĐT"),
    Field("dia_danh", "Địa danh", "Lạng Sơn"),
    Field("ngay_van_ban", "Ngày, tháng, năm ban hành (bằng chữ, theo Nghị định 30)", "ngày 05 tháng 02 năm 2025"),
    Field("ngay_van_ban_so", "Ngày ban hành (dd/mm/yyyy)", "05/02/2025"),
)
SIGNATURE = (
    Field("quyen_han_ky", "Quyền hạn ký (TM., KT., Q. …), để trống nếu ký trực tiếp", "KT. GIÁM ĐỐC"),
    Field("chuc_vu_ky", "Chức vụ người ký (chữ in hoa)", "PHÓ GIÁM ĐỐC"),
    Field("nguoi_ky", "Họ tên người ký", "Nông Văn Hùng"),
    loop("noi_nhan", "Nơi nhận (mỗi dòng một nơi)", sample=["Như trên;", "Lưu: VT."]),
)

NOMINEE_ROW = (
    Field("stt", "Số thứ tự", 1),
    Field("ho_ten", "Họ tên cá nhân / tên tập thể", "Bà Nguyễn Thị Đào"),
    Field("doi_tuong", "Cá nhân hay tập thể", "Cá nhân"),
    Field("chuc_vu_don_vi", "Chức vụ, đơn vị", "Giáo viên, Trường THPT Việt Bắc"),
    Field("hinh_thuc", "Danh hiệu / hình thức khen thưởng", "Bằng khen của Chủ tịch UBND tỉnh"),
    Field("thanh_tich", "Tóm tắt thành tích", "Hoàn thành xuất sắc nhiệm vụ năm học 2024-2025"),
)
SUMMARY_ROW = (
    Field("hinh_thuc", "Danh hiệu / hình thức khen thưởng", "Bằng khen của Chủ tịch UBND tỉnh"),
    Field("so_luong", "Số lượng", 1),
)
DOSSIER = (
    Field("kinh_gui", "Kính gửi", "Ủy ban nhân dân tỉnh Lạng Sơn"),
    Field("trich_yeu", "Trích yếu (V/v …)", "Đề nghị khen thưởng năm học 2024-2025"),
    Field("ma_ho_so", "Mã hồ sơ", "HS-2025-00001"),
    Field("ten_ho_so", "Tên hồ sơ", "Khen thưởng năm học 2024-2025"),
    Field("loai_khen_thuong", "Loại khen thưởng", "thành tích thực hiện nhiệm vụ hằng năm"),
    Field("nam", "Năm thành tích", 2025),
    Field("don_vi_de_nghi", "Đơn vị đề nghị", "Sở Giáo dục và Đào tạo"),
    Field("so_ca_nhan", "Số cá nhân được đề nghị", 1),
    Field("so_tap_the", "Số tập thể được đề nghị", 0),
    Field("tong_so", "Tổng số được đề nghị", 1),
)

REPORT_PERSON = (
    Field("ho_ten", "Họ và tên", "Nguyễn Thị Đào"),
    Field("gioi_tinh", "Giới tính", "Nữ"),
    Field("ngay_sinh", "Ngày, tháng, năm sinh (dd/mm/yyyy)", "17/05/1980"),
    Field("dan_toc", "Dân tộc", "Tày"),
    Field("chuc_vu", "Chức vụ", "Giáo viên"),
    Field("don_vi", "Đơn vị công tác", "Trường THPT Việt Bắc"),
)
REPORT_COLLECTIVE = (
    Field("ten_tap_the", "Tên tập thể", "Trường THPT Việt Bắc"),
    Field("don_vi_cap_tren", "Đơn vị cấp trên", "Sở Giáo dục và Đào tạo"),
    Field("so_thanh_vien", "Tổng số thành viên", "85"),
    Field("so_nu", "Số thành viên nữ", "52"),
)
REPORT_COMMON = (
    Field("hinh_thuc_de_nghi", "Hình thức đề nghị khen thưởng", "Bằng khen của Chủ tịch UBND tỉnh"),
    Field("nam", "Năm thành tích", 2025),
    Field("giai_doan", "Thời kỳ thành tích", "năm 2025"),
    Field("thanh_tich", "Thành tích đạt được", "Hoàn thành xuất sắc nhiệm vụ năm học 2024-2025."),
    Field("don_vi_de_nghi", "Đơn vị đề nghị", "Sở Giáo dục và Đào tạo"),
    loop("khen_thuong_da_co", "Các hình thức khen thưởng đã được nhận",
         Field("nam", "Năm", 2023),
         Field("hinh_thuc", "Danh hiệu / hình thức", "Chiến sĩ thi đua cơ sở"),
         Field("so_quyet_dinh", "Số, ngày quyết định", "12/QĐ-SGDĐT ngày 10/08/2023")),
)

VOTE_ROW = (
    Field("stt", "Số thứ tự", 1),
    Field("ho_ten", "Họ tên cá nhân / tên tập thể", "Bà Nguyễn Thị Đào"),
    Field("don_vi", "Đơn vị đề nghị", "Sở Giáo dục và Đào tạo"),
    Field("hinh_thuc", "Danh hiệu / hình thức khen thưởng", "Bằng khen của Chủ tịch UBND tỉnh"),
    Field("dong_y", "Số phiếu đồng ý", 6),
    Field("khong_dong_y", "Số phiếu không đồng ý", 0),
    Field("khong_y_kien", "Số phiếu không có ý kiến", 0),
    Field("ty_le", "Tỷ lệ đồng ý trên tổng số thành viên", "100%"),
    Field("ket_qua", "Kết quả (Đạt / Không đạt)", "Đạt"),
)
SESSION = (
    Field("ten_hoi_dong", "Tên Hội đồng", "Hội đồng Thi đua - Khen thưởng tỉnh"),
    Field("ngay_hop", "Ngày họp (dd/mm/yyyy)", "05/02/2025"),
    Field("ngay_hop_chu", "Ngày họp (bằng chữ)", "ngày 05 tháng 02 năm 2025"),
    Field("tong_thanh_vien", "Tổng số thành viên Hội đồng", 6),
    Field("so_co_mat", "Số thành viên có mặt", 5),
    Field("so_vang", "Số thành viên vắng mặt", 1),
    Field("so_y_kien_van_ban", "Số thành viên vắng mặt có ý kiến bằng văn bản", 1),
    loop("co_mat", "Thành viên có mặt",
         Field("stt", "Số thứ tự", 1), Field("ho_ten", "Họ tên", "Hồ Tiến Thiệu"),
         Field("chuc_vu", "Chức vụ trong Hội đồng", "Chủ tịch Hội đồng")),
    loop("vang_mat", "Thành viên vắng mặt",
         Field("stt", "Số thứ tự", 1), Field("ho_ten", "Họ tên", "Vi Văn Tuấn"),
         Field("chuc_vu", "Chức vụ trong Hội đồng", "Ủy viên")),
    loop("ho_so", "Hồ sơ đưa ra xét",
         Field("stt", "Số thứ tự", 1), Field("ma", "Mã hồ sơ", "HS-2025-00001"),
         Field("ten", "Tên hồ sơ", "Khen thưởng năm học 2024-2025"),
         Field("don_vi", "Đơn vị đề nghị", "Sở Giáo dục và Đào tạo")),
    loop("ket_qua", "Kết quả bỏ phiếu từng trường hợp", *VOTE_ROW),
    Field("so_dat", "Số trường hợp đạt", 1),
    Field("so_khong_dat", "Số trường hợp không đạt", 0),
    Field("chu_tri", "Người chủ trì cuộc họp", "Hồ Tiến Thiệu"),
    Field("thu_ky", "Thư ký Hội đồng", "Hoàng Văn Nam"),
    Field("ghi_chu", "Ghi chú của cuộc họp", ""),
)



def _with_samples(fields, **samples):
    """The shared fields with samples fitting one document (a decision of the province chair)."""
    return tuple(replace(f, sample=samples[f.name]) if f.name in samples else f for f in fields)


DECISION_HEADER = _with_samples(HEADER, co_quan_chu_quan="", co_quan_ban_hanh="ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
                                so_ky_hieu="125/QĐ-UBND")
DECISION_SIGNATURE = _with_samples(SIGNATURE, quyen_han_ky="KT. CHỦ TỊCH", chuc_vu_ky="PHÓ CHỦ TỊCH",
                                   nguoi_ky="Hồ Tiến Thiệu",
                                   noi_nhan=["Như Điều 3;", "Sở Nội vụ (Ban Thi đua - Khen thưởng);", "Lưu: VT."])

SPECS: dict[str, DocumentSpec] = {spec.code: spec for spec in [
    DocumentSpec("to_trinh_de_nghi", "Tờ trình đề nghị khen thưởng", "submission", (
        *HEADER, *DOSSIER,
        loop("de_nghi", "Danh sách đề nghị khen thưởng", *NOMINEE_ROW),
        loop("tong_hop", "Tổng hợp theo hình thức khen thưởng", *SUMMARY_ROW),
        *SIGNATURE)),
    DocumentSpec("to_trinh_tham_dinh", "Tờ trình kết quả thẩm định hồ sơ khen thưởng", "submission", (
        *HEADER, *DOSSIER,
        Field("ngay_nhan", "Ngày tiếp nhận hồ sơ (dd/mm/yyyy)", "20/01/2025"),
        Field("so_dong_y", "Số trường hợp thẩm định đồng ý", 1),
        Field("so_khong_dong_y", "Số trường hợp thẩm định không đồng ý", 0),
        loop("ket_qua", "Kết quả thẩm định từng trường hợp", *NOMINEE_ROW,
             Field("ket_qua_tham_dinh", "Kết quả thẩm định", "Đồng ý đề nghị"),
             Field("kiem_tra_dieu_kien", "Kết quả kiểm tra điều kiện", "Đủ điều kiện"),
             Field("y_kien", "Ý kiến thẩm định", "Đủ tiêu chuẩn theo quy định.")),
        loop("tong_hop", "Tổng hợp theo hình thức khen thưởng (các trường hợp đồng ý)", *SUMMARY_ROW),
        *SIGNATURE)),
    DocumentSpec("bien_ban_hop", "Biên bản họp Hội đồng Thi đua - Khen thưởng", "minutes", (
        *HEADER, *SESSION, *SIGNATURE)),
    DocumentSpec("bien_ban_kiem_phieu", "Biên bản kiểm phiếu", "minutes", (
        *HEADER, *SESSION,
        Field("so_phieu_phat_ra", "Số phiếu phát ra", 6),
        Field("so_phieu_thu_vao", "Số phiếu thu vào (kể cả ý kiến bằng văn bản)", 6),
        *SIGNATURE)),
    DocumentSpec("quyet_dinh", "Quyết định khen thưởng (kèm danh sách)", "decision", (
        *DECISION_HEADER,
        Field("chuc_danh_tham_quyen", "Thẩm quyền ban hành (chữ in hoa)", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"),
        Field("trich_yeu", "Trích yếu (V/v …)", "Về việc khen thưởng năm học 2024-2025"),
        loop("can_cu", "Căn cứ ban hành (mỗi dòng một căn cứ)",
             sample=["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"]),
        Field("de_nghi_cua", "Theo đề nghị của", "Giám đốc Sở Nội vụ"),
        loop("nhom", "Danh sách kèm theo, theo từng hình thức khen thưởng",
             Field("stt", "Số thứ tự nhóm (La Mã)", "I"),
             Field("hinh_thuc", "Danh hiệu / hình thức khen thưởng", "Bằng khen của Chủ tịch UBND tỉnh"),
             Field("so_luong", "Số lượng trong nhóm", 1),
             Field("tong_tien", "Tiền thưởng của nhóm (đồng)", "1.170.000"),
             loop("dong", "Các dòng của nhóm",
                  Field("stt", "Số thứ tự (số sổ vàng)", 1),
                  Field("ho_ten", "Họ tên cá nhân / tên tập thể", "Bà Nguyễn Thị Đào"),
                  Field("chuc_vu_don_vi", "Chức vụ, đơn vị", "Giáo viên, Trường THPT Việt Bắc"),
                  Field("he_so", "Hệ số", "0,5"),
                  Field("so_tien", "Tiền thưởng (đồng)", "1.170.000"))),
        Field("tong_so_khen", "Tổng số cá nhân, tập thể được khen", 1),
        Field("so_ca_nhan", "Số cá nhân", 1),
        Field("so_tap_the", "Số tập thể", 0),
        Field("tong_tien", "Tổng tiền thưởng (đồng, bằng số)", "1.170.000"),
        Field("tong_tien_bang_chu", "Tổng tiền thưởng bằng chữ", "Một triệu một trăm bảy mươi nghìn đồng"),
        Field("nguon_kinh_phi", "Nguồn kinh phí khen thưởng", "Quỹ thi đua, khen thưởng của tỉnh"),
        *DECISION_SIGNATURE)),
    DocumentSpec("bao_cao_ca_nhan", "Báo cáo thành tích của cá nhân", "report", (
        *HEADER, *REPORT_PERSON, *REPORT_COMMON, *SIGNATURE)),
    DocumentSpec("bao_cao_tap_the", "Báo cáo thành tích của tập thể", "report", (
        *HEADER, *REPORT_COLLECTIVE, *REPORT_COMMON, *SIGNATURE)),
    DocumentSpec("bao_cao_dot_xuat", "Báo cáo thành tích khen thưởng đột xuất", "report", (
        *HEADER, Field("ten", "Tên cá nhân / tập thể", "Bà Nguyễn Thị Đào"),
        Field("chuc_vu_don_vi", "Chức vụ, đơn vị", "Giáo viên, Trường THPT Việt Bắc"),
        *REPORT_COMMON, *SIGNATURE)),
    DocumentSpec("bao_cao_cong_hien", "Báo cáo tóm tắt quá trình cống hiến", "report", (
        *HEADER, *REPORT_PERSON, *REPORT_COMMON,
        loop("qua_trinh", "Quá trình công tác",
             Field("tu_den", "Từ năm - đến năm", "2005 - 2025"),
             Field("chuc_vu_don_vi", "Chức vụ, đơn vị công tác", "Giáo viên, Trường THPT Việt Bắc")),
        *SIGNATURE)),
]}


def spec(code: str) -> DocumentSpec:
    try:
        return SPECS[code]
    except KeyError:
        raise LookupError(f"No document spec {code!r}") from None
