"""The one way lists leave the system: .xlsx with Vietnamese headers.

Rows are written with XlsxWriter in constant-memory mode (one row in memory at a
time) into a temporary file that is then streamed to the browser, so a list of a
million awards costs disk, not RAM. Text cells that a spreadsheet would read as a
formula (starting with = + - @, or a tab/CR) are neutralised with a leading
apostrophe-like quote prefix so that opening an export never runs anything.
"""

import datetime as dt
import tempfile
from decimal import Decimal
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import xlsxwriter
from django.http import FileResponse

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    header: str          # shown in row 1 (already translated)
    width: float = 18    # characters


def neutralise(value: str) -> str:
    """Text that would start a formula gets a leading apostrophe."""
    if value and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_xlsx(target, columns: Sequence[Column | str], rows: Iterable[Sequence], *,
               sheet_name: str = "Danh sách") -> int:
    """Write ``rows`` under ``columns`` into ``target`` (path or binary file); returns the row count."""
    columns = [c if isinstance(c, Column) else Column(str(c)) for c in columns]
    book = xlsxwriter.Workbook(target, {"constant_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "in_memory": False})
    sheet = book.add_worksheet(sheet_name[:31])
    header = book.add_format({"bold": True, "bg_color": "#EDEFF2", "border": 1, "text_wrap": True,
                              "valign": "top"})
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    for index, column in enumerate(columns):
        sheet.set_column(index, index, column.width)
        sheet.write_string(0, index, str(column.header), header)
    sheet.freeze_panes(1, 0)
    count = 0
    for count, row in enumerate(rows, start=1):
        for index, value in enumerate(row):
            _write_cell(sheet, count, index, value, date_format)
    if count:
        sheet.autofilter(0, 0, count, len(columns) - 1)
    book.close()
    return count


def _write_cell(sheet, row: int, col: int, value, date_format) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        sheet.write_string(row, col, "Có" if value else "Không")
    elif isinstance(value, (int, float, Decimal)):
        sheet.write_number(row, col, float(value) if isinstance(value, Decimal) else value)
    elif isinstance(value, dt.datetime):
        sheet.write_datetime(row, col, value.replace(tzinfo=None), date_format)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, dt.datetime(value.year, value.month, value.day), date_format)
    else:
        sheet.write_string(row, col, neutralise(str(value)))


def wants_xlsx(request) -> bool:
    """A list view's "?format=xlsx" branch: the same filters and scope, the whole list as .xlsx."""
    return request.GET.get("format") == "xlsx"


def xlsx_response(filename: str, columns: Sequence[Column | str], rows: Iterable[Sequence], *,
                  sheet_name: str = "Danh sách") -> FileResponse:
    """A download of ``rows`` as ``filename`` (.xlsx), streamed from a temporary file."""
    spool = tempfile.TemporaryFile(suffix=".xlsx")
    write_xlsx(spool, columns, rows, sheet_name=sheet_name)
    spool.seek(0)
    if not filename.endswith(".xlsx"):
        filename += ".xlsx"
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)
