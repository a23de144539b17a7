"""Use cases of the plans area. Each is atomic and checks the actor's role and scope;
a refusal is a DomainError whose message names the field or rule."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.core.uploads import check_upload
from tdkt.plans import access
from tdkt.plans.models import (
    Finding, FollowUpAction, Inspection, ItemOutput, ItemStatus, LegalDocument, LinkKind, Participation, Plan,
    PlanItem, ProgressNote, TrainingCourse, UnitPlanDeadline, UnitPlanSubmission,
)


def _require_manager(actor) -> None:
    if not access.can_manage(actor):
        raise PermissionDenied(_("Only the TĐKT Board can change the province plan and registers."))


def _check_item_dates(plan: Plan, quarter, due_on) -> None:
    if not quarter and not due_on:
        raise DomainError(_("Give the quarter or the due date of the item."), field="quarter")
    if quarter and not 1 <= int(quarter) <= 4:
        raise DomainError(_("The quarter must be 1, 2, 3 or 4."), field="quarter")
    if due_on and quarter and (due_on.year != plan.year or (due_on.month - 1) // 3 + 1 != int(quarter)):
        raise DomainError(_("The due date %(day)s is not in quarter %(q)s of %(year)s.") % {
            "day": due_on.strftime("%d/%m/%Y"), "q": quarter, "year": plan.year}, field="due_on")


# --- Plans and items -------------------------------------------------------------------------

@transaction.atomic
def create_plan(*, actor, year: int, issuer, title: str, document_number: str = "", issued_on=None,
                summary: str = "") -> Plan:
    _require_manager(actor)
    return Plan.objects.create(year=year, issuer=issuer, title=title, document_number=document_number,
                               issued_on=issued_on, summary=summary, created_by=actor)


@transaction.atomic
def update_plan(plan: Plan, *, actor, **fields) -> Plan:
    _require_manager(actor)
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.save()
    return plan


@transaction.atomic
def add_item(plan: Plan, *, actor, content: str, lead_unit, quarter=None, due_on=None, number=None,
             coordinating_units=(), other_participants: str = "") -> PlanItem:
    _require_manager(actor)
    _check_item_dates(plan, quarter, due_on)
    if number is None:
        number = (plan.items.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    elif plan.items.filter(number=number).exists():
        raise DomainError(_("Item number %(n)s already exists in this plan.") % {"n": number}, field="number")
    item = PlanItem.objects.create(plan=plan, number=number, quarter=quarter or None, due_on=due_on,
                                   content=content, lead_unit=lead_unit,
                                   other_participants=other_participants.strip())
    item.coordinating_units.set([u for u in coordinating_units if u.pk != lead_unit.pk])
    return item


@transaction.atomic
def update_item(item: PlanItem, *, actor, content: str, lead_unit, quarter=None, due_on=None, number=None,
                coordinating_units=(), other_participants: str = "") -> PlanItem:
    _require_manager(actor)
    _check_item_dates(item.plan, quarter, due_on)
    if number is not None and number != item.number and item.plan.items.filter(number=number).exists():
        raise DomainError(_("Item number %(n)s already exists in this plan.") % {"n": number}, field="number")
    item.number = number if number is not None else item.number
    item.content, item.lead_unit, item.quarter, item.due_on = content, lead_unit, quarter or None, due_on
    item.other_participants = other_participants.strip()
    item.save()
    item.coordinating_units.set([u for u in coordinating_units if u.pk != lead_unit.pk])
    return item


@transaction.atomic
def set_item_status(item: PlanItem, *, actor, status: str, completed_on: date | None = None) -> PlanItem:
    if not access.can_set_status(actor, item):
        raise PermissionDenied(_("Only the lead unit or the TĐKT Board can change this item's status."))
    if status not in ItemStatus.values:
        raise DomainError(_("Unknown status “%(s)s”.") % {"s": status}, field="status")
    if status == ItemStatus.DONE:
        completed_on = completed_on or timezone.localdate()
        if completed_on > timezone.localdate():
            raise DomainError(_("The completion date cannot be in the future."), field="completed_on")
    else:
        completed_on = None  # reopening clears the date, so "done" and its date never disagree
    item.status, item.completed_on = status, completed_on
    item.save(update_fields=["status", "completed_on", "updated_at"])
    return item


@transaction.atomic
def add_progress_note(item: PlanItem, *, actor, text: str, written_on: date | None = None) -> ProgressNote:
    if not access.can_note(actor, item):
        raise PermissionDenied(_("Only the lead and coordinating units (or the TĐKT Board) can report progress "
                                 "on this item."))
    text = (text or "").strip()
    if not text:
        raise DomainError(_("Write what has been done."), field="text")
    written_on = written_on or timezone.localdate()
    if written_on > timezone.localdate():
        raise DomainError(_("The date of a progress note cannot be in the future."), field="written_on")
    note = ProgressNote.objects.create(item=item, written_on=written_on, author=actor, unit=actor.unit, text=text)
    if item.status == ItemStatus.NOT_STARTED and access.can_set_status(actor, item):
        item.status = ItemStatus.IN_PROGRESS  # reporting progress means the work has started
        item.save(update_fields=["status", "updated_at"])
    return note


@transaction.atomic
def add_output(item: PlanItem, *, actor, kind: str, target=None, uploaded=None, label: str = "") -> ItemOutput:
    if not access.can_note(actor, item):
        raise PermissionDenied(_("Only the lead and coordinating units (or the TĐKT Board) can link outputs to "
                                 "this item."))
    if kind not in LinkKind.values:
        raise DomainError(_("Unknown kind of output “%(k)s”.") % {"k": kind}, field="kind")
    output = ItemOutput(item=item, kind=kind, label=label.strip(), added_by=actor)
    if kind == LinkKind.REPORT:
        if uploaded is None:
            raise DomainError(_("Choose the report file."), field="file")
        check_upload(uploaded, field="file")
        output.file = uploaded
        output.label = output.label or uploaded.name
    else:
        if target is None:
            raise DomainError(_("Choose the record to link."), field=kind)
        setattr(output, kind, target)
    output.save()
    return output


# --- Units' own plans ------------------------------------------------------------------------

def deadline_for(year: int) -> date:
    row = UnitPlanDeadline.objects.filter(year=year).first()
    return row.due_on if row else UnitPlanDeadline.default_for(year)


@transaction.atomic
def set_unit_plan_deadline(*, actor, year: int, due_on: date, note: str = "") -> UnitPlanDeadline:
    _require_manager(actor)
    if due_on.year not in (year - 1, year):
        raise DomainError(_("The deadline must fall in %(year)s (or at the end of the year before).") % {
            "year": year}, field="due_on")
    row, _created = UnitPlanDeadline.objects.update_or_create(year=year, defaults={"due_on": due_on, "note": note})
    return row


@transaction.atomic
def submit_unit_plan(*, actor, unit, year: int, document_number: str, issued_on: date, uploaded,
                     submitted_on: date | None = None) -> UnitPlanSubmission:
    """Record a unit's yearly plan; a second submission for the same year replaces the file."""
    if not access.can_submit_for(actor, unit):
        raise PermissionDenied(_("You can submit the plan of your own unit only."))
    if not document_number.strip():
        raise DomainError(_("Give the document number of the unit's plan."), field="document_number")
    today = timezone.localdate()
    submitted_on = submitted_on or today
    if issued_on > submitted_on:
        raise DomainError(_("The plan's date %(day)s is after the day it is submitted.") % {
            "day": issued_on.strftime("%d/%m/%Y")}, field="issued_on")
    check_upload(uploaded, field="file")
    submission = UnitPlanSubmission.objects.filter(unit=unit, year=year).first() or UnitPlanSubmission(
        unit=unit, year=year)
    submission.document_number = document_number.strip()
    submission.issued_on = issued_on
    submission.submitted_on = submitted_on
    submission.file = uploaded
    submission.original_name = uploaded.name
    submission.submitted_by = actor
    submission.save()
    return submission


