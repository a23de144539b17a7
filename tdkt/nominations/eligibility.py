"""Eligibility of stored nominations: builds the engine's cases from the database for a whole
batch in a fixed number of queries, runs ``tdkt.rules.check_many`` once, and keeps the result on
each nomination (shown to the clerk before submitting and to the officer at appraisal).

Queries per batch, whatever its size: nominations, people's facts (8), collectives' facts (4),
award history (1), consultations (1), receipt events (1), council votes (2), base salaries (1),
holidays (1), rule parameters (1).
"""

from collections import defaultdict
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from tdkt import rules
from tdkt.catalogue.models import Authority
from tdkt.decisions.models import Award
from tdkt.nominations import checker
from tdkt.nominations.models import Attendance, Consultation, DossierKind, Nomination, TimelineEvent, Vote
from tdkt.organizations.queries import collective_facts, id_values, person_facts

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
    """The engine's result for each nomination (same order), with the province's parameters."""
    nominations = list(nominations)
    if not nominations:
        return []
    cases = build_cases(nominations, on=on)
    return rules.check_many(cases, parameters=checker.rule_parameters(), base_salaries=checker.base_salaries(),
                            holidays=checker.holidays())


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
