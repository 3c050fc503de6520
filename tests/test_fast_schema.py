"""The compiled schema check (hooks/datafile/fast_schema.py) must never pass what jsonschema
rejects: it decides which files get jsonschema's detailed messages."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from hooks.datafile.fast_schema import UnsupportedSchema, compile_schema

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = sorted([*REPO.glob("directory/*.json"), *REPO.glob("data/**/*schema.json")])

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "opens": {"type": "string"}, "closes": {"type": "string"},
        # 2020-12 applies the checks beside a $ref; draft 7 would ignore maxLength here.
        "name": {"$ref": "#/$defs/text", "maxLength": 5},
    },
    "dependentRequired": {"opens": ["closes"]},
    "additionalProperties": False,
    "$defs": {"text": {"type": "string", "minLength": 1}},
}


@pytest.mark.parametrize("data", [
    {"opens": "08:00"},                       # dependentRequired
    {"name": "a name longer than five"},      # a check beside $ref
    {"name": ""},                             # the $ref itself
    {"other": 1},                             # additionalProperties
])
def test_fast_check_rejects_what_jsonschema_rejects(data):
    assert list(Draft202012Validator(SCHEMA).iter_errors(data))
    assert compile_schema(SCHEMA)(data) is False


def test_fast_check_passes_what_jsonschema_passes():
    assert compile_schema(SCHEMA)({"opens": "08:00", "closes": "16:00", "name": "Kela"}) is True


@pytest.mark.parametrize("value", ["2024-02-31", "1.1.2024"])
def test_formats_are_checked_as_jsonschema_checks_them(value):
    schema = {"type": "string", "format": "date"}
    checker = Draft202012Validator.FORMAT_CHECKER
    assert list(Draft202012Validator(schema, format_checker=checker).iter_errors(value))
    assert compile_schema(schema, checker)(value) is False
    # Without a format checker jsonschema takes any text, and so does the fast check.
    assert not list(Draft202012Validator(schema).iter_errors(value))
    assert compile_schema(schema)(value) is True


def test_a_keyword_the_fast_check_does_not_know_is_refused():
    with pytest.raises(UnsupportedSchema, match="unevaluatedProperties"):
        compile_schema({"type": "object", "unevaluatedProperties": False})


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_data_schema_compiles(path):
    compile_schema(json.loads(path.read_text(encoding="utf-8")))
