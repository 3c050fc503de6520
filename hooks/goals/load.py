"""Read and check data/goals.yml: the schema, then what the schema cannot know.

Staff add the yearly follow-up by hand, so every mistake is reported at once, worded
like the partner directory's messages (file, line, field, found, expected, example)
by the shared machinery in hooks/datafile. The schema cannot know which directory
entries exist, which year it is, or how many indicators a row has; check_* below do.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Collection, Iterator

from hooks.datafile.loader import FieldPath, FileRules, LoadedFile
from hooks.datafile.problem import Problem, display_path, dotted, quote
from hooks.datafile.schema_messages import Vocabulary
from hooks.datafile.validate import FileKind, check_file

from .model import Figure, FocusArea, FollowUp, Goal, Goals, Responsible, Row

REPO = Path(__file__).resolve().parents[2]
GOALS_PATH = REPO / "data" / "goals.yml"
SCHEMA_PATH = REPO / "data" / "goals.schema.json"

FILE_RULES = FileRules(
    plural="data files",
    size_hint="the goals with many years of follow-up need far less",
    first_field="columns",
    empty_expected="the fields columns: and goals:",
    first_line_example="columns:",
    schema_name="data/goals.schema.json",
    document="list of goals",
    max_bytes=512 * 1024,
)

VOCABULARY = Vocabulary(
    # The words staff reach for (in English, Swedish, Finnish) that difflib cannot map to fields.
    synonyms={
        "state": "status", "läge": "status", "tila": "status",
        "comment": "note", "comments": "note", "notes": "note", "anteckning": "note", "kommentar": "note",
        "huomautus": "note", "text": "note",
        "år": "year", "vuosi": "year",
        "value": "figure", "siffra": "figure", "luku": "figure", "indicator_value": "figure",
        "actor": "actors", "id": "actors", "measure": "measures", "indicator": "indicators",
        "uppföljning": "follow_up", "seuranta": "follow_up", "followup": "follow_up",
    },
)

KIND = FileKind(FILE_RULES, SCHEMA_PATH, VOCABULARY, structured_fields=frozenset({"actors", "status", "unit"}))


@dataclass
class GoalsResult:
    goals: Goals | None = None                     # None while there are errors
    errors: list[Problem] = field(default_factory=list)


def load_goals(path: Path, actor_ids: Collection[str], today: date) -> GoalsResult:
    """actor_ids: the ids of the partner directory; today: the build date (follow-up years
    after its year are errors)."""
    problems, loaded = check_file(Path(path), KIND)
    if loaded is not None:
        display = display_path(Path(path))
        problems += check_numbering(loaded, display)
        problems += check_actor_ids(loaded, display, actor_ids)
        problems += check_follow_up(loaded, display, today)
    problems.sort(key=lambda problem: (problem.line or 0, problem.field or ""))
    if problems or loaded is None:
        return GoalsResult(errors=problems)
    return GoalsResult(goals=_build(loaded.data))


# ---- checks the schema cannot express -------------------------------------------------
# They run even when the schema found errors, so they only look at values of the right shape.

def check_numbering(loaded: LoadedFile, display: str) -> list[Problem]:
    problems = []
    for index, goal in _items(loaded.data, "goals"):
        number = goal.get("number")
        if isinstance(number, int) and not isinstance(number, bool) and number != index + 1:
            problems.append(Problem(display, loaded.line_of(("goals", index, "number")), f"goals[{index}].number",
                                    f"the goal number is {number}, but this is goal {index + 1} in the list",
                                    expected=f"number: {index + 1} (the goals are numbered 1, 2, 3 … "
                                             "in the order of the programme)"))
    return problems


def check_actor_ids(loaded: LoadedFile, display: str, actor_ids: Collection[str]) -> list[Problem]:
    problems = []
    known = sorted(actor_ids)
    for path, row in _rows(loaded.data):
        for k, body in _items(row, "responsible"):
            for a, actor in _items(body, "actors", dicts_only=False):
                if not isinstance(actor, str) or actor in actor_ids:
                    continue
                where = path + ("responsible", k, "actors", a)
                found = (f"the actor id {quote(actor)} is not in the partner directory "
                         f"(there is no directory/{actor}.yml)")
                guess = difflib.get_close_matches(actor, known, n=1, cutoff=0.6)
                if guess:
                    found += f'; did you mean "{guess[0]}"?'
                problems.append(Problem(display, loaded.line_of(where), _dotted(where), found,
                                        expected="the id of an entry in directory/ (its file name without .yml), "
                                                 "e.g. invandrartjansterna; a body that has no entry goes under "
                                                 "text: instead"))
    return problems


def check_follow_up(loaded: LoadedFile, display: str, today: date) -> list[Problem]:
    problems = []
    for path, row in _rows(loaded.data):
        indicators = row.get("indicators") if isinstance(row.get("indicators"), list) else []
        first_line_of_year: dict[int, int | None] = {}
        for e, entry in _items(row, "follow_up"):
            where = path + ("follow_up", e)
            year = entry.get("year")
            if isinstance(year, int) and not isinstance(year, bool):
                line = loaded.line_of(where + ("year",))
                if year > today.year:
                    problems.append(Problem(display, line, _dotted(where + ("year",)),
                                            f"the year {year} is in the future (today is {today.isoformat()})",
                                            expected=f"a year that has already begun: {today.year} or earlier"))
                elif year in first_line_of_year:
                    problems.append(Problem(display, line, _dotted(where + ("year",)),
                                            f"the year {year} is followed up twice in this row "
                                            f"(first on line {first_line_of_year[year]})",
                                            expected="one entry per year; put everything about that year in one note"))
                else:
                    first_line_of_year[year] = line
            problems += _figure_problems(loaded, display, where + ("figure",), entry.get("figure"), len(indicators))
    return problems


def _figure_problems(loaded: LoadedFile, display: str, where: FieldPath, figure: Any, indicators: int) -> list[Problem]:
    if not isinstance(figure, dict):
        return []
    problems = []
    indicator = figure.get("indicator")
    if indicator is None and indicators > 1:
        problems.append(Problem(display, loaded.key_line_of(where), _dotted(where + ("indicator",)),
                                f"the row has {indicators} indicators, and the figure does not say which one it is for",
                                expected=f"the number of the indicator, 1 to {indicators} (1 is the first)",
                                example="indicator: 1"))
    elif isinstance(indicator, int) and not isinstance(indicator, bool) and indicators and indicator > indicators:
        problems.append(Problem(display, loaded.line_of(where + ("indicator",)), _dotted(where + ("indicator",)),
                                f"indicator {indicator} does not exist: the row has "
                                f"{indicators} indicator{'s' if indicators > 1 else ''}",
                                expected=f"a number from 1 to {indicators} (1 is the first indicator of the row)",
                                example="indicator: 1"))
    value = figure.get("value")
    if figure.get("unit") == "percent" and isinstance(value, (int, float)) and not isinstance(value, bool) \
            and not 0 <= value <= 100:
        problems.append(Problem(display, loaded.line_of(where + ("value",)), _dotted(where + ("value",)),
                                f"{value} is not a percentage",
                                expected="a percentage from 0 to 100, without the % sign", example="value: 29.8"))
    return problems


def _rows(data: Any) -> Iterator[tuple[FieldPath, dict]]:
    for g, goal in _items(data, "goals"):
        for f, area in _items(goal, "focus_areas"):
            for r, row in _items(area, "rows"):
                yield ("goals", g, "focus_areas", f, "rows", r), row


def _items(parent: Any, name: str, dicts_only: bool = True) -> Iterator[tuple[int, Any]]:
    values = parent.get(name) if isinstance(parent, dict) else None
    if isinstance(values, list):
        for index, value in enumerate(values):
            if isinstance(value, dict) or not dicts_only:
                yield index, value


def _dotted(path: FieldPath) -> str:
    return dotted(path) or ""


# ---- typed values, once the file has no errors ----------------------------------------

def _build(data: dict) -> Goals:
    return Goals(columns=data["columns"], goals=tuple(_goal(goal) for goal in data["goals"]))


def _goal(goal: dict) -> Goal:
    return Goal(goal["number"], goal["title"], goal.get("measures_column"),
                tuple(FocusArea(area["focus"], area.get("sub_focus"), tuple(_row(row) for row in area["rows"]))
                      for area in goal["focus_areas"]))


def _row(row: dict) -> Row:
    return Row(
        measures=tuple(row["measures"]),
        indicators=tuple(row["indicators"]),
        responsible=tuple(Responsible(tuple(body.get("actors", ())), body.get("text")) for body in row["responsible"]),
        uncertain=row.get("uncertain"),
        follow_up=tuple(sorted((_follow_up(entry) for entry in row.get("follow_up", ())), key=lambda e: e.year)),
    )


def _follow_up(entry: dict) -> FollowUp:
    figure = entry.get("figure")
    return FollowUp(entry["year"], entry["status"], entry["note"],
                    Figure(figure.get("indicator", 1), figure["value"], figure.get("unit")) if figure else None)
