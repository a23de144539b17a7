"""Document templates (.docx edited in Word) and their uploaded versions.

A template is identified by its code (``quyet_dinh``, ``to_trinh_de_nghi`` …, see
``tdkt.documents.registry``). Every upload is a new numbered version; exactly one is current.
Documents that must be reproducible (a decision) keep the version they were made with.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.core.models import TimeStampedModel


class DocumentTemplate(TimeStampedModel):
    class Kind(models.TextChoices):
        SUBMISSION = "submission", _("submission (tờ trình)")
        MINUTES = "minutes", _("minutes (biên bản)")
        DECISION = "decision", _("decision")
        REPORT = "report", _("achievement report")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["kind", "code"]
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")

    def __str__(self):
        return self.title

    @property
    def current_version(self):
        return self.versions.filter(is_current=True).first()


def template_path(instance, filename):
    return f"document_templates/{instance.template.code}/v{instance.number}.docx"


class DocumentTemplateVersion(models.Model):
    template = models.ForeignKey(DocumentTemplate, on_delete=models.PROTECT, related_name="versions",
                                 verbose_name=_("template"))
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=template_path)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    is_current = models.BooleanField(_("current"), default=False)

    class Meta:
        ordering = ["template_id", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="unique_template_version"),
            models.UniqueConstraint(fields=["template"], condition=models.Q(is_current=True),
                                    name="one_current_template_version"),
        ]
        verbose_name = _("template version")
        verbose_name_plural = _("template versions")

    def __str__(self):
        return f"{self.template.code} v{self.number}"
from tdkt.documents.certificate_models import *  # noqa
