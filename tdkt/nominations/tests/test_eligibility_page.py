"""The "Kiểm tra điều kiện" page (the what-if checker), through the Django test client, with the
real engine. Assertions are on data (verdicts, reasons, field names with errors), not on text."""

import json
from datetime import date

import pytest
from django.urls import reverse

from tdkt.nominations.forms_eligibility import ROW_SETS, rating_years
from tdkt.nominations.models import Dossier

pytestmark = pytest.mark.django_db

URL = "/ho-so/kiem-tra-dieu-kien/"


def management(today=None) -> dict:
    """The formsets' management data, as the rendered page posts it."""
    data = {}
    for prefix, (formset_class, _heading) in ROW_SETS.items():
        initial = len(rating_years(today or date.today())) if prefix == "ratings" else 0
        total = initial or formset_class.extra
        data.update({f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
                     f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": str(formset_class.max_num)})
    return data


def form_data(**fields) -> dict:
    data = {"mode": "form", "decision_date": "10/02/2025", "award": "CSTD_TINH", "achievement_kind": "annual",
            "achievement_year": "2024", "achievement_from_year": "2022", "achievement_to_year": "2024",
            "decider": "chu_tich_ubnd_tinh", "subject_kind": "person", "gender": "female",
            "birth_date": "02/03/1975", "under_discipline_review": "no", **management()}
    for index, year in enumerate((2022, 2023, 2024)):
        data[f"ratings-{index}-year"] = str(year)
        data[f"ratings-{index}-rating"] = "excellent"
        data[f"history-{index}-award"] = "CSTDCS"
        data[f"history-{index}-from_year"] = str(year)
        data[f"history-{index}-to_year"] = str(year)
        data[f"history-{index}-decided_on"] = f"20/01/{year + 1}"
        data[f"history-{index}-kind"] = "annual"
    for index in range(3, 5):
        data[f"history-{index}-kind"] = "annual"
    data.update({"initiatives-0-year": "2024", "initiatives-0-scope": "province",
                 "council_members": "25", "council_present": "24", "council_yes": "23"})
    data.update(fields)
    return data


@pytest.fixture
def clerk_client(client, people, catalogue):
    client.force_login(people["clerk"])
    return client


def test_url_and_sign_in_required(client, catalogue):
    assert reverse("nominations:eligibility_check") == URL
    response = client.get(URL)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_the_form_renders_with_the_catalogue_in_force(clerk_client, catalogue):
    response = clerk_client.get(URL)
    assert response.status_code == 200
    form = response.context["form"]
    codes = {code for code, _label in form.fields["award"].choices if code}
    assert codes == set(catalogue)  # the codes in force today
    assert len(response.context["rows"]["ratings"].forms) == 10
    html = response.content.decode()
    assert 'name="decision_date"' in html and 'name="case_json"' in html
    assert 'name="history-4-award"' in html and 'name="ratings-9-rating"' in html
    assert 'style="' not in html and "<script>" not in html  # strict CSP: no inline style or script
    assert f'href="{URL}"' in html  # the navigation link


def test_every_role_may_use_it(client, people, catalogue):
    for user in people.values():
        client.force_login(user)
        assert client.get(URL).status_code == 200


def test_award_options_follow_the_decision_date(clerk_client):
    old = clerk_client.get(URL, {"award_options": "1", "decision_date": "10/02/2020", "award": "CSTDCS"},
                           HTTP_HX_REQUEST="true")
    assert old.status_code == 200
    html = old.content.decode()
    assert 'value="CSTDCS" selected' in html


def test_a_submitted_case_shows_a_verdict_and_reasons(clerk_client):
    count = Dossier.objects.count()
    response = clerk_client.post(URL, form_data())
    assert response.status_code == 200
    assert not response.context["form"].errors, response.context["form"].errors
    result = response.context["result"]
    assert result["verdict"] in {"eligible", "not_eligible", "needs_check"}
    assert result["reasons"] and all(reason["mark"] in "✓✗?" for reason in result["reasons"])
    case = json.loads(response.context["case_json"])
    assert case["award"] == "CSTD_TINH" and case["decision_date"] == "2025-02-10"
    assert case["subject"]["ratings"] == {"2022": "excellent", "2023": "excellent", "2024": "excellent"}
    assert [row["from_year"] for row in case["history"]] == [2022, 2023, 2024]
    assert case["initiatives"] == [{"year": 2024, "scope": "province"}]
    assert case["subject"]["under_discipline_review"] is False
    html = response.content.decode()
    assert "verdict-" + result["verdict"] in html
    for reason in result["reasons"]:
        assert reason["rule"] in html
    assert Dossier.objects.count() == count  # nothing stored


def test_blank_facts_are_left_out_of_the_case(clerk_client):
    data = form_data(birth_date="", gender="", under_discipline_review="")
    response = clerk_client.post(URL, data)
    case = json.loads(response.context["case_json"])
    assert not {"birth_date", "gender", "under_discipline_review"} & set(case["subject"])
    assert "posting" not in case and "received_on" not in case


def test_a_bad_date_is_an_error_on_its_field(clerk_client):
    response = clerk_client.post(URL, form_data(birth_date="31/02/1975"))
    assert response.status_code == 200
    assert "birth_date" in response.context["form"].errors
    assert response.context["result"] is None


def test_an_award_not_in_force_on_the_date_is_an_error_on_the_award(clerk_client):
    # Before the 2003 law took effect (01/07/2004) the catalogue has nothing in force.
    response = clerk_client.post(URL, form_data(decision_date="10/02/2000"))
    assert "award" in response.context["form"].errors
    assert response.context["result"] is None


def test_a_half_filled_row_names_the_row(clerk_client):
    response = clerk_client.post(URL, form_data(**{"initiatives-1-year": "2023"}))
    assert response.context["result"] is None
    formset = response.context["rows"]["initiatives"]
    assert "scope" in formset.forms[1].errors
    assert any("2" in error for error in response.context["row_errors"])


def test_the_json_textarea_path(clerk_client):
    case = {"decision_date": "2025-02-10", "award": "CSTDCS",
            "achievement": {"kind": "annual", "year": 2024}, "subject": {"kind": "person",
                                                                         "ratings": {"2024": "excellent"}},
            "history": [], "initiatives": []}
    response = clerk_client.post(URL, {"mode": "json", "case_json": json.dumps(case)})
    assert response.status_code == 200
    assert response.context["result"]["verdict"] in {"eligible", "not_eligible", "needs_check"}
    assert json.loads(response.context["case_json"]) == case


@pytest.mark.parametrize("raw, expected", [
    ("{not json", None),
    ("[1, 2]", None),
    (json.dumps({"decision_date": "2025-02-10", "award": "CSTDCS", "achievement": {"year": 2024},
                 "subject": {"kind": "person", "birth_date": "02/03/1975"}}), "subject.birth_date"),
])
def test_a_bad_json_case_is_an_error_on_the_textarea(clerk_client, raw, expected):
    response = clerk_client.post(URL, {"mode": "json", "case_json": raw})
    assert response.context["result"] is None
    errors = response.context["json_form"].errors["case_json"]
    if expected:
        assert any(expected in error for error in errors), errors
