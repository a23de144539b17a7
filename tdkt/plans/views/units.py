"""Units' own yearly plans: submission, the board of who has and has not sent, the deadline."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tdkt.core.errors import DomainError
from tdkt.core.exporters import Column, xlsx_response
from tdkt.core.forms import add_domain_error
from tdkt.core.paging import paged
from tdkt.plans import access, queries, services
from tdkt.plans.forms import BOARD_STATES, BoardFilterForm, DeadlineForm, SubmissionForm
from tdkt.plans.models import UnitPlanDeadline
from tdkt.plans.views.common import file_download, posted, require_manager, wants_xlsx

STATE_LABELS = dict(BOARD_STATES)


@login_required
@require_GET
def board(request):
    user, today = request.user, timezone.localdate()
    form = BoardFilterForm(request.GET or None, initial={"year": today.year})
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    year = data.get("year") or today.year
    deadline = services.deadline_for(year)
    rows, counts = queries.board(year, deadline, today, level=data.get("level", ""), area=data.get("area", ""),
                                 state=data.get("state", ""), scope_user=user)
    if wants_xlsx(request):
        columns = [Column(_("Unit"), 45), Column(_("Level"), 14), Column(_("Submission"), 22),
                   Column(_("Document number"), 18), Column(_("Date of the plan"), 12), Column(_("Submitted on"), 12)]
        out = ([r.unit.name, r.unit.get_level_display(), str(STATE_LABELS[r.state]),
                r.submission.document_number if r.submission else "",
                r.submission.issued_on if r.submission else None,
                r.submission.submitted_on if r.submission else None] for r in rows)
        return xlsx_response(f"ke-hoach-don-vi-{year}", columns, out)
    # A province has a few hundred expected units: 100 a page, the counts above cover them all.
    page = paged(request, rows, "page", 100)
    context = {"nav": "plans", "tab": "units", "form": form, "rows": page.object_list, "page_obj": page,
               "counts": counts, "year": year,
               "deadline": deadline, "state_labels": STATE_LABELS, "can_manage": access.can_manage(user),
               "can_submit": access.can_manage(user) or user.role in access.UNIT_ROLES,
               "deadline_set": UnitPlanDeadline.objects.filter(year=year).exists()}
    return render(request, "plans/unit_board.html", context)


def _submittable_units(user):
    qs = queries.expected_units(timezone.localdate())
    return qs if access.can_manage(user) else qs.filter(path__startswith=user.unit.path)


@login_required
@require_http_methods(["GET", "POST"])
def submit(request):
    user = request.user
    if not (access.can_manage(user) or user.role in access.UNIT_ROLES):
        raise PermissionDenied(_("Your role cannot submit a unit's plan."))
    units = _submittable_units(user)
    initial = {"year": timezone.localdate().year}
    if units.filter(pk=user.unit_id).exists():
        initial["unit"] = user.unit
    form = SubmissionForm(posted(request), request.FILES or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.submit_unit_plan(actor=user, unit=data["unit"], year=data["year"],
                                      document_number=data["document_number"], issued_on=data["issued_on"],
                                      uploaded=data["file"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The plan of %(unit)s has been recorded.") % {"unit": data["unit"]})
            return redirect(f"{_board_url()}?year={data['year']}")
    return render(request, "plans/unit_submit.html", {"nav": "plans", "tab": "units", "form": form})


def _board_url():
    from django.urls import reverse

    return reverse("plans:unit_plans")


@login_required
@require_GET
def submission_file(request, pk):
    submission = get_object_or_404(access.submissions_for_user(request.user), pk=pk)
    return file_download(submission.file, submission.original_name)


@login_required
@require_http_methods(["GET", "POST"])
def deadline(request):
    require_manager(request.user)
    year = request.GET.get("year") or request.POST.get("year") or timezone.localdate().year
    try:
        year = int(year)
    except ValueError:
        year = timezone.localdate().year
    if not 2000 <= year <= 2100:  # the form's range; date() fails outside 1..9999 (a 500 before)
        year = timezone.localdate().year
    form = DeadlineForm(posted(request), initial={"year": year, "due_on": services.deadline_for(year)})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_unit_plan_deadline(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The deadline has been saved."))
            return redirect(f"{_board_url()}?year={form.cleaned_data['year']}")
    return render(request, "plans/deadline_form.html", {"nav": "plans", "tab": "units", "form": form})

