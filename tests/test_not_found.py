"""The page a wrong address gets: the site's own language first, help in every language."""
from __future__ import annotations

import re

from conftest import PROGRAMMES


def test_not_found_page_speaks_the_default_language_and_helps_in_all(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in html, "static-i18n's last language pass (English) must not win"
    assert re.search(r'<section class="not-found" lang="sv">\s*<h1>Sidan finns inte</h1>', html)
    for lang, title, home in [("fi", "Sivua ei löydy", "/fi/"), ("en", "Page not found", "/en/")]:
        section = re.search(rf'<section class="not-found" lang="{lang}">(.*?)</section>', html, re.S)
        assert section and f"<h2>{title}</h2>" in section.group(1) and f'href="{home}"' in section.group(1)
    # the menus are the Swedish ones, and no language link names a page that has nothing to do with it
    assert 'href="/1-introduktion/"' in html and 'href="/en/1-introduktion/"' not in html
    assert not re.search(r'<link rel="alternate" href="[^"]*" hreflang=', html)


def test_editions_leave_the_not_found_page_to_the_root(published):
    for programme in PROGRAMMES:
        assert list((published / programme).rglob("404.html")) == []


def test_not_found_page_leads_to_the_finnish_home_page(page, server):
    page.goto(server + "404.html")
    page.locator('section[lang="fi"] a').click()
    page.wait_for_load_state()
    assert page.url == server + "fi/" and page.locator("html").get_attribute("lang") == "fi"
