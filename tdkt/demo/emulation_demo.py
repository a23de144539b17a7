"""Demo data for one area of the product. Issue 6: movements' details, registrations, covenants, score sheets, suy tôn ballots, exemplars and honouring conferences.

``build(builder)`` runs once, after the foundation demo (units, people, archive,
dossiers) is built; ``builder`` is the DemoBuilder (its ``counts`` dict takes
labelled totals for the summary the seed command prints)."""


def build(builder) -> None:
    return None
