"""What a printed page says besides the programme's text: the wording per language
(data/print.yml), the facts on the cover (mkdocs.yml extra.programme and site_name),
and the running header and footer every printed page carries.

The header and footer are CSS @page margin boxes, so a page printed from the browser
and the PDF made at build time look the same. Their text differs per language and
edition, so it is written into each page (overrides/partials/print-head.html); the
styles are in overrides/assets/stylesheets/print.css.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

import yaml


class PrintEditionError(ValueError):
    pass


@dataclass(frozen=True)
class PrintTexts:
    download_pdf: str               # the link to a page's own PDF
    download_programme_pdf: str     # the link to the whole programme's PDF
    print_page: str                 # the link to the print page
    contents: str                   # heading of the table of contents
    municipality: str
    period: str
    approved_by: str
    decision_date: str
    not_given: str                  # shown for a fact the programme document does not give
    edition: str
    language: str
    generated: str                  # label of the build date
    page: str                       # running footer, "Sida {page} av {pages}"


def load_texts(path: Path, locales: tuple[str, ...]) -> dict[str, PrintTexts]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PrintEditionError(f"{path}: cannot be read: {error}") from None
    keys = [f.name for f in fields(PrintTexts)]
    problems, texts = [], {}
    for locale in locales:
        entry = (raw or {}).get(locale) if isinstance(raw, dict) else None
        if not isinstance(entry, dict):
            problems.append(f"{path.name}: no texts for the language '{locale}'")
            continue
        missing = [key for key in keys if not str(entry.get(key) or "").strip()]
        if missing:
            problems.append(f"{path.name}, {locale}: missing {', '.join(missing)}")
            continue
        if "{page}" not in entry["page"]:
            problems.append(f"{path.name}, {locale}: 'page' must contain {{page}}")
            continue
        texts[locale] = PrintTexts(**{key: str(entry[key]).strip() for key in keys})
    if problems:
        raise PrintEditionError("The print texts have problems:\n  " + "\n  ".join(problems))
    return texts


@dataclass(frozen=True)
class Cover:
    title: str                      # the site's name in this language
    municipality: str
    period: str                     # "2022–2024"
    approved_by: str | None         # the council body; None when the document does not say it was approved
    decision_date: date | None      # None: the programme document gives no date
    edition: str
    language: str                   # the language's own name, "Suomi"
    generated: date                 # the build date (last commit), never the clock


def cover_facts(extra: dict, site_name: str, locale: str, language: str, generated: date) -> Cover:
    """The cover's facts from mkdocs.yml extra.programme; a missing fact is a build error."""
    programme = (extra or {}).get("programme") or {}
    council = programme.get("council_decision") or {}
    period = programme.get("period") or {}
    values = {
        "municipality": (programme.get("municipality") or {}).get(locale),
        "council_decision.body": (council.get("body") or {}).get(locale),
        "period.start": period.get("start"),
        "period.end": period.get("end"),
        "edition": programme.get("edition"),
    }
    missing = [key for key, value in values.items() if not str(value or "").strip()]
    if missing:
        raise PrintEditionError(f"mkdocs.yml extra.programme: the cover needs {', '.join(missing)} "
                                f"(for the language '{locale}')")
    decision = council.get("date")
    if decision is not None and not isinstance(decision, date):
        raise PrintEditionError(f"mkdocs.yml extra.programme.council_decision.date: expected a date "
                                f"like 2021-12-13 or null, found {decision!r}")
    # council_decision.body is the body the law names; a document that does not say it was approved
    # (extra.programme.missing_in_source: [council-approval]) must not be printed as approved by it.
    approved = "council-approval" not in (programme.get("missing_in_source") or [])
    return Cover(title=site_name, municipality=str(values["municipality"]),
                 period=f"{period['start']}–{period['end']}",
                 approved_by=str(values["council_decision.body"]) if approved else None,
                 decision_date=decision, edition=str(values["edition"]), language=language,
                 generated=generated)


def css_string(text: str) -> str:
    """A CSS string literal; '<' is escaped so that the text cannot close a <style> element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ").replace("<", "\\3C ")
    return f'"{escaped}"'


def running_css(cover: Cover, texts: PrintTexts, has_cover_page: bool = False) -> str:
    """@page margin boxes: the programme's name top left, edition and language top right,
    the build date bottom left, the page number bottom right; none on a cover page."""
    page_number = " ".join(
        f"counter({part[1:-1]})" if part in ("{page}", "{pages}") else css_string(part)
        for part in re.split(r"(\{page\}|\{pages\})", texts.page) if part)
    boxes = {
        "top-left": css_string(cover.title),
        "top-right": css_string(f"{texts.edition} {cover.edition} · {cover.language}"),
        "bottom-left": css_string(f"{texts.generated} {cover.generated.isoformat()}"),
        "bottom-right": page_number,
    }
    css = "@page {" + " ".join(f"@{box} {{ content: {value}; }}" for box, value in boxes.items()) + "}"
    if has_cover_page:
        css += " @page :first {" + " ".join(f"@{box} {{ content: none; }}" for box in boxes) + "}"
    return css


_BARE_ADDRESS = re.compile(r'<a href="(https?://[^"]+)">\1</a>')


def mark_bare_addresses(html: str) -> str:
    """Links whose text is their address get class "bare-address", so that print does not
    print the address a second time after them."""
    return _BARE_ADDRESS.sub(r'<a class="bare-address" href="\1">\1</a>', html)
