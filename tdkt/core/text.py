"""Vietnamese text folding: the one way names are normalised for search.

"Nguyễn Thị Đào" and "nguyen thi dao" fold to the same key, so people can
search without typing diacritics. đ/Đ are separate letters in Unicode (not a d
with a combining mark), so they are mapped explicitly.
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_COMBINING = dict.fromkeys(range(0x300, 0x370))


def fold(text: str | None) -> str:
    """Lower-case, strip diacritics, đ→d, collapse spaces."""
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    # Vietnamese marks are all in U+0300–U+036F: removed in C. Only text that still has other
    # non-ASCII characters goes through the general (slower) filter, so the result is the same.
    stripped = decomposed.translate(_COMBINING)
    if not stripped.isascii():
        stripped = "".join(ch for ch in stripped if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped).strip().lower()
