"""Pargas' partner directory, published by the same engine as Borgå's: the directory page with
its filter, one page per actor per language, the partner guide and the HSDS export, in both
editions and both of Pargas' languages."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import REPO, serve_folder

PARGAS = REPO / "programmes" / "pargas"
EDITIONS = ("2022", "2023")
PREFIX = {"sv": "", "fi": "fi/"}
SETTINGS = yaml.safe_load((PARGAS / "programme.yml").read_text(encoding="utf-8"))["extra"]["directory"]


def _actors() -> dict[str, dict]:
    from hooks.directory import load_directory
    result = load_directory(PARGAS / "directory", date.today())
    assert result.ok, result.errors
    return {actor["id"]: actor for actor in result.actors}


ACTORS = _actors()


def _edition(published: Path, edition: str) -> Path:
    return published / "pargas" / edition


def test_pargas_has_26_actors():
    assert len(ACTORS) == 26


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("lang", PREFIX)
def test_directory_page_lists_every_actor_and_each_has_a_page(published, edition, lang):
    folder = _edition(published, edition) / PREFIX[lang] / SETTINGS["pages"]
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<html[^>]*\blang="{lang}"', page)
    assert sorted(re.findall(r'<li class="directory-item" id="actor-([\w-]+)"', page)) == sorted(ACTORS)
    assert 'id="directory-needs"' in page and 'id="directory-filter"' in page
    for actor_id, actor in ACTORS.items():
        actor_page = (folder / actor_id / "index.html").read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", actor_page, re.S)
        assert h1 and actor["name"][lang] in h1.group(1), f"{edition}/{lang}/{actor_id}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_directory_and_guide_are_in_the_nav(published, edition):
    page = (_edition(published, edition) / "index.html").read_text(encoding="utf-8")
    for target in ("katalog/", "partnerguide/"):
        assert f'<a href="{target}" class="md-nav__link">' in page, target


@pytest.mark.parametrize("edition", EDITIONS)
def test_guide_names_pargas_files_and_the_codes(published, edition):
    for lang in PREFIX:
        page = (_edition(published, edition) / PREFIX[lang] / "partnerguide" / "index.html").read_text(encoding="utf-8")
        assert "programmes/pargas/directory/" in page
        assert "<td><code>learn_finnish</code></td>" in page
        assert "Borgå" not in page and "Porvoo" not in page


@pytest.mark.parametrize("edition", EDITIONS)
def test_hsds_export_validates_and_holds_every_actor(published, edition):
    from hooks.directory.hsds import validate_export
    folder = _edition(published, edition) / SETTINGS["pages"]
    export = json.loads((folder / SETTINGS["export"]).read_text(encoding="utf-8"))
    assert validate_export(export, REPO / "directory" / "hsds-export.schema.json") == []
    assert [variant["language"] for variant in export["variants"]] == ["sv", "fi"]
    for variant in export["variants"]:
        ids = {org["organization_identifiers"][0]["identifier"] for org in variant["organizations"]}
        assert ids == set(ACTORS)


def test_both_editions_give_the_same_export_ids(published):
    exports = [json.loads((_edition(published, e) / SETTINGS["pages"] / SETTINGS["export"]).read_text())
               for e in EDITIONS]
    assert [o["id"] for o in exports[0]["variants"][0]["organizations"]] == \
           [o["id"] for o in exports[1]["variants"][0]["organizations"]]


def test_filter_narrows_the_pargas_list_in_chromium(published, page):
    with serve_folder(published) as url:
        page.goto(url + "pargas/2023/katalog/")
        assert page.locator(".directory-item:not([hidden])").count() == 26
        page.get_by_label("Sök på namn eller tjänst").fill("Arkipelag")
        visible = page.eval_on_selector_all(".directory-item:not([hidden])", "items => items.map(i => i.id)")
        assert visible == ["actor-musikinstitutet-arkipelag"]
        assert page.locator("#directory-count").inner_text() == "1 av 26 aktörer visas."


def test_language_switcher_on_an_actor_page_keeps_the_actor(published, page):
    with serve_folder(published) as url:
        page.goto(url + "pargas/2023/fi/katalog/frk-pargas/")
        page.focus(".md-header__option .md-select button")
        page.click(".md-header__option .md-select__link[hreflang='sv']")
        page.wait_for_url("**/pargas/2023/katalog/frk-pargas/")
        assert "Finlands Röda Kors" in page.locator("h1").inner_text()