# --- Inspections -----------------------------------------------------------------------------

@transaction.atomic
def create_inspection(*, actor, year: int, subject: str, organiser, units, starts_on: date, ends_on: date,
                      team: str = "", document_number: str = "") -> Inspection:
    _require_manager(actor)
    if ends_on < starts_on:
        raise DomainError(_("The end date is before the start date."), field="ends_on")
    units = list(units)
    if not units:
        raise DomainError(_("Choose at least one unit to inspect."), field="units")
    inspection = Inspection.objects.create(year=year, subject=subject, organiser=organiser, team=team,
                                           starts_on=starts_on, ends_on=ends_on, document_number=document_number)
    inspection.units.set(units)
    return inspection


@transaction.atomic
def record_finding(inspection: Inspection, *, actor, unit, text: str, recorded_on: date | None = None) -> Finding:
    _require_manager(actor)
    if not inspection.units.filter(pk=unit.pk).exists():
        raise DomainError(_("%(unit)s is not among the units of this inspection.") % {"unit": unit}, field="unit")
    if not text.strip():
        raise DomainError(_("Write the finding."), field="text")
    return Finding.objects.create(inspection=inspection, unit=unit, text=text.strip(),
                                  recorded_on=recorded_on or timezone.localdate())


@transaction.atomic
def add_follow_up_action(finding: Finding, *, actor, description: str, owner, due_on: date) -> FollowUpAction:
    _require_manager(actor)
    if not description.strip():
        raise DomainError(_("Describe the follow-up action."), field="description")
    return FollowUpAction.objects.create(finding=finding, description=description.strip(), owner=owner,
                                         due_on=due_on)


