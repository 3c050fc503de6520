"""Read and check every data/statistics/*.yml: the schema, then what the schema cannot know
(real dates, shares of at most 100 %, ids used once across all files).

Problems are worded like the partner directory's, by the shared hooks/datafile.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from hooks.datafile.loader import FileRules, LoadedFile
from hooks.datafile.problem import Problem, display_path, dotted, quote
from hooks.datafile.schema_messages import Vocabulary
from hooks.datafile.validate import FileKind, check_file

from .model import Bar, Dataset, Headline

REPO = Path(__file__).resolve().parents[2]
FOLDER = REPO / "data" / "statistics"
SCHEMA_PATH = FOLDER / "schema.json"

FILE_RULES = FileRules(
    plural="statistics files",
    size_hint="a municipality's statistics need only a few KiB",
    first_field="datasets",
    empty_expected="the field datasets: with one dataset per chart",
    first_line_example="datasets:",
    schema_name="data/statistics/schema.json",
    document="list of datasets",
)
VOCABULARY = Vocabulary(synonyms={
    "bars": "items", "values": "items", "data": "items", "name": "title", "total": "headline",
    "heading": "category_heading", "unreadable": "left_out", "missing": "left_out", "document": "printed_in",
    "publisher": "name", "day": "date", "count": "value", "number": "value",
})
_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?")
KIND = FileKind(FILE_RULES, SCHEMA_PATH, VOCABULARY, structured_fields=frozenset({"id", "unit", "date"}))


@dataclass
class StatisticsResult:
    datasets: dict[str, Dataset] = field(default_factory=dict)   # empty while there are errors
    errors: list[Problem] = field(default_factory=list)


def load_statistics(folder: Path = FOLDER) -> StatisticsResult:
    result = StatisticsResult()
    loaded_files: list[LoadedFile] = []
    for path in sorted(Path(folder).glob("*.yml")):
        problems, loaded = check_file(path, KIND)
        if loaded is not None:
            problems += check_values(loaded, display_path(path))
            loaded_files.append(loaded)
        result.errors += sorted(problems, key=lambda problem: (problem.line or 0, problem.field or ""))
    result.errors += check_unique_ids(loaded_files)
    if not result.errors:
        result.datasets = {dataset.id: dataset for loaded in loaded_files for dataset in _datasets(loaded.data)}
    return result


def check_values(loaded: LoadedFile, display: str) -> list[Problem]:
    """Dates that exist, and percentages from 0 to 100. Looks only at values of the right
    shape: the schema reports the others."""
    problems = []
    for d, dataset in _items(loaded.data, "datasets"):
        where = ("datasets", d)
        source = dataset.get("source")
        day = source.get("date") if isinstance(source, dict) else None
        if isinstance(day, str) and _DATE_SHAPE.fullmatch(day) and not _real_date(day):   # shape: the schema
            path = where + ("source", "date")
            problems.append(Problem(display, loaded.line_of(path), dotted(path),
                                    f"{quote(day)} is not a date that exists",
                                    expected="a date written as YYYY-MM-DD, or YYYY-MM for a month",
                                    example='"2019-12-31"'))
        shares = [(where + ("items", i), item) for i, item in _items(dataset, "items")
                  if dataset.get("unit") == "percent"]
        shares += [(where + ("headline", h), figure) for h, figure in _items(dataset, "headline")
                   if figure.get("unit") == "percent"]
        for path, figure in shares:
            value = figure.get("value")
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 100:
                problems.append(Problem(display, loaded.line_of(path + ("value",)), dotted(path + ("value",)),
                                        f"{value} is not a percentage", expected="a share from 0 to 100, without %",
                                        example="value: 29.8"))
    return problems


def check_unique_ids(loaded_files: list[LoadedFile]) -> list[Problem]:
    first: dict[str, tuple[LoadedFile, int]] = {}
    problems = []
    for loaded in loaded_files:
        for d, dataset in _items(loaded.data, "datasets"):
            dataset_id = dataset.get("id")
            if not isinstance(dataset_id, str):
                continue
            line = loaded.line_of(("datasets", d, "id"))
            if dataset_id in first:
                owner, owner_line = first[dataset_id]
                problems.append(Problem(display_path(loaded.path), line, dotted(("datasets", d, "id")),
                                        f"the id {quote(dataset_id)} is already used in {display_path(owner.path)} "
                                        f"(line {owner_line})",
                                        expected="a different id for each dataset: the page marker names one chart"))
            else:
                first[dataset_id] = (loaded, line)
    return problems


def _real_date(text: str) -> bool:
    try:
        date.fromisoformat(text if len(text) == 10 else text + "-01")
        return True
    except ValueError:
        return False


def _items(parent: Any, name: str):
    values = parent.get(name) if isinstance(parent, dict) else None
    if isinstance(values, list):
        for index, value in enumerate(values):
            if isinstance(value, dict):
                yield index, value


def _datasets(data: dict) -> list[Dataset]:
    return [Dataset(
        id=d["id"], title=d["title"],
        headline=tuple(Headline(h["value"], h["unit"], h.get("label")) for h in d.get("headline", ())),
        category_heading=d["category_heading"], unit=d["unit"],
        bars=tuple(Bar(item["label"], item["value"]) for item in d["items"]),
        left_out=tuple(item["label"] for item in d.get("left_out", ())),
        source_name=d["source"]["name"], source_date=d["source"]["date"], printed_in=d["printed_in"],
    ) for d in data["datasets"]]
