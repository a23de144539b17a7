"""How the committed import fixtures were made (run once; the files are committed).

Needs, besides the project's packages, xlwt (for the old .xls format) and msoffcrypto-tool
(to password-protect an .xlsx), installed outside the project, e.g.
``uv pip install --target /tmp/fixtools xlwt msoffcrypto-tool`` and
``PYTHONPATH=/tmp/fixtools .venv/bin/python tdkt/core/tests/files/make_fixtures.py``.
The .ods is written by hand (a zip with content.xml): LibreOffice Calc is not on the machine.
"""

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
import xlsxwriter
from docx.shared import Pt

HERE = Path(__file__).resolve().parent


def xlsx_bytes(rows) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("Danh sách")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value not in (None, ""):
                sheet.write(r, c, value)
    book.close()
    return buffer.getvalue()


def make_xls():
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("DS de nghi")
    sheet.write(0, 0, "DANH SÁCH ĐỀ NGHỊ TẶNG DANH HIỆU")
    for c, label in enumerate(["STT", "Họ tên", "Năm sinh", "Chức vụ", "Đơn vị", "Danh hiệu", "Thành tích"]):
        sheet.write(2, c, label)
    date_style = xlwt.easyxf(num_format_str="dd/mm/yyyy")
    sheet.write(3, 0, 1)
    sheet.write(3, 1, "Hoàng Văn Dũng")
    sheet.write(3, 2, dt.date(1979, 8, 2), date_style)   # a real date cell
    sheet.write(3, 3, "Trưởng phòng")
    sheet.write(3, 4, "Phòng Nội vụ")
    sheet.write(3, 5, "Lao động tiên tiến")
    sheet.write(3, 6, "Hoàn thành xuất sắc nhiệm vụ")
    sheet.write(4, 0, 2)
    sheet.write(4, 1, "Nông Thị Hoa")
    sheet.write(4, 2, 31048)                               # a serial number in a General cell: 1/1/1985
    sheet.write(4, 3, "Chuyên viên")
    sheet.write(4, 4, "Phòng Nội vụ")
    sheet.write(4, 5, "Chien si thi dua co so")
    sheet.write(4, 6, "Có sáng kiến được công nhận")
    book.save(str(HERE / "nominees.xls"))


ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="Danh sach">
<table:table-row><table:table-cell office:value-type="string"><text:p>Ho va ten</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Ngay sinh</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Gioi tinh</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>So CCCD</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Hinh thuc khen thuong</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Tom tat thanh tich</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>Vi Văn Khánh</text:p></table:table-cell>
<table:table-cell office:value-type="date" office:date-value="1988-11-30"><text:p>30/11/1988</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Nam</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>020088001234</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Lao động tiên tiến</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Hoàn thành tốt nhiệm vụ</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>
"""
ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def make_ods():
    with zipfile.ZipFile(HERE / "nominees.ods", "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        # calamine wants no whitespace between the table elements
        archive.writestr("content.xml", re.sub(r">\s+<", "><", ODS_CONTENT), compress_type=zipfile.ZIP_DEFLATED)


def make_docx():
    """A nominee table with a two-line header: "Năm sinh" merged over "Nam" and "Nữ",
    and the other titles merged down over both lines, as units' Word lists usually are."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(12)
    document.add_paragraph("DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025")
    table = document.add_table(rows=4, cols=6)
    top, sub = table.rows[0].cells, table.rows[1].cells
    for c, label in enumerate(["STT", "Họ và tên", "Năm sinh", None, "Chức vụ, đơn vị công tác",
                               "Hình thức khen thưởng"]):
        if label:
            top[c].text = label
    top[2].merge(top[3])
    sub[2].text, sub[3].text = "Nam", "Nữ"
    for c in (0, 1, 4, 5):
        top[c].merge(sub[c])
    for r, row in enumerate([["1", "Lương Văn Minh", "1982", "", "Phó phòng, Phòng Tài chính",
                              "Lao động tiên tiến"],
                             ["2", "Đàm Thị Nga", "", "12/04/1990", "Chuyên viên, Phòng Tài chính",
                              "Lao động tiên tiến"]], start=2):
        for c, value in enumerate(row):
            table.rows[r].cells[c].text = value
    document.save(HERE / "nominees.docx")


def make_damaged_and_encrypted():
    data = xlsx_bytes([["Họ và tên", "Ngày sinh"], ["Nguyễn Văn A", "01/01/1980"]])
    (HERE / "truncated.xlsx").write_bytes(data[: len(data) // 2])
    from msoffcrypto.format.ooxml import OOXMLFile

    with open(HERE / "encrypted.xlsx", "wb") as target:
        OOXMLFile(io.BytesIO(data)).encrypt("matkhau", target)


if __name__ == "__main__":
    make_xls()
    make_ods()
    make_docx()
    make_damaged_and_encrypted()
    print("written:", sorted(p.name for p in HERE.iterdir() if p.suffix != ".py"))
