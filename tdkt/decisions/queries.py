"""Read side of the archive (sổ vàng): name search and award histories.

Name search design (docs/decisions/0004-archive-name-search.md): the query is folded
like Award.search_name and matched as a prefix of a word-start suffix of the name,
kept in AwardNameKey. One B-tree range serves it on both databases:
``key >= q AND key < q⁺`` on a (key, award_id) index in code-point order (SQLite's
binary collation; COLLATE "C" on PostgreSQL).
Substring search ("match anywhere") is served by a pg_trgm GIN index on PostgreSQL
and is a scan on SQLite.
"""

from django.db import connection
from django.db.models import Exists, F, Func, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Collate

from tdkt.catalogue.models import CatalogueEntry
from tdkt.core.text import fold
from tdkt.decisions.models import Award, AwardNameKey
from tdkt.organizations.queries import lineage_ids_for, subtree

# Above this many matches the archive shows "more than …" instead of counting every row:
# counting is the costly part of a broad search (docs/decisions/0004-archive-name-search.md).
COUNT_LIMIT = 1_000
# A name search combined with filters that leave fewer awards than this starts from those awards
# (one index probe each) instead of walking the name's key range.
PROBE_LIMIT = 2_000


def _prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix`` (code-point order)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _code_point_order(field: str):
    """The field compared in code-point order: SQLite's default, "C" collation on PostgreSQL."""
    return Collate(F(field), "C") if connection.vendor == "postgresql" else F(field)


def _keys_matching(folded: str):
    """Name keys starting with ``folded``: the range key >= q AND key < q⁺ in code-point order."""
    return (AwardNameKey.objects.annotate(ordered_key=_code_point_order("key"))
            .filter(ordered_key__gte=folded, ordered_key__lt=_prefix_upper_bound(folded)))


def _filter_by_name(awards, folded: str):
    """Awards with a word-start suffix beginning with ``folded``, ordered by the matching suffix.

    Key-driven: the range on the (key, award_id) index, which is in code-point order on both
    databases, so the first page is read in index order with no sort. An award whose name
    matches at two words ("dao van dao" for "dao") is kept once, for its smallest matching
    key (a probe on the (award_id, key) index).
    """
    upper = _prefix_upper_bound(folded)
    awards = awards.alias(matched_key=_code_point_order("name_keys__key"),
                          matched_award=F("name_keys__award_id"))
    awards = awards.filter(matched_key__gte=folded, matched_key__lt=upper)
    smaller_match = _keys_matching(folded).filter(award_id=OuterRef("pk"),
                                                  ordered_key__lt=OuterRef("matched_key"))
    return awards.filter(~Exists(smaller_match))


def _filter_by_name_from_awards(awards, folded: str):
    """The same rows and order as _filter_by_name, read from the awards the other filters select.

    Each candidate award probes the (award_id, key) index for its smallest matching key. Used
    when the other filters leave few awards and the name is common ("nguyen" in one commune):
    the key range would be walked to its end to find the few that pass.
    """
    smallest = (_keys_matching(folded).filter(award_id=OuterRef("pk"))
                .order_by("ordered_key").values_list("ordered_key")[:1])
    return (awards.alias(matched_key=Subquery(smallest), matched_award=F("pk"))
            .filter(matched_key__isnull=False))


def _unindexed(field: str):
    """The column as ``+column``: the same value, but SQLite will not pick the column's index."""
    return Func(F(field), template="+%(expressions)s", output_field=IntegerField())


def _fewer_than(queryset, limit: int) -> bool:
    """Whether the queryset has fewer than ``limit`` rows, reading at most ``limit`` of them."""
    return queryset.order_by().values("pk")[:limit].count() < limit


def unit_ids_for_search(unit, *, include_predecessors: bool = True) -> set[int]:
    """The unit's subtree and, when asked, every unit that any of them succeeded."""
    ids = set(subtree(unit).values_list("pk", flat=True))
    return lineage_ids_for(ids) if include_predecessors else ids


