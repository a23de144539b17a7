"""Forms of the steps after appraisal: public consultation, council meeting, decision, central result.

Forms only shape and parse input; the rules live in ``tdkt.nominations.services``
(which raise DomainError naming the field; the views put that error on the field).
"""

from pathlib import Path

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tdkt.catalogue.models import Authority
from tdkt.nominations.models import Council, Dossier, Nomination, Vote
from tdkt.organizations.models import Unit, UnitLevel

DATE_FORMAT = "%d/%m/%Y"


class DateInput(forms.DateInput):
    """A text box taking dd/mm/yyyy (the format people write; no browser date picker needed)."""

    def __init__(self, attrs=None):
        base = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off",
                "class": "date-input"}
        super().__init__(attrs={**base, **(attrs or {})}, format=DATE_FORMAT)


def date_field(label, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, widget=DateInput(), input_formats=[DATE_FORMAT, "%Y-%m-%d"],
                           error_messages={"invalid": _("Enter a date as dd/mm/yyyy.")}, **kwargs)


def nomination_label(nomination: Nomination) -> str:
    return f"{nomination.subject} – {nomination.entry.name}"


class NominationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return nomination_label(obj)


class NominationMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return nomination_label(obj)


# --- Public consultation ---------------------------------------------------------

class OpenConsultationForm(forms.Form):
    starts_on = date_field(_("Posted from"))
    ends_on = date_field(_("Posted until"),
                         help_text=_("At least the number of working days the law requires (10 for orders "
                                     "and state honorary titles), ending before the council meets."))
    channel = forms.CharField(label=_("Where it is posted"), max_length=255, required=False,
                              initial="Cổng thông tin điện tử tỉnh",
                              help_text=_("Newspaper, the provincial portal, radio and television …"))

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The posting ends before it starts."))
        return cleaned


class PublicCommentForm(forms.Form):
    author_name = forms.CharField(label=_("Sender"), max_length=150)
    received_on = date_field(_("Received on"))
    nomination = NominationChoiceField(label=_("About the nominee"), queryset=Nomination.objects.none(),
                                       required=False, empty_label=_("(the whole list)"))
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, dossier: Dossier, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("received_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["nomination"].queryset = dossier.nominations.select_related(
            "entry", "person", "collective", "household")

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise forms.ValidationError(_("The date received cannot be in the future."))
        return received_on


# --- Council meeting ----------------------------------------------------------------

class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class OpenSessionForm(forms.Form):
    council = forms.ModelChoiceField(label=_("Council"), queryset=Council.objects.all(),
                                     widget=forms.HiddenInput)
    held_on = date_field(_("Meeting date"))
    dossiers = forms.ModelMultipleChoiceField(label=_("Agenda"), queryset=Dossier.objects.none(),
                                              widget=forms.CheckboxSelectMultiple,
                                              help_text=_("Dossiers before the council to review at this meeting."))
    present = MemberChoiceField(label=_("Members present"), queryset=None, required=False,
                                widget=forms.CheckboxSelectMultiple,
                                help_text=_("Untick the members who are absent; the secretary enters their "
                                            "written opinions at the meeting."))

    def __init__(self, *args, council: Council, dossiers, **kwargs):
        from tdkt.accounts.models import User

        self.council = council
        self.memberships = list(council.memberships.filter(active=True).select_related("user")
                                .order_by("id"))
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("council", council.pk)
        initial.setdefault("held_on", timezone.localdate())
        initial.setdefault("present", [m.user_id for m in self.memberships])
        super().__init__(*args, **kwargs)
        self.fields["dossiers"].queryset = dossiers
        self.fields["dossiers"].label_from_instance = lambda d: f"{d.code}: {d.title} ({d.unit})"
        self.fields["present"].queryset = User.objects.filter(pk__in=[m.user_id for m in self.memberships])
        positions = {m.user_id: m.get_position_display() for m in self.memberships}
        self.fields["present"].label_from_instance = (
            lambda u: f"{u.get_full_name() or u.username} ({positions.get(u.pk, '')})")

    @property
    def total_members(self) -> int:
        return len(self.memberships)

    def clean_council(self):
        council = self.cleaned_data["council"]
        if council.pk != self.council.pk:
            raise forms.ValidationError(_("The council changed while you were filling in the form; "
                                          "check the attendance again."))
        return council


VOTE_CHOICES = [(value, label) for value, label in Vote.Choice.choices]


