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
    # The Quyết định template version current when the decision was recorded (decisions rows from
    # before that take the version of their first render); every render reuses it
    # (tdkt/decisions/documents.py), so a new template never changes an issued decision.
    template_version = models.ForeignKey("documents.DocumentTemplateVersion", on_delete=models.PROTECT,
                                         null=True, blank=True, editable=False, related_name="+",
                                         verbose_name=_("document template version"))

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
    # Printed on the certificate (text and QR); the public verification page looks it up.
    # Random, not derived from the id, so codes cannot be enumerated; set when a certificate is issued.
    verification_code = models.CharField(_("verification code"), max_length=16, unique=True, null=True,
                                         blank=True, editable=False)
    # The initiatives this award used as a criterion: one initiative is used once (LAW.md §1.5 item 2).
    initiatives = models.ManyToManyField("organizations.Initiative", blank=True, related_name="used_in_awards",
                                         verbose_name=_("initiatives used"))

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
        renamed = self._state.adding or getattr(self, "_indexed_name", None) != self.search_name
        super().save(*args, **kwargs)
        if renamed:
            reindex_award_names([self])

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._indexed_name = instance.__dict__.get("search_name")
        return instance


def name_keys(search_name: str) -> set[str]:
    """The word-start suffixes of a folded name, the keys the archive search matches by prefix.

    "nguyen thi dao" → {"nguyen thi dao", "thi dao", "dao"}: typing "dao", "thi d" or
    "nguyen thi" finds it with one index range (docs/decisions/0004-archive-name-search.md).
    """
    words = search_name.split()
    return {" ".join(words[i:]) for i in range(len(words))}


class AwardNameKey(models.Model):
    """Search index of award names (one row per word-start suffix), kept by Award.save.

    Code that writes awards without save() (bulk_create, update) calls reindex_award_names.
    Its two indexes are created per database by migration 0002, in code-point order (binary
    collation on SQLite, COLLATE "C" on PostgreSQL) so that a prefix range is exact and results
    are read in index order on both: (key, award_id) serves the prefix range, (award_id, key)
    the "a smaller key of this award also matches" probe.
    """

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="name_keys", db_index=False)
    key = models.CharField(max_length=255)

    def __str__(self):
        return self.key


def reindex_award_names(awards) -> None:
    """Rebuild the name keys of the given awards (instances with search_name set)."""
    awards = [award for award in awards if award.pk]
    AwardNameKey.objects.filter(award_id__in=[award.pk for award in awards]).delete()
    AwardNameKey.objects.bulk_create(
        [AwardNameKey(award_id=award.pk, key=key) for award in awards for key in name_keys(award.search_name)],
        batch_size=2000)
    for award in awards:
        award._indexed_name = award.search_name
