"""Finnish and English editions: every page, the same structure, no Swedish left,
the glossary's terms, and spelling under 1 % unknown words in every language."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import PROGRAMMES, REPO

DOCS = REPO / "docs"
SV_PAGES = sorted(p.name for p in (DOCS / "sv").glob("*.md"))
TRANSLATIONS = ("fi", "en")


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("---", 2)[2] if text.startswith("---") else text


def structure(path: Path) -> dict:
    """What must match across languages: heading levels with their numbers and ids,
    table shapes, footnote labels, admonition kinds, link targets."""
    body = _body(path)
    headings = []
    for level, text in re.findall(r"^(#{1,6})\s+(.*)$", body, re.M):
        number = re.match(r"^(\d+(?:\.\d+)*)\s", text)
        anchor = re.search(r"\{#([\w-]+)\}", text)
        headings.append((len(level), number.group(1) if number else None, anchor.group(1) if anchor else None))
    tables = [len(block.strip().splitlines()) for block in re.findall(r"((?:^\|.*\n?)+)", body, re.M)]
    cells = [line.count("|") for line in body.splitlines() if line.startswith("|")]
    return {
        "headings": headings,
        "tables": tables,
        "table cells": cells,
        "footnotes": sorted(re.findall(r"^\[\^([^\]]+)\]:", body, re.M)),
        "footnote refs": sorted(set(re.findall(r"\[\^([^\]]+)\](?!:)", body))),
        "admonitions": re.findall(r"^\s*!!! (\w+)", body, re.M),
        "links": sorted(set(re.findall(r"\]\(([^)#\s]+\.md)", body))),
    }


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_swedish_page_exists_in_each_language(lang):
    missing = [name for name in SV_PAGES if not (DOCS / lang / name).exists()]
    extra = sorted(p.name for p in (DOCS / lang).glob("*.md") if p.name not in SV_PAGES)
    assert not missing and not extra, f"{lang}: missing {missing}, not in Swedish {extra}"


@pytest.mark.parametrize("lang", TRANSLATIONS)
@pytest.mark.parametrize("name", [n for n in SV_PAGES if n != "index.md"])
def test_translation_has_the_swedish_structure(lang, name):
    source, translated = structure(DOCS / "sv" / name), structure(DOCS / lang / name)
    for key in source:
        assert translated[key] == source[key], f"{lang}/{name}: {key} differ"


@pytest.mark.parametrize("lang", ("sv",) + TRANSLATIONS)
def test_every_page_declares_its_translation_status(lang):
    allowed = {"source"} if lang == "sv" else {"official", "unofficial"}
    for path in sorted((DOCS / lang).glob("*.md")):
        status = _front_matter(path).get("translation")
        assert status in allowed, f"{path.relative_to(REPO)}: translation: {status!r}"


SWEDISH_FUNCTION_WORDS = {"och", "att", "som", "för", "med", "av", "på", "är", "det", "ett", "till", "har",
                          "inte", "den", "kan", "ska", "eller", "från", "också", "inom", "samt", "även", "vid"}


def swedish_share(text: str) -> float:
    text = re.sub(r"\]\([^)]*\)|\{#[^}]*\}|<[^>]+>|`[^`]*`", " ", text)
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    return sum(t in SWEDISH_FUNCTION_WORDS for t in tokens) / max(len(tokens), 1)


def test_swedish_detector_recognises_swedish():
    assert swedish_share(_body(DOCS / "sv" / "2-1-komma-igang.md")) > 0.08


@pytest.mark.parametrize("lang", TRANSLATIONS)
@pytest.mark.parametrize("name", SV_PAGES)
def test_no_swedish_running_text_left(lang, name):
    share = swedish_share(_body(DOCS / lang / name))
    assert share < 0.01, f"{lang}/{name}: {share:.1%} of the words are Swedish function words"


# ---- glossary ---------------------------------------------------------------------------

def _glossary():
    from hooks.glossary import load_glossary
    return load_glossary(REPO / "data" / "glossary.yml")


def _mentions(text: str, stems) -> bool:
    text = " ".join(text.split())  # a term may be wrapped over two lines
    return any(re.search(r"(?<![\w-])" + re.escape(stem), text, re.I) for stem in stems)


def test_glossary_is_valid_and_has_the_concepts():
    terms = _glossary()
    concepts = [t for t in terms if t.kind == "concept"]
    assert len(concepts) == 11
    assert len(terms) >= 60


def test_translations_use_the_glossary_terms():
    """Where a Swedish page uses a glossary term, its translations use that term's fi/en form."""
    problems = []
    for term in _glossary():
        for name in SV_PAGES:
            if not _mentions(_body(DOCS / "sv" / name), term.stems("sv")):
                continue
            for lang in TRANSLATIONS:
                if not _mentions(_body(DOCS / lang / name), term.stems(lang)):
                    problems.append(f"{lang}/{name}: '{term.names['sv']}' is not rendered as '{term.names[lang]}'")
    assert not problems, f"{len(problems)} places:\n" + "\n".join(problems[:60])


