"""Report pages: the leaders' dashboard, statistics tables, national forms, sơ kết / tổng kết drafts.

Every signed-in staff member may open them; what they count is limited to the user's scope
(province roles: the whole province, others: their unit's subtree), and a unit chosen in the
filter must be inside that scope.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.nominations.queries import overdue_dossiers
from tdkt.organizations.models import Unit
from tdkt.organizations.scope import in_scope
from tdkt.reports import exports, national_forms, statistics as st, summary, tables
from tdkt.reports.charts import bar_chart

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class ReportFilterForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=1945, max_value=2100, required=False)
    part = forms.ChoiceField(label=gettext_lazy("Period"), choices=st.Part.CHOICES, required=False)
    unit = forms.TypedChoiceField(label=gettext_lazy("Unit"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = Unit.objects.order_by("path")
        if not user.spans_province:
            units = units.filter(path__startswith=user.unit.path)
        first = _("Whole province") if user.spans_province else user.unit.name
        self.fields["unit"].choices = [("", first)] + [
            (str(pk), "\u2003" * max(path.count("/") - 2, 0) + name)
            for pk, name, path in units.values_list("pk", "name", "path")]

    def selection(self, user) -> tuple[st.Scope, st.Period]:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        year = data.get("year") or timezone.localdate().year
        period = st.Period(year, data.get("part") or st.Part.YEAR)
        unit = None
        if data.get("unit"):
            unit = Unit.objects.filter(pk=data["unit"]).first()
            if unit is None or not in_scope(user, unit):
                raise Http404("Unit not in scope")
        return st.scope_for(user, unit), period


def _selection(request):
    form = ReportFilterForm(request.GET or None, user=request.user)
    scope, period = form.selection(request.user)
    return form, scope, period


def _export_name(key: str, period: st.Period) -> str:
    return f"thong-ke-{key}-{period.year or 'tat-ca'}{'-6t' if period.part == st.Part.FIRST_HALF else ''}.xlsx"


def _table_export(table: tables.Table, period: st.Period):
    return exports.table_response(_export_name(table.key, period), table.headers, table.rows)


def _with_charts(items):
    return [{"table": table, "chart": bar_chart(table)} for table in items]


@login_required
def dashboard(request):
    form, scope, period = _selection(request)
    export = request.GET.get("export")
    keys = ("kind_level", "shares", "dossiers")
    if export:
        if export not in keys:
            raise Http404("Unknown table")
        return _table_export(tables.statistics_table(export, scope, period), period)
    today = timezone.localdate()
    current = sum(c.total for c in st.entry_year_counts(scope, period).values())
    previous = sum(c.total for c in st.entry_year_counts(scope, period.previous()).values())
    overdue = overdue_dossiers(request.user, today)
    if scope.unit is not None:
        overdue = overdue.filter(scope.q())
    context = {
        "nav": "reports", "form": form, "scope": scope, "period": period,
        "in_progress": st.dossiers_in_progress(scope),
        "overdue": overdue.count(),
        "awards_now": current, "awards_before": previous,
        "blocks": _with_charts(tables.statistics_table(key, scope, period) for key in keys),
        "query": request.GET.urlencode(),
    }
    return render(request, "reports/dashboard.html", context)


@login_required
def statistics_page(request):
    form, scope, period = _selection(request)
    export = request.GET.get("export")
    keys = ["kind_level", "entry", "unit", "category", "area", "achievement", "year", "dossiers", "shares"]
    if export:
        if export not in keys:
            raise Http404("Unknown table")
        return _table_export(tables.statistics_table(export, scope, period), period)
    context = {"nav": "reports", "form": form, "scope": scope, "period": period,
               "blocks": _with_charts(tables.statistics_table(key, scope, period) for key in keys),
               "query": request.GET.urlencode(), "forms": national_forms.FORMS}
    return render(request, "reports/statistics.html", context)


@login_required
def national_form(request, slug):
    spec = national_forms.FORMS_BY_SLUG.get(slug)
    if spec is None:
        raise Http404("Unknown form")
    form, scope, period = _selection(request)
    filled = national_forms.fill_form(spec, scope, period)
    if request.GET.get("export") == "xlsx":
        return exports.form_response(filled, scope_label=scope.label, period_label=period.label,
                                     filename=f"bieu-{slug}-{period.year}.xlsx")
    return render(request, "reports/national_form.html",
                  {"nav": "reports", "form": form, "filled": filled, "scope": scope, "period": period,
                   "query": request.GET.urlencode(), "forms": national_forms.FORMS, "slug": slug})


@login_required
def summary_report(request):
    form, scope, period = _selection(request)
    if request.GET.get("download"):
        # The report is issued by the unit reported on, or, province-wide, by the user's own unit
        # (for the Board: "Sở Nội vụ / Ban Thi đua - Khen thưởng" in the header).
        content = summary.summary_docx(scope, period, issuer=scope.unit or request.user.unit)
        response = HttpResponse(content, content_type=DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{summary.summary_filename(period)}"'
        return response
    return render(request, "reports/summary.html", {"nav": "reports", "form": form, "scope": scope,
                                                    "period": period, "query": request.GET.urlencode()})
