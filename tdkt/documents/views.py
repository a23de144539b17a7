"""Administrator's pages for document templates: list, versions, upload of a new version (refused
with the unknown placeholders listed), going back to an earlier version, the placeholder registry
with labels and samples, and a sample render of any version.

Only the system administrator (role ``admin``) reaches them. The role is compared by its value:
this layer sits below ``accounts`` and imports no domain model.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tdkt.core.admin import record_audit
from tdkt.core.errors import DomainError
from tdkt.documents.http import document_response
from tdkt.documents.models import DocumentTemplate, DocumentTemplateVersion
from tdkt.documents.registry import SPECS
from tdkt.documents.templates_store import ensure_template, make_current, upload_template_version

ADMIN_ROLE = "admin"  # tdkt.accounts.models.Role.ADMIN
# How placeholders are written in Word (shown on the page; Django templates cannot print braces literally).
SYNTAX = {"field": "{{ ho_ten }}", "opening": "{%tr for d in de_nghi %}", "row": "{{ d.ho_ten }}",
          "closing": "{%tr endfor %}"}


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Template file (.docx)"),
                           help_text=gettext_lazy("Edit the current version in Word, keep the placeholders "
                                                  "listed below, and upload it here."))
    note = forms.CharField(label=gettext_lazy("What changed"), max_length=300, required=False)


def _admin_only(request):
    if getattr(request.user, "role", None) != ADMIN_ROLE:
        return render(request, "documents/forbidden.html", {"nav": "templates"}, status=403)
    return None


def _template_or_404(code):
    if code not in SPECS:
        raise Http404("Unknown template")
    return ensure_template(code)


@login_required
def template_list(request):
    if refused := _admin_only(request):
        return refused
    for code in SPECS:
        ensure_template(code)
    templates = DocumentTemplate.objects.filter(code__in=SPECS).prefetch_related("versions")
    rows = [{"template": t, "current": next((v for v in t.versions.all() if v.is_current), None),
             "count": len(t.versions.all())} for t in templates]
    return render(request, "documents/template_list.html", {"rows": rows, "nav": "templates"})


def _registry_rows(spec):
    """The registry as table rows: loop fields followed by their own fields, indented."""
    rows = []

    def add(field, prefix, depth):
        rows.append({"name": prefix + field.name, "label": field.label, "depth": depth, "is_list": field.is_list,
                     "sample": " / ".join(field.sample or []) if field.is_list and not field.fields
                     else "" if field.is_list else field.sample})
        for child in field.fields:
            add(child, f"{prefix}{field.name}[].", depth + 1)

    for field in spec.fields:
        add(field, "", 0)
    return rows


@login_required
def template_detail(request, code, form=None):
    if refused := _admin_only(request):
        return refused
    template = _template_or_404(code)
    return render(request, "documents/template_detail.html", {
        "template": template, "versions": template.versions.select_related("uploaded_by").order_by("-number"),
        "form": form or UploadForm(), "registry": _registry_rows(SPECS[code]), "syntax": SYNTAX,
        "nav": "templates"})


@login_required
@require_POST
def template_upload(request, code):
    if refused := _admin_only(request):
        return refused
    _template_or_404(code)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            version = upload_template_version(code, form.cleaned_data["file"], actor=request.user,
                                              note=form.cleaned_data["note"])
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            record_audit(request.user, "created", version, {"template": code, "number": version.number,
                                                            "file": version.original_name})
            messages.success(request, _("Version %(number)d of “%(title)s” is uploaded and is now used for new "
                                        "documents.") % {"number": version.number, "title": version.template.title})
            return redirect("documents:template", code)
    return template_detail(request, code, form=form)


def _version_or_404(code, number) -> DocumentTemplateVersion:
    _template_or_404(code)
    return get_object_or_404(DocumentTemplateVersion.objects.select_related("template"),
                             template__code=code, number=number)


@login_required
@require_POST
def version_make_current(request, code, number):
    if refused := _admin_only(request):
        return refused
    version = make_current(_version_or_404(code, number))
    record_audit(request.user, "changed", version, {"is_current": [False, True]})
    messages.success(request, _("Version %(number)d is now used for new documents.") % {"number": version.number})
    return redirect("documents:template", code)


@login_required
def version_download(request, code, number):
    if refused := _admin_only(request):
        return refused
    version = _version_or_404(code, number)
    return FileResponse(version.file.open("rb"), as_attachment=True, filename=f"{code}_v{version.number}.docx")


@login_required
def version_sample(request, code, number, fmt):
    """The version filled with the registry's sample values: how a real document will look."""
    if refused := _admin_only(request):
        return refused
    version = _version_or_404(code, number)
    return document_response(request, code=code, context=SPECS[code].sample_context(), fmt=fmt,
                             filename=f"mau-thu_{code}_v{version.number}", version=version,
                             back=reverse("documents:template", args=[code]))
