"""Exemplars (điển hình tiên tiến) through their four stages, and conferences with honourees."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tdkt.core.errors import DomainError
from tdkt.core.paging import paged
from tdkt.core.text import fold
from tdkt.emulation import services
from tdkt.emulation.access import (
    conferences_for_user, exemplars_for_user, get_conference_for_user, get_exemplar_for_user, movements_for_user,
)
from tdkt.emulation.models import Conference, Exemplar
from tdkt.emulation.views.common import int_or_none, parse_date, run
from tdkt.organizations.models import Collective, Person, Unit
from tdkt.organizations.scope import in_scope


@login_required
def exemplar_list(request):
    qs = exemplars_for_user(request.user)
    stage, kind, q = request.GET.get("stage", ""), request.GET.get("kind", ""), request.GET.get("q", "").strip()
    if stage in Exemplar.Stage.values:
        qs = qs.filter(stage=stage)
    if kind in Exemplar.Kind.values:
        qs = qs.filter(kind=kind)
    if q:
        key = fold(q)
        qs = qs.filter(pk__in=[e.pk for e in qs.select_related(None).only("pk", "name") if key in fold(e.name)])
    return render(request, "emulation/exemplar_list.html", {
        "nav": "emulation", "page_obj": paged(request, qs, "page", 25), "stage": stage, "kind": kind, "q": q,
        "stages": Exemplar.Stage.choices, "kinds": Exemplar.Kind.choices,
        "can_create": request.user.role in services.EXEMPLAR_ROLES})


def _unit_q(user):
    from django.db.models import Q
    return Q() if user.spans_province else Q(path__startswith=user.unit.path)


@login_required
@require_http_methods(["GET", "POST"])
def exemplar_create(request):
    if request.user.role not in services.EXEMPLAR_ROLES:
        raise PermissionDenied
    units = Unit.objects.filter(_unit_q(request.user), valid_to__isnull=True).exclude(level="external")
    if request.method == "POST":
        post = request.POST

        def create():
            unit = units.filter(pk=int_or_none(post.get("unit"))).first()
            if unit is None:
                raise DomainError(_("Choose the unit."), field="unit")
            person = Person.objects.filter(pk=int_or_none(post.get("person")), unit__path__startswith=unit.path).first()
            collective = Collective.objects.filter(pk=int_or_none(post.get("collective")),
                                                   unit__path__startswith=unit.path).first()
            if post.get("kind") == "person" and int_or_none(post.get("person")) and person is None:
                raise DomainError(_("The chosen person is not in %(unit)s or its sub-units.") % {"unit": unit},
                                  field="person")
            if post.get("kind") == "collective" and int_or_none(post.get("collective")) and collective is None:
                raise DomainError(_("The chosen collective is not in %(unit)s or its sub-units.") % {"unit": unit},
                                  field="collective")
            movement = movements_for_user(request.user).filter(pk=int_or_none(post.get("movement"))).first()
            return services.register_exemplar(
                actor=request.user, kind=post.get("kind", ""), name=post.get("name", ""), unit=unit,
                person=person, collective=collective, movement=movement,
                discovered_by=post.get("discovered_by", ""),
                discovered_on=parse_date(post.get("discovered_on"), field="discovered_on"),
                achievements=post.get("achievements", ""), replication_plan=post.get("replication_plan", ""))
        created = run(request, create, _("The exemplar is registered."))
        if created:
            return redirect("emulation:exemplar", pk=created.pk)
    post = request.POST
    return render(request, "emulation/exemplar_form.html", {
        "nav": "emulation", "units": units[:500], "kinds": Exemplar.Kind.choices, "post": post,
        "subject_fields": [
            (kind, label, subject_choices(request.user, kind, post.get(f"{kind}_q", ""), int_or_none(post.get("unit")),
                                          int_or_none(post.get(kind))), int_or_none(post.get(kind)))
            for kind, label in (("person", _("The person (for a person exemplar)")),
                                ("collective", _("The collective (for a collective exemplar)")))],
        "movements": movements_for_user(request.user).exclude(status="draft")})


SUGGESTIONS = 30


def subject_choices(user, kind: str, query: str, unit_id=None, selected=None) -> list:
    """People or collectives in the user's scope (and under the chosen unit) whose name contains
    the query, diacritics optional; the selected one is always kept in the list."""
    model = {"person": Person, "collective": Collective}.get(kind)
    if model is None:
        return []
    qs = model.objects.filter(unit__in=Unit.objects.filter(_unit_q(user))).select_related("unit")
    unit = Unit.objects.filter(_unit_q(user), pk=unit_id).first() if unit_id else None
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if query:
        qs = qs.filter(search_name__contains=fold(query))
    choices = list(qs[:SUGGESTIONS])
    if selected and all(c.pk != selected for c in choices):
        choices = list(qs.model.objects.filter(pk=selected, unit__in=Unit.objects.filter(_unit_q(user)))) + choices
    return choices


@login_required
def exemplar_subjects(request):
    """htmx: the person or collective select of the exemplar form, filtered by the typed name."""
    if request.user.role not in services.EXEMPLAR_ROLES:
        raise PermissionDenied
    kind = request.GET.get("kind", "")
    if kind not in ("person", "collective"):
        kind = "person"
    query = (request.GET.get(f"{kind}_q") or request.GET.get("q") or "").strip()[:100]
    return render(request, "emulation/_subject_select.html", {
        "kind": kind, "choices": subject_choices(request.user, kind, query, int_or_none(request.GET.get("unit"))),
        "selected": None, "query": query})


@login_required
def exemplar_detail(request, pk):
    exemplar = get_exemplar_for_user(request.user, pk)
    stages = list(Exemplar.Stage.choices)
    reached = [v for v, _l in stages].index(exemplar.stage)
    return render(request, "emulation/exemplar_detail.html", {
        "nav": "emulation", "exemplar": exemplar, "events": exemplar.events.select_related("actor"),
        "stages": [(v, label, i <= reached) for i, (v, label) in enumerate(stages)],
        "can_advance": request.user.role in services.EXEMPLAR_ROLES and exemplar.stage != Exemplar.Stage.REPLICATED,
        "honours": exemplar.honours.select_related("conference")})


@login_required
@require_POST
def exemplar_advance(request, pk):
    exemplar = get_exemplar_for_user(request.user, pk)
    run(request, lambda: services.advance_exemplar(exemplar, actor=request.user, note=request.POST.get("note", ""),
                                                   replication_plan=request.POST.get("replication_plan")),
        _("The exemplar moved to the next stage."))
    return redirect("emulation:exemplar", pk=pk)


@login_required
def conference_list(request):
    kind = request.GET.get("kind", "")
    qs = conferences_for_user(request.user)
    if kind in Conference.Kind.values:
        qs = qs.filter(kind=kind)
    return render(request, "emulation/conference_list.html", {
        "nav": "emulation", "page_obj": paged(request, qs, "page", 25), "kind": kind, "kinds": Conference.Kind.choices,
        "can_create": request.user.role in services.MOVEMENT_ROLES,
        "units": Unit.objects.filter(_unit_q(request.user), valid_to__isnull=True).exclude(level="external")[:500]})


@login_required
@require_POST
def conference_create(request):
    post = request.POST

    def create():
        organiser = Unit.objects.filter(_unit_q(request.user), pk=int_or_none(post.get("organiser"))).first()
        if organiser is None:
            raise DomainError(_("Choose the organiser."), field="organiser")
        return services.record_conference(
            actor=request.user, kind=post.get("kind", ""), name=post.get("name", ""), organiser=organiser,
            held_on=parse_date(post.get("held_on"), field="held_on"), venue=post.get("venue", ""),
            period_from_year=int_or_none(post.get("period_from_year")),
            period_to_year=int_or_none(post.get("period_to_year")))
    created = run(request, create, _("The conference is recorded."))
    return redirect("emulation:conference", pk=created.pk) if created else redirect("emulation:conferences")


@login_required
def conference_detail(request, pk):
    conference = get_conference_for_user(request.user, pk)
    # Only those who may add honourees (the organiser's scope) see the form.
    can_edit = request.user.role in services.MOVEMENT_ROLES and in_scope(request.user, conference.organiser)
    return render(request, "emulation/conference_detail.html", {
        "nav": "emulation", "conference": conference, "honourees": conference.honourees.select_related("unit", "exemplar"),
        "can_edit": can_edit, "exemplars": exemplars_for_user(request.user)[:300] if can_edit else []})


@login_required
@require_POST
def conference_add_honouree(request, pk):
    conference = get_conference_for_user(request.user, pk)
    exemplar = exemplars_for_user(request.user).filter(pk=int_or_none(request.POST.get("exemplar"))).first()
    run(request, lambda: services.add_honouree(conference, actor=request.user, name=request.POST.get("name", ""),
                                               exemplar=exemplar, citation=request.POST.get("citation", "")),
        _("The honouree is added."))
    return redirect("emulation:conference", pk=pk)


urlpatterns = [
    path("dien-hinh/", exemplar_list, name="exemplars"),
    path("dien-hinh/moi/", exemplar_create, name="exemplar_create"),
    path("dien-hinh/goi-y/", exemplar_subjects, name="exemplar_subjects"),
    path("dien-hinh/<int:pk>/", exemplar_detail, name="exemplar"),
    path("dien-hinh/<int:pk>/chuyen-buoc/", exemplar_advance, name="exemplar_advance"),
    path("hoi-nghi/", conference_list, name="conferences"),
    path("hoi-nghi/moi/", conference_create, name="conference_create"),
    path("hoi-nghi/<int:pk>/", conference_detail, name="conference"),
    path("hoi-nghi/<int:pk>/vinh-danh/", conference_add_honouree, name="conference_add_honouree"),
]
