"""The trilingual glossary (data/glossary.yml): loading, checking, rendering.

One entry per term with its sv/fi/en forms. Entries of kind "concept" are the
programme's own definitions ("Kort om olika begrepp"); the concepts page of each
language is rendered from them, followed by a table of all other names.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hooks.yaml_text import safe_load

LANGUAGES = ("sv", "fi", "en")
KINDS = ("concept", "institution", "service", "law", "term")

# Text the site adds around the rendered glossary, per language.
_NAMES_HEADING = {
    "sv": "Namn och termer på tre språk",
    "fi": "Nimet ja termit kolmella kielellä",
    "en": "Names and terms in three languages",
}
_NAMES_INTRO = {
    "sv": "Tabellen hör inte till det tryckta programmet. Den visar hur myndigheter, tjänster och "
          "termer som nämns i programmet heter på svenska, finska och engelska.",
    "fi": "Taulukko ei kuulu painettuun ohjelmaan. Siinä näkyy, millä nimillä ohjelmassa mainitut "
          "viranomaiset, palvelut ja termit tunnetaan ruotsiksi, suomeksi ja englanniksi.",
    "en": "This table is not part of the printed programme. It shows what the authorities, services "
          "and terms named in the programme are called in Swedish, Finnish and English.",
}
_COLUMN = {
    "sv": ("Svenska", "Finska", "Engelska", "Förklaring"),
    "fi": ("Ruotsi", "Suomi", "Englanti", "Selitys"),
    "en": ("Swedish", "Finnish", "English", "Explanation"),
}


class GlossaryError(ValueError):
    pass


@dataclass(frozen=True)
class Term:
    id: str
    kind: str
    names: dict[str, str]
    definition: dict[str, str] = field(default_factory=dict)
    match: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def stems(self, lang: str) -> tuple[str, ...]:
        """What to look for in running text: the declared stems, else the name itself."""
        return self.match.get(lang) or (self.names[lang],)


def load_glossary(path: Path) -> list[Term]:
    try:
        raw = safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise GlossaryError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(raw, list):
        raise GlossaryError(f"{path}: expected a list of terms")
    terms, seen, problems = [], set(), []
    for number, entry in enumerate(raw, 1):
        where = f"{path.name}, entry {number} ({entry.get('id', 'no id') if isinstance(entry, dict) else entry!r})"
        if not isinstance(entry, dict):
            problems.append(f"{where}: expected a mapping with id, kind, sv, fi, en")
            continue
        missing = [key for key in ("id", "kind", *LANGUAGES) if not str(entry.get(key) or "").strip()]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        if entry["id"] in seen:
            problems.append(f"{where}: the id '{entry['id']}' is used twice")
        seen.add(entry["id"])
        if entry["kind"] not in KINDS:
            problems.append(f"{where}: kind '{entry['kind']}' is not one of {', '.join(KINDS)}")
        definition = entry.get("definition") or {}
        if entry["kind"] == "concept" and any(not str(definition.get(lang) or "").strip() for lang in LANGUAGES):
            problems.append(f"{where}: a concept needs a definition in sv, fi and en")
        match = {lang: tuple(str(s) for s in (entry.get("match") or {}).get(lang) or ()) for lang in LANGUAGES}
        terms.append(Term(entry["id"], entry["kind"], {lang: str(entry[lang]) for lang in LANGUAGES},
                          {lang: str(definition.get(lang) or "").strip() for lang in LANGUAGES},
                          {lang: stems for lang, stems in match.items() if stems}))
    if problems:
        raise GlossaryError("The glossary has problems:\n  " + "\n  ".join(problems))
    return terms


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_concepts(terms: list[Term], lang: str) -> str:
    """The programme's concepts as a Markdown definition list, then a table of all other names."""
    out: list[str] = []
    for term in terms:
        if term.kind != "concept":
            continue
        paragraphs = [p.strip() for p in term.definition[lang].split("\n\n") if p.strip()]
        out.append(term.names[lang])
        out.append(":   " + "\n\n    ".join(" ".join(p.split()) for p in paragraphs))
        out.append("")
    others = sorted((t for t in terms if t.kind != "concept"), key=lambda t: t.names[lang].casefold())
    if others:
        out += [f"## {_NAMES_HEADING[lang]}", "", _NAMES_INTRO[lang], "",
                "| " + " | ".join(_COLUMN[lang]) + " |", "|---|---|---|---|"]
        for term in others:
            names = [f'<span lang="{code}">{_cell(term.names[code])}</span>' if code != lang
                     else _cell(term.names[code]) for code in LANGUAGES]
            out.append("| " + " | ".join(names + [_cell(term.definition.get(lang, ""))]) + " |")
        out.append("")
    return "\n".join(out)
