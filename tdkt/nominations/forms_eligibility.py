"""Forms of the "Kiểm tra điều kiện" page: the eligibility case (docs/rules.md) as a web form.

The main form holds the single facts; fixed-size row formsets hold the lists (ratings per year,
leave, titles already received, initiatives, discipline, posts held), so the page needs no script.
``build_case`` turns the cleaned forms into the case dict the engine and the API take; a blank
field is left out of the case (the engine then answers "needs check" naming the fact).
"""

import json
from datetime import date, datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tdkt.catalogue.models import Authority, CatalogueEntry
from tdkt.nominations.forms_council import DATE_FORMAT, date_field
from tdkt.organizations.models import Gender

RATING_ROWS = 10
LEAVE_ROWS = 2
HISTORY_ROWS = 5
INITIATIVE_ROWS = 3
DISCIPLINE_ROWS = 2
POST_ROWS = 3
MAX_JSON_CHARS = 256 * 1024

ACHIEVEMENT_KINDS = [
    ("annual", _("annual (yearly achievement)")),
    ("thematic", _("thematic (a movement or campaign)")),
    ("sudden", _("sudden (an exceptional act)")),
    ("contribution", _("contribution over a career")),
    ("seniority", _("seniority")),
    ("foreign", _("foreign affairs")),
    ("resistance", _("resistance")),
]
SUBJECT_KINDS = [("person", _("individual")), ("collective", _("collective")), ("household", _("household"))]
RATINGS = [
    ("excellent", _("excellent (HTXSNV)")),
    ("good", _("good (HTTNV)")),
    ("completed", _("completed (HTNV)")),
    ("not_completed", _("not completed")),
]
LEAVE_KINDS = [("maternity", _("maternity leave")), ("treatment", _("medical treatment")), ("other", _("other leave"))]
DISCIPLINE_LEVELS = [
    ("khien_trach", _("reprimand (khiển trách)")),
    ("canh_cao", _("warning (cảnh cáo)")),
    ("ha_bac_luong", _("salary downgrade (hạ bậc lương)")),
    ("cach_chuc", _("dismissal from post (cách chức)")),
    ("buoc_thoi_viec", _("forced resignation (buộc thôi việc)")),
]
INITIATIVE_SCOPES = [("unit", _("unit (grassroots)")), ("province", _("province, ministry or sector")),
                     ("national", _("national"))]
YES_NO_UNKNOWN = [("", _("not stated")), ("no", _("no")), ("yes", _("yes"))]


def _blank(choices, label=None):
    return [("", label or "—")] + list(choices)


def _year(label, **kwargs):
    return forms.IntegerField(label=label, required=False, min_value=1945, max_value=2100,
                              widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "year-input"}),
                              **kwargs)


def _count(label, **kwargs):
    return forms.IntegerField(label=label, required=False, min_value=0, max_value=1_000_000,
                              widget=forms.NumberInput(attrs={"inputmode": "numeric"}), **kwargs)


