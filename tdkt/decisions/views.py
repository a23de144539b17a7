"""Archive (sổ vàng) pages: search and decision detail.

The archive is province-wide information for signed-in staff: every role may search
it; nothing here shows national ID numbers.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404, render
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from tdkt.core.exporters import wants_xlsx
from tdkt.organizations.scope import unit_scope_q
from tdkt.catalogue.models import CatalogueEntry
from tdkt.decisions.models import Award, Decision
from tdkt.decisions.queries import COUNT_LIMIT, LISTED_FIELDS, search_awards
from tdkt.organizations.models import Person, Unit

PAGE_SIZE = 50


class CappedPaginator(Paginator):
    """Counts at most COUNT_LIMIT + 1 rows, so a very broad search stays fast."""

    @cached_property
    def count(self):
        counted = self.object_list.order_by().values("pk")[:COUNT_LIMIT + 1].count()
        self.capped = counted > COUNT_LIMIT
        return min(counted, COUNT_LIMIT)

    capped = False


def unit_choices():
    """Every unit (dissolved ones too), indented by depth in the tree."""
    choices = [("", _("All units"))]
    for pk, name, path, valid_to in Unit.objects.order_by("path").values_list("pk", "name", "path", "valid_to"):
        depth = max(path.count("/") - 2, 0)
        label = "\u2003" * depth + name + (f" ({_('dissolved')})" if valid_to else "")
        choices.append((str(pk), label))
    return choices


def entry_choices():
    seen, choices = set(), [("", _("All titles and forms"))]
    for code, name in CatalogueEntry.objects.order_by("sort_order", "code", "-valid_from").values_list("code", "name"):
        if code not in seen:
            seen.add(code)
            choices.append((code, f"{name} ({code})"))
    return choices


class ArchiveSearchForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=150,
                        help_text=_("With or without diacritics; matches the start of any word of the name."))
    anywhere = forms.BooleanField(label=_("Match anywhere in the name"), required=False)
    unit = forms.TypedChoiceField(label=_("Unit"), required=False, coerce=int, empty_value=None)
    include_predecessors = forms.BooleanField(label=_("Include predecessor units"), required=False, initial=True)
    entry = forms.ChoiceField(label=_("Title / form"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1945, max_value=2100)
    decision_number = forms.CharField(label=_("Decision number"), required=False, max_length=60)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Any status")), *Award.Status.choices])

    CRITERIA = ("q", "unit", "entry", "year", "decision_number", "status")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = unit_choices()
        self.fields["entry"].choices = entry_choices()

    def has_criteria(self) -> bool:
        return any(self.cleaned_data.get(name) not in (None, "") for name in self.CRITERIA)


@login_required
def search(request):
    form = ArchiveSearchForm(request.GET or None)
    page_obj = None
    linkable_people = set()
    if form.is_bound and form.is_valid() and form.has_criteria():
        data = form.cleaned_data
        unit = Unit.objects.filter(pk=data["unit"]).first() if data["unit"] else None
        awards = search_awards(q=data["q"], anywhere=data["anywhere"], unit=unit,
                               include_predecessors=data["include_predecessors"], entry_code=data["entry"],
                               year=data["year"], decision_number=data["decision_number"],
                               status=data["status"]).only(*LISTED_FIELDS)
        if wants_xlsx(request):
            from tdkt.decisions.exports import awards_xlsx
            return awards_xlsx(awards)
        page_obj = CappedPaginator(awards, PAGE_SIZE).get_page(request.GET.get("page"))
        person_ids = {award.person_id for award in page_obj if award.person_id}
        if person_ids:
            # Only link to people the user may open (unit roles see their subtree).
            linkable_people = set(Person.objects.filter(unit_scope_q(request.user), pk__in=person_ids)
                                  .values_list("pk", flat=True))
    return render(request, "decisions/search.html", {
        "nav": "archive", "form": form, "page_obj": page_obj, "linkable_people": linkable_people,
        "count_limit": COUNT_LIMIT,
    })


@login_required
def decision_detail(request, pk):
    decision = get_object_or_404(Decision.objects.select_related("issuer"), pk=pk)
    awards = decision.awards.select_related("entry", "unit").order_by("certificate_number")
    if wants_xlsx(request):
        from tdkt.decisions.exports import awards_xlsx
        return awards_xlsx(awards, name="quyet-dinh-" + decision.number.replace("/", "-"))
    totals = awards.aggregate(count=Count("pk"), money=Sum("money_amount"))
    page_obj = Paginator(awards, 100).get_page(request.GET.get("page"))
    return render(request, "decisions/decision_detail.html", {
        "nav": "archive", "decision": decision, "page_obj": page_obj, "totals": totals,
    })
