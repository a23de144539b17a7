"""Reading the lists units send: Excel (.xlsx, .xls), OpenDocument (.ods) and the tables of
Word (.docx) documents, into plain rows of cells, with their header row found by its labels.

The same three steps serve every import (nominees, the historical archive):

1. ``read_tables(data, filename)`` checks the file (type by content, size, password, damage)
   and returns every sheet or Word table as a ``Table`` of raw cells (text, numbers, dates);
   row ``i`` of a table is line ``i + 1`` of the sheet, so messages can name the line.
2. ``locate_header(tables, aliases)`` finds the header row by matching the labels to the
   import's known column names (folded: with or without diacritics), over one line or two
   (a merged "Năm sinh" above "Nam" and "Nữ"), and picks the table that matches best.
3. ``parse_date``/``cell_text`` turn one cell into a value, reading dates written as text
   (d/m/yyyy), as Excel serial numbers, as real dates, or as a year alone.

Every refusal is a ``SheetError`` (a DomainError) with a code and a Vietnamese message,
raised before anything is saved.
"""

import datetime as dt
import hashlib
import io
import json
import re
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import orjson
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.errors import DomainError
from tdkt.core.memory import collector_paused
from tdkt.core.text import fold

SPREADSHEET_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods")
EXTENSIONS = (*SPREADSHEET_EXTENSIONS, ".docx")
HEADER_SCAN_ROWS = 25          # a header further down than this is not a header
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1/1/1900 (Excel's 1900 leap-year bug included)


class SheetError(DomainError):
    """The file cannot be imported; ``code`` says why (wrong_type, corrupted, encrypted, empty,
    no_header, too_large, too_many_rows)."""


@dataclass
class Table:
    name: str                      # sheet name, or "Bảng 2" for the second Word table
    rows: list[list]               # raw cells: "" | str | int | float | bool | date | datetime


@dataclass
class Header:
    table: Table
    first_row: int                 # index of the (first) header line
    last_row: int                  # index of the last header line: data starts after it
    labels: list[str]              # the header text of each column (two lines joined)
    fields: list[str | None]       # the matched field of each column, None if unknown
    score: int = 0

    @property
    def data_rows(self):
        """(line number, cells) of every non-blank line under the header."""
        rows = self.table.rows
        for index in range(self.last_row + 1, len(rows)):
            cells = rows[index]
            if _has_content(cells):
                yield index + 1, cells


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_rows: int


def limits(kind: str = "nominees") -> Limits:
    """Size and row limits of an import (settings TDKT_IMPORT_* and TDKT_ARCHIVE_IMPORT_*)."""
    if kind == "archive":
        return Limits(getattr(settings, "TDKT_ARCHIVE_IMPORT_MAX_BYTES", 50 * 1024 * 1024),
                      getattr(settings, "TDKT_ARCHIVE_IMPORT_MAX_ROWS", 200_000))
    return Limits(getattr(settings, "TDKT_IMPORT_MAX_BYTES", 10 * 1024 * 1024),
                  getattr(settings, "TDKT_IMPORT_MAX_ROWS", 20_000))


def fingerprint(data: bytes) -> str:
    """SHA-256 of the file's bytes: the same file uploaded twice is recognised."""
    return hashlib.sha256(data).hexdigest()


# --- 1. Reading -------------------------------------------------------------------------------

def read_tables(data: bytes, filename: str, *, limit: Limits | None = None) -> list[Table]:
    """Every sheet (visible ones) or Word table of the file, as rows of raw cells."""
    limit = limit or limits()
    extension = Path(filename or "").suffix.lower()
    if extension not in EXTENSIONS:
        hint = _(" Save it as .docx first.") if extension == ".doc" else ""
        raise SheetError(_("“%(name)s”: %(ext)s files cannot be imported. Accepted: %(list)s.%(hint)s") % {
            "name": filename, "ext": extension or "?", "list": ", ".join(EXTENSIONS), "hint": hint},
            field="file", code="wrong_type")
    if not data:
        raise SheetError(_("“%(name)s” is empty.") % {"name": filename}, field="file", code="empty")
    if len(data) > limit.max_bytes:
        raise SheetError(_("“%(name)s” is %(size)s MB; the limit for this import is %(limit)s MB.") % {
            "name": filename, "size": round(len(data) / 1048576, 1), "limit": round(limit.max_bytes / 1048576)},
            field="file", code="too_large")
    kind = _sniff(data, filename)
    if kind == "docx":
        tables = _read_docx(data, filename)
    else:
        tables = _read_workbook(data, filename, limit)
    if not any(_has_content(row) for table in tables for row in table.rows):
        raise SheetError(_("“%(name)s” contains no data.") % {"name": filename}, field="file", code="empty")
    for table in tables:
        if len(table.rows) > limit.max_rows + HEADER_SCAN_ROWS:
            raise SheetError(_("“%(name)s” has more than %(limit)s lines (sheet “%(sheet)s”); split it into "
                               "several files.") % {"name": filename, "limit": f"{limit.max_rows:,}".replace(",", "."),
                                                    "sheet": table.name}, field="file", code="too_many_rows")
    return tables


def _sniff(data: bytes, filename: str) -> str:
    """The real format from the first bytes (units often rename files), or a clear refusal."""
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_PACKAGE in data[:65536] or _ENCRYPTED_PACKAGE in data:
            raise _encrypted(filename)
        if filename.lower().endswith(".xls"):
            return "xls"
        raise SheetError(_("“%(name)s” is an old binary Office file, not what its name says; open it and save it "
                           "as .xlsx or .docx.") % {"name": filename}, field="file", code="wrong_type")
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read("META-INF/manifest.xml"):
                    raise _encrypted(filename)
        except zipfile.BadZipFile:
            raise _corrupted(filename) from None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
            return "xlsx"
        if "content.xml" in names:
            return "ods"
        raise _corrupted(filename)
    raise _corrupted(filename)


def _encrypted(filename):
    return SheetError(_("“%(name)s” is protected by a password. Open it, remove the password (File › Info › "
                        "Protect) and upload it again.") % {"name": filename}, field="file", code="encrypted")


def _corrupted(filename):
    return SheetError(_("“%(name)s” is damaged or is not a spreadsheet or Word file; open it on your computer, "
                        "save it again and upload the new copy.") % {"name": filename}, field="file",
                      code="corrupted")


def _read_workbook(data: bytes, filename: str, limit: Limits) -> list[Table]:
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        tables = []
        for meta in book.sheets_metadata:
            if str(meta.visible).rsplit(".", 1)[-1].lower() != "visible":  # hidden sheets are not the list
                continue
            sheet = book.get_sheet_by_name(meta.name)
            # Reading stops just past the limit, so an oversized sheet costs no more than the limit.
            rows = sheet.to_python(skip_empty_area=False, nrows=limit.max_rows + HEADER_SCAN_ROWS + 1)
            _fill_merged_header(rows, getattr(sheet, "merged_cell_ranges", None) or [])
            tables.append(Table(meta.name, rows))
        return tables
    except python_calamine.PasswordError:
        raise _encrypted(filename) from None
    except SheetError:
        raise
    except Exception:  # calamine reports damage as several exception types (Zip, Xml, Calamine…)
        raise _corrupted(filename) from None


def _fill_merged_header(rows: list[list], merged) -> None:
    """Copy a merged cell's value into every cell it covers, within the rows a header can be in."""
    for (top, left), (bottom, right) in merged:
        if top >= HEADER_SCAN_ROWS or top >= len(rows):
            continue
        value = rows[top][left] if left < len(rows[top]) else ""
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            for c in range(left, min(right, len(rows[r]) - 1) + 1):
                if _blank(rows[r][c]):
                    rows[r][c] = value


def _read_docx(data: bytes, filename: str) -> list[Table]:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:
        raise _corrupted(filename) from None
    tables = []
    for number, table in enumerate(document.tables, start=1):
        rows = []
        # python-docx repeats a merged cell in every grid position it covers, across and down,
        # which is exactly the filling a merged header needs.
        for row in table.rows:
            rows.append([" ".join(cell.text.split()) for cell in row.cells])
        width = max((len(row) for row in rows), default=0)
        tables.append(Table(_("Table %(number)d") % {"number": number},
                            [row + [""] * (width - len(row)) for row in rows]))
    if not tables:
        raise SheetError(_("“%(name)s” contains no table. Put the list in a Word table (Insert › Table).")
                         % {"name": filename}, field="file", code="empty")
    return tables


# --- 2. Finding the header -------------------------------------------------------------------

_PARENTHESES = re.compile(r"\([^)]*\)")
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def header_key(text) -> str:
    """"Họ và tên (ghi đầy đủ):" → "ho va ten": folded, without notes in brackets or punctuation."""
    text = _PARENTHESES.sub(" ", fold(str(text or "")))
    return " ".join(_NOT_WORD.sub(" ", text).split())


@dataclass
class AliasIndex:
    """The known labels of an import's columns, folded once."""

    exact: dict[str, str] = field(default_factory=dict)
    prefixes: list[tuple[str, str]] = field(default_factory=list)   # longest first

    @classmethod
    def build(cls, aliases: dict[str, list[str]]) -> "AliasIndex":
        index = cls()
        for name, labels in aliases.items():
            for label in labels:
                index.exact.setdefault(header_key(label), name)
        index.prefixes = sorted(index.exact.items(), key=lambda item: -len(item[0]))
        return index

    def match(self, label) -> str | None:
        key = header_key(label)
        if not key:
            return None
        if key in self.exact:
            return self.exact[key]
        for alias, name in self.prefixes:  # "Họ và tên người được đề nghị" starts with "ho va ten"
            if len(alias) >= 4 and key.startswith(alias + " "):
                return name
        return None


def _blank(cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _has_content(cells) -> bool:
    """Whether any cell is not _blank (spelled out: it runs on every line of a 20,000-line list,
    and the first cell, usually the line number, mostly settles it)."""
    for cell in cells:
        if isinstance(cell, str):
            if cell and not cell.isspace():
                return True
        elif cell is not None:
            return True
    return False


def _label(cell) -> str:
    if _blank(cell):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def _combine(top: list, bottom: list) -> list[str]:
    """Two header lines as one: the upper label (carried right over a merge) then the lower one."""
    width = max(len(top), len(bottom))
    labels, carried = [], ""
    for c in range(width):
        upper = _label(top[c]) if c < len(top) else ""
        lower = _label(bottom[c]) if c < len(bottom) else ""
        if upper:
            carried = upper
        elif lower and carried:
            upper = carried   # a merge the file did not record (.xls, .ods): carry the group label
        else:
            carried = ""
        if upper and lower and header_key(upper) != header_key(lower):
            labels.append(f"{upper} {lower}")
        else:
            labels.append(upper or lower)
    return labels


def _assign(labels: list[str], index: AliasIndex) -> tuple[list[str | None], int]:
    fields, used = [], set()
    for label in labels:
        name = index.match(label)
        if name is not None and name in used and name != "ignore":
            name = None   # the first column with a label wins; the user can change it
        if name is not None:
            used.add(name)
        fields.append(name)
    return fields, len(used - {"ignore"})


def locate_header(tables: list[Table], aliases: dict[str, list[str]], *, required=(),
                  filename: str = "") -> Header:
    """The header that matches the most known columns, over one line or two, in any table."""
    index = AliasIndex.build(aliases)
    best: Header | None = None
    for table in tables:
        scan = table.rows[:HEADER_SCAN_ROWS]
        for r, row in enumerate(scan):
            if all(_blank(cell) for cell in row):
                continue
            candidates = [(r, [_label(cell) for cell in row])]
            if r + 1 < len(scan):
                candidates.append((r + 1, _combine(row, scan[r + 1])))
            for last, labels in candidates:
                fields, score = _assign(labels, index)
                if not all(name in fields for name in required):
                    continue
                if best is None or score > best.score:
                    best = Header(table, r, last, labels, fields, score)
    if best is None or best.score < 2:
        expected = ", ".join(f"“{labels[0]}”" for name, labels in aliases.items() if name != "ignore")
        raise SheetError(_("No header line found in “%(name)s”: the first %(rows)d lines have no column titled "
                           "like %(expected)s. Add a header line or download the template.")
                         % {"name": filename, "rows": HEADER_SCAN_ROWS, "expected": expected},
                         field="file", code="no_header")
    return best


# --- 3. Cells --------------------------------------------------------------------------------

class CellError(ValueError):
    """A cell that cannot be read as the column's type; the message is for the user."""


class PartialDate(NamedTuple):
    """A date, or only its year (lists often give "Năm sinh": 1980). Immutable and compared by
    value; a named tuple rather than a frozen dataclass because an import makes one per distinct
    birth cell, and a tuple is made several times faster."""

    day: dt.date | None = None
    year: int | None = None

    def __bool__(self):   # known when at least the year is
        return self.year is not None

    def display(self) -> str:
        return f"{self.day:%d/%m/%Y}" if self.day else (str(self.year) if self.year else "")


_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_WORDS = re.compile(r"^ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$")


def _latest_year() -> int:
    """Next year (a birth or decision date after it is a typing error); read once a minute at most,
    since the check runs on every date cell of a 20,000-line list."""
    now = time.monotonic()
    if now - _LATEST[1] > 60:
        _LATEST[:] = [timezone.localdate().year + 1, now]
    return _LATEST[0]


_LATEST = [0, -1e9]


def excel_serial_to_date(serial: float) -> dt.date:
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial))


