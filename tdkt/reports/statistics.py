"""Read-only statistics over the archive (awards) and the dossiers (docs/reports.md).

Every figure is computed for a ``Scope`` (the whole province, or one unit's subtree with the
units it succeeded) and a ``Period`` (an award year, the first half of a year by decision date,
or all years). Only valid awards count; revoked ones do not.

What a group means is data (``criteria_q`` over a small dict of criteria), so the priority
groups, the national forms' rows and columns and the summaries all count the same way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from tdkt.catalogue.models import AwardLevel, CatalogueEntry, EntryKind
from tdkt.decisions.models import AchievementKind, Award
from tdkt.organizations.models import Person, SubjectCategory, Unit, UnitLevel, UnitLineage
from tdkt.organizations.queries import lineage_ids_for
from tdkt.reports.models import AwardTally

VALID = Award.Status.VALID
LEVELS = [AwardLevel.STATE, AwardLevel.PROVINCE, AwardLevel.GRASSROOTS]
AREA_FLAGS = [
    ("is_remote", _("remote area")),
    ("is_border", _("border area")),
    ("is_especially_difficult", _("especially difficult area")),
    ("is_ethnic_minority", _("ethnic minority area")),
]


# --- Scope and period -----------------------------------------------------------------

@dataclass(frozen=True)
class Scope:
    """Whose awards count: ``unit_ids`` None means the whole province."""

    unit: Unit | None = None
    unit_ids: frozenset[int] | None = None

    @classmethod
    def province(cls) -> Scope:
        return cls()

    @classmethod
    def of_unit(cls, unit: Unit) -> Scope:
        """The unit's subtree and every unit any of them succeeded (their history follows them)."""
        ids = set(Unit.objects.filter(path__startswith=unit.path).values_list("pk", flat=True))
        return cls(unit=unit, unit_ids=frozenset(lineage_ids_for(ids)))

    @property
    def label(self) -> str:
        return self.unit.name if self.unit else str(_("whole province"))

    def q(self, field: str = "unit") -> Q:
        if self.unit_ids is None:
            return Q()
        return Q(**{f"{field}_id__in": sorted(self.unit_ids)})


def scope_for(user, unit: Unit | None = None) -> Scope:
    """The scope a user may report on: province roles everything, others their subtree.

    ``unit`` narrows it; the caller has checked it is in the user's scope (views use in_scope).
    """
    if unit is not None:
        return Scope.of_unit(unit)
    if user.spans_province:
        return Scope.province()
    return Scope.of_unit(user.unit)


class Part:
    YEAR = "year"
    FIRST_HALF = "h1"
    ALL = "all"
    CHOICES = [(YEAR, _("whole year")), (FIRST_HALF, _("first six months"))]


@dataclass(frozen=True)
class Period:
    """A year of awards (``Award.year``), the first half of a year (decisions issued 01/01–30/06),
    or every year (``year`` None)."""

    year: int | None
    part: str = Part.YEAR

    def award_q(self, prefix: str = "") -> Q:
        if self.year is None:
            return Q()
        if self.part == Part.FIRST_HALF:
            return Q(**{f"{prefix}decision__issued_on__range": (date(self.year, 1, 1), date(self.year, 6, 30))})
        return Q(**{f"{prefix}year": self.year})

    def dossier_q(self) -> Q:
        if self.year is None:
            return Q()
        if self.part == Part.FIRST_HALF:
            return Q(created_at__date__range=(date(self.year, 1, 1), date(self.year, 6, 30)))
        return Q(year=self.year)

    def previous(self) -> Period | None:
        return None if self.year is None else Period(self.year - 1, self.part)

    @property
    def label(self) -> str:
        if self.year is None:
            return str(_("all years"))
        if self.part == Part.FIRST_HALF:
            return str(_("first six months of %(year)s") % {"year": self.year})
        return str(_("year %(year)s") % {"year": self.year})


# --- Criteria as data -------------------------------------------------------------------

def _categories_q(codes) -> Q:
    # A non-correlated IN: the database builds the set of people once per query, where a
    # correlated EXISTS would probe the categories for every award (50–100× slower at 1M awards).
    through = Person.categories.through
    people = through.objects.filter(subjectcategory__code__in=list(codes)).values("person_id")
    return Q(person_id__in=people)


