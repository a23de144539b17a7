"""The nominations area's lists as .xlsx (tdkt.core.exporters): dossiers (list, work list,
overdue), the nominees of a dossier, and the proposal suggestions. Each takes the queryset or
rows the page already filtered and scoped, so an export shows exactly what the page lists."""

from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.exporters import Column, xlsx_response
from tdkt.nominations import queries
from tdkt.nominations.models import DossierKind, Status


def _stamp() -> str:
    return timezone.localdate().strftime("%Y%m%d")


def dossiers_xlsx(qs, *, name: str = "ho-so"):
    columns = [Column(_("Number"), 14), Column(_("Title"), 40), Column(_("Proposing unit"), 30),
               Column(_("Kind"), 20), Column(_("Year"), 8), Column(_("Status"), 22),
               Column(_("Waiting for"), 26), Column(_("Step due"), 12), Column(_("Created on"), 12)]
    kinds, statuses = dict(DossierKind.choices), dict(Status.choices)

    def rows():
        for dossier in qs.select_related("unit").iterator(chunk_size=2000):
            owner = getattr(dossier, "owner", None)
            yield [dossier.code, dossier.title, dossier.unit.name, kinds.get(dossier.kind, dossier.kind), dossier.year,
                   statuses.get(dossier.status, dossier.status),
                   queries.owner_label(owner, dossier.unit) if owner else "", dossier.step_due_on,
                   timezone.localtime(dossier.created_at).date()]

    return xlsx_response(f"{name}-{_stamp()}.xlsx", columns, rows(), sheet_name=_("Dossiers"))


def nominations_xlsx(dossier):
    columns = [Column("STT", 6), Column(_("Nominee"), 28), Column(_("Kind"), 10), Column(_("Year of birth"), 10),
               Column(_("Position, unit"), 36), Column(_("Proposed title / form"), 30),
               Column(_("Achievement summary"), 50), Column(_("Appraisal"), 16), Column(_("Council"), 14),
               Column(_("Outcome"), 16)]
    qs = (dossier.nominations.select_related("entry", "person", "collective", "household")
          .order_by("pk"))

    def rows():
        for number, n in enumerate(qs.iterator(chunk_size=2000), start=1):
            kind = _("individual") if n.person_id else (_("collective") if n.collective_id else _("household"))
            yield [number, str(n.subject), kind, n.person.birth_year if n.person_id else None, n.position_text,
                   n.entry.name, n.achievement_summary, n.get_appraisal_verdict_display(),
                   n.get_council_result_display(), n.get_outcome_display()]

    return xlsx_response(f"de-nghi-{dossier.code}.xlsx", columns, rows(), sheet_name=dossier.code)


def suggestions_xlsx(suggestions):
    columns = [Column(_("Person"), 28), Column(_("Unit"), 30), Column(_("Suggested title / form"), 30),
               Column(_("Year"), 8), Column(_("Chain from"), 10), Column(_("Chain"), 50)]

    def rows():
        for s in suggestions:
            chain = "; ".join(f"{link.code} {link.years}" + (f" ({link.decision_number})" if link.decision_number
                                                              else "") for link in s.chain)
            yield [s.person_name, s.unit_name, s.entry.name, s.year, s.from_year, chain]

    return xlsx_response(f"goi-y-de-nghi-{_stamp()}.xlsx", columns, rows(), sheet_name=_("Suggestions"))