def parse_date(value, *, earliest: int = 1900) -> PartialDate:
    """A date from a cell: a real date, "17/5/1980", "1980-05-17", "ngày 17 tháng 5 năm 1980",
    an Excel serial number (29358), or a year alone (1980, "1980", "5/1980")."""
    latest = _latest_year()
    if type(value) is dt.date:   # the commonest cell first: a real date
        day = value
    elif value is None or value == "":
        return PartialDate()
    elif isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, bool):
        raise CellError(_("not a date"))
    elif isinstance(value, (int, float)):
        if float(value).is_integer() and earliest <= value <= latest:
            return PartialDate(year=int(value))
        if 1 <= value < 2958466:
            day = excel_serial_to_date(value)
        else:
            raise CellError(_("“%(value)s” is not a date") % {"value": _label(value)})
    elif (match := _DMY.match(str(value).strip())) and len(match.group(3)) == 4:  # the usual "17/05/1980"
        d, m, y = map(int, match.groups())
        day = _make_date(y, m, d, value)
    else:
        text = fold(str(value)).replace(",", " ")
        text = " ".join(text.split())
        day = None
        if match := _DMY.match(text):
            d, m, y = (int(part) for part in match.groups())
            if y < 100:
                raise CellError(_("“%(value)s”: write the year with four digits (dd/mm/yyyy)") % {"value": value})
            day = _make_date(y, m, d, value)
        elif match := _ISO.match(text):
            y, m, d = (int(part) for part in match.groups())
            day = _make_date(y, m, d, value)
        elif match := _WORDS.match(text):
            d, m, y = (int(part) for part in match.groups())
            day = _make_date(y, m, d, value)
        elif match := _MONTH_YEAR.match(text):
            if not 1 <= int(match.group(1)) <= 12:
                raise CellError(_("“%(value)s” is not a date (dd/mm/yyyy)") % {"value": value})
            return _check_year(int(match.group(2)), earliest, latest, value)
        elif text.isdigit() and len(text) == 4:
            return _check_year(int(text), earliest, latest, value)
        elif text.isdigit() and len(text) == 5:  # a serial number that arrived as text
            day = excel_serial_to_date(int(text))
        else:
            raise CellError(_("“%(value)s” is not a date (dd/mm/yyyy)") % {"value": value})
    if not earliest <= day.year <= latest:
        raise CellError(_("%(value)s is outside %(from)d–%(to)d") % {
            "value": f"{day:%d/%m/%Y}", "from": earliest, "to": latest})
    return PartialDate(day, day.year)


