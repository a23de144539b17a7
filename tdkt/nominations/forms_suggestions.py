"""The filter form of the "Gợi ý đề nghị" page (tdkt.nominations.suggestions)."""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tdkt.nominations.forms import UnitChoiceField, units_in_scope
from tdkt.nominations.suggestions import TARGETS
from tdkt.organizations.models import Unit

TARGET_LABELS = {
    "CSTD_TINH": _("Provincial emulation fighter (3 consecutive CSTĐCS)"),
    "CSTDTQ": _("National emulation fighter (2 consecutive provincial CSTĐ)"),
    "BK_TINH": _("Provincial certificate of merit (2 consecutive CSTĐCS)"),
    "BK_TTG": _("Prime Minister's certificate of merit (provincial certificate, then 5 good years)"),
}


class SuggestionFilterForm(forms.Form):
    target = forms.ChoiceField(label=_("Proposed title or form"), required=False)
    unit = UnitChoiceField(label=_("Unit"), required=False, queryset=Unit.objects.none(),
                           empty_label=_("All units in my scope"))
    year = forms.IntegerField(label=_("Last year of the chain"), required=False, min_value=1945)

    def __init__(self, data=None, *, user):
        self.default_year = timezone.localdate().year - 1
        super().__init__(data, initial={"year": self.default_year})
        self.fields["target"].choices = [("", _("All titles"))] + [(code, TARGET_LABELS[code]) for code in TARGETS]
        self.fields["unit"].queryset = units_in_scope(user)
        last = timezone.localdate().year
        self.fields["year"].max_value = last
        self.fields["year"].validators.append(MaxValueValidator(last))
        self.fields["year"].widget.attrs.update({"max": last, "placeholder": self.default_year})

    @property
    def filters(self) -> dict:
        """Cleaned filters (an invalid one is ignored rather than failing the page); the year
        defaults to the last complete year."""
        data = {}
        if self.is_bound:
            self.is_valid()
            data = {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
        data.setdefault("year", self.default_year)
        return data
