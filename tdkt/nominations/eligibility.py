"""Eligibility of stored nominations: builds the engine's cases from the database for a whole
batch in a fixed number of queries, runs ``tdkt.rules.check_many`` once, and keeps the result on
each nomination (shown to the clerk before submitting and to the officer at appraisal).

Queries per batch, whatever its size (``check_nominations``): people's facts (8, see
``organizations.queries.person_fact_rows``), collectives' facts (4, only when the batch has
collectives), catalogue codes and award history (2), consultations (1), receipt events (1), council
votes (1, 2 when there are closed sessions), rule parameters, base salaries and holidays (3). A
nomination whose stored facts the case contract refuses adds, once per batch, the queries of
``build_cases`` (the reference path, which writes the JSON contract of docs/rules.md).
"""

import gc
from collections import defaultdict
from contextlib import contextmanager
from datetime import date
from typing import NamedTuple

from django.db.models import CharField, Count, Q, Value
from django.db.models.functions import Concat
from django.utils import timezone

from tdkt import rules
from tdkt.catalogue.models import Authority, CatalogueEntry
from tdkt.decisions.models import Award
from tdkt.nominations import checker
from tdkt.nominations.models import Attendance, Consultation, DossierKind, Nomination, TimelineEvent, Vote
from tdkt.organizations.queries import (as_text, collective_facts, day_of, id_values, person_fact_rows, person_facts,
                                        plain_rows)
from tdkt.rules.case import (ACHIEVEMENT_KINDS, DECIDERS, DISCIPLINE_LEVELS, LEAVE_KINDS, RATINGS, SCOPE_RANK,
                             Achievement, Batch, Case, Council, Discipline, HistoryEntry, Initiative, Leave, Members,
                             Post, Posting, Subject)

# Which authority a nomination's decision belongs to when the dossier goes to the province:
# the province chair where the catalogue lets them decide, else the entry's own decider
# (state-level awards: the Prime Minister or the President).
_PROVINCE = Authority.PROVINCE_CHAIR


def _decider(entry) -> str | None:
    deciders = entry.deciders or []
    if _PROVINCE in deciders:
        return _PROVINCE
    return deciders[0] if deciders else None


def _history(person_ids, collective_ids) -> tuple[dict, dict]:
    by_person, by_collective = defaultdict(list), defaultdict(list)
    rows = (Award.objects.filter(status=Award.Status.VALID)
            .filter(Q(person_id__in=id_values(person_ids)) | Q(collective_id__in=id_values(collective_ids)))
            .values_list("person_id", "collective_id", "entry__code", "period_from_year", "period_to_year",
                         "year", "decision__issued_on", "achievement_kind"))
    for person_id, collective_id, code, start, end, year, issued_on, kind in rows:
        item = {"award": code, "from_year": start or year, "to_year": end or year,
                "decided_on": issued_on.isoformat(), "kind": kind}
        (by_person[person_id] if person_id else by_collective[collective_id]).append(item)
    return by_person, by_collective


def _council(nomination_ids) -> dict[int, dict]:
    """The latest closed session's count for each nomination (counted on total membership)."""
    votes = (Vote.objects.filter(nomination_id__in=id_values(nomination_ids), session__state="closed")
             .values("nomination_id", "session_id", "session__total_members", "session__held_on")
             .annotate(yes=Count("id", filter=Q(choice=Vote.Choice.YES, written=False)),
                       written_yes=Count("id", filter=Q(choice=Vote.Choice.YES, written=True)))
             .order_by("nomination_id", "session__held_on"))
    rows = list(votes)
    session_ids = {row["session_id"] for row in rows}
    present = dict(Attendance.objects.filter(session_id__in=session_ids, present=True)
                   .values("session_id").annotate(n=Count("id")).values_list("session_id", "n")) if session_ids else {}
    council = {}
    for row in rows:  # later sessions overwrite earlier ones
        council[row["nomination_id"]] = {"members": row["session__total_members"],
                                         "present": present.get(row["session_id"], 0),
                                         "yes": row["yes"], "written_yes": row["written_yes"],
                                         "held_on": row["session__held_on"]}
    return council