@pytest.mark.parametrize("lang", ("sv",) + TRANSLATIONS)
def test_concepts_page_is_rendered_from_the_glossary(site, lang):
    page = site / ("" if lang == "sv" else lang) / "1-begrepp" / "index.html"
    html = page.read_text(encoding="utf-8")
    for term in _glossary():
        if term.kind == "concept":
            assert f"<dt>{term.names[lang]}</dt>" in html, f"{lang}: {term.names[lang]} not on the concepts page"


# ---- the notice on translated pages -----------------------------------------------------

@pytest.mark.parametrize("lang,text", [("fi", "epävirallinen käännös"), ("en", "unofficial translation")])
def test_unofficial_pages_show_a_notice_linking_to_the_swedish_page(site, lang, text):
    html = (site / lang / "2-3-basservice" / "index.html").read_text(encoding="utf-8")
    notice = re.search(r'<aside class="admonition info translation-notice".*?</aside>', html, re.S)
    assert notice and text in notice.group(0)
    assert 'href="../../2-3-basservice/"' in notice.group(0)
    assert "translation-notice" not in (site / "2-3-basservice" / "index.html").read_text(encoding="utf-8")


# ---- spelling ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ("sv",) + TRANSLATIONS)
def test_spelling_unknown_words_below_one_percent(site, lang):
    from hooks.spelling import check_language, load_wordlist, pages_by_language
    pages = pages_by_language(site, skip=PROGRAMMES)[lang]
    report = check_language(pages, lang, load_wordlist(REPO / "data" / "spelling", lang))
    print(f"\n{lang}: {report.pages} pages, {report.words} words, {report.unknown_count} unknown "
          f"({report.share:.2%}): {', '.join(w for w, _ in report.unknown.most_common(30))}")
    assert report.words > 5000
    assert report.share <= 0.01, f"{lang}: {report.share:.2%} unknown: {report.unknown.most_common(40)}"


def test_spelling_gate_catches_ocr_noise(tmp_path):
    from hooks.spelling import check_language
    page = tmp_path / "index.html"
    page.write_text("<article>Programmet for att framja integrationen har godkants i "
                    "kommunfullmaktige och man foljer upp malen.</article>", encoding="utf-8")
    report = check_language([page], "sv", set())
    assert {"framja", "godkants", "foljer"} <= set(report.unknown)


@pytest.mark.parametrize("folder, title", [("", "Länk till detta avsnitt"), ("fi", "Linkki tähän osioon"),
                                           ("en", "Link to this section"), ("pargas/2023/fi", "Linkki tähän osioon")])
def test_heading_permalinks_are_titled_in_the_page_language(published, folder, title):
    from conftest import html_pages
    pages = [p for p in html_pages(published / folder)
             if folder or p.relative_to(published).parts[0] not in ("fi", "en")]
    titles = {t for p in pages for t in re.findall(r'class="headerlink" href="[^"]*" title="([^"]*)"',
                                                       p.read_text(encoding="utf-8"))}
    assert titles == {title}
