"""Vietnamese text folding: the one way names are normalised for search.

"Nguyễn Thị Đào" and "nguyen thi dao" fold to the same key, so people can
search without typing diacritics. đ/Đ are separate letters in Unicode (not a d
with a combining mark), so they are mapped explicitly.
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Lower-case, strip diacritics, đ→d, collapse spaces."""
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped).strip().lower()
