"""Suggestions ("Gợi ý đề nghị", issue 3): people in the user's scope whose valid award history now
completes the chain of a higher title and who have not been proposed for it.

Chains (LAW.md §1.2, §1.5 item 1, §2.8), lengths read from the rule parameters so that an
administrator's overlay moves them too:

* CSTD_TINH: 3 consecutive CSTĐCS ending in the year (Luật TĐKT 2022 Điều 22);
* CSTDTQ: 2 consecutive CSTĐ tỉnh/bộ, the second ending in the year (Điều 21);
* BK_TINH: 2 consecutive CSTĐCS ending in the year (Điều 74 k1 d);
* BK_TTG: a BK tỉnh/bộ, then the 5 years up to the year all rated at least "good", with 3 CSTĐCS
  among them (Điều 73 k1 b).

"Consecutive" means adjacent achievement periods (a period starts the year after the previous one
ends), no gap; only annual (công trạng) awards count (NĐ 152 Điều 4 k3). The chain starts after the
period of the last award of the target itself, as the interval rule counts it (NĐ 98 Điều 30 k9),
so someone already holding the target for the chain's last year is not suggested. Also left out:
people with an open nomination for the target (any dossier not withdrawn whose nomination is not
decided: outcome pending or forwarded) for a period reaching into the chain, and people under
disciplinary review (NĐ 152 Điều 4 k4).

Queries, whatever the number of people: rule parameters (1), catalogue (1), awards (1), ratings
(1, only when BK_TTG is asked for), nominations (1). ``attach_verdicts`` runs the engine for a page
of suggestions in one batch (``eligibility.person_cases``: a fixed number more).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils import timezone

from tdkt.catalogue.models import CatalogueEntry
from tdkt.decisions.models import AchievementKind, Award
from tdkt.nominations import checker, eligibility
from tdkt.nominations.models import Nomination, Status
from tdkt.organizations.models import Rating, YearlyRating
from tdkt.organizations.scope import unit_scope_q
from tdkt.rules import regime_for
from tdkt.rules.parameters import resolve

CSTDCS = "CSTDCS"
GOOD_RATINGS = (Rating.EXCELLENT, Rating.GOOD)
# How far back (years before the chosen year) chains of multi-year titles are looked for.
LOOKBACK_YEARS = 12


@dataclass(frozen=True)
class Target:
    code: str
    prerequisites: tuple[str, ...]  # the awards the chain is made of (BK_TTG: the prerequisite award)
    length_parameter: str           # rule parameter holding the chain's length
    default_length: int
    article: str
    equivalents: tuple[str, ...]    # awards that count as holding the target already


TARGETS = {
    "CSTD_TINH": Target("CSTD_TINH", (CSTDCS,), "CSTD_TINH.consecutive_cstdcs", 3, "Luật TĐKT 2022 Điều 22",
                        ("CSTD_TINH", "CSTD_BO")),
    "CSTDTQ": Target("CSTDTQ", ("CSTD_TINH", "CSTD_BO"), "CSTDTQ.consecutive_cstd_tinh", 2,
                     "Luật TĐKT 2022 Điều 21", ("CSTDTQ",)),
    "BK_TINH": Target("BK_TINH", (CSTDCS,), "BK_TINH.d_consecutive_cstdcs", 2, "Luật TĐKT 2022 Điều 74 k1 d",
                      ("BK_TINH", "BK_BO")),
    "BK_TTG": Target("BK_TTG", ("BK_TINH", "BK_BO"), "BK_TTG.b_years", 5, "Luật TĐKT 2022 Điều 73 k1 b",
                     ("BK_TTG",)),
}
BK_TTG_CSTDCS_PARAMETER, BK_TTG_CSTDCS_DEFAULT = "BK_TTG.b_cstdcs", 3


@dataclass(frozen=True)
class Link:
    """One award of a chain."""

    code: str
    from_year: int
    to_year: int
    decision_number: str
    annual: bool

    @property
    def years(self) -> str:
        return str(self.to_year) if self.from_year == self.to_year else f"{self.from_year}–{self.to_year}"


@dataclass
class Suggestion:
    person_id: int
    person_name: str
    unit_id: int
    unit_name: str
    unit_path: str
    target: Target
    entry: CatalogueEntry
    from_year: int
    year: int
    chain: list[Link]
    sort_name: str = ""
    result: dict | None = None                      # the engine's raw result
    view: dict | None = None                        # eligibility.present(result)
    first_reason: dict | None = field(default=None)  # the first failing or needs-check reason

    @property
    def chain_years(self) -> list[int]:
        return [link.to_year for link in self.chain]


@dataclass
class _Person:
    name: str
    sort_name: str
    unit_id: int
    unit_name: str
    unit_path: str
    links: list[Link] = field(default_factory=list)


def lengths(overlay=None, *, on: date) -> dict[str, int]:
    """Chain length per target (and the CSTĐCS count of BK_TTG point b) from the rule parameters
    of the regime in force on ``on``, with the administrator's overlay."""
    params = resolve(regime_for(on), overlay)
    result = {code: params.get(t.length_parameter) or t.default_length for code, t in TARGETS.items()}
    result[BK_TTG_CSTDCS_PARAMETER] = params.get(BK_TTG_CSTDCS_PARAMETER) or BK_TTG_CSTDCS_DEFAULT
    return result


