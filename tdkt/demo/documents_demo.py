"""Demo data for one area of the product. Issue 4: document templates, certificate layouts and the certificates of demo decisions.

``build(builder)`` runs once, after the foundation demo (units, people, archive,
dossiers) is built; ``builder`` is the DemoBuilder (its ``counts`` dict takes
labelled totals for the summary the seed command prints)."""


def build(builder) -> None:
    return None
