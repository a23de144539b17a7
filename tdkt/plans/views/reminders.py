""""Nhắc việc": what is due soon or late, for the user's unit (the Board sees all)."""

from django.contrib.auth.decorators import login_required
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tdkt.core.exporters import Column, xlsx_response
from tdkt.core.paging import paged
from tdkt.plans import access, queries
from tdkt.plans.models import SentReminder
from tdkt.plans.views.common import wants_xlsx

KIND_LABELS = {"item": gettext_lazy("plan item"), "unit_plan": gettext_lazy("unit plan"),
               "action": gettext_lazy("follow-up action")}


def _days(request) -> int:
    try:
        days = int(request.GET.get("days", ""))
    except ValueError:
        return queries.reminder_days()
    return min(max(days, 0), 365)


@login_required
@require_GET
def reminders(request):
    user, today = request.user, timezone.localdate()
    days = _days(request)
    rows = queries.due_for_user(user, today, days)
    kind = request.GET.get("kind", "")
    if kind in KIND_LABELS:
        rows = [r for r in rows if r.kind == kind]
    if wants_xlsx(request):
        columns = [Column(_("Kind"), 16), Column(_("Task"), 70), Column(_("Responsible unit"), 35),
                   Column(_("Due on"), 12), Column(_("Late"), 8)]
        out = ([str(KIND_LABELS[r.kind]), r.title, r.unit.name, r.due_on, r.is_late] for r in rows)
        return xlsx_response("nhac-viec", columns, out)
    sent = SentReminder.objects.select_related("recipient", "unit")
    if not access.can_manage(user):
        sent = sent.filter(recipient=user)
    due_page = paged(request, rows, "page", 50)
    context = {"nav": "plans", "tab": "reminders", "rows": due_page.object_list, "due_page": due_page,
               "row_count": len(rows), "days": days, "kind": kind,
               "kind_labels": KIND_LABELS, "late_count": sum(1 for r in rows if r.is_late),
               "sent_page": paged(request, sent, "sent_page", 25), "today": today}
    return render(request, "plans/reminders.html", context)


@login_required
@require_GET
def due_stat(request):
    """The count shown in the "Việc cần xử lý" work list, loaded by htmx after the page so the
    work list itself (nominations, a lower layer) neither imports plans nor pays for the query."""
    count = len(queries.due_for_user(request.user, timezone.localdate(), queries.reminder_days()))
    return render(request, "plans/_due_stat.html", {"count": count})
