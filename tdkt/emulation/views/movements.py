"""Movement pages: list with filters, the movement (participants, criteria, progress, reviews and
the dossiers and awards it produced), create/edit, launch and reviews."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tdkt.core.errors import DomainError
from tdkt.core.forms import add_domain_error
from tdkt.core.paging import paged
from tdkt.core.text import fold
from tdkt.emulation import hooks, services
from tdkt.emulation.access import get_movement_for_user, movements_for_user
from tdkt.emulation.forms import CriterionForm, MovementForm
from tdkt.emulation.models import Movement, MovementReview
from tdkt.emulation.views.common import parse_date, run
from tdkt.organizations.models import Person
from tdkt.organizations.scope import unit_scope_q


@login_required
def movement_list(request):
    qs = movements_for_user(request.user)
    q = request.GET.get("q", "").strip()
    kind, status, year = request.GET.get("kind", ""), request.GET.get("status", ""), request.GET.get("year", "")
    if q:
        # Names are short and few (dozens); fold in Python so "nong thon moi" finds "nông thôn mới".
        key = fold(q)
        qs = qs.filter(pk__in=[m.pk for m in qs.select_related(None).only("pk", "name") if key in fold(m.name)])
    if kind in Movement.Kind.values:
        qs = qs.filter(kind=kind)
    if status in Movement.Status.values:
        qs = qs.filter(status=status)
    if year.isdigit():
        y = int(year)
        qs = qs.filter(Q(starts_on__year__lte=y) | Q(starts_on__isnull=True),
                       Q(ends_on__year__gte=y) | Q(ends_on__isnull=True))
    page = paged(request, qs, "page", 25)
    return render(request, "emulation/movement_list.html", {
        "nav": "emulation", "page_obj": page, "q": q, "kind": kind, "status": status, "year": year,
        "kinds": Movement.Kind.choices, "statuses": Movement.Status.choices,
        "can_create": request.user.role in services.MOVEMENT_ROLES})


def _progress(movement):
    """How far along the movement is in time (percent), for the progress bar."""
    today = timezone.localdate()
    if not movement.starts_on or not movement.ends_on or movement.status == Movement.Status.DRAFT:
        return None
    total = (movement.ends_on - movement.starts_on).days or 1
    return max(0, min(100, round(100 * (today - movement.starts_on).days / total)))


@login_required
def movement_detail(request, pk):
    movement = get_movement_for_user(request.user, pk)
    can_manage = services.can_manage_movement(request.user, movement)
    return render(request, "emulation/movement_detail.html", {
        "nav": "emulation", "movement": movement, "can_manage": can_manage,
        "criteria": movement.criteria.select_related("entry"),
        "participants": movement.participant_units.order_by("path"),
        "participant_people": movement.participant_people.select_related("unit"),
        "children": movements_for_user(request.user).filter(parent=movement),
        "reviews": movement.reviews.all(), "events": movement.events.select_related("actor"),
        "exemplars": movement.exemplars.all()[:20], "progress": _progress(movement),
        "missing": services.missing_for_launch(movement) if movement.status == "draft" else [],
        "criterion_form": CriterionForm() if can_manage else None,
        "stages": MovementReview.Stage.choices, "assessments": MovementReview.Assessment.choices,
        "panels": hooks.movement_panels(request, movement)})


@login_required
@require_http_methods(["GET", "POST"])
def movement_edit(request, pk=None):
    movement = get_movement_for_user(request.user, pk) if pk else None
    if request.user.role not in services.MOVEMENT_ROLES or (movement and not services.can_manage_movement(
            request.user, movement)):
        raise PermissionDenied
    form = MovementForm(request.POST or None, instance=movement, user=request.user)
    if request.method == "POST":
        chosen = _people(request.user, request.POST.getlist("participant_people"))
    else:
        chosen = list(movement.participant_people.select_related("unit")) if movement else []
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_movement(form.save(commit=False), actor=request.user,
                                           participant_units=form.cleaned_data["participant_units"],
                                           participant_people=chosen)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The movement is saved."))
            return redirect("emulation:movement", pk=saved.pk)
    return render(request, "emulation/movement_form.html", {"nav": "emulation", "form": form, "movement": movement,
                                                            "chosen_people": chosen})


PEOPLE_SUGGESTIONS = 20


def _people(user, ids):
    """The people the form lists, limited to the user's units (ids typed by hand go nowhere else)."""
    ids = [int(i) for i in ids if str(i).isdigit()]
    return list(Person.objects.filter(unit_scope_q(user), pk__in=ids).select_related("unit"))


@login_required
def movement_people(request):
    """htmx: people of the register matching the typed name, as checkboxes for the movement form."""
    if request.user.role not in services.MOVEMENT_ROLES:
        raise PermissionDenied
    query = (request.GET.get("people_q") or "").strip()[:100]
    found = []
    if query:
        chosen = {int(i) for i in request.GET.getlist("participant_people") if i.isdigit()}
        found = list(Person.objects.filter(unit_scope_q(request.user), search_name__contains=fold(query))
                     .exclude(pk__in=chosen).select_related("unit")[:PEOPLE_SUGGESTIONS])
    return render(request, "emulation/_people_found.html", {"found": found, "query": query})


@login_required
@require_POST
def movement_add_criterion(request, pk):
    movement = get_movement_for_user(request.user, pk)
    form = CriterionForm(request.POST)
    if form.is_valid():
        run(request, lambda: services.add_movement_criterion(movement, actor=request.user, **form.cleaned_data),
            _("The criterion is added."))
    else:
        messages.error(request, _("Choose a title and write the criterion."))
    return redirect("emulation:movement", pk=pk)


@login_required
@require_POST
def movement_launch(request, pk):
    movement = get_movement_for_user(request.user, pk)
    run(request, lambda: services.launch_movement(movement, actor=request.user), _("The movement is launched."))
    return redirect("emulation:movement", pk=pk)


@login_required
@require_POST
def movement_review(request, pk):
    movement = get_movement_for_user(request.user, pk)
    post = request.POST
    run(request, lambda: services.record_movement_review(
        movement, actor=request.user, stage=post.get("stage", ""),
        held_on=parse_date(post.get("held_on", ""), field="held_on"), results=post.get("results", ""),
        assessment=post.get("assessment", ""), reason=post.get("reason", "")), _("The review is recorded."))
    return redirect("emulation:movement", pk=pk)


urlpatterns = [
    path("phong-trao/", movement_list, name="movements"),
    path("phong-trao/moi/", movement_edit, name="movement_create"),
    path("phong-trao/nguoi-tham-gia/", movement_people, name="movement_people"),
    path("phong-trao/<int:pk>/", movement_detail, name="movement"),
    path("phong-trao/<int:pk>/sua/", movement_edit, name="movement_edit"),
    path("phong-trao/<int:pk>/tieu-chi/", movement_add_criterion, name="movement_add_criterion"),
    path("phong-trao/<int:pk>/phat-dong/", movement_launch, name="movement_launch"),
    path("phong-trao/<int:pk>/so-tong-ket/", movement_review, name="movement_review"),
]
