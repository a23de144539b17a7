"""Download responses for rendered documents (the domain views check access, then call this)."""

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _

from tdkt.core.text import fold
from tdkt.documents.rendering import ConversionFailed, docx_to_pdf, render_docx

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FORMATS = ("docx", "pdf")


def file_response(data: bytes, filename: str, fmt: str) -> HttpResponse:
    response = HttpResponse(data, content_type=DOCX_TYPE if fmt == "docx" else "application/pdf")
    # ASCII only: "Quyết định 1/QĐ-UBND" → "quyet-dinh_1-qd-ubnd".
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in fold(filename).replace(" ", "-"))
    response["Content-Disposition"] = f'attachment; filename="{safe}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def document_response(request, *, code: str, context: dict, fmt: str, filename: str, version=None,
                      back: str = "/"):
    """The document as .docx or .pdf; a failed PDF conversion returns to ``back`` with a message
    (the .docx stays available)."""
    if fmt not in FORMATS:
        raise Http404("Unknown format")
    data = render_docx(code, context, version=version)
    if fmt == "pdf":
        try:
            data = docx_to_pdf(data)
        except ConversionFailed:
            messages.error(request, _("The PDF could not be produced right now; download the Word file instead "
                                      "or try again later."))
            return HttpResponseRedirect(back)
    return file_response(data, filename, fmt)
