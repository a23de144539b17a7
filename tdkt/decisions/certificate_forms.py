"""The certificate layout editor's form: one row of inputs per printed field."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.documents.certificate_layout import ALIGNMENTS, FIELDS, PAPER_MM, LayoutSpec, Paper

BOX_ATTRS = ("x", "y", "width", "height", "font_size")
ATTR_LABELS = {
    "x": gettext_lazy("x (mm)"), "y": gettext_lazy("y (mm)"), "width": gettext_lazy("width (mm)"),
    "height": gettext_lazy("height (mm)"), "font_size": gettext_lazy("font size (pt)"),
    "align": gettext_lazy("alignment"), "visible": gettext_lazy("printed"),
}
ALIGN_CHOICES = [("left", gettext_lazy("left")), ("center", gettext_lazy("centre")), ("right", gettext_lazy("right"))]


class LayoutForm(forms.Form):
    paper = forms.ChoiceField(label=gettext_lazy("Paper"), choices=Paper.choices)
    print_frame = forms.BooleanField(
        label=gettext_lazy("Print the decorative frame (blank paper)"), required=False,
        help_text=gettext_lazy("Untick for pre-printed blanks: only the fields are printed."))

    def __init__(self, *args, spec: LayoutSpec | None = None, **kwargs):
        if spec is not None and "initial" not in kwargs:
            initial = {"paper": spec.paper, "print_frame": spec.print_frame}
            for name, box in spec.boxes.items():
                for attr in BOX_ATTRS:
                    initial[f"{name}-{attr}"] = getattr(box, attr)
                initial[f"{name}-align"] = box.align
                initial[f"{name}-visible"] = box.visible
            kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        for name, (label, _look) in FIELDS.items():
            for attr in ("x", "y", "width", "height"):
                self.fields[f"{name}-{attr}"] = forms.FloatField(min_value=0, max_value=500)
            self.fields[f"{name}-font_size"] = forms.FloatField(min_value=0, max_value=96)
            self.fields[f"{name}-align"] = forms.ChoiceField(choices=ALIGN_CHOICES)
            self.fields[f"{name}-visible"] = forms.BooleanField(required=False)
            for attr, text in ATTR_LABELS.items():
                self.fields[f"{name}-{attr}"].label = format_lazy("{}: {}", label, text)
                self.fields[f"{name}-{attr}"].widget.attrs["aria-label"] = format_lazy("{}: {}", label, text)
            for attr in (*BOX_ATTRS,):
                self.fields[f"{name}-{attr}"].widget.attrs.update({"step": "any", "class": "mm"})

    def rows(self):
        """(label, bound fields in column order) per printed field, for the editor's table."""
        for name, (label, _look) in FIELDS.items():
            yield label, [self[f"{name}-{attr}"] for attr in (*BOX_ATTRS, "align", "visible")]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        width_mm, height_mm = PAPER_MM[data["paper"]]
        for name, (label, _look) in FIELDS.items():
            x, y = data[f"{name}-x"], data[f"{name}-y"]
            w, h = data[f"{name}-width"], data[f"{name}-height"]
            if w < 5 or h < 3:
                self.add_error(f"{name}-width", _("“%(field)s”: the box must be at least 5 mm wide and 3 mm high.")
                               % {"field": label})
            elif x + w > width_mm:
                self.add_error(f"{name}-x", _("“%(field)s”: the box goes past the right edge of the paper "
                                              "(x + width = %(end)g mm, the paper is %(size)g mm wide).")
                               % {"field": label, "end": x + w, "size": width_mm})
            elif y + h > height_mm:
                self.add_error(f"{name}-y", _("“%(field)s”: the box goes past the bottom edge of the paper "
                                              "(y + height = %(end)g mm, the paper is %(size)g mm high).")
                               % {"field": label, "end": y + h, "size": height_mm})
            if name != "qr" and data[f"{name}-font_size"] < 4:
                self.add_error(f"{name}-font_size", _("“%(field)s”: the font size must be at least 4 pt.")
                               % {"field": label})
        return data

    def fields_json(self) -> dict:
        data = self.cleaned_data
        return {name: {**{attr: round(data[f"{name}-{attr}"], 2) for attr in BOX_ATTRS},
                       "align": data[f"{name}-align"] if data[f"{name}-align"] in ALIGNMENTS else "center",
                       "visible": data[f"{name}-visible"]}
                for name in FIELDS}


class NewLayoutForm(forms.Form):
    unit = forms.TypedChoiceField(label=gettext_lazy("Issuing unit"), coerce=int, empty_value=None, required=False)
    certificate_type = forms.ChoiceField(label=gettext_lazy("Certificate type"))

    def __init__(self, *args, units=(), allow_default=False, type_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", gettext_lazy("Province default (every unit without its own layout)"))] if allow_default else []
        self.fields["unit"].choices = choices + [(unit.pk, unit.name) for unit in units]
        self.fields["unit"].required = not allow_default
        self.fields["certificate_type"].choices = type_choices
