"""The partner directory on the built site: list and actor pages in three languages,
the filter in real Chromium (and the page without JavaScript), JSON-LD, the HSDS
export, "suggest a change", the partner guide, and data that contains HTML."""
from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import yaml

from conftest import REPO, copy_sources, serve_folder
from test_search import search

LANGS = ("sv", "fi", "en")
SETTINGS = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["directory"]
PAGES = SETTINGS["pages"]


def _actors() -> dict[str, dict]:
    from hooks.directory import load_directory
    result = load_directory(REPO / SETTINGS["folder"], date.today())
    assert result.ok, result.errors
    return {actor["id"]: actor for actor in result.actors}


ACTORS = _actors()


def _labels():
    from hooks.directory.labels import load_labels
    from hooks.directory.validate import SCHEMA_PATH
    return load_labels(REPO / SETTINGS["labels"], LANGS, SCHEMA_PATH)


def _prefix(lang: str) -> str:
    return "" if lang == "sv" else f"{lang}/"


def _page(site: Path, lang: str, path: str) -> str:
    return (site / _prefix(lang) / path / "index.html").read_text(encoding="utf-8")


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))).strip()


def _name(actor: dict, lang: str) -> str:
    return actor["name"].get(lang) or actor["name"]["sv"]


def _jsonld(page_html: str) -> list:
    return [json.loads(block) for block in
            re.findall(r'<script type="application/ld\+json">(.*?)</script>', page_html, re.S)]


def test_there_are_41_actors():
    assert len(ACTORS) == 41


# ---- pages in three languages -------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_actor_has_a_page_in_every_language(site, lang):
    for actor_id, actor in ACTORS.items():
        page = _page(site, lang, f"{PAGES}/{actor_id}")
        assert re.search(rf'<html[^>]*\blang="{lang}"', page), f"{lang}/{actor_id}: wrong lang"
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
        assert h1 and _text(h1.group(1)) == _name(actor, lang), f"{lang}/{actor_id}: h1 {h1 and h1.group(1)}"
        title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
        assert html.unescape(title).startswith(_name(actor, lang)), title
        for service in actor.get("services") or ():
            assert html.escape(service["name"].get(lang) or service["name"]["sv"]) in page


@pytest.mark.parametrize("lang", LANGS)
def test_actor_page_shows_services_languages_needs_and_locations(site, lang):
    labels = _labels()[lang]
    actor = ACTORS["multicultural-association-of-porvoo"]
    page = _page(site, lang, f"{PAGES}/{actor['id']}")
    article = re.search(r"<article.*?</article>", page, re.S).group(0)
    text = _text(article)
    for heading in ("services", "contact", "locations", "chapters", "maintenance"):
        assert f'id="{heading}"' in article, heading
    for code in actor.get("languages") or ():
        assert labels.language(code) in text
    needs = {need for s in actor["services"] for need in s.get("needs") or ()}
    for need in needs:
        assert f'href="../#need-{need}"' in article and html.escape(labels.needs[need]) in article
    for location in actor["locations"]:
        assert location["name"][lang] in text
        for schedule in location.get("schedules") or ():
            assert schedule["description"][lang] in text


@pytest.mark.parametrize("lang", LANGS)
def test_contacts_only_where_the_data_has_them(site, lang):
    for actor_id, actor in ACTORS.items():
        page = _page(site, lang, f"{PAGES}/{actor_id}")
        assert ('href="mailto:' in page) == bool(actor.get("email")), actor_id
        assert ('href="tel:' in page) == bool(actor.get("phones")), actor_id
        if actor.get("website"):
            assert f'href="{html.escape(actor["website"])}"' in page, actor_id


