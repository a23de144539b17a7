"""Downloads of the dossier's papers (DOCX and PDF): Tờ trình, Tờ trình thẩm định, Báo cáo thành
tích of each nominee, and the council meeting's Biên bản họp and Biên bản kiểm phiếu.

Access is the same as the page the link is on: dossiers through ``access.get_dossier_for_user``
(404 outside the scope), meetings for the council viewers, and the vote count of a meeting still
open only for the secretary (ballot privacy, as on the meeting page).
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _

from tdkt.accounts.models import Role
from tdkt.documents.http import document_response
from tdkt.nominations import documents
from tdkt.nominations.access import get_dossier_for_user, get_nomination_for_user
from tdkt.nominations.models import CouncilSession, Status
from tdkt.nominations.views.council import COUNCIL_VIEWERS, _forbidden

# The Board's appraisal exists from these statuses on.
APPRAISED_STATUSES = frozenset({Status.APPRAISED, Status.IN_CONSULTATION, Status.AT_COUNCIL, Status.COUNCIL_DONE,
                                Status.FORWARDED, Status.DECIDED})


@login_required
def dossier_submission(request, pk, fmt):
    dossier = get_dossier_for_user(request.user, pk)
    return document_response(request, code="to_trinh_de_nghi", context=documents.submission_context(dossier),
                             fmt=fmt, filename=f"to-trinh_{dossier.code}",
                             back=reverse("nominations:detail", args=[dossier.pk]))


@login_required
def dossier_appraisal(request, pk, fmt):
    dossier = get_dossier_for_user(request.user, pk)
    if dossier.status not in APPRAISED_STATUSES:
        raise Http404("Not appraised yet")
    return document_response(request, code="to_trinh_tham_dinh", context=documents.appraisal_context(dossier),
                             fmt=fmt, filename=f"to-trinh-tham-dinh_{dossier.code}",
                             back=reverse("nominations:detail", args=[dossier.pk]))


@login_required
def nomination_report(request, pk, nomination_pk, fmt):
    dossier = get_dossier_for_user(request.user, pk)
    nomination = get_nomination_for_user(request.user, dossier, nomination_pk)
    return document_response(request, code=documents.report_code(nomination),
                             context=documents.report_context(nomination), fmt=fmt,
                             filename=f"bao-cao-thanh-tich_{dossier.code}_{nomination.pk}",
                             back=reverse("nominations:detail", args=[dossier.pk]))


SESSION_DOCUMENTS = {"bien-ban-hop": "bien_ban_hop", "bien-ban-kiem-phieu": "bien_ban_kiem_phieu"}


@login_required
def session_document(request, pk, kind, fmt):
    if request.user.role not in COUNCIL_VIEWERS:
        return _forbidden(request, _("Council meetings are open to the council, the TĐKT Board and the signers."))
    if kind not in SESSION_DOCUMENTS:
        raise Http404("Unknown document")
    session = get_object_or_404(CouncilSession.objects.select_related("council__unit"), pk=pk)
    if session.state == CouncilSession.State.OPEN and request.user.role != Role.COUNCIL_SECRETARY:
        return _forbidden(request, _("The vote count is shown when the meeting is closed."))
    return document_response(request, code=SESSION_DOCUMENTS[kind], context=documents.session_context(session),
                             fmt=fmt, filename=f"{kind}_{session.held_on:%Y-%m-%d}_{session.pk}",
                             back=reverse("nominations:council_session", args=[session.pk]))


urlpatterns = [
    path("<int:pk>/van-ban/to-trinh.<str:fmt>", dossier_submission, name="document_submission"),
    path("<int:pk>/van-ban/to-trinh-tham-dinh.<str:fmt>", dossier_appraisal, name="document_appraisal"),
    path("<int:pk>/van-ban/bao-cao-thanh-tich/<int:nomination_pk>.<str:fmt>", nomination_report,
         name="document_report"),
    path("hoi-dong/phien-hop/<int:pk>/van-ban/<slug:kind>.<str:fmt>", session_document, name="document_session"),
]
