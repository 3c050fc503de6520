"""Validate the whole partner directory: every file, every problem, in one pass.

Partners fix their entries by reading this output, so nothing stops at the first
error: each file is loaded, checked against schema.json and then against the rules
the schema cannot express (checks.py). The site gets the actors only when no file
has an error.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from hooks.datafile.loader import LoadedFile
from hooks.datafile.problem import Problem, display_path, quote
from hooks.datafile.validate import FileKind, check_file

from . import checks
from .rules import FILE_RULES, VOCABULARY

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "directory" / "schema.json"

__all__ = ["DirectoryResult", "Problem", "configured_folder", "load_directory", "load_directory_once",
           "SCHEMA_PATH"]


def configured_folder(config_file: Path, extra: dict | None) -> Path | None:
    """The partner directory a site's or edition's configuration names: extra.directory.folder,
    relative to its mkdocs.yml. Each programme has its own."""
    directory = (extra or {}).get("directory") or {}
    name = directory.get("folder") if isinstance(directory, dict) else None
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
    kind = FileKind(FILE_RULES, Path(schema_path), VOCABULARY, checks.STRUCTURED_FIELDS)
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
        problems, loaded = _check_file(path, today, kind)
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


_last_load: tuple[tuple, DirectoryResult] | None = None


def load_directory_once(folder: Path, today: date) -> DirectoryResult:
    """load_directory, shared by the hooks of one build (the check and the pages both need
    it). Keyed on every file's size and modification time, so a live preview sees edits."""
    global _last_load
    folder = Path(folder)
    files = sorted(folder.iterdir()) if folder.is_dir() else []
    key = (str(folder.resolve()), today, str(SCHEMA_PATH),
           tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.is_file()))
    if _last_load is None or _last_load[0] != key:
        _last_load = (key, load_directory(folder, today))
    return _last_load[1]


def _check_file(path: Path, today: date, kind: FileKind) -> tuple[list[Problem], LoadedFile | None]:
    display = display_path(path)
    problems, loaded = check_file(path, kind, display)
    if loaded is None:
        return problems, None
    problems += checks.check_id_matches_file(loaded, display)
    problems += checks.check_contacts(loaded, display)
    problems += checks.check_schedules(loaded, display)
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
