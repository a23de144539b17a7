"""/api/v1/: JSON in, JSON out; every error is ``{"error": message, "field": path or null}``.

Order of checks on a call: method (405), credentials (401, and 403 for a session failing CSRF),
content type (415), size (413), JSON and the case itself (400).
"""

import functools
import json

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from tdkt.api import openapi
from tdkt.api.auth import ApiAuthError, authenticate
from tdkt.nominations.checker import CaseError, run_check

MAX_BODY_BYTES = 256 * 1024


def error(status: int, message, *, field: str | None = None, headers: dict | None = None) -> JsonResponse:
    response = JsonResponse({"error": str(message), "field": field}, status=status,
                            json_dumps_params={"ensure_ascii": False})
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


def api_view(*methods: str, auth: bool = True):
    """Method check, then authentication (token or session + CSRF). CSRF is checked here, not by
    the middleware, so that token calls (which carry no cookie credentials) are exempt from it."""

    def decorate(view):
        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in methods:
                return error(405, _("Method %(method)s is not allowed here.") % {"method": request.method},
                             headers={"Allow": ", ".join(methods)})
            if auth:
                try:
                    authenticate(request)
                except ApiAuthError as refusal:
                    headers = {"WWW-Authenticate": refusal.challenge} if refusal.challenge else None
                    return _no_store(error(refusal.status, refusal.message, headers=headers))
            return _no_store(view(request, *args, **kwargs))

        return wrapper

    return decorate


def _read_json(request):
    """The decoded JSON body, or an error response."""
    content_type = (request.content_type or "").lower()
    if content_type != "application/json" and not content_type.endswith("+json"):
        return None, error(415, _("Send the case as JSON (Content-Type: application/json)."))
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY_BYTES:
        return None, error(413, _("The body is larger than %(limit)s KB.") % {"limit": MAX_BODY_BYTES // 1024})
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        return None, error(413, _("The body is larger than %(limit)s KB.") % {"limit": MAX_BODY_BYTES // 1024})
    try:
        return json.loads(body.decode("utf-8")), None  # JSON is UTF-8 (RFC 8259)
    except UnicodeDecodeError:
        return None, error(400, _("The body is not UTF-8 text."))
    except ValueError as exc:
        line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        return None, error(400, _("The body is not valid JSON (line %(line)s, column %(column)s).")
                           % {"line": line, "column": column})


@api_view("POST")
def eligibility_check(request):
    """POST /api/v1/eligibility/check: the what-if checker; needs no stored data, stores nothing."""
    case, failure = _read_json(request)
    if failure is not None:
        return failure
    try:
        result = run_check(case)
    except CaseError as bad:
        response = error(400, bad.message, field=bad.field)
        if len(bad.errors) > 1:
            response = JsonResponse({"error": bad.message, "field": bad.field, "errors": bad.errors}, status=400,
                                    json_dumps_params={"ensure_ascii": False})
        return response
    return JsonResponse(result, json_dumps_params={"ensure_ascii": False})


@api_view("GET", "HEAD", auth=False)
def openapi_document(request):
    """GET /api/v1/openapi.json: describes the API (no data, so no sign-in needed)."""
    return JsonResponse(openapi.document(MAX_BODY_BYTES), json_dumps_params={"ensure_ascii": False, "indent": 1})
