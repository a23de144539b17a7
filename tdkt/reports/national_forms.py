"""The national statistical forms of TĐKT work (biểu 0601–0605), as data.

LAW.md does not give the rows and columns of these forms (Bộ Nội vụ's statistical reporting
rules); the shapes below are INFERRED (I) from what such forms cover and are marked so on every
page and export (docs/reports.md). Each form is rows × columns of criteria (statistics.criteria_q);
a cell counts the valid awards of the scope and period matching both. Changing a form is
changing this data, not the code that fills it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from tdkt.catalogue.models import AwardLevel, CatalogueEntry, EntryKind
from tdkt.decisions.models import AchievementKind
from tdkt.reports.statistics import AREA_FLAGS, CATEGORY_GROUPS, awards, criteria_q

EVIDENCE = "I"

SUBJECT_COLUMNS = [
    (_("Collectives"), {"subject": "collective"}),
    (_("Individuals"), {"subject": "person"}),
    (_("Households"), {"subject": "household"}),
    (_("Total"), {}),
]
LEVEL_COLUMNS = [
    (_("State level"), {"levels": [AwardLevel.STATE]}),
    (_("Province level"), {"levels": [AwardLevel.PROVINCE]}),
    (_("Grassroots level"), {"levels": [AwardLevel.GRASSROOTS]}),
    (_("Total"), {}),
]


@dataclass(frozen=True)
class FormSpec:
    code: str
    title: str
    columns: list
    rows: list = field(default_factory=list)          # (label, criteria)
    entry_rows: dict | None = None                     # one row per catalogue code matching these fields
    total_row: bool = True                             # False where rows overlap (an award in two rows)
    note: str = ""


FORMS = [
    FormSpec("0601.N/BNV-TĐKT", _("Emulation titles awarded"), SUBJECT_COLUMNS,
             entry_rows={"kind": EntryKind.TITLE}),
    FormSpec("0602.N/BNV-TĐKT", _("Forms of commendation at province and grassroots level"), SUBJECT_COLUMNS,
             entry_rows={"kind": EntryKind.FORM, "level__in": [AwardLevel.PROVINCE, AwardLevel.GRASSROOTS]}),
    FormSpec("0603.N/BNV-TĐKT", _("State-level awards (titles, orders, medals, honorary titles, certificates)"),
             SUBJECT_COLUMNS, entry_rows={"level": AwardLevel.STATE}),
    FormSpec("0604.N/BNV-TĐKT", _("Awards by subject category"), LEVEL_COLUMNS,
             rows=[(label, spec) for _code, label, spec in CATEGORY_GROUPS], total_row=False,
             note=_("An award may count in several rows (a person can belong to several categories).")),
    FormSpec("0605.N/BNV-TĐKT", _("Awards by kind of achievement and by area"), LEVEL_COLUMNS,
             rows=[(label, {"achievement_kinds": [kind]}) for kind, label in AchievementKind.choices]
             + [(_("of which: %(area)s") % {"area": label}, {"areas_any": [flag]}) for flag, label in AREA_FLAGS],
             total_row=False,
             note=_("Rows by kind of achievement add up to all awards; the area rows are parts of them.")),
]
FORMS_BY_SLUG = {spec.code.split(".")[0]: spec for spec in FORMS}


def form_rows(spec: FormSpec) -> list[tuple[str, dict]]:
    if spec.entry_rows is None:
        return [(capfirst(str(label)), criteria) for label, criteria in spec.rows]
    seen, rows = set(), []
    for entry in CatalogueEntry.objects.filter(**spec.entry_rows).order_by("sort_order", "code"):
        if entry.code not in seen:
            seen.add(entry.code)
            rows.append((entry.name, {"entry_codes": [entry.code]}))
    return rows


@dataclass
class FilledForm:
    spec: FormSpec
    headers: list[str]
    rows: list[tuple[str, list[int]]]
    total: list[int] | None

    @property
    def evidence(self) -> str:
        return EVIDENCE


def fill_form(spec: FormSpec, scope, period) -> FilledForm:
    """One aggregate query per row: each column a filtered COUNT."""
    base = awards(scope, period)
    columns = [(str(label), criteria_q(criteria)) for label, criteria in spec.columns]
    filled = []
    for label, criteria in form_rows(spec):
        values = base.filter(criteria_q(criteria)).aggregate(
            **{f"c{i}": Count("pk", filter=q) for i, (_label, q) in enumerate(columns)})
        filled.append((label, [values[f"c{i}"] for i in range(len(columns))]))
    total = None
    if spec.total_row:
        total = [sum(row[1][i] for row in filled) for i in range(len(columns))]
    return FilledForm(spec, [label for label, _q in columns], filled, total)
