"""A compiled yes/no check against a JSON Schema, run before jsonschema's detailed one.

jsonschema's Draft 2020-12 validation took about 1.6 ms per directory entry, most of the time
of validating a large directory. fastjsonschema compiles the schema to Python and answers
"valid or not" many times faster; only a file it finds invalid goes on to jsonschema, whose
errors become the messages partners read (schema_messages.py). The same pattern as reading
YAML with LibYAML first (loader.py).

fastjsonschema knows drafts 4 to 7, so the schema is translated to draft 7 here. A keyword it
would not understand would be ignored, letting invalid files pass: such a schema is refused,
loudly, instead. Each "format" is checked by the same format checker jsonschema is given (by
none, when jsonschema checks no formats), so both agree on formats too.
"""
from __future__ import annotations

from typing import Any, Callable

import fastjsonschema
from jsonschema import FormatChecker

# Keywords whose value is one schema, a list of schemas, or a map of names to schemas.
_ONE_SCHEMA = {"items", "additionalProperties", "additionalItems", "contains", "not", "propertyNames",
               "if", "then", "else"}
_SCHEMA_LIST = {"allOf", "anyOf", "oneOf"}
_SCHEMA_MAP = {"properties", "patternProperties", "$defs", "definitions"}
# Keywords checked by draft 7's fastjsonschema with the same meaning as in 2020-12.
_CHECKED = {"type", "enum", "const", "required", "minLength", "maxLength", "pattern", "format",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems",
            "maxItems", "uniqueItems", "minProperties", "maxProperties", "$ref",
            "dependentRequired"} | _ONE_SCHEMA | _SCHEMA_LIST | _SCHEMA_MAP
# Keywords that only describe (annotations): nothing to check.
_ANNOTATIONS = {"$schema", "$id", "$comment", "title", "description", "default", "examples",
                "deprecated", "readOnly", "writeOnly"}


class UnsupportedSchema(ValueError):
    pass


def compile_schema(schema: dict[str, Any], format_checker: FormatChecker | None = None) -> Callable[[Any], bool]:
    """A function that tells whether data follows the (Draft 2020-12) schema, checking formats
    as jsonschema does with format_checker."""
    formats: set[str] = set()
    translated = _draft7(schema, "#", formats)
    check = fastjsonschema.compile(translated, formats={name: _format(format_checker, name) for name in formats})

    def is_valid(data: Any) -> bool:
        try:
            check(data)
        except fastjsonschema.JsonSchemaValueException:
            return False
        return True
    return is_valid


def _format(checker: FormatChecker | None, name: str) -> Callable[[str], bool]:
    if checker is None:
        return lambda value: True
    return lambda value: checker.conforms(value, name)


def _draft7(schema: Any, where: str, formats: set[str]) -> Any:
    if isinstance(schema, bool):
        return schema
    if not isinstance(schema, dict):
        raise UnsupportedSchema(f"{where}: not a schema")
    unknown = set(schema) - _CHECKED - _ANNOTATIONS
    if unknown:
        raise UnsupportedSchema(f"{where}: the fast check does not know {', '.join(sorted(unknown))}")
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "$schema":
            out[key] = "http://json-schema.org/draft-07/schema#"
        elif key == "format":
            formats.add(value)
            out[key] = value
        elif key == "dependentRequired":
            out["dependencies"] = value   # draft 7's name for the same rule (its list form)
        elif key in _ONE_SCHEMA:
            out[key] = _draft7(value, f"{where}/{key}", formats)
        elif key in _SCHEMA_LIST:
            out[key] = [_draft7(item, f"{where}/{key}/{n}", formats) for n, item in enumerate(value)]
        elif key in _SCHEMA_MAP:
            out[key] = {name: _draft7(item, f"{where}/{key}/{name}", formats) for name, item in value.items()}
        else:
            out[key] = value
    # Draft 7 ignores every check beside a "$ref"; 2020-12 applies both.
    checks = {key: value for key, value in out.items() if key not in _KEPT_BESIDE_REF}
    if "$ref" in out and checks:
        kept = {key: value for key, value in out.items() if key in _KEPT_BESIDE_REF and key != "$ref"}
        out = {**kept, "allOf": [{"$ref": out["$ref"]}, checks]}
    return out


# Left where they are when a "$ref" has checks beside it: the definitions it may point at.
_KEPT_BESIDE_REF = {"$ref", "$defs", "definitions"} | _ANNOTATIONS
