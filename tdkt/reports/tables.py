"""Statistics as plain tables (title, headers, rows of cells): one shape that the HTML pages, the
Excel exports, the charts and the DOCX summaries all read, so they always show the same numbers."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from tdkt.reports import statistics as st


@dataclass
class Table:
    key: str
    title: str
    headers: list[str]
    rows: list[list]
    chart_column: int | None = None    # the column a bar chart draws (labels are column 0)
    compare_column: int | None = None  # the previous period's figures, drawn as a second bar


def _split_headers() -> list[str]:
    return [_("Collectives"), _("Individuals"), _("Households"), _("Total")]


def _compare_headers() -> list[str]:
    return [_("Previous period"), _("Change")]


def _split_cells(counts: st.Counts) -> list[int]:
    return [counts.collectives, counts.persons, counts.households, counts.total]


def _compare_cells(row: st.Row) -> list:
    if row.previous is None:
        return ["", ""]
    return [row.previous.total, row.change]


def by_kind_and_level(scope, period) -> Table:
    rows = [[row.label, *_split_cells(row.counts), *_compare_cells(row)]
            for row in st.awards_by_kind_and_level(scope, period)]
    return Table("kind_level", _("Awards by title / form and level"), [_("Item"), *_split_headers(),
                                                                        *_compare_headers()], rows, 4, 5)


def by_entry(scope, period) -> Table:
    rows = [[row.label, *_split_cells(row.counts), *_compare_cells(row)]
            for row in st.awards_by_entry(scope, period) if row.counts.total or (row.previous and row.previous.total)]
    return Table("entry", _("Awards by title and form of commendation"),
                 [_("Title / form"), *_split_headers(), *_compare_headers()], rows, 4)


def by_unit(scope, period) -> Table:
    rows = [[row.label, *_split_cells(row.counts)] for row in st.awards_by_unit(scope, period)]
    return Table("unit", _("Awards by unit"), [_("Unit"), *_split_headers()], rows, 4)


def _group_table(key, title, first_header, group_rows) -> Table:
    rows = [[capfirst(row.label), row.counts.total, *_compare_cells(row)] for row in group_rows]
    return Table(key, title, [first_header, _("Awards"), *_compare_headers()], rows, 1, 2)


def by_category(scope, period) -> Table:
    return _group_table("category", _("Awards by subject category"), _("Subject category"),
                        st.awards_by_category(scope, period))


def by_area(scope, period) -> Table:
    return _group_table("area", _("Awards by area"), _("Area"), st.awards_by_area(scope, period))


def by_achievement_kind(scope, period) -> Table:
    return _group_table("achievement", _("Awards by kind of achievement"), _("Kind of achievement"),
                        st.awards_by_achievement_kind(scope, period))


def by_year(scope) -> Table:
    rows = [[row["year"], row["state"], row["province"], row["grassroots"], *_split_cells(row["total"])]
            for row in st.awards_by_year(scope)]
    return Table("year", _("Awards by year"),
                 [_("Year"), _("State level"), _("Province level"), _("Grassroots level"), *_split_headers()],
                 rows, 7)


def dossiers(scope, period) -> Table:
    rows = [[row["label"], row["total"], row["in_progress"], row["decided"], row["withdrawn"],
             row["n_awarded"], row["n_not_awarded"], row["n_forwarded"], row["n_pending"]]
            for row in st.dossiers_by_kind(scope, period)]
    return Table("dossiers", _("Dossiers by kind and outcome"),
                 [_("Kind of dossier"), _("Dossiers"), _("In progress"), _("Decided"), _("Withdrawn"),
                  _("Nominees awarded"), _("Nominees not awarded"), _("Nominees forwarded to the central level"),
                  _("Nominees pending")], rows, 1)


def _pct(value):
    return "" if value is None else value


def shares(scope, period) -> Table:
    rows = [[share.label, share.numerator, share.denominator, _pct(share.percent), _pct(share.previous_percent),
             _pct(share.change)] for share in st.priority_shares(scope, period)]
    return Table("shares", _("Shares of the priority groups"),
                 [_("Group"), _("Awards to the group"), _("Out of"), _("Share (%)"), _("Previous period (%)"),
                  _("Change (points)")], rows, 3, 4)


STATISTICS_TABLES = {
    "kind_level": by_kind_and_level,
    "entry": by_entry,
    "unit": by_unit,
    "category": by_category,
    "area": by_area,
    "achievement": by_achievement_kind,
    "dossiers": dossiers,
    "shares": shares,
}


def statistics_table(key: str, scope, period) -> Table:
    if key == "year":
        return by_year(scope)
    return STATISTICS_TABLES[key](scope, period)
