"""Registered against achieved (đăng ký thi đua, year end): how many registered lines of a unit
and title ended with a valid award of that title in that year for the same person or collective.

Emulation cannot read the archive (decisions is above it); this module registers itself as the
``achieved_counts`` provider of ``tdkt.emulation.hooks`` and the results page calls it.
"""

from tdkt.decisions.models import Award
from tdkt.emulation.hooks import provide
from tdkt.emulation.models import Registration, RegistrationLine

SENT = (Registration.Status.SUBMITTED, Registration.Status.RECEIVED)


@provide("achieved_counts")
def achieved_counts(year: int, unit_ids=None) -> dict[tuple[int, str], int]:
    lines = RegistrationLine.objects.filter(registration__year=year, registration__status__in=SENT)
    if unit_ids is not None:
        lines = lines.filter(registration__unit_id__in=unit_ids)
    lines = list(lines.values_list("registration__unit_id", "entry__code", "person_id", "collective_id"))
    codes = {code for _unit, code, _p, _c in lines}
    awards = Award.objects.filter(year=year, status=Award.Status.VALID, entry__code__in=codes).order_by()
    people = {p for _u, _c, p, _col in lines if p}
    collectives = {c for _u, _code, _p, c in lines if c}
    fields = ("entry__code", "person_id", "collective_id")
    won = set(awards.filter(person_id__in=people).values_list(*fields))
    won |= set(awards.filter(collective_id__in=collectives).values_list(*fields))
    counts: dict = {}
    for unit_id, code, person, collective in lines:
        if (code, person, collective) in won:
            counts[(unit_id, code)] = counts.get((unit_id, code), 0) + 1
    return counts