class BallotForm(forms.Form):
    """One radio group per nomination on the agenda; blank means "not voting on this one now"."""

    def __init__(self, *args, nominations, current: dict[int, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.nominations = list(nominations)
        current = current or {}
        for nomination in self.nominations:
            self.fields[self.field_name(nomination)] = forms.ChoiceField(
                label=nomination_label(nomination), choices=VOTE_CHOICES, required=False,
                widget=forms.RadioSelect, initial=current.get(nomination.pk))

    @staticmethod
    def field_name(nomination) -> str:
        return f"vote_{nomination.pk}"

    def choices(self) -> list[tuple[Nomination, str]]:
        return [(n, self.cleaned_data[self.field_name(n)]) for n in self.nominations
                if self.cleaned_data.get(self.field_name(n))]

    def vote_rows(self):
        """(nomination, bound field) pairs, for templates."""
        return [(n, self[self.field_name(n)]) for n in self.nominations]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.choices():
            raise forms.ValidationError(_("Choose agree, disagree or abstain for at least one nominee."))
        return cleaned


class WrittenOpinionForm(BallotForm):
    """The secretary enters an absent member's written opinion (NĐ 98 Đ30 k7)."""

    def __init__(self, *args, absent_members, **kwargs):
        kwargs.setdefault("auto_id", "id_written_%s")  # the member's own ballot is on the same page
        super().__init__(*args, **kwargs)
        self.fields = {
            "member": forms.ModelChoiceField(
                label=_("Absent member"), queryset=absent_members, empty_label=_("Choose a member"),
                help_text=_("Only members recorded absent give a written opinion.")),
            **self.fields,
        }
        self.fields["member"].label_from_instance = lambda u: u.get_full_name() or u.username
        for nomination in self.nominations:
            self.fields[self.field_name(nomination)].initial = None


class CloseSessionForm(forms.Form):
    MINUTES_EXTENSIONS = (".pdf", ".docx")

    minutes = forms.FileField(label=_("Minutes of the meeting (PDF or DOCX)"),
                              widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
                              help_text=_("The signed minutes with the vote count."))
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean_minutes(self):
        minutes = self.cleaned_data["minutes"]
        if Path(minutes.name).suffix.lower() not in self.MINUTES_EXTENSIONS:
            raise forms.ValidationError(_("The minutes must be a PDF or DOCX file."))
        return minutes


# --- Decision ------------------------------------------------------------------------

class IssueDecisionForm(forms.Form):
    number = forms.CharField(label=_("Decision number"), max_length=60,
                             widget=forms.TextInput(attrs={"placeholder": "123/QĐ-UBND", "autocomplete": "off"}),
                             help_text=_("Number and symbol, e.g. 123/QĐ-UBND."))
    issued_on = date_field(_("Date"))
    signer_title = forms.CharField(label=_("Signer's title"), max_length=150, required=False)

    def __init__(self, *args, user, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("issued_on", timezone.localdate())
        initial.setdefault("signer_title", user.position)
        super().__init__(*args, **kwargs)


CENTRAL_AUTHORITIES = [(value, label) for value, label in Authority.choices
                       if value in (Authority.PRIME_MINISTER, Authority.PRESIDENT, Authority.MINISTER)]


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class CentralResultForm(forms.Form):
    number = forms.CharField(label=_("Central decision number"), max_length=60,
                             widget=forms.TextInput(attrs={"placeholder": "1234/QĐ-CTN", "autocomplete": "off"}))
    issued_on = date_field(_("Date"))
    authority = forms.ChoiceField(label=_("Deciding authority"), choices=CENTRAL_AUTHORITIES)
    signer_name = forms.CharField(label=_("Signed by"), max_length=150)
    issuer = UnitChoiceField(
        label=_("Issuing body"), queryset=Unit.objects.none(), empty_label=None,
        help_text=_("The central body is usually not in the unit tree: choose the province (the root unit) "
                    "and the decision number tells the decisions apart, or an external unit if the "
                    "administrator has added it."))
    awarded = NominationMultipleChoiceField(
        label=_("Awarded nominees"), queryset=Nomination.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("Tick the nominees the central decision awards."))
    refusal_reason = forms.CharField(
        label=_("Reason for the nominees not awarded"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("As stated by the central level; required when a forwarded nominee is not awarded."))

    def __init__(self, *args, forwarded, **kwargs):
        super().__init__(*args, **kwargs)
        issuers = Unit.objects.filter(Q(parent__isnull=True) | Q(level=UnitLevel.EXTERNAL)).order_by("path")
        self.fields["issuer"].queryset = issuers
        self.fields["awarded"].queryset = forwarded
        self.fields["issued_on"].initial = timezone.localdate()
