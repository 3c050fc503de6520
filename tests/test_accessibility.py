"""WCAG 2.1 AA in real Chromium, over every kind of page the build produced, in every
language of every site and edition (the sample: tests/data/audit_sample.yml).

Finnish public-sector sites must meet WCAG 2.1 AA (Act on the Provision of Digital
Services 306/2019); many readers are on phones and reading a second language. One pass
over the sample (one browser, one context, one tab) collects for each page: axe-core's
findings on a laptop and on a phone, its language markup, every keyboard focus stop, the
navigation drawer by keyboard, and the layout at 320 px and at 200 % zoom. The tests
below then ask one question each of what was collected.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser_audit import (LANGUAGES, AxeViolation, BuiltPage, KeyboardWalk, LanguageMarkup, Reflow,
                           active_element, axe_violations, language_markup, load, load_sample, reflow,
                           sample_pages, search_results, walk_drawer, walk_page)
from conftest import REPO, report_at_end

LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# WCAG 1.4.10: content reflows at 320 CSS px. 200 % zoom of a 1280 x 900 window lays the page
# out in 640 x 450 CSS px, which is what the browser's zoom does to layout.
REFLOW_WINDOWS = {"320 px": {"width": 320, "height": 640}, "200 % zoom": {"width": 640, "height": 450}}
# Text that may be cut short, and why it is no loss. The header's title (the site's name,
# then the page's title while scrolling) is one line with an ellipsis on narrow screens;
# the site's full name is the drawer's title (wrapped there, accessibility.css) and the
# logo link's name, the page's title is its <h1>.
ALLOWED_CUTS = (".md-header__topic",)
SCREENSHOTS = REPO / "tests" / "screenshots"
# Searches that must find something in each language's own index (see test_search.py).
QUERIES = {"sv": "tolk", "fi": "tulkkaus", "en": "interpreting"}


@dataclass
class SiteTab:
    page: object
    requests: list[str]


@pytest.fixture(scope="session")
def site_tab(browser):
    """The one context and tab the browser tests share; it records every request made."""
    context = browser.new_context(viewport=LAPTOP)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    yield SiteTab(context.new_page(), requests)
    context.close()


@dataclass
class PageAudit:
    page: BuiltPage
    axe: dict[str, list[AxeViolation]] = field(default_factory=dict)
    languages: LanguageMarkup | None = None
    keyboard: dict[str, KeyboardWalk] = field(default_factory=dict)
    drawer: KeyboardWalk | None = None
    drawer_closed_after: bool = False
    reflow: dict[str, Reflow] = field(default_factory=dict)


@pytest.fixture(scope="session")
def audit(site, server, site_tab) -> list[PageAudit]:
    started = time.monotonic()
    page = site_tab.page
    audits = [PageAudit(built) for built in sample_pages(site).pages]
    for device, window in (("laptop", LAPTOP), ("phone", PHONE)):
        page.set_viewport_size(window)
        for item in audits:
            load(page, server + item.page.path)
            item.axe[device] = axe_violations(page)
            if device == "laptop":
                item.languages = language_markup(page)
            item.keyboard[device] = walk_page(page)
            if device == "phone":
                item.drawer, item.drawer_closed_after = walk_drawer(page)
                for name, size in REFLOW_WINDOWS.items():
                    page.set_viewport_size(size)
                    page.wait_for_timeout(150)  # the page's own resize handlers
                    item.reflow[name] = reflow(page, ALLOWED_CUTS)
                page.set_viewport_size(window)
    per_site = ", ".join(f"{root or '/'}: " + " ".join(f"{lang} {sum(a.page.root == root and a.page.lang == lang for a in audits)}"
                                                       for lang in languages)
                         for root, languages in dict.fromkeys((a.page.root, a.page.languages) for a in audits))
    report_at_end(f"browser audit: {len(audits)} pages ({per_site}), laptop and phone, "
                  f"in {time.monotonic() - started:.0f} s")
    return audits


def _failures(lines: list[str]) -> str:
    return f"{len(lines)} problems:\n  " + "\n  ".join(lines[:60])


def test_every_kind_of_page_is_audited_in_every_language_and_edition(site, audit):
    sample = sample_pages(site)
    assert not sample.unclassified, f"pages of no kind in tests/data/audit_sample.yml: {sample.unclassified[:10]}"
    assert not sample.missing, f"pages tests/data/audit_sample.yml names that the build did not make: {sample.missing}"
    audited = {(a.page.root, a.page.lang, a.page.kind) for a in audit}
    for owner in load_sample():
        for kind in owner.kinds:
            for lang in owner.languages:
                built = sample.built.get((owner.root, lang, kind.name), 0)
                if built and kind.audit:
                    assert (owner.root, lang, kind.name) in audited, f"{owner.root or '/'} {lang}: no {kind.name} page"
    assert {"", "fi/", "en/", "404.html", "pargas/2022/fi/", "pargas/2023/"} <= {a.page.path for a in audit}
    assert {a.page.root for a in audit} == {"", "pargas/2022/", "pargas/2023/"}
    assert sum(a.page.kind == "actor" and a.page.root == "" for a in audit) == 2 * len(LANGUAGES)
    assert sum(a.page.kind == "actor" and a.page.root == "pargas/2023/" for a in audit) == 2   # sv, fi


def test_the_sample_finds_pages_of_no_kind(tmp_path):
    from browser_audit import PageKind, SampledSite
    for name in ("index.html", "fi/index.html", "fi/new-kind/index.html", "missing-in-fi/index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<!doctype html>", encoding="utf-8")
    sites = (SampledSite("", ("sv", "fi"), (PageKind("home", ("",), ("",)),
                                            PageKind("chapter", ("missing-in-fi/",), ("missing-in-fi/",)))),)
    sample = sample_pages(tmp_path, sites)
    assert [p.path for p in sample.pages] == ["", "fi/", "missing-in-fi/"]
    assert sample.unclassified == ["fi/new-kind/index.html"]
    assert sample.missing == ["fi/missing-in-fi/"]


def test_axe_finds_no_wcag_21_aa_violation(audit):
    """No rule is disabled. Were one a false positive, it would be named here with its node."""
    found = [f"{a.page} ({device}): {violation}" for a in audit for device, violations in a.axe.items()
             for violation in violations]
    assert not found, _failures(found)


def test_axe_reports_a_violation_when_there_is_one(page):
    page.set_content('<!doctype html><html lang="en"><title>x</title><body><main>'
                     '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><a href="#x"></a></main></body></html>')
    rules = {v.rule for v in axe_violations(page)}
    assert {"image-alt", "link-name"} <= rules


def test_every_page_says_its_language_and_marks_other_languages(audit):
    problems = []
    for a in audit:
        markup = a.languages
        if markup.html != a.page.lang:
            problems.append(f"{a.page}: <html lang={markup.html!r}>, expected {a.page.lang!r}")
        switcher = {link["hreflang"]: link["lang"] for link in markup.switcher}
        if set(switcher) != set(a.page.languages) or any(code != lang for code, lang in switcher.items()):
            problems.append(f"{a.page}: language switcher names must carry their own lang: {markup.switcher}")
        unknown = set(markup.values) - set(LANGUAGES)
        if unknown:
            problems.append(f"{a.page}: lang values that are none of the site's languages: {sorted(unknown)}")
    assert not problems, _failures(problems)


def test_finnish_titles_in_footnotes_are_marked_as_finnish(audit):
    """A footnote of a Swedish or English page may cite a Finnish publication; its title is
    marked lang="fi" so that a screen reader reads it in Finnish. Found here: words in a
    footnote's own-language text that the page language's dictionary lacks and Finnish has."""
    from hooks.spelling import load_wordlist, unknown_words, without_addresses, words
    reviewed = {lang: load_wordlist(REPO / "data" / "spelling", lang) for lang in LANGUAGES}
    problems, checked = [], 0
    for a in audit:
        if a.page.lang == "fi":
            continue
        tokens = {w for text in a.languages.footnote_text for w in words(without_addresses(text))
                  if len(w) > 3 and w not in reviewed[a.page.lang]}
        checked += len(a.languages.footnote_text)
        if not tokens:
            continue
        finnish = tokens & unknown_words(tokens, a.page.lang) - unknown_words(tokens, "fi")
        if finnish:
            problems.append(f"{a.page}: Finnish words outside lang=\"fi\" in footnotes: {sorted(finnish)}")
    assert checked >= 20, "the footnotes were not found"
    assert not problems, _failures(problems)


REQUIRED_STOPS = {
    "laptop": ("input.md-search__input", "button.md-header__button", "a.md-select__link"),
    "phone": ("button.md-header__button.md-icon[aria-label", "a.md-select__link"),
}
# The edition (version) selector, on every page that belongs to an edition: all but the 404 pages.
EDITION_SELECTOR = "button.md-version__current"


@pytest.mark.parametrize("device", ["laptop", "phone"])
def test_keyboard_reaches_every_link_and_control_with_visible_focus(audit, device):
    problems = []
    for a in audit:
        walk = a.keyboard[device]
        missed = walk.missed_links()
        if missed:
            problems.append(f"{a.page}: {len(missed)} links Tab never reaches")
        for required in REQUIRED_STOPS[device] + ((EDITION_SELECTOR,) if a.page.kind != "not found" else ()):
            if not walk.stop_named(required):
                problems.append(f"{a.page}: Tab never reaches {required}")
        if device == "phone" and {s.opens for s in walk.stops} < {"__drawer", "__search"}:
            problems.append(f"{a.page}: the menu and search buttons take no focus")
        languages = [s for s in walk.stops if s.name.startswith("a.md-select__link")]
        if len(languages) != len(a.page.languages):
            problems.append(f"{a.page}: {len(languages)} language links reached")
        for stop in walk.stops:
            if not stop.on_screen:
                problems.append(f"{a.page}: focus goes off screen to {stop.name}")
            elif not stop.indicator_visible:
                problems.append(f"{a.page}: no visible focus on {stop.name} "
                                f"(outline {stop.outline_style} {stop.outline_width}px, shadow {stop.box_shadow})")
    assert not problems, _failures(problems)


def test_navigation_drawer_works_by_keyboard_on_a_phone(audit):
    problems = []
    for a in audit:
        walk = a.drawer
        if not walk.stops:
            problems.append(f"{a.page}: the menu button does not open the drawer, or focus does not go into it")
            continue
        if walk.missed_links():
            problems.append(f"{a.page}: {len(walk.missed_links())} links in the drawer Tab never reaches")
        problems += [f"{a.page}: focus in the drawer goes off screen to {s.name}" for s in walk.stops if not s.on_screen]
        if not a.drawer_closed_after:
            problems.append(f"{a.page}: the drawer stays open when focus leaves it")
    assert not problems, _failures(problems)


def test_escape_closes_the_drawer_and_returns_focus(site_tab, server):
    page = site_tab.page
    page.set_viewport_size(PHONE)
    load(page, server + "en/")
    page.locator("button[data-opens=__drawer]").focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert active_element(page).in_drawer
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert active_element(page).opens == "__drawer"
    assert page.locator("button[data-opens=__drawer]").get_attribute("aria-expanded") == "false"


def test_nothing_breaks_at_320_px_or_at_200_percent_zoom(audit):
    problems = [f"{a.page} at {window}: {problem}" for a in audit for window, found in a.reflow.items()
                for problem in found.problems()]
    assert not problems, _failures(problems)


def test_the_checks_catch_what_they_look_for(page):
    """The keyboard and reflow checks on a page built to fail them."""
    from browser_audit import reflow as measure, walk_page as walk
    page.set_viewport_size({"width": 320, "height": 600})
    page.set_content('<!doctype html><html lang="en"><body style="margin:0">'
                     '<a href="#a" style="outline:none">quiet focus</a>'
                     '<div style="width:600px">far too wide</div>'
                     '<p style="width:100px;overflow:hidden;white-space:nowrap">a line that is cut off here</p>'
                     '<a href="#b" style="position:absolute;left:-999px">off screen</a></body></html>')
    stops = walk(page).stops
    assert [s.indicator_visible for s in stops] == [False, False]
    assert [s.on_screen for s in stops] == [True, False]
    found = measure(page, ())
    assert found.scrolls_sideways and found.outside and found.cut


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_by_keyboard_on_a_phone(site_tab, server, lang):
    """Tab to the search button, open it with Enter, type, and Enter opens the best result."""
    page = site_tab.page
    page.set_viewport_size(PHONE)
    prefix = "" if lang == "sv" else f"{lang}/"
    load(page, server + prefix)
    page.locator("button[data-opens=__search]").focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type(QUERIES[lang], delay=20)
    page.locator(".md-search-result__item > a").first.wait_for(timeout=5000)
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")
    assert page.url.startswith(server + prefix) and page.url != server + prefix
    assert page.evaluate("document.documentElement.lang") == lang
    assert QUERIES[lang] in page.locator("article").inner_text().lower()


def test_no_request_leaves_the_site(site_tab, server, audit):
    """Every request the browser made while loading every page (the audit), and while
    searching in every language, went to the site's own host."""
    page = site_tab.page
    page.set_viewport_size(LAPTOP)
    for lang, query in QUERIES.items():
        load(page, server + ("" if lang == "sv" else f"{lang}/"))
        assert search_results(page, query), f"no results for {query!r} in {lang}"
    own = urlsplit(server).netloc
    made = [url for url in site_tab.requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")]
    others = sorted({url for url in made if urlsplit(url).netloc != own})
    assert not others, _failures(others)
    for prefix in ("", "fi/", "en/"):
        assert f"{server}{prefix}search/search_index.json" in made, "the recorder missed the search indexes"
    assert len(made) > len(audit) * 2


# The home page, a chapter, the directory and an actor page: whichever of them the build made.
def _screenshot_candidates(site: Path) -> list[tuple[str, str]]:
    candidates = [("home", ""), ("chapter", "2-1-komma-igang/"), ("directory", "katalog/")]
    actors = sorted(p.parent.name for p in (site / "katalog").glob("*/index.html"))
    if actors:
        candidates.append(("actor", f"katalog/{actors[0]}/"))
    return [(name, path) for name, path in candidates if (site / path / "index.html").exists()]


def test_screenshots_for_a_person_to_look_at(site_tab, server, site):
    page = site_tab.page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    taken = []
    for name, path in _screenshot_candidates(site):
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 844 if width == 390 else 900})
            load(page, server + path)
            target = SCREENSHOTS / f"{name}-{width}.png"
            page.screenshot(path=str(target), full_page=True)
            taken.append(target)
    assert len(taken) >= 4 and all(p.stat().st_size > 10_000 for p in taken)
    report_at_end(f"screenshots ({len(taken)}): {SCREENSHOTS}")
