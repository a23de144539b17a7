"""Read side of units (subtrees and lineage) and of the facts the eligibility rules need."""

import json
from datetime import date, timedelta
from typing import NamedTuple

from django.db import connection
from django.db.models import CharField, Func
from django.db.models.expressions import RawSQL
from django.utils import timezone

from tdkt.organizations.models import (CollectiveYearStats, DisciplineRecord, Initiative, LeaveRecord, Person,
                                       PostHeld, ServiceKind, ServicePeriod, Unit, UnitLineage, YearlyRating)


def subtree(unit: Unit):
    """The unit and every unit under it (materialised path prefix)."""
    return Unit.objects.filter(path__startswith=unit.path)


def lineage_ids(unit: Unit) -> set[int]:
    """The unit and all its predecessors, transitively (merges, splits, renames).

    Used so that a successor commune still shows the awards of the districts
    and communes it came from.
    """
    return lineage_ids_for([unit.pk])


def lineage_ids_for(unit_ids) -> set[int]:
    """lineage_ids for many units at once (one query): the units and all their predecessors."""
    links = UnitLineage.objects.values_list("successor_id", "predecessor_id")
    preds: dict[int, list[int]] = {}
    for successor_id, predecessor_id in links:
        preds.setdefault(successor_id, []).append(predecessor_id)
    seen = set(unit_ids)
    stack = list(seen)
    while stack:
        for predecessor_id in preds.get(stack.pop(), []):
            if predecessor_id not in seen:
                seen.add(predecessor_id)
                stack.append(predecessor_id)
    return seen


def successors_of(unit: Unit):
    return Unit.objects.filter(predecessor_links__predecessor=unit)


def predecessors_of(unit: Unit):
    return Unit.objects.filter(successor_links__successor=unit)


# --- Facts for the eligibility rules (the subject part of the case contract) ------------

def _iso(day):
    return day.isoformat() if day else None


# Above this many ids, an ``__in`` filter sends them as one parameter (see id_values).
_MANY_IDS = 100


def id_values(ids):
    """The right-hand side of an ``__in`` filter on ids: a queryset becomes a subquery; a long list
    becomes ONE parameter (a JSON array read by SQLite's json_each, an array unnested by PostgreSQL),
    because Django prepares and binds every element of a plain list one by one at each query: in a
    5,000-nominee batch that per-id cost was most of the time spent building the cases. Same rows
    either way; a short list stays a plain list."""
    if hasattr(ids, "values"):
        return ids.values("pk")
    ids = list(ids)
    if len(ids) <= _MANY_IDS:
        return ids
    if connection.vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", [json.dumps([int(pk) for pk in ids])])
    if connection.vendor == "postgresql":
        # An array literal as one string: psycopg adapts a Python list element by element (about as
        # slow as the plain list), a string in one C call.
        return RawSQL("SELECT unnest(%s::bigint[])", ["{" + ",".join(str(int(pk)) for pk in ids) + "}"])
    return ids


def _id_filter(field: str, ids) -> dict:
    """``ids`` may be a list of ids or a queryset (then a subquery, with no parameter limit)."""
    return {f"{field}__in": id_values(ids)}


def _merged_days(periods, on) -> int:
    """Days covered by the union of (start, end) periods, open ends counted up to ``on``."""
    spans = sorted((start, min(end or on, on)) for start, end in periods if start <= on)
    total, current_start, current_end = 0, None, None
    for start, end in spans:
        if end < start:
            continue
        if current_end is None or start > current_end + timedelta(days=1):
            if current_end is not None:
                total += (current_end - current_start).days + 1
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        total += (current_end - current_start).days + 1
    return total