def _end(period_to_year, year) -> int:
    return period_to_year or year


def _end_at_least(low: int) -> Q:
    return Q(period_to_year__gte=low) | Q(period_to_year__isnull=True, year__gte=low)


def _people_with_awards(person_scope: Q, targets, *, year: int, n: dict) -> dict[int, _Person]:
    """Every award the chains can use or that shows the target is held, per person (one query)."""
    cstdcs_window = max([n[code] for code in ("CSTD_TINH", "BK_TINH") if code in targets]
                        + ([n["BK_TTG"]] if "BK_TTG" in targets else []) + [1])
    by_code: dict[str, int | None] = {}  # code → lowest end year worth reading (None: any)

    def want(codes, low):
        for code in codes:
            if code not in by_code:
                by_code[code] = low
            elif by_code[code] is not None:
                by_code[code] = None if low is None else min(by_code[code], low)

    for code in targets:
        target = TARGETS[code]
        want(target.equivalents, year - LOOKBACK_YEARS)
        if code == "BK_TTG":
            want(target.prerequisites, None)  # an old certificate of merit opens the window too
            want((CSTDCS,), year - n["BK_TTG"] + 1)
        elif target.prerequisites == (CSTDCS,):
            want((CSTDCS,), year - cstdcs_window + 1)
        else:
            want(target.prerequisites, year - LOOKBACK_YEARS)
    award_filter = Q()
    for code, low in by_code.items():
        award_filter |= Q(entry__code=code) & (_end_at_least(low) if low is not None else Q())
    rows = (Award.objects.filter(person_scope, award_filter, status=Award.Status.VALID, person__isnull=False,
                                 person__under_discipline_review=False)
            .values_list("person_id", "person__full_name", "person__search_name", "person__unit_id",
                         "person__unit__name", "person__unit__short_name", "person__unit__path",
                         "entry__code", "period_from_year", "period_to_year", "year", "decision__number",
                         "achievement_kind")
            .order_by())
    people: dict[int, _Person] = {}
    for (person_id, name, sort_name, unit_id, unit_name, unit_short, unit_path, code, start, end, award_year,
         number, kind) in rows:
        person = people.get(person_id)
        if person is None:
            person = people[person_id] = _Person(name, sort_name, unit_id, unit_short or unit_name, unit_path)
        to_year = _end(end, award_year)
        person.links.append(Link(code, start or to_year, to_year, number, kind == AchievementKind.ANNUAL))
    return people


def _held_until(person: _Person, target: Target) -> int | None:
    ends = [link.to_year for link in person.links if link.code in target.equivalents]
    return max(ends) if ends else None


def _chain(person: _Person, target: Target, *, year: int, length: int) -> list[Link] | None:
    """The last ``length`` links of the run of adjacent annual prerequisite awards ending in ``year``,
    all after the period of the target last received; None when the run is shorter."""
    held = _held_until(person, target)
    ends_at = {}
    for link in person.links:
        if link.annual and link.code in target.prerequisites and (held is None or link.from_year > held):
            current = ends_at.get(link.to_year)
            if current is None or link.from_year < current.from_year:
                ends_at[link.to_year] = link
    chain, end = [], year
    while end in ends_at and len(chain) < length:
        link = ends_at[end]
        chain.append(link)
        end = link.from_year - 1
    return list(reversed(chain)) if len(chain) >= length else None


