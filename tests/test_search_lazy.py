"""Search loads lazily: a page fetches nothing of search (index, Material's worker, lunr)
until the reader shows intent, then search works as before, in every language."""
from __future__ import annotations

import pytest

# What a page may fetch of search before anyone searches: our worker stub (a few hundred bytes).
STUB = "/assets/javascripts/workers/search-stemmed.js"
SEARCH_PARTS = ("search_index.json", "/assets/javascripts/workers/", "/assets/javascripts/lunr/")


def _search_requests(urls):
    return [url for url in urls if any(part in url for part in SEARCH_PARTS) and STUB not in url]


def _open(page, url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    assert _search_requests(requests) == [], f"search files fetched on page load: {_search_requests(requests)}"
    return requests


def _results(page, query):
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=10_000)
    return [a.get_attribute("href") for a in results.all()]


@pytest.mark.parametrize("prefix,lang,query,expected", [
    ("", "sv", "tolkarna", "2-1-komma-igang"),        # stemmed: "tolkarna" is not in the text
    ("fi/", "fi", "kotoutuminen", "fi/"),
    ("en/", "en", "integration", "en/"),
])
def test_search_loads_on_focus_and_finds(page, server, prefix, lang, query, expected):
    requests = _open(page, server + prefix)
    page.locator("input.md-search__input").focus()
    hrefs = _results(page, query)
    assert any(expected in href for href in hrefs), f"{query!r} found {hrefs}"
    # The index of the page's own language, fetched once the reader focused the field.
    index = f"{server}{prefix}search/search_index.json"
    assert index in requests
    stemmer = [url for url in requests if f"/lunr/min/lunr.{lang}.min.js" in url]
    assert bool(stemmer) == (lang != "en"), requests


def test_search_shortcut_loads_search(page, server):
    _open(page, server + "2-1-komma-igang/")
    page.locator("body").press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert any("2-1-komma-igang" in href for href in _results(page, "tolk"))


def test_search_icon_on_a_phone_loads_search(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    try:
        _open(page, server + "en/")
        # the header's search button (overrides/main.html), which works Material's label
        page.locator("button[data-opens=__search]").click()
        assert _results(page, "integration")
    finally:
        context.close()
