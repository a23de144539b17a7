"""The award catalogue (LAW.md §1–2) as data, valid by legal regime."""

from datetime import date
from decimal import ROUND_CEILING, Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    TITLE = "title", _("emulation title")
    FORM = "form", _("form of commendation")


class AwardLevel(models.TextChoices):
    GRASSROOTS = "grassroots", _("grassroots")
    PROVINCE = "province", _("province / ministry")
    STATE = "state", _("state (central)")


class Authority(models.TextChoices):
    """Who decides (codes shared with the eligibility case contract)."""

    COMMUNE_CHAIR = "chu_tich_ubnd_xa", _("Chair of the commune People's Committee")
    DISTRICT_CHAIR = "chu_tich_ubnd_huyen", _("Chair of the district People's Committee")
    UNIT_HEAD = "thu_truong_don_vi", _("Head of an agency or unit")
    ENTERPRISE_DIRECTOR = "giam_doc_doanh_nghiep", _("Director of an enterprise or cooperative")
    PROVINCE_CHAIR = "chu_tich_ubnd_tinh", _("Chair of the provincial People's Committee")
    MINISTER = "bo_truong", _("Minister")
    PRIME_MINISTER = "thu_tuong", _("Prime Minister")
    PRESIDENT = "chu_tich_nuoc", _("President")


class Evidence(models.TextChoices):
    """LAW.md §0.1 evidence tags."""

    VERIFIED = "V", _("V: text verified")
    PROVINCIAL = "P", _("P: provincial or sectoral text")
    UNVERIFIED = "M", _("M: unverified, to confirm")
    INFERRED = "I", _("I: inferred")


class AttachmentKind(models.TextChoices):
    PROPOSAL = "to_trinh", _("Tờ trình (proposal letter)")
    ACHIEVEMENT_REPORT = "bao_cao_thanh_tich", _("Báo cáo thành tích (achievement report)")
    REVIEW_MINUTES = "bien_ban", _("Biên bản (review minutes)")
    VOTE_RECORD = "ket_qua_bo_phieu", _("Kết quả bỏ phiếu (vote count)")
    INITIATIVE_CERT = "xac_nhan_sang_kien", _("Initiative / research certification")
    OTHER = "khac", _("Other document")


class CatalogueEntryQuerySet(models.QuerySet):
    def in_force(self, on: date):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on),
                           Q(valid_to__isnull=True) | Q(valid_to__gte=on))


class CatalogueEntry(models.Model):
    """One emulation title or form of commendation, as it stood in one legal regime.

    The same ``code`` can appear once per regime (validity window); dossiers
    and awards point at the row that was in force when they were made.
    """

    code = models.CharField(_("code"), max_length=30, db_index=True)
    name = models.CharField(_("Vietnamese name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10, choices=EntryKind.choices)
    for_person = models.BooleanField(_("for individuals"), default=False)
    for_collective = models.BooleanField(_("for collectives"), default=False)
    for_household = models.BooleanField(_("for households"), default=False)
    level = models.CharField(_("level"), max_length=20, choices=AwardLevel.choices)
    deciders = models.JSONField(_("deciding authorities"), default=list,
                                help_text=_("Authority codes that may decide it in this regime."))
    money_coefficient = models.DecimalField(_("money coefficient (× base salary)"), max_digits=6,
                                            decimal_places=2, default=Decimal("0"),
                                            help_text=_("For an individual, or for the only kind of subject."))
    money_coefficient_collective = models.DecimalField(
        _("money coefficient for a collective"), max_digits=6, decimal_places=2, null=True, blank=True,
        help_text=_("Empty: the same as for an individual (forms for both pay collectives twice: NĐ 152 Đ51–Đ54)."))
    money_coefficient_household = models.DecimalField(
        _("money coefficient for a household"), max_digits=6, decimal_places=2, null=True, blank=True,
        help_text=_("Empty: the same as for an individual (households get 1.5 times: NĐ 152)."))
    council_vote_required = models.BooleanField(_("council vote required"), default=False)
    council_vote_threshold = models.DecimalField(
        _("approval threshold (share of total membership)"), max_digits=4, decimal_places=2,
        null=True, blank=True,
        help_text=_("E.g. 0.90 for CSTĐ tỉnh; empty means a simple majority of the members taking part (present or giving a written opinion)."))
    council_attendance_threshold = models.DecimalField(
        _("attendance required (share of members)"), max_digits=4, decimal_places=2, null=True,
        blank=True)
    public_posting_required = models.BooleanField(_("public posting required"), default=False)
    public_posting_working_days = models.PositiveSmallIntegerField(
        _("posting: working days before the council"), default=0)
    checklist = models.JSONField(_("dossier checklist"), default=list,
                                 help_text=_("Attachment kinds the dossier must contain."))
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    evidence = models.CharField(_("evidence tag"), max_length=1, choices=Evidence.choices,
                                default=Evidence.VERIFIED)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    objects = CatalogueEntryQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "code", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="unique_entry_per_regime"),
            models.UniqueConstraint(fields=["code"], condition=Q(valid_from__isnull=True),
                                    name="unique_entry_without_start"),
        ]
        verbose_name = _("catalogue entry")
        verbose_name_plural = _("award catalogue")

    def __str__(self):
        return self.name

    def clean(self):
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("The end of validity is before its start.")})
        if self.council_vote_threshold is not None and not (0 < self.council_vote_threshold <= 1):
            raise ValidationError({"council_vote_threshold": _("Enter a share between 0 and 1.")})
        unknown = set(self.checklist) - set(AttachmentKind.values)
        if unknown:
            raise ValidationError({"checklist": _("Unknown attachment kinds: %(kinds)s")
                                   % {"kinds": ", ".join(sorted(unknown))}})

    @property
    def subject_kinds(self) -> list[str]:
        return [kind for kind, flag in (("person", self.for_person), ("collective", self.for_collective),
                                        ("household", self.for_household)) if flag]

    def coefficient_for(self, subject_kind: str) -> Decimal:
        """The money coefficient for a person, collective or household receiving this entry."""
        specific = {"collective": self.money_coefficient_collective,
                    "household": self.money_coefficient_household}.get(subject_kind)
        return self.money_coefficient if specific is None else specific

    def checklist_labels(self) -> list[str]:
        return [str(AttachmentKind(kind).label) for kind in self.checklist]


