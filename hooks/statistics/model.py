"""One chart's figures as typed values (read from data/statistics/*.yml by load.py)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

Text = Mapping[str, str]    # one text per language: {"sv": …, "fi": …, "en": …}


@dataclass(frozen=True)
class Headline:
    value: int | float
    unit: str                   # "persons" or "percent"
    label: Text | None


@dataclass(frozen=True)
class Bar:
    label: Text
    value: int | float


@dataclass(frozen=True)
class Dataset:
    id: str
    title: Text
    headline: tuple[Headline, ...]
    category_heading: Text
    unit: str                   # "persons" or "percent" (drawn on a scale to 100)
    bars: tuple[Bar, ...]
    left_out: tuple[Text, ...]  # categories whose figures cannot be read in the source
    source_name: Text
    source_date: str            # "2019-12-31" or "2020-12"
    printed_in: str
