"""Upload checks: size and type (by extension and by the file's first bytes)."""

from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from tdkt.core.errors import DomainError

# Extension → accepted leading bytes. Office formats are ZIP containers.
_SIGNATURES = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".xls": (b"\xd0\xcf\x11\xe0",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG",),
}
ALLOWED_EXTENSIONS = tuple(sorted(_SIGNATURES))


def check_upload(uploaded, *, field: str = "file") -> None:
    """Refuse empty, oversized or mislabelled files with a message naming the rule."""
    name = getattr(uploaded, "name", "") or ""
    extension = Path(name).suffix.lower()
    if extension not in _SIGNATURES:
        raise DomainError(_("“%(name)s”: file type %(ext)s is not accepted. Accepted: %(list)s.") % {
            "name": name, "ext": extension or "?", "list": ", ".join(ALLOWED_EXTENSIONS)}, field=field, code="type_not_accepted")
    if uploaded.size == 0:
        raise DomainError(_("“%(name)s” is empty.") % {"name": name}, field=field, code="empty")
    limit = settings.TDKT_UPLOAD_MAX_BYTES
    if uploaded.size > limit:
        raise DomainError(_("“%(name)s” is %(size)s MB; the limit is %(limit)s MB.") % {
            "name": name, "size": round(uploaded.size / 1048576, 1), "limit": round(limit / 1048576)},
            field=field, code="too_large")
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if not any(head.startswith(sig) for sig in _SIGNATURES[extension]):
        raise DomainError(_("“%(name)s” is not a real %(ext)s file (its content does not match).") % {
            "name": name, "ext": extension}, field=field, code="content_mismatch")
