"""Chapter 5's goals (data/goals.yml): the data is faithful to the source, the built
chapter and goal pages show every goal and row in every language as accessible tables
that fit a phone, the directory references are checked, and a staff member who writes
a follow-up entry wrongly is told the file, line and field."""
from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from datetime import date
from html import escape
from pathlib import Path

import pytest

from conftest import REPO
from scratch_build import build_copy, copy_sources

from hooks.datafile.problem import Problem
from hooks.directory import load_directory
from hooks.goals.links import goals_for_actor
from hooks.goals.load import GOALS_PATH, load_goals
from hooks.goals.render import render_goal_page

LANGUAGES = ("sv", "fi", "en")
GOAL_WORD = {"sv": "Mål", "fi": "Tavoite", "en": "Goal"}
TODAY = date(2025, 6, 1)
OCR_NAME = "borga-integrationsprogram-2022-2024-ocr.txt"


@functools.cache
def _names() -> dict:
    return {actor["id"]: actor["name"] for actor in load_directory(REPO / "directory", TODAY).actors}


@functools.cache
def _goals():
    result = load_goals(GOALS_PATH, _names(), TODAY)
    assert result.errors == [], "\n\n".join(map(str, result.errors))
    return result.goals


def _prefix(lang: str) -> str:
    return "" if lang == "sv" else f"{lang}/"


# ---- the data file ----------------------------------------------------------------------

def test_goals_file_has_every_goal_and_row_and_no_invented_follow_up():
    goals = _goals()
    assert [goal.number for goal in goals.goals] == [1, 2, 3, 4, 5]
    assert [sum(1 for _ in goal.rows()) for goal in goals.goals] == [5, 3, 7, 1, 1]
    rows = [row for goal in goals.goals for _, row in goal.rows()]
    assert all(not row.follow_up for row in rows), "no source gives follow-up data"
    assert sum(1 for row in rows if row.uncertain) == 3
    assert goals.goals[1].measures_column["sv"] == "Metod"   # goal 2's table prints "Metod"


def _seeds() -> Path | None:
    for parent in REPO.parents:
        candidate = parent / "shared" / "seeds" / OCR_NAME
        if candidate.exists():
            return candidate
    return None