def build_cases(nominations, *, on: date | None = None) -> list[dict]:
    """One case per nomination (same order), from what the database holds."""
    on = on or timezone.localdate()
    nominations = list(nominations)
    person_ids = [n.person_id for n in nominations if n.person_id]
    collective_ids = [n.collective_id for n in nominations if n.collective_id]
    dossier_ids = {n.dossier_id for n in nominations}
    people = person_facts(person_ids, on=on) if person_ids else {}
    collectives = collective_facts(collective_ids) if collective_ids else {}
    history_of_person, history_of_collective = _history(person_ids, collective_ids)
    postings = {c.dossier_id: c for c in Consultation.objects.filter(dossier_id__in=dossier_ids)}
    received = dict(TimelineEvent.objects.filter(dossier_id__in=dossier_ids, event_type="dossier.received")
                    .order_by("at").values_list("dossier_id", "at"))
    council = _council([n.pk for n in nominations])
    same_award = defaultdict(int)
    for nomination in nominations:
        same_award[(nomination.dossier_id, nomination.entry.code)] += 1

    kinds = {}  # dossier kind -> achievement kind (an enum lookup per nomination was a visible cost)
    cases = []
    for nomination in nominations:
        dossier, entry = nomination.dossier, nomination.entry
        kind = kinds.get(dossier.kind)
        if kind is None:
            kind = kinds[dossier.kind] = str(DossierKind(dossier.kind).achievement_kind)
        if nomination.person_id:
            facts = dict(people.get(nomination.person_id, {"kind": "person"}))
            history = history_of_person.get(nomination.person_id, [])
        elif nomination.collective_id:
            facts = dict(collectives.get(nomination.collective_id, {"kind": "collective"}))
            facts["members"] = facts.pop("members_by_year", {}).get(str(dossier.year))
            history = history_of_collective.get(nomination.collective_id, [])
        else:
            facts, history = {"kind": "household"}, []
        initiatives = [{key: value for key, value in item.items() if key in ("year", "scope", "used_for")}
                       for item in facts.pop("initiatives", [])]
        facts.pop("service_periods", None)
        case = {
            "decision_date": (dossier.planned_council_on or on).isoformat(),
            "award": entry.code,
            "achievement": {"kind": kind, "year": dossier.year,
                            "from_year": nomination.period_from_year or dossier.year,
                            "to_year": nomination.period_to_year or dossier.year},
            "decider": _decider(entry),
            "subject": {key: value for key, value in facts.items() if value is not None},
            "history": history,
            "initiatives": initiatives,
            "batch": {"same_award_proposed": same_award[(dossier.pk, entry.code)]},
        }
        if nomination.pk in council:
            votes = council[nomination.pk]
            case["council"] = {key: votes[key] for key in ("members", "present", "yes", "written_yes")}
        posting = postings.get(dossier.pk)
        if posting is not None:
            council_on = council.get(nomination.pk, {}).get("held_on") or dossier.planned_council_on
            case["posting"] = {"from": posting.starts_on.isoformat(),
                               "council_on": council_on.isoformat() if council_on else None}
        if dossier.pk in received:
            case["received_on"] = timezone.localdate(received[dossier.pk]).isoformat()
        cases.append(case)
    return cases


def _case_initiatives(facts: dict) -> list[dict]:
    """Take the initiatives (and the service periods the contract does not carry) out of a subject's
    facts, as ``build_cases`` does; return the initiatives as the case's top-level list."""
    facts.pop("service_periods", None)
    return [{key: value for key, value in item.items() if key in ("year", "scope", "used_for")}
            for item in facts.pop("initiatives", [])]


def person_cases(requests, *, on: date | None = None) -> list[dict]:
    """Cases for people not (yet) nominated, as ``build_cases`` would make them for an annual
    nomination: ``requests`` is a list of (person_id, catalogue entry, from_year, to_year); one case
    per request, same order, in the same fixed number of queries (the suggestions page)."""
    on = on or timezone.localdate()
    requests = list(requests)
    person_ids = list({person_id for person_id, _entry, _start, _end in requests})
    people = person_facts(person_ids, on=on) if person_ids else {}
    history, _collectives = _history(person_ids, [])
    cases = []
    for person_id, entry, from_year, to_year in requests:
        facts = dict(people.get(person_id, {"kind": "person"}))
        initiatives = _case_initiatives(facts)
        cases.append({
            "decision_date": on.isoformat(),
            "award": entry.code,
            "achievement": {"kind": "annual", "year": to_year, "from_year": from_year, "to_year": to_year},
            "decider": _decider(entry),
            "subject": {key: value for key, value in facts.items() if value is not None},
            "history": history.get(person_id, []),
            "initiatives": initiatives,
            "batch": {"same_award_proposed": 1},
        })
    return cases


