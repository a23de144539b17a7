"""Demo data for one area of the product. Issue 7: the seed's 2018 plan (25 items) and a current-year plan, unit plans, inspections, training.

``build(builder)`` runs once, after the foundation demo (units, people, archive,
dossiers) is built; ``builder`` is the DemoBuilder (its ``counts`` dict takes
labelled totals for the summary the seed command prints)."""


def build(builder) -> None:
    return None
