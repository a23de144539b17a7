"""Đăng ký thi đua: a unit registers its collectives' and people's target titles for a year, its
head approves and sends it, the next level (the parent unit or the TĐKT Board) receives it or
returns it with a reason.

``TRANSITIONS`` is the table; ``apply_registration_transition`` is the only writer of
``Registration.status`` and writes a ``RegistrationEvent`` for each move (the timeline).
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.accounts.models import Role
from tdkt.catalogue.models import CatalogueEntry
from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.emulation.models import Registration, RegistrationEvent, RegistrationLine, RegistrationPeriod
from tdkt.organizations.models import Collective, Person, Unit
from tdkt.organizations.scope import in_scope

S = Registration.Status
# No legal date (LAW.md §4.3 is M); the 2018 plan puts registration in the first quarter.
DEFAULT_DEADLINE = (3, 31)


def deadline_for(year: int) -> date:
    period = RegistrationPeriod.objects.filter(year=year).first()
    return period.deadline_on if period else date(year, *DEFAULT_DEADLINE)


def is_next_level(actor, registration) -> bool:
    """The parent unit's TĐKT staff or head, or the Board for the whole province."""
    if actor.role in (Role.BOARD_OFFICER, Role.BOARD_HEAD):
        return True
    parent = registration.unit.parent
    return (actor.role in (Role.UNIT_CLERK, Role.UNIT_HEAD) and parent is not None
            and parent.parent_id is not None and actor.unit_id == parent.pk)


def _own_unit(role):
    def check(actor, registration):
        return actor.role == role and in_scope(actor, registration.unit)
    return check


def _unit_head(actor, registration) -> bool:
    # The head of the registering unit itself: a parent unit's head is the next level, which
    # receives or returns; letting it also approve would merge the two checks into one person.
    return actor.role == Role.UNIT_HEAD and actor.unit_id == registration.unit_id


@dataclass(frozen=True)
class Transition:
    sources: frozenset
    target: str
    allowed: object          # (actor, registration) -> bool
    needs_reason: bool = False
    label: str = ""


TRANSITIONS = {
    "request_approval": Transition(frozenset({S.DRAFT, S.RETURNED}), S.AWAITING_HEAD, _own_unit(Role.UNIT_CLERK),
                                   label=gettext_lazy("Send to the unit head")),
    "send_back": Transition(frozenset({S.AWAITING_HEAD}), S.DRAFT, _unit_head, needs_reason=True,
                            label=gettext_lazy("Send back to the clerk")),
    "approve": Transition(frozenset({S.AWAITING_HEAD}), S.SUBMITTED, _unit_head,
                          label=gettext_lazy("Approve and send to the next level")),
    "receive": Transition(frozenset({S.SUBMITTED}), S.RECEIVED, is_next_level, label=gettext_lazy("Receive")),
    "return": Transition(frozenset({S.SUBMITTED}), S.RETURNED, is_next_level, needs_reason=True,
                         label=gettext_lazy("Return with a reason")),
}


def available_actions(registration, actor) -> list[str]:
    return [name for name, t in TRANSITIONS.items()
            if registration.status in t.sources and t.allowed(actor, registration)]


@transaction.atomic
def apply_registration_transition(registration: Registration, name: str, *, actor, note: str = "") -> Registration:
    registration = (Registration.objects.select_for_update(of=("self",)).select_related("unit__parent")
                    .get(pk=registration.pk))
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise DomainError(_("Unknown action."), code="unknown_action")
    if not transition.allowed(actor, registration):
        raise PermissionDenied(_("You cannot do “%(action)s” on this registration.") % {"action": transition.label})
    if registration.status not in transition.sources:
        raise DomainError(_("The registration is “%(status)s”; “%(action)s” is not possible now.")
                          % {"status": registration.get_status_display(), "action": transition.label},
                          code="wrong_state")
    if transition.needs_reason and not note.strip():
        raise DomainError(_("Give a reason."), field="note")
    if name == "request_approval" and not registration.lines.exists():
        raise DomainError(_("Register at least one title before sending the registration."), code="empty")
    source = registration.status
    registration.status = transition.target
    fields = ["status", "updated_at"]
    if name == "approve":
        registration.submitted_on = timezone.localdate()
        fields.append("submitted_on")
    registration.save(update_fields=fields)
    RegistrationEvent.objects.create(registration=registration, event_type=f"registration.{name}",
                                     from_status=source, to_status=registration.status, actor=actor,
                                     note=note.strip())
    return registration


# --- Clerk: preparing the registration ---------------------------------------------------------