def _whole_years(days: int) -> int:
    return int(days // 365.25)


def _whole_months(days: int) -> int:
    return int(days // (365.25 / 12))


def _initiatives(field: str, ids) -> dict[int, list[dict]]:
    """Initiatives per subject id, each with the award that used it (two queries)."""
    rows = list(Initiative.objects.filter(**_id_filter(field, ids))
                .order_by("year", "id")
                .values_list(field, "id", "year", "scope", "kind", "title", "recognised_on"))
    used: dict[int, dict] = {}
    # The award side is above this layer (decisions.Award.initiatives); reach it through the
    # relation's own table so that organizations imports nothing from decisions.
    usage = getattr(Initiative, "used_in_awards", None)
    if rows and usage is not None:
        initiative_ids = id_values([row[1] for row in rows])
        links = (usage.through.objects.filter(initiative_id__in=initiative_ids, award__status="valid")
                 .order_by("award__year", "award_id")
                 .values_list("initiative_id", "award__entry__code", "award__year"))
        for initiative_id, code, year in links:
            used.setdefault(initiative_id, {"award": code, "year": year})
    result: dict[int, list[dict]] = {}
    for subject_id, pk, year, scope, kind, title, recognised_on in rows:
        item = {"id": pk, "year": year, "scope": scope, "kind": kind, "title": title,
                "recognised_on": _iso(recognised_on)}
        if pk in used:
            item["used_for"] = used[pk]
        result.setdefault(subject_id, []).append(item)
    return result


def _ratings(field: str, ids) -> dict[int, dict[str, str]]:
    result: dict[int, dict[str, str]] = {}
    for subject_id, year, rating in (YearlyRating.objects.filter(**_id_filter(field, ids))
                                     .order_by("year").values_list(field, "year", "rating")):
        result.setdefault(subject_id, {})[str(year)] = rating
    return result


def person_facts(person_ids, *, on: date | None = None) -> dict[int, dict]:
    """The stored facts of many people, shaped like the case contract's ``subject`` (docs/rules.md).

    One query per table whatever the number of people (eight in all). ``person_ids`` is a
    list of ids or a Person queryset. Keys per person:

    - ``kind``, ``gender``, ``birth_date``, ``recruited_on``, ``under_discipline_review``;
    - ``ratings`` {"2024": "excellent", …} (years as strings);
    - ``leave`` [{kind, from, to}], ``discipline`` [{level, on, until}], ``posts`` [{title, from, to}],
      ``service_periods`` [{kind, from, to}] — ``to``/``until`` is None when open-ended;
    - ``initiatives`` [{id, year, scope, kind, title, recognised_on, used_for?}] — this list goes to the
      case's top-level ``initiatives``; ``used_for`` {award, year} names the valid award that used it;
    - whole years (days / 365.25, open periods counted up to ``on``, default today; overlapping
      periods of one kind counted once), present only when such periods are recorded, so that a
      missing fact stays missing: ``direct_teaching_years``; ``sector_years`` (education sector,
      direct teaching included); ``hardship_years`` (not yet multiplied: the ×2 of Luật TĐKT 2022
      Đ64 is the rule's); ``contribution_years`` (all recorded service); ``service_months``
      (active service in the armed forces).
    """
    on = on or timezone.localdate()
    facts: dict[int, dict] = {}
    for pk, gender, birth_date, recruited_on, under_review in (
            Person.objects.filter(**_id_filter("pk", person_ids))
            .values_list("pk", "gender", "birth_date", "recruited_on", "under_discipline_review")):
        facts[pk] = {"kind": "person", "gender": gender or None, "birth_date": _iso(birth_date),
                     "recruited_on": _iso(recruited_on), "under_discipline_review": under_review,
                     "ratings": {}, "leave": [], "discipline": [], "posts": [], "service_periods": [],
                     "initiatives": []}

    for person_id, ratings in _ratings("person", person_ids).items():
        facts[person_id]["ratings"] = ratings
    for person_id, items in _initiatives("person", person_ids).items():
        facts[person_id]["initiatives"] = items
    for person_id, kind, start, end in (LeaveRecord.objects.filter(**_id_filter("person", person_ids))
                                        .order_by("started_on", "id")
                                        .values_list("person_id", "kind", "started_on", "ended_on")):
        facts[person_id]["leave"].append({"kind": kind, "from": _iso(start), "to": _iso(end)})
    for person_id, level, decided_on, until in (DisciplineRecord.objects.filter(**_id_filter("person", person_ids))
                                                .order_by("decided_on", "id")
                                                .values_list("person_id", "level", "decided_on", "until")):
        facts[person_id]["discipline"].append({"level": level, "on": _iso(decided_on), "until": _iso(until)})
    for person_id, post, start, end in (PostHeld.objects.filter(**_id_filter("person", person_ids))
                                        .order_by("started_on", "id")
                                        .values_list("person_id", "post", "started_on", "ended_on")):
        facts[person_id]["posts"].append({"title": post, "from": _iso(start), "to": _iso(end)})

    periods: dict[int, dict[str, list]] = {}
    for person_id, kind, start, end in (ServicePeriod.objects.filter(**_id_filter("person", person_ids))
                                        .order_by("started_on", "id")
                                        .values_list("person_id", "kind", "started_on", "ended_on")):
        facts[person_id]["service_periods"].append({"kind": kind, "from": _iso(start), "to": _iso(end)})
        periods.setdefault(person_id, {}).setdefault(kind, []).append((start, end))
    for person_id, by_kind in periods.items():
        facts[person_id].update(service_years(by_kind, on))
    return facts


def service_years(by_kind: dict[str, list], on: date) -> dict:
    """The whole years (months for the armed forces) of one subject's service periods, grouped by
    kind as {kind: [(start, end)]}; only the facts some period supports (see ``person_facts``)."""
    out = {}
    teaching = by_kind.get(ServiceKind.DIRECT_TEACHING, [])
    if teaching:
        out["direct_teaching_years"] = _whole_years(_merged_days(teaching, on))
    sector = teaching + by_kind.get(ServiceKind.EDUCATION_SECTOR, [])
    if sector:
        out["sector_years"] = _whole_years(_merged_days(sector, on))
    if ServiceKind.HARDSHIP_AREA in by_kind:
        out["hardship_years"] = _whole_years(_merged_days(by_kind[ServiceKind.HARDSHIP_AREA], on))
    if ServiceKind.ARMED_FORCES in by_kind:
        out["service_months"] = _whole_months(_merged_days(by_kind[ServiceKind.ARMED_FORCES], on))
    out["contribution_years"] = _whole_years(_merged_days([span for spans in by_kind.values() for span in spans], on))
    return out


def collective_facts(collective_ids) -> dict[int, dict]:
    """The stored facts of many collectives (four queries): ``ratings``, ``initiatives`` and
    ``members_by_year`` {"2024": {total, completed_tasks, ldtt, cstdcs, disciplined_canh_cao_or_above}};
    the case's ``members`` is the entry of the achievement year."""
    ids = collective_ids if hasattr(collective_ids, "values") else list(collective_ids)
    facts = {pk: {"kind": "collective", "ratings": {}, "members_by_year": {}, "initiatives": []}
             for pk in (ids.values_list("pk", flat=True) if hasattr(ids, "values") else ids)}
    for collective_id, ratings in _ratings("collective", ids).items():
        facts[collective_id]["ratings"] = ratings
    for collective_id, items in _initiatives("collective", ids).items():
        facts[collective_id]["initiatives"] = items
    for stats in CollectiveYearStats.objects.filter(**_id_filter("collective", ids)).order_by("year"):
        facts[stats.collective_id]["members_by_year"][str(stats.year)] = stats.as_case()
    return facts


# --- The same facts as plain rows, for batch appraisal (thousands of people at once) -----------
#
# ``person_facts`` shapes its answer like the JSON case contract (ISO strings, string years), which a
# batch then has to parse back. ``person_fact_rows`` reads the same tables for the same people but
# hands back Python values ready to use (dates, int years, tuples), with no per-value converters:
# dates are selected as text (one cached ``fromisoformat`` per distinct day instead of a converter
# call per row) and rows are fetched with a plain cursor. One query per table, whatever the number
# of people (eight in all; seven when none has an initiative).

class PersonFactRows(NamedTuple):
    """Per person id: ``people`` (gender, birth_date, recruited_on, under_discipline_review);
    ``ratings`` {year: rating}; ``initiatives`` [(year, scope, used_award, used_year)];
    ``leave`` [(kind, from, to)]; ``discipline`` [(level, on, until)]; ``posts`` [(title, from, to)];
    ``service`` the whole-year facts of ``service_years``. Lists keep ``person_facts``' order."""

    people: dict
    ratings: dict
    initiatives: dict
    leave: dict
    discipline: dict
    posts: dict
    service: dict


_DAYS: dict[str, date] = {}


def day_of(text) -> date | None:
    """A date selected as text (``as_text``) back to a date; the few distinct days of a batch (decision
    dates above all) are parsed once."""
    if text is None:
        return None
    day = _DAYS.get(text)
    if day is None:
        day = date.fromisoformat(text)
        if len(_DAYS) < 100_000:   # bounded: a long-running process must not grow without end
            _DAYS[text] = day
    return day


class IsoDate(Func):
    """A date column as YYYY-MM-DD text: no per-value date converter in the database driver, and the
    same text on PostgreSQL whatever the server's DateStyle."""

    template = "CAST(%(expressions)s AS text)"   # SQLite keeps dates as ISO text
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="to_char(%(expressions)s, 'YYYY-MM-DD')", **extra)


def as_text(field: str) -> IsoDate:
    """Select a date column as text (read it back with ``day_of``)."""
    return IsoDate(field)


def plain_rows(queryset) -> list[tuple]:
    """The rows of a ``values_list`` queryset through a plain cursor (same SQL, same order): no
    per-value converters and no model machinery per row."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _spans(model, ids, columns: tuple, order: tuple) -> dict[int, list[tuple]]:
    """Rows of a per-person period table as {person_id: [(first column, start, end)]}, dates as dates."""
    out: dict[int, list[tuple]] = {}
    rows = plain_rows(model.objects.filter(person__in=ids).order_by(*order)
                      .values_list("person_id", columns[0], as_text(columns[1]), as_text(columns[2])))
    for person_id, value, start, end in rows:
        out.setdefault(person_id, []).append((value, day_of(start), day_of(end)))
    return out


def initiative_rows(field: str, ids) -> dict[int, list[tuple]]:
    """Initiatives per subject id as (year, scope, used_award, used_year), ordered as ``person_facts``
    orders them; ``used_*`` name the first valid award that used it (two queries)."""
    # Ordered by subject first (then as person_facts): the subject's index leaves only each subject's
    # few rows to sort.
    rows = plain_rows(Initiative.objects.filter(**{f"{field}__in": ids}).order_by(field, "year", "id")
                      .values_list(field, "id", "year", "scope"))
    used: dict[int, tuple] = {}
    usage = getattr(Initiative, "used_in_awards", None)   # see _initiatives: no import from decisions
    if rows and usage is not None:
        # The same links as _initiatives reads, selected by subject rather than by a list of every
        # initiative id.
        links = plain_rows(usage.through.objects
                           .filter(**{f"initiative__{field}__in": ids}, award__status="valid")
                           .order_by("award__year", "award_id")
                           .values_list("initiative_id", "award__entry__code", "award__year"))
        for initiative_id, code, year in links:
            used.setdefault(initiative_id, (code, year))
    out: dict[int, list[tuple]] = {}
    none = (None, None)
    for subject_id, pk, year, scope in rows:
        out.setdefault(subject_id, []).append((year, scope, *used.get(pk, none)))
    return out


def rating_rows(field: str, ids) -> dict[int, dict[int, str]]:
    """Yearly ratings per subject id as {year: rating}, years ascending."""
    out: dict[int, dict[int, str]] = {}
    # By subject, then year: each subject's years in the same order as ``_ratings`` gives them, and the
    # rows arrive grouped (SQLite sorts only within a subject, along the subject's index).
    rows = plain_rows(YearlyRating.objects.filter(**{f"{field}__in": ids}).order_by(field, "year")
                      .values_list(field, "year", "rating"))
    for subject_id, year, rating in rows:
        ratings = out.get(subject_id)
        if ratings is None:
            out[subject_id] = {year: rating}
        else:
            ratings[year] = rating
    return out


def person_fact_rows(person_ids, *, on: date | None = None) -> PersonFactRows:
    """The facts of ``person_facts`` for many people as plain rows (see ``PersonFactRows``)."""
    on = on or timezone.localdate()
    ids = id_values(person_ids)   # one parameter for the whole batch, shared by every query
    people = {pk: (gender, day_of(birth), day_of(recruited), under_review)
              for pk, gender, birth, recruited, under_review in plain_rows(
                  Person.objects.filter(pk__in=ids).values_list(
                      "pk", "gender", as_text("birth_date"), as_text("recruited_on"), "under_discipline_review"))}
    service: dict[int, dict] = {}
    for person_id, spans in _spans(ServicePeriod, ids, ("kind", "started_on", "ended_on"),
                                   ("started_on", "id")).items():
        by_kind: dict[str, list] = {}
        for kind, start, end in spans:
            by_kind.setdefault(kind, []).append((start, end))
        service[person_id] = service_years(by_kind, on)
    return PersonFactRows(
        people=people,
        ratings=rating_rows("person", ids),
        initiatives=initiative_rows("person", ids),
        leave=_spans(LeaveRecord, ids, ("kind", "started_on", "ended_on"), ("started_on", "id")),
        discipline=_spans(DisciplineRecord, ids, ("level", "decided_on", "until"), ("decided_on", "id")),
        posts=_spans(PostHeld, ids, ("post", "started_on", "ended_on"), ("started_on", "id")),
        service=service,
    )
