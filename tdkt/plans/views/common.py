"""Small helpers shared by the plans pages."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from tdkt.plans.access import can_manage

XLSX = "xlsx"


def wants_xlsx(request) -> bool:
    return request.GET.get("export") == XLSX


def require_manager(user) -> None:
    if not can_manage(user):
        raise PermissionDenied(_("Only the TĐKT Board can do this."))


def posted(request):
    return request.POST if request.method == "POST" else None


def file_download(field, filename: str):
    if not field:
        raise Http404("No file")
    try:
        handle = field.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response


def d(day) -> str:
    return day.strftime("%d/%m/%Y") if day else ""