def _require_editable(registration, actor):
    # Read the committed status (and lock the row): the caller's copy may predate a transition.
    registration.status = Registration.objects.select_for_update().values_list("status", flat=True).get(
        pk=registration.pk)
    if actor.role != Role.UNIT_CLERK or not in_scope(actor, registration.unit):
        raise PermissionDenied(_("Only the unit's TĐKT clerk edits its registration."))
    if registration.status not in (S.DRAFT, S.RETURNED):
        raise DomainError(_("The registration is “%(status)s” and can no longer be edited.")
                          % {"status": registration.get_status_display()}, code="wrong_state")


@transaction.atomic
def start_registration(*, actor, unit: Unit, year: int) -> Registration:
    if actor.role != Role.UNIT_CLERK or not in_scope(actor, unit):
        raise PermissionDenied(_("Only the unit's TĐKT clerk registers for its unit."))
    this_year = timezone.localdate().year
    if not (this_year - 1 <= year <= this_year + 1):
        raise DomainError(_("Registration is for the current or the next year."), field="year")
    if Registration.objects.filter(unit=unit, year=year).exists():
        raise DomainError(_("%(unit)s has already registered for %(year)d.") % {"unit": unit, "year": year},
                          field="year")
    registration = Registration.objects.create(unit=unit, year=year, created_by=actor)
    RegistrationEvent.objects.create(registration=registration, event_type="registration.created",
                                     to_status=registration.status, actor=actor)
    return registration


@transaction.atomic
def add_registration_line(registration: Registration, *, actor, subject, entry: CatalogueEntry) -> RegistrationLine:
    _require_editable(registration, actor)
    if not isinstance(subject, (Person, Collective)):
        raise DomainError(_("Choose a person or a collective."), field="subject")
    if not subject.unit.path.startswith(registration.unit.path):
        raise DomainError(_("%(name)s does not belong to %(unit)s.") % {"name": subject, "unit": registration.unit},
                          field="subject")
    if entry.kind != "title":
        raise DomainError(_("%(entry)s is a form of commendation; register an emulation title.")
                          % {"entry": entry.name}, field="entry")
    kind = "person" if isinstance(subject, Person) else "collective"
    if not getattr(entry, f"for_{kind}"):
        raise DomainError(_("%(entry)s is not a title for this kind of subject.") % {"entry": entry.name},
                          field="entry")
    line = RegistrationLine(registration=registration, entry=entry)
    line.set_subject(subject)
    if registration.lines.filter(entry__code=entry.code, **{kind: subject}).exists():
        raise DomainError(_("%(name)s is already registered for %(entry)s.") % {"name": subject, "entry": entry.name},
                          field="entry")
    line.save()
    RegistrationEvent.objects.create(registration=registration, event_type="registration.line_added", actor=actor,
                                     note=f"{subject} – {entry.name}")
    return line


@transaction.atomic
def remove_registration_line(line: RegistrationLine, *, actor) -> None:
    registration = line.registration
    _require_editable(registration, actor)
    label = f"{line.subject} – {line.entry.name}"
    line.delete()
    RegistrationEvent.objects.create(registration=registration, event_type="registration.line_removed", actor=actor,
                                     note=label)


# --- Read side ------------------------------------------------------------------------------------

def registering_units(parent: Unit | None = None):
    """Units expected to register with ``parent`` (its active sub-units), or with the Board (the
    active units directly under the province office; not other provinces or central bodies)."""
    units = Unit.objects.filter(valid_to__isnull=True).exclude(level="external")
    if parent is not None:
        return units.filter(parent=parent)
    return units.filter(parent__isnull=False, parent__parent__isnull=True)


def late_units(year: int, *, parent: Unit | None = None, today: date | None = None):
    """Units that have not sent their registration for ``year`` by the deadline (a draft, or one
    still with the head, is not sent), the deadline, and whether it has passed."""
    today = today or timezone.localdate()
    deadline = deadline_for(year)
    sent = Registration.objects.filter(year=year, submitted_on__isnull=False, submitted_on__lte=deadline)
    units = registering_units(parent).exclude(pk__in=sent.values("unit_id"))
    return units.order_by("path"), deadline, today > deadline


def registered_counts(year: int, unit_ids=None) -> dict[tuple[int, str], int]:
    """{(unit id, title code): number of registered lines} for sent registrations of a year."""
    lines = RegistrationLine.objects.filter(registration__year=year,
                                            registration__status__in=(S.SUBMITTED, S.RECEIVED))
    if unit_ids is not None:
        lines = lines.filter(registration__unit_id__in=unit_ids)
    counts: dict = {}
    for unit_id, code in lines.values_list("registration__unit_id", "entry__code"):
        counts[(unit_id, code)] = counts.get((unit_id, code), 0) + 1
    return counts
