"""The dossiers' section on the person page (see organizations.panels)."""

from tdkt.nominations.access import dossiers_for_user
from tdkt.nominations.models import Nomination, Status
from tdkt.organizations.panels import register

# Dossier statuses after which a nomination is no longer "in progress".
_CLOSED = (Status.DECIDED, Status.WITHDRAWN)


@register("person", order=20)
def person_nominations_in_progress(request, person):
    in_progress = (Nomination.objects.filter(person=person, dossier__in=dossiers_for_user(request.user))
                   .exclude(dossier__status__in=_CLOSED).select_related("dossier", "entry")
                   .order_by("-dossier__year", "-pk"))
    return {"template": "nominations/panels/person_in_progress.html", "in_progress": in_progress}
