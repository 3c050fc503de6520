"""The built site: every chapter of the source, right languages, nothing from other hosts,
reproducible, and a failed build never replaces a good site."""
from __future__ import annotations

import filecmp
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, copy_sources, html_pages

SEEDS = REPO.parent / "shared" / "seeds" / "borga-integrationsprogram-2022-2024-ocr.txt"
OUTLINE = yaml.safe_load((Path(__file__).parent / "data" / "source_outline.yml").read_text(encoding="utf-8"))


def _headings(html: str) -> list[str]:
    found = re.findall(r"<h([1-3])[^>]*>(.*?)</h\1>", html, re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).replace("¶", "").rstrip("#").strip()
            for _, text in found]


@pytest.mark.parametrize("item", OUTLINE, ids=lambda i: i["heading"][:40])
def test_every_source_heading_is_on_its_page(site, item):
    html = (site / item["page"] / "index.html").read_text(encoding="utf-8")
    assert item["heading"] in _headings(html)


def test_source_outline_matches_ocr():
    """Every numbered heading the OCR text has is in our outline (and so on a page)."""
    if not SEEDS.exists():
        pytest.skip("shared/seeds not beside the repository")
    numbers = set()
    for line in SEEDS.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*([1-5](?:\.[1-6]){1,2})\s+[A-ZÅÄÖ]", line)
        if m:
            numbers.add(m.group(1))
        m = re.match(r"^\s*([1-5])\s+(Introduktion|Vara|Mot|Styrka|Mal)\b", line)
        if m:
            numbers.add(m.group(1))
    ours = {item["heading"].split()[0] for item in OUTLINE}
    assert numbers and numbers <= ours, f"in the source but not on the site: {sorted(numbers - ours)}"


def test_every_page_has_the_right_lang(site):
    pages = html_pages(site)
    assert len(pages) >= 15
    for path in pages:
        rel = path.relative_to(site).as_posix()
        expected = rel.split("/")[0] if rel.split("/")[0] in ("fi", "en") else "sv"
        m = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", path.read_text(encoding="utf-8"))
        assert m and m.group(1) == expected, f"{rel}: lang={m and m.group(1)}, expected {expected}"


def test_no_third_party_hosts_in_built_site(site):
    from hooks.privacy_check import find_external_requests
    assert find_external_requests(site) == []
    assert "fonts.googleapis.com" not in (site / "index.html").read_text(encoding="utf-8")


def test_privacy_check_catches_a_font_cdn_and_a_css_import(tmp_path):
    from hooks.privacy_check import find_external_requests
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<a href="https://www.porvoo.fi">a plain link is fine</a>', encoding="utf-8")
    (tmp_path / "x.css").write_text('@import "https://cdn.example.org/a.css";', encoding="utf-8")
    found = {(f.file, f.url) for f in find_external_requests(tmp_path)}
    assert found == {("index.html", "https://fonts.googleapis.com/css?family=Roboto"),
                     ("x.css", "https://cdn.example.org/a.css")}


def test_language_switcher_keeps_the_page(site):
    """Every link of the switcher goes to the same page in the other language when it
    exists there, else to that language's home page; links are relative (no "/fi/")."""
    checked = 0
    for path in html_pages(site):
        rel = path.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else rel + "/"
        lang = rel.split("/")[0] if rel.split("/")[0] in ("fi", "en") else "sv"
        page = rel[len(lang) + 1:] if lang != "sv" else rel
        html = path.read_text(encoding="utf-8")
        links = {l: h for h, l in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', html)}
        assert set(links) == {"sv", "fi", "en"}, f"{rel}: {links}"
        for other, href in links.items():
            assert not href.startswith("/"), f"{rel}: absolute link {href}"
            target = (path.parent / href).resolve()
            same = site / ("" if other == "sv" else other) / page
            expected = same if (same / "index.html").exists() else site / ("" if other == "sv" else other)
            assert target == expected.resolve(), f"{rel} -> {other}: {href}"
            checked += 1
    assert checked >= 45


def test_two_builds_are_byte_identical(site, tmp_path):
    from hooks.versioned_site import build_all
    second = build_all(REPO, tmp_path / "again")
    comparison = filecmp.dircmp(site, second)
    differing = []

    def walk(cmp, prefix=""):
        differing.extend(prefix + n for n in cmp.diff_files + cmp.left_only + cmp.right_only)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")
    # dircmp compares shallowly (size+mtime) first; force a content comparison
    for path in site.rglob("*"):
        if path.is_file():
            other = second / path.relative_to(site)
            if not other.exists() or other.read_bytes() != path.read_bytes():
                differing.append(path.relative_to(site).as_posix())
    walk(comparison)
    assert not differing, f"files differ between two builds: {sorted(set(differing))[:10]}"


def test_failed_build_leaves_published_site_untouched(tmp_path):
    work = copy_sources(tmp_path / "repo")
    # a broken internal link makes the strict build fail
    page = work / "docs" / "sv" / "4-lokalt-samarbete.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[trasig](finns-inte.md)\n", encoding="utf-8")
    output = tmp_path / "published"
    output.mkdir()
    (output / "index.html").write_text("the good site", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "hooks", "build", "--output", str(output)],
                            cwd=work, capture_output=True, text=True, env={**__import__("os").environ,
                                                                           "SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 1
    assert "finns-inte.md" in result.stdout + result.stderr
    assert "left unchanged" in result.stderr
    assert (output / "index.html").read_text(encoding="utf-8") == "the good site"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".published-build-")] == []


def test_no_broken_internal_links(site):
    linkchecker = Path(sys.executable).parent / "linkchecker"
    result = subprocess.run([str(linkchecker), "--no-status", "--no-warnings", str(site / "index.html")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]


def test_linkchecker_catches_a_broken_link(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "index.html").write_text('<a href="missing.html">x</a>', encoding="utf-8")
    for p in (tmp_path, folder, folder / "index.html"):
        p.chmod(0o755)
    linkchecker = Path(sys.executable).parent / "linkchecker"
    result = subprocess.run([str(linkchecker), "--no-status", str(folder / "index.html")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout
