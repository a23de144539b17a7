"""Static tables of the Lạng Sơn demo: units, their 2025 reorganisation, groups,
movements, accounts and the name pools synthetic people are drawn from.

Unit names are real; the people, their awards and the decision numbers are
synthetic. Facts about the 2025 reorganisation (which old communes form which
new one, the merged departments) are from memory and carry "(M)" in the legal
basis of their lineage links.
"""

from datetime import date

ROOT = "ubnd-tinh"
COUNCIL_UNIT = "hd-tdkt-tinh"
BOARD = "ban-tdkt"
CENTRAL_PM = "thu-tuong-chinh-phu"
CENTRAL_PRESIDENT = "chu-tich-nuoc"
CENTRAL_COUNCIL = "hd-tdkt-trung-uong"

DEPARTMENTS_MERGED_ON = date(2025, 3, 1)
COMMUNES_MERGED_ON = date(2025, 7, 1)
DEPARTMENTS_LEGAL_BASIS = "Nghị quyết của HĐND tỉnh Lạng Sơn về sắp xếp các cơ quan chuyên môn thuộc UBND tỉnh năm 2025 (M)"
COMMUNES_LEGAL_BASIS = "Nghị quyết của UBTVQH về sắp xếp ĐVHC cấp xã tỉnh Lạng Sơn năm 2025 (M)"

