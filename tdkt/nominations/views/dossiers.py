"""Dossier pages up to the appraisal: work lists, the dossier itself, nominees, documents,
generic workflow actions, return for supplement and the appraisal.

Every dossier is reached through ``access.get_dossier_for_user`` (404 outside scope);
every change is a POST through a use case in ``services`` and ends in a redirect.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tdkt.accounts.models import Role
from tdkt.core.errors import DomainError
from tdkt.core.exporters import wants_xlsx
from tdkt.core.forms import add_domain_error
from tdkt.nominations import eligibility, exports, queries, services
from tdkt.nominations.access import dossiers_for_user, get_dossier_for_user, get_nomination_for_user
from tdkt.nominations.forms import (
    AppraisalForm, AttachmentForm, DossierCreateForm, DossierFilterForm, NewPersonForm, NominationForm, ReturnForm,
    SubjectKindForm, TransitionForm, search_subjects,
)
from tdkt.nominations.models import Status
from tdkt.nominations.workflow import TERMINAL, TRANSITIONS, available_transitions, check_transition, owner_role
from tdkt.organizations.models import SubjectKind

PAGE_SIZE = 25

# Transitions applied by this module, each through its use case (never apply_transition directly).
SERVICES = {
    "request_approval": services.request_approval,
    "send_back": services.send_back,
    "submit": services.submit_dossier,
    "withdraw": services.withdraw_dossier,
    "receive": services.receive_dossier,
    "complete_appraisal": services.complete_appraisal,
    "reopen_appraisal": services.reopen_appraisal,
    "send_to_council": services.send_to_council,
    "forward_to_central": services.forward_to_central,
}
# Transitions that need their own form: URL name, and whether it takes the dossier's pk.
FORM_PAGES = {
    "return_for_supplement": ("nominations:return_for_supplement", True),
    "open_consultation": ("nominations:open_consultation", True),
    "issue_decision": ("nominations:issue_decision", True),
    "record_central_result": ("nominations:record_central_result", True),
    "record_council_result": ("nominations:council_sessions", False),
}
# Irreversible or backwards moves ask for confirmation in the browser.
CONFIRM = {
    "withdraw": gettext_lazy("Withdraw this dossier? A withdrawn dossier cannot be reopened."),
    "send_back": gettext_lazy("Send this dossier back to the clerk?"),
    "reopen_appraisal": gettext_lazy("Reopen the appraisal of this dossier?"),
    "forward_to_central": gettext_lazy("Forward this dossier to the central level?"),
}
PRIMARY = frozenset({"request_approval", "submit", "receive", "complete_appraisal", "send_to_council",
                     "forward_to_central"})

WORKLIST_HEADINGS = {
    Role.UNIT_CLERK: (gettext_lazy("Dossiers to prepare or supplement"),
                      gettext_lazy("Drafts of your unit, and dossiers the TĐKT Board returned for supplement.")),
    Role.UNIT_HEAD: (gettext_lazy("Dossiers awaiting your approval"),
                     gettext_lazy("Approve and submit what your unit proposes, or send it back to the clerk.")),
    Role.BOARD_OFFICER: (gettext_lazy("Dossiers to receive, appraise or forward"),
                         gettext_lazy("Submitted dossiers to receive, received ones to appraise, "
                                      "state-level ones to forward and central results to record.")),
    Role.BOARD_HEAD: (gettext_lazy("Appraised dossiers to post or send to the council"),
                      gettext_lazy("Review the appraisal, post nominees publicly where the law asks, "
                                   "and send the dossiers to the council.")),
    Role.COUNCIL_SECRETARY: (gettext_lazy("Dossiers before the council"),
                             gettext_lazy("Put them on a meeting's agenda, record votes and the minutes.")),
    Role.COUNCIL_MEMBER: (gettext_lazy("Dossiers before the council"),
                          gettext_lazy("Study the nominees before the council meets.")),
    Role.SIGNER: (gettext_lazy("Dossiers awaiting your decision"),
                  gettext_lazy("Dossiers the council has reviewed, ready for the decision.")),
    Role.ADMIN: (gettext_lazy("All open dossiers"),
                 gettext_lazy("Every dossier that has not been decided or withdrawn.")),
}


# --- Helpers -------------------------------------------------------------------------------

def _require_role(user, *roles) -> None:
    if user.role not in roles:
        raise PermissionDenied(_("Your role cannot do this."))


def _posted(request):
    """POST data for binding a form, even when empty (an empty POST must still be validated)."""
    return request.POST if request.method == "POST" else None


def _page(request, qs):
    return Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))


def _to_detail(dossier):
    return redirect("nominations:detail", pk=dossier.pk)


def _after_change(request, dossier):
    """Back to the dossier, or to the work list when the change moved it out of the user's sight."""
    if dossiers_for_user(request.user).filter(pk=dossier.pk).exists():
        return _to_detail(dossier)
    return redirect("nominations:worklist")