def criteria_q(spec: dict | None) -> Q:
    """A filter on Award from a dict of criteria (all must hold). Keys:

    subject: "person" | "collective" | "household"; entry_kind: "title" | "form";
    levels: award levels; entry_codes: catalogue codes; categories: subject category codes (any);
    small_collective: bool; unit_levels: unit levels; areas_any: unit area flags (any);
    ethnic_minority_person: bool; achievement_kinds: list; gender: "female" | "male".
    """
    spec = spec or {}
    q = Q()
    subject = spec.get("subject")
    if subject:
        q &= Q(**{f"{subject}__isnull": False})
    if spec.get("entry_kind"):
        q &= Q(entry__kind=spec["entry_kind"])
    if spec.get("levels"):
        q &= Q(entry__level__in=list(spec["levels"]))
    if spec.get("entry_codes"):
        q &= Q(entry__code__in=list(spec["entry_codes"]))
    if spec.get("categories"):
        q &= _categories_q(spec["categories"])
    if spec.get("small_collective"):
        q &= Q(collective__is_small=True)
    if spec.get("unit_levels"):
        q &= Q(unit__level__in=list(spec["unit_levels"]))
    if spec.get("areas_any"):
        area = Q()
        for flag in spec["areas_any"]:
            area |= Q(**{f"unit__{flag}": True})
        q &= area
    if spec.get("ethnic_minority_person"):
        q &= Q(person__isnull=False) & ~Q(person__ethnicity__iexact="kinh") & ~Q(person__ethnicity="")
    if spec.get("achievement_kinds"):
        q &= Q(achievement_kind__in=list(spec["achievement_kinds"]))
    if spec.get("gender"):
        q &= Q(person__gender=spec["gender"])
    return q


def awards(scope: Scope, period: Period):
    """The valid awards of the scope and period (the base every figure starts from)."""
    return Award.objects.filter(scope.q(), period.award_q(), status=VALID)


# --- Counts split by subject kind -----------------------------------------------------------

@dataclass
class Counts:
    persons: int = 0
    collectives: int = 0
    households: int = 0

    @property
    def total(self) -> int:
        return self.persons + self.collectives + self.households

    def __iadd__(self, other: Counts) -> Counts:
        self.persons += other.persons
        self.collectives += other.collectives
        self.households += other.households
        return self


def _split(qs, *group) -> dict:
    """{group values: Counts} for a queryset of awards, one GROUP BY query."""
    rows = (qs.order_by().values(*group)
            .annotate(n=Count("pk"), c=Count("pk", filter=Q(collective__isnull=False)),
                      h=Count("pk", filter=Q(household__isnull=False))))
    result = {}
    for row in rows:
        key = tuple(row[name] for name in group)
        result[key if len(group) > 1 else key[0]] = Counts(row["n"] - row["c"] - row["h"], row["c"], row["h"])
    return result


def _tally_entry_year_counts(year: int | None) -> dict[tuple[int, int], Counts]:
    """The province-wide counts from the tally the database keeps (models.AwardTally, tally.py):
    a few thousand counters, whatever the number of awards (docs/reports.md, Performance)."""
    rows = AwardTally.objects.all() if year is None else AwardTally.objects.filter(year=year)
    result = {}
    for row_year, entry_id, persons, collectives, households in rows.values_list(
            "year", "entry_id", "persons", "collectives", "households"):
        if persons or collectives or households:
            result[(row_year, entry_id)] = Counts(persons, collectives, households)
    return result


def entry_year_counts(scope: Scope, period: Period) -> dict[tuple[int, int], Counts]:
    """{(award year, entry id): Counts} of the scope and period."""
    if scope.unit_ids is None and period.part != Part.FIRST_HALF:
        return _tally_entry_year_counts(period.year)
    return _split(awards(scope, period), "year", "entry_id")


# --- Tables ---------------------------------------------------------------------------------

