"""Units (a tree with lineage), people, collectives and households."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
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
    # NĐ 152/2025 Đ4 k4: no award or proposal while discipline is being considered or while
    # inspected, investigated or a complaint about them is being verified.
    under_discipline_review = models.BooleanField(
        _("under disciplinary review, inspection or investigation"), default=False)
    discipline_review_note = models.CharField(_("note on the review"), max_length=500, blank=True,
                                              help_text=_("Which body is reviewing, since when, the document."))

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


# --- Stored facts the eligibility rules need (issue 3) --------------------------------
#
# Each fact belongs to one person (ratings and initiatives: or one collective). They are
# the inputs of the case contract (docs/rules.md); organizations.queries.person_facts reads
# them for many people at once. Dates are stored as dates; "ended_on" empty means ongoing.

FIRST_YEAR = 1945


def _year_validators():
    return [MinValueValidator(FIRST_YEAR, message=_("Enter a year from 1945 onwards."))]


def _check_year_not_future(errors: dict, field: str, year) -> None:
    if year and year > timezone.localdate().year:
        errors[field] = _("The year cannot be later than the current year.")


def _check_period(errors: dict, start, end, *, start_field: str, end_field: str) -> None:
    if start and end and end < start:
        errors[end_field] = _("The end date must be on or after the start date.")


def _subject_fk(model, related_name: str, label):
    return models.ForeignKey(model, on_delete=models.CASCADE, null=True, blank=True, related_name=related_name,
                             verbose_name=label)


class PersonOrCollective(models.Model):
    """Abstract: a fact about exactly one person or one collective (households have none).

    Subclasses declare ``person`` and ``collective`` (nullable foreign keys, see _subject_fk)
    with their own related names and add ``one_subject_constraint``.
    """

    class Meta:
        abstract = True

    @classmethod
    def one_subject_constraint(cls, name: str) -> models.CheckConstraint:
        person = Q(person__isnull=False, collective__isnull=True)
        collective = Q(person__isnull=True, collective__isnull=False)
        return models.CheckConstraint(condition=person | collective, name=name,
                                      violation_error_message=_("Choose either a person or a collective."))

    @property
    def subject(self):
        return self.person or self.collective

    def set_subject(self, subject) -> None:
        self.person = subject if isinstance(subject, Person) else None
        self.collective = subject if isinstance(subject, Collective) else None


class Rating(models.TextChoices):
    """Kết quả đánh giá, xếp loại chất lượng hằng năm (NĐ 90/2020, NĐ 48/2023)."""

    EXCELLENT = "excellent", _("excellently completed duties")
    GOOD = "good", _("well completed duties")
    COMPLETED = "completed", _("completed duties")
    NOT_COMPLETED = "not_completed", _("did not complete duties")


class YearlyRating(PersonOrCollective, TimeStampedModel):
    """The official yearly performance rating of a person or collective (LAW.md §1.5 item 8)."""

    person = _subject_fk(Person, "yearly_ratings", _("individual"))
    collective = _subject_fk(Collective, "yearly_ratings", _("collective"))

    year = models.PositiveSmallIntegerField(_("year"), validators=_year_validators())
    rating = models.CharField(_("rating"), max_length=20, choices=Rating.choices)
    source = models.CharField(_("source document"), max_length=300, blank=True,
                              help_text=_("The decision or notice that records the rating, e.g. "
                                          "“QĐ 45/QĐ-SGDĐT ngày 20/12/2024”."))

    class Meta:
        ordering = ["-year", "id"]
        constraints = [
            PersonOrCollective.one_subject_constraint("yearly_rating_one_subject"),
            models.UniqueConstraint(fields=["person", "year"], condition=Q(person__isnull=False),
                                    name="unique_person_rating_year"),
            models.UniqueConstraint(fields=["collective", "year"], condition=Q(collective__isnull=False),
                                    name="unique_collective_rating_year"),
        ]
        verbose_name = _("yearly rating")
        verbose_name_plural = _("yearly ratings")

    def __str__(self):
        return f"{self.subject}: {self.year} {self.get_rating_display()}"

    def clean(self):
        errors = {}
        _check_year_not_future(errors, "year", self.year)
        if errors:
            raise ValidationError(errors)


class InitiativeKind(models.TextChoices):
    INITIATIVE = "initiative", _("initiative")
    RESEARCH = "research", _("scientific research, scheme or S&T work")
    COMBAT_INGENUITY = "combat_ingenuity", _("ingenuity and creativity in combat")


class InitiativeScope(models.TextChoices):
    """Where the initiative's effect and replicability were recognised (LAW.md §1.5 item 3)."""

    UNIT = "unit", _("grassroots (unit) level")
    PROVINCE = "province", _("ministry, sector or province level")
    NATIONAL = "national", _("national level")


