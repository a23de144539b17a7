"""Movements and emulation groups (cụm, khối). The foundation holds what the demo
needs; registration, covenants, scoring and ballots extend it (issue 6)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.core.models import TimeStampedModel
from tdkt.organizations.models import Unit


class Movement(TimeStampedModel):
    class Kind(models.TextChoices):
        REGULAR = "regular", _("regular (thường xuyên)")
        THEMATIC = "thematic", _("thematic (chuyên đề)")

    name = models.CharField(_("name"), max_length=400)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    launched_by = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="launched_movements",
                                    verbose_name=_("launching authority"))
    launch_document = models.CharField(_("launching document"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="children", verbose_name=_("implements movement"))

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("movement")
        verbose_name_plural = _("movements")

    def __str__(self):
        return self.name


class EmulationGroup(TimeStampedModel):
    """A cụm (cluster, same kind of locality) or khối (block, same kind of agency) for one year."""

    class Kind(models.TextChoices):
        CLUSTER = "cluster", _("cluster (cụm)")
        BLOCK = "block", _("block (khối)")

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    organiser = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="organised_groups",
                                  verbose_name=_("organised by"))
    is_regional = models.BooleanField(_("regional (across provinces)"), default=False)

    class Meta:
        ordering = ["-year", "name"]
        constraints = [models.UniqueConstraint(fields=["name", "year"], name="unique_group_per_year")]
        verbose_name = _("emulation group")
        verbose_name_plural = _("emulation groups")

    def __str__(self):
        return f"{self.name} ({self.year})"


class GroupMembership(models.Model):
    class GroupRole(models.TextChoices):
        HEAD = "head", _("head (trưởng cụm/khối)")
        DEPUTY = "deputy", _("deputy (phó)")
        MEMBER = "member", _("member")

    group = models.ForeignKey(EmulationGroup, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="group_memberships")
    role = models.CharField(_("role"), max_length=10, choices=GroupRole.choices, default=GroupRole.MEMBER)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "unit"], name="unique_group_member")]
