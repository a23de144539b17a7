"""Historical archive import: the decisions of the years before the system and their awardees.

One line of the sheet is one awardee: decision number, date, signer, award, name, unit, year
(and optionally the birth date, position, signer's title). Lines of the same decision (issuer,
number, date) make one Decision (source "imported"), recorded through services.record_decision;
each awardee is granted through services.grant_award (certificate order, money on the decision
date). Units are matched by folded name or short name among all units, dissolved ones included,
since awardees were in units that may no longer exist; people by folded name (and birth date
when given) within that unit, else registered in it.

As with nominees: ``read_archive`` parses and checks without writing; the parsed lines are kept
server-side (a private file named by a random token, ``PreviewStore``) between the preview and
the confirmation; ``confirm_archive`` saves every valid line in one transaction. An award that
already exists (same decision, person, award and year) is skipped, so importing the same file
twice creates nothing new.
"""

import json
import secrets
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.catalogue.models import Authority, CatalogueEntry
from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.core.spreadsheets import (
    CellError, PartialDate, cell_text, fingerprint, from_json_cell, limits, locate_header, parse_date, parse_year,
    read_tables, to_json_cell,
)
from tdkt.core.text import fold
from tdkt.decisions import services
from tdkt.decisions.models import AchievementKind, Award, Decision
from tdkt.decisions.services import DECISION_NUMBER
from tdkt.organizations.models import Collective, Person, Unit

IMPORT_ROLES = frozenset({"board_officer", "admin"})

FIELDS: dict[str, tuple] = {
    "ignore": (gettext_lazy("Not imported"), ["STT", "TT", "Số TT", "Ghi chú"]),
    "number": (gettext_lazy("Decision number"), ["Số quyết định", "Số QĐ", "Số, ký hiệu", "Số ký hiệu",
                                                 "Số hiệu quyết định", "Quyết định số"]),
    "issued_on": (gettext_lazy("Decision date"), ["Ngày quyết định", "Ngày QĐ", "Ngày ký", "Ngày ban hành",
                                                  "Ngày tháng năm quyết định"]),
    "signer_name": (gettext_lazy("Signed by"), ["Người ký", "Người ký quyết định", "Lãnh đạo ký"]),
    "signer_title": (gettext_lazy("Signer's title"), ["Chức vụ người ký"]),
    "entry": (gettext_lazy("Title / form"), ["Hình thức khen thưởng", "Danh hiệu", "Danh hiệu thi đua",
                                             "Hình thức", "Danh hiệu, hình thức khen thưởng"]),
    "full_name": (gettext_lazy("Awardee"), ["Họ và tên", "Họ tên", "Tên cá nhân, tập thể", "Cá nhân, tập thể",
                                            "Tên tập thể", "Người được khen thưởng"]),
    "birth_date": (gettext_lazy("Date of birth"), ["Ngày sinh", "Năm sinh", "Ngày tháng năm sinh"]),
    "position_text": (gettext_lazy("Position, unit (as written in the decision)"),
                      ["Chức vụ, đơn vị công tác", "Chức vụ", "Chức vụ, đơn vị"]),
    "unit_name": (gettext_lazy("Unit at the time"), ["Đơn vị", "Đơn vị công tác", "Cơ quan, đơn vị", "Nơi công tác"]),
    "year": (gettext_lazy("Year"), ["Năm", "Năm khen thưởng", "Năm thành tích", "Năm đạt"]),
}
ALIASES = {name: variants for name, (_label, variants) in FIELDS.items()}
REQUIRED = ("number", "issued_on", "entry", "full_name", "unit_name")
TEMPLATE_COLUMNS = [("STT", 6), ("Số quyết định", 16), ("Ngày quyết định", 14), ("Người ký", 22),
                    ("Chức vụ người ký", 22), ("Hình thức khen thưởng", 28), ("Họ và tên", 26), ("Ngày sinh", 12),
                    ("Chức vụ, đơn vị công tác", 32), ("Đơn vị", 30), ("Năm", 8)]
