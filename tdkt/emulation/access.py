"""The one way a view reaches an emulation object: 404 outside the user's scope."""

from django.db.models import Q
from django.http import Http404

from tdkt.emulation.models import (
    BallotRound, Conference, EmulationGroup, Exemplar, Movement, Registration, RegistrationLine,
)
from tdkt.emulation.services import MOVEMENT_ROLES
from tdkt.organizations.scope import unit_scope_q


def _get(qs, pk):
    try:
        return qs.get(pk=pk)
    except (qs.model.DoesNotExist, ValueError, TypeError):
        raise Http404("Not found") from None


def movements_for_user(user):
    """Launched and closed movements are visible to everyone signed in; drafts only to those who
    may prepare them (the launching body's scope)."""
    qs = Movement.objects.select_related("launched_by", "parent")
    if user.role in MOVEMENT_ROLES and user.spans_province:
        return qs
    if user.role in MOVEMENT_ROLES:
        return qs.filter(~Q(status=Movement.Status.DRAFT) | unit_scope_q(user, "launched_by"))
    return qs.exclude(status=Movement.Status.DRAFT)


def get_movement_for_user(user, pk) -> Movement:
    return _get(movements_for_user(user), pk)


def registrations_for_user(user):
    """A unit sees its own and its sub-units' registrations; the Board sees those sent to it
    (not the drafts still inside a unit)."""
    qs = Registration.objects.select_related("unit", "unit__parent")
    if user.spans_province:
        return qs.exclude(status__in=(Registration.Status.DRAFT, Registration.Status.AWAITING_HEAD))
    return qs.filter(unit_scope_q(user))


def get_registration_for_user(user, pk) -> Registration:
    return _get(registrations_for_user(user), pk)


def get_line_for_user(user, registration, pk) -> RegistrationLine:
    return _get(registration.lines.all(), pk)


def groups_for_user(user):
    """The Board and the council see every cluster and block; a unit sees those its unit (or a
    unit under it) belongs to."""
    qs = EmulationGroup.objects.select_related("organiser")
    if user.spans_province:
        return qs
    return qs.filter(memberships__unit__path__startswith=user.unit.path).distinct()


def get_group_for_user(user, pk) -> EmulationGroup:
    return _get(groups_for_user(user), pk)


def get_round_for_user(user, pk) -> BallotRound:
    return _get(BallotRound.objects.filter(group__in=groups_for_user(user)).select_related("group"), pk)


def exemplars_for_user(user):
    return Exemplar.objects.select_related("unit", "movement").filter(unit_scope_q(user))


def get_exemplar_for_user(user, pk) -> Exemplar:
    return _get(exemplars_for_user(user), pk)


def conferences_for_user(user):
    # Conferences and their honouree lists are published; every signed-in user reads them.
    return Conference.objects.select_related("organiser", "movement")


def get_conference_for_user(user, pk) -> Conference:
    return _get(conferences_for_user(user), pk)