@dataclass
class Row:
    label: str
    counts: Counts = field(default_factory=Counts)
    previous: Counts | None = None
    code: str = ""
    group: str = ""

    @property
    def change(self) -> int | None:
        return None if self.previous is None else self.counts.total - self.previous.total


def _entries() -> dict[int, CatalogueEntry]:
    fields = ("code", "name", "kind", "level", "sort_order", "valid_from")
    return {entry.pk: entry for entry in CatalogueEntry.objects.only(*fields)}


def _entry_rows(counts_by_entry: dict[int, Counts], entries) -> dict[str, Row]:
    """Rows by catalogue code (the regimes of one title or form add up), catalogue order."""
    rows: dict[str, Row] = {}
    for entry in sorted(entries.values(), key=lambda e: (e.sort_order, e.code, e.valid_from or date.min)):
        counts = counts_by_entry.get(entry.pk)
        if counts is None:
            continue
        row = rows.setdefault(entry.code, Row(entry.name, code=entry.code, group=f"{entry.kind}:{entry.level}"))
        row.counts += counts
    return rows


def _by_entry(scope, period) -> dict[int, Counts]:
    totals: dict[int, Counts] = defaultdict(Counts)
    for (_year, entry_id), counts in entry_year_counts(scope, period).items():
        totals[entry_id] += counts
    return totals


def awards_by_entry(scope: Scope, period: Period, *, compare: bool = True) -> list[Row]:
    """Awards by title / form (catalogue code), with the previous period's figures."""
    entries = _entries()
    rows = _entry_rows(_by_entry(scope, period), entries)
    previous = period.previous() if compare else None
    if previous is not None:
        for code, row in _entry_rows(_by_entry(scope, previous), entries).items():
            rows.setdefault(code, Row(row.label, code=code, group=row.group)).previous = row.counts
        for row in rows.values():
            row.previous = row.previous or Counts()
    order = {code: i for i, code in enumerate(
        e.code for e in sorted(entries.values(), key=lambda e: (e.sort_order, e.code)))}
    return sorted(rows.values(), key=lambda row: order.get(row.code, 0))


LEVEL_LABELS = {
    (EntryKind.TITLE, AwardLevel.STATE): _("Emulation titles, state level"),
    (EntryKind.TITLE, AwardLevel.PROVINCE): _("Emulation titles, province level"),
    (EntryKind.TITLE, AwardLevel.GRASSROOTS): _("Emulation titles, grassroots level"),
    (EntryKind.FORM, AwardLevel.STATE): _("Forms of commendation, state level"),
    (EntryKind.FORM, AwardLevel.PROVINCE): _("Forms of commendation, province level"),
    (EntryKind.FORM, AwardLevel.GRASSROOTS): _("Forms of commendation, grassroots level"),
}


def level_label(kind: str, level: str) -> str:
    return str(LEVEL_LABELS[(kind, level)])


def awards_by_kind_and_level(scope: Scope, period: Period) -> list[Row]:
    """Emulation titles and forms of commendation, each by level (state, province, grassroots)."""
    by_code = awards_by_entry(scope, period)
    rows = []
    for kind in (EntryKind.TITLE, EntryKind.FORM):
        for level in LEVELS:
            row = Row(level_label(kind, level), code=f"{kind}:{level}", previous=Counts())
            for entry_row in by_code:
                if entry_row.group == f"{kind}:{level}":
                    row.counts += entry_row.counts
                    row.previous += entry_row.previous or Counts()
            rows.append(row)
    return rows


def awards_by_year(scope: Scope, years: list[int] | None = None) -> list[dict]:
    """The all-years table: for each award year, counts by level and by subject kind."""
    entries = _entries()
    counts = entry_year_counts(scope, Period(None))
    table: dict[int, dict] = {}
    for (year, entry_id), split in counts.items():
        if years and year not in years:
            continue
        row = table.setdefault(year, {"year": year, "total": Counts(), **{level: 0 for level in LEVELS}})
        row["total"] += split
        row[entries[entry_id].level] += split.total
    return [table[year] for year in sorted(table, reverse=True)]


