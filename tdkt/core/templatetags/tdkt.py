from django import template

from tdkt.core.text import fold

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (keeps filters across pages)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.filter
def vnd(amount) -> str:
    """12345000 → "12.345.000 đ"."""
    if amount in (None, ""):
        return ""
    return f"{int(amount):,} đ".replace(",", ".")


@register.filter
def folded(text) -> str:
    return fold(str(text))