def _make_date(y, m, d, original) -> dt.date:
    try:
        return dt.date(y, m, d)
    except ValueError:
        raise CellError(_("“%(value)s” is not a real date (dd/mm/yyyy)") % {"value": original}) from None


def _check_year(year, earliest, latest, original) -> PartialDate:
    if not earliest <= year <= latest:
        raise CellError(_("%(value)s is outside %(from)d–%(to)d") % {
            "value": original, "from": earliest, "to": latest})
    return PartialDate(year=year)


def parse_year(value) -> int | None:
    """A year from "2019", 2019.0, a date, or "2019-2020" (the first year)."""
    if _blank(value):
        return None
    if isinstance(value, str):
        match = re.match(r"^\s*(\d{4})", value)
        if match and not _DMY.match(value.strip()):
            value = match.group(1)
    return parse_date(value).year


def cell_text(value) -> str:
    """A cell as text: whole numbers without ".0", dates as dd/mm/yyyy, spaces collapsed."""
    if type(value) is str:   # the common case first
        return " ".join(value.split())
    if _blank(value):
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):   # datetime included: dd/mm/yyyy, without strftime (a list has thousands)
        return "%02d/%02d/%d" % (value.day, value.month, value.year)
    return " ".join(str(value).split())


# --- Keeping cells between the preview and the confirmation --------------------------------