def _reporting_units(scope: Scope) -> list[Unit]:
    """The rows of the by-unit table: the scope unit's direct sub-units (and itself), or, for the
    province, the units directly under the root(s) of the tree."""
    if scope.unit is not None:
        return [scope.unit, *Unit.objects.filter(parent=scope.unit).order_by("path")]
    roots = list(Unit.objects.filter(parent__isnull=True).exclude(level=UnitLevel.EXTERNAL).order_by("path"))
    children = list(Unit.objects.filter(parent__in=roots).order_by("path"))
    return roots + children


def current_unit_map(unit_ids) -> dict[int, int]:
    """Each unit → the unit its awards count under today: a dissolved unit merged, renamed or
    transferred into exactly one successor rolls up into it (transitively). A unit split into
    several successors stays itself: its awards cannot be divided between them."""
    single: dict[int, list[int]] = defaultdict(list)
    for pred, succ in UnitLineage.objects.values_list("predecessor_id", "successor_id"):
        single[pred].append(succ)
    mapping = {}
    for unit_id in unit_ids:
        current, seen = unit_id, {unit_id}
        while len(single.get(current, [])) == 1 and single[current][0] not in seen:
            current = single[current][0]
            seen.add(current)
        mapping[unit_id] = current
    return mapping


def awards_by_unit(scope: Scope, period: Period) -> list[Row]:
    """Awards by reporting unit, predecessors rolled into successors (see current_unit_map)."""
    counts = _split(awards(scope, period), "unit_id")
    reporting = _reporting_units(scope)
    rows = {unit.pk: Row(unit.name, code=str(unit.pk)) for unit in reporting}
    # The deepest reporting unit containing a unit wins (the scope unit itself is a prefix of all).
    by_depth = sorted(reporting, key=lambda unit: -len(unit.path))
    current = current_unit_map(counts)
    paths = dict(Unit.objects.filter(pk__in=set(current.values())).values_list("pk", "path"))
    other = Row(str(_("other units (outside the tree today)")), code="other")
    for unit_id, split in counts.items():
        path = paths.get(current[unit_id], "")
        target = next((unit for unit in by_depth if path.startswith(unit.path)), None)
        (rows[target.pk] if target else other).counts += split
    result = [row for row in rows.values() if row.counts.total]
    if other.counts.total:
        result.append(other)
    return result


# The groups the seeds ask to favour (plan 003 II.3, plan 000 I.1 and III.3).
CATEGORY_GROUPS = [
    ("workers", _("workers"), {"subject": "person", "categories": ["worker"]}),
    ("farmers", _("farmers"), {"subject": "person", "categories": ["farmer"]}),
    ("direct_labourers", _("direct labourers"), {"subject": "person", "categories": ["direct_labourer"]}),
    ("armed_forces", _("armed forces, militia, commune police and guards"),
     {"subject": "person", "categories": ["armed_forces", "militia", "commune_police", "street_guard",
                                          "civil_defence", "workplace_guard"]}),
    ("village_cadres", _("village and street-quarter cadres"), {"subject": "person", "categories": ["village_cadre"]}),
    ("ethnic_minority_people", _("ethnic minority people"), {"ethnic_minority_person": True}),
    ("women", _("women"), {"gender": "female"}),
    ("small_collectives", _("small collectives"), {"subject": "collective", "small_collective": True}),
    ("households", _("households"), {"subject": "household"}),
]


def _grouped_counts(qs, groups) -> dict[str, Counts]:
    """One aggregate query: for each (code, label, criteria) the Counts of matching awards."""
    aggregates = {}
    for code, _label, spec in groups:
        q = criteria_q(spec)
        aggregates[f"{code}__n"] = Count("pk", filter=q)
        aggregates[f"{code}__c"] = Count("pk", filter=q & Q(collective__isnull=False))
        aggregates[f"{code}__h"] = Count("pk", filter=q & Q(household__isnull=False))
    values = qs.aggregate(**aggregates) if aggregates else {}
    return {code: Counts(values[f"{code}__n"] - values[f"{code}__c"] - values[f"{code}__h"],
                         values[f"{code}__c"], values[f"{code}__h"]) for code, _label, _spec in groups}