def _form_page_url(name: str, dossier) -> str:
    url_name, with_pk = FORM_PAGES[name]
    return reverse(url_name, args=[dossier.pk]) if with_pk else reverse(url_name)


def _actions(user, dossier) -> list[dict]:
    """The workflow actions this user may take now, with what still blocks them."""
    actions = []
    for transition in available_transitions(dossier, user):
        try:
            check_transition(dossier, transition.name, actor=user, note="-")
            blocked = ""
        except DomainError as error:
            blocked = str(error.message)
        action = {"name": transition.name, "label": transition.label, "blocked": blocked,
                  "note_required": transition.note_required, "confirm": CONFIRM.get(transition.name, ""),
                  "primary": transition.name in PRIMARY}
        if transition.name in FORM_PAGES:
            action["url"] = _form_page_url(transition.name, dossier)
            action["link"] = True
        elif transition.name in SERVICES:
            action["url"] = reverse("nominations:transition", args=[dossier.pk, transition.name])
            action["link"] = False
        else:
            continue
        actions.append(action)
    return actions


def _list_context(request, form, qs, *, today):
    page = _page(request, qs)
    page.object_list = queries.decorate(page.object_list, today=today)
    return {"filter_form": form, "page_obj": page, "today": today}


# --- Lists ---------------------------------------------------------------------------------

@login_required
@require_GET
def worklist(request):
    """"Việc cần xử lý": what waits for the user's role, most urgent first."""
    user, today = request.user, timezone.localdate()
    base = queries.worklist_for_user(user)
    counts = queries.status_counts(base)
    form = DossierFilterForm(request.GET or None, user=user, statuses={value for value, _l, _n in counts} or None)
    qs = queries.by_due_date(queries.filter_dossiers(base, form.filters))
    if wants_xlsx(request):
        return exports.dossiers_xlsx(queries.with_owner(qs), name="viec-can-xu-ly")
    heading, intro = WORKLIST_HEADINGS.get(user.role, WORKLIST_HEADINGS[Role.ADMIN])
    context = _list_context(request, form, qs, today=today)
    context.update(nav="worklist", heading=heading, intro=intro, counts=counts,
                   total=sum(n for _v, _l, n in counts),
                   overdue_count=base.filter(step_due_on__lt=today).count(),
                   current_status=form.filters.get("status", ""))
    return render(request, "nominations/worklist.html", context)


@login_required
@require_GET
def dossier_list(request):
    user, today = request.user, timezone.localdate()
    form = DossierFilterForm(request.GET or None, user=user)
    qs = queries.with_owner(dossiers_for_user(user))
    qs = queries.filter_dossiers(qs, form.filters).order_by("-created_at", "-pk")
    if wants_xlsx(request):
        return exports.dossiers_xlsx(qs)
    context = _list_context(request, form, qs, today=today)
    context.update(nav="dossiers", can_create=user.role == Role.UNIT_CLERK)
    return render(request, "nominations/dossier_list.html", context)


@login_required
@require_GET
def overdue(request):
    """"Hồ sơ quá hạn": past the due date of their step, grouped by who owns the step."""
    user, today = request.user, timezone.localdate()
    form = DossierFilterForm(request.GET or None, user=user, with_owner=True)
    qs = queries.filter_dossiers(queries.overdue_dossiers(user, today), form.filters)
    if wants_xlsx(request):
        return exports.dossiers_xlsx(qs, name="ho-so-qua-han")
    page = _page(request, qs)
    page.object_list = queries.decorate_overdue(page.object_list, today=today)
    return render(request, "nominations/overdue.html",
                  {"nav": "overdue", "filter_form": form, "page_obj": page, "today": today})


