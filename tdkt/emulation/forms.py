from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.catalogue.models import CatalogueEntry
from tdkt.emulation.models import Movement
from tdkt.organizations.models import Unit


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


class MovementForm(forms.ModelForm):
    class Meta:
        model = Movement
        fields = ["name", "kind", "launched_by", "launch_document", "scope", "starts_on", "ends_on",
                  "duration_years", "parent", "objectives", "targets", "content", "measures", "participant_units",
                  "participant_groups", "prize_plan"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput(),
                   **{f: forms.Textarea(attrs={"rows": 3}) for f in
                      ("objectives", "targets", "content", "measures", "participant_groups", "prize_plan")}}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(valid_to__isnull=True).exclude(level="external")
        if user is not None and not user.spans_province:
            units = units.filter(path__startswith=user.unit.path)
        self.fields["launched_by"].queryset = units
        self.fields["participant_units"].queryset = Unit.objects.filter(valid_to__isnull=True).exclude(
            level="external").exclude(kind="division")
        self.fields["participant_units"].required = False
        # Only movements the user may see: a select must not list other units' drafts.
        from tdkt.emulation.access import movements_for_user
        parents = movements_for_user(user) if user is not None else Movement.objects.none()
        self.fields["parent"].queryset = parents.exclude(pk=self.instance.pk or 0)


class CriterionForm(forms.Form):
    entry = forms.ModelChoiceField(label=_("Title or form"), queryset=CatalogueEntry.objects.none())
    text = forms.CharField(label=_("Criterion"), widget=forms.Textarea(attrs={"rows": 2}))
    is_mandatory = forms.BooleanField(label=_("Mandatory"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.utils import timezone
        self.fields["entry"].queryset = CatalogueEntry.objects.in_force(timezone.localdate()).exclude(level="state")
