"""Forms of the dossier pages (clerk, unit head, TĐKT Board up to the appraisal).

Forms validate input and name the field at fault; the use cases in
``tdkt.nominations.services`` decide what is allowed and raise DomainError,
which the views put back on the form (``core.forms.add_domain_error``).
"""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tdkt.accounts.models import Role
from tdkt.organizations.scope import unit_scope_q
from tdkt.catalogue.models import AttachmentKind, CatalogueEntry
from tdkt.core.text import fold
from tdkt.emulation.models import Movement
from tdkt.nominations.models import DossierKind, Nomination, Status
from tdkt.nominations.workflow import STEP_OWNER
from tdkt.organizations.models import Collective, Gender, Household, Person, SubjectKind, Unit

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
SUBJECT_MODELS = {SubjectKind.PERSON: Person, SubjectKind.COLLECTIVE: Collective,
                  SubjectKind.HOUSEHOLD: Household}


def units_in_scope(user):
    if user.spans_province:
        return Unit.objects.all()
    return Unit.objects.filter(path__startswith=user.unit.path)


class UnitChoiceField(forms.ModelChoiceField):
    """Units indented by their depth in the tree, so the select reads like the tree."""

    def label_from_instance(self, unit):
        depth = max(unit.path.count("/") - 2, 0)
        return f"{'— ' * depth}{unit.name}"


class AutofocusMixin:
    """Keyboard users land in the first field."""

    def focus_first(self):
        for bound in self:
            if not bound.is_hidden:
                bound.field.widget.attrs.setdefault("autofocus", True)
                break


def _blank(label):
    return [("", label)]


# --- Lists --------------------------------------------------------------------------

class DossierFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search",
                                                      "placeholder": _("code or title, with or without diacritics")}))
    status = forms.ChoiceField(label=_("Status"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1945, max_value=2100)
    unit = UnitChoiceField(label=_("Unit"), required=False, queryset=Unit.objects.none(),
                           empty_label=_("All units in my scope"))
    owner = forms.ChoiceField(label=_("Waiting for"), required=False)

    def __init__(self, data=None, *, user, statuses=None, with_owner=False):
        super().__init__(data)
        choices = Status.choices if statuses is None else [(v, l) for v, l in Status.choices if v in statuses]
        self.fields["status"].choices = _blank(_("All statuses")) + list(choices)
        self.fields["kind"].choices = _blank(_("All kinds")) + list(DossierKind.choices)
        self.fields["unit"].queryset = units_in_scope(user)
        if with_owner:
            roles = [role for role in dict.fromkeys(STEP_OWNER.values())]
            self.fields["owner"].choices = _blank(_("Anyone")) + [(r, Role(r).label) for r in roles]
        else:
            del self.fields["owner"]

    @property
    def filters(self) -> dict:
        """Cleaned filters; an invalid filter is ignored rather than failing the page."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


# --- Creating a dossier ---------------------------------------------------------------

class DossierCreateForm(AutofocusMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300,
                            help_text=_("E.g. “Khen thưởng tổng kết năm học 2024-2025”"))
    kind = forms.ChoiceField(label=_("Kind of dossier"), choices=DossierKind.choices, initial=DossierKind.ANNUAL)
    year = forms.IntegerField(label=_("Achievement year"), min_value=2000)
    unit = UnitChoiceField(label=_("Proposing unit"), queryset=Unit.objects.none(), empty_label=None)
    movement = forms.ModelChoiceField(label=_("Emulation movement"), required=False, queryset=Movement.objects.none(),
                                      empty_label=_("None (not for a particular movement)"),
                                      help_text=_("The movement whose results this dossier proposes, if any."))

    def __init__(self, data=None, *, user):
        super().__init__(data, initial={"year": timezone.localdate().year, "unit": user.unit_id})
        self.fields["unit"].queryset = Unit.objects.filter(path__startswith=user.unit.path)
        self.fields["movement"].queryset = Movement.objects.exclude(status=Movement.Status.DRAFT).order_by("name")
        last = timezone.localdate().year + 1
        self.fields["year"].max_value = last
        self.fields["year"].validators.append(MaxValueValidator(last))
        self.fields["year"].widget.attrs["max"] = last
        self.focus_first()


# --- Nominations ------------------------------------------------------------------------

def subjects_in_scope(user, kind: str):
    model = SUBJECT_MODELS[kind]
    return model.objects.filter(unit_scope_q(user)).select_related("unit")


def search_subjects(user, kind: str, text: str, limit: int = 20):
    """People, collectives or households in scope whose folded name contains ``text``."""
    qs = subjects_in_scope(user, kind)
    needle = fold(text)
    if needle:
        qs = qs.filter(search_name__contains=needle)
    return list(qs.order_by("search_name", "pk")[:limit])


def entries_for(kind: str, dossier):
    """Catalogue entries in force today for this kind of subject and this kind of dossier."""
    qs = CatalogueEntry.objects.in_force(timezone.localdate()).filter(**{f"for_{kind}": True})
    if dossier.kind == DossierKind.STATE_LEVEL:
        return qs.filter(level="state")
    return qs.exclude(level="state")


class SubjectKindForm(forms.Form):
    """The GET form above the nominee form: which kind of subject, and a name to look for."""

    kind = forms.ChoiceField(label=_("Nominee is"), choices=SubjectKind.choices, initial=SubjectKind.PERSON)
    q = forms.CharField(label=_("Find by name"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off",
                                                      "placeholder": _("type part of the name, diacritics optional")}))

    @property
    def kind_value(self) -> str:
        if self.is_bound and self.is_valid():
            return self.cleaned_data["kind"]
        return SubjectKind.PERSON


class NominationForm(AutofocusMixin, forms.Form):
    subject_kind = forms.ChoiceField(choices=SubjectKind.choices, widget=forms.HiddenInput)
    subject = forms.IntegerField(label=_("Nominee"), required=False, widget=forms.HiddenInput)
    entry = forms.ModelChoiceField(label=_("Proposed title / form"), queryset=CatalogueEntry.objects.none(),
                                   empty_label=_("— choose —"))
    position_text = forms.CharField(label=_("Position, unit"), max_length=300, required=False,
                                    help_text=_("As it should appear in the decision."))
    achievement_summary = forms.CharField(label=_("Achievement summary"), widget=forms.Textarea(attrs={"rows": 4}))
    period_from_year = forms.IntegerField(label=_("Achievement from year"), required=False, min_value=1945,
                                          max_value=2100)
    period_to_year = forms.IntegerField(label=_("Achievement to year"), required=False, min_value=1945,
                                        max_value=2100)

    def __init__(self, data=None, *, user, dossier, kind: str):
        super().__init__(data, initial={"subject_kind": kind, "period_from_year": dossier.year,
                                        "period_to_year": dossier.year})
        self.user = user
        self.kind = kind
        self.fields["entry"].queryset = entries_for(kind, dossier)
        self.subject_object = None

    def clean_subject(self):
        pk = self.cleaned_data.get("subject")
        if pk is None:
            return None
        subject = subjects_in_scope(self.user, self.kind).filter(pk=pk).first()
        if subject is None:
            raise forms.ValidationError(_("Choose a nominee from the list."), code="invalid_choice")
        self.subject_object = subject
        return pk

    def clean(self):
        data = super().clean()
        start, end = data.get("period_from_year"), data.get("period_to_year")
        if start and end and start > end:
            self.add_error("period_from_year", _("The achievement period starts after it ends."))
        return data


class NewPersonForm(forms.ModelForm):
    """A nominee who is not registered yet (prefix ``new``)."""

    birth_date = forms.DateField(label=_("Date of birth"), input_formats=DATE_FORMATS,
                                 widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy",
                                                                                  "inputmode": "numeric"}),
                                 help_text=_("dd/mm/yyyy"))
    gender = forms.ChoiceField(label=_("Gender"), choices=_blank("—") + list(Gender.choices))
    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.none(), empty_label=None)

    class Meta:
        model = Person
        fields = ["full_name", "gender", "birth_date", "ethnicity", "position", "unit", "national_id",
                  "civil_servant_code"]
        error_messages = {
            "national_id": {"unique": _("A person with this national ID number is already registered: "
                                        "find them by name instead of adding them again.")},
            "civil_servant_code": {"unique": _("A person with this civil servant code is already registered: "
                                               "find them by name instead of adding them again.")},
        }

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, prefix="new", initial={"unit": user.unit_id, "ethnicity": "Kinh"}, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(path__startswith=user.unit.path)
        self.fields["national_id"].required = False
        self.fields["civil_servant_code"].required = False

    @property
    def is_filled(self) -> bool:
        """Did the clerk start entering a new person (any identifying field)?"""
        return bool(self.data.get(self.add_prefix("full_name"), "").strip())

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Enter the full name."), code="required")
        return name


# --- Attachments -------------------------------------------------------------------------

class AttachmentForm(AutofocusMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Document type"), choices=_blank(_("— choose —")) + list(AttachmentKind.choices))
    file = forms.FileField(label=_("File"), help_text=_("PDF, Word, Excel, OpenDocument or an image."))
    nomination = forms.ModelChoiceField(label=_("For nominee"), required=False, queryset=Nomination.objects.none(),
                                        empty_label=_("The whole dossier"))

    def __init__(self, data=None, files=None, *, dossier):
        super().__init__(data, files)
        self.fields["nomination"].queryset = dossier.nominations.select_related(
            "person", "collective", "household", "entry")
        self.fields["nomination"].label_from_instance = lambda n: f"{n.subject} – {n.entry.name}"
        self.fields["file"].widget.attrs["accept"] = ".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.jpg,.jpeg,.png"
        self.focus_first()


# --- Transitions ----------------------------------------------------------------------------

class TransitionForm(AutofocusMixin, forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, data=None, *, transition):
        super().__init__(data)
        if transition.note_required:
            self.fields["note"].required = True
            self.fields["note"].label = _("Reason")
            self.fields["note"].error_messages["required"] = _("Please give a reason.")
        self.focus_first()


class ReturnForm(AutofocusMixin, forms.Form):
    """Return for supplement: the reason, then precisely what to fix, per nominee and overall."""

    reason = forms.CharField(label=_("Reason for returning"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}))
    item_dossier = forms.CharField(label=_("To fix in the dossier as a whole"), required=False, max_length=2000,
                                   widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, data=None, *, nominations):
        super().__init__(data)
        self.nominations = list(nominations)
        for row, nomination in enumerate(self.nominations, start=1):
            self.fields[f"item_{nomination.pk}"] = forms.CharField(
                label=_("Row %(row)d: %(name)s – %(entry)s") % {
                    "row": row, "name": nomination.subject, "entry": nomination.entry.name},
                required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
        self.focus_first()

    def items(self) -> list:
        items = [(None, self.cleaned_data.get("item_dossier", ""))]
        items += [(n, self.cleaned_data.get(f"item_{n.pk}", "")) for n in self.nominations]
        return [(nomination, text) for nomination, text in items if text and text.strip()]


class AppraisalForm(forms.Form):
    """One nominee's verdict (prefix ``n<pk>``); a row left without verdict is not changed."""

    verdict = forms.ChoiceField(label=_("Verdict"), required=False, widget=forms.RadioSelect,
                                choices=Nomination.Verdict.choices)
    comment = forms.CharField(label=_("Comment"), required=False, max_length=4000,
                              widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, data=None, *, nomination):
        super().__init__(data, prefix=f"n{nomination.pk}",
                         initial={"verdict": nomination.appraisal_verdict, "comment": nomination.appraisal_comment})
        self.nomination = nomination

    def clean(self):
        data = super().clean()
        if data.get("verdict") == Nomination.Verdict.DISAGREE and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Explain why this nominee should not be proposed."))
        return data

    @property
    def changed(self) -> bool:
        data = self.cleaned_data
        return bool(data.get("verdict")) and (
            data["verdict"] != self.nomination.appraisal_verdict
            or (data.get("comment") or "").strip() != self.nomination.appraisal_comment)
