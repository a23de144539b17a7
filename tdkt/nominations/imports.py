"""Importing a nominee list (Excel, OpenDocument or a Word table) into a dossier.

upload → ``start_import`` reads the file, finds the header and matches the columns, and keeps
everything in an ImportBatch (nothing touches the dossier) → ``check_batch`` checks every row
(award against the catalogue in force, dates, duplicates in the file, already in the dossier,
the person matched by national ID or civil-servant code, else by folded name and birth date,
uncertain matches left to the user's choice) → ``confirm_batch`` saves every valid row in one
transaction with the same checks as adding a nominee by hand (services._require_editable,
scope, services._check_entry), and reports the rest. Rows already in the dossier are skipped,
so importing the same file twice creates nothing new.

The check works a column at a time, once per distinct cell, and rows are saved in bulk (multi-row
INSERTs, values given by column): a 20,000-line list is checked and saved in under 5× the time
calamine takes to read it (benchmarks/import_nominees.py; docs/import-export.md says how).
"""

from __future__ import annotations

import re
import sqlite3
import time
from contextlib import closing, contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import chain, zip_longest

import orjson
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.catalogue.models import CatalogueEntry
from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.core.memory import collector_paused
from tdkt.core.spreadsheets import (
    CellError, PartialDate, SheetError, cell_text, fingerprint, limits, locate_header, parse_date, read_tables,
)
from tdkt.core.text import fold, fold_many, tidy_many
from tdkt.nominations import services
from tdkt.nominations.models import Dossier, ImportBatch, Nomination, TimelineEvent
from tdkt.organizations.models import Gender, Person, Unit
from tdkt.organizations.scope import in_scope

# Field → (label shown in the column select, header variants as units write them).
# Variants are compared folded (no diacritics, no punctuation), so "Ho va ten" matches too.
FIELDS: dict[str, tuple] = {
    "ignore": (gettext_lazy("Not imported"), ["STT", "TT", "Số TT", "Số thứ tự", "Ghi chú"]),
    "full_name": (gettext_lazy("Full name"), ["Họ và tên", "Họ tên", "Họ, tên", "Tên", "Họ và tên cá nhân",
                                               "Họ và tên người được đề nghị", "Cá nhân"]),
    "birth_date": (gettext_lazy("Date of birth"), ["Ngày sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh",
                                                    "Sinh ngày"]),
    "birth_year": (gettext_lazy("Year of birth"), ["Năm sinh"]),
    "birth_male": (gettext_lazy("Birth (column “Nam”: a man)"),
                   ["Năm sinh Nam", "Ngày sinh Nam", "Ngày tháng năm sinh Nam", "Nam"]),
    "birth_female": (gettext_lazy("Birth (column “Nữ”: a woman)"),
                     ["Năm sinh Nữ", "Ngày sinh Nữ", "Ngày tháng năm sinh Nữ", "Nữ"]),
    "gender": (gettext_lazy("Gender"), ["Giới tính", "Nam/Nữ", "Nam, nữ", "Phái"]),
    "ethnicity": (gettext_lazy("Ethnicity"), ["Dân tộc"]),
    "national_id": (gettext_lazy("National ID number"),
                    ["Số CCCD", "CCCD", "Số căn cước", "Số căn cước công dân", "Số định danh",
                     "Số định danh cá nhân", "Số CMND", "CMND", "CMND/CCCD", "Số CMND/CCCD"]),
    "civil_servant_code": (gettext_lazy("Civil servant code"),
                           ["Mã cán bộ", "Mã số cán bộ", "Mã CBCCVC", "Mã CB", "Mã công chức", "Mã viên chức",
                            "Mã số công chức"]),
    "position_text": (gettext_lazy("Position and unit"),
                      ["Chức vụ, đơn vị công tác", "Chức vụ, đơn vị", "Chức vụ và đơn vị công tác",
                       "Chức vụ - đơn vị công tác", "Chức vụ, nơi công tác", "Chức danh, đơn vị công tác"]),
    "position": (gettext_lazy("Position"), ["Chức vụ", "Chức danh", "Chức vụ/chức danh", "Chức vụ, chức danh"]),
    "unit_name": (gettext_lazy("Unit"), ["Đơn vị", "Đơn vị công tác", "Nơi công tác", "Cơ quan, đơn vị",
                                         "Cơ quan công tác"]),
    "entry": (gettext_lazy("Title / form proposed"),
              ["Hình thức khen thưởng", "Danh hiệu", "Danh hiệu thi đua", "Hình thức đề nghị", "Danh hiệu đề nghị",
               "Hình thức khen thưởng đề nghị", "Danh hiệu, hình thức khen thưởng", "Đề nghị khen thưởng",
               "Hình thức khen"]),
    "achievement_summary": (gettext_lazy("Achievement summary"),
                            ["Thành tích", "Tóm tắt thành tích", "Thành tích tiêu biểu", "Tóm tắt thành tích đạt được",
                             "Nội dung thành tích", "Thành tích đạt được"]),
}
ALIASES = {name: variants for name, (_label, variants) in FIELDS.items()}
# The blank template: the headers in this order, and one example row.
TEMPLATE_COLUMNS = [("STT", 6), ("Họ và tên", 26), ("Ngày sinh", 12), ("Giới tính", 9), ("Dân tộc", 10),
                    ("Số CCCD", 16), ("Mã cán bộ", 12), ("Chức vụ, đơn vị công tác", 36),
                    ("Hình thức khen thưởng", 28), ("Tóm tắt thành tích", 50)]
