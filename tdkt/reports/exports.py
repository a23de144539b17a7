"""Excel exports of the reports: a national form with its merged title block, and plain tables
(through tdkt.core.exporters)."""

from __future__ import annotations

import tempfile

import xlsxwriter
from django.http import FileResponse
from django.utils.translation import gettext as _

from tdkt.core.exporters import XLSX_CONTENT_TYPE, neutralise, xlsx_response


def write_form_xlsx(target, filled, *, scope_label: str, period_label: str) -> None:
    """A national form: code and title merged across the table, scope and period, the header row,
    the rows and the total (where the rows add up), and the evidence note."""
    width = len(filled.headers) + 2
    book = xlsxwriter.Workbook(target, {"strings_to_formulas": False, "strings_to_urls": False})
    sheet = book.add_worksheet(filled.spec.code.split(".")[0])
    bold = book.add_format({"bold": True})
    title = book.add_format({"bold": True, "align": "center", "font_size": 13})
    center = book.add_format({"align": "center", "italic": True})
    header = book.add_format({"bold": True, "border": 1, "align": "center", "valign": "vcenter",
                              "text_wrap": True, "bg_color": "#EDEFF2"})
    cell = book.add_format({"border": 1})
    number = book.add_format({"border": 1, "num_format": "#,##0"})
    total = book.add_format({"border": 1, "bold": True, "num_format": "#,##0"})
    sheet.set_column(0, 0, 6)
    sheet.set_column(1, 1, 48)
    sheet.set_column(2, width - 1, 14)
    sheet.write_string(0, 0, _("Form %(code)s") % {"code": filled.spec.code}, bold)
    sheet.merge_range(1, 0, 1, width - 1, neutralise(str(filled.spec.title)).upper(), title)
    sheet.merge_range(2, 0, 2, width - 1, neutralise(f"{scope_label} · {period_label}"), center)
    row = 4
    sheet.write_string(row, 0, _("No."), header)
    sheet.write_string(row, 1, _("Item"), header)
    for index, label in enumerate(filled.headers):
        sheet.write_string(row, index + 2, label, header)
    for number_in_list, (label, values) in enumerate(filled.rows, start=1):
        row += 1
        sheet.write_number(row, 0, number_in_list, cell)
        sheet.write_string(row, 1, neutralise(label), cell)
        for index, value in enumerate(values):
            sheet.write_number(row, index + 2, value, number)
    if filled.total is not None:
        row += 1
        sheet.write_blank(row, 0, None, cell)
        sheet.write_string(row, 1, _("Total"), total)
        for index, value in enumerate(filled.total):
            sheet.write_number(row, index + 2, value, total)
    row += 2
    sheet.write_string(row, 0, _("Form layout inferred (I): to be checked against the Ministry of Home "
                                 "Affairs' statistical reporting rules."))
    if filled.spec.note:
        sheet.write_string(row + 1, 0, str(filled.spec.note))
    book.close()


def form_response(filled, *, scope_label: str, period_label: str, filename: str) -> FileResponse:
    spool = tempfile.TemporaryFile(suffix=".xlsx")
    write_form_xlsx(spool, filled, scope_label=scope_label, period_label=period_label)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)


def table_response(filename: str, headers: list[str], rows: list[list]) -> FileResponse:
    return xlsx_response(filename, headers, rows, sheet_name=_("Statistics"))
