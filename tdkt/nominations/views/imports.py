"""Pages of the nominee-list import: upload, preview with column matching and choices, confirm.

Access is that of adding a nominee by hand (the clerk of the dossier's unit, while the dossier
is editable): the dossier is reached through access.get_dossier_for_user (404 outside scope)
and every use case re-checks it. Nothing is written to the dossier before "Confirm".
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tdkt.accounts.models import Role
from tdkt.core.errors import DomainError
from tdkt.core.exporters import Column, xlsx_response
from tdkt.nominations import imports, services
from tdkt.nominations.access import get_dossier_for_user
from tdkt.nominations.forms_imports import ImportUploadForm
from tdkt.nominations.models import ImportBatch

PAGE_SIZE = 100
FILTERS = ("all", "problems", "uncertain", "new", "matched")


def _dossier_for_import(request, pk):
    dossier = get_dossier_for_user(request.user, pk)
    if request.user.role != Role.UNIT_CLERK:
        raise PermissionDenied(_("Your role cannot do this."))
    return dossier


def _batch(request, dossier, batch_pk) -> ImportBatch:
    return get_object_or_404(ImportBatch, pk=batch_pk, dossier=dossier)


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, pk):
    dossier = _dossier_for_import(request, pk)
    if dossier.status not in services.EDITABLE:
        messages.error(request, _("The dossier is “%(status)s” and can no longer be edited.")
                       % {"status": dossier.get_status_display()})
        return redirect("nominations:detail", pk=dossier.pk)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            batch = imports.start_import(dossier, actor=request.user, uploaded=data["file"],
                                         options={"entry": data["entry"], "summary": data["summary"]})
        except DomainError as error:
            form.add_error("file" if error.field == "file" else None, str(error.message))
        else:
            earlier = imports.earlier_import(batch)
            if earlier:
                messages.info(request, _("This file was already imported into this dossier on %(day)s; lines "
                                         "already in the dossier will be skipped.")
                              % {"day": earlier.confirmed_at.strftime("%d/%m/%Y")})
            return redirect("nominations:import_preview", pk=dossier.pk, batch_pk=batch.pk)
    recent = dossier.import_batches.select_related("created_by")[:5]
    return render(request, "nominations/import_upload.html",
                  {"nav": "dossiers", "dossier": dossier, "form": form, "recent": recent,
                   "max_mb": imports.limits("nominees").max_bytes // 1048576,
                   "max_rows": imports.limits("nominees").max_rows})


def _filtered(rows, which: str):
    if which == "problems":
        return [row for row in rows if row.errors or row.warnings]
    if which == "uncertain":
        return [row for row in rows if row.status == "uncertain"]
    if which in ("new", "matched"):
        return [row for row in rows if row.status == which and row.valid]
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def preview(request, pk, batch_pk):
    dossier = _dossier_for_import(request, pk)
    batch = _batch(request, dossier, batch_pk)
    if batch.state != ImportBatch.State.PREVIEW:
        messages.info(request, _("This import is finished."))
        return redirect("nominations:detail", pk=dossier.pk)
    if request.method == "POST":
        # Column matching and the choices for uncertain people are kept on the batch.
        if "mapping" in request.POST:
            imports.set_mapping(batch, [request.POST.get(f"col-{i}", "") for i in range(len(batch.labels))])
            messages.success(request, _("Column matching updated; the lines were checked again."))
        choices = {key[7:]: value for key, value in request.POST.items() if key.startswith("choice-")}
        if choices:
            imports.set_choices(batch, choices)
            if "mapping" not in request.POST:
                messages.success(request, _("Your choices are saved."))
        return redirect(f"{reverse('nominations:import_preview', args=[dossier.pk, batch.pk])}"
                        f"?{request.GET.urlencode()}")
    result = imports.check_batch(batch, actor=request.user)
    which = request.GET.get("show") if request.GET.get("show") in FILTERS else "all"
    page = Paginator(_filtered(result.rows, which), PAGE_SIZE).get_page(request.GET.get("page"))
    fields = list(dict.fromkeys(name for name in batch.mapping if name))
    page.object_list = [_row_view(row, fields) for row in page.object_list]
    columns = [{"index": i, "label": label, "field": batch.mapping[i] if i < len(batch.mapping) else ""}
               for i, label in enumerate(batch.labels)]
    return render(request, "nominations/import_preview.html", {
        "nav": "dossiers", "dossier": dossier, "batch": batch, "page_obj": page, "show": which,
        "columns": columns, "field_choices": imports.field_choices(), "fields": fields,
        "field_headers": [imports.FIELDS[name][0] for name in fields],
        "total": len(result.rows), "valid_count": len(result.valid_rows),
        "new_count": result.count("new"), "matched_count": result.count("matched"),
        "present_count": result.count("present"), "invalid_count": result.invalid_count,
        "uncertain_count": result.uncertain_count, "filters": FILTERS,
    })


def _row_view(row, fields):
    """A checked row laid out for the table: one cell per mapped field with its messages."""
    values = row.values
    cells = [{"text": values.get(name, ""), "errors": row.errors.get(name, []),
              "warnings": row.warnings.get(name, [])} for name in fields]
    return {"row": row, "cells": cells, "row_errors": row.errors.get(imports.ROW, []),
            "row_warnings": row.warnings.get(imports.ROW, []),
            "candidates": [(f"person:{p.pk}", imports.person_label(p)) for p in row.candidates],
            "person_label": imports.person_label(row.person) if row.person is not None else ""}


@login_required
@require_POST
def confirm(request, pk, batch_pk):
    dossier = _dossier_for_import(request, pk)
    batch = _batch(request, dossier, batch_pk)
    choices = {key[7:]: value for key, value in request.POST.items() if key.startswith("choice-")}
    if choices and batch.state == ImportBatch.State.PREVIEW:
        imports.set_choices(batch, choices)
    try:
        result = imports.confirm_batch(batch, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("nominations:detail", pk=dossier.pk)
    messages.success(request, _("%(added)d nominee(s) imported (%(new)d newly registered).")
                     % {"added": result.added, "new": result.new_people})
    if result.skipped:
        lines = ", ".join(str(line) for line, _why in result.skipped[:30])
        more = "…" if len(result.skipped) > 30 else ""
        messages.warning(request, _("%(count)d line(s) not imported (lines %(lines)s%(more)s); see the import "
                                    "report.") % {"count": len(result.skipped), "lines": lines, "more": more})
    return redirect("nominations:import_report", pk=dossier.pk, batch_pk=batch.pk)


@login_required
@require_GET
def report(request, pk, batch_pk):
    dossier = get_dossier_for_user(request.user, pk)
    batch = _batch(request, dossier, batch_pk)
    skipped = (batch.result or {}).get("skipped", [])
    page = Paginator(skipped, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "nominations/import_report.html",
                  {"nav": "dossiers", "dossier": dossier, "batch": batch, "page_obj": page})


@login_required
@require_POST
def cancel(request, pk, batch_pk):
    dossier = _dossier_for_import(request, pk)
    batch = _batch(request, dossier, batch_pk)
    try:
        imports.cancel_batch(batch, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.info(request, _("Import cancelled; nothing was added to the dossier."))
    return redirect("nominations:detail", pk=dossier.pk)


@login_required
@require_GET
def template(request, pk):
    """The blank list to fill in: the headers the import recognises and one example line."""
    get_dossier_for_user(request.user, pk)
    columns = [Column(label, width) for label, width in imports.TEMPLATE_COLUMNS]
    return xlsx_response("mau-danh-sach-de-nghi-khen-thuong.xlsx", columns, imports.template_rows())


urlpatterns = [
    path("<int:pk>/nhap-danh-sach/", upload, name="import_upload"),
    path("<int:pk>/nhap-danh-sach/mau.xlsx", template, name="import_template"),
    path("<int:pk>/nhap-danh-sach/<int:batch_pk>/", preview, name="import_preview"),
    path("<int:pk>/nhap-danh-sach/<int:batch_pk>/xac-nhan/", confirm, name="import_confirm"),
    path("<int:pk>/nhap-danh-sach/<int:batch_pk>/huy/", cancel, name="import_cancel"),
    path("<int:pk>/nhap-danh-sach/<int:batch_pk>/ket-qua/", report, name="import_report"),
]