# Provincial agencies: (code, name, short name, kind, decision symbol, head's title, valid_from, valid_to).
# Kind "other" with level province is used for the armed forces, which the province does not direct.
AGENCIES = [
    ("van-phong-ubnd", "Văn phòng UBND tỉnh", "VP UBND tỉnh", "department", "VP", "Chánh Văn phòng", None, None),
    ("so-noi-vu", "Sở Nội vụ", "SNV", "department", "SNV", "Giám đốc", None, None),
    ("so-khdt", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "department", "SKHĐT", "Giám đốc", None, date(2025, 2, 28)),
    ("so-cong-thuong", "Sở Công Thương", "SCT", "department", "SCT", "Giám đốc", None, None),
    ("so-gddt", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "department", "SGDĐT", "Giám đốc", None, None),
    ("so-tai-chinh", "Sở Tài chính", "STC", "department", "STC", "Giám đốc", None, None),
    ("so-y-te", "Sở Y tế", "SYT", "department", "SYT", "Giám đốc", None, None),
    ("so-tu-phap", "Sở Tư pháp", "STP", "department", "STP", "Giám đốc", None, None),
    ("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL", "department", "SVHTTDL", "Giám đốc", None, None),
    ("so-nnptnt", "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT", "department", "SNN", "Giám đốc", None,
     date(2025, 2, 28)),
    ("so-gtvt", "Sở Giao thông vận tải", "Sở GTVT", "department", "SGTVT", "Giám đốc", None, date(2025, 2, 28)),
    ("so-tnmt", "Sở Tài nguyên và Môi trường", "Sở TN&MT", "department", "STNMT", "Giám đốc", None,
     date(2025, 2, 28)),
    ("so-ldtbxh", "Sở Lao động - Thương binh và Xã hội", "Sở LĐTB&XH", "department", "SLĐTBXH", "Giám đốc", None,
     date(2025, 2, 28)),
    ("so-xay-dung", "Sở Xây dựng", "SXD", "department", "SXD", "Giám đốc", None, None),
    ("so-khcn", "Sở Khoa học và Công nghệ", "Sở KH&CN", "department", "SKHCN", "Giám đốc", None, None),
    ("so-tttt", "Sở Thông tin và Truyền thông", "Sở TT&TT", "department", "STTTT", "Giám đốc", None,
     date(2025, 2, 28)),
    ("so-nnmt", "Sở Nông nghiệp và Môi trường", "Sở NN&MT", "department", "SNNMT", "Giám đốc",
     DEPARTMENTS_MERGED_ON, None),
    ("thanh-tra-tinh", "Thanh tra tỉnh", "Thanh tra tỉnh", "department", "TTR", "Chánh Thanh tra", None, None),
    ("ban-dan-toc", "Ban Dân tộc", "Ban Dân tộc", "department", "BDT", "Trưởng ban", None, date(2025, 2, 28)),
    ("so-dttg", "Sở Dân tộc và Tôn giáo", "Sở DT&TG", "department", "SDTTG", "Giám đốc", DEPARTMENTS_MERGED_ON, None),
    ("ban-qlkkt", "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn", "BQL KKT", "board", "BQLKKT",
     "Trưởng ban", None, None),
    ("mttq-tinh", "Ủy ban MTTQ Việt Nam tỉnh", "MTTQ tỉnh", "mass_organisation", "MTTQ", "Chủ tịch", None, None),
    ("tinh-doan", "Tỉnh đoàn Lạng Sơn", "Tỉnh đoàn", "mass_organisation", "TĐTN", "Bí thư Tỉnh đoàn", None, None),
    ("hoi-lhpn", "Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN tỉnh", "mass_organisation", "HPN", "Chủ tịch", None, None),
    ("hoi-nong-dan", "Hội Nông dân tỉnh", "Hội ND tỉnh", "mass_organisation", "HND", "Chủ tịch", None, None),
    ("ldld-tinh", "Liên đoàn Lao động tỉnh", "LĐLĐ tỉnh", "mass_organisation", "LĐLĐ", "Chủ tịch", None, None),
    ("hoi-ccb", "Hội Cựu chiến binh tỉnh", "Hội CCB tỉnh", "mass_organisation", "CCB", "Chủ tịch", None, None),
    ("bchqs-tinh", "Bộ Chỉ huy Quân sự tỉnh", "Bộ CHQS tỉnh", "other", "BCH", "Chỉ huy trưởng", None, None),
    ("cong-an-tinh", "Công an tỉnh", "Công an tỉnh", "other", "CAT", "Giám đốc Công an tỉnh", None, None),
    ("bdbp-tinh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "BĐBP tỉnh", "other", "BĐBP", "Chỉ huy trưởng", None, None),
]
ARMED = {"bchqs-tinh", "cong-an-tinh", "bdbp-tinh"}

# Departments dissolved on 28/02/2025 → the unit that took over their work (kind of link).
DEPARTMENT_SUCCESSORS = {
    "so-khdt": ("so-tai-chinh", "merge"),
    "so-nnptnt": ("so-nnmt", "merge"),
    "so-tnmt": ("so-nnmt", "merge"),
    "so-gtvt": ("so-xay-dung", "merge"),
    "so-tttt": ("so-khcn", "merge"),
    "so-ldtbxh": ("so-noi-vu", "merge"),
    "ban-dan-toc": ("so-dttg", "rename"),
}

# Divisions inside agencies that are proposed as (small) collectives.
DIVISIONS = {
    "van-phong-ubnd": ["Phòng Khoa giáo - Văn xã", "Phòng Hành chính - Tổ chức"],
    "so-noi-vu": ["Phòng Tổ chức, biên chế và Tổ chức phi chính phủ", "Phòng Xây dựng chính quyền và Công tác thanh niên"],
    "so-khdt": ["Phòng Tổng hợp, Quy hoạch", "Phòng Đăng ký kinh doanh"],
    "so-cong-thuong": ["Phòng Quản lý thương mại", "Phòng Quản lý công nghiệp"],
    "so-gddt": ["Phòng Giáo dục Trung học", "Phòng Tổ chức cán bộ"],
    "so-tai-chinh": ["Phòng Quản lý ngân sách", "Phòng Tài chính doanh nghiệp"],
    "so-y-te": ["Phòng Nghiệp vụ Y", "Phòng Tổ chức cán bộ"],
    "so-tu-phap": ["Phòng Phổ biến, giáo dục pháp luật", "Phòng Hành chính tư pháp"],
    "so-vhttdl": ["Phòng Quản lý văn hóa", "Phòng Quản lý thể dục thể thao"],
    "so-nnptnt": ["Chi cục Phát triển nông thôn", "Chi cục Kiểm lâm"],
    "so-gtvt": ["Phòng Quản lý kết cấu hạ tầng giao thông", "Thanh tra Sở"],
    "so-tnmt": ["Phòng Quản lý đất đai", "Chi cục Bảo vệ môi trường"],
    "so-ldtbxh": ["Phòng Người có công", "Phòng Bảo trợ xã hội"],
    "so-xay-dung": ["Phòng Quản lý xây dựng", "Phòng Quy hoạch - Kiến trúc"],
    "so-khcn": ["Phòng Quản lý khoa học", "Phòng Quản lý chuyên ngành"],
    "so-tttt": ["Phòng Thông tin - Báo chí - Xuất bản", "Phòng Bưu chính - Viễn thông"],
    "so-nnmt": ["Phòng Kế hoạch - Tài chính", "Chi cục Thủy lợi"],
    "thanh-tra-tinh": ["Phòng Nghiệp vụ 1", "Phòng Tiếp công dân và Xử lý đơn thư"],
    "ban-dan-toc": ["Phòng Chính sách dân tộc"],
    "so-dttg": ["Phòng Chính sách dân tộc", "Phòng Tôn giáo"],
    "ban-qlkkt": ["Phòng Quản lý cửa khẩu"],
    "mttq-tinh": ["Ban Dân chủ - Pháp luật"],
    "tinh-doan": ["Ban Phong trào"],
    "hoi-lhpn": ["Ban Gia đình - Xã hội"],
    "hoi-nong-dan": ["Ban Kinh tế - Xã hội"],
    "ldld-tinh": ["Ban Tuyên giáo"],
    "hoi-ccb": ["Ban Tổ chức - Kiểm tra"],
    "bchqs-tinh": ["Ban Chỉ huy Quân sự huyện Văn Lãng", "Đại đội Bộ binh 1"],
    "cong-an-tinh": ["Phòng Cảnh sát hình sự", "Phòng Cảnh sát giao thông"],
    "bdbp-tinh": ["Đồn Biên phòng cửa khẩu quốc tế Hữu Nghị", "Đồn Biên phòng Tân Thanh"],
}

SCHOOLS = [
    ("thpt-chuyen-cva", "Trường THPT Chuyên Chu Văn An", ""),
    ("thpt-viet-bac", "Trường THPT Việt Bắc", ""),
    ("ptdtnt-tinh", "Trường Phổ thông Dân tộc nội trú tỉnh", ""),
    ("thpt-trang-dinh", "Trường THPT Tràng Định", "b"),
    ("thpt-binh-gia", "Trường THPT Bình Gia", "r"),
    ("thpt-dinh-lap", "Trường THPT Đình Lập", "brd"),
]
SCHOOL_TEAMS = ["Tổ Toán - Tin", "Tổ Ngữ văn", "Tổ Ngoại ngữ", "Tổ Khoa học tự nhiên", "Tổ Khoa học xã hội"]

HOSPITALS = [
    ("bvdk-tinh", "Bệnh viện Đa khoa tỉnh Lạng Sơn"),
    ("bv-yhct", "Bệnh viện Y học cổ truyền tỉnh Lạng Sơn"),
]
HOSPITAL_WARDS = ["Khoa Hồi sức tích cực - Chống độc", "Khoa Nội tổng hợp", "Khoa Ngoại tổng hợp", "Khoa Nhi",
                  "Khoa Khám bệnh"]

# Enterprises and a cooperative: (code, name, symbol, parent).
ENTERPRISES = [
    ("ct-dien-luc", "Công ty Điện lực Lạng Sơn", "ĐLLS"),
    ("ct-xi-mang", "Công ty Cổ phần Xi măng Đồng Bành", "XMĐB"),
    ("ct-cap-nuoc", "Công ty Cổ phần Cấp thoát nước Lạng Sơn", "CNLS"),
    ("ct-xnk-dong-dang", "Công ty TNHH Thương mại và Xuất nhập khẩu Đồng Đăng", "XNKĐĐ"),
    ("htx-hong-phong", "Hợp tác xã Nông nghiệp Hồng Phong", "HTXHP"),
]
ENTERPRISE_TEAMS = ["Tổ sản xuất số 1", "Đội Quản lý vận hành", "Phân xưởng Sản xuất"]

# Districts (all ended 30/06/2025): code, name, flags (b border, r remote, d especially difficult),
# old communes [(code, name, flags)], successors [(code, name, [old commune codes])].
DISTRICTS = [
    ("tp-lang-son", "Thành phố Lạng Sơn", "", [
        ("p-chi-lang", "Phường Chi Lăng", ""), ("p-dong-kinh", "Phường Đông Kinh", ""),
        ("p-hoang-van-thu", "Phường Hoàng Văn Thụ", ""), ("p-tam-thanh", "Phường Tam Thanh", ""),
        ("x-mai-pha", "Xã Mai Pha", ""),
    ], [
        ("p-dong-kinh-2025", "Phường Đông Kinh", ["p-chi-lang", "p-dong-kinh"]),
        ("p-luong-van-tri-2025", "Phường Lương Văn Tri", ["p-hoang-van-thu"]),
        ("p-tam-thanh-2025", "Phường Tam Thanh", ["p-tam-thanh"]),
        ("p-ky-lua-2025", "Phường Kỳ Lừa", ["x-mai-pha"]),
    ]),
    ("h-trang-dinh", "Huyện Tràng Định", "br", [
        ("tt-that-khe", "Thị trấn Thất Khê", "b"), ("x-quoc-khanh", "Xã Quốc Khánh", "brd"),
        ("x-doi-can", "Xã Đội Cấn", "brd"), ("x-tri-phuong", "Xã Tri Phương", "br"),
    ], [
        ("x-that-khe-2025", "Xã Thất Khê", ["tt-that-khe"]),
        ("x-quoc-khanh-2025", "Xã Quốc Khánh", ["x-quoc-khanh", "x-doi-can", "x-tri-phuong"]),
    ]),
    ("h-van-lang", "Huyện Văn Lãng", "b", [
        ("tt-na-sam", "Thị trấn Na Sầm", "b"), ("x-tan-my", "Xã Tân Mỹ", "b"),
        ("x-thanh-long", "Xã Thanh Long", "rd"), ("x-thuy-hung-vl", "Xã Thụy Hùng", "br"),
    ], [
        ("x-na-sam-2025", "Xã Na Sầm", ["tt-na-sam", "x-tan-my"]),
        ("x-thuy-hung-2025", "Xã Thụy Hùng", ["x-thanh-long", "x-thuy-hung-vl"]),
    ]),
    ("h-van-quan", "Huyện Văn Quan", "r", [
        ("tt-van-quan", "Thị trấn Văn Quan", ""), ("x-diem-he", "Xã Điềm He", ""),
        ("x-trang-cac", "Xã Tràng Các", "rd"),
    ], [
        ("x-van-quan-2025", "Xã Văn Quan", ["tt-van-quan", "x-diem-he", "x-trang-cac"]),
    ]),
    ("h-binh-gia", "Huyện Bình Gia", "r", [
        ("tt-binh-gia", "Thị trấn Bình Gia", ""), ("x-hong-phong", "Xã Hồng Phong", "r"),
        ("x-tan-van", "Xã Tân Văn", "rd"),
    ], [
        ("x-binh-gia-2025", "Xã Bình Gia", ["tt-binh-gia", "x-hong-phong", "x-tan-van"]),
    ]),
    ("h-bac-son", "Huyện Bắc Sơn", "r", [
        ("tt-bac-son", "Thị trấn Bắc Sơn", ""), ("x-vu-le", "Xã Vũ Lễ", "r"), ("x-hung-vu", "Xã Hưng Vũ", "rd"),
    ], [
        ("x-bac-son-2025", "Xã Bắc Sơn", ["tt-bac-son", "x-vu-le", "x-hung-vu"]),
    ]),
    ("h-huu-lung", "Huyện Hữu Lũng", "", [
        ("tt-huu-lung", "Thị trấn Hữu Lũng", ""), ("x-minh-son", "Xã Minh Sơn", ""),
        ("x-huu-lien", "Xã Hữu Liên", "rd"),
    ], [
        ("x-huu-lung-2025", "Xã Hữu Lũng", ["tt-huu-lung", "x-minh-son"]),
        ("x-huu-lien-2025", "Xã Hữu Liên", ["x-huu-lien"]),
    ]),
    ("h-chi-lang", "Huyện Chi Lăng", "", [
        ("tt-dong-mo", "Thị trấn Đồng Mỏ", ""), ("tt-chi-lang", "Thị trấn Chi Lăng", ""),
        ("x-quang-lang", "Xã Quang Lang", ""),
    ], [
        ("x-chi-lang-2025", "Xã Chi Lăng", ["tt-dong-mo", "tt-chi-lang", "x-quang-lang"]),
    ]),
    ("h-cao-loc", "Huyện Cao Lộc", "b", [
        ("tt-cao-loc", "Thị trấn Cao Lộc", ""), ("tt-dong-dang", "Thị trấn Đồng Đăng", "b"),
        ("x-bao-lam", "Xã Bảo Lâm", "br"), ("x-thach-dan", "Xã Thạch Đạn", "brd"),
    ], [
        ("x-dong-dang-2025", "Xã Đồng Đăng", ["tt-dong-dang", "x-bao-lam", "x-thach-dan"]),
        ("x-cao-loc-2025", "Xã Cao Lộc", ["tt-cao-loc"]),
    ]),
    ("h-loc-binh", "Huyện Lộc Bình", "b", [
        ("tt-loc-binh", "Thị trấn Lộc Bình", ""), ("x-tu-mich", "Xã Tú Mịch", "brd"),
        ("x-mau-son", "Xã Mẫu Sơn", "brd"),
    ], [
        ("x-loc-binh-2025", "Xã Lộc Bình", ["tt-loc-binh", "x-tu-mich"]),
        ("x-mau-son-2025", "Xã Mẫu Sơn", ["x-mau-son"]),
    ]),
    ("h-dinh-lap", "Huyện Đình Lập", "brd", [
        ("tt-dinh-lap", "Thị trấn Đình Lập", "r"), ("x-bac-xa", "Xã Bắc Xa", "brd"), ("x-kien-moc", "Xã Kiên Mộc", "rd"),
    ], [
        ("x-dinh-lap-2025", "Xã Đình Lập", ["tt-dinh-lap", "x-kien-moc"]),
        ("x-bac-xa-2025", "Xã Bắc Xa", ["x-bac-xa"]),
    ]),
]
DISTRICT_END = date(2025, 6, 30)

# The other six provinces of the regional cluster (recipients of the 2018 plan).
OTHER_PROVINCES = [("tinh-son-la", "UBND tỉnh Sơn La"), ("tinh-dien-bien", "UBND tỉnh Điện Biên"),
                   ("tinh-lai-chau", "UBND tỉnh Lai Châu"), ("tinh-cao-bang", "UBND tỉnh Cao Bằng"),
                   ("tinh-ha-giang", "UBND tỉnh Hà Giang"), ("tinh-lao-cai", "UBND tỉnh Lào Cai")]

# Blocks of provincial agencies: members are taken among these codes, as active on 31/12 of the year.
BLOCKS = [
    ("Khối thi đua các cơ quan tổng hợp", ["van-phong-ubnd", "so-noi-vu", "so-khdt", "so-tai-chinh", "so-tu-phap",
                                           "thanh-tra-tinh", "ban-dan-toc", "so-dttg"]),
    ("Khối thi đua các cơ quan kinh tế - kỹ thuật", ["so-cong-thuong", "so-nnptnt", "so-gtvt", "so-xay-dung",
                                                      "so-tnmt", "so-khcn", "so-tttt", "so-nnmt", "ban-qlkkt"]),
    ("Khối thi đua các cơ quan văn hóa - xã hội", ["so-gddt", "so-y-te", "so-vhttdl", "so-ldtbxh"]),
    ("Khối thi đua Mặt trận Tổ quốc và các đoàn thể tỉnh", ["mttq-tinh", "tinh-doan", "hoi-lhpn", "hoi-nong-dan",
                                                           "ldld-tinh", "hoi-ccb"]),
    ("Khối thi đua nội chính", ["bchqs-tinh", "cong-an-tinh", "bdbp-tinh"]),
    ("Khối thi đua các doanh nghiệp", [code for code, _name, _symbol in ENTERPRISES]),
]
DISTRICT_CLUSTERS = [
    ("Cụm thi đua số 1 (các huyện biên giới)", ["h-trang-dinh", "h-van-lang", "h-cao-loc", "h-loc-binh", "h-dinh-lap"]),
    ("Cụm thi đua số 2 (thành phố và các huyện nội địa)", ["tp-lang-son", "h-van-quan", "h-binh-gia", "h-bac-son",
                                                          "h-huu-lung", "h-chi-lang"]),
]
COMMUNE_CLUSTERS = [
    ("Cụm thi đua các phường", ["p-dong-kinh-2025", "p-luong-van-tri-2025", "p-tam-thanh-2025", "p-ky-lua-2025"]),
    ("Cụm thi đua các xã biên giới", ["x-that-khe-2025", "x-quoc-khanh-2025", "x-na-sam-2025", "x-thuy-hung-2025",
                                      "x-dong-dang-2025", "x-loc-binh-2025", "x-mau-son-2025", "x-bac-xa-2025"]),
    ("Cụm thi đua các xã nội địa", ["x-van-quan-2025", "x-binh-gia-2025", "x-bac-son-2025", "x-huu-lung-2025",
                                    "x-huu-lien-2025", "x-chi-lang-2025", "x-cao-loc-2025", "x-dinh-lap-2025"]),
]
REGIONAL_CLUSTER = "Cụm thi đua 7 tỉnh miền núi biên giới phía Bắc"

# --- People ------------------------------------------------------------------------

# Ethnic groups of Lạng Sơn with rough population shares and typical family names.
ETHNIC_GROUPS = [
    ("Nùng", 42, ["Hoàng", "Lành", "Lục", "Mã", "Vy", "Triệu", "Chu", "Nông", "Lương", "Hứa", "Lộc", "La", "Dương"]),
    ("Tày", 35, ["Hoàng", "Nông", "Lương", "Vi", "Hà", "Lăng", "Chu", "Đinh", "Lộc", "Hứa", "Bế", "Ma", "Nguyễn"]),
    ("Kinh", 16, ["Nguyễn", "Trần", "Lê", "Phạm", "Đỗ", "Vũ", "Bùi", "Đặng", "Ngô", "Phan", "Hồ", "Trịnh"]),
    ("Dao", 4, ["Triệu", "Bàn", "Đặng", "Lý", "Phùng", "Chảo"]),
    ("Sán Chay", 2, ["Lâm", "Hoàng", "Đàm", "La", "Trần"]),
    ("H'Mông", 1, ["Giàng", "Vàng", "Thào", "Sùng", "Lý"]),
]
MIDDLE = {"male": ["Văn", "Văn", "Văn", "Đức", "Minh", "Quốc", "Thanh", "Xuân", "Hữu", "Ngọc", "Trung"],
          "female": ["Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Minh", "Kim", "Thùy", "Hồng"]}
GIVEN = {"male": ["Hùng", "Dũng", "Tuấn", "Thắng", "Cường", "Hải", "Long", "Sơn", "Quang", "Tiến", "Bình", "Hòa",
                  "Khánh", "Lâm", "Phúc", "Tùng", "Vinh", "Hưng", "Thành", "Nam", "Quyết", "Mạnh", "Trung",
                  "Toàn", "Đạt", "Hiếu", "Chiến", "Kiên", "Lợi", "Tài", "Thuận", "Sáng", "Pháo", "Slẩy"],
         "female": ["Lan", "Hoa", "Hương", "Mai", "Thảo", "Hằng", "Nga", "Huyền", "Linh", "Trang", "Yến", "Thủy",
                    "Hạnh", "Liên", "Phượng", "Vân", "Dung", "Loan", "Nhung", "Thúy", "Duyên", "Hiền", "Mẩy",
                    "Slao", "Ngân", "Quyên", "Tuyết", "Oanh"]}

# Staff profile of each kind of unit: (position, subject category codes).
STAFF = {
    "department": [("{head}", ["civil_servant"]), ("Phó Giám đốc", ["civil_servant"]),
                   ("Trưởng phòng", ["civil_servant"]), ("Phó Trưởng phòng", ["civil_servant"]),
                   ("Chuyên viên chính", ["civil_servant"]), ("Chuyên viên", ["civil_servant"]),
                   ("Chuyên viên", ["civil_servant"])],
    "board": [("Trưởng ban", ["civil_servant"]), ("Phó Trưởng ban", ["civil_servant"]),
              ("Chuyên viên chính", ["civil_servant"]), ("Chuyên viên", ["civil_servant"]),
              ("Chuyên viên", ["civil_servant"])],
    "mass_organisation": [("{head}", ["civil_servant"]), ("Phó Chủ tịch", ["civil_servant"]),
                          ("Trưởng ban", ["civil_servant"]), ("Chuyên viên", ["civil_servant"])],
    "other": [("{head}", ["armed_forces"]), ("Phó Chỉ huy trưởng", ["armed_forces"]),
              ("Trưởng phòng", ["armed_forces"]), ("Đội trưởng", ["armed_forces"]),
              ("Chiến sĩ", ["armed_forces"])],
    "school": [("Hiệu trưởng", ["teacher", "civil_servant"]), ("Phó Hiệu trưởng", ["teacher", "civil_servant"]),
               ("Tổ trưởng chuyên môn", ["teacher"]), ("Giáo viên", ["teacher"]), ("Giáo viên", ["teacher"]),
               ("Giáo viên", ["teacher"]), ("Giáo viên", ["teacher"]), ("Giáo viên", ["teacher"]),
               ("Nhân viên thiết bị", ["civil_servant"])],
    "hospital": [("Giám đốc", ["health_worker"]), ("Phó Giám đốc", ["health_worker"]),
                 ("Trưởng khoa", ["health_worker"]), ("Bác sĩ", ["health_worker"]), ("Bác sĩ", ["health_worker"]),
                 ("Điều dưỡng", ["health_worker", "direct_labourer"]), ("Điều dưỡng", ["health_worker", "direct_labourer"]),
                 ("Kỹ thuật viên", ["health_worker", "direct_labourer"]), ("Hộ lý", ["direct_labourer"])],
    "enterprise": [("Giám đốc", ["entrepreneur"]), ("Quản đốc phân xưởng", ["worker"]),
                   ("Công nhân", ["worker", "direct_labourer"]), ("Công nhân", ["worker", "direct_labourer"]),
                   ("Công nhân", ["worker", "direct_labourer"]), ("Bảo vệ", ["workplace_guard", "direct_labourer"])],
    "district": [("Chủ tịch UBND huyện", ["civil_servant"]), ("Phó Chủ tịch UBND huyện", ["civil_servant"]),
                 ("Trưởng phòng Nội vụ", ["civil_servant"]), ("Chuyên viên Phòng Nội vụ", ["civil_servant"])],
}
# Commune staff: the chair and one of these, in turn, per old commune.
COMMUNE_OTHERS = [
    ("Công chức Văn hóa - Xã hội", ["civil_servant"]),
    ("Trưởng Công an xã", ["commune_police"]),
    ("Chỉ huy trưởng Ban Chỉ huy Quân sự xã", ["militia"]),
    ("Trưởng thôn", ["village_cadre"]),
    ("Nông dân", ["farmer", "direct_labourer"]),
    ("Thôn đội trưởng", ["militia", "village_cadre"]),
    ("Bảo vệ dân phố", ["street_guard"]),
]

VILLAGE_PREFIX = ["Nà", "Khuổi", "Bản", "Pò", "Còn", "Pác", "Nặm", "Lũng", "Co", "Phai", "Kéo", "Khòn"]
VILLAGE_SUFFIX = ["Pàn", "Khúc", "Chắt", "Mã", "Sla", "Cạn", "Lầy", "Pheo", "Lài", "Mu", "Tèo", "Vài", "Tổng",
                  "Riềng", "Luông", "Héo", "Ngần", "Slưởng"]

# --- Emulation movements ------------------------------------------------------------

# (name, kind, launched by, document, starts, ends, objectives, parent name)
MOVEMENTS = [
    ("Cả nước chung sức xây dựng nông thôn mới", "thematic", CENTRAL_PM,
     "Quyết định số 1620/QĐ-TTg ngày 20/9/2011 của Thủ tướng Chính phủ (M)", date(2011, 9, 20), None,
     "Huy động sức mạnh của cả hệ thống chính trị và nhân dân thực hiện Chương trình mục tiêu quốc gia xây dựng "
     "nông thôn mới.", None),
    ("Lạng Sơn cùng cả nước chung sức xây dựng nông thôn mới", "thematic", ROOT,
     "Kế hoạch của UBND tỉnh Lạng Sơn (M)", date(2011, 12, 1), date(2025, 12, 31),
     "Phong trào thi đua trọng tâm của tỉnh: phát triển kinh tế nông thôn, kết cấu hạ tầng, đời sống văn hóa; "
     "vận động nhân dân hiến đất, góp công xây dựng đường giao thông nông thôn.",
     "Cả nước chung sức xây dựng nông thôn mới"),
    ("Học tập và làm theo tấm gương đạo đức Hồ Chí Minh", "thematic", ROOT,
     "Chỉ thị số 30-CT/TU ngày 18/11/2014 của Ban Thường vụ Tỉnh ủy (gắn với phong trào thi đua)",
     date(2014, 11, 18), None,
     "Gắn phong trào thi đua với việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh trong cán bộ, "
     "đảng viên, công chức, viên chức và nhân dân.", None),
    ("Phong trào thi đua phấn đấu hoàn thành thắng lợi nhiệm vụ, mục tiêu phát triển kinh tế, xã hội, "
     "quốc phòng, an ninh năm 2018", "regular", ROOT, "Kế hoạch công tác thi đua, khen thưởng năm 2018",
     date(2018, 1, 1), date(2018, 12, 31),
     "Tạo khí thế thi đua sôi nổi, thực hiện thắng lợi các chỉ tiêu kinh tế - xã hội năm 2018; lập thành tích "
     "chào mừng các ngày lễ lớn.", None),
    ("Phong trào thi đua đặc biệt chào mừng kỷ niệm 70 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua "
     "ái quốc - Ngày truyền thống Thi đua yêu nước (11/6/1948 - 11/6/2018)", "thematic", ROOT,
     "Kế hoạch công tác thi đua, khen thưởng năm 2018, mục II.07", date(2018, 1, 15), date(2018, 6, 11),
     "Biểu dương, tôn vinh điển hình tiên tiến giai đoạn 2016 - 2018; tọa đàm, gặp mặt các thế hệ cán bộ "
     "ngành thi đua, khen thưởng.", None),
    ("Phong trào thi đua \"Lạng Sơn chung tay xóa nhà tạm, nhà dột nát\"", "thematic", ROOT,
     "Kế hoạch của UBND tỉnh Lạng Sơn năm 2024 (M)", date(2024, 10, 1), date(2025, 8, 31),
     "Xóa toàn bộ nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo trên địa bàn tỉnh.", None),
]
ANNUAL_MOVEMENT = ("Phong trào thi đua phấn đấu hoàn thành thắng lợi nhiệm vụ, mục tiêu phát triển kinh tế, xã hội, "
                   "quốc phòng, an ninh năm {year}")

# --- Facts the eligibility rules need (issue 3) -------------------------------------------

# Initiatives (sáng kiến) by the kind of unit; the demo adds the year to each title.
INITIATIVE_TOPICS = {
    "school": ["Ứng dụng phần mềm GeoGebra trong dạy học hình học không gian",
               "Tổ chức hoạt động trải nghiệm gắn với di sản văn hóa Xứ Lạng",
               "Nâng cao kỹ năng đọc hiểu tiếng Anh cho học sinh dân tộc thiểu số",
               "Xây dựng ngân hàng câu hỏi trắc nghiệm trực tuyến môn Lịch sử",
               "Biện pháp giảm tỷ lệ học sinh bỏ học ở trường vùng cao",
               "Dạy học theo dự án môn Sinh học gắn với nông nghiệp địa phương",
               "Phương pháp ôn thi học sinh giỏi môn Ngữ văn"],
    "hospital": ["Quy trình chăm sóc người bệnh sau phẫu thuật nội soi ổ bụng",
                 "Ứng dụng bệnh án điện tử trong quản lý người bệnh nội trú",
                 "Giảm thời gian chờ khám tại Khoa Khám bệnh",
                 "Kiểm soát nhiễm khuẩn vết mổ tại khoa Ngoại",
                 "Tư vấn dinh dưỡng cho trẻ suy dinh dưỡng vùng cao"],
    "other": ["Số hóa hồ sơ, thủ tục hành chính về thi đua, khen thưởng",
              "Rút ngắn thời gian giải quyết thủ tục hành chính một cửa",
              "Ứng dụng bản đồ số trong quản lý đất đai cấp xã",
              "Cải tiến quy trình tiếp nhận, xử lý văn bản đến",
              "Nâng cao hiệu quả tuyên truyền pháp luật cho đồng bào dân tộc thiểu số",
              "Tiết kiệm nhiên liệu trong vận hành dây chuyền sản xuất"],
}
# The province-scope initiative of the current CSTĐ tỉnh nominee (named in the dossier's summary).
RISING_INITIATIVE = "Dạy học Hóa học gắn với thực tiễn địa phương"
UNIT_INITIATIVE_BODY = "Hội đồng sáng kiến cơ sở"
PROVINCE_INITIATIVE_BODY = "Chủ tịch UBND tỉnh (Hội đồng sáng kiến cấp tỉnh)"
REVIEW_NOTE = ("Thanh tra Sở Giáo dục và Đào tạo đang xác minh nội dung đơn phản ánh (Quyết định thanh tra "
               "số 35/QĐ-TTr, minh họa)")

# --- Accounts --------------------------------------------------------------------------

DEMO_PASSWORD = "Tdkt@2025"

# (username, role, unit code, full name, position)
ACCOUNTS = [
    ("vanthu.sogd", "unit_clerk", "so-gddt", "Hoàng Thị Lan",
     "Chuyên viên Phòng Tổ chức cán bộ, phụ trách công tác thi đua, khen thưởng"),
    ("thutruong.sogd", "unit_head", "so-gddt", "Lương Văn Khánh", "Giám đốc Sở Giáo dục và Đào tạo"),
    ("vanthu.soyte", "unit_clerk", "so-y-te", "Lành Thị Thu Hà", "Chuyên viên Phòng Tổ chức cán bộ"),
    ("vanthu.dongdang", "unit_clerk", "x-dong-dang-2025", "Vi Văn Thành", "Công chức Văn phòng HĐND và UBND xã"),
    ("chuyenvien.btdkt", "board_officer", BOARD, "Chu Thị Hằng", "Chuyên viên Ban Thi đua - Khen thưởng"),
    ("truongban.btdkt", "board_head", BOARD, "Hà Văn Tuấn", "Trưởng ban Ban Thi đua - Khen thưởng"),
    ("thuky.hd", "council_secretary", BOARD, "Lăng Văn Dũng",
     "Phó Trưởng ban Ban Thi đua - Khen thưởng, Thư ký Hội đồng TĐKT tỉnh"),
    ("uyvien.hd", "council_member", "so-tai-chinh", "Triệu Thị Mai", "Giám đốc Sở Tài chính, Ủy viên Hội đồng"),
    ("pct.ubnd", "signer", ROOT, "Hồ Tiến Thiệu", "Phó Chủ tịch UBND tỉnh"),
    ("ct.ubnd", "signer", ROOT, "Nông Đức Bình", "Chủ tịch UBND tỉnh, Chủ tịch Hội đồng TĐKT tỉnh"),
    ("quantri", "admin", BOARD, "Đinh Quang Minh", "Quản trị hệ thống"),
    # Further council members, so that the council has its usual size.
    ("gd.snv", "council_member", "so-noi-vu", "Lộc Thị Hạnh",
     "Giám đốc Sở Nội vụ, Phó Chủ tịch thường trực Hội đồng"),
    ("uyvien.mttq", "council_member", "mttq-tinh", "Hứa Văn Quyết", "Phó Chủ tịch Ủy ban MTTQ tỉnh, Ủy viên Hội đồng"),
    ("uyvien.ldld", "council_member", "ldld-tinh", "Mã Thị Nga", "Chủ tịch Liên đoàn Lao động tỉnh, Ủy viên Hội đồng"),
    ("uyvien.vpubnd", "council_member", "van-phong-ubnd", "Bế Văn Long", "Chánh Văn phòng UBND tỉnh, Ủy viên Hội đồng"),
    ("uyvien.tinhdoan", "council_member", "tinh-doan", "Dương Thị Huyền", "Bí thư Tỉnh đoàn, Ủy viên Hội đồng"),
]
# Council of the province: (username, position). Nine members (DESIGN §1, LAW.md §4.4).
COUNCIL_NAME = "Hội đồng Thi đua - Khen thưởng tỉnh"
COUNCIL_MEMBERS = [("ct.ubnd", "chair"), ("gd.snv", "vice_chair"), ("thuky.hd", "secretary"),
                   ("uyvien.hd", "member"), ("uyvien.mttq", "member"), ("uyvien.ldld", "member"),
                   ("uyvien.vpubnd", "member"), ("uyvien.tinhdoan", "member"), ("truongban.btdkt", "member")]

ROLE_LABELS = {
    "unit_clerk": "Cán bộ TĐKT đơn vị",
    "unit_head": "Thủ trưởng đơn vị",
    "board_officer": "Chuyên viên Ban TĐKT",
    "board_head": "Lãnh đạo Ban TĐKT",
    "council_member": "Thành viên Hội đồng",
    "council_secretary": "Thư ký Hội đồng",
    "signer": "Lãnh đạo UBND tỉnh (ký quyết định)",
    "admin": "Quản trị hệ thống",
}
