"""Reading lists: formats, bad files, header detection (two lines, merged cells), typed cells."""

import datetime as dt
import io
from pathlib import Path

import pytest
import xlsxwriter

from tdkt.core.spreadsheets import (
    CellError, Limits, SheetError, cell_text, fingerprint, locate_header, parse_date, parse_year, read_tables,
)

FILES = Path(__file__).parent / "files"
ALIASES = {"ignore": ["STT"], "full_name": ["Họ và tên", "Họ tên"], "birth_date": ["Ngày sinh"],
           "birth_year": ["Năm sinh"], "birth_male": ["Năm sinh Nam"], "birth_female": ["Năm sinh Nữ"],
           "position_text": ["Chức vụ, đơn vị công tác"], "position": ["Chức vụ"], "unit_name": ["Đơn vị"],
           "entry": ["Hình thức khen thưởng", "Danh hiệu"], "gender": ["Giới tính"], "national_id": ["Số CCCD"],
           "achievement_summary": ["Thành tích", "Tóm tắt thành tích"]}


def xlsx(rows, *, merge=None, sheet="Danh sách") -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    ws = book.add_worksheet(sheet)
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    for first_row, first_col, last_row, last_col, text in merge or []:
        ws.merge_range(first_row, first_col, last_row, last_col, text)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), date_format)
            elif isinstance(value, str):
                ws.write_string(r, c, value)
            else:
                ws.write(r, c, value)
    book.close()
    return buffer.getvalue()


def header_of(data, name="list.xlsx"):
    return locate_header(read_tables(data, name), ALIASES, required=("full_name",), filename=name)


def test_xlsx_header_under_a_title_and_typed_cells():
    data = xlsx([["DANH SÁCH ĐỀ NGHỊ"], [], ["STT", "Ho va ten", "Ngày sinh", "Danh hiệu"],
                 [1, "Nguyễn Văn An", dt.date(1980, 5, 17), "Lao động tiên tiến"],
                 [], [2, "Trần Thị Bình", "02/03/1975", "LĐTT"]])
    header = header_of(data)
    assert header.last_row == 2
    assert header.fields == ["ignore", "full_name", "birth_date", "entry"]
    rows = list(header.data_rows)
    assert [line for line, _cells in rows] == [4, 6]          # blank line 5 skipped, lines as in Excel
    assert parse_date(rows[0][1][2]).day == dt.date(1980, 5, 17)
    assert parse_date(rows[1][1][2]).day == dt.date(1975, 3, 2)   # d/m/yyyy, not m/d


def test_two_line_header_with_merged_cells_in_xlsx():
    data = xlsx([[None, None, None, None, None], [None, None, "Nam", "Nữ", None], [1, "Lương Văn Minh", 1982, None, "x"]],
                merge=[(0, 0, 1, 0, "STT"), (0, 1, 1, 1, "Họ và tên"), (0, 2, 0, 3, "Năm sinh"),
                       (0, 4, 1, 4, "Hình thức khen thưởng")])
    header = header_of(data)
    assert (header.first_row, header.last_row) == (0, 1)
    assert header.fields == ["ignore", "full_name", "birth_male", "birth_female", "entry"]


@pytest.mark.parametrize("name", ["nominees.xls", "nominees.ods", "nominees.docx"])
def test_committed_fixtures_read(name):
    data = (FILES / name).read_bytes()
    header = header_of(data, name)
    assert "full_name" in header.fields and "entry" in header.fields
    lines = list(header.data_rows)
    assert lines, name


def test_docx_two_line_header_and_merged_cells():
    header = header_of((FILES / "nominees.docx").read_bytes(), "nominees.docx")
    assert header.fields == ["ignore", "full_name", "birth_male", "birth_female", "position_text", "entry"]
    rows = [cells for _line, cells in header.data_rows]
    assert rows[0][1] == "Lương Văn Minh" and parse_date(rows[0][2]).year == 1982
    assert parse_date(rows[1][3]).day == dt.date(1990, 4, 12)


def test_xls_serial_number_and_real_date():
    header = header_of((FILES / "nominees.xls").read_bytes(), "nominees.xls")
    births = [parse_date(cells[2]) for _line, cells in header.data_rows]
    assert births[0].day == dt.date(1979, 8, 2)
    assert births[1].day == dt.date(1985, 1, 1)  # 31048 in a General cell


def test_ods_keeps_a_national_id_as_text():
    header = header_of((FILES / "nominees.ods").read_bytes(), "nominees.ods")
    cells = next(header.data_rows)[1]
    assert cells[header.fields.index("national_id")] == "020088001234"


