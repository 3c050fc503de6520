"""Turn jsonschema's errors into Problems a partner can act on.

jsonschema says "'sv' is a required property"; a partner needs "the Swedish name
(name.sv) is missing" and the line to edit. Titles, descriptions and examples come
from the file's JSON Schema itself, so the messages stay in step with the schema.
What one kind of file adds (words people use for its fields) is a Vocabulary.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from jsonschema import ValidationError

from .loader import LoadedFile
from .problem import FieldPath, Problem, describe_value, dotted, quote, render_example

LANGUAGES = {"sv": "Swedish", "fi": "Finnish", "en": "English"}


@dataclass(frozen=True)
class Vocabulary:
    # Fields whose own checks word a pattern error better: the schema's message would repeat it.
    semantic_fields: frozenset[str] = frozenset()
    # Words people reach for that difflib cannot map to the schema's field names.
    synonyms: Mapping[str, str] = field(default_factory=dict)


_TYPE_WORDS = {"string": "text", "array": "a list", "object": "a group of fields", "integer": "a whole number",
               "number": "a number", "boolean": "true or false"}


def schema_problems(errors: Iterable[ValidationError], root: dict, loaded: LoadedFile, display: str,
                    vocabulary: Vocabulary = Vocabulary()) -> list[Problem]:
    """root is the whole schema, for following "$ref" when describing a missing field."""
    errors = list(errors)
    # A value of the wrong type also breaks its enum or pattern; report only the type.
    wrong_type = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator != "type" and path in wrong_type:
            continue
        if error.validator in ("pattern", "format") and path and path[-1] in vocabulary.semantic_fields:
            continue
        for problem in _convert(error, path, root, loaded, display, vocabulary):
            key = (problem.line, problem.field, problem.found)
            if key not in seen:
                seen.add(key)
                problems.append(problem)
    return problems


def _convert(error: ValidationError, path: FieldPath, root: dict, loaded: LoadedFile, display: str,
             vocabulary: Vocabulary) -> list[Problem]:
    validator, schema, instance = error.validator, error.schema, error.instance
    line = loaded.line_of(path)
    field = dotted(path)
    if validator == "additionalProperties":
        return [_unknown_field(key, path, schema, loaded, display, vocabulary)
                for key in instance if key not in schema.get("properties", {})]
    if validator == "required":
        return [_missing(name, path, schema, root, loaded, display)
                for name in error.validator_value if name not in instance]
    example = _example(schema)
    if validator == "type":
        expected = _expected_shape(schema)
        if isinstance(instance, (int, float)) and not isinstance(instance, bool) and schema.get("type") == "string":
            expected += "; put the value in quotes"
        found = describe_value(instance, loaded.raw_text.get(path))
        return [Problem(display, line, field, f"found {found}, but this field must be "
                        f"{_TYPE_WORDS.get(schema.get('type'), schema.get('type'))}", expected, example)]
    if validator == "enum":
        allowed = [str(item) for item in error.validator_value]
        found = f"{quote(instance)} is not one of the allowed values"
        guess = difflib.get_close_matches(str(instance).lower(), allowed, n=1, cutoff=0.6)
        if guess:
            found += f'; did you mean "{guess[0]}"?'
        if len(allowed) > 30:
            return [Problem(display, line, field, found, *_expected_with_example(schema))]
        return [Problem(display, line, field, found, "one of: " + ", ".join(allowed))]
    if validator in ("pattern", "format"):
        what = schema.get("title", "value").lower()
        return [Problem(display, line, field, f"{quote(instance)} is not a valid {what}", *_expected_with_example(schema))]
    if validator == "minLength":
        return [Problem(display, line, field, "the text is empty", "some text, or leave the field out")]
    if validator == "maxLength":
        return [Problem(display, line, field, f"the text is {len(instance)} characters long",
                        f"at most {error.validator_value} characters")]
    if validator == "minItems":
        return [Problem(display, line, field, "the list is empty", "at least one item, or leave the field out", example)]
    if validator == "minProperties":
        return [Problem(display, line, field, "there is nothing under this field",
                        "at least one line under it, or leave the field out", example)]
    if validator == "uniqueItems":
        repeated = next((item for index, item in enumerate(instance) if item in instance[:index]), "")
        return [Problem(display, line, field, f"{quote(repeated)} is in the list more than once", "each item only once")]
    if validator in ("minimum", "maximum"):
        bound = "smaller" if validator == "minimum" else "larger"
        return [Problem(display, line, field, f"{instance} is {bound} than {error.validator_value}",
                        *_expected_with_example(schema))]
    if validator == "anyOf":
        return [Problem(display, line, field, "this item has none of the fields it needs",
                        *_expected_with_example(schema))]
    if validator == "dependentRequired":
        return [Problem(display, line, field, f'"{name}" is given without "{needed}"', f'both "{name}" and "{needed}"', example)
                for name, needs in error.validator_value.items() if name in instance
                for needed in needs if needed not in instance]
    return [Problem(display, line, field, f"the value does not follow the rules ({error.message})",
                    _first_sentence(schema), example)]


def _unknown_field(key: str, path: FieldPath, schema: dict, loaded: LoadedFile, display: str,
                   vocabulary: Vocabulary) -> Problem:
    allowed = list(schema.get("properties", {}))
    synonym = vocabulary.synonyms.get(key.lower())
    guess = synonym if synonym in allowed else None
    if guess is None:
        close = difflib.get_close_matches(key.lower(), allowed, n=1, cutoff=0.6)
        guess = close[0] if close else None
    found = f'unknown field "{key}"' + (f'; did you mean "{guess}"?' if guess else "")
    return Problem(display, loaded.key_line_of(path + (key,)), dotted(path + (key,)), found,
                   expected="one of the fields " + ", ".join(allowed))


def _missing(name: str, path: FieldPath, schema: dict, root: dict, loaded: LoadedFile, display: str) -> Problem:
    line = loaded.key_line_of(path)
    field = dotted(path + (name,))
    sample = (schema.get("examples") or [{}])[0]
    if name in LANGUAGES and path:
        parent = next(part for part in reversed(path) if isinstance(part, str))
        noun = "name" if parent == "name" else "text"
        example = f"{name}: {sample[name]}" if isinstance(sample, dict) and sample.get(name, "…") != "…" else None
        return Problem(display, line, field, f"the {LANGUAGES[name]} {noun} ({field}) is missing",
                       f'a line "{name}: …" under "{parent}:" with the {noun} in {LANGUAGES[name]}', example)
    prop = _resolve(schema.get("properties", {}).get(name, {}), root)
    title = prop.get("title", name).lower()
    expected = f'a line "{name}: …" with the {title}'
    if "enum" in prop:
        expected += ": one of " + ", ".join(prop["enum"])
    example = _example(prop)
    if example and "\n" in example:
        example = f"{name}:\n" + "\n".join("  " + row for row in example.splitlines())
    elif example:
        example = f"{name}: {example}"
    return Problem(display, line, field, f'the required field "{name}" is missing', expected, example)


def _resolve(prop: dict, root: dict) -> dict:
    """Follow a local "$ref": "#/$defs/x", keeping the property's own title and description."""
    ref = prop.get("$ref", "")
    if not ref.startswith("#/$defs/"):
        return prop
    return {**root.get("$defs", {}).get(ref.removeprefix("#/$defs/"), {}),
            **{key: value for key, value in prop.items() if key != "$ref"}}


def _expected_shape(schema: dict) -> str:
    kind = schema.get("type")
    properties = schema.get("properties", {})
    if kind == "object" and set(LANGUAGES) <= set(properties):
        required = [LANGUAGES[code] for code in schema.get("required", [])]
        needs = f" ({' and '.join(required)} required)" if required else ""
        return f"one line per language under the field: sv: Swedish, fi: Finnish, en: English{needs}"
    if kind == "object":
        return "a group of fields, each on its own line, indented under this field"
    if kind == "array":
        return 'a list: each item on its own line starting with "- ", indented under this field'
    return _TYPE_WORDS.get(kind, str(kind))


def _example(schema: dict) -> str | None:
    examples = schema.get("examples")
    return render_example(examples[0]) if examples else None


def _expected_with_example(schema: dict) -> tuple[str, str | None]:
    """The description's first sentence, plus an example unless the sentence has one."""
    sentence = _first_sentence(schema)
    return sentence, None if "e.g." in sentence else _example(schema)


def _first_sentence(schema: dict) -> str:
    # Split at ". " before a capital letter, so "e.g. fi" stays inside the sentence.
    return re.split(r"\.\s+(?=[A-Z])", schema.get("description", ""), maxsplit=1)[0].rstrip(".")