@transaction.atomic
def close_action(action: FollowUpAction, *, actor, closed_on: date, note: str) -> FollowUpAction:
    if not access.can_close_action(actor, action):
        raise PermissionDenied(_("Only the responsible unit or the TĐKT Board can close this action."))
    if action.closed_on:
        raise DomainError(_("This action was already closed on %(day)s.") % {
            "day": action.closed_on.strftime("%d/%m/%Y")}, field="closed_on")
    if not (note or "").strip():
        raise DomainError(_("Say how the action was carried out."), field="note")
    if closed_on > timezone.localdate():
        raise DomainError(_("The closing date cannot be in the future."), field="closed_on")
    action.closed_on, action.closing_note = closed_on, note.strip()
    action.save(update_fields=["closed_on", "closing_note"])
    return action


# --- Training and legal documents ------------------------------------------------------------

@transaction.atomic
def create_course(*, actor, title: str, organiser, starts_on: date, ends_on: date, place: str,
                  note: str = "") -> TrainingCourse:
    _require_manager(actor)
    if ends_on < starts_on:
        raise DomainError(_("The end date is before the start date."), field="ends_on")
    return TrainingCourse.objects.create(title=title, organiser=organiser, starts_on=starts_on, ends_on=ends_on,
                                         place=place, note=note)


@transaction.atomic
def add_participation(course: TrainingCourse, *, actor, unit, person=None, headcount: int = 1) -> Participation:
    _require_manager(actor)
    if person is not None:
        headcount = 1
    if headcount < 1:
        raise DomainError(_("The number of participants must be at least 1."), field="headcount")
    return Participation.objects.create(course=course, unit=unit, person=person, headcount=headcount)


@transaction.atomic
def save_legal_document(document: LegalDocument, *, actor, uploaded=None) -> LegalDocument:
    _require_manager(actor)
    if uploaded is not None:
        check_upload(uploaded, field="file")
        document.file = uploaded
    if document.replaced_by_id and document.pk and document.replaced_by_id == document.pk:
        raise DomainError(_("A document cannot replace itself."), field="replaced_by")
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError as error:
        raise DomainError(_("The validity dates are not in order."), field="valid_to") from error
    return document
