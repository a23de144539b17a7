"""{% export_link %}: the "Xuất Excel" link of a list, keeping the page's filters."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def export_link(context, label="", **params):
    """The current query string (filters) with format=xlsx and without page numbers: the export
    is the whole filtered list, not the page shown."""
    query = context["request"].GET.copy()
    for key in [key for key in query if key == "page" or key.endswith("_page")]:
        query.pop(key)
    query["format"] = "xlsx"
    for key, value in params.items():  # e.g. list="collectives" on a page with two lists
        query[key] = value
    return format_html('<a class="button export-link" href="?{}">{}</a>', query.urlencode(),
                       label or _("Export to Excel"))
