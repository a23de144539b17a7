"""Units (a tree with lineage), people, collectives and households."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tdkt.core.models import TimeStampedModel
from tdkt.core.text import fold


class UnitKind(models.TextChoices):
    PROVINCE_OFFICE = "province_office", _("provincial authority")
    COUNCIL = "council", _("council")
    DEPARTMENT = "department", _("department")
    BOARD = "board", _("board")
    MASS_ORGANISATION = "mass_organisation", _("mass organisation")
    DISTRICT = "district", _("district / city")
    COMMUNE = "commune", _("commune / ward")
    ENTERPRISE = "enterprise", _("enterprise")
    SCHOOL = "school", _("school")
    HOSPITAL = "hospital", _("hospital")
    DIVISION = "division", _("division within a unit")
    OTHER_PROVINCE = "other_province", _("other province")
    OTHER = "other", _("other")


class UnitLevel(models.TextChoices):
    PROVINCE = "province", _("province level")
    DISTRICT = "district", _("district level")
    COMMUNE = "commune", _("commune level")
    GRASSROOTS = "grassroots", _("grassroots")
    EXTERNAL = "external", _("outside the province")


class Unit(TimeStampedModel):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    search_name = models.CharField(max_length=255, editable=False, db_index=True)
    kind = models.CharField(_("kind"), max_length=30, choices=UnitKind.choices)
    level = models.CharField(_("level"), max_length=20, choices=UnitLevel.choices)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="children", verbose_name=_("parent unit"))
    # Materialised path "/1/7/23/": a subtree is one indexed prefix query on both databases.
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    is_remote = models.BooleanField(_("remote area (vùng sâu, vùng xa)"), default=False)
    is_border = models.BooleanField(_("border area"), default=False)
    is_especially_difficult = models.BooleanField(_("especially difficult area"), default=False)
    is_ethnic_minority = models.BooleanField(_("ethnic minority area"), default=False)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError(_("A unit cannot be its own parent."))
        super().save(*args, **kwargs)
        path = f"{self.parent.path if self.parent_id else '/'}{self.pk}/"
        if path != self.path:
            old = self.path
            Unit.objects.filter(pk=self.pk).update(path=path)
            self.path = path
            if old:  # re-root the subtree after a move
                for child in Unit.objects.filter(path__startswith=old).exclude(pk=self.pk):
                    child.path = path + child.path[len(old):]
                    Unit.objects.filter(pk=child.pk).update(path=child.path)

    def is_active_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to)

    @property
    def area_flags(self) -> list[str]:
        flags = []
        for field in ("is_remote", "is_border", "is_especially_difficult", "is_ethnic_minority"):
            if getattr(self, field):
                flags.append(str(self._meta.get_field(field).verbose_name))
        return flags


class UnitLineage(models.Model):
    """A merge, split or rename: award history of the predecessor follows the successor."""

    class Kind(models.TextChoices):
        MERGE = "merge", _("merged into")
        SPLIT = "split", _("split into")
        RENAME = "rename", _("renamed to")
        TRANSFER = "transfer", _("transferred to")

    predecessor = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="successor_links",
                                    verbose_name=_("predecessor"))
    successor = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="predecessor_links",
                                  verbose_name=_("successor"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    on = models.DateField(_("effective on"))
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="unique_unit_lineage"),
            models.CheckConstraint(condition=~Q(predecessor=models.F("successor")),
                                   name="lineage_not_self"),
        ]
        verbose_name = _("unit lineage")
        verbose_name_plural = _("unit lineage")

    def __str__(self):
        return f"{self.predecessor} → {self.successor} ({self.get_kind_display()})"


class Gender(models.TextChoices):
    FEMALE = "female", _("female")
    MALE = "male", _("male")


class SubjectCategory(models.Model):
    """Priority groups the seeds ask to favour (công nhân, nông dân, …): reference data."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["name"]
        verbose_name = _("subject category")
        verbose_name_plural = _("subject categories")

    def __str__(self):
        return self.name


def _blank_to_none(value):
    value = (value or "").strip()
    return value or None


