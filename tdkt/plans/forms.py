"""Forms of the plans area. Use cases do the checking; forms parse and show errors."""

import re
from datetime import date, datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tdkt.decisions.models import Decision
from tdkt.emulation.models import Movement
from tdkt.nominations.access import dossiers_for_user
from tdkt.nominations.forms import UnitChoiceField
from tdkt.organizations.models import Unit, UnitKind, UnitLevel
from tdkt.plans.access import inspections_for_user
from tdkt.plans.models import LATE, LATE_LABEL, Inspection, ItemStatus, LegalDocument, LinkKind

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def _quarter_label(q: int) -> str:
    return gettext("Quarter %(q)s") % {"q": q}


# Lazy: "%" on a lazy string translates at import time, and the English UI would show "Quý 1".
QUARTERS = [("", "—")] + [(str(q), lazy(_quarter_label, str)(q)) for q in range(1, 5)]


MULTIPLE_HINT = _("Hold Ctrl (⌘ on a Mac) and click to choose several units.")


def date_field(label, *, required=True, help_text=""):
    return forms.DateField(label=label, required=required, input_formats=DATE_FORMATS,
                           widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy",
                                                                            "inputmode": "numeric"}),
                           help_text=help_text or _("dd/mm/yyyy"))


def unit_choices():
    """Units that can own plan work: today's units, not divisions or outside bodies."""
    today = timezone.localdate()
    return (Unit.objects.exclude(kind__in=[UnitKind.DIVISION, UnitKind.OTHER_PROVINCE])
            .exclude(level=UnitLevel.EXTERNAL)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=date(today.year - 10, 1, 1))).order_by("path"))


class UnitMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, unit):
        return f"{'— ' * max(unit.path.count('/') - 2, 0)}{unit.name}"


class PlanForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    issuer = UnitChoiceField(label=_("Issuing unit"), queryset=Unit.objects.none())
    title = forms.CharField(label=_("Title"), max_length=300)
    document_number = forms.CharField(label=_("Document number"), max_length=60, required=False)
    issued_on = date_field(_("Issued on"), required=False)
    summary = forms.CharField(label=_("Purpose and requirements"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = unit_choices()


class ItemForm(forms.Form):
    number = forms.IntegerField(label=_("No."), min_value=1, required=False,
                                help_text=_("Leave empty to add at the end."))
    quarter = forms.TypedChoiceField(label=_("Quarter"), choices=QUARTERS, coerce=int, empty_value=None,
                                     required=False)
    due_on = date_field(_("Due on"), required=False, help_text=_("Leave empty to use the last day of the quarter."))
    content = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 3}))
    lead_unit = UnitChoiceField(label=_("Lead unit"), queryset=Unit.objects.none())
    coordinating_units = UnitMultipleChoiceField(label=_("Coordinating units"), queryset=Unit.objects.none(),
                                                 required=False, widget=forms.SelectMultiple(attrs={"size": 8}),
                                                 help_text=MULTIPLE_HINT)
    other_participants = forms.CharField(label=_("Other participants"), required=False, max_length=200,
                                         help_text=_("For example “Các đơn vị liên quan”."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = unit_choices()
        self.fields["coordinating_units"].queryset = unit_choices()


class ItemFilterForm(forms.Form):
    quarter = forms.TypedChoiceField(label=_("Quarter"), choices=QUARTERS, coerce=int, empty_value=None,
                                     required=False)
    lead_unit = UnitChoiceField(label=_("Lead unit"), queryset=Unit.objects.none(), required=False,
                                empty_label=_("All units"))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All statuses"))] + list(ItemStatus.choices) + [(LATE, LATE_LABEL)])

    def __init__(self, *args, lead_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = lead_units if lead_units is not None else Unit.objects.none()

    @property
    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ItemStatus.choices)
    completed_on = date_field(_("Completed on"), required=False, help_text=_("For “done”; default today."))


class NoteForm(forms.Form):
    written_on = date_field(_("Date"), required=False, help_text=_("dd/mm/yyyy; default today"))
    text = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 3}))


class OutputForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=LinkKind.choices)
    movement = forms.ModelChoiceField(label=_("Movement"), queryset=Movement.objects.all(), required=False)
    dossier = forms.ModelChoiceField(label=_("Dossier"), queryset=Inspection.objects.none(), required=False)
    decision = forms.CharField(label=_("Decision number"), required=False, max_length=80,
                               help_text=_("For example 123/QĐ-UBND; when several decisions have that number, "
                                           "add the date: 123/QĐ-UBND 05/01/2026"))
    inspection = forms.ModelChoiceField(label=_("Inspection"), queryset=Inspection.objects.none(), required=False)
    file = forms.FileField(label=_("Report file"), required=False)
    label = forms.CharField(label=_("Description"), required=False, max_length=300)

    def __init__(self, *args, user, year: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.year = year  # the plan's year: "12/QĐ-UBND" is reused every year, that year's is meant
        self.fields["dossier"].queryset = dossiers_for_user(user).order_by("-created_at")
        # A unit links only inspections it can open (those of its own units), like dossiers.
        self.fields["inspection"].queryset = inspections_for_user(user).order_by("-year", "-starts_on")

    def clean_decision(self):
        """A number alone is ambiguous (every year and every People's Committee has a 1/QĐ-UBND):
        take the only match, else the only one of the plan's year, else ask for the date."""
        text = " ".join(self.cleaned_data.get("decision", "").split())
        if not text:
            return None
        number, issued_on = text, None
        match = re.fullmatch(r"(.+?)\s+(?:ngày\s+)?(\d{1,2}/\d{1,2}/\d{4})", text)
        if match:
            try:
                issued_on = datetime.strptime(match.group(2), "%d/%m/%Y").date()
            except ValueError:
                raise forms.ValidationError(_("“%(d)s” is not a valid date (dd/mm/yyyy).") % {"d": match.group(2)})
            number = match.group(1)
        candidates = Decision.objects.filter(number=number).select_related("issuer").order_by("-issued_on")
        if issued_on:
            candidates = candidates.filter(issued_on=issued_on)
        candidates = list(candidates[:20])
        if self.year and len(candidates) > 1:
            candidates = [d for d in candidates if d.issued_on.year == self.year] or candidates
        if not candidates:
            raise forms.ValidationError(_("No decision numbered “%(n)s” in the archive.") % {"n": text})
        if len(candidates) > 1:
            listed = "; ".join(f"{d.issued_on:%d/%m/%Y} ({d.issuer.name})" for d in candidates[:5])
            raise forms.ValidationError(
                _("Several decisions have the number “%(n)s” (%(list)s): add the date after the number, "
                  "for example “%(n)s %(d)s”.") % {"n": number, "list": listed,
                                                   "d": f"{candidates[0].issued_on:%d/%m/%Y}"})
        return candidates[0]

    def target(self):
        kind = self.cleaned_data["kind"]
        return None if kind == LinkKind.REPORT else self.cleaned_data.get(kind)


class DeadlineForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    due_on = date_field(_("Units' plans due on"))
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class SubmissionForm(forms.Form):
    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    document_number = forms.CharField(label=_("Document number"), max_length=60)
    issued_on = date_field(_("Date of the plan"))
    file = forms.FileField(label=_("File of the plan"))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


AREAS = [("", _("All areas")), ("remote", _("remote area")), ("border", _("border area")),
         ("difficult", _("especially difficult area")), ("ethnic", _("ethnic minority area"))]
BOARD_STATES = [("", _("All")), ("on_time", _("submitted on time")), ("late", _("submitted late")),
                ("missing", _("not submitted, overdue")), ("pending", _("not submitted yet"))]


class BoardFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    level = forms.ChoiceField(label=_("Level"), required=False, choices=[("", _("All levels"))] + [
        c for c in UnitLevel.choices if c[0] != UnitLevel.EXTERNAL])
    area = forms.ChoiceField(label=_("Area"), required=False, choices=AREAS)
    state = forms.ChoiceField(label=_("Submission"), required=False, choices=BOARD_STATES)


class InspectionForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    subject = forms.CharField(label=_("Subject"), max_length=300)
    organiser = UnitChoiceField(label=_("Organised by"), queryset=Unit.objects.none())
    units = UnitMultipleChoiceField(label=_("Units inspected"), queryset=Unit.objects.none(),
                                    widget=forms.SelectMultiple(attrs={"size": 8}), help_text=MULTIPLE_HINT)
    team = forms.CharField(label=_("Inspection team"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("One member per line."))
    starts_on = date_field(_("Starts on"))
    ends_on = date_field(_("Ends on"))
    document_number = forms.CharField(label=_("Document number"), max_length=60, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = unit_choices()
        self.fields["units"].queryset = unit_choices()


class FindingForm(forms.Form):
    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    text = forms.CharField(label=_("Finding"), widget=forms.Textarea(attrs={"rows": 3}))
    recorded_on = date_field(_("Recorded on"), required=False)

    def __init__(self, *args, inspection, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = inspection.units.order_by("path")


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Follow-up action"), widget=forms.Textarea(attrs={"rows": 2}))
    owner = UnitChoiceField(label=_("Responsible unit"), queryset=Unit.objects.none())
    due_on = date_field(_("Due on"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = unit_choices()


class CloseActionForm(forms.Form):
    closed_on = date_field(_("Closed on"))
    note = forms.CharField(label=_("Closing note"), widget=forms.Textarea(attrs={"rows": 2}))


class CourseForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    organiser = UnitChoiceField(label=_("Organised by"), queryset=Unit.objects.none())
    starts_on = date_field(_("Starts on"))
    ends_on = date_field(_("Ends on"))
    place = forms.CharField(label=_("Place"), max_length=300)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = unit_choices()


class ParticipationForm(forms.Form):
    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    headcount = forms.IntegerField(label=_("Number of participants"), min_value=1, initial=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_choices()


class LegalDocumentForm(forms.ModelForm):
    issued_on = date_field(_("Issued on"))
    valid_from = date_field(_("In force from"), required=False)
    valid_to = date_field(_("In force until"), required=False)

    class Meta:
        model = LegalDocument
        fields = ["number", "issued_on", "issuer", "kind", "summary", "valid_from", "valid_to", "replaced_by"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        qs = LegalDocument.objects.order_by("-issued_on")
        if self.instance.pk:
            qs = qs.exclude(pk=self.instance.pk)
        self.fields["replaced_by"].queryset = qs
        self.fields["file"] = forms.FileField(label=_("File"), required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("“In force until” is before “in force from”."))
        return data


class LegalSearchForm(forms.Form):
    q = forms.CharField(label=_("Number or words"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Type"), required=False,
                             choices=[("", _("All types"))] + list(LegalDocument.Kind.choices))
    in_force = forms.BooleanField(label=_("In force today only"), required=False)