TEMPLATE_EXAMPLE = [1, "Nguyễn Thị Đào", date(1980, 5, 17), "Nữ", "Kinh", "020180001234", "",
                    "Giáo viên, Trường THPT Việt Bắc", "Lao động tiên tiến",
                    "Hoàn thành xuất sắc nhiệm vụ năm học; có sáng kiến được công nhận cấp cơ sở"]

ROW = ""   # key of the messages about the whole row

# Seconds per phase of the last imports, when a caller (benchmarks/import_nominees.py) sets a dict here.
PHASE_TIMES: dict[str, float] | None = None


@contextmanager
def _phase(name: str):
    if PHASE_TIMES is None:
        yield
        return
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        spent = PHASE_TIMES.setdefault(name, [0.0, 0.0])
        spent[0] += time.perf_counter() - wall
        spent[1] += time.process_time() - cpu


def field_choices():
    return [("", _("— not imported —"))] + [(name, str(label)) for name, (label, _v) in FIELDS.items()
                                              if name != "ignore"]


# --- Upload -----------------------------------------------------------------------------------

def _require_clerk_of(dossier: Dossier, actor) -> None:
    """The same access as adding a nominee by hand: the clerk of the unit, while editable."""
    services._require_editable(dossier, actor)


def start_import(dossier: Dossier, *, actor, uploaded=None, data: bytes | None = None, filename: str = "",
                 options: dict | None = None) -> ImportBatch:
    """Read the file and keep it, matched, as a batch to preview; the dossier is not touched."""
    _require_clerk_of(dossier, actor)
    limit = limits("nominees")
    if uploaded is not None:
        filename = uploaded.name
        if uploaded.size > limit.max_bytes:  # refused before reading it into memory
            raise SheetError(_("“%(name)s” is %(size)s MB; the limit for this import is %(limit)s MB.") % {
                "name": filename, "size": round(uploaded.size / 1048576, 1),
                "limit": round(limit.max_bytes / 1048576)}, field="file", code="too_large")
        data = uploaded.read()
    with collector_paused():
        return _keep_batch(dossier, actor, data, filename, limit, options)


def _keep_batch(dossier, actor, data, filename, limit, options) -> ImportBatch:
    with _phase("read"):
        tables = read_tables(data, filename, limit=limit)
    with _phase("header"):
        header = locate_header(tables, ALIASES, required=("full_name",), filename=filename)
    with _phase("batch keep"):
        # The cells are kept as calamine gave them; ImportBatch.rows' encoder writes the dates.
        rows = list(header.data_rows)   # (line, cells) pairs
    if not rows:
        raise SheetError(_("“%(name)s” has a header but no nominee under it.") % {"name": filename},
                         field="file", code="empty")
    if len(rows) > limit.max_rows:
        raise SheetError(_("“%(name)s” lists %(count)s nominees; the limit is %(limit)s. Split it into several "
                           "files.") % {"name": filename, "count": len(rows), "limit": limit.max_rows},
                         field="file", code="too_many_rows")
    mapping = [name if name and name != "ignore" else "" for name in header.fields]
    with _phase("batch keep"):
        return ImportBatch.objects.create(
            dossier=dossier, created_by=actor, file_name=filename[:255], fingerprint=fingerprint(data),
            sheet_name=str(header.table.name)[:100], header_line=header.last_row + 1, labels=header.labels,
            mapping=mapping, rows=rows, options=options or {})


def earlier_import(batch: ImportBatch) -> ImportBatch | None:
    """The confirmed import of the same file into the same dossier, if any."""
    return (ImportBatch.objects.filter(dossier=batch.dossier_id, fingerprint=batch.fingerprint,
                                       state=ImportBatch.State.CONFIRMED).exclude(pk=batch.pk).first())


def set_mapping(batch: ImportBatch, mapping: list[str]) -> None:
    valid = set(FIELDS) - {"ignore"}
    batch.mapping = [name if name in valid else "" for name in mapping][:len(batch.labels)]
    batch.mapping += [""] * (len(batch.labels) - len(batch.mapping))
    batch.save(update_fields=["mapping", "updated_at"])


def set_choices(batch: ImportBatch, choices: dict[str, str]) -> None:
    for line, choice in choices.items():
        if choice in ("", None):
            batch.choices.pop(str(line), None)
        elif choice in ("new", "skip") or (choice.startswith("person:") and choice[7:].isdigit()):
            batch.choices[str(line)] = choice
    batch.save(update_fields=["choices", "updated_at"])


# --- Checking ---------------------------------------------------------------------------------

class _SharedEmpty(dict):
    """An empty dict shared by many lines, so read-only: the messages of a line that has none
    (yet; RowCheck.error and .warn give the line its own dict at its first message)."""

    def _refuse(self, *args, **kwargs):
        raise TypeError("this empty dict is shared by many lines; use RowCheck.error/warn")

    __setitem__ = __delitem__ = setdefault = update = pop = popitem = clear = _refuse
    __hash__ = object.__hash__   # a dataclass default must be hashable; there is one instance


