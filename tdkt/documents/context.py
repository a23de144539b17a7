"""Pieces of context every document shares, from plain values (no domain model here).

The domain builders call ``header(...)`` and ``signature(...)`` and add their own fields.
"""

from datetime import date

from django.conf import settings

from tdkt.documents.vietnamese import ngay, ngay_thang_nam, viet_tat

DEFAULT_RECIPIENTS = ["Như trên;", "Lưu: VT."]


def place_name() -> str:
    """The địa danh of the place-and-date line (the province), ``TDKT_PLACE_NAME`` in settings."""
    return getattr(settings, "TDKT_PLACE_NAME", "Lạng Sơn")


def body_name(name: str) -> str:
    """A body's name as the header prints it: upper case, "UBND" spelt out for the issuing body."""
    name = (name or "").strip()
    if name.upper().startswith("UBND "):
        name = "Ủy ban nhân dân " + name[5:]
    return name.upper()


def symbol(kind: str, short_name: str, name: str) -> str:
    """"TTr-SGDĐT": the kind of document and the issuing body's abbreviation."""
    return f"{kind}-{short_name or viet_tat(name)}"


def blank_number(kind: str, short_name: str, name: str) -> str:
    """The số ký hiệu of a paper numbered by the văn thư when it is issued: "      /TTr-SGDĐT"."""
    return f"{' ' * 6}/{symbol(kind, short_name, name)}"


def header(*, issuer_name: str, parent_name: str = "", number: str, on: date | None) -> dict:
    return {
        "co_quan_chu_quan": parent_name.strip().upper() if parent_name else "",
        "co_quan_ban_hanh": body_name(issuer_name),
        "so_ky_hieu": number,
        "dia_danh": place_name(),
        "ngay_van_ban": ngay_thang_nam(on),
        "ngay_van_ban_so": ngay(on),
    }


def signature(*, name: str = "", title: str = "", on_behalf: str = "", recipients=None) -> dict:
    return {
        "quyen_han_ky": on_behalf.upper(),
        "chuc_vu_ky": title.upper(),
        "nguoi_ky": name,
        "noi_nhan": list(recipients or DEFAULT_RECIPIENTS),
    }


def counted_by(rows, key: str) -> list[dict]:
    """[{"hinh_thuc": ..., "so_luong": n}] in the order each value first appears."""
    counts: dict[str, int] = {}
    for row in rows:
        counts[row[key]] = counts.get(row[key], 0) + 1
    return [{"hinh_thuc": name, "so_luong": count} for name, count in counts.items()]


def subject_name(subject, *, titled: bool = True) -> str:
    """"Bà Nguyễn Thị Đào" (a person, titled by gender), a collective's name, "Hộ ông/bà …"
    (a household). Duck-typed on the fields, so this layer needs no domain model."""
    full_name = getattr(subject, "full_name", None)
    if full_name is not None:
        gender = getattr(subject, "gender", "")
        if not titled or gender not in ("female", "male"):
            return full_name
        return ("Bà " if gender == "female" else "Ông ") + full_name
    head_name = getattr(subject, "head_name", None)
    if head_name is not None:
        return f"Hộ ông/bà {head_name}"
    return subject.name