TEMPLATE_EXAMPLE = [1, "125/QĐ-UBND", date(2015, 1, 20), "Lý Vinh Quang", "Chủ tịch UBND tỉnh",
                    "Bằng khen của Chủ tịch UBND tỉnh", "Nguyễn Thị Đào", date(1980, 5, 17),
                    "Giáo viên, Trường THPT Việt Bắc", "Trường THPT Việt Bắc", 2014]


# --- Keeping the preview between requests --------------------------------------------------------

class PreviewStore:
    """Parsed lines of an upload, in a private file (not under MEDIA, never served) named by a
    random token; only the user who uploaded it can read it back."""

    @staticmethod
    def _folder() -> Path:
        folder = Path(settings.MEDIA_ROOT).parent / "imports"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    @classmethod
    def save(cls, user, payload: dict) -> str:
        token = secrets.token_urlsafe(18)
        payload = {**payload, "user_id": user.pk}
        (cls._folder() / f"{token}.json").write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        return token

    @classmethod
    def load(cls, user, token: str) -> dict | None:
        if not token or not token.replace("-", "").replace("_", "").isalnum():
            return None
        path = cls._folder() / f"{token}.json"
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return payload if payload.get("user_id") == user.pk else None

    @classmethod
    def update(cls, token: str, payload: dict) -> None:
        (cls._folder() / f"{token}.json").write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def discard(cls, token: str) -> None:
        (cls._folder() / f"{token}.json").unlink(missing_ok=True)


# --- Reading and checking ----------------------------------------------------------------------------

def _require_importer(actor) -> None:
    if actor.role not in IMPORT_ROLES:
        raise PermissionDenied(_("Only the TĐKT Board's officers and administrators import the archive."))


def read_archive(*, actor, data: bytes, filename: str) -> dict:
    """The file read and matched, as a JSON-able payload for PreviewStore (nothing is written)."""
    _require_importer(actor)
    limit = limits("archive")
    tables = read_tables(data, filename, limit=limit)
    header = locate_header(tables, ALIASES, required=("full_name", "number"), filename=filename)
    rows = [[line, [to_json_cell(cell) for cell in cells]] for line, cells in header.data_rows]
    if not rows:
        raise DomainError(_("“%(name)s” has a header but no line under it.") % {"name": filename}, field="file",
                          code="empty")
    if len(rows) > limit.max_rows:
        raise DomainError(_("“%(name)s” has %(count)s lines; the limit is %(limit)s.")
                          % {"name": filename, "count": len(rows), "limit": limit.max_rows}, field="file",
                          code="too_many_rows")
    return {"file_name": filename, "fingerprint": fingerprint(data), "labels": header.labels,
            "mapping": [name if name and name != "ignore" else "" for name in header.fields], "rows": rows,
            "header_line": header.last_row + 1}


@dataclass
class ArchiveRow:
    line: int
    values: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)
    warnings: dict = field(default_factory=dict)
    number: str = ""
    issued_on: date | None = None
    year: int | None = None
    birth: PartialDate = PartialDate()
    entry: CatalogueEntry | None = None
    unit: Unit | None = None
    subject: object = None
    status: str = "new"       # new | existing_person | present | invalid

    def error(self, name, message):
        self.errors.setdefault(name, []).append(message)

    def warn(self, name, message):
        self.warnings.setdefault(name, []).append(message)

    @property
    def valid(self) -> bool:
        return not self.errors and self.status != "present"


class _Entries:
    """The catalogue entry of a name or code as it stood on the decision date (any regime if none)."""

    def __init__(self):
        self.entries = list(CatalogueEntry.objects.all())
        self._cache = {}

    def match(self, text: str, on: date | None) -> CatalogueEntry | None:
        key = (fold(text), on)
        if key not in self._cache:
            folded = fold(text)
            same = [e for e in self.entries if folded in (fold(e.name), fold(e.code), fold(e.code.replace("_", " ")))]
            if not same:
                words = set(folded.split())
                same = [e for e in self.entries if words and words <= set(fold(e.name).split())]
                if len({e.code for e in same}) != 1:
                    same = []
            in_force = [e for e in same if on and (e.valid_from is None or e.valid_from <= on)
                        and (e.valid_to is None or on <= e.valid_to)]
            chosen = in_force or sorted(same, key=lambda e: e.valid_from or date.min)
            self._cache[key] = chosen[0] if chosen else None
        return self._cache[key]