NO_MESSAGES = _SharedEmpty()
NO_TEXTS = _SharedEmpty()


@dataclass(slots=True)
class RowCheck:
    line: int
    # What the line says, per field, as text: column ``texts[field]`` at ``index``. The columns
    # are shared by every line of the check (see ``values``), so no dict is made per line.
    index: int = 0
    texts: dict[str, list[str]] = NO_TEXTS
    # Per field ("" = the row). Most lines have no message: they share one empty read-only
    # mapping until their first, which spares 40,000 dicts on a 20,000-line list.
    errors: dict[str, list[str]] = NO_MESSAGES
    warnings: dict[str, list[str]] = NO_MESSAGES
    status: str = "new"            # new | matched | uncertain | present | duplicate | skipped | invalid
    person: KnownPerson | None = None
    candidates: list[KnownPerson] | tuple = ()   # set to a list when the person is uncertain
    folded_name: str = ""
    person_id: int | None = None   # of a person registered by the import
    entry: CatalogueEntry | None = None
    birth: PartialDate = PartialDate()
    gender: str = ""
    identity: tuple = ()
    unit: Unit | None = None
    choice: str = ""

    def error(self, name: str, message: str) -> None:
        if self.errors is NO_MESSAGES:
            self.errors = {}
        self.errors.setdefault(name, []).append(message)

    def warn(self, name: str, message: str) -> None:
        if self.warnings is NO_MESSAGES:
            self.warnings = {}
        self.warnings.setdefault(name, []).append(message)

    @property
    def values(self) -> dict[str, str]:
        """The line's text per field (a new dict each time: for the preview's page and tests)."""
        return {name: column[self.index] for name, column in self.texts.items()}

    @property
    def valid(self) -> bool:
        return not self.errors and self.status in ("new", "matched")

    @property
    def messages(self):
        """(field, "error"|"warning", text) for the preview."""
        for name, texts in self.errors.items():
            for text in texts:
                yield name, "error", text
        for name, texts in self.warnings.items():
            for text in texts:
                yield name, "warning", text


@dataclass
class Preview:
    rows: list[RowCheck]
    mapping: list[str]
    texts: dict[str, list[str]] = field(default_factory=dict)   # every line's text per field

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status and (status not in ("new", "matched") or row.valid))

    @property
    def valid_rows(self):
        return [row for row in self.rows if row.valid]

    @property
    def invalid_count(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    @property
    def uncertain_count(self) -> int:
        return sum(1 for row in self.rows if row.status == "uncertain" and not row.errors)


class Catalogue:
    """The titles and forms in force for people, matched by name, code or the words of the name."""

    def __init__(self, dossier: Dossier, on: date):
        self.dossier = dossier
        self.entries = list(CatalogueEntry.objects.in_force(on).filter(for_person=True))
        self.by_key: dict[str, CatalogueEntry] = {}
        for entry in self.entries:
            for key in (fold(entry.name), fold(entry.code), fold(entry.code.replace("_", " "))):
                self.by_key.setdefault(key, entry)
        self._cache: dict[str, tuple] = {}
        self._checked: dict[int, str] = {}

    def match(self, text: str) -> tuple[CatalogueEntry | None, str]:
        """(entry, "" or a warning) — or (None, error message)."""
        if text in self._cache:
            return self._cache[text]
        key = fold(text)
        entry, note = self.by_key.get(key) or self.by_key.get(key.replace(" ", "")), ""
        if entry is None:
            words = set(key.split())
            found = [e for e in self.entries if words and words <= set(fold(e.name).split())]
            if len(found) == 1:
                entry = found[0]
                note = _("read as “%(name)s”") % {"name": entry.name}
            else:
                note = _("“%(text)s” is not a title or form in force for individuals") % {"text": text}
        if entry is not None:
            problem = self.problem(entry)
            if problem:
                entry, note = None, problem
        self._cache[text] = (entry, note)
        return entry, note

    def problem(self, entry: CatalogueEntry) -> str:
        if entry.pk not in self._checked:
            try:
                services._check_entry(entry, Person(), self.dossier)
                self._checked[entry.pk] = ""
            except DomainError as error:
                self._checked[entry.pk] = str(error.message)
        return self._checked[entry.pk]


@dataclass(slots=True, eq=False)
class KnownPerson:
    """A registered person as the check needs it (read as plain values: 20,000 model instances
    would cost more than the whole check)."""

    pk: int
    full_name: str
    search_name: str
    birth_date: date | None
    birth_year: int | None
    national_id: str | None
    civil_servant_code: str | None
    unit_id: int
    unit_path: str
    unit_name: str

    def __eq__(self, other):
        return getattr(other, "pk", None) == self.pk

    def __hash__(self):
        return hash(self.pk)


_KNOWN_FIELDS = ("pk", "full_name", "search_name", "birth_date", "birth_year", "national_id", "civil_servant_code",
                 "unit_id")


def _people_by(field_name: str, values, known: dict[int, KnownPerson], units: dict[int, tuple]) -> dict:
    """Registered people whose ``field_name`` is one of ``values``, by that value.

    Plain SQL with the values as one parameter (a JSON array unpacked by SQLite, an array for
    PostgreSQL): the ORM resolves each of thousands of IN parameters one by one, which costs more
    than the query. On SQLite the birth date is read as text and parsed here: the driver's date
    converter is a Python call per row, several times dearer than date.fromisoformat."""
    found: dict = {}
    values = list(set(values))
    if not values:
        return found
    connection = connections[DEFAULT_DB_ALIAS]
    quote = connection.ops.quote_name
    meta = Person._meta
    sqlite = connection.vendor == "sqlite"
    columns = ", ".join(
        f"CAST({quote(meta.get_field(name).column)} AS TEXT)" if sqlite and name == "birth_date"
        else quote(meta.get_field("id" if name == "pk" else name).column) for name in _KNOWN_FIELDS)
    column = quote(meta.get_field(field_name).column)
    matching = "IN (SELECT value FROM json_each(%s))" if sqlite else "= ANY(%s)"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {quote(meta.db_table)} WHERE {column} {matching}",
                       [orjson.dumps(values).decode() if sqlite else values])
        fetched = cursor.fetchall()
    read_date = date.fromisoformat if sqlite else None
    for values_row in fetched:
        person = known.get(values_row[0])
        if person is None:
            unit_path, unit_name = units[values_row[7]]
            person = known[values_row[0]] = KnownPerson(*values_row, unit_path, unit_name)
            if read_date and person.birth_date:
                person.birth_date = read_date(person.birth_date)
        found.setdefault(getattr(person, field_name), []).append(person)
    return found