class Initiative(PersonOrCollective, TimeStampedModel):
    """Sáng kiến, đề tài khoa học or mưu trí sáng tạo, with the level that recognised it.

    Which award used it is stored on the award (decisions.Award.initiatives) and on the
    nomination that proposes it (nominations.Nomination.initiatives): one initiative is used
    once (Luật TĐKT 2022 Đ5 k2 c; CV 5007/BNV-TĐKT).
    """

    person = _subject_fk(Person, "initiatives", _("individual"))
    collective = _subject_fk(Collective, "initiatives", _("collective"))

    year = models.PositiveSmallIntegerField(_("year"), validators=_year_validators(),
                                            help_text=_("The year whose achievements it counts for."))
    title = models.CharField(_("title"), max_length=500)
    kind = models.CharField(_("kind"), max_length=20, choices=InitiativeKind.choices,
                            default=InitiativeKind.INITIATIVE)
    scope = models.CharField(_("scope of recognition"), max_length=10, choices=InitiativeScope.choices)
    recognised_by = models.CharField(_("recognised by"), max_length=255, blank=True,
                                     help_text=_("E.g. Hội đồng sáng kiến cơ sở, Giám đốc Sở, Chủ tịch UBND tỉnh."))
    recognition_document = models.CharField(_("recognition document"), max_length=255, blank=True,
                                            help_text=_("Number and symbol, e.g. 112/QĐ-SGDĐT."))
    recognised_on = models.DateField(_("recognised on"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "id"]
        constraints = [PersonOrCollective.one_subject_constraint("initiative_one_subject")]
        indexes = [models.Index(fields=["person", "year"]), models.Index(fields=["collective", "year"])]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self):
        return f"{self.title} ({self.year})"

    def clean(self):
        errors = {}
        _check_year_not_future(errors, "year", self.year)
        if self.recognised_on and self.year and self.recognised_on.year < self.year:
            errors["recognised_on"] = _("The recognition date is before the initiative's year.")
        if self.recognised_on and self.recognised_on > timezone.localdate():
            errors["recognised_on"] = _("The recognition date cannot be in the future.")
        if errors:
            raise ValidationError(errors)


class DisciplineLevel(models.TextChoices):
    """Hình thức kỷ luật, lightest first (Luật Cán bộ, công chức; Luật Viên chức)."""

    KHIEN_TRACH = "khien_trach", _("reprimand (khiển trách)")
    CANH_CAO = "canh_cao", _("warning (cảnh cáo)")
    HA_BAC_LUONG = "ha_bac_luong", _("salary downgrade (hạ bậc lương)")
    CACH_CHUC = "cach_chuc", _("removal from office (cách chức)")
    BUOC_THOI_VIEC = "buoc_thoi_viec", _("dismissal (buộc thôi việc)")


