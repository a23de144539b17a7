"""Download of a decision with its attached list (DOCX and PDF), rendered with the template
version the decision was made with. Same access as the decision page (the archive is
province-wide information for signed-in staff)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from tdkt.decisions import documents
from tdkt.decisions.models import Decision
from tdkt.documents.http import FORMATS, document_response


@login_required
def decision_document(request, pk, fmt):
    if fmt not in FORMATS:
        raise Http404("Unknown format")
    decision = get_object_or_404(Decision.objects.select_related("issuer__parent"), pk=pk)
    version = documents.decision_template_version(decision)
    return document_response(request, code=documents.CODE, context=documents.decision_context(decision),
                             fmt=fmt, filename=documents.filename(decision), version=version,
                             back=reverse("decisions:decision", args=[decision.pk]))
