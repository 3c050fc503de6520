"""Editions: every edition of a programme stays readable side by side, the one in force is
clear (selector, banner, latest/), and its "what changed" page names what really changed."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
import yaml

from conftest import REPO, html_pages

PARGAS = REPO / "programmes" / "pargas"
EDITIONS = ("2022", "2023")
LANGUAGES = {"sv": "", "fi": "fi/"}          # Pargas: Swedish at the edition's root, Finnish under fi/
SEEDS = next((p / "shared" / "seeds" for p in REPO.parents if (p / "shared" / "seeds").is_dir()), None)


def _texts(lang: str) -> dict[str, str]:
    from hooks.editions import texts_for
    return texts_for(lang)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _lang(html: str) -> str:
    return re.search(r'<html[^>]*\blang="([^"]+)"', html).group(1)


def _page_key(edition_dir: Path, page: Path) -> tuple[str, str]:
    """(language, page path inside that language) of a built page: ("fi", "boende/")."""
    rel = page.parent.relative_to(edition_dir).as_posix()
    rel = "" if rel == "." else rel + "/"
    lang = "fi" if rel.startswith("fi/") or rel == "fi/" else "sv"
    return lang, rel[len(LANGUAGES[lang]):]


def _resolve(page: Path, href: str) -> Path:
    return (page.parent / href).resolve()


def _selector(html: str) -> dict[str, str]:
    """The edition selector's links, edition -> href (in the order shown)."""
    block = re.search(r'<div class="md-version edition-selector">(.*?)</ul>', html, re.S)
    assert block, "no edition selector"
    return {name: href for href, name in re.findall(r'<a href="([^"]+)" class="md-version__link" '
                                                    r'data-edition="([^"]+)"', block.group(1))}


# --- both editions build, beside the main site -------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_of_each_edition_is_built_in_each_language(published, edition, lang):
    """Every page but those programme.yml leaves out (exclude_docs: the site pages that wait for
    the compliance hook, README "Pargas and the legal checks"), which must not be published."""
    from mkdocs.utils.yaml import yaml_load
    with open(PARGAS / edition / "mkdocs.yml", encoding="utf-8") as source:
        excluded = set((yaml_load(source).get("exclude_docs") or "").split())
    docs = PARGAS / edition / "docs" / lang
    assert docs.is_dir()
    for source in sorted(docs.glob("*.md")):
        stem = "" if source.stem == "index" else source.stem + "/"
        page = published / "pargas" / edition / LANGUAGES[lang] / stem / "index.html"
        assert page.exists() != (source.name in excluded), f"{source.relative_to(REPO)}: built or not?"
        if page.exists():
            assert _lang(_read(page)) == lang


def test_no_english_in_pargas_and_the_main_site_is_still_at_the_root(published):
    assert not (published / "pargas" / "2023" / "en").exists()
    home = _read(published / "index.html")
    assert "Borgå" in home and _lang(home) == "sv"
    assert (published / "en" / "index.html").exists() and (published / "fi" / "index.html").exists()


# --- versions.json and the selector --------------------------------------------------------

def test_versions_json_is_in_mikes_format(published):
    versions = json.loads(_read(published / "pargas" / "versions.json"))
    assert [v["version"] for v in versions] == ["2023", "2022"]          # newest first, like mike
    for entry in versions:
        assert set(entry) == {"version", "title", "aliases"}
        assert isinstance(entry["title"], str) and isinstance(entry["aliases"], list)
        assert (published / "pargas" / entry["version"] / "index.html").exists()
    assert versions[0]["aliases"] == ["latest"] and versions[1]["aliases"] == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_has_the_selector_linking_to_the_same_page_in_each_edition(published, edition):
    """In Material's place (the first header topic), with Material's markup; every link is
    relative and goes to the same page in the same language, or to that language's home."""
    versions = [v["version"] for v in json.loads(_read(published / "pargas" / "versions.json"))]
    folder = published / "pargas" / edition
    pages = html_pages(folder)
    assert len(pages) >= 20
    for page in pages:
        html = _read(page)
        topic = re.search(r'<div class="md-header__topic">(.*?)</div>\s*<div class="md-header__topic"', html, re.S)
        assert topic and "md-version edition-selector" in topic.group(1), page
        links = _selector(html)
        assert list(links) == versions, page
        lang, rel = _page_key(folder, page)
        for other, href in links.items():
            assert not href.startswith(("/", "http")), f"{page}: {href}"
            same = published / "pargas" / other / LANGUAGES[lang] / rel
            expected = same if (same / "index.html").exists() else published / "pargas" / other / LANGUAGES[lang]
            assert _resolve(page, href) == expected.resolve(), f"{page} -> {other}: {href}"
        current = re.search(r'data-edition="([^"]+)" aria-current="page"', html)
        assert current and current.group(1) == edition