def run_cases(cases) -> list[dict]:
    """The engine over prepared cases, in one batch, with the province's parameters."""
    if not cases:
        return []
    return rules.check_many(cases, parameters=checker.rule_parameters(), base_salaries=checker.base_salaries(),
                            holidays=checker.holidays())


def check_nominations(nominations, *, on: date | None = None) -> list[dict]:
    """The engine's result for each nomination (same order), with the province's parameters.

    Same results as ``rules.check_many(build_cases(nominations))``, faster: the cases are built as the
    engine's own objects straight from the fetched rows (``case_objects``)."""
    nominations = list(nominations)
    if not nominations:
        return []
    with gc_paused():
        cases = case_objects(nominations, on=on)
        return rules.check_many(cases, parameters=checker.rule_parameters(),
                                base_salaries=checker.base_salaries(), holidays=checker.holidays())


def nominations_of(dossier):
    return (Nomination.objects.filter(dossier=dossier)
            .select_related("dossier", "entry", "person", "collective", "household").order_by("pk"))


def failed_rules(result: dict) -> list[str]:
    return [reason["rule"] for reason in result["reasons"] if reason["ok"] is False]


MARKS = {True: ("ok", "✓"), False: ("fail", "✗"), None: ("check", "?")}
_ORDER = {"fail": 0, "check": 1, "ok": 2}


def present(result: dict) -> dict:
    """The engine's result for a page: reasons with a mark, failures first, the message in the
    user's language, counts per mark and the regime's label."""
    from django.utils.translation import get_language

    from tdkt.rules.regimes import REGIME_INFO

    english = (get_language() or "vi").startswith("en")
    reasons = []
    for reason in result.get("reasons", []):
        css, mark = MARKS.get(reason.get("ok"), MARKS[None])
        message = (reason.get("message_en") if english else None) or reason.get("message", "")
        reasons.append({**reason, "css": css, "mark": mark, "text": message})
    reasons.sort(key=lambda reason: _ORDER[reason["css"]])
    counts = {css: sum(1 for reason in reasons if reason["css"] == css) for css in _ORDER}
    info = REGIME_INFO.get(result.get("regime"), {})
    regime_label = info.get("label_en" if english else "label") or result.get("regime") or ""
    return {**result, "reasons": reasons, "counts": counts, "regime_label": regime_label}


def attach_results(nominations) -> None:
    """Run the rules for a page's nominations in one batch; set ``nomination.eligibility`` (the raw
    result, for the appraisal service) and ``nomination.eligibility_view`` (for the template)."""
    nominations = list(nominations)
    for nomination, result in zip(nominations, check_nominations(nominations)):
        nomination.eligibility = result
        nomination.eligibility_view = present(result)


# --- Batch appraisal: the engine's case objects straight from the rows ------------------------
#
# ``build_cases`` writes the JSON contract (dicts, ISO strings) and the engine parses it back: for a
# 5,000-nominee batch that round trip cost more than the rules themselves. ``case_objects`` builds the
# same ``rules.Case`` objects directly from plain rows, in a fixed number of queries. It must give
# exactly what ``parse_case(build_cases(...))`` gives (tdkt/nominations/tests/test_eligibility_batch.py
# checks it); a nomination whose stored facts the contract would refuse goes through ``build_cases``
# itself, so that its ``CASE.invalid`` reason names the field exactly as before.


class _Unusual(Exception):
    """Stored facts that ``parse_case`` would refuse or read in a special way."""