@lru_cache(maxsize=256)
def _gender(text: str) -> str | None:
    key = text.lower() if text.isascii() else fold(text)
    if key in ("nam", "male", "m", "trai"):
        return Gender.MALE
    if key in ("nu", "female", "f", "gai"):
        return Gender.FEMALE
    return None


def _read_national_id(raw) -> tuple[str, str, str]:
    """(the number, an error, a warning) read from one national-ID cell."""
    text = cell_text(raw).replace(" ", "").replace(".", "")
    if not text:
        return "", "", ""
    if not text.isdigit():
        return "", _("the national ID number must contain digits only"), ""
    warning = ""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and len(text) == 11:
        # A spreadsheet stored the 12-digit number as a number and dropped its leading zero.
        text = "0" + text
        warning = _("read as %(number)s (the leading zero was lost in the spreadsheet)") % {"number": text}
    if len(text) not in (9, 12):
        return "", _("a national ID number has 12 digits (or 9 for an old ID card)"), warning
    return text, "", warning


def _same_birth(person: KnownPerson, birth: PartialDate) -> bool | None:
    """True/False when both sides know enough to compare; None when either does not."""
    if not birth or (person.birth_date is None and person.birth_year is None):
        return None
    if birth.day and person.birth_date:
        return birth.day == person.birth_date
    return birth.year == (person.birth_year or person.birth_date.year)


def person_label(person: KnownPerson) -> str:
    born = person.birth_date.strftime("%d/%m/%Y") if person.birth_date else (person.birth_year or "?")
    return _("%(name)s, born %(born)s, %(unit)s") % {"name": person.full_name, "born": born,
                                                      "unit": person.unit_name}


def check_batch(batch: ImportBatch, *, actor) -> Preview:
    """Every row of the batch checked against the database as it is now (nothing is written)."""
    dossier = batch.dossier
    today = timezone.localdate()
    catalogue = Catalogue(dossier, today)
    options = batch.options or {}
    default_entry = catalogue.match(options["entry"])[0] if options.get("entry") else None
    default_summary = (options.get("summary") or "").strip()
    columns = [(index, name) for index, name in enumerate(batch.mapping) if name]
    scope_units = Unit.objects.all() if actor.spans_province else Unit.objects.filter(
        path__startswith=actor.unit.path)
    units_by_name = {}
    for unit in scope_units.only("pk", "name", "short_name", "search_name", "path"):
        units_by_name.setdefault(unit.search_name, unit)
        if unit.short_name:
            units_by_name.setdefault(fold(unit.short_name), unit)

    with collector_paused():
        with _phase("check"):
            rows, texts = _read_rows(batch, columns, catalogue, default_entry, default_summary, units_by_name,
                                     dossier)
        with _phase("match people"):
            _match_people(rows, texts, dossier, actor, batch.choices)
            _mark_duplicates(rows)
    return Preview(rows=rows, mapping=batch.mapping, texts=texts)


def _per_distinct(column: list, read) -> list:
    """``read(cell)`` for every cell of a column, computed once per distinct cell: lists repeat
    most of their cells (award, gender, ethnicity, position, summary, often the birth year).
    True == 1 == 1.0 in a dict, so a column holding booleans is keyed by type as well."""
    if bool in set(map(type, column)):
        results = {key: read(key[1]) for key in dict.fromkeys(zip(map(type, column), column))}
        return [results[key] for key in zip(map(type, column), column)]
    results = {cell: read(cell) for cell in dict.fromkeys(column)}
    return list(map(results.__getitem__, column))


def _column_text(column) -> list[str]:
    """cell_text of every cell of a column, once per distinct cell (text only: all at once)."""
    if set(map(type, column)) <= {str}:
        # A column of names is mostly distinct: tidied whole. Others repeat: their distinct cells.
        distinct = column if len(set(column[:64])) > 48 else list(dict.fromkeys(column))
        tidied = tidy_many(distinct)
        if tidied == list(distinct):   # the usual case: nothing to tidy
            return list(column)
        tidy = dict(zip(distinct, tidied))
        return list(map(tidy.__getitem__, column))
    return _per_distinct(column, cell_text)


