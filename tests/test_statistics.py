"""Statistics as charts (data/statistics/*.yml): the figures are the ones the sources print,
every chart is an SVG whose numbers equal the table beside it, the unreadable figures
stay out with the warning, any page can ask for a chart, and mistakes in a statistics
file are reported with file, line and field."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import REPO
from scratch_build import build_copy, copy_sources

from hooks.numbers import format_day_or_month, format_number, format_value
from hooks.statistics.load import FOLDER, load_statistics

LANGUAGES = ("sv", "fi", "en")
SVG = "{http://www.w3.org/2000/svg}"
BORGA_CHARTS = ["borga-origin", "borga-languages", "borga-unemployed", "borga-birthplace"]


def _datasets():
    result = load_statistics()
    assert result.errors == [], "\n\n".join(map(str, result.errors))
    return result.datasets


def _prefix(lang: str) -> str:
    return "" if lang == "sv" else f"{lang}/"


def _seed(name: str) -> str | None:
    for parent in REPO.parents:
        candidate = parent / "shared" / "seeds" / name
        if candidate.exists():
            return candidate.read_text(encoding="utf-8")
    return None


# ---- the data ---------------------------------------------------------------------------

def test_borga_figures_are_the_ones_chapter_1_prints():
    data = _datasets()
    figures = {key: [bar.value for bar in data[key].bars] for key in BORGA_CHARTS}
    assert figures == {"borga-origin": [308, 1093, 7, 204],
                       "borga-languages": [589, 587, 344, 342, 319, 167, 156, 1052],
                       "borga-unemployed": [29.8],
                       "borga-birthplace": [3081, 615]}
    # The source's own totals agree with its parts where all parts are readable.
    assert sum(figures["borga-languages"]) == data["borga-languages"].headline[0].value == 3556
    assert sum(figures["borga-birthplace"]) == data["borga-origin"].headline[0].value == 3696
    # Europe and the Americas are unreadable: left out, never estimated.
    assert [label["sv"] for label in data["borga-origin"].left_out] == ["Från Europa", "Från Amerika"]
    assert sum(figures["borga-origin"]) < 3696


def test_borga_figures_are_in_the_ocr():
    text = _seed("borga-integrationsprogram-2022-2024-ocr.txt")
    if text is None:
        pytest.skip("shared/seeds not found above the repository")
    chapter = text[text.index("mot bakgrund av statistiken"):text.index("och dess arbetssatt")]
    assert "308 ki 1093 7 204" in chapter                       # Europe and the Americas: "200%", "ki"
    assert "589 587 344 342 319 167 156 1052" in chapter
    assert "355 29,8 % 3 081 615" in chapter
    assert "3 556 7,1 %" in chapter and "3 696" in chapter
    assert chapter.count("Statistikcentralen 31.12.2019") == 2 and "Statistikcentralen 31.12.2020" in chapter
    assert "Arbetsförmedlingsstatistik 12/2020" in chapter.replace("é", "ö")


@pytest.mark.parametrize("edition", ["pargas-integrationsplan-2022-2025.txt", "pargas-integrationsplan-2022-2025-rev2023.txt"])
def test_pargas_language_figures_are_in_both_editions(edition):
    text = _seed(edition)
    if text is None:
        pytest.skip("shared/seeds not found above the repository")
    text = " ".join(text.split())
    data = _datasets()["pargas-languages"]
    assert "den 31.12.2020, 498 personer i Pargas" in text and data.headline[0].value == 498
    words = {"Arabiska": "arabiska", "Estniska": "estniska", "Engelska": "engelska", "Ryska": "ryska",
             "Thailändska": "thailändska"}
    for bar in data.bars:
        assert re.search(rf"\b{bar.value} (personer )?med {words[bar.label['sv']]}\b", text), bar.label["sv"]
    ukrainian = _datasets()["pargas-ukrainian"]
    assert ("4.9.2023 32 personer med ukrainska" in text) == edition.endswith("rev2023.txt")
    assert ukrainian.bars[0].value == 32 and ukrainian.source_date == "2023-09-04"


# ---- mistakes in a statistics file ------------------------------------------------------

def _broken(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """A folder with a copy of borga.yml in which old (once) is replaced by new; and its line."""
    text = (FOLDER / "borga.yml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    line = text[: text.index(old)].count("\n") + 1
    (tmp_path / "borga.yml").write_text(text.replace(old, new), encoding="utf-8")
    return tmp_path, line


@pytest.mark.parametrize(("old", "new", "field", "phrases"), [
    ("value: 29.8", "value: 298", "datasets[2].items[0].value", ("298 is not a percentage",)),
    ('date: "2020-12-31"', 'date: "2020-02-30"', "datasets[3].source.date", ('"2020-02-30" is not a date that exists',)),
    ('date: "2020-12-31"', "date: 31.12.2020", "datasets[3].source.date",
     ('"31.12.2020" is not a valid date', 'in quotes, e.g. "2019-12-31"')),
    ("unit: percent\n    items", "unit: procent\n    items", "datasets[2].unit",
     ('"procent" is not one of the allowed values; did you mean "percent"?',)),
    ("    printed_in: Borgå stad, Program för att främja integrationen av invandrare 2022–2024, chapter 1\n\n  - id: borga-languages",
     "    printed_in: Borgå stad, Program för att främja integrationen av invandrare 2022–2024, chapter 1\n    total: 3696\n\n  - id: borga-languages",
     "datasets[0].total", ('unknown field "total"; did you mean "headline"?',)),
])
def test_statistics_mistakes_are_reported_with_file_line_and_field(tmp_path, old, new, field, phrases):
    folder, line = _broken(tmp_path, old, new)
    if field.endswith("total"):
        line += 1
    result = load_statistics(folder)
    assert result.datasets == {}
    at_field = [p for p in result.errors if p.field == field]
    assert len(at_field) == 1, "one mistake, one message:\n\n" + "\n\n".join(map(str, result.errors))
    problem = at_field[0]
    text = str(problem)
    assert "borga.yml" in text and f"line {line}" in text and f'field "{field}"' in text
    for phrase in phrases:
        assert phrase in text, text


def test_a_dataset_id_used_twice_is_reported(tmp_path):
    text = (FOLDER / "borga.yml").read_text(encoding="utf-8")
    (tmp_path / "borga.yml").write_text(text, encoding="utf-8")
    (tmp_path / "copy.yml").write_text(text, encoding="utf-8")
    errors = [str(p) for p in load_statistics(tmp_path).errors]
    assert any('copy.yml' in e and 'the id "borga-origin" is already used in' in e and "borga.yml" in e for e in errors)


# ---- numbers as each language writes them -------------------------------------------------

def test_numbers_and_dates_per_language():
    assert format_number(3696, "sv") == "3\u00a0696" and format_number(3696, "en") == "3,696"
    assert format_value(29.8, "percent", "fi") == "29,8\u00a0%" and format_value(29.8, "percent", "en") == "29.8%"
    assert format_value(12000, "euro", "sv") == "12\u00a0000\u00a0€" and format_value(12000, "euro", "en") == "€12,000"
    assert format_day_or_month("2019-12-31", "fi") == "31.12.2019" and format_day_or_month("2019-12-31", "en") == "31 Dec 2019"
    assert format_day_or_month("2020-12", "sv") == "12/2020"


# ---- the built chapter 1 ----------------------------------------------------------------

def _figure(html: str, dataset_id: str) -> ET.Element:
    match = re.search(rf'<figure class="statistics" id="statistics-{dataset_id}">.*?</figure>', html, re.S)
    assert match, f"no figure for {dataset_id}"
    return ET.fromstring(match.group(0))


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast_on_white(colour: str) -> float:
    return 1.05 / (_luminance(colour) + 0.05)


def check_chart_equals_table(figure: ET.Element, dataset, lang: str) -> None:
    svg = figure.find(f".//{SVG}svg")
    assert svg is not None and svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title.text == dataset.title[lang] and svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    bars = [rect for rect in svg.iter(f"{SVG}rect") if rect.get("class") == "statistics-chart__bar"]
    values = [text.text for text in svg.iter(f"{SVG}text") if text.get("class") == "statistics-chart__value"]
    table = figure.find(".//table")
    assert table.find("caption") is not None
    assert [th.get("scope") for th in table.findall("./thead/tr/th")] == ["col", "col"]
    labels = [_text(th) for th in table.findall("./tbody/tr/th")]
    cells = ["".join(td.itertext()) for td in table.findall("./tbody/tr/td")]   # keeps the no-break spaces
    assert [float(rect.get("data-value")) for rect in bars] == [bar.value for bar in dataset.bars]
    assert values == cells == [format_value(bar.value, dataset.unit, lang) for bar in dataset.bars]
    assert labels == [bar.label[lang] for bar in dataset.bars]
    for bar in dataset.bars:        # every figure is also in the description, in words
        assert bar.label[lang] in desc.text and format_value(bar.value, dataset.unit, lang) in desc.text
    # text labels, not colour only; and enough contrast
    assert len([t for t in svg.iter(f"{SVG}text") if t.get("class") is None]) >= len(dataset.bars)
    for colour in {rect.get("fill") for rect in bars} | {svg.get("fill")}:
        assert _contrast_on_white(colour) >= 4.5, colour
    # longer bar, larger figure
    lengths = [float(rect.get("width")) for rect in bars]
    order = sorted(range(len(bars)), key=lambda i: dataset.bars[i].value)
    assert [lengths[i] for i in order] == sorted(lengths)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chapter_1_charts_equal_their_tables(site, lang):
    data = _datasets()
    html = (site / _prefix(lang) / "1-statistik" / "index.html").read_text(encoding="utf-8")
    for dataset_id in BORGA_CHARTS:
        figure = _figure(html, dataset_id)
        check_chart_equals_table(figure, data[dataset_id], lang)
        source = _text(figure.find("./p[@class='statistics__source']"))
        assert data[dataset_id].source_name[lang] in source
        assert format_day_or_month(data[dataset_id].source_date, lang) in source
    assert "\u00a0696" in html or "3,696" in html      # the headline total


@pytest.mark.parametrize("lang", LANGUAGES)
def test_unreadable_figures_are_absent_and_the_warning_is_there(site, lang):
    origin = _datasets()["borga-origin"]
    html = (site / _prefix(lang) / "1-statistik" / "index.html").read_text(encoding="utf-8")
    figure = _figure(html, "borga-origin")
    chart_and_table = _text(figure.find(f".//{SVG}svg")) + _text(figure.find(".//table"))
    for label in origin.left_out:
        assert label[lang] not in chart_and_table
        assert label[lang] in _text(figure.find("./p[@class='statistics__left-out']"))
    warning = re.search(r'<div class="admonition warning">.*?</div>', html, re.S).group(0)
    title = {"sv": "Oläsligt i källan", "fi": "Lukukelvoton lähteessä", "en": "Illegible in the source"}[lang]
    assert title in warning and all(label[lang] in warning for label in origin.left_out)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chapter_1_fits_a_phone_and_prints(browser, server, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + _prefix(lang) + "1-statistik/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for box in page.locator(".statistics-chart, .statistics-table").evaluate_all(
            "els => els.map(e => e.getBoundingClientRect().right)"):
        assert box <= 390
    page.emulate_media(media="print")
    charts = page.locator(".statistics-chart")
    assert charts.count() == 4 and all(charts.nth(i).is_visible() for i in range(4))
    context.close()


def test_axe_finds_no_problems_in_the_charts(page, server):
    from axe_playwright_python.sync_playwright import Axe
    page.goto(server + "fi/1-statistik/")
    results = Axe().run(page, context={"include": [[".statistics"]]})
    assert results.violations_count == 0, results.generate_report()


# ---- any page can ask for a chart ---------------------------------------------------------

def test_any_page_can_show_the_pargas_charts_and_an_unknown_id_fails(tmp_path):
    data = _datasets()
    work = copy_sources(tmp_path / "repo")
    for lang in LANGUAGES:
        (work / "docs" / lang / "pargas.md").write_text(
            f"# Pargas\n\n<!-- statistics:pargas-languages -->\n\n<!-- statistics:pargas-ukrainian -->\n",
            encoding="utf-8")
    result = build_copy(work, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in LANGUAGES:
        html = (tmp_path / "site" / _prefix(lang) / "pargas" / "index.html").read_text(encoding="utf-8")
        for dataset_id in ("pargas-languages", "pargas-ukrainian"):
            check_chart_equals_table(_figure(html, dataset_id), data[dataset_id], lang)
    (work / "docs" / "fi" / "pargas.md").write_text("# Pargas\n\n<!-- statistics:pargas-kielet -->\n", encoding="utf-8")
    result = build_copy(work, tmp_path / "site")
    assert result.returncode == 1
    assert ('fi/pargas.md asks for the statistics "pargas-kielet", but no file in data/statistics/ has a dataset '
            "with that id") in result.stdout + result.stderr
