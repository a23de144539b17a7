"""Registration pages: the list and start form, one registration (its titles, actions and
timeline), the board of units late to register, and registered against achieved."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tdkt.accounts.models import Role
from tdkt.catalogue.models import CatalogueEntry
from tdkt.core.errors import DomainError
from tdkt.core.exporters import wants_xlsx, xlsx_response
from tdkt.core.paging import paged
from tdkt.emulation import hooks
from tdkt.emulation import registration as reg
from tdkt.emulation.access import get_line_for_user, get_registration_for_user, registrations_for_user
from tdkt.emulation.models import Registration
from tdkt.emulation.views.common import int_or_none, run
from tdkt.organizations.models import Collective, Person

SUBJECT_LIMIT = 300


def _year(request):
    return int_or_none(request.GET.get("year")) or timezone.localdate().year


@login_required
def registration_list(request):
    year = _year(request)
    qs = registrations_for_user(request.user).filter(year=year)
    status = request.GET.get("status", "")
    if status in Registration.Status.values:
        qs = qs.filter(status=status)
    return render(request, "emulation/registration_list.html", {
        "nav": "emulation", "year": year, "page_obj": paged(request, qs, "page", 25), "status": status,
        "statuses": Registration.Status.choices, "deadline": reg.deadline_for(year),
        "can_start": request.user.role == Role.UNIT_CLERK,
        "own": Registration.objects.filter(unit=request.user.unit, year=year).first()})


@login_required
@require_POST
def registration_start(request):
    year = int_or_none(request.POST.get("year")) or timezone.localdate().year
    created = run(request, lambda: reg.start_registration(actor=request.user, unit=request.user.unit, year=year))
    if created:
        return redirect("emulation:registration", pk=created.pk)
    return redirect("emulation:registrations")


def _subject_choices(registration):
    path_ = registration.unit.path
    people = Person.objects.filter(unit__path__startswith=path_).order_by("full_name")[:SUBJECT_LIMIT]
    collectives = Collective.objects.filter(unit__path__startswith=path_).order_by("name")[:SUBJECT_LIMIT]
    return people, collectives


@login_required
def registration_detail(request, pk):
    registration = get_registration_for_user(request.user, pk)
    editable = (request.user.role == Role.UNIT_CLERK
                and registration.status in (Registration.Status.DRAFT, Registration.Status.RETURNED))
    people, collectives = _subject_choices(registration) if editable else ([], [])
    titles = CatalogueEntry.objects.in_force(timezone.localdate()).filter(kind="title").exclude(level="state")
    actions = [(name, reg.TRANSITIONS[name]) for name in reg.available_actions(registration, request.user)]
    return render(request, "emulation/registration_detail.html", {
        "nav": "emulation", "registration": registration, "editable": editable,
        "lines": registration.lines.select_related("entry", "person", "collective"),
        "events": registration.events.select_related("actor"), "people": people, "collectives": collectives,
        "titles": titles if editable else [], "actions": actions, "deadline": reg.deadline_for(registration.year)})


def _subject(value: str):
    kind, _sep, pk = (value or "").partition(":")
    model = {"p": Person, "c": Collective}.get(kind)
    if model is None or not pk.isdigit():
        raise DomainError(_("Choose a person or a collective."), field="subject")
    return model.objects.select_related("unit").filter(pk=int(pk)).first() or _missing()


def _missing():
    raise DomainError(_("Choose a person or a collective."), field="subject")


@login_required
@require_POST
def registration_add_line(request, pk):
    registration = get_registration_for_user(request.user, pk)

    def add():
        entry = CatalogueEntry.objects.filter(pk=int_or_none(request.POST.get("entry"))).first()
        if entry is None:
            raise DomainError(_("Choose the target title."), field="entry")
        return reg.add_registration_line(registration, actor=request.user, subject=_subject(request.POST.get("subject")),
                                         entry=entry)
    run(request, add, _("The title is registered."))
    return redirect("emulation:registration", pk=pk)


@login_required
@require_POST
def registration_remove_line(request, pk, line_pk):
    registration = get_registration_for_user(request.user, pk)
    line = get_line_for_user(request.user, registration, line_pk)
    run(request, lambda: reg.remove_registration_line(line, actor=request.user), _("The line is removed."))
    return redirect("emulation:registration", pk=pk)


@login_required
@require_POST
def registration_action(request, pk, action):
    registration = get_registration_for_user(request.user, pk)
    if action not in reg.TRANSITIONS:
        raise PermissionDenied
    run(request, lambda: reg.apply_registration_transition(registration, action, actor=request.user,
                                                           note=request.POST.get("note", "")), _("Done."))
    return redirect("emulation:registration", pk=pk)


def _board_parent(user):
    """Whose registrations the user oversees: the Board the province's units; a unit its sub-units."""
    return None if user.spans_province else user.unit


@login_required
def late_board(request):
    year = _year(request)
    parent = _board_parent(request.user)
    units, deadline, passed = reg.late_units(year, parent=parent)
    status = dict(Registration.objects.filter(year=year, unit__in=units).values_list("unit_id", "status"))
    labels = dict(Registration.Status.choices)
    rows = [{"unit": u, "status": labels.get(status.get(u.pk), _("not started"))} for u in units]
    if wants_xlsx(request):
        return xlsx_response(f"chua-dang-ky-thi-dua-{year}", [_("Unit"), _("Where it stands")],
                             ([row["unit"].name, str(row["status"])] for row in rows))
    return render(request, "emulation/late_board.html", {
        "nav": "emulation", "year": year, "rows": rows, "deadline": deadline, "passed": passed,
        "expected": reg.registering_units(parent).count()})


@login_required
def registration_results(request):
    """Registered against achieved per unit and title at year end."""
    year = _year(request)
    units = {r.unit_id: r.unit for r in registrations_for_user(request.user).filter(year=year)}
    registered = reg.registered_counts(year, list(units))
    provider = hooks.provider("achieved_counts")
    achieved = provider(year, list(units)) if provider else {}
    names = dict(CatalogueEntry.objects.filter(code__in={c for _u, c in registered}).values_list("code", "name"))
    rows = [{"unit": units[u], "title": names.get(code, code), "registered": n, "achieved": achieved.get((u, code), 0),
             "share": round(100 * achieved.get((u, code), 0) / n) if n else 0}
            for (u, code), n in sorted(registered.items(), key=lambda kv: (units[kv[0][0]].path, kv[0][1]))]
    if wants_xlsx(request):
        return xlsx_response(f"dang-ky-va-ket-qua-{year}", [_("Unit"), _("Title"), _("Registered"), _("Achieved"), "%"],
                             ([r["unit"].name, r["title"], r["registered"], r["achieved"], r["share"]] for r in rows))
    return render(request, "emulation/registration_results.html", {
        "nav": "emulation", "year": year, "rows": rows, "has_provider": provider is not None})


urlpatterns = [
    path("dang-ky/", registration_list, name="registrations"),
    path("dang-ky/bat-dau/", registration_start, name="registration_start"),
    path("dang-ky/cham-han/", late_board, name="registration_late"),
    path("dang-ky/ket-qua/", registration_results, name="registration_results"),
    path("dang-ky/<int:pk>/", registration_detail, name="registration"),
    path("dang-ky/<int:pk>/them/", registration_add_line, name="registration_add_line"),
    path("dang-ky/<int:pk>/xoa/<int:line_pk>/", registration_remove_line, name="registration_remove_line"),
    path("dang-ky/<int:pk>/<slug:action>/", registration_action, name="registration_action"),
]
