"""What a reader's browser pays: bytes of a first view, search index sizes, the directory filter.

Measured in Debian's Chromium (the same one the build and the tests use) against the built
site served on localhost (hooks/local_server.py), which sends files as they are, uncompressed,
so the bytes on the wire are the raw sizes; the gzip figure is what a compressing web server
would send.
"""
from __future__ import annotations

import gzip
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

from hooks.chromium import chromium_browser
from hooks.local_server import serve_folder


@dataclass(frozen=True)
class PageWeight:
    name: str
    path: str
    requests: int
    transferred: int     # bytes Chromium received (CDP encodedDataLength), cache disabled
    gzip: int            # the same responses, each gzip-compressed
    search_gzip: int     # of which Material's search: its worker, lunr and the search index


@dataclass(frozen=True)
class IndexSize:
    language: str
    raw: int
    gzip: int


def page_weights(site: Path, pages: dict[str, str]) -> list[PageWeight]:
    """pages: name -> path. Each is opened in a fresh context with the cache disabled."""
    results = []
    with serve_folder(site) as base, chromium_browser() as browser:
        for name, path in pages.items():
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            received: dict[str, int] = {}
            cdp.on("Network.loadingFinished",
                   lambda event: received.__setitem__(event["requestId"], int(event["encodedDataLength"])))
            responses = []
            page.on("response", lambda response: responses.append(response))
            status = page.goto(base + path.lstrip("/"), wait_until="networkidle")
            if status is None or status.status != 200:
                raise RuntimeError(f"{path} answered {status and status.status}")
            sizes = {r.url: len(gzip.compress(r.body(), 9)) for r in responses if r.status == 200}
            search = sum(size for url, size in sizes.items() if _is_search(url))
            results.append(PageWeight(name, path, len(responses), sum(received.values()),
                                      sum(sizes.values()), search))
            context.close()
    return results


# Material starts its search worker on every page load, before anyone searches.
_SEARCH_PARTS = ("/search/search_index.json", "/assets/javascripts/workers/", "/assets/javascripts/lunr/")


def _is_search(url: str) -> bool:
    return any(part in url for part in _SEARCH_PARTS)


def search_index_sizes(site: Path, languages: dict[str, str]) -> list[IndexSize]:
    """languages: code -> folder of the language ('' for the root)."""
    sizes = []
    for language, folder in languages.items():
        data = (site / folder / "search" / "search_index.json").read_bytes()
        sizes.append(IndexSize(language, len(data), len(gzip.compress(data, 9))))
    return sizes


_TAG = re.compile(r"<(/?)(ul|li)\b[^>]*>")
_ITEM_ID = re.compile(r'id="actor-([a-z0-9-]+)"')


def _list_items(html: str) -> tuple[list[str], int]:
    """The items of the directory list (#directory-list) and where the list closes: its own
    <li> elements, not those of an item's list of services."""
    start = html.index('id="directory-list"')
    depth, item_start, items = 1, None, []
    for tag in _TAG.finditer(html, html.index(">", start) + 1):
        closing, name = tag.group(1) == "/", tag.group(2)
        if name == "ul":
            depth += -1 if closing else 1
            if depth == 0:
                return items, tag.start()
        elif depth == 1 and not closing:
            item_start = tag.start()
        elif depth == 1 and closing and item_start is not None:
            items.append(html[item_start:tag.end()])
            item_start = None
    raise RuntimeError("the directory list is not closed")


def directory_page_with(html: str, total: int) -> str:
    """The built directory list with its items cloned (new ids) up to `total`: the list a
    directory of that size renders, without building its thousands of actor pages. Only the
    filterable list (#directory-list) grows; the sections by need below it stay as built."""
    items, end = _list_items(html)
    if not items:
        raise RuntimeError("the directory page has no directory items")
    extra = []
    for number in range(max(0, total - len(items))):
        item = items[number % len(items)]
        actor = _ITEM_ID.search(item).group(1)
        new_id = f"{actor}-{number + 1:05d}"
        extra.append(item.replace(f'id="actor-{actor}"', f'id="actor-{new_id}"', 1)
                         .replace(f'href="{actor}/"', f'href="{new_id}/"', 1))
    html = html[:end] + "".join(extra) + html[end:]
    return re.sub(r'data-total="\d+"', f'data-total="{max(total, len(items))}"', html, count=1)


# Typed in the search box one after another, as a reader would: short, longer, no match, cleared.
QUERIES = ("f", "fp", "fpa", "kela", "borg", "språk", "hyresbostäder", "zzzz", "")

_TIME_QUERY = """(value) => {
  const input = document.querySelector('#directory-filter [name=q]');
  const started = performance.now();
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  const scripted = performance.now();
  document.body.offsetHeight;   // the list's new layout is part of the answer
  return [scripted - started, performance.now() - started,
          document.getElementById('directory-count').textContent];
}"""


@dataclass(frozen=True)
class FilterTiming:
    actors: int          # items in the filterable list
    queries: int
    script_ms: float     # median: directory.js matching and hiding items
    answer_ms: float     # median: the same and the browser's new layout of the list
    worst_ms: float      # slowest answer


def filter_time(site: Path, directory_path: str, total: int, rounds: int) -> FilterTiming:
    """How long the filter takes to answer a query with `total` actors in the list."""
    page_file = site / directory_path.strip("/") / "index.html"
    original = page_file.read_text(encoding="utf-8")
    scaled = page_file.with_name("benchmark-scaled.html")
    scaled.write_text(directory_page_with(original, total), encoding="utf-8")
    try:
        with serve_folder(site) as base, chromium_browser() as browser:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{base}{directory_path.strip('/')}/benchmark-scaled.html", wait_until="load")
            shown = page.locator("#directory-list > .directory-item").count()
            scripts, answers = [], []
            for _ in range(rounds):
                for query in QUERIES:
                    script, answer, status = page.evaluate(_TIME_QUERY, query)
                    if not status:
                        raise RuntimeError("the filter did not update its count")
                    scripts.append(script)
                    answers.append(answer)
            return FilterTiming(shown, len(answers), statistics.median(scripts),
                                statistics.median(answers), max(answers))
    finally:
        scaled.unlink()
