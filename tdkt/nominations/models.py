"""Dossiers (hồ sơ đề nghị khen thưởng), their nominations, attachments, timeline,
council sessions and public consultations.

Dossier.status is written only by ``tdkt.nominations.workflow.apply_transition``;
a test enforces it.
"""

from contextvars import ContextVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.catalogue.models import AttachmentKind, CatalogueEntry
from tdkt.core.models import TimeStampedModel
from tdkt.core.spreadsheets import CellDecoder, CellEncoder
from tdkt.decisions.models import AchievementKind, Award, Decision
from tdkt.organizations.models import SubjectRef, Unit


class DossierKind(models.TextChoices):
    ANNUAL = "annual", _("annual achievement")
    THEMATIC = "thematic", _("thematic movement")
    SUDDEN = "sudden", _("sudden achievement")
    CONTRIBUTION = "contribution", _("contribution over a career")
    SENIORITY = "seniority", _("seniority")
    FOREIGN = "foreign", _("foreign affairs")
    STATE_LEVEL = "state_level", _("state level (forwarded to the central level)")

    @property
    def achievement_kind(self) -> str:
        return AchievementKind.ANNUAL if self == DossierKind.STATE_LEVEL else AchievementKind(self.value)


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    AWAITING_HEAD = "awaiting_head", _("awaiting the unit head")
    SUBMITTED = "submitted", _("submitted")
    RETURNED = "returned", _("returned for supplement")
    RECEIVED = "received", _("received, being appraised")
    APPRAISED = "appraised", _("appraised")
    IN_CONSULTATION = "in_consultation", _("in public consultation")
    AT_COUNCIL = "at_council", _("before the council")
    COUNCIL_DONE = "council_done", _("reviewed by the council")
    FORWARDED = "forwarded", _("forwarded to the central level")
    DECIDED = "decided", _("decided")
    WITHDRAWN = "withdrawn", _("withdrawn")


# Set only by tdkt.nominations.workflow while it applies a transition.
STATUS_WRITER: ContextVar[bool] = ContextVar("dossier_status_writer", default=False)


class StatusWriteRefused(RuntimeError):
    """Dossier.status was changed outside tdkt.nominations.workflow."""


class DossierQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if "status" in kwargs and not STATUS_WRITER.get():
            raise StatusWriteRefused("Dossier.status changes only through nominations.workflow")
        return super().update(**kwargs)

    def bulk_create(self, objs, *args, **kwargs):
        # bulk_create bypasses save(): new dossiers start as drafts like any other.
        objs = list(objs)
        if not STATUS_WRITER.get() and any(obj.status != Status.DRAFT for obj in objs):
            raise StatusWriteRefused("Dossier.status changes only through nominations.workflow")
        return super().bulk_create(objs, *args, **kwargs)


class Dossier(TimeStampedModel):
    code = models.CharField(_("dossier number"), max_length=30, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=DossierKind.choices,
                            default=DossierKind.ANNUAL)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="dossiers",
                             verbose_name=_("proposing unit"))
    year = models.PositiveSmallIntegerField(_("achievement year"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT,
                              editable=False, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="created_dossiers", verbose_name=_("created by"))
    step_started_on = models.DateField(_("current step started on"), null=True, editable=False)
    step_due_on = models.DateField(_("current step due on"), null=True, editable=False, db_index=True)
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="dossiers", editable=False, verbose_name=_("decision"))
    planned_council_on = models.DateField(_("planned council meeting"), null=True, blank=True)
    # The movement whose results this dossier proposes for awards (the movement's page lists them).
    movement = models.ForeignKey("emulation.Movement", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="dossiers", verbose_name=_("emulation movement"))

    objects = DossierQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")

    def __str__(self):
        return f"{self.code}: {self.title}"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_status = instance.__dict__.get("status")
        return instance

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        if fields is None or "status" in fields:
            self._loaded_status = self.__dict__.get("status")

    def save(self, *args, **kwargs):
        loaded = getattr(self, "_loaded_status", None)
        changed = self.status != (loaded if self.pk else Status.DRAFT)
        if changed and not STATUS_WRITER.get():
            raise StatusWriteRefused("Dossier.status changes only through nominations.workflow")
        if not STATUS_WRITER.get() and not self._state.adding:
            # An ordinary edit never writes the status column: a copy loaded before a
            # transition would otherwise put the old status back (lost update).
            fields = kwargs.get("update_fields")
            if fields is None:
                deferred = self.get_deferred_fields()
                fields = [f.name for f in self._meta.concrete_fields
                          if not f.primary_key and f.attname not in deferred]
            kwargs["update_fields"] = [name for name in fields if name != "status"]
        super().save(*args, **kwargs)
        self._loaded_status = self.status


