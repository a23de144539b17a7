"""Vietnamese text folding: the one way names are normalised for search.

"Nguyễn Thị Đào" and "nguyen thi dao" fold to the same key, so people can
search without typing diacritics. đ/Đ are separate letters in Unicode (not a d
with a combining mark), so they are mapped explicitly.
"""

import re
import unicodedata

_MARKS = re.compile("[\u0300-\u036f]")


def fold(text: str | None) -> str:
    """Lower-case, strip diacritics, đ→d, collapse spaces."""
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    # Vietnamese marks are all in U+0300–U+036F: removed in C, by one regular expression (several
    # times faster than str.translate, which looks every character up in a dict). Only text that
    # still has other non-ASCII characters goes through the general (slower) filter, so the
    # result is the same.
    stripped = _MARKS.sub("", decomposed)
    if not stripped.isascii():
        stripped = "".join(ch for ch in stripped if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.split()).lower()


# --- Whole columns at once ------------------------------------------------------------------
# An import folds 20,000 names; one call at a time, that costs a good part of reading the file.
# fold_many joins the column into one string (with a separator no cell contains), runs the same
# C-level steps once, and splits it again. Every step works character by character and none
# looks across the separator (NFD reorders marks only up to a starter, which "\x00" is; the
# Greek final sigma of lower() treats "\x00" as a word end, as it does the end of a string), so
# each result is exactly what fold gives; the tests hold it to that.

_SEPARATOR = "\x00"
_NOT_ASCII_OR_MARK = re.compile("[^\x00-\x7f\u0300-\u036f]")
_SPACE_BUT_SPACE = re.compile(r"[^\S ]")


def _untidy(joined: str) -> bool:
    """Whether " ".join(text.split()) would change any text of a column joined by _SEPARATOR:
    a space at either end, two in a row, or any whitespace other than a plain space."""
    return (joined.startswith(" ") or joined.endswith(" ") or "  " in joined or " \x00" in joined
            or "\x00 " in joined or _SPACE_BUT_SPACE.search(joined) is not None)


def tidy_many(texts) -> list[str]:
    """``" ".join(text.split())`` of every text (each a str); most columns need no change, and
    that is found for the whole column at once."""
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) == len(texts) - 1 and not _untidy(joined):
        return list(texts)
    return [" ".join(text.split()) for text in texts]


def fold_many(texts: list[str]) -> list[str]:
    """``fold(text)`` of every text (each a str), computed for the whole list at once."""
    if not texts:
        return []
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:
        return [fold(text) for text in texts]
    decomposed = unicodedata.normalize("NFD", joined.replace("đ", "d").replace("Đ", "D"))
    if _NOT_ASCII_OR_MARK.search(decomposed):
        stripped = _MARKS.sub("", decomposed)
        if not stripped.isascii():
            return [fold(text) for text in texts]
    else:   # the usual Vietnamese list: dropping every non-ASCII character drops exactly the marks
        stripped = decomposed.encode("ascii", "ignore").decode("ascii")
    folded = stripped.lower().split(_SEPARATOR)
    if _untidy(stripped):
        return [" ".join(text.split()) for text in folded]
    return folded
