"""The programme facts a site declares in mkdocs.yml under extra.programme.

They are what the build checks a programme against (which law, which council
decision, which period) and what the compliance page shows. A fact the programme
document does not give stays null here: it is reported, never invented.

Texts (municipality, council body, publisher) are needed in the site's own languages
only: a site in Swedish and Finnish declares no English names.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The languages the compliance pages have texts for (hooks/compliance/report.py); a site uses any of them.
LANGUAGES = ("sv", "fi", "en")
# in_force: the programme in force; period_ended: its period is over and no newer programme is published;
# superseded: an older edition, replaced by the next one in extra.editions.
STATUSES = ("in_force", "period_ended", "superseded")


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
    status: str                     # in_force | period_ended | superseded
    next_review: date
    council: CouncilDecision
    edition: str
    publisher: dict[str, str]
    publisher_website: str | None
    superseded_by: str | None = None    # the edition that replaced this one (status superseded)
    # Required elements that the document as approved does not contain, declared one by one: the
    # site publishes the document as it is, so these are shown as gaps instead of stopping the build.
    missing_in_source: tuple[str, ...] = ()

    @property
    def period_end_date(self) -> date:
        return date(self.period_end, 12, 31)

    @property
    def period(self) -> str:
        return f"{self.period_start}–{self.period_end}"


def load_programme(extra: dict | None, languages: tuple[str, ...] = LANGUAGES) -> Programme:
    """The facts of extra.programme; texts are required in each of the site's languages."""
    raw = (extra or {}).get("programme")
    if not isinstance(raw, dict):
        raise ProgrammeError("mkdocs.yml: extra.programme is missing (see README, 'Declaring a programme')")
    unsupported = [lang for lang in languages if lang not in LANGUAGES]
    if unsupported or not languages:
        raise ProgrammeError(f"the site's languages {', '.join(languages) or '(none)'}: the compliance pages "
                             f"have texts in {', '.join(LANGUAGES)} only (hooks/compliance/report.py)")
    problems: list[str] = []

    def field(path: str, value, kind, required: bool = True):
        if value is None and not required:
            return None
        if kind == "languages":
            if isinstance(value, dict) and all(str(value.get(lang) or "").strip() for lang in languages):
                return {lang: str(value[lang]) for lang in languages}
            problems.append(f"extra.programme.{path}: expected a text for each of the site's languages "
                            f"({', '.join(languages)})")
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
        superseded_by=_successor(extra, raw.get("edition"), problems) if status == "superseded" else None,
        missing_in_source=_element_ids(raw.get("missing_in_source"), problems),
    )
    if problems:
        raise ProgrammeError("mkdocs.yml, extra.programme has problems:\n  " + "\n  ".join(problems))
    if programme["period_end"] < programme["period_start"]:
        raise ProgrammeError("mkdocs.yml, extra.programme.period: end is before start")
    return Programme(**programme)


def _element_ids(value: object, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value):
        return tuple(value)
    problems.append(f"extra.programme.missing_in_source: expected a list of element ids from hooks/requirements.yml, "
                    f"like [budget-link], found {value!r}")
    return ()


def _successor(extra: dict, edition: object, problems: list[str]) -> str | None:
    """The edition after this one in extra.editions (oldest first): the one that superseded it."""
    editions = [str(name) for name in (extra.get("editions") or [])]
    index = editions.index(str(edition)) if str(edition) in editions else None
    if index is None or index + 1 >= len(editions):
        problems.append(f"extra.programme.status: superseded needs a newer edition after '{edition}' in "
                        f"extra.editions (found {editions or 'none'})")
        return None
    return editions[index + 1]
