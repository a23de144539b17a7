"""POST /api/v1/eligibility/check and GET /api/v1/openapi.json, through the Django test client.

The checker runs the real engine (tdkt.rules); assertions are on status codes, the JSON shape and
the field named in errors, not on translated text.
"""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from tdkt.api.models import ApiToken, hash_token
from tdkt.api.views import MAX_BODY_BYTES

pytestmark = pytest.mark.django_db

URL = "/api/v1/eligibility/check"
CASE = {
    "decision_date": "2025-02-10",
    "award": "CSTD_TINH",
    "achievement": {"kind": "annual", "year": 2024, "from_year": 2022, "to_year": 2024},
    "decider": "chu_tich_ubnd_tinh",
    "subject": {"kind": "person", "gender": "female", "birth_date": "1975-03-02", "recruited_on": "2010-09-01",
                "ratings": {"2022": "excellent", "2023": "excellent", "2024": "excellent"},
                "discipline": [], "under_discipline_review": False},
    "history": [{"award": "CSTDCS", "from_year": year, "to_year": year, "decided_on": f"{year + 1}-01-20",
                 "kind": "annual"} for year in (2022, 2023, 2024)],
    "initiatives": [{"year": 2024, "scope": "province"}],
    "council": {"members": 25, "present": 24, "yes": 23, "written_yes": 0},
}


@pytest.fixture
def token(people, catalogue):
    return ApiToken.issue(people["clerk"], "script")


