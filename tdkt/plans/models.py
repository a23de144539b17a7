"""Annual TĐKT plans and their items, units' own plans, reminders, inspections,
training courses and the legal-documents register.

Lateness is never stored: an item's stored status is one of not_started /
in_progress / done, and "late" is derived from its due date (the explicit date,
or the last day of its quarter) and today. That way no row can say "late" while
its due date has moved, or "in progress" while it is months overdue.
"""

import calendar
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tdkt.core.models import TimeStampedModel
from tdkt.core.text import fold
from tdkt.organizations.models import Person, Unit

DEFAULT_UNIT_PLAN_DAY = (2, 10)  # 10/02 of the year, as the seed plan asks (section IV.1)


def quarter_end(year: int, quarter: int) -> date:
    month = quarter * 3
    return date(year, month, calendar.monthrange(year, month)[1])


class Plan(TimeStampedModel):
    """A kế hoạch TĐKT for one year, issued by one unit (usually the UBND tỉnh)."""

    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    issuer = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="tdkt_plans",
                               verbose_name=_("issuing unit"))
    title = models.CharField(_("title"), max_length=300)
    document_number = models.CharField(_("document number"), max_length=60, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    summary = models.TextField(_("purpose and requirements"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("created by"))

    class Meta:
        ordering = ["-year", "-issued_on", "pk"]
        verbose_name = _("TĐKT plan")
        verbose_name_plural = _("TĐKT plans")

    def __str__(self):
        return self.title


class ItemStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")


LATE = "late"  # a derived status, shown and filtered on, never stored
LATE_LABEL = _("late")


class PlanItem(TimeStampedModel):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items", verbose_name=_("plan"))
    number = models.PositiveSmallIntegerField(_("no."))
    quarter = models.PositiveSmallIntegerField(_("quarter"), null=True, blank=True,
                                               choices=[(q, f"{q}") for q in range(1, 5)])
    due_on = models.DateField(_("due on"), null=True, blank=True,
                              help_text=_("Leave empty to use the last day of the quarter."))
    content = models.TextField(_("content"))
    lead_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="led_plan_items",
                                  verbose_name=_("lead unit"))
    coordinating_units = models.ManyToManyField(Unit, blank=True, related_name="coordinated_plan_items",
                                                verbose_name=_("coordinating units"))
    # Participants the plan names only as a group ("Các đơn vị", "Các đơn vị liên quan").
    other_participants = models.CharField(_("other participants"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ItemStatus.choices,
                              default=ItemStatus.NOT_STARTED, db_index=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="unique_plan_item_number"),
            models.CheckConstraint(condition=Q(quarter__isnull=True) | Q(quarter__gte=1, quarter__lte=4),
                                   name="plan_item_quarter_range"),
            models.CheckConstraint(condition=Q(quarter__isnull=False) | Q(due_on__isnull=False),
                                   name="plan_item_has_quarter_or_date"),
            # "done" and a completion date go together: no done item without a date, no date on an open one.
            models.CheckConstraint(condition=Q(status="done", completed_on__isnull=False)
                                   | (~Q(status="done") & Q(completed_on__isnull=True)),
                                   name="plan_item_done_has_date"),
        ]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")

    def __str__(self):
        return f"{self.number:02d}. {self.content[:80]}"

    @property
    def effective_due_on(self) -> date | None:
        if self.due_on:
            return self.due_on
        return quarter_end(self.plan.year, self.quarter) if self.quarter else None

    @property
    def display_quarter(self) -> int | None:
        if self.quarter:
            return self.quarter
        return (self.due_on.month - 1) // 3 + 1 if self.due_on else None

    def is_late_on(self, today: date) -> bool:
        due = self.effective_due_on
        return self.status != ItemStatus.DONE and due is not None and due < today

    def display_status_on(self, today: date) -> str:
        return LATE if self.is_late_on(today) else self.status


class ProgressNote(models.Model):
    """One dated entry in an item's progress log."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="notes", verbose_name=_("plan item"))
    written_on = models.DateField(_("date"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("author"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    text = models.TextField(_("progress"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-written_on", "-created_at"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")

    def __str__(self):
        return f"{self.written_on:%d/%m/%Y} {self.text[:60]}"


class LinkKind(models.TextChoices):
    MOVEMENT = "movement", _("movement")
    DOSSIER = "dossier", _("dossier")
    DECISION = "decision", _("decision")
    INSPECTION = "inspection", _("inspection")
    REPORT = "report", _("report file")


def output_path(instance, filename):
    return f"plans/items/{instance.item_id}/{filename}"


class ItemOutput(models.Model):
    """What an item produced: one link of one kind, to a record where the system has one."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="outputs", verbose_name=_("plan item"))
    kind = models.CharField(_("kind"), max_length=20, choices=LinkKind.choices)
    movement = models.ForeignKey("emulation.Movement", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="plan_outputs", verbose_name=_("movement"))
    dossier = models.ForeignKey("nominations.Dossier", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="plan_outputs", verbose_name=_("dossier"))
    decision = models.ForeignKey("decisions.Decision", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="plan_outputs", verbose_name=_("decision"))
    inspection = models.ForeignKey("plans.Inspection", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="plan_outputs", verbose_name=_("inspection"))
    file = models.FileField(_("report file"), upload_to=output_path, blank=True)
    label = models.CharField(_("description"), max_length=300, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at"]
        constraints = [
            # Exactly the target that matches the kind, nothing else.
            models.CheckConstraint(name="item_output_matches_kind", condition=(
                Q(kind="movement", movement__isnull=False, dossier__isnull=True, decision__isnull=True,
                  inspection__isnull=True)
                | Q(kind="dossier", dossier__isnull=False, movement__isnull=True, decision__isnull=True,
                    inspection__isnull=True)
                | Q(kind="decision", decision__isnull=False, movement__isnull=True, dossier__isnull=True,
                    inspection__isnull=True)
                | Q(kind="inspection", inspection__isnull=False, movement__isnull=True, dossier__isnull=True,
                    decision__isnull=True)
                | (Q(kind="report", movement__isnull=True, dossier__isnull=True, decision__isnull=True,
                     inspection__isnull=True) & ~Q(file=""))
            )),
        ]
        verbose_name = _("plan item output")
        verbose_name_plural = _("plan item outputs")

    @property
    def target(self):
        return getattr(self, self.kind) if self.kind != LinkKind.REPORT else self.file

    def __str__(self):
        return f"{self.get_kind_display()}: {self.label or self.target}"


# --- Units' own plans ------------------------------------------------------------------------

class UnitPlanDeadline(models.Model):
    """The day units must send their own yearly TĐKT plan by (editable per year)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    due_on = models.DateField(_("due on"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("unit plan deadline")
        verbose_name_plural = _("unit plan deadlines")

    def __str__(self):
        return f"{self.year}: {self.due_on:%d/%m/%Y}"

    @staticmethod
    def default_for(year: int) -> date:
        month, day = DEFAULT_UNIT_PLAN_DAY
        return date(year, month, day)


def unit_plan_path(instance, filename):
    return f"plans/units/{instance.year}/{instance.unit_id}/{filename}"


class UnitPlanSubmission(TimeStampedModel):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="plan_submissions",
                             verbose_name=_("unit"))
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    document_number = models.CharField(_("document number"), max_length=60)
    issued_on = models.DateField(_("issued on"))
    submitted_on = models.DateField(_("submitted on"))
    file = models.FileField(_("file"), upload_to=unit_plan_path)
    original_name = models.CharField(_("file name"), max_length=255)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("submitted by"))

    class Meta:
        ordering = ["-year", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_unit_plan_per_year")]
        verbose_name = _("unit plan submission")
        verbose_name_plural = _("unit plan submissions")

    def __str__(self):
        return f"{self.unit} – {self.year}"


# --- Reminders -------------------------------------------------------------------------------

class SentReminder(models.Model):
    """A reminder sent to one person about one item or one missing unit plan on one day.

    ``key`` makes the daily job idempotent: running it twice the same day sends nothing new."""

    class Kind(models.TextChoices):
        ITEM = "item", _("plan item")
        UNIT_PLAN = "unit_plan", _("unit plan")
        ACTION = "action", _("follow-up action")

    key = models.CharField(max_length=200, unique=True)
    sent_on = models.DateField(_("sent on"), db_index=True)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_reminders",
                                  verbose_name=_("recipient"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, null=True, blank=True, related_name="reminders")
    action = models.ForeignKey("plans.FollowUpAction", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="reminders")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    due_on = models.DateField(_("due on"))
    is_late = models.BooleanField(_("late"), default=False)
    subject = models.CharField(_("subject"), max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_on", "due_on"]
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")

    def __str__(self):
        return f"{self.sent_on:%d/%m/%Y} → {self.recipient}: {self.subject}"


# --- Inspection and supervision --------------------------------------------------------------

class Inspection(TimeStampedModel):
    """A kiểm tra, giám sát of TĐKT work: who inspects which units, when."""

    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    subject = models.CharField(_("subject"), max_length=300)
    organiser = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("organised by"))
    units = models.ManyToManyField(Unit, related_name="inspections", verbose_name=_("units inspected"))
    team = models.TextField(_("inspection team"), blank=True, help_text=_("One member per line."))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    document_number = models.CharField(_("document number"), max_length=60, blank=True)

    class Meta:
        ordering = ["-year", "-starts_on"]
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")),
                                              name="inspection_dates_in_order")]
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")

    def __str__(self):
        return self.subject


class Finding(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    text = models.TextField(_("finding"))
    recorded_on = models.DateField(_("recorded on"))

    class Meta:
        ordering = ["unit__path", "pk"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self):
        return f"{self.unit}: {self.text[:60]}"


class FollowUpAction(models.Model):
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("action"))
    owner = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("responsible unit"))
    due_on = models.DateField(_("due on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closing_note = models.TextField(_("closing note"), blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [models.CheckConstraint(condition=Q(closed_on__isnull=True) | ~Q(closing_note=""),
                                              name="closed_action_has_note")]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")

    def __str__(self):
        return self.description[:80]

    def is_late_on(self, today: date) -> bool:
        return self.closed_on is None and self.due_on < today


# --- Training --------------------------------------------------------------------------------

class TrainingCourse(TimeStampedModel):
    title = models.CharField(_("title"), max_length=300)
    organiser = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("organised by"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    place = models.CharField(_("place"), max_length=300)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-starts_on"]
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")),
                                              name="course_dates_in_order")]
        verbose_name = _("training course")
        verbose_name_plural = _("training courses")

    def __str__(self):
        return self.title

    @property
    def participant_total(self) -> int:
        return sum(p.headcount for p in self.participants.all())


class Participation(models.Model):
    """Who attended: a named person (headcount 1), or a number of people from a unit."""

    course = models.ForeignKey(TrainingCourse, on_delete=models.CASCADE, related_name="participants")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    person = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               verbose_name=_("person"))
    headcount = models.PositiveSmallIntegerField(_("number of participants"), default=1)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(person__isnull=True) | Q(headcount=1),
                                              name="named_participant_counts_one"),
                       models.CheckConstraint(condition=Q(headcount__gte=1), name="participation_positive")]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")


# --- Legal documents -------------------------------------------------------------------------

class LegalDocument(TimeStampedModel):
    class Kind(models.TextChoices):
        LAW = "law", _("law")
        DECREE = "decree", _("decree")
        CIRCULAR = "circular", _("circular")
        DECISION = "decision", _("decision")
        DIRECTIVE = "directive", _("directive")
        PLAN = "plan", _("plan")
        OTHER = "other", _("other")

    number = models.CharField(_("number"), max_length=60)
    issued_on = models.DateField(_("issued on"))
    issuer = models.CharField(_("issuer"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    summary = models.CharField(_("summary"), max_length=500)
    valid_from = models.DateField(_("in force from"), null=True, blank=True)
    valid_to = models.DateField(_("in force until"), null=True, blank=True)
    replaced_by = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="replaces", verbose_name=_("replaced by"))
    file = models.FileField(_("file"), upload_to="plans/legal/", blank=True)
    search_text = models.CharField(max_length=600, editable=False, db_index=True, default="")

    class Meta:
        ordering = ["-issued_on", "number"]
        constraints = [
            models.CheckConstraint(condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True)
                                   | Q(valid_to__gte=models.F("valid_from")), name="legal_validity_in_order"),
            models.CheckConstraint(condition=~Q(replaced_by=models.F("pk")), name="legal_not_replaced_by_self"),
        ]
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")

    def __str__(self):
        return f"{self.number} – {self.summary[:80]}"

    # The Vietnamese name of each type goes into the search key, so "nghi dinh 98" finds 98/2023/NĐ-CP.
    KIND_WORDS = {"law": "Luật", "decree": "Nghị định", "circular": "Thông tư", "decision": "Quyết định",
                  "directive": "Chỉ thị", "plan": "Kế hoạch"}

    def save(self, *args, **kwargs):
        words = self.KIND_WORDS.get(self.kind, "")
        self.search_text = fold(f"{words} {self.number} {self.issuer} {self.summary}")[:600]
        super().save(*args, **kwargs)

    def in_force_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)