class Person(TimeStampedModel):
    full_name = models.CharField(_("full name"), max_length=150)
    search_name = models.CharField(max_length=150, editable=False, db_index=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    national_id = models.CharField(_("national ID number"), max_length=20, null=True, blank=True,
                                   unique=True)
    civil_servant_code = models.CharField(_("civil servant code"), max_length=30, null=True,
                                          blank=True, unique=True)
    ethnicity = models.CharField(_("ethnicity"), max_length=50, blank=True, default="Kinh")
    position = models.CharField(_("position"), max_length=200, blank=True)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="people",
                             verbose_name=_("unit"))
    categories = models.ManyToManyField(SubjectCategory, blank=True, related_name="people",
                                        verbose_name=_("subject categories"))
    recruited_on = models.DateField(_("recruited on"), null=True, blank=True)

    class Meta:
        ordering = ["search_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.full_name

    def clean(self):
        if self.birth_date and self.birth_year and self.birth_date.year != self.birth_year:
            raise ValidationError({"birth_year": _("Year of birth does not match the date of birth.")})
        if self.national_id and not self.national_id.isdigit():
            raise ValidationError({"national_id": _("The national ID number must contain digits only.")})

    def save(self, *args, **kwargs):
        self.search_name = fold(self.full_name)
        # Optional identifiers are NULL when absent so that uniqueness only binds real values.
        self.national_id = _blank_to_none(self.national_id)
        self.civil_servant_code = _blank_to_none(self.civil_servant_code)
        if self.birth_date:
            self.birth_year = self.birth_date.year
        super().save(*args, **kwargs)

    @property
    def is_ethnic_minority(self) -> bool:
        return bool(self.ethnicity) and fold(self.ethnicity) != "kinh"


class Collective(TimeStampedModel):
    """A collective nominee: a whole unit, or a division/team inside one."""

    name = models.CharField(_("name"), max_length=255)
    search_name = models.CharField(max_length=255, editable=False, db_index=True)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="collectives",
                             verbose_name=_("unit it belongs to"))
    represents_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True,
                                        related_name="as_collective",
                                        verbose_name=_("the unit itself (when the collective is a whole unit)"))
    is_small = models.BooleanField(_("small collective"), default=False)
    member_count = models.PositiveIntegerField(_("members"), null=True, blank=True)
    women_count = models.PositiveIntegerField(_("women members"), null=True, blank=True)

    class Meta:
        ordering = ["search_name"]
        verbose_name = _("collective")
        verbose_name_plural = _("collectives")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)


class Household(TimeStampedModel):
    head_name = models.CharField(_("head of household"), max_length=150)
    search_name = models.CharField(max_length=150, editable=False, db_index=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="households",
                             verbose_name=_("commune"))

    class Meta:
        ordering = ["search_name"]
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self):
        return str(_("Household of %(name)s") % {"name": self.head_name})

    def save(self, *args, **kwargs):
        self.search_name = fold(self.head_name)
        super().save(*args, **kwargs)


class SubjectKind(models.TextChoices):
    PERSON = "person", _("individual")
    COLLECTIVE = "collective", _("collective")
    HOUSEHOLD = "household", _("household")


class SubjectRef(models.Model):
    """Abstract: a row about exactly one person, collective or household.

    Used by nominations and awards so that both name their subject the same way.
    """

    person = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="%(class)ss", verbose_name=_("individual"))
    collective = models.ForeignKey(Collective, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="%(class)ss", verbose_name=_("collective"))
    household = models.ForeignKey(Household, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="%(class)ss", verbose_name=_("household"))

    class Meta:
        abstract = True

    @classmethod
    def one_subject_constraint(cls, name: str) -> models.CheckConstraint:
        person = Q(person__isnull=False, collective__isnull=True, household__isnull=True)
        collective = Q(person__isnull=True, collective__isnull=False, household__isnull=True)
        household = Q(person__isnull=True, collective__isnull=True, household__isnull=False)
        return models.CheckConstraint(condition=person | collective | household, name=name)

    @property
    def subject(self):
        return self.person or self.collective or self.household

    @property
    def subject_kind(self) -> str:
        if self.person_id:
            return SubjectKind.PERSON
        if self.collective_id:
            return SubjectKind.COLLECTIVE
        return SubjectKind.HOUSEHOLD

    def set_subject(self, subject) -> None:
        self.person = subject if isinstance(subject, Person) else None
        self.collective = subject if isinstance(subject, Collective) else None
        self.household = subject if isinstance(subject, Household) else None