def post(client, body, *, content_type="application/json", **extra):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(URL, data=data, content_type=content_type, **extra)


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def assert_result(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    result = response.json()
    assert result["verdict"] in {"eligible", "not_eligible", "needs_check"}
    assert result["regime"]
    assert result["reasons"]
    for reason in result["reasons"]:
        assert {"rule", "ok", "article", "evidence", "message"} <= set(reason)
        assert reason["ok"] in (True, False, None)
    assert "money" in result
    return result


def test_url_name():
    assert reverse("api:eligibility_check") == URL


# --- Authentication ---------------------------------------------------------------------------

def test_token_authenticates_and_marks_the_token_used(client, token):
    row, raw = token
    assert row.last_used_at is None
    assert_result(post(client, CASE, **bearer(raw)))
    row.refresh_from_db()
    assert row.last_used_at is not None


def test_token_call_needs_no_csrf_token(token):
    _row, raw = token
    strict = Client(enforce_csrf_checks=True)
    assert_result(post(strict, CASE, **bearer(raw)))


@pytest.mark.parametrize("role", ["clerk", "head", "officer", "member", "signer", "admin", "outsider"])
def test_every_signed_in_role_may_check(client, people, catalogue, role):
    client.force_login(people[role])
    assert_result(post(client, CASE))


def test_session_post_needs_the_csrf_token(people, catalogue):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(people["clerk"])
    refused = post(strict, CASE)
    assert refused.status_code == 403
    assert refused.json()["field"] is None
    strict.get(reverse("nominations:eligibility_check"))  # sets the CSRF cookie, like any page
    csrf = strict.cookies["csrftoken"].value
    assert_result(post(strict, CASE, HTTP_X_CSRFTOKEN=csrf))


def test_without_credentials_401(client, catalogue):
    response = post(client, CASE)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert set(response.json()) == {"error", "field"}


@pytest.mark.parametrize("header", ["Token abc", "Bearer", "Bearer tdkt_not-a-real-token", "Basic dXNlcjpwYXNz"])
def test_bad_authorization_header_401(client, catalogue, header):
    response = post(client, CASE, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401


def test_a_bad_token_is_not_rescued_by_the_session(client, people, catalogue):
    client.force_login(people["clerk"])
    assert post(client, CASE, **bearer("tdkt_wrong")).status_code == 401


def test_revoked_token_refused(client, token):
    row, raw = token
    row.revoked = True
    row.save()
    assert post(client, CASE, **bearer(raw)).status_code == 401


def test_token_of_an_inactive_user_refused(client, token, people):
    _row, raw = token
    people["clerk"].is_active = False
    people["clerk"].save()
    assert post(client, CASE, **bearer(raw)).status_code == 401


def test_token_stored_only_as_a_hash(token):
    row, raw = token
    assert raw.startswith("tdkt_") and len(raw) > 40
    assert row.key_hash == hash_token(raw) and raw not in row.key_hash
    assert raw.startswith(row.prefix)
    assert not ApiToken.objects.filter(key_hash=raw).exists()


def test_create_api_token_command_prints_a_working_token(client, people, catalogue):
    out, err = StringIO(), StringIO()
    call_command("create_api_token", "officer", "CSDL TĐKT quốc gia", stdout=out, stderr=err)
    raw = out.getvalue().strip()
    row = ApiToken.objects.get(user=people["officer"])
    assert row.name == "CSDL TĐKT quốc gia" and raw.startswith(row.prefix)
    assert_result(post(client, CASE, **bearer(raw)))
    with pytest.raises(CommandError):
        call_command("create_api_token", "nobody", "x", stdout=StringIO(), stderr=StringIO())


def test_admin_lists_tokens_without_their_secret(client, people, token):
    row, raw = token
    client.force_login(people["admin"])
    response = client.get(reverse("admin:api_apitoken_changelist"))
    assert response.status_code == 200
    assert row.prefix in response.content.decode()
    assert raw not in response.content.decode()


# --- Requests the endpoint refuses -------------------------------------------------------------

def test_other_methods_405(client, token):
    _row, raw = token
    for method in (client.get, client.put, client.delete):
        response = method(URL, **bearer(raw))
        assert response.status_code == 405
        assert response["Allow"] == "POST"


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x"])
def test_non_json_content_type_415(client, token, content_type):
    _row, raw = token
    response = post(client, json.dumps(CASE), content_type=content_type, **bearer(raw))
    assert response.status_code == 415


def test_json_with_charset_accepted(client, token):
    _row, raw = token
    assert_result(post(client, CASE, content_type="application/json; charset=utf-8", **bearer(raw)))


def test_body_over_256_kb_413(client, token):
    _row, raw = token
    big = {**CASE, "padding": "x" * MAX_BODY_BYTES}
    assert MAX_BODY_BYTES == 256 * 1024
    assert post(client, big, **bearer(raw)).status_code == 413


@pytest.mark.parametrize("body", ["{not json", "   ", "\xff", "{\"a\": 1,}"])
def test_invalid_json_400(client, token, body):
    _row, raw = token
    response = post(client, body.encode("latin-1"), **bearer(raw))
    assert response.status_code == 400
    assert set(response.json()) == {"error", "field"}
    assert response.json()["error"]


def test_a_case_must_be_an_object(client, token):
    _row, raw = token
    response = post(client, [CASE], **bearer(raw))
    assert response.status_code == 400


def _with(path: str, value):
    case = json.loads(json.dumps(CASE))
    target = case
    keys = path.split(".")
    for key in keys[:-1]:
        target = target[int(key)] if isinstance(target, list) else target[key]
    last = keys[-1]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return case


@pytest.mark.parametrize("path, value, field", [
    ("decision_date", "10/02/2025", "decision_date"),
    ("decision_date", "2025-02-30", "decision_date"),
    ("subject.birth_date", "1975-13-02", "subject.birth_date"),
    ("award", "KHONG_CO", "award"),
    ("decider", "ong_trum", "decider"),
    ("achievement.year", "hai nghìn", "achievement.year"),
    ("subject.ratings", {"2024": "superb"}, "subject.ratings.2024"),
    ("subject.kind", "company", "subject.kind"),
])
def test_bad_case_400_names_the_field(client, token, path, value, field):
    _row, raw = token
    response = post(client, _with(path, value), **bearer(raw))
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["field"] == field, body
    assert body["error"]


def test_bad_history_row_names_its_index(client, token):
    _row, raw = token
    response = post(client, _with("history.1.decided_on", "20/01/2024"), **bearer(raw))
    assert response.status_code == 400
    field = response.json()["field"]
    assert field.startswith("history") and "1" in field and field.endswith("decided_on")


def test_a_missing_fact_gives_needs_check_not_eligible(client, token):
    _row, raw = token
    case = {key: value for key, value in CASE.items() if key not in {"history", "initiatives", "council"}}
    case["subject"] = {"kind": "person"}
    result = assert_result(post(client, case, **bearer(raw)))
    assert result["verdict"] != "eligible"


# --- OpenAPI ------------------------------------------------------------------------------------

def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _resolve(document, ref):
    assert ref.startswith("#/"), ref
    node = document
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def test_openapi_document(client, settings):
    response = client.get(reverse("api:openapi"))
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.1")
    assert document["info"]["title"] and document["info"]["version"]
    operation = document["paths"][URL]["post"]
    assert set(operation["responses"]) >= {"200", "400", "401", "413", "415"}
    assert operation["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/EligibilityCase"}
    schemes = document["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {**schemes["bearerAuth"], "type": "http", "scheme": "bearer"}
    assert schemes["sessionAuth"]["in"] == "cookie"
    for ref in set(_refs(document)):
        _resolve(document, ref)  # every reference resolves inside the document
    case_schema = document["components"]["schemas"]["EligibilityCase"]
    assert "decision_date" in case_schema.get("properties", {})
    from tdkt.rules.schema import validate

    assert validate(operation["requestBody"]["content"]["application/json"]["example"]) == []
    assert "$schema" not in case_schema and "$id" not in case_schema


def test_openapi_embeds_the_engine_case_schema(client):
    from tdkt.api.openapi import CASE_SCHEMA_PATH

    if not CASE_SCHEMA_PATH.exists():
        pytest.skip("docs/eligibility-case.schema.json not written yet")
    schema = json.loads(CASE_SCHEMA_PATH.read_text(encoding="utf-8"))
    embedded = client.get(reverse("api:openapi")).json()["components"]["schemas"]["EligibilityCase"]
    assert set(embedded["properties"]) == set(schema["properties"])


@pytest.mark.parametrize("path, value", [("subject", []), ("history", "CSTDCS"), ("achievement", 2024),
                                         ("council", [25, 24])])
def test_a_value_of_the_wrong_shape_is_a_400_naming_it(client, token, path, value):
    _row, raw = token
    response = post(client, _with(path, value), **bearer(raw))
    assert response.status_code == 400, response.content
    assert response.json()["error"] and response.json()["field"] == path


def test_every_problem_is_listed(client, token):
    _row, raw = token
    case = _with("subject.birth_date", "02/03/1975")
    case["received_on"] = "yesterday"
    body = post(client, case, **bearer(raw)).json()
    assert {problem["field"] for problem in body["errors"]} == {"subject.birth_date", "received_on"}
    assert body["field"] == body["errors"][0]["field"]


def test_admin_creates_a_token_and_shows_it_once(client, people, catalogue):
    client.force_login(people["admin"])
    response = client.post(reverse("admin:api_apitoken_add"),
                           {"user": people["officer"].pk, "name": "Hệ thống một cửa"}, follow=True)
    assert response.status_code == 200
    row = ApiToken.objects.get(name="Hệ thống một cửa")
    shown = [str(message) for message in response.context["messages"]]
    raw = next(word for text in shown for word in text.split() if word.startswith(row.prefix))
    assert hash_token(raw) == row.key_hash
    assert_result(post(Client(), CASE, **bearer(raw)))


def test_the_administrators_parameters_apply(client, token):
    from tdkt.catalogue.models import RuleParameter

    _row, raw = token
    case = json.loads(json.dumps(CASE))
    case["council"] = {"members": 25, "present": 25, "yes": 21, "written_yes": 0}  # 84%: below 90%
    before = {r["rule"]: r["ok"] for r in assert_result(post(client, case, **bearer(raw)))["reasons"]}
    assert before["PROC.council_vote"] is False
    RuleParameter.objects.create(key="CSTD_TINH.vote_min", regime="", value=0.8, evidence="P",
                                 source="test overlay")
    after = {r["rule"]: r["ok"] for r in assert_result(post(client, case, **bearer(raw)))["reasons"]}
    assert after["PROC.council_vote"] is True


def test_admin_revokes_tokens_for_good(client, people, token):
    row, raw = token
    client.force_login(people["admin"])
    client.post(reverse("admin:api_apitoken_changelist"),
                {"action": "revoke", "_selected_action": [row.pk]}, follow=True)
    row.refresh_from_db()
    assert row.revoked
    assert post(Client(), CASE, **bearer(raw)).status_code == 401
    client.post(reverse("admin:api_apitoken_change", args=[row.pk]), {"revoked": ""})
    row.refresh_from_db()
    assert row.revoked  # the checkbox is read-only once revoked