class DisciplineRecord(TimeStampedModel):
    """A disciplinary measure: no award while it runs; achievements count from its end (NĐ 152 Đ4 k4)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="discipline_records",
                               verbose_name=_("individual"))
    level = models.CharField(_("disciplinary measure"), max_length=20, choices=DisciplineLevel.choices)
    decided_on = models.DateField(_("decided on"))
    until = models.DateField(_("in effect until"), null=True, blank=True,
                             help_text=_("Leave empty if the decision sets no end date."))
    decision_document = models.CharField(_("decision"), max_length=255, blank=True,
                                         help_text=_("Number and symbol of the disciplinary decision."))

    class Meta:
        ordering = ["-decided_on", "id"]
        verbose_name = _("discipline record")
        verbose_name_plural = _("discipline records")

    @property
    def subject(self):
        return self.person

    def __str__(self):
        return f"{self.person}: {self.get_level_display()} ({self.decided_on:%d/%m/%Y})"

    def clean(self):
        errors = {}
        if self.decided_on and self.decided_on > timezone.localdate():
            errors["decided_on"] = _("The decision date cannot be in the future.")
        if self.decided_on and self.until and self.until < self.decided_on:
            errors["until"] = _("The end of the disciplinary period must be on or after the decision date.")
        if errors:
            raise ValidationError(errors)


class PersonPeriod:
    """A person's dated period (post held, service, leave): its subject and the checks on its dates.
    A plain mixin (no fields), so the three tables keep their own columns and help texts."""

    # Posts and service are records of the past; leave may be entered ahead of time.
    refuse_future_start = True

    @property
    def subject(self):
        return self.person

    def clean(self):
        errors = {}
        _check_period(errors, self.started_on, self.ended_on, start_field="started_on", end_field="ended_on")
        if self.refuse_future_start and self.started_on and self.started_on > timezone.localdate():
            errors["started_on"] = _("The start date cannot be in the future.")
        if errors:
            raise ValidationError(errors)


class Post(models.TextChoices):
    """Leadership posts that count for khen thưởng quá trình cống hiến (NĐ 152/2025 Đ9, Đ21)."""

    BI_THU_TINH_UY = "bi_thu_tinh_uy", _("secretary of the provincial Party committee")
    PHO_BI_THU_TINH_UY = "pho_bi_thu_tinh_uy", _("deputy secretary of the provincial Party committee")
    UY_VIEN_BTV_TINH_UY = "uy_vien_btv_tinh_uy", _("member of the standing board of the provincial Party committee")
    CHU_TICH_HDND_TINH = "chu_tich_hdnd_tinh", _("chair of the provincial People's Council")
    PHO_CHU_TICH_HDND_TINH = "pho_chu_tich_hdnd_tinh", _("vice-chair of the provincial People's Council")
    CHU_TICH_UBND_TINH = "chu_tich_ubnd_tinh", _("chair of the provincial People's Committee")
    PHO_CHU_TICH_UBND_TINH = "pho_chu_tich_ubnd_tinh", _("vice-chair of the provincial People's Committee")
    CHU_TICH_MTTQ_TINH = "chu_tich_mttq_tinh", _("chair of the provincial Fatherland Front")
    PHO_CHU_TICH_MTTQ_TINH = "pho_chu_tich_mttq_tinh", _("vice-chair of the provincial Fatherland Front")
    TRUONG_DOAN_THE_TINH = "truong_doan_the_tinh", _("head of a provincial mass organisation")
    TONG_CUC_TRUONG = "tong_cuc_truong", _("director general of a general department or equivalent")
    PHO_TONG_CUC_TRUONG = "pho_tong_cuc_truong", _("deputy director general of a general department or equivalent")
    GIAM_DOC_SO = "giam_doc_so", _("director of a provincial department or equivalent")
    PHO_GIAM_DOC_SO = "pho_giam_doc_so", _("deputy director of a provincial department or equivalent")
    BI_THU_HUYEN_UY = "bi_thu_huyen_uy", _("secretary of the district Party committee")
    CHU_TICH_HDND_HUYEN = "chu_tich_hdnd_huyen", _("chair of the district People's Council")
    CHU_TICH_UBND_HUYEN = "chu_tich_ubnd_huyen", _("chair of the district People's Committee")
    PHO_CHU_TICH_UBND_HUYEN = "pho_chu_tich_ubnd_huyen", _("vice-chair of the district People's Committee")
    TRUONG_PHONG = "truong_phong", _("head of a division or equivalent")
    PHO_TRUONG_PHONG = "pho_truong_phong", _("deputy head of a division or equivalent")
    BI_THU_DANG_UY_XA = "bi_thu_dang_uy_xa", _("secretary of the commune Party committee")
    CHU_TICH_UBND_XA = "chu_tich_ubnd_xa", _("chair of the commune People's Committee")
    PHO_CHU_TICH_UBND_XA = "pho_chu_tich_ubnd_xa", _("vice-chair of the commune People's Committee")
    HIEU_TRUONG = "hieu_truong", _("school principal")
    PHO_HIEU_TRUONG = "pho_hieu_truong", _("deputy school principal")
    OTHER = "other", _("other post")


class PostHeld(PersonPeriod, TimeStampedModel):
    """A leadership post and how long it was held (quá trình cống hiến; LAW.md §2.3, §2.10)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="posts_held",
                               verbose_name=_("individual"))
    post = models.CharField(_("post"), max_length=40, choices=Post.choices)
    organisation = models.CharField(_("agency or unit"), max_length=255, blank=True,
                                    help_text=_("Where the post was held, as written in the appointment."))
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("to"), null=True, blank=True, help_text=_("Leave empty if still held."))

    class Meta:
        ordering = ["-started_on", "id"]
        verbose_name = _("post held")
        verbose_name_plural = _("posts held")

    def __str__(self):
        return f"{self.person}: {self.get_post_display()}"