@pytest.mark.parametrize("lang", LANGS)
def test_chapter_links_land_on_the_headings(site, lang):
    """Every "In the programme" link goes to a page of the same language and to a heading
    numbered like the chapter the entry names."""
    checked = 0
    for actor_id, actor in ACTORS.items():
        page_file = site / _prefix(lang) / PAGES / actor_id / "index.html"
        section = re.search(r'id="chapters".*?<ul>(.*?)</ul>', page_file.read_text(encoding="utf-8"), re.S)
        numbers = actor.get("programme_chapters") or []
        assert bool(section) == bool(numbers), actor_id
        if not numbers:
            continue
        links = re.findall(r'<a href="([^"]+)">(.*?)</a>', section.group(1))
        assert [_text(text).split()[0] for _, text in links] == numbers, actor_id
        for href, text in links:
            path, _, anchor = href.partition("#")
            target = (page_file.parent / path / "index.html").resolve()
            assert target.is_relative_to((site / _prefix(lang)).resolve()) and target.exists(), href
            target_html = target.read_text(encoding="utf-8")
            assert re.search(rf'<html[^>]*\blang="{lang}"', target_html)
            if anchor:
                heading = re.search(rf'<h[1-6][^>]*id="{re.escape(anchor)}"[^>]*>(.*?)</h[1-6]>', target_html, re.S)
                assert heading and _text(heading.group(1)).startswith(_text(text).split()[0] + " "), href
            checked += 1
    assert checked > 100


@pytest.mark.parametrize("lang,marking", [("sv", "Inte granskad"), ("fi", "Tarkistamatta"), ("en", "Not reviewed")])
def test_entries_never_reviewed_are_marked(site, lang, marking):
    for actor_id, actor in ACTORS.items():
        page = _page(site, lang, f"{PAGES}/{actor_id}")
        notice = re.search(r'<div class="admonition warning directory-review[^"]*"[^>]*>(.*?)</div>', page, re.S)
        if "reviewed" in actor:
            continue
        assert notice and marking in notice.group(1), actor_id


def test_review_marking_follows_the_12_month_rule():
    from hooks.directory.actor_page import ActorPageContext, render_actor
    labels = _labels()["en"]
    today = date(2024, 6, 1)
    ctx = ActorPageContext(lang="en", fallbacks=("sv", "fi"), labels=labels, today=today, list_href="../",
                           list_md="../katalog.md", chapter=lambda n: None, chapter_md=lambda ref: "",
                           edit_url=None, guide_md="../partnerguide.md")
    base = {"id": "x", "name": {"sv": "X", "fi": "X"}, "kind": "organization"}
    recent = render_actor({**base, "reviewed": "2024-01-15"}, ctx)
    old = render_actor({**base, "reviewed": "2023-05-31"}, ctx)
    never = render_actor(base, ctx)
    assert "directory-review" not in recent.split("directory-review-status")[0]
    assert '<time datetime="2024-01-15">15 Jan 2024</time>' in recent
    assert "Review out of date" in old and '<time datetime="2023-05-31">' in old
    assert "Not reviewed" in never and "<time" not in never


def test_a_missing_translation_is_shown_in_swedish_and_marked_as_swedish():
    from hooks.directory.actor_page import ActorPageContext, render_actor
    ctx = ActorPageContext(lang="en", fallbacks=("sv", "fi"), labels=_labels()["en"], today=date(2024, 6, 1),
                           list_href="../", list_md="../katalog.md", chapter=lambda n: None,
                           chapter_md=lambda ref: "", edit_url=None, guide_md="../partnerguide.md")
    out = render_actor({"id": "x", "name": {"sv": "Föreningen", "fi": "Yhdistys"}, "kind": "organization",
                        "description": {"sv": "Bara på svenska."}}, ctx)
    assert '<h1 lang="sv">Föreningen</h1>' in out
    assert '<p lang="sv">Bara på svenska.</p>' in out


# ---- the list page ------------------------------------------------------------------------

def _expected(need: str | None = None, lang: str | None = None) -> set[str]:
    from hooks.directory.jsonld import actor_languages
    from hooks.directory.list_page import actor_needs
    return {actor_id for actor_id, actor in ACTORS.items()
            if (need is None or need in actor_needs(actor)) and (lang is None or lang in actor_languages(actor))}


