"""Pages of the historical archive import: upload, preview (column matching, every line's
errors), confirm. For the TĐKT Board's officers and administrators (decisions.imports)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tdkt.catalogue.models import Authority
from tdkt.core.errors import DomainError
from tdkt.core.exporters import Column, xlsx_response
from tdkt.core.spreadsheets import EXTENSIONS, limits
from tdkt.decisions import imports
from tdkt.organizations.models import Unit

PAGE_SIZE = 100


class ArchiveUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Archive list"),
                           help_text=gettext_lazy("One line per awardee: decision number, date, signer, award, name, "
                                                  "unit, year. Excel, OpenDocument or a Word table."),
                           widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}))
    issuer = forms.ModelChoiceField(label=gettext_lazy("Issuing body"), queryset=Unit.objects.none(),
                                    empty_label=None)
    authority = forms.ChoiceField(label=gettext_lazy("Deciding authority"), choices=Authority.choices,
                                  initial=Authority.PROVINCE_CHAIR)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = Unit.objects.order_by("path")
        root = Unit.objects.filter(parent__isnull=True).order_by("path").first()
        if root is not None:
            self.fields["issuer"].initial = root.pk


def _require_importer(request):
    if request.user.role not in imports.IMPORT_ROLES:
        raise PermissionDenied(_("Your role cannot do this."))


@login_required
@require_http_methods(["GET", "POST"])
def archive_upload(request):
    _require_importer(request)
    form = ArchiveUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > limits("archive").max_bytes:
                raise DomainError(_("“%(name)s” is larger than the limit of %(limit)s MB.") % {
                    "name": upload.name, "limit": limits("archive").max_bytes // 1048576}, field="file")
            payload = imports.read_archive(actor=request.user, data=upload.read(), filename=upload.name)
        except DomainError as error:
            form.add_error("file", str(error.message))
        else:
            payload.update(issuer=form.cleaned_data["issuer"].pk, authority=form.cleaned_data["authority"])
            token = imports.PreviewStore.save(request.user, payload)
            return redirect("decisions:archive_import_preview", token=token)
    return render(request, "decisions/import_upload.html", {
        "nav": "archive", "form": form, "max_mb": limits("archive").max_bytes // 1048576,
        "max_rows": limits("archive").max_rows})


def _payload(request, token):
    payload = imports.PreviewStore.load(request.user, token)
    if payload is None:
        raise Http404("No such import")
    return payload


@login_required
@require_http_methods(["GET", "POST"])
def archive_preview(request, token):
    _require_importer(request)
    payload = _payload(request, token)
    if request.method == "POST":
        valid = set(imports.FIELDS) - {"ignore"}
        payload["mapping"] = [value if value in valid else "" for value in
                              (request.POST.get(f"col-{i}", "") for i in range(len(payload["labels"])))]
        imports.PreviewStore.update(token, payload)
        messages.success(request, _("Column matching updated; the lines were checked again."))
        return redirect("decisions:archive_import_preview", token=token)
    issuer = Unit.objects.get(pk=payload["issuer"])
    rows = imports.check_archive(payload, issuer=issuer, authority=payload["authority"])
    show = request.GET.get("show", "all")
    shown = [row for row in rows if row.errors or row.warnings] if show == "problems" else rows
    page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    fields = list(dict.fromkeys(name for name in payload["mapping"] if name))
    page.object_list = [{"row": row, "cells": [{"text": row.values.get(name, ""), "errors": row.errors.get(name, []),
                                                "warnings": row.warnings.get(name, [])} for name in fields],
                         "row_errors": row.errors.get("", []), "row_warnings": row.warnings.get("", [])}
                        for row in page.object_list]
    choices = [("", _("— not imported —"))] + [(name, str(label)) for name, (label, _v) in imports.FIELDS.items()
                                                 if name != "ignore"]
    return render(request, "decisions/import_preview.html", {
        "nav": "archive", "token": token, "payload": payload, "issuer": issuer, "page_obj": page, "show": show,
        "columns": [{"index": i, "label": label, "field": payload["mapping"][i]}
                    for i, label in enumerate(payload["labels"])],
        "field_choices": choices, "field_headers": [imports.FIELDS[name][0] for name in fields],
        "total": len(rows), "valid_count": sum(1 for row in rows if row.valid),
        "present_count": sum(1 for row in rows if row.status == "present"),
        "invalid_count": sum(1 for row in rows if row.errors),
        "authority": dict(Authority.choices).get(payload["authority"], "")})


@login_required
@require_POST
def archive_confirm(request, token):
    _require_importer(request)
    payload = _payload(request, token)
    issuer = Unit.objects.get(pk=payload["issuer"])
    try:
        result = imports.confirm_archive(payload, actor=request.user, issuer=issuer, authority=payload["authority"])
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("decisions:archive_import_preview", token=token)
    imports.PreviewStore.discard(token)
    messages.success(request, _("%(awards)d award(s) imported in %(decisions)d new decision(s); %(people)d person(s) "
                                "or collective(s) newly registered.") % {
        "awards": result.awards, "decisions": result.decisions, "people": result.new_people})
    if result.skipped:
        messages.warning(request, _("%(count)d line(s) not imported: %(lines)s") % {
            "count": len(result.skipped),
            "lines": "; ".join(f"{line}: {why}" for line, why in result.skipped[:20])
                     + ("…" if len(result.skipped) > 20 else "")})
    return redirect("decisions:archive_import")


@login_required
@require_POST
def archive_cancel(request, token):
    _require_importer(request)
    _payload(request, token)
    imports.PreviewStore.discard(token)
    messages.info(request, _("Import cancelled; nothing was added to the archive."))
    return redirect("decisions:search")


@login_required
@require_GET
def archive_template(request):
    _require_importer(request)
    columns = [Column(label, width) for label, width in imports.TEMPLATE_COLUMNS]
    return xlsx_response("mau-nhap-so-vang.xlsx", columns, [imports.TEMPLATE_EXAMPLE])