def check_archive(payload: dict, *, issuer: Unit, authority: str) -> list[ArchiveRow]:
    """Every line checked against the database as it is now; nothing is written."""
    entries = _Entries()
    units: dict[str, Unit] = {}
    for unit in Unit.objects.all():  # dissolved units too: the archive predates the reorganisations
        units.setdefault(unit.search_name, unit)
        if unit.short_name:
            units.setdefault(fold(unit.short_name), unit)
    columns = [(i, name) for i, name in enumerate(payload["mapping"]) if name]
    rows = []
    for line, cells in payload["rows"]:
        row = ArchiveRow(line=line)
        raw = {name: from_json_cell(cells[i]) if i < len(cells) else "" for i, name in columns}
        row.values = {name: cell_text(value) for name, value in raw.items()}
        _read(row, raw, entries, units)
        rows.append(row)
    _match_subjects(rows, issuer)
    return rows


def _read(row: ArchiveRow, raw: dict, entries: _Entries, units: dict) -> None:
    for name in REQUIRED:
        if not row.values.get(name):
            row.error(name, _("empty"))
    row.number = "".join(row.values.get("number", "").split())
    if row.number and not DECISION_NUMBER.match(row.number):
        row.error("number", _("not a decision number like 123/QĐ-UBND"))
    try:
        row.issued_on = parse_date(raw.get("issued_on"), earliest=1945).day
        if row.values.get("issued_on") and row.issued_on is None:
            row.error("issued_on", _("give the full date (dd/mm/yyyy)"))
    except CellError as error:
        row.error("issued_on", str(error))
    try:
        row.year = parse_year(raw.get("year")) if row.values.get("year") else None
    except CellError as error:
        row.error("year", str(error))
    if row.year is None and row.issued_on:
        row.year = row.issued_on.year - 1   # an annual award is decided the year after the achievement
        row.warn("year", _("no year given: %(year)d (the year before the decision)") % {"year": row.year})
    try:
        row.birth = parse_date(raw.get("birth_date"))
    except CellError as error:
        row.error("birth_date", str(error))
    if row.values.get("entry"):
        row.entry = entries.match(row.values["entry"], row.issued_on)
        if row.entry is None:
            row.error("entry", _("“%(text)s” is not in the award catalogue") % {"text": row.values["entry"]})
    if row.values.get("unit_name"):
        row.unit = units.get(fold(row.values["unit_name"]))
        if row.unit is None:
            row.error("unit_name", _("no unit of this name (dissolved units included); add it to the unit tree first"))
        elif row.unit.valid_to:
            row.warn("unit_name", _("dissolved on %(day)s") % {"day": row.unit.valid_to.strftime("%d/%m/%Y")})
    if not row.values.get("signer_name"):
        row.error("signer_name", _("empty"))


def _birth_fits(person: Person, birth: PartialDate) -> bool:
    if not birth:
        return True
    if birth.day and person.birth_date:
        return person.birth_date == birth.day
    known = person.birth_year or (person.birth_date.year if person.birth_date else None)
    return known is None or known == birth.year