class EligibilityVerdict(models.TextChoices):
    ELIGIBLE = "eligible", _("meets the criteria")
    NOT_ELIGIBLE = "not_eligible", _("does not meet the criteria")
    NEEDS_CHECK = "needs_check", _("needs checking")


class Nomination(SubjectRef, TimeStampedModel):
    class Verdict(models.TextChoices):
        AGREE = "agree", _("agree to propose")
        DISAGREE = "disagree", _("do not propose")

    class CouncilResult(models.TextChoices):
        PASSED = "passed", _("passed")
        FAILED = "failed", _("not passed")

    class Outcome(models.TextChoices):
        PENDING = "pending", _("pending")
        AWARDED = "awarded", _("awarded")
        NOT_AWARDED = "not_awarded", _("not awarded")
        FORWARDED = "forwarded", _("forwarded to the central level")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="nominations",
                                verbose_name=_("dossier"))
    entry = models.ForeignKey(CatalogueEntry, on_delete=models.PROTECT, related_name="nominations",
                              verbose_name=_("proposed title / form"))
    position_text = models.CharField(_("position, unit"), max_length=300, blank=True)
    achievement_summary = models.TextField(_("achievement summary"))
    period_from_year = models.PositiveSmallIntegerField(_("achievement from year"), null=True, blank=True)
    period_to_year = models.PositiveSmallIntegerField(_("achievement to year"), null=True, blank=True)
    appraisal_verdict = models.CharField(_("appraisal verdict"), max_length=10, choices=Verdict.choices,
                                         blank=True)
    appraisal_comment = models.TextField(_("appraisal comment"), blank=True)
    # The rules' verdict the officer started from, kept with the appraisal (tdkt.nominations.eligibility).
    eligibility_verdict = models.CharField(_("eligibility check"), max_length=20, blank=True,
                                           choices=EligibilityVerdict.choices)
    eligibility_result = models.JSONField(_("eligibility check result"), null=True, blank=True, editable=False)
    appraised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                     blank=True, related_name="+")
    appraised_at = models.DateTimeField(null=True, blank=True)
    council_result = models.CharField(_("council result"), max_length=10,
                                      choices=CouncilResult.choices, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices,
                               default=Outcome.PENDING)
    outcome_reason = models.TextField(_("reason"), blank=True)
    award = models.OneToOneField(Award, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="nomination", verbose_name=_("award"))
    # The initiatives this nomination relies on (one initiative is used once, LAW.md §1.5 item 2).
    initiatives = models.ManyToManyField("organizations.Initiative", blank=True,
                                         related_name="used_in_nominations", verbose_name=_("initiatives used"))

    class Meta:
        ordering = ["dossier_id", "id"]
        constraints = [SubjectRef.one_subject_constraint("nomination_has_one_subject")]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")

    def __str__(self):
        return f"{self.subject} – {self.entry.name}"


def attachment_path(instance, filename):
    return f"dossiers/{instance.dossier_id}/{filename}"


class Attachment(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="attachments")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, null=True, blank=True,
                                   related_name="attachments", verbose_name=_("for nomination"))
    kind = models.CharField(_("document type"), max_length=30, choices=AttachmentKind.choices)
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.original_name}"


class SupplementItem(models.Model):
    """One thing the Board asks the unit to fix when returning a dossier."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="supplement_items")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, null=True, blank=True,
                                   related_name="supplement_items")
    text = models.TextField(_("what to fix"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "id"]


class TimelineEvent(models.Model):
    """Who did what to a dossier, when and why (event types are ``object.verb``)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="timeline")
    event_type = models.CharField(_("event"), max_length=60)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("actor"))
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "id"]


class StepTimeLimit(models.Model):
    """Working days allowed in a status before the dossier counts as overdue (⚙ data)."""

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, unique=True)
    working_days = models.PositiveSmallIntegerField(_("working days"))
    legal_basis = models.CharField(_("basis"), max_length=255, blank=True)

    class Meta:
        ordering = ["status"]
        verbose_name = _("time limit of a step")
        verbose_name_plural = _("time limits of steps")

    def __str__(self):
        return f"{self.get_status_display()}: {self.working_days}"


