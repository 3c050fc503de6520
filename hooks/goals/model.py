"""The goals of chapter 5 as typed values (read from data/goals.yml by load.py)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Mapping

LANGUAGES = ("sv", "fi", "en")
STATUSES = ("not_started", "in_progress", "done", "dropped")

Text = Mapping[str, str]    # one text per language: {"sv": …, "fi": …, "en": …}


@dataclass(frozen=True)
class Figure:
    indicator: int              # 1-based: which of the row's indicators
    value: int | float
    unit: str | None            # None (a count), "percent" or "euro"


@dataclass(frozen=True)
class FollowUp:
    year: int
    status: str                 # one of STATUSES
    note: Text                  # sv always; fi and en when translated
    figure: Figure | None


@dataclass(frozen=True)
class Responsible:
    actors: tuple[str, ...]     # directory ids
    text: Text | None           # the programme's wording, when it differs or there is no entry


@dataclass(frozen=True)
class Row:
    measures: tuple[Text, ...]
    indicators: tuple[Text, ...]
    responsible: tuple[Responsible, ...]
    uncertain: Text | None      # what the scanned source does not give with certainty
    follow_up: tuple[FollowUp, ...]


@dataclass(frozen=True)
class FocusArea:
    focus: Text
    sub_focus: Text | None
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Goal:
    number: int
    title: Text
    measures_column: Text | None
    focus_areas: tuple[FocusArea, ...]

    def rows(self) -> Iterator[tuple[FocusArea, Row]]:
        for area in self.focus_areas:
            for row in area.rows:
                yield area, row

    def actor_ids(self) -> set[str]:
        return {actor for _, row in self.rows() for body in row.responsible for actor in body.actors}


@dataclass(frozen=True)
class Goals:
    columns: Mapping[str, Text]   # focus, measures, indicators, responsible
    goals: tuple[Goal, ...]

    def measures_heading(self, goal: Goal) -> Text:
        return goal.measures_column or self.columns["measures"]