class ServiceKind(models.TextChoices):
    DIRECT_TEACHING = "direct_teaching", _("direct teaching")
    EDUCATION_SECTOR = "education_sector", _("work in the education sector")
    HARDSHIP_AREA = "hardship_area", _("border, island or especially difficult area")
    ARMED_FORCES = "armed_forces", _("active service in the armed forces")
    OTHER = "other", _("other service")


class ServicePeriod(PersonPeriod, TimeStampedModel):
    """A period of service counted in years: NGƯT/NGND (hardship time ×2, Luật TĐKT 2022 Đ64), AHLĐ, medals."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="service_periods",
                               verbose_name=_("individual"))
    kind = models.CharField(_("kind of service"), max_length=20, choices=ServiceKind.choices)
    organisation = models.CharField(_("agency or unit"), max_length=255, blank=True)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("to"), null=True, blank=True, help_text=_("Leave empty if still ongoing."))

    class Meta:
        ordering = ["-started_on", "id"]
        verbose_name = _("service period")
        verbose_name_plural = _("service periods")

    def __str__(self):
        return f"{self.person}: {self.get_kind_display()}"


class LeaveKind(models.TextChoices):
    MATERNITY = "maternity", _("maternity leave")
    TREATMENT = "treatment", _("medical treatment")


class LeaveRecord(PersonPeriod, TimeStampedModel):
    """Leave that still counts as working time for titles (NĐ 152 Đ4 k5; TT 01/2024/TT-BNV)."""

    refuse_future_start = False

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="leave_records",
                               verbose_name=_("individual"))
    kind = models.CharField(_("kind of leave"), max_length=20, choices=LeaveKind.choices)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("to"))
    note = models.CharField(_("note"), max_length=300, blank=True,
                            help_text=_("For treatment: the cause and the certifying health facility."))

    class Meta:
        ordering = ["-started_on", "id"]
        verbose_name = _("leave record")
        verbose_name_plural = _("leave records")

    def __str__(self):
        return f"{self.person}: {self.get_kind_display()}"


class CollectiveYearStats(TimeStampedModel):
    """Member counts of a collective for one year: TTLĐTT and TTLĐXS (Luật TĐKT 2022 Đ27, Đ28)."""

    collective = models.ForeignKey(Collective, on_delete=models.CASCADE, related_name="year_stats",
                                   verbose_name=_("collective"))
    year = models.PositiveSmallIntegerField(_("year"), validators=_year_validators())
    total_members = models.PositiveIntegerField(_("total members"))
    completed_tasks = models.PositiveIntegerField(_("members who completed their duties"))
    ldtt = models.PositiveIntegerField(_("members awarded Lao động tiên tiến"))
    cstdcs = models.PositiveIntegerField(_("members awarded Chiến sĩ thi đua cơ sở"))
    disciplined_canh_cao_or_above = models.PositiveIntegerField(
        _("members disciplined with a warning or heavier"), default=0)
    source = models.CharField(_("source document"), max_length=300, blank=True)

    class Meta:
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["collective", "year"], name="unique_collective_year_stats")]
        verbose_name = _("collective's yearly figures")
        verbose_name_plural = _("collectives' yearly figures")

    @property
    def subject(self):
        return self.collective

    def __str__(self):
        return f"{self.collective}: {self.year}"

    def clean(self):
        errors = {}
        _check_year_not_future(errors, "year", self.year)
        total = self.total_members
        if total is not None:
            for field in ("completed_tasks", "ldtt", "cstdcs", "disciplined_canh_cao_or_above"):
                value = getattr(self, field)
                if value is not None and value > total:
                    errors[field] = _("Cannot be more than the total number of members (%(total)d).") % {
                        "total": total}
        if "ldtt" not in errors and None not in (self.ldtt, self.completed_tasks) and self.ldtt > self.completed_tasks:
            errors["ldtt"] = _("Cannot be more than the members who completed their duties: "
                               "Lao động tiên tiến requires completing them well.")
        if "cstdcs" not in errors and None not in (self.cstdcs, self.ldtt) and self.cstdcs > self.ldtt:
            errors["cstdcs"] = _("Cannot be more than the members awarded Lao động tiên tiến: "
                                 "Chiến sĩ thi đua cơ sở requires that standard.")
        if errors:
            raise ValidationError(errors)

    def as_case(self) -> dict:
        """The ``members`` object of the case contract."""
        return {"total": self.total_members, "completed_tasks": self.completed_tasks, "ldtt": self.ldtt,
                "cstdcs": self.cstdcs, "disciplined_canh_cao_or_above": self.disciplined_canh_cao_or_above}
