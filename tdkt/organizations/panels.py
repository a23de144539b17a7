"""Sections that higher apps add to the unit and person pages.

The organizations layer sits below the archive (decisions) and the dossiers
(nominations), so it cannot import them; instead each of those apps registers a
panel in its AppConfig.ready(). A panel is a function (request, obj) returning
``{"template": ..., **context}`` to include, or None to show nothing.
"""

from collections.abc import Callable

Panel = Callable[..., dict | None]
_PANELS: dict[str, list[tuple[int, Panel]]] = {"unit": [], "person": [], "collective": []}


def register(page: str, *, order: int = 100):
    def add(panel: Panel) -> Panel:
        _PANELS[page].append((order, panel))
        _PANELS[page].sort(key=lambda item: item[0])
        return panel

    return add


def panels_for(page: str, request, obj) -> list[dict]:
    return [section for _order, panel in _PANELS[page] if (section := panel(request, obj))]