_SKIP = object()   # a blank birth cell: nothing to read


def _read_birth(cell) -> PartialDate | str | object:
    """The birth in one cell: a PartialDate, the error as text, or _SKIP for a blank cell (one
    whose cell_text is empty)."""
    if cell is None or cell is False or (type(cell) is str and (not cell or cell.isspace())):
        return _SKIP
    try:
        return parse_date(cell)
    except CellError as error:
        return str(error)


def _read_rows(batch, columns, catalogue, default_entry, default_summary, units_by_name, dossier):
    """Every line read and checked against the catalogue, the units and the rules of each column.

    The work is done per column, once per distinct cell (``_per_distinct``); each line then only
    picks up its cells' results and combines them. Messages are added in the order of the fields
    (name, births, gender, ID, code, unit, award, summary), as the preview shows them."""
    lines = [line for line, _cells in batch.rows]
    count = len(lines)
    blank = [""] * count
    # The sheet turned into its columns (in C); a line shorter than the others reads "" past its end.
    sheet_columns = list(zip_longest(*(cells for _line, cells in batch.rows), fillvalue=""))
    raw = {name: sheet_columns[index] if index < len(sheet_columns) else blank for index, name in columns}
    texts = {name: _column_text(column) for name, column in raw.items()}

    def text_of(name):
        return texts.get(name, blank)

    names = text_of("full_name")
    folded_names = fold_many(names)
    births = [(name, gender, _per_distinct(raw[name], _read_birth))
              for name, gender in (("birth_date", ""), ("birth_year", ""), ("birth_male", Gender.MALE),
                                   ("birth_female", Gender.FEMALE)) if name in raw]
    genders = text_of("gender")
    national_ids = _per_distinct(raw["national_id"], _read_national_id) if "national_id" in raw else None
    codes = text_of("civil_servant_code")
    positions, jobs, unit_names = text_of("position_text"), text_of("position"), text_of("unit_name")
    units = _per_distinct(unit_names, lambda text: units_by_name.get(fold(text)) if text else None)
    entries = _per_distinct(text_of("entry"), lambda text: catalogue.match(text) if text else None)
    # The fields every line has, mapped or not, with the text they are kept with.
    summaries = text_of("achievement_summary")
    if default_summary:
        summaries = [summary or default_summary for summary in summaries]
    texts["full_name"] = names
    texts["national_id"] = text_of("national_id") if national_ids is None else [
        number or text for (number, _error, _warning), text in zip(national_ids, text_of("national_id"))]
    # Position: one column, or "Chức vụ" and "Đơn vị" joined as the hand form writes them.
    texts["position_text"] = [(position or ", ".join(part for part in (job, unit) if part))[:300]
                              for position, job, unit in zip(positions, jobs, unit_names)]
    texts["achievement_summary"] = summaries
    no_unit = _("no unit of this name in your scope; a new person is registered in %(unit)s") % {
        "unit": dossier.unit.name}
    rows: list[RowCheck] = []
    for i in range(count):
        row = RowCheck(lines[i], i, texts)
        name = names[i]
        row.folded_name = folded_names[i]
        if not name:
            row.error("full_name", _("the full name is empty"))
        elif len(name) > 150:
            row.error("full_name", _("the full name is longer than 150 characters"))
        # Birth: a date column, a year column, or the "Nam"/"Nữ" columns under "Năm sinh".
        for source, gender, parsed in births:
            birth = parsed[i]
            if birth is _SKIP:
                continue
            if type(birth) is str:
                row.error(source, birth)
            elif birth and not row.birth:
                row.birth = birth
                row.gender = gender or row.gender
            elif birth and row.birth and birth.year != row.birth.year:
                row.error(source, _("two different births are given (%(a)s and %(b)s)")
                          % {"a": row.birth.display(), "b": birth.display()})
        if genders[i]:
            gender = _gender(genders[i])
            if gender is None:
                row.error("gender", _("write “Nam” or “Nữ”"))
            elif row.gender and gender != row.gender:
                row.error("gender", _("does not match the “Nam”/“Nữ” column"))
            else:
                row.gender = gender
        national_id = ""
        if national_ids is not None:
            national_id, error, warning = national_ids[i]
            if error:
                row.error("national_id", error)
            if warning:
                row.warn("national_id", warning)
        code = codes[i]
        if len(code) > 30:
            row.error("civil_servant_code", _("longer than 30 characters"))
            code = ""
        if national_id:
            row.identity = ("national_id", national_id)
        elif code:
            row.identity = ("civil_servant_code", code)
        elif name:
            row.identity = ("name", row.folded_name, row.birth)   # PartialDate: equal when the display is
        row.unit = units[i]
        if unit_names[i] and row.unit is None:
            row.warn("unit_name", no_unit)
        # The award proposed.
        match = entries[i]
        if match is not None:
            entry, note = match
            if entry is None:
                row.error("entry", note)
            elif note:
                row.warn("entry", note)
            row.entry = entry
        elif default_entry is not None:
            row.entry = default_entry
        else:
            row.error("entry", _("no title or form is given (and no default was chosen)"))
        if not summaries[i]:
            row.error("achievement_summary", _("the achievement summary is empty"))
        rows.append(row)
    return rows, texts