def test_main_site_shows_its_single_edition(published):
    for page in html_pages(published):
        html = _read(page)
        assert list(_selector(html)) == ["2022"], page
        assert "edition-notice" not in html


# --- the older edition says so --------------------------------------------------------------

def test_every_page_of_the_older_edition_links_to_the_newest_edition(published):
    """2023 is the default edition but not in force (its period ended on 31.12.2025): the banner
    calls it the newest edition, never the one in force."""
    folder = published / "pargas" / "2022"
    checked = 0
    for page in html_pages(folder):
        html = _read(page)
        lang, rel = _page_key(folder, page)
        texts = _texts(lang)
        notice = re.search(r'<p class="edition-notice">\s*(.*?)\s*<a href="([^"]+)">(.*?)</a>', html, re.S)
        assert notice, f"{page}: no notice"
        assert _lang(html) == lang
        assert unescape(notice.group(1)) == texts["older_notice_newest"].format(edition="2022", default="2023")
        same = published / "pargas" / "2023" / LANGUAGES[lang] / rel
        if (same / "index.html").exists():
            assert _resolve(page, notice.group(2)) == same.resolve()
            assert unescape(notice.group(3)) == texts["same_page_in_default"].format(default="2023")
        else:
            assert _resolve(page, notice.group(2)) == (published / "pargas" / "2023" / LANGUAGES[lang]).resolve()
            assert unescape(notice.group(3)) == texts["home_of_default"].format(default="2023")
        checked += 1
    assert checked >= 24
    assert "jamlikhet" in {_page_key(folder, p)[1].rstrip("/") for p in html_pages(folder)}


def test_the_newest_edition_has_no_banner_and_no_edition_is_called_in_force(published):
    for page in html_pages(published / "pargas" / "2023"):
        html = _read(page)
        assert "edition-notice" not in html, page
        assert "md-version__alias" not in html, f"{page}: the selector calls an edition in force"
    redirect = _read(published / "pargas" / "latest" / "fi" / "boende" / "index.html")
    assert f"<title>{_texts('fi')['redirect_title_newest'].format(default='2023')}</title>" in redirect


def test_translation_notice_names_no_kind_of_document(published):
    """Pargas has a plan, not a programme: the notice on its Finnish pages says neither."""
    html = _read(published / "pargas" / "2023" / "fi" / "boende" / "index.html")
    notice = re.search(r'<aside class="admonition info translation-notice".*?</aside>', html, re.S).group(0)
    assert "Tämä on epävirallinen käännös. Virallinen teksti on ruotsinkielinen." in notice
    assert "hjelma" not in notice


# --- latest/ and the programme's address ---------------------------------------------------

def test_latest_has_a_redirect_for_every_page_of_the_edition_in_force(published):
    folder = published / "pargas" / "2023"
    for page in html_pages(folder):
        lang, rel = _page_key(folder, page)
        redirect = published / "pargas" / "latest" / LANGUAGES[lang] / rel / "index.html"
        html = _read(redirect)
        assert _lang(html) == lang
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1)
        assert _resolve(redirect, target) == page.parent.resolve()