def entry_in_force(code: str, on: date) -> CatalogueEntry:
    """The catalogue row for ``code`` valid on ``on`` (raises DoesNotExist)."""
    return CatalogueEntry.objects.in_force(on).get(code=code)


class BaseSalary(models.Model):
    """Mức lương cơ sở: money is coefficient × the amount in force on the decision date."""

    amount = models.PositiveIntegerField(_("amount (đồng)"))
    valid_from = models.DateField(_("in force from"), unique=True)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    evidence = models.CharField(_("evidence tag"), max_length=1, choices=Evidence.choices,
                                default=Evidence.UNVERIFIED)

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("base salary")
        verbose_name_plural = _("base salary history")

    def __str__(self):
        return f"{self.amount:,} đ ({self.valid_from:%d/%m/%Y})".replace(",", ".")


def base_salary_on(day: date) -> int | None:
    row = BaseSalary.objects.filter(valid_from__lte=day).order_by("-valid_from").first()
    return row.amount if row else None


def money_for(coefficient: Decimal, day: date) -> int:
    """Coefficient × base salary on ``day``, rounded up to tens of thousands of đồng (NĐ 152 Đ49)."""
    salary = base_salary_on(day)
    if salary is None or not coefficient:
        return 0
    raw = Decimal(salary) * Decimal(coefficient)
    return int((raw / 10000).to_integral_value(rounding=ROUND_CEILING) * 10000)


class RuleParameter(models.Model):
    """An administrator's value for a rule parameter (LAW.md M-tagged or ⚙ numbers, province or
    sector overlays such as a 70% LĐTT share for TTLĐTT). Laid over the national defaults of
    ``tdkt.rules.parameters`` when the eligibility rules run."""

    key = models.CharField(_("parameter"), max_length=120,
                           help_text=_("A key of the rules' parameter table (see docs/rules.md)."))
    regime = models.CharField(_("legal regime"), max_length=20, blank=True,
                              help_text=_("Empty: every regime."))
    value = models.JSONField(_("value"), null=True, blank=True,
                             help_text=_("JSON: a number such as 0.7, true/false, a list, or null to switch the check off."))
    evidence = models.CharField(_("evidence tag"), max_length=1, choices=Evidence.choices,
                                default=Evidence.PROVINCIAL)
    source = models.CharField(_("source"), max_length=300,
                              help_text=_("The document this value comes from, e.g. a provincial decision."))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["key", "regime"]
        constraints = [models.UniqueConstraint(fields=["key", "regime"], name="unique_rule_parameter")]
        verbose_name = _("rule parameter")
        verbose_name_plural = _("rule parameters")

    def __str__(self):
        return f"{self.key} = {self.value!r}" + (f" ({self.regime})" if self.regime else "")

    def clean(self):
        from tdkt.rules.parameters import KNOWN_KEYS
        from tdkt.rules.regimes import REGIMES

        if self.key not in KNOWN_KEYS:
            raise ValidationError({"key": _("Unknown parameter “%(key)s”; see the table in docs/rules.md.")
                                   % {"key": self.key}})
        if self.regime and self.regime not in REGIMES:
            raise ValidationError({"regime": _("Unknown regime; use one of %(list)s.")
                                   % {"list": ", ".join(REGIMES)}})


def rule_parameter_overlay() -> list[dict]:
    """The administrator's parameters, shaped as the rules engine's overlay entries."""
    return [{"key": key, "regime": regime or "*", "value": value, "evidence": evidence, "source": source}
            for key, regime, value, evidence, source in
            RuleParameter.objects.values_list("key", "regime", "value", "evidence", "source")]
