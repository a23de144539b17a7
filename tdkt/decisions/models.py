"""Decisions and the awards they grant: the archive (sổ vàng)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.catalogue.models import Authority, CatalogueEntry
from tdkt.core.models import TimeStampedModel
from tdkt.core.text import fold
from tdkt.organizations.models import SubjectRef, Unit


class AchievementKind(models.TextChoices):
    ANNUAL = "annual", _("annual achievement")
    THEMATIC = "thematic", _("thematic movement")
    SUDDEN = "sudden", _("sudden achievement")
    CONTRIBUTION = "contribution", _("contribution over a career")
    SENIORITY = "seniority", _("seniority")
    FOREIGN = "foreign", _("foreign affairs")
    RESISTANCE = "resistance", _("resistance wars")


class Decision(TimeStampedModel):
    class Source(models.TextChoices):
        SYSTEM = "system", _("issued in TĐKT")
        CENTRAL = "central", _("central decision recorded")
        IMPORTED = "imported", _("imported from earlier records")

    number = models.CharField(_("number and symbol"), max_length=60,
                              help_text=_("E.g. 123/QĐ-UBND"))
    issued_on = models.DateField(_("date"), db_index=True)
    authority = models.CharField(_("deciding authority"), max_length=40, choices=Authority.choices)
    issuer = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="issued_decisions",
                               verbose_name=_("issuing body"))
    signer_name = models.CharField(_("signed by"), max_length=150)
    signer_title = models.CharField(_("signer's title"), max_length=150, blank=True)
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                               blank=True, related_name="signed_decisions", verbose_name=_("signer account"))
    summary = models.CharField(_("subject (V/v)"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.SYSTEM)

    class Meta:
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "number", "issued_on"], name="unique_decision_number"),
        ]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        return f"{self.number} ({self.issued_on:%d/%m/%Y})"


class Award(SubjectRef, TimeStampedModel):
    """One entry of the sổ vàng: who received what, by which decision."""

    class Status(models.TextChoices):
        VALID = "valid", _("valid")
        REVOKED = "revoked", _("revoked")

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="awards",
                                 verbose_name=_("decision"))
    entry = models.ForeignKey(CatalogueEntry, on_delete=models.PROTECT, related_name="awards",
                              verbose_name=_("title / form"))
    recipient_name = models.CharField(_("recipient"), max_length=255)
    search_name = models.CharField(max_length=255, editable=False, db_index=True)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="awards",
                             verbose_name=_("unit at the time"))
    position_text = models.CharField(_("position, unit (as written in the decision)"), max_length=300,
                                     blank=True)
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    period_from_year = models.PositiveSmallIntegerField(_("achievement from year"), null=True, blank=True)
    period_to_year = models.PositiveSmallIntegerField(_("achievement to year"), null=True, blank=True)
    achievement_kind = models.CharField(_("kind of achievement"), max_length=20,
                                        choices=AchievementKind.choices, default=AchievementKind.ANNUAL)
    certificate_number = models.PositiveIntegerField(_("số sổ vàng (order in the decision)"))
    money_coefficient = models.DecimalField(_("coefficient"), max_digits=6, decimal_places=2, default=0)
    money_amount = models.PositiveBigIntegerField(_("money (đồng)"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.VALID)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)

    class Meta:
        ordering = ["-year", "decision_id", "certificate_number"]
        constraints = [
            SubjectRef.one_subject_constraint("award_has_one_subject"),
            models.UniqueConstraint(fields=["decision", "certificate_number"], name="unique_certificate_number"),
        ]
        indexes = [models.Index(fields=["entry", "year"]), models.Index(fields=["unit", "year"])]
        verbose_name = _("award")
        verbose_name_plural = _("awards (archive)")

    def __str__(self):
        return f"{self.recipient_name}: {self.entry.name} ({self.year})"

    def save(self, *args, **kwargs):
        self.search_name = fold(self.recipient_name)
        super().save(*args, **kwargs)