class CellEncoder(json.JSONEncoder):
    """Raw cells as JSON for a JSONField (``encoder=``): dates tagged as ``{"d": "1980-05-17"}``
    (a date's time of day is not kept), any other non-JSON value as its text, Vietnamese text as
    UTF-8 rather than ``\\uXXXX`` escapes. Numbers stay numbers (1.0 reads back as 1.0), so the
    stored rows read back as the file gave them; NaN, which JSON cannot hold, becomes null.

    Django calls ``json.dumps(value, cls=CellEncoder)``, which hands the work to ``encode``; it is
    done by orjson, four times faster than the standard encoder on a 20,000-line list (the
    standard decoder is as fast as orjson's, so CellDecoder keeps it)."""

    def encode(self, value) -> str:
        return orjson.dumps(value, default=self.default, option=orjson.OPT_PASSTHROUGH_DATETIME).decode()

    def default(self, value):
        if isinstance(value, dt.datetime):
            return {"d": value.date().isoformat()}
        if isinstance(value, dt.date):
            return {"d": value.isoformat()}
        return str(value)


class CellDecoder(json.JSONDecoder):
    """Reads what CellEncoder wrote: the tagged dates become ``date`` objects again. A kept
    20,000-line list is a few hundred thousand objects, so the cyclic collector is paused while
    they are made (core.memory)."""

    def __init__(self, *args, **kwargs):
        kwargs["object_hook"] = from_json_cell
        super().__init__(*args, **kwargs)

    def decode(self, text, *args, **kwargs):
        with collector_paused():
            return super().decode(text, *args, **kwargs)


def to_json_cell(value):
    """A raw cell as JSON (dates tagged), so a stored preview re-reads exactly as uploaded."""
    if type(value) is str:
        return value
    if isinstance(value, dt.datetime):
        return {"d": value.date().isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def from_json_cell(value):
    if isinstance(value, dict) and "d" in value:
        return dt.date.fromisoformat(value["d"])
    return value