def _match_people(rows: list[RowCheck], texts: dict[str, list[str]], dossier: Dossier, actor, choices: dict) -> None:
    """Existing people: by national ID, by civil-servant code, else by folded name and birth."""
    known: dict[int, KnownPerson] = {}
    units = {pk: (path, name) for pk, path, name in Unit.objects.values_list("pk", "path", "name")}
    by_id = _people_by("national_id", [r.identity[1] for r in rows if r.identity and r.identity[0] == "national_id"],
                       known, units)
    codes = texts.get("civil_servant_code") or [""] * len(rows)
    by_code = _people_by("civil_servant_code", [code for code in codes if code], known, units)
    # Names are looked up only for the lines that no ID number or code identified.
    unidentified = [r.folded_name for r, code in zip(rows, codes) if r.folded_name and not (
        (r.identity and r.identity[0] == "national_id" and r.identity[1] in by_id) or (code and code in by_code))]
    by_name = _people_by("search_name", unidentified, known, units)
    # (person, award) pairs already in the dossier: importing the same file twice adds nothing.
    present = set(Nomination.objects.filter(dossier=dossier, person__isnull=False)
                  .values_list("person_id", "entry__code"))
    # Loop-invariant lookups hoisted: this loop runs once per line (20,000 in the benchmark).
    scope_path = None if actor.spans_province else actor.unit.path
    id_get, code_get, name_get, choice_get = by_id.get, by_code.get, by_name.get, choices.get
    for row, name, national_id, code in zip(rows, texts["full_name"], texts["national_id"], codes):
        if not name:
            continue
        known = (id_get(national_id) if national_id and not row.errors.get("national_id") else None) or (
            code_get(code) if code else None)
        if known:
            row.person, row.status = known[0], "matched"
            if known[0].search_name != row.folded_name:
                row.warn("full_name", _("the record with this number is named %(name)s") % {"name": known[0].full_name})
        else:
            # People of the same folded name; those with another ID number are someone else.
            namesakes = name_get(row.folded_name)
            if namesakes:
                namesakes = [p for p in namesakes
                             if not (national_id and p.national_id and p.national_id != national_id)
                             and not (code and p.civil_servant_code and p.civil_servant_code != code)]
                same = [p for p in namesakes if _same_birth(p, row.birth)]
                if len(same) == 1:
                    row.person, row.status = same[0], "matched"
                elif namesakes:
                    row.status, row.candidates = "uncertain", same or namesakes
        row.choice = choice_get(str(row.line), "") if choices else ""
        if row.status == "uncertain":
            picked = {f"person:{p.pk}": p for p in row.candidates}
            if row.choice in picked:
                row.person, row.status = picked[row.choice], "matched"
            elif row.choice == "new":
                row.status = "new"
            else:
                row.warn(ROW, _("someone of this name is already registered: choose who this is, or a new person"))
        if row.choice == "skip":
            row.status = "skipped"
        person = row.person
        if person is not None:
            if scope_path is not None and not person.unit_path.startswith(scope_path):
                row.error("full_name", _("%(person)s belongs to %(unit)s, outside your scope")
                          % {"person": person.full_name, "unit": person.unit_name})
            if present and row.entry is not None and (person.pk, row.entry.code) in present:
                row.status = "present"
                row.warn(ROW, _("already in the dossier for %(entry)s: skipped") % {"entry": row.entry.name})


def _mark_duplicates(rows: list[RowCheck]) -> None:
    seen: dict[tuple, int] = {}
    for row in rows:
        if row.status in ("skipped",) or not row.identity or row.entry is None:
            continue
        key = (("person", row.person.pk) if row.person is not None else row.identity, row.entry.code)
        if key in seen:
            row.status = "duplicate"
            row.error(ROW, _("the same nominee and award as line %(line)d") % {"line": seen[key]})
        else:
            seen[key] = row.line


# --- Confirming -------------------------------------------------------------------------------

@dataclass
class ImportResult:
    added: int
    new_people: int
    skipped: list[tuple[int, str]]    # (line, why)


def confirm_batch(batch: ImportBatch, *, actor) -> ImportResult:
    """Save every valid row in one transaction (all or nothing) and report the others."""
    if batch.state != ImportBatch.State.PREVIEW:
        raise DomainError(_("This import was already confirmed or cancelled."), code="wrong_state")
    with collector_paused():
        # The checked rows are dropped when _confirm returns, still inside this block, so the
        # collector does not walk them once it resumes.
        return _confirm(batch, actor)


