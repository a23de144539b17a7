""""Gợi ý đề nghị": people in the user's scope whose award history now completes a title's chain and
who have not been proposed for it (tdkt.nominations.suggestions), with the rules' verdict for each.

For the roles that prepare or appraise proposals; a unit clerk gets a link that opens a new
dossier prefilled for the title and year.
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tdkt.accounts.models import Role
from tdkt.core.exporters import wants_xlsx
from tdkt.nominations import exports, suggestions
from tdkt.nominations.forms_suggestions import SuggestionFilterForm
from tdkt.nominations.models import DossierKind

PAGE_SIZE = 25
ROLES = frozenset({Role.UNIT_CLERK, Role.UNIT_HEAD, Role.BOARD_OFFICER, Role.BOARD_HEAD, Role.ADMIN})


def _create_url(suggestion) -> str:
    entry = suggestion.entry
    kind = DossierKind.STATE_LEVEL if entry.level == "state" else DossierKind.ANNUAL
    title = _("Proposal for “%(title)s”, %(year)s") % {"title": entry.name, "year": suggestion.year}
    return f"{reverse('nominations:create')}?{urlencode({'title': title, 'kind': kind, 'year': suggestion.year})}"


@login_required
@require_GET
def suggestion_list(request):
    user = request.user
    if user.role not in ROLES:
        raise PermissionDenied(_("Your role cannot do this."))
    form = SuggestionFilterForm(request.GET or None, user=user)
    filters = form.filters
    rows = suggestions.suggestions_for(user, year=filters["year"], unit=filters.get("unit"),
                                       targets=[filters["target"]] if filters.get("target") else None)
    if wants_xlsx(request):
        return exports.suggestions_xlsx(rows)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    suggestions.attach_verdicts(page.object_list)  # the rules for this page's people, in one batch
    can_create = user.role == Role.UNIT_CLERK
    if can_create:
        for row in page.object_list:
            row.create_url = _create_url(row)
    return render(request, "nominations/suggestions.html", {
        "nav": "suggestions", "filter_form": form, "page_obj": page, "year": filters["year"],
        "can_create": can_create})


urlpatterns = [
    path("goi-y/", suggestion_list, name="suggestions"),
]
