"""Read side of emulation for the layers above (eligibility facts, plans, reports).

- ``registered_titles``: who registered which title in a year (the rules' ``registered`` fact,
  COMMON.registration, where an issuer requires registration);
- ``cluster_ranks``: a unit's rank in its cluster or block (the rules' ``subject.cluster_rank`` for
  Cờ thi đua: the flag goes to the unit leading its cluster or block);
- ``conferences_between``: conferences and ceremonies in a period (the plans' list).
"""

from datetime import date

from tdkt.emulation.models import Conference, GroupResult, Registration, RegistrationLine

SENT = (Registration.Status.SUBMITTED, Registration.Status.RECEIVED)


def registered_titles(year: int, *, person_ids=(), collective_ids=()) -> set[tuple[str, int, str]]:
    """{("person" | "collective", id, title code)} registered in sent registrations of ``year``."""
    lines = RegistrationLine.objects.filter(registration__year=year, registration__status__in=SENT)
    found = set()
    if person_ids:
        found |= {("person", p, code) for p, code in
                  lines.filter(person_id__in=person_ids).values_list("person_id", "entry__code")}
    if collective_ids:
        found |= {("collective", c, code) for c, code in
                  lines.filter(collective_id__in=collective_ids).values_list("collective_id", "entry__code")}
    return found


def cluster_ranks(year: int, unit_ids) -> dict[int, int]:
    """{unit id: rank} from the aggregated score sheets of ``year`` (best rank if in several groups)."""
    ranks: dict[int, int] = {}
    for unit_id, rank in GroupResult.objects.filter(group__year=year, unit_id__in=unit_ids).values_list("unit_id",
                                                                                                         "rank"):
        ranks[unit_id] = min(rank, ranks.get(unit_id, rank))
    return ranks


def conferences_between(start: date, end: date):
    return Conference.objects.filter(held_on__range=(start, end)).select_related("organiser", "movement")
