"""Archive lists as .xlsx (tdkt.core.exporters): archive search results and a decision's awards.

Columns are those the archive pages show (decisions.queries.LISTED_FIELDS), never a national
ID number; the queryset is the page's own, so filters apply unchanged."""

from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.exporters import Column, xlsx_response
from tdkt.decisions.models import Award


def awards_xlsx(awards, *, name: str = "so-vang"):
    columns = [Column(_("Recipient"), 28), Column(_("Position, unit (as written in the decision)"), 36),
               Column(_("Title / form"), 30), Column(_("Year"), 8), Column(_("Unit at the time"), 30),
               Column(_("Decision"), 18), Column(_("Date"), 12), Column(_("Certificate no."), 10),
               Column(_("Money (đồng)"), 14), Column(_("Status"), 12)]
    statuses = dict(Award.Status.choices)

    def rows():
        for award in awards.iterator(chunk_size=2000):
            unit = award.unit.name + (f" ({_('dissolved')})" if award.unit.valid_to else "")
            yield [award.recipient_name, award.position_text, award.entry.name, award.year, unit,
                   award.decision.number, award.decision.issued_on, award.certificate_number, award.money_amount,
                   statuses.get(award.status, award.status)]

    stamp = timezone.localdate().strftime("%Y%m%d")
    return xlsx_response(f"{name}-{stamp}.xlsx", columns, rows(), sheet_name=_("Awards"))