# The columns the archive tables show (views pass them to .only() to keep pages light).
LISTED_FIELDS = ("recipient_name", "position_text", "person_id", "status", "year", "certificate_number",
                 "money_amount", "entry__name", "unit__name", "unit__valid_to", "decision__number",
                 "decision__issued_on")


def search_awards(*, q: str = "", unit=None, include_predecessors: bool = True, entry_code: str = "",
                  year=None, decision_number: str = "", status: str = "", anywhere: bool = False):
    """Awards matching every criterion given (empty criteria are ignored).

    ``q`` matches the recipient's name without diacritics at the start of any word
    ("dao" finds "Nguyễn Thị Đào"); with ``anywhere`` it matches any substring.
    """
    unit_ids = unit_ids_for_search(unit, include_predecessors=include_predecessors) if unit is not None else None
    number = (decision_number or "").strip()
    narrowing = unit_ids is not None or entry_code or year or number

    def with_filters(awards, *, indexed: bool = True):
        """The criteria other than the name; ``indexed=False`` keeps SQLite off their indexes."""
        column = F if indexed or connection.vendor != "sqlite" else _unindexed
        if unit_ids is not None:
            awards = awards.alias(filter_unit=column("unit_id")).filter(filter_unit__in=unit_ids)
        if entry_code and column is F:
            awards = awards.filter(entry__code=entry_code)
        elif entry_code:  # a join on the code would let SQLite start from the title/form index
            entry_ids = CatalogueEntry.objects.filter(code=entry_code).values("pk")
            awards = awards.alias(filter_entry=column("entry_id")).filter(filter_entry__in=entry_ids)
        if year:
            # Always indexed: walking a name's keys, SQLite checks the year in the narrow year
            # index (year = ? AND rowid = ?) rather than in the row.
            awards = awards.filter(year=year)
        if number:
            # Case-insensitive; SQLite's LIKE folds ASCII only, so đ/Đ are tried both ways.
            number_q = Q()
            for variant in {number, number.replace("đ", "Đ"), number.replace("Đ", "đ")}:
                number_q |= Q(decision__number__iexact=variant)
            awards = awards.filter(number_q)
        return awards

    awards = Award.objects.select_related("decision", "entry", "unit")
    folded = fold(q)
    if folded and not anywhere:
        # Start from the other filters' awards when they are few (an indexed estimate, status
        # left out so that it never scans); otherwise walk the name's key range. SQLite's planner
        # cannot estimate a key prefix range and would sometimes drive a name search from a
        # unit or title/form index, so those filters are then written not to use one.
        if narrowing and _fewer_than(with_filters(Award.objects.all()), PROBE_LIMIT):
            awards = _filter_by_name_from_awards(with_filters(awards), folded)
        else:
            awards = _filter_by_name(with_filters(awards, indexed=False), folded)
    else:
        awards = with_filters(awards)
        if folded:
            awards = awards.filter(search_name__contains=folded)
    if status:
        awards = awards.filter(status=status)
    if folded and not anywhere:
        return awards.order_by("matched_key", "matched_award")
    if folded:
        return awards.order_by("search_name", "pk")
    # Served by the year index (SQLite keeps rowid order within a year).
    return awards.order_by("-year", "-pk")


def person_award_history(person):
    """Every award of the person, whichever unit they were in (dissolved ones included), newest first."""
    return (Award.objects.filter(person=person).select_related("decision", "entry", "unit")
            .order_by("-year", "-decision__issued_on", "pk"))


def unit_award_history(unit, *, include_predecessors: bool = True):
    """Awards given at the unit (to it or to its people) and, by default, at the units it succeeded."""
    ids = lineage_ids_for([unit.pk]) if include_predecessors else {unit.pk}
    return (Award.objects.filter(unit_id__in=ids).select_related("decision", "entry", "unit")
            .order_by("-year", "-decision__issued_on", "decision_id", "certificate_number"))


def collective_award_history(collective):
    return (Award.objects.filter(collective=collective).select_related("decision", "entry", "unit")
            .order_by("-year", "-decision__issued_on", "pk"))