def _years(label):
    return forms.DecimalField(label=label, required=False, min_value=0, max_value=80, decimal_places=1,
                              widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.5"}))


def _date(label, **kwargs):
    return date_field(label, required=False, **kwargs)


def _iso(value):
    return value.isoformat() if isinstance(value, date) else value


def parse_day(raw) -> date | None:
    for fmt in (DATE_FORMAT, "%Y-%m-%d"):
        try:
            return datetime.strptime((raw or "").strip(), fmt).date()
        except ValueError:
            continue
    return None


def awards_in_force(day: date) -> list[tuple[str, str]]:
    """(code, label) of the catalogue entries in force on ``day``, in catalogue order, once per code."""
    seen, out = set(), []
    for code, name in CatalogueEntry.objects.in_force(day).order_by("sort_order", "code").values_list("code", "name"):
        if code not in seen:
            seen.add(code)
            out.append((code, f"{name} ({code})"))
    return out


def all_award_codes() -> list[tuple[str, str]]:
    """Every code the catalogue has ever had (titles received earlier may be of an older regime)."""
    seen, out = set(), []
    for code, name in CatalogueEntry.objects.order_by("sort_order", "code", "-valid_from").values_list("code", "name"):
        if code not in seen:
            seen.add(code)
            out.append((code, f"{name} ({code})"))
    return out


# --- The main form ---------------------------------------------------------------------------------

class CaseForm(forms.Form):
    decision_date = date_field(_("Date of review or decision"),
                               help_text=_("dd/mm/yyyy; chooses the legal regime whose rules apply."))
    award = forms.ChoiceField(label=_("Title or form of commendation proposed"))
    achievement_kind = forms.ChoiceField(label=_("Kind of achievement"), choices=ACHIEVEMENT_KINDS, initial="annual")
    achievement_year = _year(_("Year of the achievement"))
    achievement_from_year = _year(_("Achievement period: from year"))
    achievement_to_year = _year(_("Achievement period: to year"))
    decider = forms.ChoiceField(label=_("Who decides"), required=False,
                                choices=_blank(Authority.choices, _("not stated")))
    subject_kind = forms.ChoiceField(label=_("Nominee is"), choices=SUBJECT_KINDS, initial="person")
    gender = forms.ChoiceField(label=_("Gender"), required=False, choices=_blank(Gender.choices, _("not stated")))
    birth_date = _date(_("Date of birth"))
    recruited_on = _date(_("Recruited on"))
    under_discipline_review = forms.ChoiceField(label=_("Under discipline review now"), required=False,
                                                choices=YES_NO_UNKNOWN)
    direct_teaching_years = _years(_("Years of direct teaching"))
    hardship_years = _years(_("Years in hardship areas"))
    sector_years = _years(_("Years in the sector"))
    contribution_years = _years(_("Years of contribution"))
    service_months = _count(_("Months of service"))
    members_total = _count(_("Members: total"))
    members_completed_tasks = _count(_("Members who completed their tasks"))
    members_ldtt = _count(_("Members who are Lao động tiên tiến"))
    members_cstdcs = _count(_("Members who are Chiến sĩ thi đua cơ sở"))
    members_disciplined = _count(_("Members disciplined (warning or above)"))
    cluster_rank = _count(_("Rank in the emulation cluster"))
    council_members = _count(_("Council: members in total"))
    council_present = _count(_("Council: members present"))
    council_yes = _count(_("Council: votes for"))
    council_written_yes = _count(_("Council: written votes for (absent members)"))
    posting_from = _date(_("Public posting from"))
    posting_council_on = _date(_("Council meeting on"))
    received_on = _date(_("Dossier received by the next level on"))

    def __init__(self, data=None, *, today: date | None = None, **kwargs):
        super().__init__(data, **kwargs)
        today = today or timezone.localdate()
        self.award_day = (parse_day(data.get("decision_date")) if data is not None else None) or today
        self.fields["award"].choices = _blank(awards_in_force(self.award_day), _("choose…"))
        self.fields["decision_date"].initial = today

    def clean(self):
        data = super().clean()
        day, award = data.get("decision_date"), self.data.get("award")
        if day and award and "award" in self.errors:  # a code, but not one in force on that date
            self.errors["award"] = self.error_class([
                _("%(code)s is not in the catalogue on %(day)s.") % {"code": award, "day": day.strftime(DATE_FORMAT)}
            ])
        first, last = data.get("achievement_from_year"), data.get("achievement_to_year")
        if first and last and first > last:
            self.add_error("achievement_from_year", _("The period starts after it ends."))
        return data


# --- Rows ------------------------------------------------------------------------------------------

class RowForm(forms.Form):
    """A row of a list; a blank row is skipped, a half-filled one names what it lacks."""

    required_when_filled: tuple[str, ...] = ()

    def is_blank(self) -> bool:
        return all(self.cleaned_data.get(name) in (None, "") for name in self.fields)

    def clean(self):
        data = super().clean()
        if self.errors or self.is_blank():
            return data
        for name in self.required_when_filled:
            if data.get(name) in (None, ""):
                self.add_error(name, _("Fill this in, or clear the whole row."))
        return data


class RatingRow(RowForm):
    year = _year(_("Year"))
    rating = forms.ChoiceField(label=_("Rating"), required=False, choices=_blank(RATINGS))
    required_when_filled = ("year", "rating")

    def is_blank(self) -> bool:  # the year is filled in beforehand; the row counts once it has a rating
        return not self.cleaned_data.get("rating")


class LeaveRow(RowForm):
    kind = forms.ChoiceField(label=_("Kind of leave"), required=False, choices=_blank(LEAVE_KINDS))
    start = _date(_("From"))
    end = _date(_("To"))
    required_when_filled = ("kind", "start", "end")


class HistoryRow(RowForm):
    award = forms.ChoiceField(label=_("Title or form received"), required=False)
    from_year = _year(_("From year"))
    to_year = _year(_("To year"))
    decided_on = _date(_("Decided on"))
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=ACHIEVEMENT_KINDS, initial="annual")
    required_when_filled = ("award",)

    def __init__(self, *args, award_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award"].choices = _blank(award_choices)

    def is_blank(self) -> bool:
        return not self.cleaned_data.get("award") and not any(
            self.cleaned_data.get(name) for name in ("from_year", "to_year", "decided_on"))


class InitiativeRow(RowForm):
    year = _year(_("Year recognised"))
    scope = forms.ChoiceField(label=_("Scope of recognition"), required=False, choices=_blank(INITIATIVE_SCOPES))
    used_for_award = forms.ChoiceField(label=_("Already used for (title)"), required=False)
    used_for_year = _year(_("Already used for (year)"))
    required_when_filled = ("year", "scope")

    def __init__(self, *args, award_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["used_for_award"].choices = _blank(award_choices, _("not used yet"))


class DisciplineRow(RowForm):
    level = forms.ChoiceField(label=_("Discipline"), required=False, choices=_blank(DISCIPLINE_LEVELS))
    on = _date(_("Imposed on"))
    until = _date(_("Ends on"))
    required_when_filled = ("level", "on")


class PostRow(RowForm):
    title = forms.CharField(label=_("Post (code)"), required=False, max_length=60,
                            widget=forms.TextInput(attrs={"list": "post-titles", "autocomplete": "off"}))
    start = _date(_("From"))
    end = _date(_("To"))
    required_when_filled = ("title", "start")


class BaseRows(forms.BaseFormSet):
    def __init__(self, *args, award_choices=(), **kwargs):
        self.award_choices = award_choices
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if "award" in self.form.base_fields or "used_for_award" in self.form.base_fields:
            kwargs["award_choices"] = self.award_choices
        return kwargs

    def filled(self) -> list[dict]:
        return [form.cleaned_data for form in self.forms if form.cleaned_data and not form.is_blank()]


def _rows(form, rows):
    return forms.formset_factory(form, formset=BaseRows, extra=rows, max_num=rows, absolute_max=rows,
                                 validate_max=True)


ROW_SETS = {
    # prefix: (formset class, heading)
    "ratings": (forms.formset_factory(RatingRow, formset=BaseRows, extra=0, max_num=RATING_ROWS,
                                      absolute_max=RATING_ROWS, validate_max=True), _("Ratings by year")),
    "leave": (_rows(LeaveRow, LEAVE_ROWS), _("Leave")),
    "history": (_rows(HistoryRow, HISTORY_ROWS), _("Titles and forms already received")),
    "initiatives": (_rows(InitiativeRow, INITIATIVE_ROWS), _("Initiatives")),
    "discipline": (_rows(DisciplineRow, DISCIPLINE_ROWS), _("Discipline")),
    "posts": (_rows(PostRow, POST_ROWS), _("Posts held")),
}


def rating_years(today: date) -> list[dict]:
    return [{"year": year} for year in range(today.year, today.year - RATING_ROWS, -1)]


def row_formsets(data=None, *, today: date) -> dict:
    award_choices = all_award_codes()
    out = {}
    for prefix, (formset_class, heading) in ROW_SETS.items():
        initial = rating_years(today) if prefix == "ratings" else None
        formset = formset_class(data, prefix=prefix, initial=initial, award_choices=award_choices)
        formset.heading = heading
        out[prefix] = formset
    return out


# --- From the forms to the case --------------------------------------------------------------------

def _put(target: dict, key: str, value):
    if value not in (None, ""):
        target[key] = _iso(value) if isinstance(value, date) else value


def _number(value):
    """Decimals of the form as JSON numbers: 12 stays 12, 7.5 stays 7.5."""
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)


def build_case(data: dict, rows: dict) -> dict:
    """The case dict (docs/rules.md) from cleaned forms; blank facts are left out."""
    case = {"decision_date": data["decision_date"].isoformat(), "award": data["award"]}
    achievement = {"kind": data.get("achievement_kind") or "annual"}
    _put(achievement, "year", data.get("achievement_year"))
    _put(achievement, "from_year", data.get("achievement_from_year"))
    _put(achievement, "to_year", data.get("achievement_to_year"))
    case["achievement"] = achievement
    _put(case, "decider", data.get("decider"))

    subject = {"kind": data.get("subject_kind") or "person"}
    _put(subject, "gender", data.get("gender"))
    _put(subject, "birth_date", data.get("birth_date"))
    _put(subject, "recruited_on", data.get("recruited_on"))
    ratings = {str(row["year"]): row["rating"] for row in rows["ratings"].filled()}
    if ratings:
        subject["ratings"] = dict(sorted(ratings.items()))
    leave = [{"kind": row["kind"], "from": _iso(row["start"]), "to": _iso(row["end"])}
             for row in rows["leave"].filled()]
    if leave:
        subject["leave"] = leave
    discipline = []
    for row in rows["discipline"].filled():
        item = {"level": row["level"], "on": _iso(row["on"])}
        _put(item, "until", row.get("until"))
        discipline.append(item)
    if discipline:
        subject["discipline"] = discipline
    review = data.get("under_discipline_review")
    if review:
        subject["under_discipline_review"] = review == "yes"
    posts = []
    for row in rows["posts"].filled():
        item = {"title": row["title"].strip(), "from": _iso(row["start"])}
        _put(item, "to", row.get("end"))
        posts.append(item)
    if posts:
        subject["posts"] = posts
    for name in ("direct_teaching_years", "hardship_years", "sector_years", "contribution_years"):
        _put(subject, name, _number(data.get(name)))
    _put(subject, "service_months", data.get("service_months"))
    members = {}
    for name, key in (("members_total", "total"), ("members_completed_tasks", "completed_tasks"),
                      ("members_ldtt", "ldtt"), ("members_cstdcs", "cstdcs"),
                      ("members_disciplined", "disciplined_canh_cao_or_above")):
        _put(members, key, data.get(name))
    if members:
        subject["members"] = members
    _put(subject, "cluster_rank", data.get("cluster_rank"))
    case["subject"] = subject

    history = []
    for row in rows["history"].filled():
        item = {"award": row["award"]}
        for key in ("from_year", "to_year", "decided_on"):
            _put(item, key, row.get(key))
        item["kind"] = row.get("kind") or "annual"
        history.append(item)
    case["history"] = history
    initiatives = []
    for row in rows["initiatives"].filled():
        item = {"year": row["year"], "scope": row["scope"]}
        if row.get("used_for_award"):
            used = {"award": row["used_for_award"]}
            _put(used, "year", row.get("used_for_year"))
            item["used_for"] = used
        initiatives.append(item)
    case["initiatives"] = initiatives

    council = {}
    for name, key in (("council_members", "members"), ("council_present", "present"), ("council_yes", "yes"),
                      ("council_written_yes", "written_yes")):
        _put(council, key, data.get(name))
    if council:
        case["council"] = council
    if data.get("posting_from") or data.get("posting_council_on"):
        posting = {}
        _put(posting, "from", data.get("posting_from"))
        _put(posting, "council_on", data.get("posting_council_on"))
        case["posting"] = posting
    _put(case, "received_on", data.get("received_on"))
    return case


# Where a field of the case is on the form (to put the engine's refusal next to it).
CASE_FIELDS = {
    "decision_date": "decision_date", "award": "award", "decider": "decider",
    "achievement.kind": "achievement_kind", "achievement.year": "achievement_year",
    "achievement.from_year": "achievement_from_year", "achievement.to_year": "achievement_to_year",
    "subject.kind": "subject_kind", "subject.gender": "gender", "subject.birth_date": "birth_date",
    "subject.recruited_on": "recruited_on", "subject.under_discipline_review": "under_discipline_review",
    "subject.direct_teaching_years": "direct_teaching_years", "subject.hardship_years": "hardship_years",
    "subject.sector_years": "sector_years", "subject.contribution_years": "contribution_years",
    "subject.service_months": "service_months", "subject.members.total": "members_total",
    "subject.members.completed_tasks": "members_completed_tasks", "subject.members.ldtt": "members_ldtt",
    "subject.members.cstdcs": "members_cstdcs",
    "subject.members.disciplined_canh_cao_or_above": "members_disciplined",
    "subject.cluster_rank": "cluster_rank", "council.members": "council_members",
    "council.present": "council_present", "council.yes": "council_yes",
    "council.written_yes": "council_written_yes", "posting.from": "posting_from",
    "posting.council_on": "posting_council_on", "received_on": "received_on",
}


class CaseJsonForm(forms.Form):
    """The advanced path: the case pasted as JSON (the same format as the API and the CLI)."""

    case_json = forms.CharField(label=_("Case as JSON"), max_length=MAX_JSON_CHARS,
                                widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false",
                                                             "class": "code", "autocomplete": "off"}),
                                help_text=_("The format of docs/rules.md, as sent to POST /api/v1/eligibility/check."))

    def clean_case_json(self):
        raw = self.cleaned_data["case_json"]
        try:
            case = json.loads(raw)
        except ValueError as exc:
            raise forms.ValidationError(
                _("This is not valid JSON (line %(line)s, column %(column)s): %(problem)s"),
                params={"line": getattr(exc, "lineno", "?"), "column": getattr(exc, "colno", "?"),
                        "problem": getattr(exc, "msg", str(exc))}) from None
        if not isinstance(case, dict):
            raise forms.ValidationError(_("The case must be a JSON object ({…})."))
        return case
