"""What the layers above emulation plug into its pages (the same idea as organizations.panels).

Emulation sits below nominations and decisions, so it cannot read dossiers or awards, nor create a
dossier. The nominations layer registers, in its AppConfig.ready():

- movement panels: functions (request, movement) → {"template": …, **context} or None, shown on the
  movement page (the dossiers and awards it produced);
- the achieved-titles provider: (year, unit ids) → {(unit id, title code): awards}, for the
  registered-against-achieved table;
- the proposal dossier maker: (ballot round, actor) → dossier code, turning suy tôn proposals into
  nominations in a dossier of the cluster head's unit.
"""

from collections.abc import Callable

_MOVEMENT_PANELS: list[tuple[int, Callable]] = []
_PROVIDERS: dict[str, Callable] = {}


def register_movement_panel(*, order: int = 100):
    def add(panel):
        _MOVEMENT_PANELS.append((order, panel))
        _MOVEMENT_PANELS.sort(key=lambda item: item[0])
        return panel
    return add


def movement_panels(request, movement) -> list[dict]:
    return [section for _order, panel in _MOVEMENT_PANELS if (section := panel(request, movement))]


def provide(name: str):
    """Register the one implementation of ``achieved_counts`` or ``make_proposal_dossier``."""
    def add(function):
        _PROVIDERS[name] = function
        return function
    return add


def provider(name: str) -> Callable | None:
    return _PROVIDERS.get(name)