def test_latest_serves_the_edition_in_force_in_the_browser(page, server):
    page.goto(server + "pargas/latest/fi/boende/#asuminen")
    page.wait_for_url("**/pargas/2023/fi/boende/**")
    assert page.url.endswith("/pargas/2023/fi/boende/#asuminen")
    assert page.locator("html").get_attribute("lang") == "fi"
    page.goto(server + "pargas/")
    page.wait_for_url("**/pargas/2023/")
    assert page.locator(".md-version__current").inner_text().startswith("2023")


# --- the selector and the language switcher in the browser ----------------------------------

def test_choosing_an_edition_keeps_the_page_and_the_language(page, server):
    page.goto(server + "pargas/2022/fi/allmant/")
    page.focus(".md-version__current")
    page.click('.md-version__link[data-edition="2023"]')
    page.wait_for_url("**/pargas/2023/fi/allmant/")
    page.goto(server + "pargas/2022/fi/jamlikhet/")                  # not in 2023: its Finnish home
    page.focus(".md-version__current")
    page.click('.md-version__link[data-edition="2023"]')
    page.wait_for_url("**/pargas/2023/fi/")


def test_language_switcher_on_an_older_edition_stays_in_that_edition(published, page, server):
    folder = published / "pargas" / "2022"
    for built in html_pages(folder):
        lang, rel = _page_key(folder, built)
        links = {l: h for h, l in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', _read(built))}
        assert set(links) == {"sv", "fi"}, built
        for other, href in links.items():
            assert _resolve(built, href) == (folder / LANGUAGES[other] / rel).resolve(), f"{built}: {href}"
    page.goto(server + "pargas/2022/fi/allmant/")
    page.focus(".md-header__option .md-select button")
    page.click(".md-header__option .md-select__link[hreflang='sv']")
    page.wait_for_url("**/pargas/2022/allmant/")


# --- what changed ---------------------------------------------------------------------------

# From our own comparison of the two source texts (shared/seeds, checked again below): the
# 2023 revision rewrote every chapter but "Boende" (VARHA from 1.1.2023, people with temporary
# protection, the interpreter service …), folded "Jämlikhet …" into chapter 9 as section 9.1
# and renamed chapter 10.
EXPECTED = {
    "added": set(),
    "removed": {"jamlikhet"},
    "renamed": {"utvecklingsomraden"},
    "changed": {"allmant", "integrationsframjande-verksamhet", "utbildning", "socialservice", "halsovard",
                "sysselsattning", "fritid", "mottagande", "utvecklingsomraden"},
    "unchanged": {"boende"},
}


def _listed(html: str) -> dict[str, set[str]]:
    """Chapters the summary lists under each kind of change, by file name."""
    found = {}
    for kind, block in re.findall(r'<div class="edition-changes" data-change="(\w+)">(.*?)</div>', html, re.S):
        items = re.findall(r"<li>(.*?)</li>", block, re.S)
        names = set()
        for item in items:
            href = re.search(r'href="([^"]+)"', item).group(1)
            names.add(href.removeprefix("#diff-").rstrip("/").split("/")[-1])
        found[kind] = names
    return found


def _diff(html: str, chapter: str) -> tuple[str, str]:
    """The inserted and the deleted text of one chapter's diff (screen-reader labels left out)."""
    block = re.search(rf'<div class="edition-diff" data-chapter="{chapter}">(.*?)</div>', html, re.S).group(1)
    block = re.sub(r'<span class="visually-hidden">[^<]*</span>', "", block)
    inserted = " ".join(unescape(t) for t in re.findall(r"<ins>(.*?)</ins>", block, re.S))
    deleted = " ".join(unescape(t) for t in re.findall(r"<del>(.*?)</del>", block, re.S))
    return inserted, deleted


@pytest.mark.parametrize("lang", LANGUAGES)
def test_changes_page_names_the_chapters_that_changed(published, lang):
    html = _read(published / "pargas" / "2023" / LANGUAGES[lang] / "andringar" / "index.html")
    assert _lang(html) == lang
    assert _listed(html) == EXPECTED
    moved = re.search(r'data-change="removed">.*?<li>(.*?)</li>', html, re.S).group(1)
    assert 'href="../mottagande/"' in moved, "the removed chapter should point to where its text went"
    for chapter in EXPECTED["changed"]:
        assert f'data-chapter="{chapter}"' in html
    assert 'data-chapter="boende"' not in html
    assert not (published / "pargas" / "2022" / "andringar").exists()   # the first edition has none


def test_diffs_show_the_revisions_of_2023(published):
    html = _read(published / "pargas" / "2023" / "andringar" / "index.html")
    inserted, deleted = _diff(html, "allmant")
    assert "personer med tillfälligt skydd (ukrainare)" in inserted                       # Ukrainians
    assert "ukrainska som modersmål" in inserted
    assert "VARHA" in inserted                                                            # the reform
    inserted, deleted = _diff(html, "integrationsframjande-verksamhet")
    assert "VARHA" in inserted
    assert "Turun seudun tulkkikeskus" in deleted and "Tulka" in inserted                 # interpreters
    inserted, _ = _diff(html, "mottagande")
    assert "Jämlikhet och främjande av goda etniska relationer" in inserted                # now 9.1
    inserted, deleted = _diff(html, "fritid")
    assert deleted.split() == ["på"]                                                      # one word only
    html_fi = _read(published / "pargas" / "2023" / "fi" / "andringar" / "index.html")
    assert "VARHA" in _diff(html_fi, "allmant")[0]


def test_changes_page_is_in_the_nav_and_sitemap_but_not_in_search(published):
    edition = published / "pargas" / "2023"
    assert 'href="andringar/"' in _read(edition / "index.html")
    assert 'href="../andringar/"' in _read(edition / "fi" / "allmant" / "index.html")
    sitemap = _read(edition / "sitemap.xml")
    assert "<loc>andringar/</loc>" in sitemap and "<loc>fi/andringar/</loc>" in sitemap
    for prefix in LANGUAGES.values():
        index = json.loads(_read(edition / prefix / "search" / "search_index.json"))
        assert not [d for d in index["docs"] if d["location"].startswith(f"{prefix}andringar/")]


def test_changes_page_switches_language_to_itself(published):
    html = _read(published / "pargas" / "2023" / "andringar" / "index.html")
    links = {l: h for h, l in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', html)}
    assert links == {"sv": "./", "fi": "../fi/andringar/"}


def test_inserted_and_deleted_text_is_marked_without_colour_too(published, page, server):
    """Underline and strike-through for sighted readers, words for screen readers."""
    html = _read(published / "pargas" / "2023" / "fi" / "andringar" / "index.html")
    texts = _texts("fi")
    assert re.search(rf'<ins><span class="visually-hidden">{re.escape(texts["inserted_start"])} </span>', html)
    assert re.search(rf'<del><span class="visually-hidden">{re.escape(texts["deleted_start"])} </span>', html)
    page.goto(server + "pargas/2023/fi/andringar/")
    ins, deleted = page.locator(".edition-diff ins").first, page.locator(".edition-diff del").first
    assert "underline" in ins.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "line-through" in deleted.evaluate("e => getComputedStyle(e).textDecorationLine")
    label = page.locator(".edition-diff ins .visually-hidden").first
    assert label.evaluate("e => e.getBoundingClientRect().width") <= 1


def _seed_chapters(text: str, numbered: bool) -> dict[str, list[str]]:
    """The source text's chapters by our file names, as lists of words."""
    names = yaml.safe_load((Path(__file__).parent / "data" / "pargas_seed_chapters.yml").read_text(encoding="utf-8"))
    heads = names["numbered" if numbered else "unnumbered"]
    chapters, current = {}, None
    for line in text.splitlines():
        line = " ".join(line.split())
        key = re.match(r"^(\d+) [A-ZÅÄÖ]", line).group(1) if numbered and re.match(r"^(\d+) [A-ZÅÄÖ]{3}", line) \
            and line.upper() == line else line
        if key in heads:
            current = heads[key]
            chapters[current] = []
        elif current:
            chapters[current].append(line)
    words = {}
    for name, lines in chapters.items():
        body = re.sub(r"\b\d+(?:\.\d+)+\s+", "", " ".join(lines)).replace("–", "-")
        words[name] = [w.casefold() for w in re.findall(r"\w+(?:-\w+)*", body)]
    return words


@pytest.mark.skipif(SEEDS is None, reason="shared/seeds is not beside the repository")
def test_expected_changes_agree_with_the_two_source_texts():
    """Our list of changed chapters, checked against the seeds themselves: a chapter changed
    where the words of the two PDFs' texts differ, and only there."""
    old = _seed_chapters(_read(SEEDS / "pargas-integrationsplan-2022-2025.txt"), numbered=False)
    new = _seed_chapters(_read(SEEDS / "pargas-integrationsplan-2022-2025-rev2023.txt"), numbered=True)
    assert set(old) - set(new) == EXPECTED["removed"]
    assert set(new) - set(old) == EXPECTED["added"]
    changed = {name for name in set(old) & set(new) if old[name] != new[name]}
    assert changed == EXPECTED["changed"]
    assert {name for name in set(old) & set(new) if old[name] == new[name]} == EXPECTED["unchanged"]


def test_no_broken_links_in_any_edition(published):
    """Within and between the editions, the changes pages, and latest/."""
    linkchecker = Path(sys.executable).parent / "linkchecker"
    starts = [str(published / "pargas" / name / "index.html") for name in (*EDITIONS, "latest")]
    result = subprocess.run([str(linkchecker), "--no-status", "--no-warnings", *starts],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]


# --- the domain code on its own -------------------------------------------------------------

def test_word_diff_marks_words_and_ignores_typography():
    from hooks.edition_changes import Block, Chapter, _kind, word_diff
    old = [Block("heading", "Boende"), Block("paragraph", "Tolktjänster fås från Turun seudun tulkkikeskus, 2018–2021.")]
    new = [Block("heading", "7 Boende"), Block("paragraph", "Tolktjänster fås från Tulka, 2018-2021.")]
    diff = word_diff(old, new)
    assert [(s.op, s.text) for s in diff[0].segments] == [("insert", "7 "), ("equal", "Boende")]
    assert [(s.op, s.text) for s in diff[1].segments if s.op != "equal"] == [
        ("delete", "Turun seudun tulkkikeskus"), ("insert", "Tulka")]
    same = Chapter("boende.md", "Boende", None, (Block("paragraph", "Ett – två"),))
    renumbered = Chapter("boende.md", "7 Boende", "7", (Block("paragraph", "ett - två"),))
    assert _kind(same, renumbered) == "unchanged"


def test_site_pages_are_not_chapters(tmp_path):
    """The accessibility statement and the compliance page (front matter site_page: true) are
    about the website: "what changed" leaves them out even when they differ between editions."""
    from hooks.edition_changes import compare_editions
    for edition, text in (("old", "Text."), ("new", "Other text.")):
        folder = tmp_path / edition
        folder.mkdir()
        (folder / "boende.md").write_text("# Boende\n\nText.\n", encoding="utf-8")
        (folder / "lagkrav.md").write_text(f"---\nsite_page: true\n---\n\n# Lagkrav\n\n{text}\n", encoding="utf-8")
        (folder / "index.md").write_text(f"# Home\n\n{text}\n", encoding="utf-8")
    changes = compare_editions(tmp_path / "old", tmp_path / "new", ["index.md", "boende.md", "lagkrav.md"])
    assert [(c.file, c.kind) for c in changes] == [("boende.md", "unchanged")]


def _edition_config(folder: Path, name: str, status: str, editions=("2022", "2023")) -> Path:
    (folder / name / "docs").mkdir(parents=True, exist_ok=True)
    path = folder / name / "mkdocs.yml"
    path.write_text(yaml.safe_dump({"extra": {"editions": list(editions),
                                              "programme": {"edition": name, "status": status}}}), encoding="utf-8")
    return path


def test_editions_are_read_from_the_configs(tmp_path):
    from hooks.editions import load_editions
    _edition_config(tmp_path, "2022", "superseded")
    path = _edition_config(tmp_path, "2023", "in_force")
    editions = load_editions(path, yaml.safe_load(path.read_text()))
    assert [e.name for e in editions.all] == ["2022", "2023"] and editions.default.name == "2023"
    assert editions.previous().name == "2022" and not editions.current_is_older
    assert editions.about_default("older_notice") == "older_notice"
    path = _edition_config(tmp_path, "2023", "period_ended")     # the newest, but no longer in force
    editions = load_editions(path, yaml.safe_load(path.read_text()))
    assert editions.default.name == "2023" and editions.about_default("older_notice") == "older_notice_newest"
    for key in ("older_notice", "redirect_title", "redirect_link"):
        assert all(f"{key}_newest" in _texts(lang) for lang in ("sv", "fi", "en")), key


@pytest.mark.parametrize("problem, message", [
    ("two_in_force", "more than one edition has status in_force"),
    ("wrong_name", "the edition's folder (and so its address) is '2022'"),
    ("missing", "does not exist"),
    ("superseded_newest", "has status superseded but is not older than the edition readers get by default"),
])
def test_edition_configuration_errors_are_explained(tmp_path, problem, message):
    from hooks.editions import EditionError, load_editions
    if problem == "two_in_force":
        _edition_config(tmp_path, "2022", "in_force")
        path = _edition_config(tmp_path, "2023", "in_force")
    elif problem == "wrong_name":
        first = _edition_config(tmp_path, "2022", "superseded")
        first.write_text(first.read_text().replace("edition: '2022'", "edition: '2021'"))
        path = _edition_config(tmp_path, "2023", "in_force")
    elif problem == "superseded_newest":
        _edition_config(tmp_path, "2022", "period_ended")
        path = _edition_config(tmp_path, "2023", "superseded")
    else:
        path = _edition_config(tmp_path, "2023", "in_force")
    with pytest.raises(EditionError, match=re.escape(message)):
        load_editions(path, yaml.safe_load(path.read_text()))


def test_each_programme_has_its_own_directory():
    from hooks.versioned_site import directories
    assert directories(REPO) == [REPO / "directory", PARGAS / "directory"]


# --- publishing: all or nothing, from a fresh clone ------------------------------------------

def _copy_sources(dest: Path) -> Path:
    for name in ("docs", "overrides", "hooks", "directory", "data", "programmes"):
        shutil.copytree(REPO / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def test_a_failing_edition_leaves_the_published_site_untouched(tmp_path):
    """A broken entry in Pargas' own directory fails the Pargas editions (and so the whole
    build-all), and the message names the file."""
    work = _copy_sources(tmp_path / "repo")
    (work / "programmes" / "pargas" / "directory" / "trasig.yml").write_text("id: trasig\nname: [\n", encoding="utf-8")
    output = tmp_path / "published"
    output.mkdir()
    (output / "index.html").write_text("the good site", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "hooks", "build-all", "--output", str(output)],
                            cwd=work, capture_output=True, text=True,
                            env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 1
    assert "programmes/pargas/directory/trasig.yml" in result.stdout + result.stderr
    assert "/pargas/2022/" in result.stderr and "left unchanged" in result.stderr
    assert (output / "index.html").read_text(encoding="utf-8") == "the good site"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".published-build-")] == []


@pytest.mark.slow
def test_a_fresh_clone_builds_the_whole_site(tmp_path):
    """What is committed is enough: clone, then the README's build command (with this venv)."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
    result = subprocess.run([sys.executable, "-m", "hooks", "build-all", "--output", str(tmp_path / "site")],
                            cwd=clone, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    for path in ("index.html", "pargas/versions.json", "pargas/2022/fi/jamlikhet/index.html",
                 "pargas/2023/andringar/index.html", "pargas/latest/index.html"):
        assert (tmp_path / "site" / path).exists(), path
