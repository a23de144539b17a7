"""The OpenAPI 3.1 document of /api/v1/, written by hand (the API is small).

The case schema is the engine's own JSON Schema (docs/eligibility-case.schema.json), embedded under
``components/schemas/EligibilityCase`` with its ``$defs`` lifted next to it so every ``$ref``
resolves inside this one document.
"""

import copy
import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from tdkt.rules.schema import SCHEMA

CASE_SCHEMA_PATH = Path(settings.BASE_DIR) / "docs" / "eligibility-case.schema.json"
CASE_DEFS_PREFIX = "EligibilityCase_"


def _rewrite_refs(node, defs_names: set[str], defs_key: str):
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(f"#/{defs_key}/"):
                name = value.split("/", 2)[2]
                out[key] = f"#/components/schemas/{CASE_DEFS_PREFIX}{name}" if name in defs_names else value
            else:
                out[key] = _rewrite_refs(value, defs_names, defs_key)
        return out
    if isinstance(node, list):
        return [_rewrite_refs(item, defs_names, defs_key) for item in node]
    return node


def case_schemas(schema: dict) -> dict:
    """``{"EligibilityCase": …, "EligibilityCase_<def>": …}`` from the engine's JSON Schema."""
    schema = copy.deepcopy(schema)
    for key in ("$schema", "$id"):  # the embedded schema resolves against this document, not its own id
        schema.pop(key, None)
    defs_key = "$defs" if "$defs" in schema else "definitions"
    defs = schema.pop(defs_key, {}) or {}
    names = set(defs)
    out = {"EligibilityCase": _rewrite_refs(schema, names, defs_key)}
    for name, definition in defs.items():
        out[f"{CASE_DEFS_PREFIX}{name}"] = _rewrite_refs(definition, names, defs_key)
    return out


@lru_cache(maxsize=4)
def _load_case_schema(mtime_ns: int) -> dict | None:
    try:
        return json.loads(CASE_SCHEMA_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def load_case_schema() -> dict:
    """The engine's case schema file, re-read when it changes (the engine's own copy when it is missing)."""
    try:
        mtime = CASE_SCHEMA_PATH.stat().st_mtime_ns
    except OSError:
        return SCHEMA
    return _load_case_schema(mtime) or SCHEMA


def _json(schema_ref: str, description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_ref}"}}}}


def document(max_body_bytes: int) -> dict:
    error = "Error"
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "TĐKT API",
            "version": "1.0.0",
            "summary": "Emulation and commendation (thi đua, khen thưởng) system of the province.",
            "description": (
                "Version 1 of the TĐKT REST API. Authenticate with `Authorization: Bearer <token>` "
                "(tokens are created with `manage.py create_api_token USERNAME NAME`) or, from the "
                "browser, with a signed-in session plus the `X-CSRFToken` header. Errors are JSON "
                "objects `{\"error\": message, \"field\": path or null}`."
            ),
        },
        "servers": [{"url": "/"}],
        "security": [{"bearerAuth": []}, {"sessionAuth": []}],
        "paths": {
            "/api/v1/eligibility/check": {
                "post": {
                    "operationId": "checkEligibility",
                    "summary": "Check a case against the law in force on its decision date (what-if)",
                    "description": (
                        "Runs every rule of the legal regime chosen by `decision_date` over the case and "
                        "returns the verdict with its reasons. Nothing is stored. A missing fact gives "
                        f"`needs_check`, never a silent `eligible`. Bodies over {max_body_bytes} bytes "
                        "are refused."
                    ),
                    "tags": ["eligibility"],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {
                            "schema": {"$ref": "#/components/schemas/EligibilityCase"},
                            "example": {
                                "decision_date": "2025-02-10", "award": "CSTD_TINH",
                                "achievement": {"kind": "annual", "year": 2024, "from_year": 2022, "to_year": 2024},
                                "decider": "chu_tich_ubnd_tinh",
                                "subject": {"kind": "person", "ratings": {"2022": "excellent", "2023": "excellent",
                                                                          "2024": "excellent"}},
                                "history": [{"award": "CSTDCS", "from_year": 2022, "to_year": 2022,
                                             "decided_on": "2023-01-20", "kind": "annual"}],
                            },
                        }},
                    },
                    "responses": {
                        "200": _json("EligibilityResult", "The verdict and its reasons."),
                        "400": _json(error, "The case is not valid JSON or a field is wrong; `field` names it."),
                        "401": _json(error, "No valid token and no signed-in session."),
                        "403": _json(error, "CSRF check failed (session clients)."),
                        "405": _json(error, "Only POST."),
                        "413": _json(error, "The body is too large."),
                        "415": _json(error, "The body is not application/json."),
                    },
                },
            },
            "/api/v1/openapi.json": {
                "get": {
                    "operationId": "getOpenApi",
                    "summary": "This document",
                    "tags": ["meta"],
                    "security": [],
                    "responses": {"200": {"description": "The OpenAPI document.",
                                          "content": {"application/json": {"schema": {"type": "object"}}}}},
                },
            },
        },
        "components": {
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer",
                               "description": "An API token (`tdkt_…`), stored by the server only as a SHA-256 hash."},
                "sessionAuth": {"type": "apiKey", "in": "cookie", "name": settings.SESSION_COOKIE_NAME,
                                "description": "A signed-in browser session; unsafe methods also need the "
                                               "`X-CSRFToken` header (the value of the CSRF cookie)."},
            },
            "schemas": {
                **case_schemas(load_case_schema()),
                "EligibilityResult": {
                    "type": "object",
                    "required": ["verdict", "regime", "reasons", "money"],
                    "properties": {
                        "verdict": {"type": "string", "enum": ["eligible", "not_eligible", "needs_check"]},
                        "regime": {"type": ["string", "null"],
                                   "description": "The legal regime in force on the decision date."},
                        "reasons": {"type": "array", "items": {"$ref": "#/components/schemas/Reason"}},
                        "money": {"type": ["object", "null"], "properties": {
                            "coefficient": {"type": ["number", "null"], "description": "× base salary"},
                            "amount_vnd": {"type": ["integer", "null"],
                                           "description": "Rounded up to 10,000 đồng."},
                        }},
                    },
                },
                "Reason": {
                    "type": "object",
                    "required": ["rule", "ok", "article", "evidence", "message"],
                    "properties": {
                        "rule": {"type": "string", "description": "Rule id (docs/rules.md)."},
                        "ok": {"type": ["boolean", "null"],
                               "description": "true: met; false: not met; null: a fact is missing, check it."},
                        "article": {"type": "string", "description": "The article the rule rests on."},
                        "evidence": {"type": "string", "enum": ["V", "P", "M", "I"],
                                     "description": "LAW.md evidence tag."},
                        "message": {"type": "string", "description": "In Vietnamese."},
                        "message_en": {"type": "string", "description": "In English."},
                    },
                },
                error: {
                    "type": "object",
                    "required": ["error", "field"],
                    "properties": {
                        "error": {"type": "string"},
                        "field": {"type": ["string", "null"],
                                  "description": "The field at fault, as a path (e.g. `subject.birth_date`, "
                                                 "`history[1].decided_on`, `subject.ratings.2024`), or null."},
                        "errors": {"type": "array", "description": "Every problem, when the case has several.",
                                   "items": {"type": "object", "required": ["field", "error"], "properties": {
                                       "field": {"type": ["string", "null"]}, "error": {"type": "string"}}}},
                    },
                },
            },
        },
    }
