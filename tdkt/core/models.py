from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class Holiday(models.Model):
    """A day that is not a working day (Tết, national holidays, days off in lieu).

    ``is_working_day`` marks the opposite exception: a Saturday worked to make
    up for a bridged day off. Time limits in working days use this calendar.
    """

    on = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    is_working_day = models.BooleanField(_("worked day (make-up day)"), default=False)

    class Meta:
        ordering = ["on"]
        verbose_name = _("holiday")
        verbose_name_plural = _("holiday calendar")

    def __str__(self):
        return f"{self.on:%d/%m/%Y} {self.name}"


class AuditEntry(models.Model):
    """Who changed which reference record, when, and from what to what."""

    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                              related_name="+", verbose_name=_("actor"))
    action = models.CharField(_("action"), max_length=20)  # created | changed | deleted
    model = models.CharField(_("model"), max_length=100, db_index=True)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=300)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.action} {self.model} {self.object_repr}"


class TaskRecord(models.Model):
    """A queued background task (production backend). Ids make it idempotent."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    key = models.CharField(_("idempotency key"), max_length=200, unique=True)
    name = models.CharField(_("task"), max_length=100)
    kwargs = models.JSONField(default=dict)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED, db_index=True)
    progress = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("background task")
        verbose_name_plural = _("background tasks")
