""""Kiểm tra điều kiện": the what-if eligibility checker, for anyone signed in.

The clerk describes a case (by the form, or by pasting the case JSON) and sees the verdict of the
rules in force on the decision date, each reason with its article and evidence tag, and the money.
Nothing is stored; the case is shown back as JSON for the API or ``manage.py check_eligibility``.
"""

import json

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tdkt.nominations.checker import CaseError, run_check
from tdkt.nominations.eligibility import present
from tdkt.nominations.forms_eligibility import (
    CASE_FIELDS, CaseForm, CaseJsonForm, awards_in_force, build_case, parse_day, row_formsets,
)
from tdkt.rules import contribution

TEMPLATE = "nominations/eligibility_check.html"
# Codes of posts the contribution rules know; the form offers them, any code is accepted.
POST_TITLES = tuple(sorted(getattr(contribution, "POST_VI", {}).items()))


def _row_errors(rows: dict) -> list[str]:
    """Errors of the row tables, each naming the table, the row and the column."""
    out = []
    for formset in rows.values():
        for error in formset.non_form_errors():
            out.append(f"{formset.heading}: {error}")
        for number, form in enumerate(formset.forms, start=1):
            for name, errors in form.errors.items():
                label = form.fields[name].label if name in form.fields else ""
                for error in errors:
                    out.append(_("%(table)s, row %(row)s, %(column)s: %(error)s")
                               % {"table": formset.heading, "row": number, "column": label, "error": error})
    return out


def _check(case, on_error):
    """Run the engine; each problem of a refused case goes to ``on_error(field, message)``; gives None."""
    try:
        return present(run_check(case))
    except CaseError as bad:
        for problem in bad.errors:
            on_error(problem["field"], problem["error"])
        return None


@login_required
@require_http_methods(["GET", "POST"])
def eligibility_check(request):
    today = timezone.localdate()
    if request.method == "GET" and request.GET.get("award_options"):
        # htmx: the award list follows the decision date (the form works without it too).
        day = parse_day(request.GET.get("decision_date")) or today
        return render(request, "nominations/_award_options.html",
                      {"choices": awards_in_force(day), "selected": request.GET.get("award", "")})

    mode = request.POST.get("mode") if request.method == "POST" else None
    form = CaseForm(request.POST if mode == "form" else None, today=today)
    rows = row_formsets(request.POST if mode == "form" else None, today=today)
    json_form = CaseJsonForm(request.POST if mode == "json" else None)
    form.fields["decision_date"].widget.attrs.update({
        # htmx: choosing a date refreshes the award list to the catalogue in force on it.
        "hx-get": f"{request.path}?award_options=1", "hx-trigger": "change", "hx-target": "#id_award",
        "hx-include": "#id_award", "hx-swap": "innerHTML",
    })
    if mode is None:
        form.fields["decision_date"].widget.attrs["autofocus"] = True  # keyboard users start typing at once
    case = result = None
    row_errors = []

    if mode == "form":
        valid = form.is_valid()
        valid = all([formset.is_valid() for formset in rows.values()]) and valid
        row_errors = _row_errors(rows)
        if valid:
            case = build_case(form.cleaned_data, rows)

            def on_error(field, message):
                name = CASE_FIELDS.get(field or "")
                if name:
                    form.add_error(name, message)
                else:
                    form.add_error(None, f"{field}: {message}" if field else message)

            result = _check(case, on_error)
    elif mode == "json" and json_form.is_valid():
        case = json_form.cleaned_data["case_json"]

        def on_error(field, message):
            json_form.add_error("case_json", f"{field}: {message}" if field else message)

        result = _check(case, on_error)

    case_json = json.dumps(case, ensure_ascii=False, indent=2) if case is not None else ""
    if result is not None and mode == "form":
        json_form = CaseJsonForm(initial={"case_json": case_json})
    return render(request, TEMPLATE, {
        "nav": "eligibility", "form": form, "rows": rows, "json_form": json_form, "mode": mode,
        "row_errors": row_errors, "result": result, "post_titles": POST_TITLES,
        "case_json": case_json if result is not None else "",
    })


urlpatterns = [
    path("kiem-tra-dieu-kien/", eligibility_check, name="eligibility_check"),
]
