"""Loads and validates hooks/requirements.yml: the elements of each profile.

The data file keeps law.md's distinction between what a statute says and what
guidance recommends; the loader refuses data that would claim more than that
(a build may only fail on a requirement whose basis was read: certainty V).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from hooks.yaml_text import safe_load

LANGUAGES = ("sv", "fi", "en")
SEVERITIES = ("required", "recommended")
CERTAINTIES = ("V", "S", "U")
SOURCES = ("statute", "guidance")
# How an element is verified. "covers": a page declares it; the others are checks of the build itself.
CHECKS = ("covers", "every-page-in-both-languages", "linked-from-every-page")
FACTS = ("council-decision", "review-date")
CONDITIONS = ("bilingual",)
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# How a section reference reads in each language ("32 §", "section 32").
_SECTION = {"sv": "{} §", "fi": "{} §", "en": "section {}"}
_GUIDANCE = {"sv": "vägledning: {}", "fi": "ohjeistus: {}", "en": "guidance: {}"}


class RequirementsError(ValueError):
    pass


@dataclass(frozen=True)
class Basis:
    """The legal basis of an element: an act (and section), or only official guidance."""
    act: dict[str, str] | None          # the act's name per language, None for guidance only
    section: str | None
    detail: dict[str, str] | None       # "item 2", "subsection 5 (906/2014)"
    guidance: str | None                # where the guidance is, when there is no act

    def text(self, lang: str) -> str:
        if self.act is None:
            return _GUIDANCE[lang].format(self.guidance)
        parts = [self.act[lang]]
        if self.section:
            parts.append(_SECTION[lang].format(self.section) + (f" {self.detail[lang]}" if self.detail else ""))
        return ", ".join(parts)


@dataclass(frozen=True)
class Element:
    id: str
    severity: str                   # required | recommended
    certainty: str                  # V | S | U, as in law.md
    source: str                     # statute | guidance
    basis: Basis
    label: dict[str, str]
    add: str                        # what an editor has to write, for build messages
    note: dict[str, str] | None = None
    check: str = "covers"
    facts: str | None = None
    applies_if: str | None = None

    @property
    def required(self) -> bool:
        return self.severity == "required"


@dataclass(frozen=True)
class Profile:
    id: str
    title: dict[str, str]
    elements: tuple[Element, ...]   # the profile's own elements, then the common ones

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)


@dataclass(frozen=True)
class Requirements:
    profiles: dict[str, Profile]

    @property
    def known_ids(self) -> frozenset[str]:
        """Every element id of every profile: a page may declare one that its site's profile lacks."""
        return frozenset(e.id for p in self.profiles.values() for e in p.elements)


def load_requirements(path: Path) -> Requirements:
    try:
        raw = safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise RequirementsError(f"{path}: cannot be read: {error}") from None
    return parse_requirements(raw, path.name)


def parse_requirements(raw: object, where: str = "requirements") -> Requirements:
    problems: list[str] = []
    if not isinstance(raw, dict) or not isinstance(raw.get("profiles"), dict):
        raise RequirementsError(f"{where}: expected a mapping with acts, profiles and common")
    acts = raw.get("acts") or {}
    for act, names in acts.items():
        if not _has_languages(names):
            problems.append(f"{where}: acts.{act} needs a name in {', '.join(LANGUAGES)}")
    common = [_element(entry, acts, f"{where}: common[{i}]", problems)
              for i, entry in enumerate(raw.get("common") or [])]
    profiles = {}
    for profile_id, profile in raw["profiles"].items():
        at = f"{where}: profiles.{profile_id}"
        if not isinstance(profile, dict) or not _has_languages(profile.get("title")):
            problems.append(f"{at}: needs a title in {', '.join(LANGUAGES)} and a list of elements")
            continue
        own = [_element(entry, acts, f"{at}.elements[{i}]", problems)
               for i, entry in enumerate(profile.get("elements") or [])]
        elements = [e for e in own + common if e is not None]
        seen: set[str] = set()
        for element in elements:
            if element.id in seen:
                problems.append(f"{at}: the element id '{element.id}' is used twice")
            seen.add(element.id)
        profiles[profile_id] = Profile(profile_id, dict(profile["title"]), tuple(elements))
    if problems:
        raise RequirementsError("The requirements data has problems:\n  " + "\n  ".join(problems))
    return Requirements(profiles)


def _has_languages(value: object) -> bool:
    return isinstance(value, dict) and all(str(value.get(lang) or "").strip() for lang in LANGUAGES)


def _element(entry: object, acts: dict, at: str, problems: list[str]) -> Element | None:
    if not isinstance(entry, dict):
        problems.append(f"{at}: expected a mapping")
        return None
    at = f"{at} ({entry.get('id', 'no id')})"
    before = len(problems)

    def one_of(key: str, allowed: tuple[str, ...], default: str | None = None) -> str | None:
        value = entry.get(key, default)
        if value is not None and value not in allowed:
            problems.append(f"{at}: {key} '{value}' is not one of {', '.join(allowed)}")
        return value

    if not ID.match(str(entry.get("id") or "")):
        problems.append(f"{at}: id must be lowercase words joined by hyphens")
    severity = one_of("severity", SEVERITIES)
    certainty = one_of("certainty", CERTAINTIES)
    source = one_of("source", SOURCES)
    check = one_of("check", CHECKS, "covers")
    facts = one_of("facts", FACTS)
    applies_if = one_of("applies_if", CONDITIONS)
    if None in (severity, certainty, source):
        problems.append(f"{at}: severity, certainty and source are all needed")
    # A build must not fail on a reading law.md marks as secondary or unverified.
    if severity == "required" and certainty != "V":
        problems.append(f"{at}: only an element with certainty V can be required (this one is {certainty})")
    if not _has_languages(entry.get("label")):
        problems.append(f"{at}: needs a label in {', '.join(LANGUAGES)}")
    if entry.get("note") is not None and not _has_languages(entry["note"]):
        problems.append(f"{at}: a note needs all of {', '.join(LANGUAGES)}")
    if not str(entry.get("add") or "").strip():
        problems.append(f"{at}: needs 'add' (what an editor has to write)")
    basis = _basis(entry.get("basis"), acts, at, problems)
    if len(problems) > before:
        return None
    return Element(entry["id"], severity, certainty, source, basis, dict(entry["label"]), entry["add"].strip(),
                   dict(entry["note"]) if entry.get("note") else None, check, facts, applies_if)


def _basis(raw: object, acts: dict, at: str, problems: list[str]) -> Basis | None:
    if not isinstance(raw, dict) or not (raw.get("act") or raw.get("guidance")):
        problems.append(f"{at}: basis needs an act (from acts) or a guidance source")
        return None
    if raw.get("guidance"):
        return Basis(None, None, None, str(raw["guidance"]))
    if raw["act"] not in acts:
        problems.append(f"{at}: basis act '{raw['act']}' is not listed under acts")
        return None
    detail = raw.get("detail")
    if detail is not None and not _has_languages(detail):
        problems.append(f"{at}: basis detail needs all of {', '.join(LANGUAGES)}")
        return None
    section = raw.get("section")
    return Basis(dict(acts[raw["act"]]), str(section) if section is not None else None,
                 dict(detail) if detail else None, None)
