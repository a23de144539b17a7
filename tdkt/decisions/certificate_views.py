"""Certificate pages: a decision's batch (progress, downloads), one award's certificate, and the
layout editor for printing onto pre-printed blanks.

Who: the TĐKT Board and administrators for every decision and layout; a unit's clerk and head
for decisions their unit (or a unit under it) issued and for those units' layouts. Council
members and signers read the archive but do not print.
"""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tdkt.accounts.models import Role
from tdkt.core.models import TaskRecord
from tdkt.core.paging import paged
from tdkt.decisions import certificates
from tdkt.decisions.certificate_forms import LayoutForm, NewLayoutForm
from tdkt.decisions.models import Award, Decision
from tdkt.documents.certificate_layout import CertificateType, default_fields_json, layout_from_json
from tdkt.documents.certificate_models import CertificateLayout
from tdkt.documents.certificates import (pdf_page_png, render_certificate_docx, render_certificate_pdf,
                                         render_test_page, sample_certificate)
from tdkt.organizations.models import Unit
from tdkt.organizations.scope import in_scope

BOARD_ROLES = frozenset({Role.BOARD_OFFICER, Role.BOARD_HEAD, Role.ADMIN})
UNIT_ROLES = frozenset({Role.UNIT_CLERK, Role.UNIT_HEAD})
PREVIEW_PX_PER_MM = 3  # the preview PNG is drawn at exactly 3 px per millimetre


def may_print_certificates(user, decision: Decision) -> bool:
    if not user.is_authenticated:
        return False
    if user.role in BOARD_ROLES:
        return True
    return user.role in UNIT_ROLES and in_scope(user, decision.issuer)


def may_edit_layout(user, unit: Unit | None) -> bool:
    if user.role in BOARD_ROLES:
        return True
    return unit is not None and user.role in UNIT_ROLES and in_scope(user, unit)


def _decision_for_printing(request, pk) -> Decision:
    decision = get_object_or_404(Decision.objects.select_related("issuer"), pk=pk)
    if not may_print_certificates(request.user, decision):
        raise PermissionDenied(_("Only the TĐKT Board and the issuing unit can print certificates of this decision."))
    return decision


# --- a decision's certificates -------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def decision_certificates(request, pk):
    decision = _decision_for_printing(request, pk)
    awards = certificates.certificate_awards(decision)
    if request.method == "POST":
        if not awards:
            messages.error(request, _("This decision has no valid award that gets a certificate."))
            return redirect("decisions:certificates", pk=decision.pk)
        key = certificates.start_certificate_batch(decision, base_url=certificates.public_base_url(request))
        # The task record appears when the transaction commits: the page is addressed by the key.
        return redirect("decisions:certificate_batch", pk=decision.pk, batch=certificates.batch_id(key))
    by_type = {}
    for award in awards:
        kind = certificates.certificate_type_for(award.entry)
        if kind not in by_type:
            layout, _spec = certificates.layout_for(decision.issuer, kind)
            by_type[kind] = {"label": CertificateType(kind).label, "count": 0, "layout": layout,
                             "editable": layout is not None and may_edit_layout(request.user, layout.unit)}
        by_type[kind]["count"] += 1
    batches = [(record, certificates.batch_id(record.key)) for record in
               TaskRecord.objects.filter(key__startswith=f"certificates:{decision.pk}:").order_by("-created_at")[:5]]
    return render(request, "decisions/certificates/decision.html", {
        "nav": "archive", "decision": decision, "awards": awards, "by_type": by_type.values(),
        # One certificate at a time (a reprint, a correction in Word): a decision can have a
        # thousand lines, so the list is paged.
        "award_page": paged(request, awards, "page", 50),
        "batches": batches, "skipped": decision.awards.count() - len(awards),
    })


class _NotYetQueued:
    """Stands for the task record between the request and the commit that creates it."""

    status, progress, Status = TaskRecord.Status.QUEUED, 0, TaskRecord.Status

    def get_status_display(self):
        return TaskRecord.Status.QUEUED.label


def _batch_record(decision: Decision, batch: str):
    if not re.fullmatch(r"[0-9a-f]{24}", batch):
        raise Http404
    record = TaskRecord.objects.filter(key=f"certificates:{decision.pk}:{batch}",
                                       name=certificates.BATCH_TASK).first()
    if record is None:
        # Only the batch just requested may be waiting for its record; any other address is unknown.
        current = certificates.batch_key(decision, certificates.certificate_awards(decision))
        if certificates.batch_id(current) != batch:
            raise Http404
        return _NotYetQueued()
    return record


