"""Helpers shared by the emulation pages."""

from datetime import date

from django.contrib import messages

from tdkt.core.errors import DomainError


def run(request, action, success: str = ""):
    """Run a use case from a POST; show its refusal (or success) as a message. Returns the use
    case's result, or None when it refused; the view then redirects (POST/redirect/GET)."""
    try:
        result = action()
    except DomainError as error:
        messages.error(request, error.message)
        return None
    if success:
        messages.success(request, success)
    return result if result is not None else True


def parse_date(value: str, *, field: str) -> date:
    from django.utils.translation import gettext as _
    try:
        day, month, year = (int(p) for p in (value or "").strip().replace("-", "/").split("/"))
        if year < 100:
            raise ValueError
        return date(year, month, day)
    except ValueError:
        try:
            return date.fromisoformat((value or "").strip())
        except ValueError:
            raise DomainError(_("Enter the date as dd/mm/yyyy."), field=field) from None


def int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
