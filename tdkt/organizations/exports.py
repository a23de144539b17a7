"""Units, people and collectives as .xlsx (tdkt.core.exporters), from the page's own scoped and
filtered querysets. People exports carry no national ID number (the pages do not show it)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.exporters import Column, xlsx_response
from tdkt.organizations.models import Gender, UnitKind, UnitLevel


def _stamp() -> str:
    return timezone.localdate().strftime("%Y%m%d")


def people_xlsx(people, *, name: str = "ca-nhan"):
    columns = [Column(_("Full name"), 28), Column(_("Gender"), 8), Column(_("Date of birth"), 12),
               Column(_("Year of birth"), 10), Column(_("Ethnicity"), 10), Column(_("Position"), 28),
               Column(_("Unit"), 34)]
    genders = dict(Gender.choices)

    def rows():
        for person in people.select_related("unit").iterator(chunk_size=2000):
            yield [person.full_name, genders.get(person.gender, ""), person.birth_date, person.birth_year,
                   person.ethnicity, person.position, person.unit.name]

    return xlsx_response(f"{name}-{_stamp()}.xlsx", columns, rows(), sheet_name=_("People"))


def units_xlsx(units):
    columns = [Column(_("Code"), 18), Column(_("Name"), 40), Column(_("Short name"), 20), Column(_("Kind"), 20),
               Column(_("Level"), 14), Column(_("Parent unit"), 34), Column(_("Valid from"), 12),
               Column(_("Valid to"), 12), Column(_("Succeeded by"), 34)]
    kinds, levels = dict(UnitKind.choices), dict(UnitLevel.choices)

    def rows():
        for unit in units:
            successors = ", ".join(link.successor.name for link in unit.successor_links.all())
            yield [unit.code, unit.name, unit.short_name, kinds.get(unit.kind, unit.kind),
                   levels.get(unit.level, unit.level), unit.parent.name if unit.parent_id else "", unit.valid_from,
                   unit.valid_to, successors]

    return xlsx_response(f"don-vi-{_stamp()}.xlsx", columns, rows(), sheet_name=_("Units"))


def collectives_xlsx(collectives, *, name: str = "tap-the"):
    columns = [Column(_("Name"), 40), Column(_("Unit"), 34), Column(_("Represents the unit"), 34),
               Column(_("Members"), 10), Column(_("Women members"), 10), Column(_("Small collective"), 10)]

    def rows():
        for c in collectives.select_related("unit", "represents_unit").iterator(chunk_size=2000):
            yield [c.name, c.unit.name, c.represents_unit.name if c.represents_unit_id else "", c.member_count,
                   c.women_count, c.is_small]

    return xlsx_response(f"{name}-{_stamp()}.xlsx", columns, rows(), sheet_name=_("Collectives"))
