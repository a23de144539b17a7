"""Numbers, money and dates written the way Vietnamese administrative documents write them.

- ``so_tien_bang_chu(7020000)`` → "Bảy triệu không trăm hai mươi nghìn đồng" (the "bằng chữ"
  line of a decision): groups of three digits read with "không trăm" for an inner group without
  hundreds, "linh" for a zero ten before a unit, "mười" for ten, "mươi" for twenty and up,
  "mốt" for a one after "mươi", "lăm" for a five after any ten.
- ``so_tien(7020000)`` → "7.020.000" (dots group thousands).
- ``ngay_thang_nam(date)`` → "ngày 05 tháng 02 năm 2025": Nghị định 30/2020/NĐ-CP, Phụ lục I,
  writes a day below 10 and the months 1 and 2 with a leading zero ("tháng 02", but "tháng 3").
"""

from datetime import date

_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_GROUPS = ["", "nghìn", "triệu"]


def _read_group(number: int, *, leading: bool) -> list[str]:
    """Words of a number 0–999; ``leading`` is False for a group after a higher, non-empty one,
    which then says its zero hundreds ("không trăm") and zero tens ("linh")."""
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words: list[str] = []
    if hundreds or not leading:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        else:
            words.append(_DIGITS[units])
    return words


def _read_below_billion(number: int, *, leading: bool) -> list[str]:
    groups = [number // 1_000_000, number // 1000 % 1000, number % 1000]
    words: list[str] = []
    for index, group in enumerate(groups):
        if not group:
            continue
        words += _read_group(group, leading=leading and not words)
        scale = _GROUPS[2 - index]
        if scale:
            words.append(scale)
    return words


def so_bang_chu(number: int) -> str:
    """A whole number ≥ 0 in Vietnamese words, lower case ("một trăm linh năm")."""
    number = int(number)
    if number < 0:
        return "âm " + so_bang_chu(-number)
    if number == 0:
        return "không"
    return " ".join(_read(number, leading=True))


def _read(number: int, *, leading: bool) -> list[str]:
    # "tỷ" repeats for larger amounts: 10^12 is "một nghìn tỷ", 10^18 "một tỷ tỷ".
    billions, rest = divmod(number, 1_000_000_000)
    words: list[str] = []
    if billions:
        words += _read(billions, leading=leading) + ["tỷ"]
    if rest:
        words += _read_below_billion(rest, leading=leading and not words)
    return words


def so_tien_bang_chu(amount: int) -> str:
    """An amount of đồng in words, capitalised as the "Bằng chữ" line writes it."""
    text = so_bang_chu(amount) + " đồng"
    return text[0].upper() + text[1:]


def so_tien(amount) -> str:
    """7020000 → "7.020.000" (Vietnamese digit grouping)."""
    if amount is None:
        return ""
    return f"{int(amount):,}".replace(",", ".")


def he_so(value) -> str:
    """A coefficient with a decimal comma and no trailing zeros: 1.50 → "1,5", 3 → "3"."""
    if value is None:
        return ""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def ngay(value: date | None) -> str:
    """dd/mm/yyyy, the date format of every table and list."""
    return value.strftime("%d/%m/%Y") if value else ""


def ngay_thang_nam(value: date | None) -> str:
    """The date of the place-and-date line: "ngày 05 tháng 02 năm 2025", "ngày 15 tháng 3 năm 2025"."""
    if not value:
        return "ngày      tháng      năm      "
    day = f"{value.day:02d}"
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {day} tháng {month} năm {value.year}"


def dia_danh_ngay(place: str, value: date | None) -> str:
    """"Lạng Sơn, ngày 05 tháng 02 năm 2025"."""
    return f"{place}, {ngay_thang_nam(value)}"


def viet_tat(name: str) -> str:
    """Initials of a body's name for the số ký hiệu: "Sở Giáo dục và Đào tạo" → "SGDĐT"."""
    skip = {"và", "của", "-"}
    return "".join(word[0].upper() for word in name.split() if word.lower() not in skip and word[0].isalpha())
