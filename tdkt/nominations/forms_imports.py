"""Forms of the nominee-list import (tdkt.nominations.imports)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tdkt.catalogue.models import CatalogueEntry
from tdkt.core.spreadsheets import EXTENSIONS


class ImportUploadForm(forms.Form):
    file = forms.FileField(label=_("List of nominees"),
                           help_text=_("Excel (.xlsx, .xls), OpenDocument (.ods) or a Word document (.docx) with a "
                                       "table. The header line is found by its titles."),
                           widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}))
    entry = forms.ChoiceField(label=_("Title / form for lines without one"), required=False)
    summary = forms.CharField(label=_("Achievement summary for lines without one"), required=False,
                              max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        entries = CatalogueEntry.objects.in_force(timezone.localdate()).filter(for_person=True)
        self.fields["entry"].choices = [("", _("— none: each line gives its own —"))] + [
            (entry.code, entry.name) for entry in entries]
