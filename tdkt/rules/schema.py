"""JSON Schema (draft 2020-12) of the eligibility case, and a small validator for the subset it uses.

The schema is defined here, in Python, and written to docs/eligibility-case.schema.json by
``python -m tdkt.rules.docs`` (a test keeps the file current). Validation belongs at the edges (CLI,
API) where input is untrusted; the batch path skips it for speed. The validator covers exactly the
keywords used below (type, properties, required, additionalProperties, enum, format "date",
minimum, maximum, items, patternProperties, $ref to $defs) so the project needs no jsonschema package.
"""

from __future__ import annotations

import re
from datetime import date

from tdkt.rules.case import (ACHIEVEMENT_KINDS, DECIDERS, DISCIPLINE_LEVELS, INITIATIVE_SCOPES, LEAVE_KINDS,
                             RATINGS, SUBJECT_KINDS)
from tdkt.rules.parameters import AWARDS

_DATE = {"type": "string", "format": "date"}
_YEAR = {"type": "integer", "minimum": 1945, "maximum": 2100}
_COUNT = {"type": "integer", "minimum": 0}
_NUM = {"type": "number", "minimum": 0}
_AWARD = {"type": "string", "enum": sorted(AWARDS) + ["BK_BO", "CO_BO", "CSTD_BO"]}


def _obj(properties: dict, required=(), description: str | None = None, extra: bool = False) -> dict:
    out = {"type": "object", "properties": properties, "additionalProperties": extra}
    if required:
        out["required"] = list(required)
    if description:
        out["description"] = description
    return out


SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://tdkt.example/eligibility-case.schema.json",
    "title": "TĐKT eligibility case",
    "description": "One nominee as the eligibility engine reads it (issue 3). See docs/rules.md.",
    **_obj({
        "decision_date": dict(_DATE, description="Date the competent level reviews/decides; chooses the regime."),
        "award": dict(_AWARD, description="Catalogue code of the title or form proposed."),
        "achievement": _obj({
            "kind": {"type": "string", "enum": list(ACHIEVEMENT_KINDS)},
            "year": _YEAR, "from_year": _YEAR, "to_year": _YEAR,
            "movement_years": dict(_COUNT, description="Length of the movement (thematic Cờ CP, Đ25 k3)."),
        }, required=("kind",), description="The achievement rewarded and its period."),
        "decider": {"type": "string", "enum": list(DECIDERS), "description": "Who decides the award."},
        "subject": {"$ref": "#/$defs/subject"},
        "history": {"type": "array", "items": {"$ref": "#/$defs/history_entry"},
                    "description": "Awards already decided, any regime (Luật 2022 Điều 95)."},
        "initiatives": {"type": "array", "items": {"$ref": "#/$defs/initiative"}},
        "council": _obj({"members": dict(_COUNT, minimum=1), "present": _COUNT, "yes": _COUNT,
                         "written_yes": _COUNT}, required=("members", "yes"),
                        description="Council vote: counted on the TOTAL membership; written opinions of absent "
                                    "members count."),
        "posting": _obj({"from": _DATE, "council_on": _DATE}, required=("from", "council_on"),
                        description="Public posting start and the council meeting date."),
        "received_on": dict(_DATE, description="When the dossier reached the next level (filing deadlines)."),
        "batch": _obj({"same_award_proposed": _COUNT, "unit_ldtt": _COUNT, "collectives_meeting_standard": _COUNT,
                       "unit_staff": _COUNT}, description="Figures of the whole proposal, for quotas."),
        "criterion": {"type": "string", "description": "Legal point claimed, e.g. \"d\" (BK tỉnh Đ74 k1 d)."},
        "registered": {"type": "boolean", "description": "Registered for the title at the start of the year."},
        "same_decision": {"type": "array", "items": _obj({"award": _AWARD, "from_year": _YEAR, "to_year": _YEAR},
                                                         required=("award",)),
                          "description": "Other titles for the same subject in the same decision (money)."},
    }, required=("decision_date", "award", "achievement", "subject")),
    "$defs": {
        "subject": _obj({
            "kind": {"type": "string", "enum": list(SUBJECT_KINDS)},
            "gender": {"type": "string", "enum": ["female", "male"]},
            "birth_date": _DATE, "recruited_on": _DATE, "founded_on": _DATE,
            "ratings": {"type": "object", "patternProperties": {"^[0-9]{4}$": {"type": "string",
                                                                             "enum": list(RATINGS)}},
                        "additionalProperties": False,
                        "description": "Yearly performance rating, keyed by year."},
            "leave": {"type": "array", "items": _obj({"kind": {"type": "string", "enum": list(LEAVE_KINDS)},
                                                      "from": _DATE, "to": _DATE}, required=("kind", "from", "to"))},
            "discipline": {"type": "array", "items": _obj({
                "level": {"type": "string", "enum": list(DISCIPLINE_LEVELS)}, "on": _DATE, "until": _DATE},
                required=("level", "on"))},
            "under_discipline_review": {"type": "boolean"},
            "posts": {"type": "array", "items": _obj({"title": {"type": "string"}, "from": _DATE, "to": _DATE},
                                                     required=("title", "from"))},
            "direct_teaching_years": _NUM, "hardship_years": _NUM, "sector_years": _NUM,
            "is_manager": {"type": "boolean"}, "contribution_years": _NUM, "service_months": _COUNT,
            "members": _obj({"total": dict(_COUNT, minimum=1), "completed_tasks": _COUNT, "ldtt": _COUNT,
                             "cstdcs": _COUNT, "disciplined_canh_cao_or_above": _COUNT}, required=("total",)),
            "cluster_rank": dict(_COUNT, minimum=1),
            "sector": {"type": "string"},
        }, required=("kind",)),
        "history_entry": _obj({
            "award": {"type": "string"}, "from_year": _YEAR, "to_year": _YEAR, "decided_on": _DATE,
            "kind": {"type": "string", "enum": list(ACHIEVEMENT_KINDS)},
        }, required=("award",)),
        "initiative": _obj({
            "year": _YEAR, "scope": {"type": "string", "enum": list(INITIATIVE_SCOPES)},
            "used_for": _obj({"award": {"type": "string"}, "year": _YEAR}),
        }, required=("year", "scope")),
    },
}

