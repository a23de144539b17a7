"""The archive's sections on the unit and person pages (see organizations.panels)."""

from tdkt.core.paging import paged
from tdkt.decisions.queries import person_award_history, unit_award_history
from tdkt.organizations.panels import register


@register("unit", order=10)
def unit_awards(request, unit):
    return {"template": "decisions/panels/unit_awards.html",
            "awards_page": paged(request, unit_award_history(unit), "awards_page")}


@register("person", order=10)
def person_awards(request, person):
    return {"template": "decisions/panels/person_awards.html", "awards": person_award_history(person)}
