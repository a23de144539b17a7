"""The "dossiers and awards of this movement" section of the movement page (tdkt.emulation.hooks).

A dossier belongs to a movement through ``Dossier.movement``; the awards are those granted on those
dossiers. Only dossiers the viewer may see are listed.
"""

from tdkt.decisions.models import Award
from tdkt.emulation.hooks import register_movement_panel
from tdkt.nominations.access import dossiers_for_user

LIMIT = 50


@register_movement_panel(order=10)
def movement_dossiers_and_awards(request, movement):
    dossiers = dossiers_for_user(request.user).filter(movement=movement).order_by("-year", "-pk")
    awards = (Award.objects.filter(nomination__dossier__in=dossiers).select_related("entry", "decision")
              .order_by("-year", "recipient_name"))
    return {"template": "nominations/panels/movement_results.html", "dossiers": dossiers[:LIMIT],
            "awards": awards[:LIMIT], "dossier_count": dossiers.count(), "award_count": awards.count()}