def _plain_words(text: str) -> list[str]:
    """Lowercase ASCII words: the OCR lost å, ä, ö ("Borga" for Borgå), so compare without them."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z]{3,}", text.lower())


def test_swedish_goal_texts_come_from_the_ocr_of_chapter_5():
    """Every word of the Swedish goals table is in the OCR of chapter 5 (the OCR also garbles
    letters, "tjdnster" for tjänster, so a word counts when a close spelling is there)."""
    import difflib
    source = _seeds()
    if source is None:
        pytest.skip("shared/seeds not found above the repository")
    text = source.read_text(encoding="utf-8")
    chapter = text[text.index("5 Mal och upp"):]
    ocr_words = set(_plain_words(chapter))
    goals = _goals()
    texts = [goals.columns[key]["sv"] for key in goals.columns]
    for goal in goals.goals:
        texts.append(goal.title["sv"])
        for area, row in goal.rows():
            texts += [area.focus["sv"]] + ([area.sub_focus["sv"]] if area.sub_focus else [])
            texts += [m["sv"] for m in row.measures] + [i["sv"] for i in row.indicators]
            texts += [body.text["sv"] for body in row.responsible if body.text]
    missing = sorted({word for text in texts for word in _plain_words(text)
                      if word not in ocr_words and not difflib.get_close_matches(word, ocr_words, n=1, cutoff=0.75)})
    assert not missing, f"not in the OCR of chapter 5: {missing}"


# ---- the built chapter and goal pages -----------------------------------------------------

def _tables(html: str, css_class: str = "goal-table") -> list[ET.Element]:
    return [ET.fromstring(match) for match in
            re.findall(rf'<table class="{css_class}"[^>]*>.*?</table>', html, re.S)]


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _expected_cells(goals, goal, names, lang) -> list[str]:
    """The texts each row must show, in the order of the table."""
    cells = []
    for _, row in goal.rows():
        cells += [m[lang] for m in row.measures] + [i[lang] for i in row.indicators]
        for body in row.responsible:
            cells.append(body.text[lang] if body.text else ", ".join(names[a].get(lang, names[a]["sv"])
                                                                     for a in body.actors))
    return cells


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chapter_5_has_every_goal_and_row_in_accessible_tables(site, lang):
    goals, names = _goals(), _names()
    html = (site / _prefix(lang) / "5-mal-och-uppfoljning" / "index.html").read_text(encoding="utf-8")
    tables = _tables(html)
    assert len(tables) == len(goals.goals) == 5
    for goal, table in zip(goals.goals, tables):
        heading = re.search(rf'<h2 id="mal-{goal.number}">(.*?)</h2>', html, re.S)
        assert heading and f"{GOAL_WORD[lang]} {goal.number}: {escape(goal.title[lang], quote=False)}" in heading.group(1)
        assert table.find("caption") is not None and _text(table.find("caption"))
        columns = table.findall("./thead/tr/th")
        assert [th.get("scope") for th in columns] == ["col"] * 4
        groups = table.findall("./tbody")
        assert len(groups) == len(goal.focus_areas)
        for area, group in zip(goal.focus_areas, groups):
            header = group.find("./tr/th")
            assert header.get("scope") == "rowgroup" and int(header.get("rowspan")) == len(area.rows)
            assert area.focus[lang] in _text(header)
            assert len(group.findall("./tr")) == len(area.rows)
        shown = " | ".join(_text(td) for td in table.iter("td"))
        for cell in _expected_cells(goals, goal, names, lang):
            assert " ".join(cell.split()) in shown, f"{lang} goal {goal.number}: {cell!r} not in the table"
        # every data cell names its column for the phone layout
        assert all(td.get("data-label") for td in table.iter("td"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chapter_5_keeps_its_introduction_and_the_warnings(site, lang):
    html = (site / _prefix(lang) / "5-mal-och-uppfoljning" / "index.html").read_text(encoding="utf-8")
    intro = {"sv": "Invandrarkommittén följer upp och bedömer årligen",
             "fi": "Maahanmuuttajatyöryhmä seuraa ja arvioi vuosittain",
             "en": "The Immigrant Committee monitors and assesses the progress"}[lang]
    assert intro in html
    warnings = re.findall(r'<div class="admonition warning">.*?</div>', html, re.S)
    assert len(warnings) == 2   # goal 2 (one row) and goal 3 (two rows)
    notes = [row.uncertain[lang] for goal in _goals().goals for _, row in goal.rows() if row.uncertain]
    for note in notes:
        assert escape(note) in html
    # each uncertain row links to its note
    for link in re.findall(r'class="goal-table__uncertain"><a href="#([\w-]+)"', html):
        assert f'id="{link}"' in html


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
def test_every_goal_has_its_own_page_in_every_language(site, lang, number):
    goals, names = _goals(), _names()
    goal = goals.goals[number - 1]
    page = site / _prefix(lang) / "mal" / str(number) / "index.html"
    html = page.read_text(encoding="utf-8")
    assert re.search(rf'<html[^>]*lang="{lang}"', html)
    assert f"<h1" in html and escape(goal.title[lang], quote=False) in html
    table, = _tables(html)
    shown = " | ".join(_text(td) for td in table.iter("td"))
    for cell in _expected_cells(goals, goal, names, lang):
        assert " ".join(cell.split()) in shown
    assert 'href="../../5-mal-och-uppfoljning/#mal-' in html     # back to the chapter
    assert 'id="uppfoljning"' in html                            # the follow-up history
    # the language switcher goes to the same goal in the other languages
    for other in LANGUAGES:
        href = re.search(rf'<a href="([^"]+)" hreflang="{other}"', html).group(1)
        assert (page.parent / href).resolve() == (site / _prefix(other) / "mal" / str(number)).resolve()


def test_chapter_5_links_to_each_goal_page_and_the_sitemap_lists_them(site):
    html = (site / "5-mal-och-uppfoljning" / "index.html").read_text(encoding="utf-8")
    for number in range(1, 6):
        assert f'href="../mal/{number}/"' in html
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        assert f"<loc>{_prefix(lang)}mal/5/</loc>" in sitemap


# ---- follow-up entries written by staff ---------------------------------------------------

# Goal 5's single row ends the file; a follow_up block appended at the end belongs to it.
ROW_INDENT = " " * 12
LAST_ROW = "goals[4].focus_areas[0].rows[0]"


def _with_follow_up(tmp_path: Path, block: str) -> tuple[Path, int]:
    """A copy of data/goals.yml whose last row has the follow_up block; returns the file and
    the line where the block starts."""
    text = GOALS_PATH.read_text(encoding="utf-8").rstrip("\n") + "\n"
    first_line = len(text.splitlines()) + 1
    lines = ["follow_up:"] + ["  " + line for line in block.strip("\n").splitlines()]
    path = tmp_path / "goals.yml"
    path.write_text(text + "".join(f"{ROW_INDENT}{line}\n" for line in lines), encoding="utf-8")
    return path, first_line


def _problem(errors: list[Problem], line: int, field: str, *phrases: str) -> str:
    """The one problem at that line and field (one mistake, one message), with every phrase."""
    assert len([p for p in errors if p.line == line and p.field == field]) <= 1, "\n\n".join(map(str, errors))
    for problem in errors:
        text = str(problem)
        if problem.line == line and problem.field == field and all(p in text for p in phrases):
            assert "goals.yml" in text and f"line {line}" in text and f'field "{field}"' in text
            return text
    listing = "\n\n".join(map(str, errors)) or "(no problems)"
    raise AssertionError(f"no problem at line {line}, field {field!r} with {phrases}; got:\n{listing}")


GOOD_ENTRY = """
- year: 2023
  status: in_progress
  note:
    sv: Samarbetsmötena hålls varje månad.
  figure:
    indicator: 2
    value: 11