@contextmanager
def gc_paused():
    """Pause the cycle collector for one batch. A batch allocates about a million small containers that
    form no cycles; with the collector on, the allocations keep triggering collections that walk the
    whole live heap (the loaded nominations above all), a quarter of the batch's time. Memory is
    reclaimed by reference counting as usual; the collector resumes (if it was on) at the end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_new_entry = tuple.__new__


def history_entries(person_ids, collective_ids) -> tuple[dict, dict]:
    """The award history as the engine reads it, per person and per collective: (entries, index by
    award code, any non-annual entry), exactly as ``parse_case`` builds them from ``_history``'s dicts
    (same rows, same order within a subject). A subject with a row the contract would refuse maps to
    None: its cases are then built the careful way."""
    codes = dict(CatalogueEntry.objects.values_list("id", "code"))   # a small table: no join per row
    rows = plain_rows(Award.objects.filter(status=Award.Status.VALID)
                      .filter(Q(person_id__in=id_values(person_ids)) | Q(collective_id__in=id_values(collective_ids)))
                      # By subject first: the index on person_id then leaves the database only each
                      # subject's dozen rows to sort by the model's own ordering (which _history uses).
                      .order_by("person_id", "collective_id", *Award._meta.ordering)
                      .values_list("person_id", "collective_id", _ENTRY_TEXT))
    by_person: dict = {}
    by_collective: dict = {}
    # One decision gives the same title to a whole unit, so most rows repeat another's text: the entry
    # built for the first is reused (entries are immutable tuples) and the row costs a dictionary lookup.
    built: dict[str, HistoryEntry | None] = {}
    subject = groups = entries = index = None
    for person_id, collective_id, text in rows:
        key = person_id or collective_id
        target = by_person if person_id else by_collective
        if key != subject or target is not groups:
            if groups is not None:
                _store_history(groups, subject, entries, index)
            subject, groups, entries, index = key, target, [], {}
        if index is None:
            continue   # an earlier row of this subject was unusual
        entry = built.get(text, False)
        if entry is False:
            entry = built[text] = _history_entry(text, codes)
        if entry is None:
            index = None   # the subject is read the careful way (build_cases + parse_case)
            continue
        entries.append(entry)
        bucket = index.get(entry[0])
        if bucket is None:
            index[entry[0]] = [entry]
        else:
            bucket.append(entry)
    if groups is not None:
        _store_history(groups, subject, entries, index)
    return by_person, by_collective


# The fields of a history entry as ONE text per row ("entry|from|to|year|issued_on|kind"; a missing
# period is empty): the database joins them in C, and the batch then creates one string per row
# instead of six values, and looks that string up (see history_entries).
_ENTRY_TEXT = Concat("entry_id", Value("|"), "period_from_year", Value("|"), "period_to_year", Value("|"), "year",
                     Value("|"), as_text("decision__issued_on"), Value("|"), "achievement_kind",
                     output_field=CharField())


def _store_history(groups: dict, key, entries: list, index: dict | None) -> None:
    if index is None:
        groups[key] = None
        return
    non_annual = False
    for entry in entries:
        if entry[4] != "annual":
            non_annual = True
            break
    groups[key] = (tuple(entries), index, non_annual)


def _year(text: str) -> int | None:
    return int(text) if text else None


def _history_entry(text: str, codes) -> HistoryEntry | None:
    """One award row (as ``_ENTRY_TEXT``) as ``parse_case`` reads ``_history``'s dict of it; None when
    that reading is not the plain one (missing or inverted period, empty code or kind)."""
    entry_id, start, end, year, issued_on, kind = text.split("|", 5)
    code = codes.get(int(entry_id))
    year = _year(year)
    start = _year(start) or year   # as _history: the award's year stands for a missing period
    end = _year(end) or year
    if type(start) is not int or type(end) is not int or end < start or not code or not kind or not issued_on:
        return None
    return _new_entry(HistoryEntry, (code, start, end, day_of(issued_on), kind))


def _subject_of_person(pk: int, facts) -> Subject:
    gender, birth, recruited, under_review = facts.people.get(pk) or (None, None, None, None)
    leave = facts.leave.get(pk)
    if leave:
        if any(kind not in LEAVE_KINDS for kind, _start, _end in leave):
            raise _Unusual
        leave = tuple(Leave(kind, start, end) for kind, start, end in leave)
    discipline = facts.discipline.get(pk)
    if discipline:
        if any(level not in DISCIPLINE_LEVELS for level, _on, _until in discipline):
            raise _Unusual
        discipline = tuple(Discipline(level, on, until) for level, on, until in discipline)
    posts = facts.posts.get(pk)
    if posts:
        posts = tuple(Post(title, start, end) for title, start, end in posts)
    ratings = facts.ratings.get(pk)
    if ratings is None:
        ratings = {}
    elif not _RATING_SET.issuperset(ratings.values()):
        raise _Unusual
    service = facts.service.get(pk) or _NO_SERVICE
    get = service.get
    return Subject("person", gender or None, birth, recruited, ratings, leave or (), discipline or (),
                   under_review, posts or (), get("direct_teaching_years"), get("hardship_years"),
                   get("sector_years"), False, get("contribution_years"), get("service_months"))


def _subject_of_collective(facts: dict | None, year) -> Subject:
    """The subject ``build_cases`` + ``parse_case`` make of ``collective_facts``' dict."""
    facts = facts or {}
    ratings = facts.get("ratings") or {}
    if ratings:
        if not all(key.isdigit() for key in ratings) or not _RATING_SET.issuperset(ratings.values()):
            raise _Unusual
        ratings = {int(key): value for key, value in ratings.items()}
    members = (facts.get("members_by_year") or {}).get(str(year))
    if members is not None:
        total = members.get("total")
        if not total or type(total) is not int:
            raise _Unusual
        members = Members(total, members.get("completed_tasks"), members.get("ldtt"), members.get("cstdcs"),
                          members.get("disciplined_canh_cao_or_above"))
    return Subject("collective", ratings=ratings, members=members)


