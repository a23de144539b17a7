"""Liberation Serif (Times New Roman metrics, full Vietnamese glyphs) for reportlab, registered once.

The fonts come from Debian's fonts-liberation2 package (Liberation 2.x), installed by
scripts/setup. Liberation 1.07 (package fonts-liberation) lacks the Vietnamese letters with two
diacritics (ộ, ệ, ư̛…), which would print as empty boxes, so it is refused. The folder can be set
with TDKT_FONT_DIR (e.g. on a machine where the package installs elsewhere).
"""

import os
import threading
from pathlib import Path

FONT_DIR = Path(os.environ.get("TDKT_FONT_DIR", "/usr/share/fonts/truetype/liberation2"))
VIETNAMESE_PROBE = "ộệữ"  # letters Liberation 1.x does not have
SERIF = "TDKTSerif"
SERIF_BOLD = "TDKTSerif-Bold"
SERIF_ITALIC = "TDKTSerif-Italic"
SERIF_BOLD_ITALIC = "TDKTSerif-BoldItalic"

_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
_lock = threading.Lock()
_registered = False


def font_path(name: str) -> Path:
    return FONT_DIR / _FILES[name]


def register_fonts() -> None:
    """Register the four faces and their family (so <b> and <i> work in Paragraphs)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, filename in _FILES.items():
            font = TTFont(name, str(FONT_DIR / filename))
            missing = [ch for ch in VIETNAMESE_PROBE if ord(ch) not in font.face.charToGlyph]
            if missing:
                raise RuntimeError(f"{FONT_DIR / filename} has no Vietnamese letters {missing}: install "
                                   "fonts-liberation2 (scripts/setup) or set TDKT_FONT_DIR.")
            pdfmetrics.registerFont(font)
        addMapping(SERIF, 0, 0, SERIF)
        addMapping(SERIF, 1, 0, SERIF_BOLD)
        addMapping(SERIF, 0, 1, SERIF_ITALIC)
        addMapping(SERIF, 1, 1, SERIF_BOLD_ITALIC)
        _registered = True