"""


def test_a_good_follow_up_entry_is_accepted_and_shown_on_the_goal_page(tmp_path):
    path, _ = _with_follow_up(tmp_path, GOOD_ENTRY)
    result = load_goals(path, _names(), TODAY)
    assert result.errors == []
    goals = result.goals
    entry, = goals.goals[4].focus_areas[0].rows[0].follow_up
    assert (entry.year, entry.status, entry.figure.indicator, entry.figure.value) == (2023, "in_progress", 2, 11)
    page = render_goal_page(goals, goals.goals[4], _names(), "fi", "unofficial")
    table, = _tables(page, "goal-table goal-table--follow-up")
    cells = [_text(td) for td in table.iter("td")]
    assert cells == ["2023", "Käynnissä", "Samarbetsmötena hålls varje månad. (ruotsiksi)", "Yhteistyökokoukset: 11"]
    assert '<span lang="sv">Samarbetsmötena hålls varje månad.</span>' in page


@pytest.mark.parametrize(("block", "offset", "field", "phrases"), [
    pytest.param(GOOD_ENTRY.replace("in_progress", "started"), 2, f"{LAST_ROW}.follow_up[0].status",
                 ('"started" is not one of the allowed values', "Expected: one of: not_started, in_progress, done, dropped"),
                 id="wrong status"),
    pytest.param(GOOD_ENTRY.replace("2023", "2026"), 1, f"{LAST_ROW}.follow_up[0].year",
                 ("the year 2026 is in the future (today is 2025-06-01)", "Expected: a year that has already begun"),
                 id="future year"),
    pytest.param(GOOD_ENTRY.replace("2023", "2021"), 1, f"{LAST_ROW}.follow_up[0].year",
                 ("2021 is smaller than 2022", "not before the programme began"), id="year before the programme"),
    pytest.param(GOOD_ENTRY.replace("sv: Samarbetsmötena", "fi: Yhteistyökokoukset"), 3,
                 f"{LAST_ROW}.follow_up[0].note.sv",
                 ("the Swedish text (", "note.sv) is missing", 'Expected: a line "sv: …" under "note:"'),
                 id="missing Swedish note"),
    pytest.param(GOOD_ENTRY.replace("  note:", "  comment:"), 3, f"{LAST_ROW}.follow_up[0].comment",
                 ('unknown field "comment"; did you mean "note"?', "Expected: one of the fields year, status, note"),
                 id="unknown field"),
    pytest.param(GOOD_ENTRY.replace("indicator: 2", "indicator: 3"), 6, f"{LAST_ROW}.follow_up[0].figure.indicator",
                 ("indicator 3 does not exist: the row has 2 indicators",), id="indicator out of range"),
    pytest.param(GOOD_ENTRY.replace("    indicator: 2\n", ""), 5, f"{LAST_ROW}.follow_up[0].figure.indicator",
                 ("the row has 2 indicators, and the figure does not say which one",), id="figure without indicator"),
    pytest.param(GOOD_ENTRY.strip("\n") + "\n" + GOOD_ENTRY.strip("\n"), 8, f"{LAST_ROW}.follow_up[1].year",
                 ("the year 2023 is followed up twice in this row (first on line",), id="year twice"),
    pytest.param(GOOD_ENTRY.replace("note:\n    sv: Samarbetsmötena hålls varje månad.",
                                    "note:\n    sv: Se <a href=x>här</a>"), 4, f"{LAST_ROW}.follow_up[0].note.sv",
                 ("HTML is not allowed",), id="HTML in a note"),
])
def test_bad_follow_up_entries_are_reported_with_file_line_and_field(tmp_path, block, offset, field, phrases):
    path, first = _with_follow_up(tmp_path, block)
    result = load_goals(path, _names(), TODAY)
    assert result.goals is None, "the site must get no goals while the file has an error"
    _problem(result.errors, first + offset, field, *phrases)


def test_an_unknown_actor_id_fails_the_build_with_a_clear_message(tmp_path):
    work = copy_sources(tmp_path / "repo")
    path = work / "data" / "goals.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count("actors: [invandrartjansterna, moi]") == 1
    path.write_text(text.replace("actors: [invandrartjansterna, moi]", "actors: [invandrartjansterna, moj]"),
                    encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), 1) if "invandrartjansterna, moi]" in row)
    result = build_copy(work, tmp_path / "published")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert (f'data/goals.yml, line {line}, field "goals[3].focus_areas[0].rows[0].responsible[1].actors[1]": '
            'the actor id "moj" is not in the partner directory (there is no directory/moj.yml); '
            'did you mean "moi"?') in output
    assert "left unchanged" in output
    assert not (tmp_path / "published").exists()


# ---- the goals an actor is responsible for (for the directory's actor pages) -------------------

@pytest.mark.parametrize(("actor", "numbers"), [
    ("invandrartjansterna", [1, 3, 4, 5]),
    ("kombi", [2]),
    ("moi", [4]),
    ("barn-och-familjetjansterna", [1, 3]),
    ("a-bolagen", [5]),
    ("fpa", []),           # in the directory, responsible for no goal
])
def test_goals_for_actor(actor, numbers):
    goals = _goals()
    links = goals_for_actor(goals, actor, "fi")
    assert [link.number for link in links] == numbers
    for link in links:
        assert link.title == goals.goals[link.number - 1].title["fi"]
        assert link.url == f"fi/mal/{link.number}/" and link.path == f"mal/{link.number}.md"
    assert [link.url for link in goals_for_actor(goals, actor, "sv")] == [f"mal/{n}/" for n in numbers]


def test_goals_for_actor_links_to_built_pages_that_name_the_actor(site):
    goals, names = _goals(), _names()
    for actor in names:
        for lang in LANGUAGES:
            for link in goals_for_actor(goals, actor, lang):
                html = (site / link.url / "index.html").read_text(encoding="utf-8")
                assert escape(link.title, quote=False) in html
    # and every actor named in a goal's table has that goal in its list
    for goal in goals.goals:
        for actor in goal.actor_ids():
            assert goal.number in [link.number for link in goals_for_actor(goals, actor, "sv")]


# ---- in the browser: a phone, a wide screen, print -------------------------------------------

GOAL_PAGES = ["5-mal-och-uppfoljning/"] + [f"mal/{n}/" for n in range(1, 6)]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_goal_tables_fit_a_phone_without_sideways_scrolling(server, phone, lang):
    for path in GOAL_PAGES:
        phone.goto(server + _prefix(lang) + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{lang}/{path}: the page is {width} px wide on a 390 px phone"
        # the cells are stacked, each with its column's name above it
        cell = phone.locator(".goal-table td").first
        assert cell.evaluate("e => getComputedStyle(e).display") == "block"
        label = cell.evaluate("e => getComputedStyle(e, '::before').content")
        assert label.strip('"') and "data-label" not in label
        assert phone.locator(".goal-table thead").first.bounding_box()["width"] <= 1   # for screen readers only
        for box in phone.locator(".goal-table").evaluate_all("ts => ts.map(t => t.getBoundingClientRect().right)"):
            assert box <= 390


def test_goal_tables_are_tables_on_a_wide_screen(page, server):
    page.goto(server + "5-mal-och-uppfoljning/")
    assert page.locator(".goal-table").first.evaluate("e => getComputedStyle(e).display") == "table"
    assert page.locator(".goal-table thead").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


def test_goal_tables_print_as_tables_on_a4(browser, server):
    context = browser.new_context(viewport={"width": 794, "height": 1123})   # A4 at 96 dpi
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(server + "fi/5-mal-och-uppfoljning/")
    tables = page.locator(".goal-table")
    assert tables.count() == 5
    for index in range(5):
        table = tables.nth(index)
        assert table.evaluate("e => getComputedStyle(e).display") == "table"
        assert table.bounding_box()["x"] + table.bounding_box()["width"] <= 794
    assert page.locator(".goal-table tr").evaluate_all("rows => rows.every(r => r.getBoundingClientRect().height > 0)")
    context.close()


@pytest.mark.parametrize("path", ["5-mal-och-uppfoljning/", "en/mal/3/"])
def test_axe_finds_no_problems_in_the_goal_tables(page, server, path):
    from axe_playwright_python.sync_playwright import Axe
    page.goto(server + path)
    results = Axe().run(page, context={"include": [[".goal-table"], [".admonition.warning"]]})
    assert results.violations_count == 0, results.generate_report()


# ---- the README's follow-up example is true ------------------------------------------------

def _readme_follow_up_example() -> tuple[str, str]:
    """The YAML example (from its follow_up: line) and the error message shown in the README."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(\w*)\n(.*?)```", readme, re.S)
    example = next(body for kind, body in blocks if kind == "yaml" and "follow_up:" in body)
    message = next(body for kind, body in blocks if kind == "" and "follow_up[0].status" in body)
    return example[example.index("            follow_up:"):], message.strip()