def _confirm(batch: ImportBatch, actor) -> ImportResult:
    with transaction.atomic():
        dossier = services._locked(batch.dossier)
        _require_clerk_of(dossier, actor)
        batch.dossier = dossier
        preview = check_batch(batch, actor=actor)
        valid = preview.valid_rows
        # Scope is checked per row in check_batch; new people go to units in scope.
        new_units = {row.unit or dossier.unit for row in valid if row.person is None}
        if not all(in_scope(actor, unit) for unit in new_units):
            raise PermissionDenied(_("You can only register people in your unit and the units under it."))
        with _phase("save people"):
            created = _create_people(valid, preview.texts, dossier)
        with _phase("save nominations"):
            _insert(Nomination, _nomination_columns(valid, preview.texts),
                    constants={"dossier_id": dossier.pk, "period_from_year": dossier.year,
                               "period_to_year": dossier.year})
        skipped = [(row.line, _why(row)) for row in preview.rows if not row.valid]
        note = _("%(count)d nominee(s) imported from “%(file)s” (%(new)d newly registered); %(skipped)d line(s) "
                 "not imported.") % {"count": len(valid), "file": batch.file_name, "new": created,
                                     "skipped": len(skipped)}
        TimelineEvent.objects.create(dossier=dossier, event_type="nomination.imported", actor=actor, note=note)
        batch.state = ImportBatch.State.CONFIRMED
        batch.confirmed_at = timezone.now()
        batch.result = {"added": len(valid), "new_people": created,
                        "skipped": [[line, why] for line, why in skipped]}
        batch.rows = []   # personal data is not kept once imported; the fingerprint and report are
        with _phase("batch clear"):
            batch.save(update_fields=["state", "confirmed_at", "result", "rows", "updated_at"])
    return ImportResult(added=len(valid), new_people=created, skipped=skipped)


def cancel_batch(batch: ImportBatch, *, actor) -> None:
    _require_clerk_of(batch.dossier, actor)
    if batch.state == ImportBatch.State.PREVIEW:
        batch.state = ImportBatch.State.CANCELLED
        batch.rows = []   # the cells are personal data: not kept once the import is abandoned
        batch.save(update_fields=["state", "rows", "updated_at"])


def _why(row: RowCheck) -> str:
    if row.status == "present":
        return _("already in the dossier")
    if row.status == "skipped":
        return _("skipped at your choice")
    if row.errors:
        return "; ".join(text for texts in row.errors.values() for text in texts)
    if row.status == "uncertain":
        return _("uncertain person: no choice made")
    return row.status


# Field classes whose Python value is already what the database stores: no per-value conversion.
_PLAIN_FIELDS = (models.CharField, models.TextField, models.IntegerField, models.BooleanField, models.ForeignKey)


def _insert(model, columns: dict[str, list], *, constants: dict | None = None, returning: bool = False) -> list[int]:
    """INSERT plain values, given a column at a time (``{attname: [value of each row]}``;
    ``constants`` the same value on every row; every other column at its default), returning the
    new ids in row order when asked. The ORM's bulk_create prepares every field of every object
    one by one, which for 20,000 lines costs more than reading the file; this prepares only the
    columns that need it (dates) and binds the values that are the same on every row (defaults,
    timestamps, the dossier) once, not once per row. Nothing here bypasses a check: the rows come
    from check_batch, and these models have no save() logic beyond what the caller fills in."""
    count = len(next(iter(columns.values()), ()))
    if not count:
        return []
    db = connections[DEFAULT_DB_ALIAS]   # django.db.connection is a proxy: one thread-local lookup per use
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    by_attname = {f.attname: f for f in fields}
    varying = [by_attname[attname] for attname in columns]
    fixed = {}
    for f in fields:
        if f.attname in columns:
            continue
        if constants and f.attname in constants:
            value = constants[f.attname]
        elif isinstance(f, models.DateTimeField) and (f.auto_now or f.auto_now_add):
            value = now
        elif f.has_default():
            value = f.get_default()
        elif f.null or f.blank:
            value = None if f.null else ""
        else:
            raise ValueError(f"{model.__name__}.{f.attname}: no value given and no default")
        fixed[f] = value if value is None or isinstance(f, _PLAIN_FIELDS) else f.get_db_prep_save(value, db)
    # Only the columns that need it (dates) are prepared; the rest go as they are.
    prepared = []
    for f, column in zip(varying, columns.values()):
        if isinstance(f, _PLAIN_FIELDS):
            prepared.append(column)
        elif isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField):
            adapt = db.ops.adapt_datefield_value   # the values are dates already: no to_python per value
            prepared.append([value if value is None else adapt(value) for value in column])
        else:
            prepared.append([value if value is None else f.get_db_prep_save(value, db) for value in column])
    with db.cursor() as cursor:
        insert = _insert_sqlite if db.vendor == "sqlite" else _insert_postgresql
        return insert(cursor, db, model, varying, fixed, prepared, count, returning)