class Council(models.Model):
    name = models.CharField(_("name"), max_length=200)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="councils")

    class Meta:
        verbose_name = _("council")
        verbose_name_plural = _("councils")

    def __str__(self):
        return self.name


class CouncilMembership(models.Model):
    class Position(models.TextChoices):
        CHAIR = "chair", _("chair")
        VICE_CHAIR = "vice_chair", _("vice-chair")
        SECRETARY = "secretary", _("member and secretary")
        MEMBER = "member", _("member")

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="council_memberships")
    position = models.CharField(_("position"), max_length=20, choices=Position.choices, default=Position.MEMBER)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["council", "user"], name="unique_council_member")]


class CouncilSession(TimeStampedModel):
    class State(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="sessions")
    held_on = models.DateField(_("meeting date"))
    dossiers = models.ManyToManyField(Dossier, related_name="council_sessions", verbose_name=_("agenda"))
    # Snapshot at the meeting: votes are counted on total membership (NĐ 98 Đ30 k7).
    total_members = models.PositiveSmallIntegerField(_("total members"))
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    minutes = models.FileField(_("minutes"), upload_to="council/", blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-held_on"]


class Attendance(models.Model):
    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    present = models.BooleanField(_("present"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "member"], name="unique_attendance")]


class Vote(models.Model):
    class Choice(models.TextChoices):
        YES = "yes", _("agree")
        NO = "no", _("disagree")
        ABSTAIN = "abstain", _("abstain")

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="votes")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(_("vote"), max_length=10, choices=Choice.choices)
    # An absent member's written opinion counts as a vote (NĐ 98 Đ30 k7).
    written = models.BooleanField(_("written opinion of an absent member"), default=False)
    cast_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "nomination", "member"], name="one_vote_per_member")]


class Consultation(TimeStampedModel):
    """Public posting of nominees before the council (NĐ 98 Đ46 k2: ≥ 10 working days)."""

    dossier = models.OneToOneField(Dossier, on_delete=models.CASCADE, related_name="consultation")
    starts_on = models.DateField(_("posted from"))
    ends_on = models.DateField(_("posted until"))
    channel = models.CharField(_("where it is posted"), max_length=255,
                               default="Cổng thông tin điện tử tỉnh")


class ConsultationComment(models.Model):
    class Moderation(models.TextChoices):
        PENDING = "pending", _("awaiting moderation")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="comments")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, null=True, blank=True,
                                   related_name="public_comments")
    author_name = models.CharField(_("sender"), max_length=150)
    body = models.TextField(_("comment"))
    received_on = models.DateField(_("received on"))
    moderation = models.CharField(max_length=10, choices=Moderation.choices, default=Moderation.PENDING)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="+")

    class Meta:
        ordering = ["received_on", "id"]


class ImportBatch(TimeStampedModel):
    """One uploaded nominee list, from upload to confirmation (tdkt.nominations.imports).

    The parsed cells, the column matching and the user's choices for uncertain people are
    kept here, so nothing is lost between the preview and the confirmation and nothing
    touches the dossier before the user confirms. ``fingerprint`` recognises a file
    uploaded again."""

    class State(models.TextChoices):
        PREVIEW = "preview", _("being checked")
        CONFIRMED = "confirmed", _("imported")
        CANCELLED = "cancelled", _("cancelled")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="import_batches")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    file_name = models.CharField(_("file name"), max_length=255)
    fingerprint = models.CharField(max_length=64, db_index=True)
    sheet_name = models.CharField(_("sheet"), max_length=100, blank=True)
    header_line = models.PositiveIntegerField(default=1)
    labels = models.JSONField(default=list)          # the header text of each column
    mapping = models.JSONField(default=list)         # the field of each column ("" = not imported)
    # [[line number, [cells]], …] as uploaded, dates included (core.spreadsheets.CellEncoder)
    rows = models.JSONField(default=list, encoder=CellEncoder, decoder=CellDecoder)
    choices = models.JSONField(default=dict)         # {"line": "person:ID" | "new" | "skip"}
    options = models.JSONField(default=dict)         # defaults for rows without an award or summary
    state = models.CharField(max_length=10, choices=State.choices, default=State.PREVIEW)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("nominee list import")
        verbose_name_plural = _("nominee list imports")

    def __str__(self):
        return f"{self.file_name} → {self.dossier.code}"