def test_the_readme_follow_up_example_is_valid_and_its_error_message_is_real(tmp_path):
    example, message = _readme_follow_up_example()
    text = GOALS_PATH.read_text(encoding="utf-8")
    # goal 2's first focus area has one row; the example goes at its end, before the next focus area
    start = text.index("Tjänsten hittar rätt klienter")
    end = text.index("\n      - focus:", start) + 1
    path = tmp_path / "data" / "goals.yml"
    path.parent.mkdir()
    path.write_text(text[:end] + example + text[end:], encoding="utf-8")
    result = load_goals(path, _names(), TODAY)
    assert result.errors == []
    entry, = result.goals.goals[1].focus_areas[0].rows[0].follow_up
    assert (entry.year, entry.status, entry.figure.value) == (2023, "in_progress", 412)
    page = render_goal_page(result.goals, result.goals.goals[1], _names(), "en", "unofficial")
    assert "MOI has been established in the city&#x27;s services." in page and "Number of visits: 412" in page

    path.write_text(text[:end] + example.replace("status: in_progress", "status: ongoing") + text[end:],
                    encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)   # messages name the file as the reader types it: data/goals.yml
    try:
        errors = load_goals(Path("data/goals.yml"), _names(), TODAY).errors
    finally:
        os.chdir(cwd)
    assert [str(problem) for problem in errors] == [message]


