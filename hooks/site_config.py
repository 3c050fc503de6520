"""The programme facts a site declares in mkdocs.yml under extra.programme.

They are what the build checks a programme against (which law, which council
decision, which period) and what the compliance page shows. A fact the programme
document does not give stays null here: it is reported, never invented.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

LANGUAGES = ("sv", "fi", "en")
STATUSES = ("in_force", "period_ended")


class ProgrammeError(ValueError):
    pass


@dataclass(frozen=True)
class CouncilDecision:
    body: dict[str, str]            # "stadsfullmäktige", "kaupunginvaltuusto", "City Council"
    date: date | None               # None: not given in the programme document
    section: str | None             # the minutes' section (§), None when not given


@dataclass(frozen=True)
class Programme:
    municipality: dict[str, str]
    bilingual: bool                 # Finnish and Swedish both official languages of the municipality
    profile: str                    # an id from hooks/requirements.yml
    period_start: int
    period_end: int
    status: str                     # in_force | period_ended
    next_review: date
    council: CouncilDecision
    edition: str
    publisher: dict[str, str]
    publisher_website: str | None

    @property
    def period_end_date(self) -> date:
        return date(self.period_end, 12, 31)

    @property
    def period(self) -> str:
        return f"{self.period_start}–{self.period_end}"


def load_programme(extra: dict | None) -> Programme:
    raw = (extra or {}).get("programme")
    if not isinstance(raw, dict):
        raise ProgrammeError("mkdocs.yml: extra.programme is missing (see README, 'Declaring a programme')")
    problems: list[str] = []

    def field(path: str, value, kind, required: bool = True):
        if value is None and not required:
            return None
        if kind == "languages":
            if isinstance(value, dict) and all(str(value.get(lang) or "").strip() for lang in LANGUAGES):
                return {lang: str(value[lang]) for lang in LANGUAGES}
            problems.append(f"extra.programme.{path}: expected a text for each of {', '.join(LANGUAGES)}")
        elif kind == "date":
            try:
                return value if isinstance(value, date) else date.fromisoformat(str(value))
            except ValueError:
                problems.append(f"extra.programme.{path}: expected a date like 2024-12-31, found {value!r}")
        elif kind is bool or kind is int:
            if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
                return value
            problems.append(f"extra.programme.{path}: expected {'true or false' if kind is bool else 'a year'}, "
                            f"found {value!r}")
        elif kind in ("text", "url"):
            if str(value or "").strip():
                return str(value).strip()
            problems.append(f"extra.programme.{path}: expected a text")
        return None

    period = raw.get("period") if isinstance(raw.get("period"), dict) else {}
    council = raw.get("council_decision") if isinstance(raw.get("council_decision"), dict) else {}
    status = raw.get("status")
    if status not in STATUSES:
        problems.append(f"extra.programme.status: expected one of {', '.join(STATUSES)}, found {status!r}")
    programme = dict(
        municipality=field("municipality", raw.get("municipality"), "languages"),
        bilingual=field("bilingual", raw.get("bilingual"), bool),
        profile=field("profile", raw.get("profile"), "text"),
        period_start=field("period.start", period.get("start"), int),
        period_end=field("period.end", period.get("end"), int),
        status=status,
        next_review=field("next_review", raw.get("next_review"), "date"),
        council=CouncilDecision(
            field("council_decision.body", council.get("body"), "languages"),
            field("council_decision.date", council.get("date"), "date", required=False),
            str(council["section"]) if council.get("section") is not None else None),
        edition=field("edition", raw.get("edition"), "text"),
        publisher=field("publisher", raw.get("publisher"), "languages"),
        publisher_website=field("publisher_website", raw.get("publisher_website"), "url", required=False),
    )
    if problems:
        raise ProgrammeError("mkdocs.yml, extra.programme has problems:\n  " + "\n  ".join(problems))
    if programme["period_end"] < programme["period_start"]:
        raise ProgrammeError("mkdocs.yml, extra.programme.period: end is before start")
    return Programme(**programme)