@pytest.mark.parametrize("lang", LANGS)
def test_list_page_has_needs_entry_full_list_and_per_need_sections(site, lang):
    labels = _labels()[lang]
    page = _page(site, lang, PAGES)
    assert re.search(rf'<html[^>]*\blang="{lang}"', page)
    items = re.findall(r'<li class="directory-item" id="actor-([\w-]+)"', page)
    assert sorted(items) == sorted(ACTORS)
    needs_block = re.search(r'<ul class="directory-needs".*?</ul>', page, re.S).group(0)
    assert re.findall(r'data-need="(\w+)"', needs_block) == list(labels.needs)
    for need in labels.needs:
        section = re.search(rf'<section class="directory-need" id="need-{need}".*?</section>', page, re.S)
        linked = {urlsplit(href).path.strip("/").split("/")[-1] for href in re.findall(r'href="([^"]+)"', section.group(0))}
        assert linked == _expected(need=need), need
    form = re.search(r'<form class="directory-filter"[^>]*>', page).group(0)
    assert " hidden" in form, "without JavaScript the form cannot work, so it starts hidden"
    assert re.search(r'<p class="directory-count" id="directory-count" role="status" aria-live="polite">', page)


def test_home_pages_mention_the_directory(site):
    for lang, word in (("sv", "Katalog"), ("fi", "Hakemisto"), ("en", "Directory")):
        page = _page(site, lang, "")
        bullet = re.search(rf"<li><strong>{word}:</strong>.*?</li>", page, re.S)
        assert bullet and f'href="{PAGES}/"' in bullet.group(0), lang


# ---- in the browser -----------------------------------------------------------------------

def _visible_items(page) -> set[str]:
    return set(page.eval_on_selector_all(".directory-item:not([hidden])",
                                         "items => items.map(item => item.id.replace('actor-', ''))"))


def test_filter_by_need_and_language(page, server):
    labels = _labels()["sv"]
    page.goto(server + f"{PAGES}/")
    expect_all = labels("count_all", total=41)
    assert page.locator("#directory-count").inner_text() == expect_all
    assert page.locator("#directory-filter").is_visible()
    assert not page.locator("#by-need").is_visible()
    # "What do you need?" sets the filter instead of jumping away.
    page.get_by_role("link", name=re.compile(labels.needs["learn_finnish"])).click()
    assert page.get_by_label(labels("need"), exact=True).input_value() == "learn_finnish"
    finnish = _expected(need="learn_finnish")
    assert _visible_items(page) == finnish
    # Real labels: the select is found by its label text.
    page.get_by_label(labels("language"), exact=True).select_option("ar")
    both = _expected(need="learn_finnish", lang="ar")
    assert both and both < finnish
    assert _visible_items(page) == both
    count = page.locator("#directory-count")
    assert count.get_attribute("aria-live") == "polite"
    assert count.inner_text() == labels("count_some", shown=len(both), total=41)
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"need": ["learn_finnish"], "lang": ["ar"]}
    # The URL is shareable: opening it gives the same list.
    shared = page.context.new_page()
    shared.goto(page.url)
    assert _visible_items(shared) == both
    assert shared.get_by_label(labels("language"), exact=True).input_value() == "ar"
    # Show all clears the filter and the query.
    page.get_by_role("button", name=labels("reset")).click()
    page.wait_for_function("document.querySelectorAll('.directory-item:not([hidden])').length === 41")
    assert urlsplit(page.url).query == ""


def test_search_box_and_keyboard(page, server):
    labels = _labels()["fi"]
    page.goto(server + f"fi/{PAGES}/")
    box = page.get_by_label(labels("search"))
    box.focus()
    page.keyboard.type("kela")
    assert _visible_items(page) == {"fpa"}
    assert parse_qs(urlsplit(page.url).query) == {"q": ["kela"]}
    page.keyboard.press("Tab")   # from the search box straight to the first filter
    assert page.evaluate("document.activeElement.id") == "directory-kind"
    box.fill("zzzz-ei-loydy")
    assert _visible_items(page) == set()
    assert page.locator("#directory-count").inner_text() == labels("count_none")


