"""How fresh an entry is: confirmed by its partner within 12 months, earlier, or never.

The same rule as the validator's warning (checks.check_reviewed), so the page marks
exactly the entries the build warns about.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, Mapping

from .checks import one_year_before, parse_date


@dataclass(frozen=True)
class Review:
    state: Literal["current", "stale", "never"]
    reviewed: date | None


def review_of(actor: Mapping[str, Any], today: date) -> Review:
    reviewed = parse_date(actor["reviewed"]) if isinstance(actor.get("reviewed"), str) else None
    if reviewed is None:
        return Review("never", None)
    return Review("stale" if reviewed < one_year_before(today) else "current", reviewed)