def test_make_validate_checks_the_goals_without_building(tmp_path):
    work = copy_sources(tmp_path / "repo")
    path = work / "data" / "goals.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("actors: [kombi]", "actors: [kombi-2022]", 1),
                    encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "hooks", "validate"], cwd=work, capture_output=True, text=True)
    assert result.returncode == 1
    assert 'the actor id "kombi-2022" is not in the partner directory' in result.stdout
    assert "FAILED: data/goals.yml: 1 error(s)." in result.stdout and "OK: data/statistics/" in result.stdout


def test_goal_translations_use_the_glossary_terms():
    """The guarantee tests/test_translations.py gives the pages, for the goals' texts: where a
    Swedish text uses a glossary term, its Finnish and English texts use that term's forms."""
    from hooks.glossary import load_glossary

    def mentions(text: str, stems) -> bool:
        return any(re.search(r"(?<![\w-])" + re.escape(stem), text, re.I) for stem in stems)

    goals = _goals()
    texts = [goal.title for goal in goals.goals]
    for goal in goals.goals:
        for area, row in goal.rows():
            texts += [area.focus, *([area.sub_focus] if area.sub_focus else []), *row.measures, *row.indicators,
                      *[body.text for body in row.responsible if body.text]]
    problems = []
    for term in load_glossary(REPO / "data" / "glossary.yml"):
        for text in texts:
            if mentions(text["sv"], term.stems("sv")):
                problems += [f"{lang}: {text[lang]!r} does not use {term.names[lang]!r} (sv: {text['sv']!r})"
                             for lang in ("fi", "en") if not mentions(text[lang], term.stems(lang))]
    assert not problems, "\n".join(problems)
