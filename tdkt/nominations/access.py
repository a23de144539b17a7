"""The one way views and the API reach dossiers: role and unit scope applied."""

from django.http import Http404

from tdkt.organizations.scope import unit_scope_q
from tdkt.nominations.models import Dossier, Nomination, Status

# Statuses a province-level role sees: nothing still being prepared inside a unit.
_UNIT_INTERNAL = (Status.DRAFT, Status.AWAITING_HEAD)


def dossiers_for_user(user):
    qs = Dossier.objects.select_related("unit")
    if user.spans_province:
        return qs.exclude(status__in=_UNIT_INTERNAL)
    return qs.filter(unit_scope_q(user))


def get_dossier_for_user(user, pk) -> Dossier:
    """404 (not 403) for a dossier outside the user's scope, so guessing URLs reveals nothing."""
    try:
        return dossiers_for_user(user).get(pk=pk)
    except (Dossier.DoesNotExist, ValueError, TypeError):
        raise Http404("Dossier not found") from None


def get_nomination_for_user(user, dossier: Dossier, pk) -> Nomination:
    try:
        return dossier.nominations.select_related("entry").get(pk=pk)
    except (Nomination.DoesNotExist, ValueError, TypeError):
        raise Http404("Nomination not found") from None
