"""Units and people pages.

The unit tree and the award history of units are province-wide information for
signed-in staff. People are personal data: unit roles see only the people of their
unit's subtree (organizations.scope) and get 404 for anyone else.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from tdkt.organizations.scope import in_scope, unit_scope_q
from tdkt.core.paging import paged
from tdkt.core.text import fold
from tdkt.organizations.models import Person, Unit, UnitLineage
from tdkt.organizations.panels import panels_for
from tdkt.organizations.queries import subtree

PAGE_SIZE = 50


def _lineage_prefetch():
    return (Prefetch("successor_links", queryset=UnitLineage.objects.select_related("successor").order_by("on")),
            Prefetch("predecessor_links", queryset=UnitLineage.objects.select_related("predecessor").order_by("on")))


@login_required
def unit_tree(request):
    units = list(Unit.objects.order_by("path").prefetch_related(*_lineage_prefetch()))
    for unit in units:
        unit.depth = min(max(unit.path.count("/") - 2, 0), 8)
    return render(request, "organizations/unit_tree.html", {"nav": "units", "units": units})


@login_required
def unit_detail(request, pk):
    unit = get_object_or_404(Unit.objects.select_related("parent").prefetch_related(*_lineage_prefetch()), pk=pk)
    children = unit.children.order_by("path")
    may_see_people = in_scope(request.user, unit)
    people_page = collectives_page = None
    if may_see_people:
        people_page = paged(request, unit.people.order_by("search_name", "pk"), "people_page", PAGE_SIZE)
        collectives_page = paged(request, unit.collectives.order_by("search_name", "pk"), "collectives_page",
                                PAGE_SIZE)
    return render(request, "organizations/unit_detail.html", {
        "nav": "units", "unit": unit, "children": children, "may_see_people": may_see_people,
        "people_page": people_page, "collectives_page": collectives_page,
        "panels": panels_for("unit", request, unit),
    })


class PeopleSearchForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=150,
                        help_text=_("With or without diacritics; matches the start of any word of the name."))
    unit = forms.TypedChoiceField(label=_("Unit (with the units under it)"), required=False, coerce=int,
                                  empty_value=None)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("All units I may see"))]
        for pk, name, path in units.values_list("pk", "name", "path"):
            choices.append((str(pk), "\u2003" * max(path.count("/") - 2, 0) + name))
        self.fields["unit"].choices = choices


def people_for_user(user):
    """People the user may see: province roles all, unit roles their unit's subtree."""
    return Person.objects.filter(unit_scope_q(user)).select_related("unit")


def get_person_for_user(user, pk) -> Person:
    """404 (not 403) for a person outside the user's scope, so guessing URLs reveals nothing."""
    try:
        return people_for_user(user).prefetch_related("categories").get(pk=pk)
    except (Person.DoesNotExist, ValueError, TypeError):
        raise Http404("Person not found") from None


@login_required
def people_list(request):
    user = request.user
    visible_units = Unit.objects.all() if user.spans_province else subtree(user.unit)
    form = PeopleSearchForm(request.GET or None, units=visible_units.order_by("path"))
    people = people_for_user(user)
    if form.is_bound and form.is_valid():
        folded = fold(form.cleaned_data["q"])
        if folded:
            # Start of the name or of any later word ("dao" finds "nguyen thi dao").
            people = people.filter(Q(search_name__startswith=folded) | Q(search_name__contains=" " + folded))
        if form.cleaned_data["unit"]:
            unit = visible_units.filter(pk=form.cleaned_data["unit"]).first()
            if unit is not None:
                people = people.filter(unit__path__startswith=unit.path)
    page_obj = Paginator(people.order_by("search_name", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organizations/people_list.html", {"nav": "units", "form": form, "page_obj": page_obj})


def _masked(identifier: str | None) -> str:
    if not identifier:
        return ""
    return "•" * max(len(identifier) - 3, 0) + identifier[-3:]


@login_required
def person_detail(request, pk):
    person = get_person_for_user(request.user, pk)
    return render(request, "organizations/person_detail.html", {
        "nav": "units", "person": person, "masked_national_id": _masked(person.national_id),
        "panels": panels_for("person", request, person),
    })