# --- Creating and showing a dossier -------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    _require_role(request.user, Role.UNIT_CLERK)
    form = DossierCreateForm(_posted(request), user=request.user)
    if not form.is_bound:  # the suggestions page links here with the title, kind and year filled in
        form.initial.update({key: request.GET[key][:300] for key in ("title", "kind", "year") if request.GET.get(key)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            dossier = services.create_dossier(actor=request.user, unit=data["unit"], title=data["title"],
                                              kind=data["kind"], year=data["year"], movement=data["movement"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Dossier %(code)s created. Add its nominees and documents.")
                             % {"code": dossier.code})
            return _to_detail(dossier)
    return render(request, "nominations/dossier_create.html", {"form": form, "nav": "dossiers"})


@login_required
@require_GET
def detail(request, pk):
    user, today = request.user, timezone.localdate()
    dossier = get_dossier_for_user(user, pk)
    if wants_xlsx(request):
        return exports.nominations_xlsx(dossier)
    nominations = queries.nominations_for_detail(dossier)
    attachments = list(dossier.attachments.select_related(
        "uploaded_by", "nomination__person", "nomination__collective", "nomination__household"))
    items = list(dossier.supplement_items.select_related(
        "requested_by", "nomination__person", "nomination__collective", "nomination__household"))
    open_by_nomination = {}
    for item in items:
        if item.resolved_at is None and item.nomination_id:
            open_by_nomination.setdefault(item.nomination_id, []).append(item)
    for nomination in nominations:
        nomination.open_items = open_by_nomination.get(nomination.pk, [])
    if dossier.status not in TERMINAL:  # the clerk's pre-check and everyone's view of the rules
        eligibility.attach_results(nominations)
    role = owner_role(dossier) if dossier.status not in TERMINAL else None
    editable = user.role == Role.UNIT_CLERK and dossier.status in services.EDITABLE
    context = {
        "nav": "dossiers", "dossier": dossier, "today": today,
        "is_overdue": bool(dossier.step_due_on and dossier.step_due_on < today and role),
        "owner": queries.owner_label(role, dossier.unit) if role else "",
        "nominations": nominations, "attachments": attachments,
        "open_items": [item for item in items if item.resolved_at is None],
        "resolved_items": [item for item in items if item.resolved_at is not None],
        "checklist": queries.checklist(dossier, nominations, attachments),
        "timeline": queries.timeline(dossier),
        "actions": _actions(user, dossier),
        "editable": editable,
        "can_appraise": user.role == Role.BOARD_OFFICER and dossier.status == Status.RECEIVED,
    }
    return render(request, "nominations/detail.html", context)


# --- Generic workflow actions ---------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def transition(request, pk, name):
    """Apply one generic transition through its use case; GET shows a confirmation page."""
    dossier = get_dossier_for_user(request.user, pk)
    if name in FORM_PAGES:
        return redirect(_form_page_url(name, dossier))
    service = SERVICES.get(name)
    if service is None:
        raise Http404
    step = TRANSITIONS[name]
    if request.user.role not in step.roles:
        raise PermissionDenied(_("Your role cannot do this."))
    form = TransitionForm(_posted(request), transition=step)
    if request.method == "POST" and form.is_valid():
        try:
            service(dossier, actor=request.user, note=form.cleaned_data["note"])
        except DomainError as error:
            if error.field == "note":
                add_domain_error(form, error)
            else:
                messages.error(request, str(error.message))
                return _to_detail(dossier)
        else:
            messages.success(request, _("%(action)s: done. The dossier is now “%(status)s”.") % {
                "action": step.label, "status": dossier.get_status_display()})
            return _after_change(request, dossier)
    return render(request, "nominations/transition.html",
                  {"nav": "dossiers", "dossier": dossier, "step": step, "form": form,
                   "confirm": CONFIRM.get(name, "")})


@login_required
@require_http_methods(["GET", "POST"])
def return_for_supplement(request, pk):
    dossier = get_dossier_for_user(request.user, pk)
    _require_role(request.user, Role.BOARD_OFFICER)
    if dossier.status not in TRANSITIONS["return_for_supplement"].sources:
        messages.error(request, _("The dossier is “%(status)s”; it cannot be returned now.")
                       % {"status": dossier.get_status_display()})
        return _to_detail(dossier)
    nominations = queries.nominations_for_detail(dossier)
    form = ReturnForm(_posted(request), nominations=nominations)
    if request.method == "POST" and form.is_valid():
        try:
            services.return_for_supplement(dossier, actor=request.user, reason=form.cleaned_data["reason"],
                                           items=form.items())
        except DomainError as error:
            if error.field == "note":
                error.field = "reason"
            add_domain_error(form, error)
        else:
            messages.success(request, _("Dossier %(code)s returned to the unit for supplement.")
                             % {"code": dossier.code})
            return _to_detail(dossier)
    return render(request, "nominations/return_form.html",
                  {"nav": "dossiers", "dossier": dossier, "form": form, "nominations": nominations})


# --- Nominees ------------------------------------------------------------------------------------

def _editable_dossier(request, pk):
    """The dossier, for its clerk, while it can still be edited; otherwise None (with a message)."""
    dossier = get_dossier_for_user(request.user, pk)
    _require_role(request.user, Role.UNIT_CLERK)
    if dossier.status not in services.EDITABLE:
        messages.error(request, _("The dossier is “%(status)s” and can no longer be edited.")
                       % {"status": dossier.get_status_display()})
        return dossier, False
    return dossier, True


def _subject_kind(value) -> str:
    return value if value in SubjectKind.values else SubjectKind.PERSON


@login_required
@require_http_methods(["GET", "POST"])
def nomination_add(request, pk):
    dossier, editable = _editable_dossier(request, pk)
    if not editable:
        return _to_detail(dossier)
    user = request.user
    source = request.POST if request.method == "POST" else request.GET
    kind = _subject_kind(source.get("subject_kind") or source.get("kind"))
    query = (source.get("q") or "").strip()[:100]
    search_form = SubjectKindForm(initial={"kind": kind, "q": query})
    form = NominationForm(_posted(request), user=user, dossier=dossier, kind=kind)
    person_form = NewPersonForm(_posted(request), user=user) if kind == SubjectKind.PERSON else None
    if request.method == "POST":
        form.is_valid()
        subject = form.subject_object
        new_person = person_form is not None and person_form.is_filled
        if "subject" not in form.errors:
            if subject is not None and new_person:
                form.add_error("subject", _("Choose an existing nominee or enter a new person, not both."))
            elif subject is None and not new_person:
                form.add_error("subject", _("Choose a nominee from the search results, or enter a new person."))
        person_ok = not new_person or person_form.is_valid()
        if not form.errors and person_ok:
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    if new_person:
                        subject = person_form.save()
                    services.add_nomination(
                        dossier, actor=user, subject=subject, entry=data["entry"],
                        achievement_summary=data["achievement_summary"], position_text=data["position_text"],
                        period_from_year=data["period_from_year"], period_to_year=data["period_to_year"])
            except DomainError as error:
                if new_person:
                    person_form.instance.pk = None
                add_domain_error(form, error)
            else:
                messages.success(request, _("%(name)s added to dossier %(code)s.")
                                 % {"name": subject, "code": dossier.code})
                if "another" in request.POST:
                    return redirect(f"{reverse('nominations:nomination_add', args=[dossier.pk])}?kind={kind}")
                return _to_detail(dossier)
    choices = search_subjects(user, kind, query)
    selected = form.subject_object
    if selected is not None and selected not in choices:
        choices.insert(0, selected)
    return render(request, "nominations/nomination_form.html", {
        "nav": "dossiers", "dossier": dossier, "form": form, "search_form": search_form,
        "person_form": person_form, "kind": kind, "query": query, "choices": choices,
        "selected_pk": selected.pk if selected is not None else None,
        "kind_label": SubjectKind(kind).label})


@login_required
@require_GET
def subject_suggestions(request, pk):
    """htmx: the list of matching nominees in the clerk's scope, as an HTML fragment."""
    dossier = get_dossier_for_user(request.user, pk)
    _require_role(request.user, Role.UNIT_CLERK)
    kind = _subject_kind(request.GET.get("kind"))
    query = (request.GET.get("q") or "").strip()[:100]
    return render(request, "nominations/_subject_choices.html", {
        "dossier": dossier, "kind": kind, "query": query, "choices": search_subjects(request.user, kind, query),
        "selected_pk": None})


@login_required
@require_POST
def nomination_remove(request, pk, nomination_pk):
    dossier = get_dossier_for_user(request.user, pk)
    _require_role(request.user, Role.UNIT_CLERK)
    nomination = get_nomination_for_user(request.user, dossier, nomination_pk)
    label = str(nomination.subject)
    try:
        services.remove_nomination(nomination, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("%(name)s removed from the dossier.") % {"name": label})
    return _to_detail(dossier)


# --- Documents -------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def attachment_add(request, pk):
    dossier, editable = _editable_dossier(request, pk)
    if not editable:
        return _to_detail(dossier)
    form = AttachmentForm(_posted(request), request.FILES if request.method == "POST" else None, dossier=dossier)
    if not form.is_bound:  # links from the checklist and the nominee rows preselect what is missing
        form.initial.update({key: request.GET[key] for key in ("kind", "nomination") if request.GET.get(key)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            attachment = services.add_attachment(dossier, actor=request.user, kind=data["kind"],
                                                 uploaded=data["file"], nomination=data["nomination"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("“%(name)s” attached.") % {"name": attachment.original_name})
            if "another" in request.POST:
                return redirect("nominations:attachment_add", pk=dossier.pk)
            return _to_detail(dossier)
    return render(request, "nominations/attachment_form.html", {"nav": "dossiers", "dossier": dossier, "form": form})


@login_required
@require_GET
def attachment_download(request, pk, attachment_pk):
    """Documents are served only through here, after the scope check (never a public media URL)."""
    dossier = get_dossier_for_user(request.user, pk)
    attachment = get_object_or_404(dossier.attachments, pk=attachment_pk)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=attachment.original_name)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def attachment_remove(request, pk, attachment_pk):
    dossier = get_dossier_for_user(request.user, pk)
    _require_role(request.user, Role.UNIT_CLERK)
    attachment = get_object_or_404(dossier.attachments, pk=attachment_pk)
    name = attachment.original_name
    try:
        services.remove_attachment(attachment, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("“%(name)s” removed.") % {"name": name})
    return _to_detail(dossier)


# --- Appraisal ------------------------------------------------------------------------------------

class _Rollback(Exception):
    pass


@login_required
@require_http_methods(["GET", "POST"])
def appraise(request, pk):
    dossier = get_dossier_for_user(request.user, pk)
    _require_role(request.user, Role.BOARD_OFFICER)
    if dossier.status != Status.RECEIVED:
        messages.error(request, _("The dossier is “%(status)s”; it can be appraised only after it is received.")
                       % {"status": dossier.get_status_display()})
        return _to_detail(dossier)
    nominations = queries.nominations_for_detail(dossier)
    attachments = list(dossier.attachments.all())
    for nomination in nominations:
        nomination.files = [a for a in attachments if a.nomination_id == nomination.pk]
    eligibility.attach_results(nominations)  # every rule for every nominee, in one batch
    data = request.POST if request.method == "POST" else None
    rows = [(nomination, AppraisalForm(data, nomination=nomination)) for nomination in nominations]
    if request.method == "POST":
        if all(form.is_valid() for _n, form in rows):
            changed = [(nomination, form) for nomination, form in rows if form.changed]
            try:
                with transaction.atomic():  # all verdicts or none
                    failed = False
                    for nomination, form in changed:
                        try:
                            services.appraise_nomination(nomination, actor=request.user,
                                                         verdict=form.cleaned_data["verdict"],
                                                         comment=form.cleaned_data["comment"],
                                                         eligibility=nomination.eligibility)
                        except DomainError as error:
                            add_domain_error(form, error)
                            failed = True
                    if failed:
                        raise _Rollback
            except _Rollback:
                pass
            else:
                if changed:
                    messages.success(request, _("Appraisal saved for %(count)d nominee(s).") % {"count": len(changed)})
                else:
                    messages.info(request, _("Nothing changed."))
                return redirect("nominations:appraise", pk=dossier.pk)
    complete = next((a for a in _actions(request.user, dossier) if a["name"] == "complete_appraisal"), None)
    return render(request, "nominations/appraisal.html", {
        "nav": "dossiers", "dossier": dossier, "rows": rows, "complete": complete,
        "dossier_files": [a for a in attachments if a.nomination_id is None]})


urlpatterns = [
    path("viec-can-xu-ly/", worklist, name="worklist"),
    path("", dossier_list, name="list"),
    path("qua-han/", overdue, name="overdue"),
    path("tao-moi/", create, name="create"),
    path("<int:pk>/", detail, name="detail"),
    path("<int:pk>/chuyen/<str:name>/", transition, name="transition"),
    path("<int:pk>/tra-bo-sung/", return_for_supplement, name="return_for_supplement"),
    path("<int:pk>/de-nghi/them/", nomination_add, name="nomination_add"),
    path("<int:pk>/de-nghi/goi-y/", subject_suggestions, name="subject_suggestions"),
    path("<int:pk>/de-nghi/<int:nomination_pk>/xoa/", nomination_remove, name="nomination_remove"),
    path("<int:pk>/tai-lieu/them/", attachment_add, name="attachment_add"),
    path("<int:pk>/tai-lieu/<int:attachment_pk>/", attachment_download, name="attachment_download"),
    path("<int:pk>/tai-lieu/<int:attachment_pk>/xoa/", attachment_remove, name="attachment_remove"),
    path("<int:pk>/tham-dinh/", appraise, name="appraise"),
]

