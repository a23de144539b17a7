from datetime import date

import pytest

from tdkt.documents.vietnamese import (
    dia_danh_ngay, he_so, ngay, ngay_thang_nam, so_bang_chu, so_tien, so_tien_bang_chu, viet_tat,
)


@pytest.mark.parametrize("number, words", [
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi bốn"),
    (25, "hai mươi lăm"),
    (31, "ba mươi mốt"),
    (55, "năm mươi lăm"),
    (99, "chín mươi chín"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (205, "hai trăm linh năm"),
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1010, "một nghìn không trăm mười"),
    (1015, "một nghìn không trăm mười lăm"),
    (1021, "một nghìn không trăm hai mươi mốt"),
    (1100, "một nghìn một trăm"),
    (15000, "mười lăm nghìn"),
    (21000, "hai mươi mốt nghìn"),
    (105000, "một trăm linh năm nghìn"),
    (1000000, "một triệu"),
    (1000005, "một triệu không trăm linh năm"),
    (1005000, "một triệu không trăm linh năm nghìn"),
    (1500000, "một triệu năm trăm nghìn"),
    (2340000, "hai triệu ba trăm bốn mươi nghìn"),
    (7020000, "bảy triệu không trăm hai mươi nghìn"),
    (12150000, "mười hai triệu một trăm năm mươi nghìn"),
    (1000000000, "một tỷ"),
    (1000000001, "một tỷ không trăm linh một"),
    (1050000000, "một tỷ không trăm năm mươi triệu"),
    (2000500000, "hai tỷ năm trăm nghìn"),
    (2000050000, "hai tỷ không trăm năm mươi nghìn"),
    (12345678901, "mười hai tỷ ba trăm bốn mươi lăm triệu sáu trăm bảy mươi tám nghìn chín trăm linh một"),
    (1000000000000, "một nghìn tỷ"),
    (2015000, "hai triệu không trăm mười lăm nghìn"),
    (1000001000, "một tỷ không trăm linh một nghìn"),
    (5000000000005, "năm nghìn tỷ không trăm linh năm"),
])
def test_number_in_words(number, words):
    assert so_bang_chu(number) == words


def test_money_in_words_is_capitalised_and_ends_with_dong():
    assert so_tien_bang_chu(7020000) == "Bảy triệu không trăm hai mươi nghìn đồng"
    assert so_tien_bang_chu(0) == "Không đồng"
    assert so_tien_bang_chu(1170000) == "Một triệu một trăm bảy mươi nghìn đồng"


def test_figures_use_dots_and_decimal_commas():
    assert so_tien(7020000) == "7.020.000"
    assert so_tien(0) == "0"
    assert so_tien(None) == ""
    assert he_so(1.5) == "1,5"
    assert he_so(3) == "3"
    assert he_so("0.30") == "0,3"


def test_dates_follow_nghi_dinh_30():
    # A day below 10 and the months 1 and 2 take a leading zero; March to December do not.
    assert ngay_thang_nam(date(2025, 2, 5)) == "ngày 05 tháng 02 năm 2025"
    assert ngay_thang_nam(date(2025, 1, 15)) == "ngày 15 tháng 01 năm 2025"
    assert ngay_thang_nam(date(2025, 3, 9)) == "ngày 09 tháng 3 năm 2025"
    assert ngay_thang_nam(date(2025, 12, 31)) == "ngày 31 tháng 12 năm 2025"
    assert dia_danh_ngay("Lạng Sơn", date(2025, 10, 1)) == "Lạng Sơn, ngày 01 tháng 10 năm 2025"
    assert ngay(date(2025, 3, 9)) == "09/03/2025"
    assert ngay(None) == ""
    # An unsigned paper leaves the date blank for the văn thư.
    assert ngay_thang_nam(None).startswith("ngày ")


def test_abbreviation_of_a_body():
    assert viet_tat("Sở Giáo dục và Đào tạo") == "SGDĐT"
    assert viet_tat("Sở Nội vụ") == "SNV"
