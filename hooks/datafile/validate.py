"""The checks every data file gets: it loads safely, follows its JSON Schema, holds plain text."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from jsonschema import Draft202012Validator

from .fast_schema import compile_schema
from .loader import FileRules, LoadError, LoadedFile, load_file
from .problem import Problem, display_path
from .schema_messages import Vocabulary, schema_problems
from .text_checks import check_plain_text


@dataclass(frozen=True)
class FileKind:
    rules: FileRules
    schema_path: Path
    vocabulary: Vocabulary = Vocabulary()
    structured_fields: frozenset[str] = frozenset()   # skipped by the HTML scan


def check_file(path: Path, kind: FileKind, display: str | None = None) -> tuple[list[Problem], LoadedFile | None]:
    """Problems of one file, and the loaded file unless it could not be read at all.
    display: the file as messages name it (display_path), when the caller has it already."""
    display = display or display_path(path)
    try:
        loaded = load_file(path, kind.rules)
    except LoadError as err:
        return [Problem(display, err.line, None, err.message, err.expected, err.example)], None
    problems = []
    if not fast_check(str(kind.schema_path))(loaded.data):   # only then are there messages to word
        validator = schema_validator(str(kind.schema_path))
        problems = schema_problems(validator.iter_errors(loaded.data), validator.schema, loaded, display,
                                   kind.vocabulary)
    problems += check_plain_text(loaded, display, kind.structured_fields)
    return problems, loaded


@lru_cache(maxsize=8)
def schema_validator(schema_path: str) -> Draft202012Validator:
    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)  # a broken schema must fail loudly, not pass everything
    return Draft202012Validator(schema)


@lru_cache(maxsize=8)
def fast_check(schema_path: str) -> Callable[[Any], bool]:
    return compile_schema(schema_validator(schema_path).schema)