def _initiatives_of(rows, built: dict) -> tuple:
    """(year, scope, used_award, used_year) rows → the engine's initiatives. ``built`` keeps the ones
    already made in this batch: equal rows give one shared (immutable by convention) object."""
    if not rows:
        return ()
    out = []
    for row in rows:
        initiative = built.get(row)
        if initiative is None:
            year, scope, award, used_year = row
            if scope not in SCOPE_RANK or type(year) is not int:
                raise _Unusual
            initiative = built[row] = Initiative(year, scope, award, used_year)
        out.append(initiative)
    return tuple(out)


def _initiative_rows(items) -> list[tuple]:
    """``collective_facts``' initiative dicts as ``initiative_rows`` gives them for people."""
    rows = []
    for item in items or ():
        used = item.get("used_for") or {}
        rows.append((item.get("year"), item.get("scope"), used.get("award"), used.get("year")))
    return rows


_RATING_SET = frozenset(RATINGS)
_NO_SERVICE: dict = {}
_EMPTY_HISTORY = ((), {}, False)


class _Template(NamedTuple):
    """The part of a case shared by every nomination of one dossier for one catalogue entry and period."""

    decision_date: date
    award: str
    achievement: Achievement
    decider: str | None
    batch: Batch
    received_on: date | None
    posting_from: date | None   # the public posting's first day, if any
    planned_council_on: date | None
    posting: Posting | None     # the posting for a nomination without a council vote


class _Dossiers:
    """What a batch needs of its dossiers and catalogue entries: the per-dossier facts (three queries,
    four with council votes) and, worked out once per (dossier, entry, period), the shared part of the
    cases (the entries are immutable by convention, so sharing them is safe)."""

    def __init__(self, nominations, on: date):
        dossier_ids = {n.dossier_id for n in nominations}
        self.postings = {c.dossier_id: c.starts_on for c in Consultation.objects.filter(dossier_id__in=dossier_ids)}
        self.received = dict(TimelineEvent.objects.filter(dossier_id__in=dossier_ids, event_type="dossier.received")
                             .order_by("at").values_list("dossier_id", "at"))
        self.council = _council([n.id for n in nominations])
        self.entry_codes = {}
        self.same_award = defaultdict(int)
        for nomination in nominations:
            code = self.entry_codes.get(nomination.entry_id)
            if code is None:
                code = self.entry_codes[nomination.entry_id] = nomination.entry.code
            self.same_award[(nomination.dossier_id, code)] += 1
        self.on = on
        self._templates: dict[tuple, _Template] = {}

    def template(self, nomination) -> _Template:
        key = (nomination.dossier_id, nomination.entry_id, nomination.period_from_year, nomination.period_to_year)
        template = self._templates.get(key)
        if template is None:
            template = self._templates[key] = self._template(nomination)
        return template

    def _template(self, nomination) -> _Template:
        """As build_cases writes these fields and parse_case reads them back."""
        dossier, entry = nomination.dossier, nomination.entry
        kind = str(DossierKind(dossier.kind).achievement_kind)
        decider = _decider(entry)
        if not entry.code or kind not in ACHIEVEMENT_KINDS or (decider is not None and decider not in DECIDERS):
            raise _Unusual
        year = dossier.year
        start = nomination.period_from_year or year
        end = nomination.period_to_year or year
        if type(year) is not int or type(start) is not int or type(end) is not int or start > end:
            raise _Unusual
        received = self.received.get(dossier.pk)
        posting_from = self.postings.get(dossier.pk)
        return _Template(
            decision_date=dossier.planned_council_on or self.on, award=entry.code,
            achievement=Achievement(kind, year, start, end), decider=decider,
            batch=Batch(self.same_award[(dossier.pk, entry.code)]),
            received_on=timezone.localdate(received) if received is not None else None,
            posting_from=posting_from, planned_council_on=dossier.planned_council_on,
            posting=Posting(posting_from, dossier.planned_council_on) if posting_from is not None else None)


