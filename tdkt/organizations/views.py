"""Units and people pages.

The unit tree and the award history of units are province-wide information for
signed-in staff. People are personal data: unit roles see only the people of their
unit's subtree (organizations.scope) and get 404 for anyone else.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy as _
from django.views.decorators.http import require_POST

from tdkt.core.errors import DomainError
from tdkt.core.exporters import wants_xlsx
from tdkt.organizations.scope import in_scope, unit_scope_q
from tdkt.core.paging import paged
from tdkt.core.text import fold
from tdkt.organizations.forms import FACT_KINDS, FACT_KINDS_BY_SLUG, DisciplineReviewForm
from tdkt.organizations.models import Collective, Person, Unit, UnitLineage
from tdkt.organizations.panels import panels_for
from tdkt.organizations.queries import subtree
from tdkt.organizations.services import delete_fact, may_edit_facts, save_fact

PAGE_SIZE = 50


def _lineage_prefetch():
    return (Prefetch("successor_links", queryset=UnitLineage.objects.select_related("successor").order_by("on")),
            Prefetch("predecessor_links", queryset=UnitLineage.objects.select_related("predecessor").order_by("on")))


@login_required
def unit_tree(request):
    if wants_xlsx(request):
        from tdkt.organizations.exports import units_xlsx
        return units_xlsx(Unit.objects.order_by("path").select_related("parent")
                          .prefetch_related(*_lineage_prefetch()))
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
    if may_see_people and wants_xlsx(request):
        from tdkt.organizations import exports
        if request.GET.get("list") == "collectives":
            return exports.collectives_xlsx(unit.collectives.order_by("search_name", "pk"), name=f"tap-the-{unit.code}")
        return exports.people_xlsx(unit.people.order_by("search_name", "pk"), name=f"ca-nhan-{unit.code}")
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
    if wants_xlsx(request):
        from tdkt.organizations.exports import people_xlsx
        return people_xlsx(people.order_by("search_name", "pk"))
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
        "may_edit_facts": may_edit_facts(request.user, person), "facts": _fact_sections(person, "person"),
        "panels": panels_for("person", request, person),
    })


# --- Collectives ----------------------------------------------------------------------

def collectives_for_user(user):
    """Collectives the user may see: province roles all, unit roles their unit's subtree."""
    return Collective.objects.filter(unit_scope_q(user)).select_related("unit", "represents_unit")


def get_collective_for_user(user, pk) -> Collective:
    """404 for a collective outside the user's scope, as for people."""
    try:
        return collectives_for_user(user).get(pk=pk)
    except (Collective.DoesNotExist, ValueError, TypeError):
        raise Http404("Collective not found") from None


@login_required
def collective_detail(request, pk):
    collective = get_collective_for_user(request.user, pk)
    return render(request, "organizations/collective_detail.html", {
        "nav": "units", "collective": collective,
        "may_edit_facts": may_edit_facts(request.user, collective),
        "facts": _fact_sections(collective, "collective"),
        "panels": panels_for("collective", request, collective),
    })


# --- Facts the eligibility rules need (Hồ sơ thành tích) --------------------------------

FACTS_ANCHOR = "#ho-so-thanh-tich"
SUBJECT_GETTERS = {"person": get_person_for_user, "collective": get_collective_for_user}


def _fact_sections(subject, subject_kind: str) -> dict:
    """Each kind of fact of the subject, by code: {"rating": {"kind": …, "rows": [...], "add_url": …}}."""
    sections = {}
    for kind in FACT_KINDS:
        if subject_kind not in kind.subjects:
            continue
        rows = kind.model.objects.filter(**{subject_kind: subject})
        if kind.code == "initiative":
            # Which award or nomination used each initiative (relations declared by the apps above).
            rows = rows.prefetch_related("used_in_awards__entry", "used_in_nominations__entry",
                                         "used_in_nominations__dossier")
        rows = list(rows)
        for row in rows:
            args = [subject.pk, kind.slug, row.pk]
            row.edit_url = reverse(f"organizations:{subject_kind}_fact_edit", args=args)
            row.delete_url = reverse(f"organizations:{subject_kind}_fact_delete", args=args)
        sections[kind.code] = {"kind": kind, "rows": rows,
                               "add_url": reverse(f"organizations:{subject_kind}_fact_add",
                                                  args=[subject.pk, kind.slug])}
    return sections


def _subject_page(subject_kind: str, subject) -> str:
    return reverse(f"organizations:{subject_kind}", args=[subject.pk]) + FACTS_ANCHOR


def _forbidden(request, subject_kind, subject):
    return render(request, "organizations/forbidden.html", {
        "nav": "units", "back_url": _subject_page(subject_kind, subject),
        "message": gettext("Your role may read these records but not change them."),
    }, status=403)


def _fact_context(request, subject_kind, pk, slug):
    subject = SUBJECT_GETTERS[subject_kind](request.user, pk)
    kind = FACT_KINDS_BY_SLUG.get(slug)
    if kind is None or subject_kind not in kind.subjects:
        raise Http404("Unknown kind of record")
    return subject, kind


@login_required
def fact_form(request, subject_kind, pk, slug, fact_pk=None):
    """Add (fact_pk None) or edit one fact of a person or collective; PRG back to its page."""
    subject, kind = _fact_context(request, subject_kind, pk, slug)
    if not may_edit_facts(request.user, subject):
        return _forbidden(request, subject_kind, subject)
    instance = (get_object_or_404(kind.model, pk=fact_pk, **{subject_kind: subject}) if fact_pk
                else kind.model())
    form = kind.form(request.POST if request.method == "POST" else None, instance=instance, subject=subject)
    if request.method == "POST" and form.is_valid():
        try:
            save_fact(form, actor=request.user)
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, gettext("Saved: %(record)s.") % {"record": kind.model._meta.verbose_name})
            return redirect(_subject_page(subject_kind, subject))
    return render(request, "organizations/fact_form.html", {
        "nav": "units", "subject": subject, "subject_kind": subject_kind, "kind": kind, "form": form,
        "editing": bool(fact_pk), "back_url": _subject_page(subject_kind, subject),
    })


@login_required
@require_POST
def fact_delete(request, subject_kind, pk, slug, fact_pk):
    subject, kind = _fact_context(request, subject_kind, pk, slug)
    if not may_edit_facts(request.user, subject):
        return _forbidden(request, subject_kind, subject)
    fact = get_object_or_404(kind.model, pk=fact_pk, **{subject_kind: subject})
    try:
        delete_fact(fact, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, str(kind.deleted_message))
    return redirect(_subject_page(subject_kind, subject))


@login_required
def discipline_review(request, pk):
    """Mark or clear “under disciplinary review, inspection or investigation” (NĐ 152 Đ4 k4)."""
    person = get_person_for_user(request.user, pk)
    if not may_edit_facts(request.user, person):
        return _forbidden(request, "person", person)
    form = DisciplineReviewForm(request.POST if request.method == "POST" else None, instance=person)
    if request.method == "POST" and form.is_valid():
        save_fact(form, actor=request.user)
        messages.success(request, gettext("The disciplinary review status is saved."))
        return redirect(_subject_page("person", person))
    return render(request, "organizations/discipline_review_form.html", {
        "nav": "units", "subject": person, "form": form, "back_url": _subject_page("person", person),
    })