def _group_rows(scope, period, groups, *, compare=True) -> list[Row]:
    current = _grouped_counts(awards(scope, period), groups)
    previous_period = period.previous() if compare else None
    previous = _grouped_counts(awards(scope, previous_period), groups) if previous_period else {}
    return [Row(str(label), current[code], previous.get(code), code=code) for code, label, _spec in groups]


def awards_by_category(scope: Scope, period: Period) -> list[Row]:
    """Awards by the seeds' subject categories (an award can count in several rows)."""
    return _group_rows(scope, period, CATEGORY_GROUPS)


def category_groups_from_reference() -> list[tuple]:
    """Every subject category in the reference data as its own group (administrators may add some)."""
    return [(cat.code, cat.name, {"subject": "person", "categories": [cat.code]})
            for cat in SubjectCategory.objects.order_by("name")]


AREA_GROUPS = [(flag, label, {"areas_any": [flag]}) for flag, label in AREA_FLAGS] + [
    ("any_area", _("any of these areas"), {"areas_any": [flag for flag, _label in AREA_FLAGS]})]


def awards_by_area(scope: Scope, period: Period) -> list[Row]:
    """Awards at units in remote, border, especially difficult and ethnic minority areas."""
    return _group_rows(scope, period, AREA_GROUPS)


ACHIEVEMENT_GROUPS = [(kind, label, {"achievement_kinds": [kind]}) for kind, label in AchievementKind.choices]


def awards_by_achievement_kind(scope: Scope, period: Period) -> list[Row]:
    return _group_rows(scope, period, ACHIEVEMENT_GROUPS)


# --- Priority-group shares ------------------------------------------------------------------

@dataclass(frozen=True)
class ShareSpec:
    code: str
    label: str
    numerator: dict
    denominator: dict


SHARES = [
    ShareSpec("workers_farmers_labourers", _("Workers, farmers and direct labourers among individuals"),
              {"subject": "person", "categories": ["worker", "farmer", "direct_labourer"]}, {"subject": "person"}),
    ShareSpec("armed_forces", _("Armed forces, militia, commune police and guards among individuals"),
              {"subject": "person", "categories": ["armed_forces", "militia", "commune_police", "street_guard",
                                                   "civil_defence", "workplace_guard"]}, {"subject": "person"}),
    ShareSpec("village_cadres", _("Village cadres among individuals"),
              {"subject": "person", "categories": ["village_cadre"]}, {"subject": "person"}),
    ShareSpec("small_collectives", _("Small collectives among collectives"),
              {"subject": "collective", "small_collective": True}, {"subject": "collective"}),
    ShareSpec("grassroots", _("Awards at commune and grassroots units"),
              {"unit_levels": [UnitLevel.COMMUNE, UnitLevel.GRASSROOTS]}, {}),
    ShareSpec("difficult_areas", _("Awards in remote, border, difficult or ethnic minority areas"),
              {"areas_any": [flag for flag, _label in AREA_FLAGS]}, {}),
    ShareSpec("ethnic_minority_people", _("Ethnic minority people among individuals"),
              {"ethnic_minority_person": True}, {"subject": "person"}),
]


@dataclass
class Share:
    code: str
    label: str
    numerator: int
    denominator: int
    previous_numerator: int | None = None
    previous_denominator: int | None = None

    @staticmethod
    def _pct(num, den):
        return None if not den else round(100 * num / den, 1)

    @property
    def percent(self):
        return self._pct(self.numerator, self.denominator)

    @property
    def previous_percent(self):
        return None if self.previous_denominator is None else self._pct(self.previous_numerator,
                                                                        self.previous_denominator)

    @property
    def change(self):
        if self.percent is None or self.previous_percent is None:
            return None
        return round(self.percent - self.previous_percent, 1)


def _share_counts(qs, specs) -> dict[str, tuple[int, int]]:
    aggregates = {}
    for spec in specs:
        aggregates[f"{spec.code}__num"] = Count("pk", filter=criteria_q(spec.numerator))
        aggregates[f"{spec.code}__den"] = Count("pk", filter=criteria_q(spec.denominator))
    values = qs.aggregate(**aggregates)
    return {spec.code: (values[f"{spec.code}__num"], values[f"{spec.code}__den"]) for spec in specs}


