"""The directory filter shows at most a page of matches and a button for the next page,
so that a directory of thousands of actors stays quick to filter. With the real 41 actors
nothing of it shows; without JavaScript every item is shown."""
from __future__ import annotations

import pytest

from hooks.benchmark.browser import directory_page_with
from hooks.directory.list_page import PAGE_SIZE
from test_directory_pages import PAGES, _labels, _prefix

TOTAL = 2 * PAGE_SIZE + 20


@pytest.fixture
def large_directory(site):
    """The built list page of each language with its items cloned to TOTAL actors."""
    made = []
    for lang in ("sv", "fi", "en"):
        folder = site / _prefix(lang) / PAGES
        scaled = folder / "paging-test.html"
        scaled.write_text(directory_page_with((folder / "index.html").read_text(encoding="utf-8"), TOTAL),
                          encoding="utf-8")
        made.append(scaled)
    yield
    for scaled in made:
        scaled.unlink()


def _shown(page) -> int:
    return page.locator("#directory-list > .directory-item:not([hidden])").count()


@pytest.mark.parametrize("lang", ["sv", "fi", "en"])
def test_show_more_pages_through_the_matches(page, server, large_directory, lang):
    labels = _labels()[lang]
    page.goto(f"{server}{_prefix(lang)}{PAGES}/paging-test.html")
    count, more = page.locator("#directory-count"), page.locator("#directory-more button")
    assert _shown(page) == PAGE_SIZE
    assert count.inner_text() == labels("count_paged", matches=TOTAL, total=TOTAL, shown=PAGE_SIZE)
    assert more.inner_text() == labels("show_more", count=PAGE_SIZE)
    # Keyboard: the button takes Enter, and the reader goes on at the first item just shown.
    more.focus()
    page.keyboard.press("Enter")
    assert _shown(page) == 2 * PAGE_SIZE
    first_new = page.locator("#directory-list > .directory-item:not([hidden])").nth(PAGE_SIZE)
    assert first_new.locator("a").first.evaluate("link => link === document.activeElement")
    assert more.inner_text() == labels("show_more", count=TOTAL - 2 * PAGE_SIZE)
    more.click()
    assert _shown(page) == TOTAL
    assert not more.is_visible()
    assert count.inner_text() == labels("count_all", total=TOTAL)
    # A new query starts again at the first page.
    page.locator("#directory-q").fill("a")
    assert _shown(page) == PAGE_SIZE
    assert more.is_visible()


def test_real_directory_shows_no_button(page, server):
    page.goto(f"{server}{PAGES}/")
    assert _shown(page) == 41
    assert not page.locator("#directory-more").is_visible()


def test_without_javascript_a_large_list_is_shown_whole(browser, server, large_directory):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}{PAGES}/paging-test.html")
    assert page.locator("#directory-list > .directory-item").count() == TOTAL
    assert page.locator("#directory-list > .directory-item").nth(TOTAL - 1).is_visible()
    assert not page.locator("#directory-more").is_visible()
    context.close()
