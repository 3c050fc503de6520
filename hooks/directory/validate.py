"""Validate the whole partner directory: every file, every problem, in one pass.

Partners fix their entries by reading this output, so nothing stops at the first
error: each file is loaded, checked against schema.json and then against the rules
the schema cannot express (checks.py). The site gets the actors only when no file
has an error.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from . import checks
from .loader import LoadError, LoadedFile, load_file
from .problem import Problem, display_path, quote
from .schema_messages import schema_problems

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "directory" / "schema.json"

__all__ = ["DirectoryResult", "Problem", "configured_folder", "load_directory", "SCHEMA_PATH"]


def configured_folder(config_file: Path, extra: dict | None) -> Path | None:
    """The partner directory a site's or edition's configuration names: extra.directory_dir,
    relative to its mkdocs.yml. Each programme has its own."""
    name = (extra or {}).get("directory_dir")
    return (Path(config_file).resolve().parent / str(name)).resolve() if name else None


@dataclass
class DirectoryResult:
    actors: list[dict[str, Any]] = field(default_factory=list)  # empty unless errors is empty
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    files_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def load_directory(folder: Path, today: date, schema_path: Path = SCHEMA_PATH) -> DirectoryResult:
    """Load and check every <id>.yml in folder. The schema always comes from the
    repository (not from the folder), so a submitted folder cannot loosen the rules."""
    folder = Path(folder)
    result = DirectoryResult()
    if not folder.is_dir():
        result.errors.append(Problem(display_path(folder), None, None, "the folder does not exist",
                                     expected="a folder with one .yml file per actor"))
        return result
    validator = _validator(str(schema_path))
    loaded_files: list[LoadedFile] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix == ".yaml":
            result.errors.append(Problem(display_path(path), None, None, 'the file name ends in ".yaml"',
                                         expected="the ending .yml", example=path.with_suffix(".yml").name))
            continue
        if path.suffix != ".yml":
            continue  # schema.json, README.md and the like
        result.files_checked += 1
        problems, loaded = _check_file(path, today, validator)
        for problem in problems:
            (result.warnings if problem.severity == "warning" else result.errors).append(problem)
        if loaded is not None:
            loaded_files.append(loaded)
    if result.files_checked == 0:
        result.errors.append(Problem(display_path(folder), None, None, "there are no .yml files in the folder",
                                     expected="one file per actor, named <id>.yml", example="frk-borga.yml"))
    result.errors.extend(_duplicate_ids(loaded_files))
    if not result.errors:
        result.actors = sorted((loaded.data for loaded in loaded_files), key=lambda actor: actor["id"])
    return result


def _check_file(path: Path, today: date, validator: Draft202012Validator) -> tuple[list[Problem], LoadedFile | None]:
    display = display_path(path)
    try:
        loaded = load_file(path)
    except LoadError as err:
        return [Problem(display, err.line, None, err.message, err.expected, err.example)], None
    problems = schema_problems(validator.iter_errors(loaded.data), validator.schema, loaded, display)
    problems += checks.check_id_matches_file(loaded, display)
    problems += checks.check_contacts(loaded, display)
    problems += checks.check_schedules(loaded, display)
    problems += checks.check_plain_text(loaded, display)
    problems += checks.check_reviewed(loaded, display, today)
    problems.sort(key=lambda problem: (problem.line or 0, problem.field or ""))
    return problems, loaded


def _duplicate_ids(loaded_files: list[LoadedFile]) -> list[Problem]:
    """Report every file that reuses an id; the file named after the id keeps it."""
    by_id: dict[str, list[LoadedFile]] = {}
    for loaded in loaded_files:
        actor_id = loaded.data.get("id")
        if isinstance(actor_id, str):
            by_id.setdefault(actor_id, []).append(loaded)
    problems = []
    for actor_id, files in by_id.items():
        if len(files) < 2:
            continue
        owner = next((f for f in files if f.path.stem == actor_id), files[0])
        for loaded in files:
            if loaded is owner:
                continue
            problems.append(Problem(display_path(loaded.path), loaded.line_of(("id",)), "id",
                                    f"the id {quote(actor_id)} is already used in {display_path(owner.path)} "
                                    f"(line {owner.line_of(('id',))})",
                                    expected="a different id for each actor, the same as its file name",
                                    example=f"id: {loaded.path.stem}"))
    return problems


@lru_cache(maxsize=4)
def _validator(schema_path: str) -> Draft202012Validator:
    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)  # a broken schema must fail loudly, not pass everything
    return Draft202012Validator(schema)