def _insert_sqlite(cursor, db, model, varying, fixed, columns, count, returning) -> list[int]:
    """SQLite: multi-row VALUES, as many rows per statement as SQLite takes parameters; the
    constants are bound once per statement (``SELECT …, %s FROM (VALUES …)``). Binding plain
    tuples this way is cheaper than executemany (one statement run per row) and than unpacking a
    JSON array in SQL (json_each, json_extract per cell).

    When the ids are wanted they are given explicitly, following the table's AUTOINCREMENT
    counter: the transaction holds SQLite's write lock (BEGIN IMMEDIATE), so nobody else can take
    them meanwhile, and a clash would fail loudly on the primary key rather than mismatch rows.
    SQLite moves its counter past explicit ids, so deleted ids are never reused."""
    quote = db.ops.quote_name
    table, pk = model._meta.db_table, model._meta.pk
    ids: list[int] = []
    if returning:
        cursor.execute(f"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0), "
                       f"COALESCE((SELECT MAX({quote(pk.column)}) FROM {quote(table)}), 0))", [table])
        first = cursor.fetchone()[0] + 1
        ids = list(range(first, first + count))
        columns = [ids, *columns]
        varying = [pk, *varying]
    values = list(zip(*columns))   # one tuple per row
    # Django's cursor turns every "%s" into "?" with a regular expression: 30 ms over the 100,000
    # placeholders of a 20,000-line import. So the statement goes to the driver's own cursor in
    # its "?" style, with Django's error translation; when Django is recording or wrapping
    # queries (DEBUG, a test counting them), it goes through Django's cursor like any other.
    direct = not (db.queries_logged or db.execute_wrappers)
    mark = "?" if direct else "%s"
    names = ", ".join(quote(f.column) for f in (*varying, *fixed))
    picks = ", ".join(f"column{index}" for index in range(1, len(varying) + 1))
    fixed_marks = "".join(f", {mark}" for _f in fixed)
    per_row = "(" + ", ".join([mark] * len(varying)) + ")"
    # SQLite's own limit on parameters (Python 3.11+ can read it), kept under the common 32,766.
    limit = min(db.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER), 32766)
    size = max(1, (limit - len(fixed)) // len(varying))
    with closing(db.connection.cursor()) if direct else nullcontext(cursor) as target, db.wrap_database_errors:
        for start in range(0, len(values), size):
            chunk = values[start:start + size]
            target.execute(f"INSERT INTO {quote(table)} ({names}) SELECT {picks}{fixed_marks} FROM "
                           f"(VALUES {', '.join([per_row] * len(chunk))})",
                           [*fixed.values(), *chain.from_iterable(chunk)])
    return ids


def _insert_postgresql(cursor, db, model, varying, fixed, columns, count, returning) -> list[int]:
    """PostgreSQL: one statement whatever the number of rows, one array per varying column
    (unnest), the constants bound once. The ids are taken from the table's sequence first and
    inserted explicitly, so they are known in row order without relying on the order of RETURNING."""
    quote = db.ops.quote_name
    pk = model._meta.pk
    ids: list[int] = []
    if returning:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                       [model._meta.db_table, pk.column, count])
        ids = [row_id for (row_id,) in cursor.fetchall()]
        varying = [pk, *varying]
    arrays = ([ids] if returning else []) + [list(column) for column in columns]
    names = ", ".join(quote(f.column) for f in (*varying, *fixed))
    # Casts without the length ("varchar", not "varchar(50)"): an explicit cast would cut a too
    # long text silently, the assignment into the column refuses it.
    unnest = ", ".join(f"%s::{_bare_type(f, db)}[]" for f in varying)
    constants_sql = "".join(f", %s::{_bare_type(f, db)}" for f in fixed)
    cursor.execute(f"INSERT INTO {quote(model._meta.db_table)} ({names}) SELECT u.*{constants_sql} "
                   f"FROM unnest({unnest}) AS u", [*fixed.values(), *arrays])   # in the order of the placeholders
    return ids


def _bare_type(f, db) -> str:
    return re.sub(r"\(.*\)", "", f.db_type(db))


def _create_people(rows: list[RowCheck], texts: dict[str, list[str]], dossier: Dossier) -> int:
    """One new Person per identity (the same new person on two lines is registered once).
    Person.save() normally folds the name and turns blank identifiers into NULL: done here."""
    first: dict[tuple, RowCheck] = {}   # identity → the first line that names this new person
    for row in rows:
        if row.person is None and row.identity not in first:
            first[row.identity] = row
    if not first:
        return 0
    new = list(first.values())
    at = [row.index for row in new]
    blank = [""] * len(texts["full_name"])

    def text(name):
        column = texts.get(name, blank)
        return [column[index] for index in at]

    ids = _insert(Person, {
        "full_name": text("full_name"),
        "search_name": [row.folded_name for row in new],
        "gender": [row.gender or "" for row in new],
        "birth_date": [row.birth.day for row in new],
        "birth_year": [row.birth.year for row in new],
        "national_id": [number or None for number in text("national_id")],
        "civil_servant_code": [code or None for code in text("civil_servant_code")],
        "ethnicity": [ethnicity or "Kinh" for ethnicity in text("ethnicity")],
        "position": [position[:200] for position in text("position")],
        "unit_id": [(row.unit or dossier.unit).pk for row in new],
    }, returning=True)
    person_ids = dict(zip(first, ids))
    for row in rows:
        if row.person is None:
            row.person_id = person_ids[row.identity]
    return len(new)


def _nomination_columns(rows: list[RowCheck], texts: dict[str, list[str]]) -> dict[str, list]:
    summaries, positions = texts["achievement_summary"], texts["position_text"]
    return {"entry_id": [row.entry.pk for row in rows],
            "person_id": [row.person.pk if row.person else row.person_id for row in rows],
            "achievement_summary": [summaries[row.index] for row in rows],
            "position_text": [positions[row.index] for row in rows]}   # cut to 300 when read


def import_file(dossier: Dossier, *, actor, data: bytes, filename: str, choices=None, options=None) -> ImportResult:
    """Upload and confirm in one go (scripts, the benchmark): the same checks as the pages."""
    batch = start_import(dossier, actor=actor, data=data, filename=filename, options=options)
    if choices:
        set_choices(batch, choices)
    return confirm_batch(batch, actor=actor)


def template_rows():
    return [TEMPLATE_EXAMPLE]

