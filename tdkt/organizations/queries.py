"""Read side of units: subtrees and lineage."""

from tdkt.organizations.models import Unit, UnitLineage


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
