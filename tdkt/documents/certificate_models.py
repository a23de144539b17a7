"""Saved certificate layouts: where each field prints, per unit and certificate type.

Units buy pre-printed blanks from different printers, so each issuing unit can keep its own
positions; a layout without a unit is the province default. ``version`` goes up on every
save, so a batch made with an older layout is not reused after a change.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tdkt.core.models import TimeStampedModel
from tdkt.documents.certificate_layout import (CertificateType, LayoutSpec, Paper, default_fields_json,
                                               layout_from_json)

__all__ = ["CertificateLayout"]


class CertificateLayout(TimeStampedModel):
    unit = models.ForeignKey("organizations.Unit", on_delete=models.CASCADE, null=True, blank=True,
                             related_name="certificate_layouts", verbose_name=_("issuing unit"),
                             help_text=_("Empty: the province default."))
    certificate_type = models.CharField(_("certificate type"), max_length=20, choices=CertificateType.choices)
    paper = models.CharField(_("paper"), max_length=20, choices=Paper.choices, default=Paper.A4_LANDSCAPE)
    print_frame = models.BooleanField(
        _("print the decorative frame"), default=True,
        help_text=_("On for blank paper; off for pre-printed blanks (only the fields are printed)."))
    fields = models.JSONField(_("field positions"), default=default_fields_json)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ["unit__path", "certificate_type"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "certificate_type"], name="unique_certificate_layout"),
            models.UniqueConstraint(fields=["certificate_type"], condition=Q(unit__isnull=True),
                                    name="unique_default_certificate_layout"),
        ]
        verbose_name = _("certificate layout")
        verbose_name_plural = _("certificate layouts")

    def __str__(self):
        return f"{self.get_certificate_type_display()} – {self.unit or _('province default')}"

    def spec(self) -> LayoutSpec:
        return layout_from_json(self.paper, self.print_frame, self.fields)

    def save(self, *args, **kwargs):
        if self.pk:
            self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)
