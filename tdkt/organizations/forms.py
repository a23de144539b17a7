"""Forms to enter the facts the eligibility rules need (ratings, initiatives, discipline, …).

Each form is bound to its subject (a person or a collective) so that the model's own
validation and the one-per-year checks see it; every error names its field.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.organizations.models import (CollectiveYearStats, DisciplineRecord, Initiative, LeaveRecord, Person,
                                       PostHeld, ServicePeriod, YearlyRating)

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def _date_callback(field, **kwargs):
    """Model DateFields become dd/mm/yyyy inputs (ISO accepted too) with a clear error."""
    if field.get_internal_type() != "DateField":
        return field.formfield(**kwargs)
    extra = {} if field.help_text else {"help_text": _("dd/mm/yyyy")}
    return field.formfield(
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric",
                                                         "autocomplete": "off"}),
        error_messages={"invalid": _("Enter a date as dd/mm/yyyy, e.g. 31/12/2024.")}, **extra, **kwargs)


class FactForm(forms.ModelForm):
    """Base: the subject is set on the instance before validation."""

    subject_field = "person"

    def __init__(self, data=None, *, subject, **kwargs):
        super().__init__(data, **kwargs)
        self.subject = subject
        if hasattr(self.instance, "set_subject"):
            self.instance.set_subject(subject)
        else:
            setattr(self.instance, self.subject_field, subject)
        for name in ("year",):
            if name in self.fields:
                self.fields[name].widget.attrs.update({"inputmode": "numeric", "min": 1945})

    def _unique_per_year(self, message):
        """One row per subject and year (the database constraints say the same)."""
        year = self.cleaned_data.get("year")
        if not year:
            return
        field = "person" if isinstance(self.subject, Person) else "collective"
        clash = type(self.instance).objects.filter(**{field: self.subject, "year": year})
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            self.add_error("year", message)


class YearlyRatingForm(FactForm):
    class Meta:
        model = YearlyRating
        fields = ["year", "rating", "source"]
        formfield_callback = _date_callback

    def clean(self):
        data = super().clean()
        self._unique_per_year(_("A rating for this year is already recorded; edit it instead."))
        return data


class InitiativeForm(FactForm):
    class Meta:
        model = Initiative
        fields = ["year", "title", "kind", "scope", "recognised_by", "recognition_document", "recognised_on"]
        formfield_callback = _date_callback
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}


class DisciplineRecordForm(FactForm):
    class Meta:
        model = DisciplineRecord
        fields = ["level", "decided_on", "until", "decision_document"]
        formfield_callback = _date_callback


class PostHeldForm(FactForm):
    class Meta:
        model = PostHeld
        fields = ["post", "organisation", "started_on", "ended_on"]
        formfield_callback = _date_callback


class ServicePeriodForm(FactForm):
    class Meta:
        model = ServicePeriod
        fields = ["kind", "organisation", "started_on", "ended_on"]
        formfield_callback = _date_callback


class LeaveRecordForm(FactForm):
    class Meta:
        model = LeaveRecord
        fields = ["kind", "started_on", "ended_on", "note"]
        formfield_callback = _date_callback


class CollectiveYearStatsForm(FactForm):
    subject_field = "collective"

    class Meta:
        model = CollectiveYearStats
        fields = ["year", "total_members", "completed_tasks", "ldtt", "cstdcs", "disciplined_canh_cao_or_above",
                  "source"]

    def clean(self):
        data = super().clean()
        self._unique_per_year(_("The figures for this year are already recorded; edit them instead."))
        return data


class DisciplineReviewForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["under_discipline_review", "discipline_review_note"]

    def clean(self):
        data = super().clean()
        if data.get("under_discipline_review") and not (data.get("discipline_review_note") or "").strip():
            self.add_error("discipline_review_note",
                           _("Say which body is reviewing or inspecting the person, and since when."))
        return data


@dataclass(frozen=True)
class FactKind:
    """One kind of fact: its model, its form, the subjects it applies to and its labels."""

    code: str
    slug: str  # in the URL
    model: type
    form: type
    subjects: frozenset
    title: str
    add_label: str
    deleted_message: str


FACT_KINDS = [
    FactKind("rating", "xep-loai", YearlyRating, YearlyRatingForm, frozenset({"person", "collective"}),
             _("Yearly ratings"), _("Add a yearly rating"), _("The yearly rating is deleted.")),
    FactKind("initiative", "sang-kien", Initiative, InitiativeForm, frozenset({"person", "collective"}),
             _("Initiatives and research"), _("Add an initiative"), _("The initiative is deleted.")),
    FactKind("discipline", "ky-luat", DisciplineRecord, DisciplineRecordForm, frozenset({"person"}),
             _("Discipline"), _("Add a discipline record"), _("The discipline record is deleted.")),
    FactKind("post", "chuc-vu", PostHeld, PostHeldForm, frozenset({"person"}),
             _("Posts held"), _("Add a post held"), _("The post is deleted.")),
    FactKind("service", "thoi-gian-cong-tac", ServicePeriod, ServicePeriodForm, frozenset({"person"}),
             _("Service periods"), _("Add a service period"), _("The service period is deleted.")),
    FactKind("leave", "nghi", LeaveRecord, LeaveRecordForm, frozenset({"person"}),
             _("Maternity leave and treatment"), _("Add a leave record"), _("The leave record is deleted.")),
    FactKind("stats", "so-lieu", CollectiveYearStats, CollectiveYearStatsForm, frozenset({"collective"}),
             _("Yearly figures of the members"), _("Add a year's figures"), _("The year's figures are deleted.")),
]
FACT_KINDS_BY_SLUG = {kind.slug: kind for kind in FACT_KINDS}