def priority_shares(scope: Scope, period: Period, specs=SHARES) -> list[Share]:
    """The shares the seeds ask to raise, with the previous period's."""
    current = _share_counts(awards(scope, period), specs)
    previous_period = period.previous()
    previous = _share_counts(awards(scope, previous_period), specs) if previous_period else {}
    shares = []
    for spec in specs:
        num, den = current[spec.code]
        prev = previous.get(spec.code, (None, None))
        shares.append(Share(spec.code, str(spec.label), num, den, prev[0], prev[1]))
    return shares


# --- Dossiers --------------------------------------------------------------------------------

def _dossier_models():
    # Nominations are a lower layer than reports; imported here to keep module import light.
    from tdkt.nominations.models import Dossier, DossierKind, Nomination, Status
    return Dossier, DossierKind, Nomination, Status


DOSSIER_COLUMNS = [("in_progress", _("in progress")), ("decided", _("decided")), ("withdrawn", _("withdrawn"))]
NOMINATION_COLUMNS = ["pending", "awarded", "not_awarded", "forwarded"]


def dossiers_by_kind(scope: Scope, period: Period) -> list[dict]:
    """Dossiers sent to the province (drafts inside units excluded) by kind and outcome,
    with their nominees by outcome."""
    Dossier, DossierKind, Nomination, Status = _dossier_models()
    dossiers = (Dossier.objects.filter(scope.q(), period.dossier_q())
                .exclude(status__in=[Status.DRAFT, Status.AWAITING_HEAD]))
    outcome_of = {Status.DECIDED: "decided", Status.WITHDRAWN: "withdrawn"}
    table = {kind: {"kind": kind, "label": str(label), "total": 0, **{c: 0 for c, _l in DOSSIER_COLUMNS},
                    **{f"n_{c}": 0 for c in NOMINATION_COLUMNS}} for kind, label in DossierKind.choices}
    for kind, status, n in dossiers.order_by().values_list("kind", "status").annotate(n=Count("pk")):
        table[kind][outcome_of.get(status, "in_progress")] += n
        table[kind]["total"] += n
    nominations = Nomination.objects.filter(dossier__in=dossiers.values("pk"))
    for kind, outcome, n in (nominations.order_by().values_list("dossier__kind", "outcome")
                             .annotate(n=Count("pk"))):
        table[kind][f"n_{outcome}"] += n
    return [row for row in table.values() if row["total"]]


def dossiers_in_progress(scope: Scope) -> int:
    Dossier, _kind, _nomination, Status = _dossier_models()
    return (Dossier.objects.filter(scope.q())
            .exclude(status__in=[Status.DRAFT, Status.AWAITING_HEAD, Status.DECIDED, Status.WITHDRAWN]).count())


# --- Movements and registrations (emulation; read defensively, the app is growing) ----------

def movements(period: Period) -> list[dict]:
    """Movements running in the period: name, kind, dates."""
    from tdkt.emulation.models import Movement

    qs = Movement.objects.all()
    if period.year is not None:
        end = date(period.year, 6, 30) if period.part == Part.FIRST_HALF else date(period.year, 12, 31)
        qs = qs.filter(Q(starts_on__isnull=True) | Q(starts_on__lte=end),
                       Q(ends_on__isnull=True) | Q(ends_on__gte=date(period.year, 1, 1)))
    return [{"name": m.name, "kind": m.get_kind_display(), "starts_on": m.starts_on, "ends_on": m.ends_on}
            for m in qs.order_by("starts_on", "name")]


def registrations(scope: Scope, period: Period) -> list[dict] | None:
    """Emulation registrations of the year by status, or None where the model is not there."""
    from django.apps import apps

    try:
        model = apps.get_model("emulation", "Registration")
    except LookupError:
        return None
    names = {f.name for f in model._meta.get_fields()}
    if not {"year", "status", "unit"} <= names or period.year is None:
        return None
    qs = model.objects.filter(scope.q(), year=period.year)
    labels = dict(model._meta.get_field("status").choices)
    return [{"status": str(labels.get(status, status)), "count": n}
            for status, n in qs.order_by().values_list("status").annotate(n=Count("pk"))]