@login_required
@require_GET
def certificate_batch(request, pk, batch):
    """The batch page; htmx polls it every second (the fragment alone) until the task ends."""
    decision = _decision_for_printing(request, pk)
    record = _batch_record(decision, batch)
    context = {"nav": "archive", "decision": decision, "record": record, "batch": batch,
               "files": certificates.batch_result(record.key) if record.status == record.Status.DONE else {}}
    if request.headers.get("HX-Request"):
        return render(request, "decisions/certificates/_batch_status.html", context)
    return render(request, "decisions/certificates/batch.html", context)


@login_required
@require_GET
def batch_download(request, pk, batch, kind):
    decision = _decision_for_printing(request, pk)
    record = _batch_record(decision, batch)
    files = certificates.batch_result(record.key) if record.status == record.Status.DONE else {}
    if kind not in files:
        raise Http404(_("The certificates are not ready yet."))
    safe_number = decision.number.replace("/", "-")
    filename = f"giay-chung-nhan-{safe_number}.{'pdf' if kind == 'pdf' else 'zip'}"
    return FileResponse(files[kind].open("rb"), as_attachment=True, filename=filename)


@login_required
@require_GET
def award_certificate(request, pk, fmt):
    """One award's certificate, PDF or DOCX (for a reprint or a correction in Word)."""
    if fmt not in ("pdf", "docx"):
        raise Http404
    award = get_object_or_404(Award.objects.select_related("decision__issuer", "entry", "unit"), pk=pk)
    if not may_print_certificates(request.user, award.decision):
        raise PermissionDenied(_("Only the TĐKT Board and the issuing unit can print certificates of this decision."))
    kind = certificates.certificate_type_for(award.entry)
    if kind is None or award.status != Award.Status.VALID:
        raise Http404(_("This award has no certificate to print."))
    data = certificates.certificate_data(award, base_url=certificates.public_base_url(request))
    name = certificates.docx_name(award)
    if fmt == "docx":
        response = HttpResponse(render_certificate_docx(data), content_type=(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    _layout, spec = certificates.layout_for(award.decision.issuer, kind)
    response = HttpResponse(render_certificate_pdf(data, spec), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name[:-5]}.pdf"'
    return response


# --- layouts ---------------------------------------------------------------------------------------

def _editable_units(user):
    units = Unit.objects.filter(valid_to__isnull=True).order_by("path")
    if user.role not in BOARD_ROLES:
        units = units.filter(path__startswith=user.unit.path)
    return units


def _require_layout_editor(user):
    if user.role not in BOARD_ROLES | UNIT_ROLES:
        raise PermissionDenied(_("Only the TĐKT Board and units' TĐKT staff can edit certificate layouts."))


@login_required
@require_http_methods(["GET", "POST"])
def layout_list(request):
    _require_layout_editor(request.user)
    board = request.user.role in BOARD_ROLES
    form = NewLayoutForm(request.POST or None, units=_editable_units(request.user), allow_default=board,
                         type_choices=CertificateType.choices)
    if request.method == "POST" and form.is_valid():
        unit = Unit.objects.filter(pk=form.cleaned_data["unit"]).first() if form.cleaned_data["unit"] else None
        if not may_edit_layout(request.user, unit):
            raise PermissionDenied
        with transaction.atomic():
            # Start from what the unit prints with today (its nearest layout), not from scratch.
            if unit is not None:
                _current, spec = certificates.layout_for(unit, form.cleaned_data["certificate_type"])
            else:
                spec = None
            layout, created = CertificateLayout.objects.get_or_create(
                unit=unit, certificate_type=form.cleaned_data["certificate_type"],
                defaults={"fields": ({name: box.as_dict() for name, box in spec.boxes.items()} if spec
                                     else default_fields_json()),
                          "print_frame": spec.print_frame if spec else True})
        if not created:
            messages.info(request, _("This layout already exists; it is opened for editing."))
        return redirect("decisions:layout_edit", pk=layout.pk)
    return render(request, "decisions/certificates/layouts.html", {
        "nav": "archive", "layouts": _listed_layouts(request.user, board), "form": form,
    })


def _listed_layouts(user, board: bool) -> list[CertificateLayout]:
    """The Board sees every layout. A unit sees its own (and its sub-units') to edit, and also the
    layouts up its tree and the province default, read-only: those are what its certificates
    print with until it saves its own, so hiding them would say "built-in layout" wrongly."""
    layouts = CertificateLayout.objects.select_related("unit")
    if board:
        listed = list(layouts)
        for layout in listed:
            layout.editable = True
        return listed
    ancestors = [int(part) for part in user.unit.path.strip("/").split("/") if part]
    listed = list(layouts.filter(Q(unit__path__startswith=user.unit.path) | Q(unit_id__in=ancestors)
                                 | Q(unit__isnull=True)))
    for layout in listed:
        layout.editable = may_edit_layout(user, layout.unit)
    return listed


def _layout_for_editing(request, pk) -> CertificateLayout:
    layout = get_object_or_404(CertificateLayout.objects.select_related("unit"), pk=pk)
    if not may_edit_layout(request.user, layout.unit):
        raise PermissionDenied(_("You cannot edit the certificate layout of this unit."))
    return layout


@login_required
@require_http_methods(["GET", "POST"])
def layout_edit(request, pk):
    layout = _layout_for_editing(request, pk)
    if request.method == "POST":
        form = LayoutForm(request.POST)
        if form.is_valid():
            layout.paper = form.cleaned_data["paper"]
            layout.print_frame = form.cleaned_data["print_frame"]
            layout.fields = form.fields_json()
            layout.save()
            messages.success(request, _("The layout was saved (version %(version)d).") % {"version": layout.version})
            return redirect("decisions:layout_edit", pk=layout.pk)
        messages.error(request, _("The layout was not saved: correct the fields marked below."))
    else:
        form = LayoutForm(spec=layout.spec())
    return render(request, "decisions/certificates/layout_edit.html", {
        "nav": "archive", "layout": layout, "form": form,
        "preview_query": _query_of(form) if not form.is_bound or form.is_valid() else "",
    })


def _query_of(form: LayoutForm) -> str:
    from urllib.parse import urlencode

    if form.is_bound:
        values = {name: form.data.get(name) for name in form.fields if form.data.get(name) is not None}
    else:
        values = {name: form.initial.get(name) for name in form.fields}
        values = {name: ("on" if value is True else value) for name, value in values.items()
                  if value not in (None, False)}
    return urlencode(values)


@login_required
@require_GET
def layout_preview(request, pk):
    """The live preview fragment: an image of the page drawn from the values being typed."""
    layout = _layout_for_editing(request, pk)
    form = LayoutForm(request.GET)
    return render(request, "decisions/certificates/_preview.html", {
        "layout": layout, "form": form, "valid": form.is_valid(), "preview_query": _query_of(form),
        "width_px": 297 * PREVIEW_PX_PER_MM, "height_px": 210 * PREVIEW_PX_PER_MM,
    })


@login_required
@require_GET
def layout_preview_png(request, pk):
    layout = _layout_for_editing(request, pk)
    form = LayoutForm(request.GET) if request.GET else LayoutForm(spec=layout.spec())
    spec = layout.spec()
    if form.is_bound and form.is_valid():
        spec = layout_from_json(form.cleaned_data["paper"], form.cleaned_data["print_frame"], form.fields_json())
    pdf = render_test_page(spec, sample_certificate(layout.certificate_type), with_frame=True)
    png = pdf_page_png(pdf, scale=PREVIEW_PX_PER_MM * 25.4 / 72)
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_GET
def layout_test_page(request, pk):
    """The saved layout's alignment page (rulers and field boxes) as a PDF to print."""
    layout = _layout_for_editing(request, pk)
    sample = sample_certificate(layout.certificate_type) if request.GET.get("sample") else None
    response = HttpResponse(render_test_page(layout.spec(), sample), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="trang-in-thu-{layout.pk}-v{layout.version}.pdf"'
    return response


@login_required
@require_POST
def layout_delete(request, pk):
    layout = _layout_for_editing(request, pk)
    layout.delete()
    messages.success(request, _("The layout was deleted; certificates use the next layout up the unit tree."))
    return redirect("decisions:layouts")