def test_need_chip_on_an_actor_page_opens_the_filtered_list(page, server):
    page.goto(server + f"en/{PAGES}/luckan-integration/")
    page.get_by_role("link", name=_labels()["en"].needs["learn_swedish"]).click()
    page.wait_for_url(re.compile(r"need=learn_swedish"))
    assert _visible_items(page) == _expected(need="learn_swedish")
    assert urlsplit(page.url).fragment == "", "the query replaces the need's anchor"
    page.goto(server + f"en/{PAGES}/?kind=parish#open-data")
    assert urlsplit(page.url).fragment == "open-data", "a section anchor stays"
    assert len(_visible_items(page)) == 1


def test_without_javascript_everything_is_listed(browser, server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(server + f"{PAGES}/")
    assert page.locator(".directory-item").count() == 41
    assert all(page.locator(".directory-item").nth(i).is_visible() for i in (0, 20, 40))
    assert not page.locator("#directory-filter").is_visible()
    labels = _labels()["sv"]
    page.get_by_role("link", name=re.compile(labels.needs["interpreter"])).click()
    assert urlsplit(page.url).fragment == "need-interpreter"
    section = page.locator("#need-interpreter")
    assert section.is_visible()
    names = set(section.locator("li > a").all_inner_texts())
    assert names == {_name(ACTORS[a], "sv") for a in _expected(need="interpreter")}
    context.close()


def test_list_fits_a_320_px_screen(browser, server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in (f"{PAGES}/", f"fi/{PAGES}/invandrartjansterna/"):
        page.goto(server + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        wide = page.evaluate("""() => [...document.querySelectorAll('article *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map(e => e.tagName + '.' + e.className)""")
        assert wide == [], (path, wide[:5])
    context.close()


# ---- JSON-LD ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_actor_page_has_json_ld_that_names_it(site, lang):
    from hooks.directory.jsonld import SCHEMA_ORG_TYPE, actor_languages
    for actor_id, actor in ACTORS.items():
        page = _page(site, lang, f"{PAGES}/{actor_id}")
        [data] = _jsonld(page)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == SCHEMA_ORG_TYPE[actor["kind"]]
        assert data["name"] == _name(actor, lang)
        assert data.get("url") == actor.get("website")
        assert data.get("knowsLanguage", []) == actor_languages(actor)
        assert data["areaServed"]["name"] == {"sv": "Borgå", "fi": "Porvoo", "en": "Porvoo"}[lang]


def test_json_ld_cannot_close_its_script_element():
    from hooks.directory.jsonld import script_json
    text = script_json({"name": "</script><script>alert(1)</script> & <!-- \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & <!-- \u2028"


# ---- suggest a change ---------------------------------------------------------------------

def test_suggest_a_change_links_to_the_file_or_the_guide(site):
    from hooks.repository import find_repository
    repository = find_repository(REPO)
    for lang in LANGS:
        for actor_id in ("fpa", "moi"):
            page_file = site / _prefix(lang) / PAGES / actor_id / "index.html"
            href = re.search(r'<a class="directory-suggest" href="([^"]+)"', page_file.read_text(encoding="utf-8"))
            assert href, (lang, actor_id)
            expected = repository.edit_url(f"directory/{actor_id}.yml", "main") if repository else None
            if expected:
                assert html.unescape(href.group(1)) == expected
            else:
                target = (page_file.parent / href.group(1)).resolve()
                assert target == (site / _prefix(lang) / "partnerguide").resolve(), href.group(1)


def test_edit_urls_for_known_hosts():
    from hooks.repository import find_repository, Repository
    github = find_repository(REPO, {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "city/site"})
    assert github.edit_url("directory/fpa.yml", "main") == "https://github.com/city/site/edit/main/directory/fpa.yml"
    assert Repository("https://example.org/x", None).edit_url("directory/fpa.yml", "main") is None


# ---- open data ----------------------------------------------------------------------------

def _export(site: Path) -> dict:
    return json.loads((site / PAGES / SETTINGS["export"]).read_text(encoding="utf-8"))


def test_hsds_export_validates_and_holds_every_actor_in_every_language(site):
    from hooks.directory.hsds import validate_export
    schema_path = REPO / SETTINGS["export_schema"]
    assert json.loads(schema_path.read_text())["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    export = _export(site)
    assert validate_export(export, schema_path) == []
    assert [variant["language"] for variant in export["variants"]] == list(LANGS)
    for variant in export["variants"]:
        organizations = variant["organizations"]
        ids = {org["organization_identifiers"][0]["identifier"]: org for org in organizations}
        assert set(ids) == set(ACTORS) and len(organizations) == 41
        for actor_id, org in ids.items():
            assert org["name"] == _name(ACTORS[actor_id], variant["language"])
            assert len(org.get("services", [])) == len(ACTORS[actor_id].get("services") or [])
        every_id = re.findall(r'"id": "([0-9a-f-]{36})"', json.dumps(variant))
        assert len(every_id) == len(set(every_id)), "a record id is used twice"
    # The same actor has the same ids in every language.
    first = [org["id"] for org in export["variants"][0]["organizations"]]
    assert all([org["id"] for org in v["organizations"]] == first for v in export["variants"])
    # The published copy of the schema is the repository's.
    assert (site / PAGES / schema_path.name).read_bytes() == schema_path.read_bytes()


def test_export_schema_rejects_what_hsds_forbids(site):
    from hooks.directory.hsds import validate_export
    export = _export(site)
    service = export["variants"][0]["organizations"][0]["services"][0]
    service["status"] = "open"
    service["id"] = "not-a-uuid"
    export["variants"][0]["organizations"][0]["homepage"] = "https://example.org"
    problems = validate_export(export, REPO / SETTINGS["export_schema"])
    assert any("status" in p for p in problems)
    assert any("not-a-uuid" in p for p in problems)
    assert any("homepage" in p for p in problems)


def test_list_page_links_the_export(site):
    for lang in LANGS:
        page_file = site / _prefix(lang) / PAGES / "index.html"
        href = re.search(r'<p class="directory-open-data"><a href="([^"]+)"', page_file.read_text(encoding="utf-8"))
        assert (page_file.parent / href.group(1)).resolve() == (site / PAGES / SETTINGS["export"]).resolve()


# ---- the partner guide --------------------------------------------------------------------

def _guide_source(lang: str) -> str:
    return (REPO / "docs" / lang / SETTINGS["guide"]).read_text(encoding="utf-8")


def _block(source: str, name: str) -> str:
    match = re.search(rf"<!-- example:{name} -->\s*```\w+\n(.*?)```", source, re.S)
    assert match, name
    return match.group(1)


@pytest.mark.parametrize("lang", LANGS)
def test_guide_page_is_built_in_every_language_with_the_same_sections(site, lang):
    page = _page(site, lang, Path(SETTINGS["guide"]).stem)
    assert re.search(rf'<html[^>]*\blang="{lang}"', page)
    ids = re.findall(r'<h[23] id="([\w-]+)"', page)
    assert ids == ["about", "edit-in-browser", "example", "fields", "codes", "messages", "review", "local"]
    labels = _labels()[lang]
    for group in (labels.kinds, labels.needs, labels.target_groups):
        for code, text in group.items():
            assert f"<td><code>{code}</code></td><td>{html.escape(text)}</td>" in page
    assert "make validate" in page


@pytest.mark.parametrize("lang", LANGS)
def test_guide_examples_are_what_the_validator_says(tmp_path, lang):
    """The annotated example is a valid entry, and the messages shown are exactly the
    validator's for the faulty example (so the guide cannot drift from the code)."""
    from hooks.directory import load_directory
    source = _guide_source(lang)
    folder = tmp_path / "directory"
    folder.mkdir()
    (folder / "exempelforeningen.yml").write_text(_block(source, "entry"), encoding="utf-8")
    result = load_directory(folder, date(2024, 6, 1))
    assert result.errors == [] and result.warnings == []
    (folder / "exempelforeningen.yml").write_text(_block(source, "invalid"), encoding="utf-8")
    result = load_directory(folder, date(2024, 6, 1))
    shown = "\n\n".join(str(problem).replace(problem.path, "directory/exempelforeningen.yml")
                        for problem in result.errors + result.warnings)
    assert shown == _block(source, "messages").strip()


# ---- data that contains HTML --------------------------------------------------------------

CRAFTED = """\
id: crafted
name:
  sv: <script>alert("xss-name-sv")</script><img src=x onerror="alert('xss-img')">
  fi: </script><script>window.__xss = 1; alert('xss-fi')</script>
  en: '"><svg onload=alert("xss-en")>'
alternate_name: </title><script>alert('xss-title')</script>
kind: organization
description:
  sv: '<img src=x onerror=alert("xss-desc")> " autofocus onfocus="alert(1)" x="'
  fi: '[klick](javascript:alert("xss-md")) <a href="javascript:alert(2)">a</a>'
  en: <style>body{display:none}</style><iframe src="javascript:alert('xss-iframe')"></iframe>
services:
  - name:
      sv: <b onmouseover=alert('xss-service')>tjänst</b>
      fi: palvelu <!-- comment -->
      en: service </textarea><script>alert('xss-textarea')</script>
    needs: [learn_finnish]
    languages: [fi]
locations:
  - name:
      sv: <marquee onstart=alert('xss-place')>plats</marquee>
    address:
      city: <script>alert('xss-city')</script>
    schedules:
      - description:
          sv: <details open ontoggle=alert('xss-toggle')>
programme_chapters: ["2.4"]
"""


def test_html_in_the_data_is_shown_never_run(tmp_path, browser):
    """Defence in depth: even if the validator let HTML through, the pages escape it.
    A copy of the sources with the validator's HTML rule switched off builds a site with
    a crafted entry; no script may run on its pages, in any language, or in search."""
    work = copy_sources(tmp_path / "repo")
    checks = work / "hooks" / "datafile" / "text_checks.py"
    text = checks.read_text(encoding="utf-8")
    rule = re.search(r"^_HTML = re\.compile\(.*\)$", text, re.M)
    assert rule, "the validator's HTML rule moved; update this test"
    checks.write_text(text.replace(rule.group(0), '_HTML = re.compile(r"(?!)")'), encoding="utf-8")
    (work / "directory" / "crafted.yml").write_text(CRAFTED, encoding="utf-8")
    output = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "hooks", "build", "--output", str(output)], cwd=work,
                            capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1717200000"})
    assert result.returncode == 0, result.stderr[-3000:]
    export = json.loads((output / PAGES / SETTINGS["export"]).read_text(encoding="utf-8"))
    [exported] = [org for org in export["variants"][0]["organizations"]
                  if org["organization_identifiers"][0]["identifier"] == "crafted"]
    assert exported["name"] == yaml.safe_load(CRAFTED)["name"]["sv"]

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs, marks = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: marks.append(message.text) if "xss" in message.text else None)
    with serve_folder(output) as base:
        for lang in LANGS:
            for path in (f"{PAGES}/crafted/", f"{PAGES}/"):
                page.goto(urljoin(base, _prefix(lang) + path))
                page.wait_for_load_state("load")
                page.hover("article")
                page.mouse.move(10, 10)
                assert page.evaluate("window.__xss") is None, (lang, path)
            page.goto(urljoin(base, _prefix(lang) + f"{PAGES}/crafted/"))
            [data] = _jsonld(page.content())
            crafted = yaml.safe_load(CRAFTED)
            assert data["name"] == crafted["name"][lang]
            assert page.locator("h1").inner_text() == crafted["name"][lang]
        page.goto(urljoin(base, f"{PAGES}/?q=%3Cscript"))
        assert _visible_items(page) == {"crafted"}
        _, hits = search(page, base, "plats")   # the crafted location is called "plats"
        assert any("crafted" in hit for hit in hits), hits
        page.hover(".md-search-result__item")
    context.close()
    assert dialogs == [] and marks == []
