"""Use cases of movements, exemplars and conferences. Each is atomic and writes an event;
registration lives in ``registration.py``, clusters and blocks in ``groups.py``."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.models import Role
from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.emulation.models import (
    Conference, ConferenceHonouree, Exemplar, ExemplarEvent, Movement, MovementCriterion, MovementEvent,
    MovementReview,
)
from tdkt.organizations.scope import in_scope

# Who prepares, launches and reviews movements: the TĐKT staff of the launching body and its head,
# or the Board for the province.
MOVEMENT_ROLES = frozenset({Role.UNIT_CLERK, Role.UNIT_HEAD, Role.BOARD_OFFICER, Role.BOARD_HEAD, Role.ADMIN})
BOARD_ROLES = frozenset({Role.BOARD_OFFICER, Role.BOARD_HEAD, Role.ADMIN})


def require_role(actor, roles) -> None:
    if actor.role not in roles:
        raise PermissionDenied(_("Your role (%(role)s) cannot do this.") % {"role": actor.get_role_display()})


def require_scope(actor, unit) -> None:
    if not in_scope(actor, unit):
        raise PermissionDenied(_("%(unit)s is outside your unit's scope.") % {"unit": unit})


def can_manage_movement(actor, movement) -> bool:
    return actor.role in MOVEMENT_ROLES and in_scope(actor, movement.launched_by)


def _log(movement, event_type, actor, note=""):
    MovementEvent.objects.create(movement=movement, event_type=event_type, actor=actor, note=note)


# --- Movements -------------------------------------------------------------------------------

# Chỉ thị 30-CT/TU, II.2: launch only "khi đã xác định rõ mục tiêu, chỉ tiêu, nội dung, biện pháp,
# đối tượng tham gia và tiêu chí đánh giá thi đua"; plus what the rules need (document, scope, dates).
LAUNCH_FIELDS = ("launch_document", "scope", "starts_on", "objectives", "targets", "content", "measures",
                 "prize_plan")


def missing_for_launch(movement: Movement) -> list[str]:
    """The labels of what a movement still lacks before it can be launched (translated)."""
    missing = [str(Movement._meta.get_field(name).verbose_name) for name in LAUNCH_FIELDS
               if not str(getattr(movement, name) or "").strip()]
    if movement.pk is None or (not movement.participant_units.exists() and not movement.participant_groups.strip()
                               and not movement.participant_people.exists()):
        missing.append(_("participants (units or people)"))
    if movement.pk is None or not movement.criteria.exists():
        missing.append(_("evaluation criteria"))
    return missing


def _fill_duration(movement: Movement) -> None:
    if movement.ends_on and movement.starts_on and movement.ends_on < movement.starts_on:
        raise DomainError(_("The movement ends before it starts."), field="ends_on")
    if movement.duration_years is None and movement.starts_on and movement.ends_on:
        # A movement from 01/01/2021 to 31/12/2025 lasts 5 years: count the calendar years touched.
        movement.duration_years = movement.ends_on.year - movement.starts_on.year + 1


@transaction.atomic
def save_movement(movement: Movement, *, actor, participant_units=None, participant_people=None) -> Movement:
    """Create or edit a movement (draft or launched; a closed one is history)."""
    require_role(actor, MOVEMENT_ROLES)
    require_scope(actor, movement.launched_by)
    if not movement.name.strip():
        raise DomainError(_("Enter the movement's name."), field="name")
    if movement.pk and Movement.objects.get(pk=movement.pk).status == Movement.Status.CLOSED:
        raise DomainError(_("The movement is closed; its record can no longer be changed."), code="wrong_state")
    ancestor, seen = movement.parent, set()
    while ancestor is not None and movement.pk and ancestor.pk not in seen:
        if ancestor.pk == movement.pk:
            raise DomainError(_("A movement cannot implement itself."), field="parent")
        seen.add(ancestor.pk)
        ancestor = ancestor.parent
    _fill_duration(movement)
    created = movement.pk is None
    movement.save()
    if participant_units is not None:
        movement.participant_units.set(participant_units)
    if participant_people is not None:
        participant_people = list(participant_people)
        outside = [str(p) for p in participant_people if not in_scope(actor, p.unit)]
        if outside:
            raise DomainError(_("Outside your units, cannot be listed: %(names)s.") % {"names": ", ".join(outside)},
                              field="participant_people")
        movement.participant_people.set(participant_people)
    _log(movement, "movement.created" if created else "movement.edited", actor)
    return movement


@transaction.atomic
def add_movement_criterion(movement: Movement, *, actor, entry, text: str, is_mandatory: bool = True
                           ) -> MovementCriterion:
    if not can_manage_movement(actor, movement):
        raise PermissionDenied(_("You cannot change this movement."))
    if movement.status == Movement.Status.CLOSED:
        raise DomainError(_("The movement is closed; its record can no longer be changed."), code="wrong_state")
    if not text.strip():
        raise DomainError(_("Enter the criterion."), field="text")
    order = movement.criteria.count() + 1
    criterion = MovementCriterion.objects.create(movement=movement, entry=entry, text=text.strip(),
                                                 is_mandatory=is_mandatory, order=order)
    _log(movement, "criterion.added", actor, f"{entry.code}: {text.strip()[:80]}")
    return criterion


@transaction.atomic
def launch_movement(movement: Movement, *, actor, launched_on: date | None = None) -> Movement:
    movement = Movement.objects.select_for_update().get(pk=movement.pk)
    if not can_manage_movement(actor, movement):
        raise PermissionDenied(_("You cannot launch this movement."))
    if movement.status != Movement.Status.DRAFT:
        raise DomainError(_("Only a draft movement can be launched; this one is “%(status)s”.")
                          % {"status": movement.get_status_display()}, code="wrong_state")
    missing = missing_for_launch(movement)
    if missing:
        raise DomainError(_("The movement cannot be launched until these are set: %(fields)s.")
                          % {"fields": ", ".join(missing)}, code="incomplete")
    movement.status = Movement.Status.LAUNCHED
    movement.launched_on = launched_on or timezone.localdate()
    movement.save(update_fields=["status", "launched_on", "updated_at"])
    _log(movement, "movement.launched", actor, movement.launch_document)
    return movement


@transaction.atomic
def record_movement_review(movement: Movement, *, actor, stage: str, held_on: date, results: str,
                           assessment: str, reason: str) -> MovementReview:
    """Sơ kết or tổng kết; the final review closes the movement. The assessment (effective or
    formalistic) always carries a reason: the seeds ask to stop formalistic movements."""
    movement = Movement.objects.select_for_update().get(pk=movement.pk)
    if not can_manage_movement(actor, movement):
        raise PermissionDenied(_("You cannot review this movement."))
    if movement.status != Movement.Status.LAUNCHED:
        raise DomainError(_("Only a launched movement can be reviewed; this one is “%(status)s”.")
                          % {"status": movement.get_status_display()}, code="wrong_state")
    if stage not in MovementReview.Stage.values:
        raise DomainError(_("Choose the stage of the review."), field="stage")
    if assessment not in MovementReview.Assessment.values:
        raise DomainError(_("Choose whether the movement was effective or formalistic."), field="assessment")
    if not results.strip():
        raise DomainError(_("Enter the results of the review."), field="results")
    if not reason.strip():
        raise DomainError(_("Give the reason for the assessment."), field="reason")
    if movement.starts_on and held_on < movement.starts_on:
        raise DomainError(_("The review is dated before the movement started."), field="held_on")
    review = MovementReview.objects.create(movement=movement, stage=stage, held_on=held_on, results=results.strip(),
                                           assessment=assessment, reason=reason.strip(), recorded_by=actor)
    if stage == MovementReview.Stage.FINAL:
        movement.status = Movement.Status.CLOSED
        movement.save(update_fields=["status", "updated_at"])
    _log(movement, f"movement.reviewed_{stage}", actor, f"{review.get_assessment_display()}: {reason.strip()}")
    return review


# --- Exemplars --------------------------------------------------------------------------------

EXEMPLAR_ROLES = MOVEMENT_ROLES
STAGES = list(Exemplar.Stage.values)


def _exemplar_log(exemplar, event_type, actor, note=""):
    ExemplarEvent.objects.create(exemplar=exemplar, event_type=event_type, stage=exemplar.stage, actor=actor,
                                 note=note)


@transaction.atomic
def register_exemplar(*, actor, kind: str, name: str, unit, discovered_by: str, discovered_on: date,
                      achievements: str, person=None, collective=None, movement=None,
                      replication_plan: str = "") -> Exemplar:
    require_role(actor, EXEMPLAR_ROLES)
    require_scope(actor, unit)
    if kind not in Exemplar.Kind.values:
        raise DomainError(_("Choose the kind of exemplar."), field="kind")
    subject = person or collective
    if not name.strip() and subject is not None:
        name = str(subject)
    if not name.strip():
        raise DomainError(_("Enter the exemplar's name."), field="name")
    if kind == Exemplar.Kind.PERSON and person is None:
        raise DomainError(_("Choose the person this exemplar is."), field="person")
    if kind == Exemplar.Kind.COLLECTIVE and collective is None:
        raise DomainError(_("Choose the collective this exemplar is."), field="collective")
    if not discovered_by.strip():
        raise DomainError(_("Enter who discovered the exemplar."), field="discovered_by")
    if not achievements.strip():
        raise DomainError(_("Enter the achievements and the evidence."), field="achievements")
    exemplar = Exemplar.objects.create(
        kind=kind, name=name.strip(), unit=unit, person=person if kind == "person" else None,
        collective=collective if kind == "collective" else None, discovered_by=discovered_by.strip(),
        discovered_on=discovered_on, movement=movement, achievements=achievements.strip(),
        replication_plan=replication_plan.strip())
    _exemplar_log(exemplar, "exemplar.discovered", actor)
    return exemplar


@transaction.atomic
def advance_exemplar(exemplar: Exemplar, *, actor, note: str = "", replication_plan: str | None = None
                     ) -> Exemplar:
    """Move to the next of the four stages (discover → nurture → summarise → replicate)."""
    exemplar = Exemplar.objects.select_for_update().get(pk=exemplar.pk)
    require_role(actor, EXEMPLAR_ROLES)
    require_scope(actor, exemplar.unit)
    index = STAGES.index(exemplar.stage)
    if index == len(STAGES) - 1:
        raise DomainError(_("The exemplar is already being replicated, the last stage."), code="wrong_state")
    if replication_plan is not None and replication_plan.strip():
        exemplar.replication_plan = replication_plan.strip()
    target = STAGES[index + 1]
    if target == Exemplar.Stage.REPLICATED and not exemplar.replication_plan.strip():
        raise DomainError(_("Write the replication plan before replicating the exemplar."),
                          field="replication_plan")
    exemplar.stage = target
    exemplar.save(update_fields=["stage", "replication_plan", "updated_at"])
    _exemplar_log(exemplar, f"exemplar.{target}", actor, note.strip())
    return exemplar


# --- Conferences --------------------------------------------------------------------------------

@transaction.atomic
def record_conference(*, actor, kind: str, name: str, organiser, held_on: date, venue: str = "",
                      movement=None, period_from_year=None, period_to_year=None, notes: str = "") -> Conference:
    require_role(actor, MOVEMENT_ROLES)
    require_scope(actor, organiser)
    if kind not in Conference.Kind.values:
        raise DomainError(_("Choose the kind of conference."), field="kind")
    if not name.strip():
        raise DomainError(_("Enter the conference's name."), field="name")
    if period_from_year and period_to_year and period_from_year > period_to_year:
        raise DomainError(_("The period starts after it ends."), field="period_from_year")
    return Conference.objects.create(kind=kind, name=name.strip(), organiser=organiser, held_on=held_on,
                                     venue=venue.strip(), movement=movement, period_from_year=period_from_year,
                                     period_to_year=period_to_year, notes=notes.strip())


@transaction.atomic
def add_honouree(conference: Conference, *, actor, name: str = "", exemplar=None, unit=None,
                 citation: str = "") -> ConferenceHonouree:
    require_role(actor, MOVEMENT_ROLES)
    require_scope(actor, conference.organiser)
    if exemplar is not None:
        name = name or exemplar.name
        unit = unit or exemplar.unit
    if not name.strip():
        raise DomainError(_("Enter the honouree's name."), field="name")
    if exemplar is not None and conference.honourees.filter(exemplar=exemplar).exists():
        raise DomainError(_("%(name)s is already on this conference's list.") % {"name": name}, field="exemplar")
    order = conference.honourees.count() + 1
    return ConferenceHonouree.objects.create(conference=conference, exemplar=exemplar, name=name.strip(), unit=unit,
                                             citation=citation.strip(), order=order)