def _bk_ttg_chain(person: _Person, target: Target, *, year: int, years: int, cstdcs: int,
                  good_years: set[int]) -> list[Link] | None:
    """BK_TTG point b: the latest annual BK tỉnh/bộ ends before the ``years`` years up to ``year``,
    each of them rated at least good, with ``cstdcs`` CSTĐCS among them; no BK_TTG since."""
    first = year - years + 1
    prerequisites = [link for link in person.links if link.annual and link.code in target.prerequisites]
    if not prerequisites:
        return None
    latest = max(prerequisites, key=lambda link: link.to_year)
    held = _held_until(person, target)
    if latest.to_year >= first or (held is not None and held >= first):
        return None
    if any(y not in good_years for y in range(first, year + 1)):
        return None
    titles = sorted({link.to_year: link for link in person.links
                     if link.annual and link.code == CSTDCS and first <= link.to_year <= year}.values(),
                    key=lambda link: link.to_year)
    if len(titles) < cstdcs:
        return None
    return [latest, *titles]


def _good_years(person_scope: Q, *, year: int, years: int) -> dict[int, set[int]]:
    rows = (YearlyRating.objects.filter(person_scope, person__isnull=False, year__gte=year - years + 1,
                                        year__lte=year, rating__in=GOOD_RATINGS)
            .values_list("person_id", "year").order_by())
    result: dict[int, set[int]] = defaultdict(set)
    for person_id, rating_year in rows:
        result[person_id].add(rating_year)
    return result


def _open_nominations(person_scope: Q, codes) -> dict[tuple[int, str], int]:
    """(person, code) → the latest year an undecided nomination in a live dossier reaches."""
    rows = (Nomination.objects.filter(person_scope, person__isnull=False, entry__code__in=codes,
                                      outcome__in=(Nomination.Outcome.PENDING, Nomination.Outcome.FORWARDED))
            .exclude(dossier__status=Status.WITHDRAWN)
            .values_list("person_id", "entry__code", "period_to_year", "dossier__year").order_by())
    result: dict[tuple[int, str], int] = {}
    for person_id, code, end, dossier_year in rows:
        key, reaches = (person_id, code), end or dossier_year
        result[key] = max(result.get(key, reaches), reaches)
    return result


def suggestions_for(user, *, year: int, targets=None, unit=None, on: date | None = None) -> list[Suggestion]:
    """The suggestions in ``user``'s scope (optionally under ``unit``, for some target codes), in
    the order of the unit tree, then name, then target."""
    on = on or timezone.localdate()
    targets = [code for code in (targets or TARGETS) if code in TARGETS]
    n = lengths(checker.rule_parameters(), on=on)
    entries = {entry.code: entry for entry in CatalogueEntry.objects.in_force(on).filter(code__in=targets)}
    targets = [code for code in targets if code in entries]
    if not targets:
        return []
    person_scope = unit_scope_q(user, "person__unit")
    if unit is not None:
        person_scope &= Q(person__unit__path__startswith=unit.path)
    people = _people_with_awards(person_scope, targets, year=year, n=n)
    good = _good_years(person_scope, year=year, years=n["BK_TTG"]) if "BK_TTG" in targets else {}
    proposed = _open_nominations(person_scope, {code for t in targets for code in TARGETS[t].equivalents})

    found = []
    for person_id, person in people.items():
        for code in targets:
            target = TARGETS[code]
            if code == "BK_TTG":
                chain = _bk_ttg_chain(person, target, year=year, years=n[code], cstdcs=n[BK_TTG_CSTDCS_PARAMETER],
                                      good_years=good.get(person_id, set()))
                start = year - n[code] + 1
            else:
                chain = _chain(person, target, year=year, length=n[code])
                start = chain[0].from_year if chain else year
            if chain is None:
                continue
            if any(proposed.get((person_id, equivalent), 0) >= start for equivalent in target.equivalents):
                continue
            found.append(Suggestion(person_id=person_id, person_name=person.name, unit_id=person.unit_id,
                                    unit_name=person.unit_name, unit_path=person.unit_path, target=target,
                                    entry=entries[code], from_year=start, year=year, chain=chain,
                                    sort_name=person.sort_name))
    order = {code: i for i, code in enumerate(TARGETS)}
    found.sort(key=lambda s: (s.unit_path, s.sort_name, s.person_id, order[s.target.code]))
    return found


def attach_verdicts(suggestions, *, on: date | None = None) -> None:
    """Run the rules for these suggestions in one batch: each gets ``result``, ``view`` (for the
    template) and ``first_reason`` (the first failing, else the first needs-check reason)."""
    suggestions = list(suggestions)
    cases = eligibility.person_cases([(s.person_id, s.entry, s.from_year, s.year) for s in suggestions], on=on)
    for suggestion, result in zip(suggestions, eligibility.run_cases(cases)):
        suggestion.result = result
        suggestion.view = eligibility.present(result)
        suggestion.first_reason = next((r for r in suggestion.view["reasons"] if r["css"] in ("fail", "check")),
                                       None)
