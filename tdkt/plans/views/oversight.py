"""Inspections (findings, follow-up actions), training courses and the legal-documents register."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tdkt.core.errors import DomainError
from tdkt.core.exporters import Column, xlsx_response
from tdkt.core.forms import add_domain_error
from tdkt.core.paging import paged
from tdkt.core.text import fold
from tdkt.organizations.scope import in_scope
from tdkt.plans import access, services
from tdkt.plans.forms import (ActionForm, CloseActionForm, CourseForm, FindingForm, InspectionForm, LegalDocumentForm,
                              LegalSearchForm, ParticipationForm)
from tdkt.plans.models import FollowUpAction, LegalDocument, TrainingCourse
from tdkt.plans.views.common import file_download, posted, require_manager, wants_xlsx

# --- Inspections -----------------------------------------------------------------------------


@login_required
@require_GET
def inspection_list(request):
    today = timezone.localdate()
    qs = access.inspections_for_user(request.user).annotate(
        unit_count=Count("units", distinct=True), finding_count=Count("findings", distinct=True),
        open_actions=Count("findings__actions", filter=Q(findings__actions__closed_on__isnull=True), distinct=True),
    ).order_by("-year", "-starts_on", "pk")
    year = request.GET.get("year", "")
    if year.isdigit() and len(year) == 4:  # a 20-digit "year" overflows the column on PostgreSQL
        qs = qs.filter(year=int(year))
    if wants_xlsx(request):
        columns = [Column(_("Year"), 8), Column(_("Subject"), 60), Column(_("Organised by"), 30),
                   Column(_("Starts on"), 12), Column(_("Ends on"), 12), Column(_("Units inspected"), 10),
                   Column(_("Findings"), 10), Column(_("Open actions"), 10)]
        rows = ([i.year, i.subject, i.organiser.name, i.starts_on, i.ends_on, i.unit_count, i.finding_count,
                 i.open_actions] for i in qs)
        return xlsx_response("kiem-tra-giam-sat", columns, rows)
    return render(request, "plans/inspection_list.html", {
        "nav": "plans", "tab": "inspections", "page_obj": paged(request, qs, "page", 25), "year": year,
        "today": today, "can_manage": access.can_manage(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def inspection_create(request):
    require_manager(request.user)
    form = InspectionForm(posted(request), initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            inspection = services.create_inspection(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The inspection has been recorded."))
            return redirect("plans:inspection_detail", pk=inspection.pk)
    return render(request, "plans/simple_form.html", {"nav": "plans", "tab": "inspections", "form": form,
                                                      "heading": _("New inspection"),
                                                      "cancel_url": reverse("plans:inspections")})


def _inspection_context(request, inspection, **forms):
    user, today = request.user, timezone.localdate()
    findings = list(inspection.findings.select_related("unit").prefetch_related("actions__owner"))
    if not user.spans_province:  # a unit sees the findings about itself only
        findings = [f for f in findings if f.unit.path.startswith(user.unit.path)]
    for finding in findings:
        for action in finding.actions.all():
            action.late = action.is_late_on(today)
            action.can_close = action.closed_on is None and access.can_close_action(user, action)
    return {"nav": "plans", "tab": "inspections", "inspection": inspection, "findings": findings, "today": today,
            "units": inspection.units.order_by("path"), "can_manage": access.can_manage(user),
            "team": [line for line in inspection.team.splitlines() if line.strip()],
            "finding_form": forms.get("finding_form") or FindingForm(inspection=inspection),
            "action_form": forms.get("action_form") or ActionForm(),
            "close_form": forms.get("close_form") or CloseActionForm(initial={"closed_on": today}),
            "failed_finding": forms.get("failed_finding"), "failed_action": forms.get("failed_action")}


@login_required
@require_GET
def inspection_detail(request, pk):
    inspection = access.get_inspection_for_user(request.user, pk)
    return render(request, "plans/inspection_detail.html", _inspection_context(request, inspection))


@login_required
@require_POST
def finding_add(request, pk):
    require_manager(request.user)
    inspection = access.get_inspection_for_user(request.user, pk)
    form = FindingForm(request.POST, inspection=inspection)
    if form.is_valid():
        try:
            services.record_finding(inspection, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The finding has been recorded."))
            return redirect("plans:inspection_detail", pk=inspection.pk)
    return render(request, "plans/inspection_detail.html",
                  _inspection_context(request, inspection, finding_form=form), status=400)


@login_required
@require_POST
def action_add(request, pk, finding_pk):
    require_manager(request.user)
    inspection = access.get_inspection_for_user(request.user, pk)
    finding = get_object_or_404(inspection.findings, pk=finding_pk)
    form = ActionForm(request.POST)
    if form.is_valid():
        try:
            services.add_follow_up_action(finding, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The follow-up action has been added."))
            return redirect("plans:inspection_detail", pk=inspection.pk)
    return render(request, "plans/inspection_detail.html",
                  _inspection_context(request, inspection, action_form=form, failed_finding=finding.pk), status=400)


@login_required
@require_POST
def action_close(request, pk, action_pk):
    inspection = access.get_inspection_for_user(request.user, pk)
    action = get_object_or_404(FollowUpAction, pk=action_pk, finding__inspection=inspection)
    if not access.can_close_action(request.user, action):
        raise PermissionDenied(_("Only the responsible unit or the TĐKT Board can close this action."))
    form = CloseActionForm(request.POST)
    if form.is_valid():
        try:
            services.close_action(action, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The follow-up action has been closed."))
            return redirect("plans:inspection_detail", pk=inspection.pk)
    return render(request, "plans/inspection_detail.html",
                  _inspection_context(request, inspection, close_form=form, failed_action=action.pk), status=400)


# --- Training courses ------------------------------------------------------------------------

@login_required
@require_GET
def course_list(request):
    qs = TrainingCourse.objects.select_related("organiser").annotate(total=Sum("participants__headcount")).order_by(
        "-starts_on", "pk")
    if wants_xlsx(request):
        columns = [Column(_("Title"), 60), Column(_("Organised by"), 30), Column(_("Starts on"), 12),
                   Column(_("Ends on"), 12), Column(_("Place"), 30), Column(_("Participants"), 10)]
        rows = ([c.title, c.organiser.name, c.starts_on, c.ends_on, c.place, c.total or 0] for c in qs)
        return xlsx_response("tap-huan", columns, rows)
    return render(request, "plans/course_list.html", {"nav": "plans", "tab": "courses",
                                                      "page_obj": paged(request, qs, "page", 25),
                                                      "can_manage": access.can_manage(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def course_create(request):
    require_manager(request.user)
    form = CourseForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            course = services.create_course(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The training course has been recorded."))
            return redirect("plans:course_detail", pk=course.pk)
    return render(request, "plans/simple_form.html", {"nav": "plans", "tab": "courses", "form": form,
                                                      "heading": _("New training course"),
                                                      "cancel_url": reverse("plans:courses")})


@login_required
@require_http_methods(["GET", "POST"])
def course_detail(request, pk):
    course = get_object_or_404(TrainingCourse.objects.select_related("organiser"), pk=pk)
    form = ParticipationForm(posted(request))
    if request.method == "POST":
        require_manager(request.user)
        if form.is_valid():
            try:
                services.add_participation(course, actor=request.user, **form.cleaned_data)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The participants have been added."))
                return redirect("plans:course_detail", pk=course.pk)
    participants = list(course.participants.select_related("unit", "person").order_by("unit__path"))
    # Courses are province-wide, so every unit sees who attended by unit and headcount; the names
    # of people are personal data and stay within the viewer's unit scope (DESIGN §1).
    for p in participants:
        p.shown_name = p.person.full_name if p.person and (
            request.user.spans_province or in_scope(request.user, p.unit)) else ""
    if wants_xlsx(request):
        columns = [Column(_("Unit"), 45), Column(_("Person"), 30), Column(_("Number of participants"), 10)]
        rows = ([p.unit.name, p.shown_name, p.headcount] for p in participants)
        return xlsx_response(f"tap-huan-{course.pk}", columns, rows)
    return render(request, "plans/course_detail.html", {
        "nav": "plans", "tab": "courses", "course": course, "participants": participants,
        "total": sum(p.headcount for p in participants), "form": form,
        "can_manage": access.can_manage(request.user)}, status=400 if form.errors else 200)


# --- Legal documents -------------------------------------------------------------------------

def search_legal_documents(q: str = "", kind: str = "", in_force_on=None):
    qs = LegalDocument.objects.select_related("replaced_by")
    for word in fold(q).split():
        qs = qs.filter(search_text__contains=word)
    if kind:
        qs = qs.filter(kind=kind)
    if in_force_on:
        qs = qs.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=in_force_on)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=in_force_on))
    return qs


@login_required
@require_GET
def legal_list(request):
    today = timezone.localdate()
    form = LegalSearchForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    qs = search_legal_documents(data.get("q", ""), data.get("kind", ""), today if data.get("in_force") else None)
    if wants_xlsx(request):
        columns = [Column(_("Number"), 20), Column(_("Issued on"), 12), Column(_("Issuer"), 25), Column(_("Type"), 12),
                   Column(_("Summary"), 60), Column(_("In force from"), 12), Column(_("In force until"), 12),
                   Column(_("Replaced by"), 20)]
        rows = ([x.number, x.issued_on, x.issuer, x.get_kind_display(), x.summary, x.valid_from, x.valid_to,
                 x.replaced_by.number if x.replaced_by else ""] for x in qs)
        return xlsx_response("van-ban-phap-luat", columns, rows)
    page = paged(request, qs, "page", 25)
    for doc in page.object_list:
        doc.in_force = doc.in_force_on(today)
    return render(request, "plans/legal_list.html", {"nav": "plans", "tab": "legal", "form": form,
                                                     "page_obj": page, "can_manage": access.can_manage(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def legal_edit(request, pk=None):
    require_manager(request.user)
    document = get_object_or_404(LegalDocument, pk=pk) if pk else LegalDocument()
    form = LegalDocumentForm(posted(request), request.FILES or None, instance=document)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_legal_document(form.save(commit=False), actor=request.user,
                                         uploaded=form.cleaned_data.get("file"))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The legal document has been saved."))
            return redirect("plans:legal")
    return render(request, "plans/simple_form.html", {
        "nav": "plans", "tab": "legal", "form": form, "multipart": True,
        "heading": _("Edit legal document") if pk else _("New legal document"), "cancel_url": reverse("plans:legal")})


@login_required
@require_GET
def legal_file(request, pk):
    document = get_object_or_404(LegalDocument, pk=pk)
    return file_download(document.file, document.file.name.rsplit("/", 1)[-1])