def _match_subjects(rows: list[ArchiveRow], issuer: Unit) -> None:
    valid = [row for row in rows if not row.errors]
    names = {fold(row.values["full_name"]) for row in valid}
    people: dict[tuple, list[Person]] = {}
    collectives: dict[tuple, Collective] = {}
    name_list = list(names)
    for start in range(0, len(name_list), 2000):
        chunk = name_list[start:start + 2000]
        for person in Person.objects.filter(search_name__in=chunk):
            people.setdefault((person.search_name, person.unit_id), []).append(person)
        for collective in Collective.objects.filter(search_name__in=chunk):
            collectives.setdefault((collective.search_name, collective.unit_id), collective)
    decisions = {(d.number.lower(), d.issued_on): d for d in Decision.objects.filter(
        issuer=issuer, number__in={row.number for row in valid})}
    existing = set()
    if decisions:
        existing = set(Award.objects.filter(decision__in=decisions.values()).values_list(
            "decision_id", "person_id", "collective_id", "entry__code", "year"))
    seen = {}
    for row in valid:
        key = (fold(row.values["full_name"]), row.unit.pk)
        if row.entry.for_person:
            same = [p for p in people.get(key, []) if _birth_fits(p, row.birth)]
            row.subject = same[0] if len(same) == 1 else None
            if row.subject is not None:
                row.status = "existing_person"
            elif len(same) > 1:
                row.warn("full_name", _("several registered people match; a new record is made – merge later"))
        else:
            row.subject = collectives.get(key)
            row.status = "existing_person" if row.subject is not None else "new"
        decision = decisions.get((row.number.lower(), row.issued_on))
        subject = row.subject
        if decision is not None and subject is not None:
            identity = (decision.pk, subject.pk if isinstance(subject, Person) else None,
                        subject.pk if isinstance(subject, Collective) else None, row.entry.code, row.year)
            if identity in existing:
                row.status = "present"
                row.warn("", _("already in the archive: skipped"))
        line_key = (row.number.lower(), row.issued_on, key, row.entry.code, row.year)
        if line_key in seen:
            row.error("", _("the same award as line %(line)d") % {"line": seen[line_key]})
        else:
            seen[line_key] = row.line


@dataclass
class ArchiveResult:
    decisions: int
    awards: int
    new_people: int
    skipped: list


def confirm_archive(payload: dict, *, actor, issuer: Unit, authority: str) -> ArchiveResult:
    """Save every valid line in one transaction; the rest is reported."""
    _require_importer(actor)
    if authority not in Authority.values:
        raise DomainError(_("Choose the deciding authority."), field="authority")
    with transaction.atomic():
        rows = check_archive(payload, issuer=issuer, authority=authority)
        decisions: dict[tuple, Decision] = {}
        new_decisions = awards = new_people = 0
        new_subjects: dict[tuple, object] = {}
        for row in rows:
            if not row.valid:
                continue
            key = (row.number.lower(), row.issued_on)
            decision = decisions.get(key)
            if decision is None:
                decision = Decision.objects.filter(issuer=issuer, number__iexact=row.number,
                                                   issued_on=row.issued_on).first()
                if decision is None:
                    try:
                        decision = services.record_decision(
                            number=row.number, issued_on=row.issued_on, authority=authority, issuer=issuer,
                            signer_name=row.values["signer_name"], signer_title=row.values.get("signer_title", ""),
                            summary=(_("Imported from “%(file)s”") % {"file": payload["file_name"]})[:500],
                            source=Decision.Source.IMPORTED)
                    except DomainError as error:  # e.g. the number is taken by another decision that year
                        raise DomainError(_("Line %(line)d: %(message)s") % {"line": row.line,
                                                                              "message": error.message},
                                          field=error.field, code=error.code) from None
                    new_decisions += 1
                decisions[key] = decision
            subject = row.subject
            if subject is None:
                subject_key = (fold(row.values["full_name"]), row.unit.pk, row.entry.for_person, row.birth.display())
                subject = new_subjects.get(subject_key)
                if subject is None:
                    if row.entry.for_person:
                        subject = Person.objects.create(full_name=row.values["full_name"], unit=row.unit,
                                                        birth_date=row.birth.day, birth_year=row.birth.year)
                    else:
                        subject = Collective.objects.create(name=row.values["full_name"], unit=row.unit)
                    new_subjects[subject_key] = subject
                    new_people += 1
            services.grant_award(decision, entry=row.entry, subject=subject, recipient_name=row.values["full_name"],
                                 unit=row.unit, year=row.year, position_text=row.values.get("position_text", "")[:300],
                                 achievement_kind=AchievementKind.ANNUAL)
            awards += 1
    skipped = [(row.line, "; ".join(t for texts in row.errors.values() for t in texts) or _("already in the archive"))
               for row in rows if not row.valid]
    return ArchiveResult(decisions=new_decisions, awards=awards, new_people=new_people, skipped=skipped)
