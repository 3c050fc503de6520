"""The schemas that partners and staff write data against: valid, closed and documented.

A partner who gets "unknown field" must be able to look the right one up, so every object
refuses fields it does not know and every property has a title and a description.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

REPO = Path(__file__).resolve().parent.parent
AUTHORED_SCHEMAS = ["directory/schema.json", "data/goals.schema.json", "data/statistics/schema.json"]


def undocumented_or_open(schema: dict) -> list[str]:
    """Where the schema allows unknown fields or leaves a property without title and description."""
    found: list[str] = []

    def walk(node: dict, where: str) -> None:
        if node.get("type") == "object" and node.get("additionalProperties") is not False:
            found.append(f"{where} allows unknown fields")
        for name, prop in node.get("properties", {}).items():
            if not (prop.get("title") and prop.get("description")):
                found.append(f"{where}.{name} needs title and description")
            walk(prop, f"{where}.{name}")
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{where}[]")

    walk(schema, "root")
    for name, definition in schema.get("$defs", {}).items():
        if not (definition.get("title") and definition.get("description")):
            found.append(f"$defs.{name} needs title and description")
        walk(definition, f"$defs.{name}")
    return found


@pytest.mark.parametrize("path", AUTHORED_SCHEMAS)
def test_schema_is_valid_closed_and_documented(path):
    schema = json.loads((REPO / path).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert undocumented_or_open(schema) == []


def test_the_check_finds_an_open_object_and_an_undocumented_property():
    schema = {"type": "object", "properties": {"name": {"type": "string"},
                                                "address": {"type": "object", "title": "a", "description": "b"}}}
    assert undocumented_or_open(schema) == ["root allows unknown fields", "root.name needs title and description",
                                            "root.address allows unknown fields"]
