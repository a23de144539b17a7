"""The province plan: list, detail grouped by quarter, items with notes and outputs, edit forms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tdkt.core.errors import DomainError
from tdkt.core.exporters import Column, xlsx_response
from tdkt.core.forms import add_domain_error
from tdkt.emulation.models import Conference
from tdkt.organizations.models import Unit
from tdkt.plans import access, queries, services
from tdkt.plans.forms import ItemFilterForm, ItemForm, NoteForm, OutputForm, PlanForm, StatusForm
from tdkt.plans.models import LATE_LABEL, ItemOutput, ItemStatus
from tdkt.plans.views.common import d, file_download, posted, require_manager, wants_xlsx


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Your unit does not lead or coordinate this item."))


def _status_label(value: str) -> str:
    return str(LATE_LABEL) if value == "late" else str(ItemStatus(value).label)


@login_required
@require_GET
def plan_list(request):
    plans = access.plans_for_user(request.user).annotate(item_count=Count("items")).order_by(
        "-year", "-issued_on", "pk")
    if wants_xlsx(request):
        columns = [Column(_("Year"), 8), Column(_("Title"), 60), Column(_("Document number"), 18),
                   Column(_("Issued on"), 12), Column(_("Issuing unit"), 30), Column(_("Items"), 8)]
        rows = ([p.year, p.title, p.document_number, p.issued_on, p.issuer.name, p.item_count] for p in plans)
        return xlsx_response("ke-hoach-tdkt", columns, rows)
    return render(request, "plans/plan_list.html", {"nav": "plans", "tab": "plans", "plans": plans,
                                                    "can_manage": access.can_manage(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk=None):
    require_manager(request.user)
    plan = access.get_plan_for_user(request.user, pk) if pk else None
    initial = {"year": timezone.localdate().year}
    if plan:
        initial = {f: getattr(plan, f) for f in ("year", "issuer", "title", "document_number", "issued_on",
                                                  "summary")}
    form = PlanForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if plan:
                services.update_plan(plan, actor=request.user, **form.cleaned_data)
            else:
                plan = services.create_plan(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The plan has been saved."))
            return redirect("plans:plan_detail", pk=plan.pk)
    return render(request, "plans/plan_form.html", {"nav": "plans", "tab": "plans", "form": form, "plan": plan})


@login_required
@require_GET
def plan_detail(request, pk):
    user, today = request.user, timezone.localdate()
    plan = access.get_plan_for_user(user, pk)
    visible = access.items_for_user(user).filter(plan=plan)
    lead_units = Unit.objects.filter(pk__in=visible.values("lead_unit")).order_by("path")
    form = ItemFilterForm(request.GET or None, lead_units=lead_units)
    filters = form.filters
    items = queries.filter_items(visible, quarter=filters.get("quarter"), lead_unit=filters.get("lead_unit"),
                                 status=filters.get("status", ""), today=today)
    if wants_xlsx(request):
        columns = [Column(_("No."), 6), Column(_("Quarter"), 8), Column(_("Due on"), 12), Column(_("Content"), 70),
                   Column(_("Lead unit"), 30), Column(_("Coordinating units"), 40), Column(_("Status"), 14),
                   Column(_("Completed on"), 12)]
        rows = ([i.number, i.display_quarter, i.effective_due_on, i.content, i.lead_unit.name,
                 "; ".join([u.name for u in i.coordinating_units.all()] + ([i.other_participants] if
                                                                          i.other_participants else [])),
                 _status_label(i.shown_status),
                 i.completed_on] for i in items)
        return xlsx_response(f"ke-hoach-{plan.year}-{plan.pk}", columns, rows)
    all_items = queries.filter_items(visible, today=today)
    context = {"nav": "plans", "tab": "plans", "plan": plan, "filter_form": form,
               "groups": queries.group_by_quarter(items), "count": len(items),
               "counts": queries.status_counts(all_items, today), "total": len(all_items),
               "can_manage": access.can_manage(user), "today": today,
               "conferences": _conferences(plan.year)}
    return render(request, "plans/plan_detail.html", context)


def _conferences(year: int):
    """Conferences and ceremonies of the plan's year (kept by the emulation area, listed here)."""
    return (Conference.objects.filter(held_on__year=year).select_related("organiser")
            .annotate(honouree_count=Count("honourees")).order_by("held_on", "pk"))


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request, plan_pk=None, pk=None):
    require_manager(request.user)
    item = access.get_item_for_user(request.user, pk) if pk else None
    plan = item.plan if item else access.get_plan_for_user(request.user, plan_pk)
    initial = {}
    if item:
        initial = {"number": item.number, "quarter": item.quarter, "due_on": item.due_on, "content": item.content,
                   "lead_unit": item.lead_unit, "coordinating_units": list(item.coordinating_units.all()),
                   "other_participants": item.other_participants}
    form = ItemForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if item:
                item = services.update_item(item, actor=request.user, **data)
            else:
                item = services.add_item(plan, actor=request.user, **data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Item %(n)s has been saved.") % {"n": item.number})
            return redirect("plans:item_detail", pk=item.pk)
    return render(request, "plans/item_form.html", {"nav": "plans", "tab": "plans", "form": form, "plan": plan,
                                                    "item": item})


def _item_context(request, item, **forms):
    user, today = request.user, timezone.localdate()
    can_note = access.can_note(user, item)
    context = {"nav": "plans", "tab": "plans", "item": item, "plan": item.plan, "today": today,
               "shown_status": item.display_status_on(today), "is_late": item.is_late_on(today),
               "notes": item.notes.select_related("author", "unit"),
               "outputs": item.outputs.select_related("movement", "dossier", "decision", "inspection"),
               "coordinating": item.coordinating_units.all(), "can_note": can_note,
               "can_set_status": access.can_set_status(user, item), "can_manage": access.can_manage(user)}
    context["status_form"] = forms.get("status_form") or StatusForm(
        initial={"status": item.status, "completed_on": item.completed_on})
    context["note_form"] = forms.get("note_form") or NoteForm()
    if can_note:
        context["output_form"] = forms.get("output_form") or OutputForm(user=user, year=item.plan.year)
    return context


@login_required
@require_GET
def item_detail(request, pk):
    item = access.get_item_for_user(request.user, pk)
    return render(request, "plans/item_detail.html", _item_context(request, item))


@login_required
@require_POST
def item_status(request, pk):
    item = access.get_item_for_user(request.user, pk)
    _require(access.can_set_status(request.user, item))
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.set_item_status(item, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The status has been updated."))
            return redirect("plans:item_detail", pk=item.pk)
    return render(request, "plans/item_detail.html", _item_context(request, item, status_form=form), status=400)


@login_required
@require_POST
def item_note(request, pk):
    item = access.get_item_for_user(request.user, pk)
    _require(access.can_note(request.user, item))
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.add_progress_note(item, actor=request.user, text=form.cleaned_data["text"],
                                       written_on=form.cleaned_data["written_on"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The progress note has been added."))
            return redirect("plans:item_detail", pk=item.pk)
    return render(request, "plans/item_detail.html", _item_context(request, item, note_form=form), status=400)


@login_required
@require_POST
def item_output(request, pk):
    item = access.get_item_for_user(request.user, pk)
    _require(access.can_note(request.user, item))
    form = OutputForm(request.POST, request.FILES, user=request.user, year=item.plan.year)
    if form.is_valid():
        try:
            services.add_output(item, actor=request.user, kind=form.cleaned_data["kind"], target=form.target(),
                                uploaded=form.cleaned_data.get("file"), label=form.cleaned_data["label"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The output has been linked."))
            return redirect("plans:item_detail", pk=item.pk)
    return render(request, "plans/item_detail.html", _item_context(request, item, output_form=form), status=400)


@login_required
@require_GET
def output_file(request, pk, output_pk):
    item = access.get_item_for_user(request.user, pk)
    output = get_object_or_404(ItemOutput, pk=output_pk, item=item)
    return file_download(output.file, output.file.name.rsplit("/", 1)[-1])