@pytest.mark.parametrize("name, data, code", [
    ("list.pdf", b"%PDF-1.4", "wrong_type"),
    ("list.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "wrong_type"),
    ("list.xlsx", b"", "empty"),
    ("list.xlsx", b"this is not a spreadsheet", "corrupted"),
    ("list.xlsx", (FILES / "truncated.xlsx").read_bytes(), "corrupted"),
    ("list.xlsx", (FILES / "encrypted.xlsx").read_bytes(), "encrypted"),
])
def test_bad_files_are_refused_with_a_code(name, data, code):
    with pytest.raises(SheetError) as caught:
        read_tables(data, name)
    assert caught.value.code == code
    assert name in str(caught.value.message) or code == "wrong_type"


def test_an_empty_sheet_and_a_sheet_without_header():
    with pytest.raises(SheetError) as caught:
        read_tables(xlsx([[None]]), "empty.xlsx")
    assert caught.value.code == "empty"
    with pytest.raises(SheetError) as caught:
        header_of(xlsx([["a", "b"], ["c", "d"]]))
    assert caught.value.code == "no_header"


def test_size_and_row_limits():
    data = xlsx([["Họ và tên", "Năm sinh"]] + [[f"Người {i}", 1980] for i in range(60)])
    with pytest.raises(SheetError) as caught:
        read_tables(data, "big.xlsx", limit=Limits(max_bytes=100, max_rows=1000))
    assert caught.value.code == "too_large"
    with pytest.raises(SheetError) as caught:
        read_tables(data, "long.xlsx", limit=Limits(max_bytes=10**7, max_rows=10))
    assert caught.value.code == "too_many_rows"


def test_a_renamed_file_is_read_by_its_content():
    data = xlsx([["Họ và tên", "Năm sinh"], ["An", 1980]])
    assert header_of(data, "list.ods").fields == ["full_name", "birth_year"]


@pytest.mark.parametrize("value, day, year", [
    ("17/5/1980", dt.date(1980, 5, 17), 1980), ("17-05-1980", dt.date(1980, 5, 17), 1980),
    ("1980-05-17", dt.date(1980, 5, 17), 1980), ("ngày 17 tháng 5 năm 1980", dt.date(1980, 5, 17), 1980),
    (29358, dt.date(1980, 5, 17), 1980), (29358.0, dt.date(1980, 5, 17), 1980), ("29358", dt.date(1980, 5, 17), 1980),
    (dt.datetime(1980, 5, 17, 0, 0), dt.date(1980, 5, 17), 1980), (1980, None, 1980), ("1980", None, 1980),
    (1980.0, None, 1980), ("5/1980", None, 1980), ("", None, None), (None, None, None),
])
def test_dates_in_every_shape(value, day, year):
    parsed = parse_date(value)
    assert (parsed.day, parsed.year) == (day, year)


@pytest.mark.parametrize("value", ["31/02/1980", "17/5/80", "hôm qua", "13/2099", "01/01/1850", True])
def test_bad_dates(value):
    with pytest.raises(CellError):
        parse_date(value)


def test_cells_as_text_and_years():
    assert cell_text(12.0) == "12" and cell_text("  Nguyễn   Văn ") == "Nguyễn Văn"
    assert cell_text(dt.date(2020, 1, 2)) == "02/01/2020"
    assert parse_year("2019-2020") == 2019 and parse_year(2021.0) == 2021
    assert fingerprint(b"a") == fingerprint(b"a") != fingerprint(b"b")


def test_cells_kept_as_json_read_back_as_the_file_gave_them():
    """The preview's stored rows (ImportBatch.rows) go through this codec between two requests."""
    import json
    import math

    from tdkt.core.spreadsheets import CellDecoder, CellEncoder

    rows = [[3, ["Nguyễn Thị Đào", dt.date(1980, 5, 17), 1.0, 20080000111.0, "", True, None, 2.5]],
            [4, [dt.datetime(1975, 1, 2, 13, 30), dt.time(8, 15), "=cmd", "  Lò  Thị Lan "]]]
    text = json.dumps(rows, cls=CellEncoder)
    assert "Nguyễn Thị Đào" in text and "\\u" not in text                   # UTF-8, not escapes
    back = json.loads(text, cls=CellDecoder)
    assert back[0] == rows[0]
    assert [type(cell) for cell in back[0][1]] == [type(cell) for cell in rows[0][1]]   # 1.0 stays a float
    assert back[1][1] == [dt.date(1975, 1, 2), "08:15:00", "=cmd", "  Lò  Thị Lan "]
    assert json.loads(json.dumps([math.nan], cls=CellEncoder)) == [None]    # JSON has no NaN (SQLite's check refuses it)
    # Rows stored before the codec existed (ints for whole numbers, the same date tags) still read.
    assert json.loads('[[2, [1, {"d": "1980-05-17"}]]]', cls=CellDecoder) == [[2, [1, dt.date(1980, 5, 17)]]]