_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}


def _type_ok(value, expected: str) -> bool:
    if expected == "integer":
        return type(value) is int
    if expected == "number":
        return type(value) in (int, float)
    return isinstance(value, _TYPES[expected])


_TYPE_VI = {"object": "đối tượng", "array": "danh sách", "string": "chuỗi", "boolean": "true/false",
            "integer": "số nguyên", "number": "số"}


def validate(instance, schema: dict = SCHEMA) -> list[tuple[str, str, str]]:
    """Errors as (field path, Vietnamese message, English message); empty when valid."""
    errors: list[tuple[str, str, str]] = []
    _walk(instance, schema, "", schema, errors)
    return errors


def _join(path: str, key) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _walk(value, schema: dict, path: str, root: dict, errors: list) -> None:
    ref = schema.get("$ref")
    if ref:
        schema = root["$defs"][ref.rsplit("/", 1)[-1]]
    where = path or "$"
    expected = schema.get("type")
    if expected and not _type_ok(value, expected):
        errors.append((where, f"phải là {_TYPE_VI[expected]}", f"must be of type {expected}"))
        return
    if "enum" in schema and value not in schema["enum"]:
        errors.append((where, f"giá trị {value!r} không hợp lệ (cho phép: {', '.join(map(str, schema['enum']))})",
                       f"value {value!r} is not one of {', '.join(map(str, schema['enum']))}"))
    if schema.get("format") == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            errors.append((where, f"ngày {value!r} không hợp lệ (YYYY-MM-DD)", f"invalid date {value!r} (YYYY-MM-DD)"))
    if "minimum" in schema and value < schema["minimum"]:
        errors.append((where, f"phải ≥ {schema['minimum']}", f"must be ≥ {schema['minimum']}"))
    if "maximum" in schema and value > schema["maximum"]:
        errors.append((where, f"phải ≤ {schema['maximum']}", f"must be ≤ {schema['maximum']}"))
    if expected == "object":
        props = schema.get("properties", {})
        for key in schema.get("required", ()):
            if key not in value:
                errors.append((_join(path, key), "thiếu trường bắt buộc", "required field is missing"))
        patterns = [(re.compile(p), s) for p, s in schema.get("patternProperties", {}).items()]
        for key, item in value.items():
            if key in props:
                _walk(item, props[key], _join(path, key), root, errors)
                continue
            matched = [s for p, s in patterns if p.search(key)]
            for sub in matched:
                _walk(item, sub, _join(path, key), root, errors)
            if not matched and schema.get("additionalProperties", True) is False:
                errors.append((_join(path, key), "trường không được hỗ trợ", "unknown field"))
    elif expected == "array" and "items" in schema:
        for i, item in enumerate(value):
            _walk(item, schema["items"], _join(path, i), root, errors)
