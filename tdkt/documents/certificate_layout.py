"""Where each printed field of a certificate goes: plain data, no database.

A layout is a page size plus one box per field, in millimetres from the top-left corner
of the paper (what staff measure with a ruler on a pre-printed blank). Text is wrapped
inside the box and its font shrinks until it fits the box's height, so a long name or
achievement never runs over the next field. The defaults follow the arrangement of
NĐ 98/2023 Đ104 (LAW.md §3.6): national motto, the decision-maker's title (red), "TẶNG"
or "TẶNG DANH HIỆU", the form or title (red), the awardee, position/unit, achievement;
bottom-left decision number and date and số sổ vàng; bottom-right place, date and signer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateType(models.TextChoices):
    GIAY_KHEN = "giay_khen", _("Certificate of merit (Giấy khen)")
    BANG_KHEN = "bang_khen", _("Certificate of merit (Bằng khen)")
    TITLE = "title", _("Certificate of an emulation title (Bằng chứng nhận)")


class Paper(models.TextChoices):
    A4_LANDSCAPE = "a4_landscape", _("A4 landscape (297 × 210 mm)")


PAPER_MM = {Paper.A4_LANDSCAPE: (297.0, 210.0)}

ALIGNMENTS = ("left", "center", "right")


@dataclass(frozen=True)
class FieldBox:
    x: float  # mm from the left edge of the paper
    y: float  # mm from the top edge to the top of the box
    width: float
    height: float
    font_size: float  # points; the starting size, shrunk when the text does not fit
    align: str = "center"
    visible: bool = True

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class FieldStyle:
    """How a field looks, fixed by the certificate model (not by the paper)."""

    bold: bool = False
    italic: bool = False
    red: bool = False


# Field name → (label for the editor, style). Order = drawing and editor order.
FIELDS: dict[str, tuple[str, FieldStyle]] = {
    "motto": (_("National motto"), FieldStyle(bold=True)),
    "issuer_title": (_("Title of the decision-maker"), FieldStyle(bold=True, red=True)),
    "action": (_("“TẶNG” / “TẶNG DANH HIỆU”"), FieldStyle(bold=True)),
    "award_name": (_("Form or title"), FieldStyle(bold=True, red=True)),
    "recipient": (_("Awardee"), FieldStyle(bold=True)),
    "position": (_("Position, unit"), FieldStyle()),
    "achievement": (_("Achievement"), FieldStyle(italic=True)),
    "decision": (_("Decision number and date"), FieldStyle()),
    "gold_book": (_("Số sổ vàng"), FieldStyle()),
    "verification": (_("Verification code"), FieldStyle()),
    "qr": (_("QR code"), FieldStyle()),
    "place_date": (_("Place and date"), FieldStyle(italic=True)),
    "signer_title": (_("Signer's title"), FieldStyle(bold=True)),
    "signer_name": (_("Signer's name"), FieldStyle(bold=True)),
}

_COMMON = {
    "motto": FieldBox(58.5, 36, 180, 13, 13),
    "issuer_title": FieldBox(33.5, 51, 230, 10, 15),
    "action": FieldBox(98.5, 62, 100, 8, 15),
    "award_name": FieldBox(33.5, 71, 230, 17, 30),
    "recipient": FieldBox(33.5, 91, 230, 12, 22),
    "position": FieldBox(33.5, 104, 230, 12, 14),
    "achievement": FieldBox(33.5, 117, 230, 24, 14),
    "qr": FieldBox(20, 150, 26, 26, 0, "left"),
    "decision": FieldBox(50, 151, 95, 10, 12, "left"),
    "gold_book": FieldBox(50, 162, 95, 6, 12, "left"),
    "verification": FieldBox(50, 169, 95, 8, 9, "left"),
    "place_date": FieldBox(165, 146, 115, 7, 13),
    "signer_title": FieldBox(165, 154, 115, 13, 13),
    "signer_name": FieldBox(165, 184, 115, 8, 14),
}


@dataclass(frozen=True)
class LayoutSpec:
    paper: str = Paper.A4_LANDSCAPE
    print_frame: bool = True  # blank paper: draw the decorative frame; pre-printed: fields only
    boxes: dict[str, FieldBox] = field(default_factory=lambda: dict(_COMMON))

    @property
    def page_mm(self) -> tuple[float, float]:
        return PAPER_MM[self.paper]

    def with_boxes(self, changes: dict[str, dict]) -> LayoutSpec:
        boxes = dict(self.boxes)
        for name, values in changes.items():
            if name in boxes:
                boxes[name] = replace(boxes[name], **values)
        return replace(self, boxes=boxes)


def default_layout(certificate_type: str = CertificateType.BANG_KHEN) -> LayoutSpec:
    """The built-in layout (the same boxes for every type; the texts differ)."""
    return LayoutSpec()


def default_fields_json() -> dict:
    return {name: box.as_dict() for name, box in _COMMON.items()}


def layout_from_json(paper: str, print_frame: bool, fields_json: dict) -> LayoutSpec:
    """A layout from stored JSON; missing or malformed entries fall back to the default box."""
    boxes = dict(_COMMON)
    for name, values in (fields_json or {}).items():
        if name not in boxes or not isinstance(values, dict):
            continue
        try:
            boxes[name] = FieldBox(
                x=float(values["x"]), y=float(values["y"]), width=float(values["width"]),
                height=float(values["height"]), font_size=float(values["font_size"]),
                align=values.get("align") if values.get("align") in ALIGNMENTS else "center",
                visible=bool(values.get("visible", True)))
        except (KeyError, TypeError, ValueError):
            continue
    return LayoutSpec(paper=paper if paper in PAPER_MM else Paper.A4_LANDSCAPE, print_frame=print_frame,
                      boxes=boxes)