def _case_object(nomination, dossiers: _Dossiers, subject: Subject, history, initiatives) -> Case:
    shared = dossiers.template(nomination)
    entries, by_award, non_annual = history
    votes = dossiers.council.get(nomination.id)
    if votes is None:
        council, posting = None, shared.posting
    else:
        council = Council(votes["members"] or 0, votes["present"], votes["yes"] or 0, votes["written_yes"] or 0)
        posting = None
        if shared.posting_from is not None:   # posted until the session that voted
            posting = Posting(shared.posting_from, votes["held_on"] or shared.planned_council_on)
    return Case(shared.decision_date, shared.award, shared.achievement, shared.decider, subject, entries, initiatives,
                council, posting, shared.received_on, shared.batch, None, None, (), by_award, non_annual)


class BatchFacts(NamedTuple):
    """Everything the database gives a batch (``load_batch``), before the cases are assembled."""

    people: object            # organizations.queries.PersonFactRows, or None without people
    collectives: dict         # collective_facts
    history_of_person: dict   # history_entries
    history_of_collective: dict
    dossiers: _Dossiers


def load_batch(nominations, on: date) -> BatchFacts:
    """The queries of a batch: a fixed number whatever its size (see the module docstring)."""
    person_ids = [n.person_id for n in nominations if n.person_id]
    collective_ids = [n.collective_id for n in nominations if n.collective_id]
    history_of_person, history_of_collective = history_entries(person_ids, collective_ids)
    return BatchFacts(people=person_fact_rows(person_ids, on=on) if person_ids else None,
                      collectives=collective_facts(collective_ids) if collective_ids else {},
                      history_of_person=history_of_person, history_of_collective=history_of_collective,
                      dossiers=_Dossiers(nominations, on))


def case_objects(nominations, *, on: date | None = None) -> list:
    """The engine's case for each nomination (same order), as ``parse_case(build_cases(...)[i])`` would
    give it; a nomination with facts the contract refuses gets its ``build_cases`` dict instead (the
    engine then names the field). Queries: a fixed number per batch (see the module docstring)."""
    on = on or timezone.localdate()
    nominations = list(nominations)
    return assemble_cases(nominations, load_batch(nominations, on), on)


def assemble_cases(nominations: list, facts: BatchFacts, on: date) -> list:
    """The cases of ``case_objects`` from the loaded facts (no query, except for refused facts)."""
    people, collectives, dossiers = facts.people, facts.collectives, facts.dossiers
    history_of_person, history_of_collective = facts.history_of_person, facts.history_of_collective
    initiatives_built: dict[tuple, Initiative] = {}
    cases, unusual = [], []
    for i, nomination in enumerate(nominations):
        try:
            if nomination.person_id:
                pk = nomination.person_id
                subject = _subject_of_person(pk, people)
                history = history_of_person.get(pk, _EMPTY_HISTORY)
                initiatives = _initiatives_of(people.initiatives.get(pk), initiatives_built)
            elif nomination.collective_id:
                found = collectives.get(nomination.collective_id)
                subject = _subject_of_collective(found, nomination.dossier.year)
                history = history_of_collective.get(nomination.collective_id, _EMPTY_HISTORY)
                initiatives = _initiatives_of(_initiative_rows((found or {}).get("initiatives")), initiatives_built)
            else:
                subject, history, initiatives = Subject("household", ratings={}), _EMPTY_HISTORY, ()
            if history is None:
                raise _Unusual
            cases.append(_case_object(nomination, dossiers, subject, history, initiatives))
        except _Unusual:
            cases.append(None)
            unusual.append(i)
    if unusual:   # rare: data stored before validation existed; the reference path, once per batch
        for i, case in zip(unusual, build_cases([nominations[i] for i in unusual], on=on)):
            nomination = nominations[i]   # counted over the whole batch, not over this subset
            case["batch"]["same_award_proposed"] = dossiers.same_award[(nomination.dossier_id, nomination.entry.code)]
            cases[i] = case
    return cases
