"""Makes the site's PDFs with Debian's Chromium: one browser, every PDF the built site promises.

Each PDF is its page printed with the site's print stylesheet, as a reader's browser
would print it, with JavaScript off so that only the HTML and CSS decide the result.
Links to other pages of the site become plain text first: in a PDF they would point
into the temporary build folder. Chromium stamps every PDF with the moment it was made,
and numbers the cells of tagged tables by a counter that depends on what it rendered
before and on timing; both are replaced, so the same tree always gives the same bytes.
"""
from __future__ import annotations

import asyncio
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from hooks.chromium import CHROMIUM, launch_options
from hooks.pdf_files import PdfJob

# Runs in the page before printing. Same-page links (table of contents, footnotes) stay.
_UNLINK_OTHER_PAGES = """() => {
  const page = (url) => url.split('#')[0].replace(/index\\.html$/, '');
  const here = page(location.href);
  for (const link of document.querySelectorAll('a[href]')) {
    const target = new URL(link.getAttribute('href'), location.href);
    if (target.protocol === location.protocol && page(target.href) !== here) link.removeAttribute('href');
  }
}"""

_DATE = re.compile(rb"/(CreationDate|ModDate) \((D:[^)]*)\)")
# In a tagged PDF, table cells carry the id of their DOM node ("(node00000892)") so that data
# cells can name their header cells; the numbers count every node the browser has made so far.
_NODE_ID = re.compile(rb"\(node(\d+)\)")
# The ID tree (PDF 32000-1, 7.9.6): one leaf whose /Names pairs are sorted by id, and whose
# /Limits name the first and last. Chromium writes a single leaf, however many cells there are.
_ID_TREE_LEAF = re.compile(rb"/Limits \[(\(node\d+\)) (\(node\d+\))\]\s*/Names \[([^\]]*)\]")
_ID_TREE_PAIR = re.compile(rb"(\(node\d+\)) (\d+ \d+ R)")


class PdfRenderError(RuntimeError):
    pass


def pdf_date(epoch: int) -> bytes:
    """A PDF date in the form Chromium (Skia) writes: D:YYYYMMDDHHmmSS+00'00'."""
    return time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime(epoch)).encode("ascii")


def _sort_id_tree(pdf: bytes) -> bytes:
    """Puts the ID tree's pairs back in the order of their (renumbered) ids. Which cell got the
    lower id from Chromium varies from run to run, so the order it wrote them in varies too.
    The same pairs joined by the same spaces keep the array's length."""
    leaves = list(_ID_TREE_LEAF.finditer(pdf))
    if len(leaves) > 1:
        raise PdfRenderError(f"Chromium wrote an ID tree of {len(leaves)} leaves; "
                             "hooks/pdf_render.py sorts only a single leaf")
    if not leaves:
        return pdf
    leaf = leaves[0]
    pairs = _ID_TREE_PAIR.findall(leaf.group(3))
    if b" ".join(b" ".join(pair) for pair in pairs) != leaf.group(3).strip():
        raise PdfRenderError("the ID tree's /Names array is not the list of (id, object) pairs expected")
    pairs.sort()
    names = b" ".join(b" ".join(pair) for pair in pairs)
    names = leaf.group(3).replace(leaf.group(3).strip(), names)
    start, end = leaf.span()
    rewritten = (pdf[start:leaf.start(1)] + pairs[0][0] + pdf[leaf.end(1):leaf.start(2)] + pairs[-1][0]
                 + pdf[leaf.end(2):leaf.start(3)] + names + pdf[leaf.end(3):end])
    assert len(rewritten) == end - start
    return pdf[:start] + rewritten + pdf[end:]


def make_reproducible(pdf: bytes, epoch: int) -> bytes:
    """Replaces the creation and modification dates with the build date, numbers the node
    ids in order of appearance and sorts the ID tree by the new numbers. Every replacement has
    the length of what it replaces, so the byte offsets in the cross-reference table stay right."""
    stamp, seen, numbers = pdf_date(epoch), [], {}

    def renumber(match: re.Match) -> bytes:
        digits = match.group(1)
        number = numbers.setdefault(digits, len(numbers) + 1)
        if len(str(number)) > len(digits):
            raise PdfRenderError(f"cannot renumber the node id {match.group(0)!r} in place")
        return b"(node" + str(number).zfill(len(digits)).encode("ascii") + b")"

    def replace(match: re.Match) -> bytes:
        if len(match.group(2)) != len(stamp):
            raise PdfRenderError(f"Chromium wrote a date of a form we do not know: {match.group(0)!r}")
        seen.append(match.group(1))
        return b"/" + match.group(1) + b" (" + stamp + b")"
    fixed = _sort_id_tree(_NODE_ID.sub(renumber, _DATE.sub(replace, pdf)))
    if sorted(seen) != [b"CreationDate", b"ModDate"]:
        raise PdfRenderError(f"expected one CreationDate and one ModDate in Chromium's PDF, found {seen}")
    if b"/ID [" in fixed:
        raise PdfRenderError("Chromium now writes a document /ID, which changes on every run; "
                             "hooks/pdf_render.py must replace it too")
    return fixed


def render(jobs: list[PdfJob], epoch: int, workers: int | None = None) -> None:
    """Prints every job's page to its PDF in one browser, a few pages at a time."""
    if not Path(CHROMIUM).exists():
        raise PdfRenderError(f"Chromium not found at {CHROMIUM} (install Debian's chromium: make build does)")
    from playwright.async_api import Error as PlaywrightError
    workers = workers or min(4, os.cpu_count() or 1)
    try:
        # A thread of its own: the caller may be running an event loop already (the tests
        # build the site while their own Playwright browser is open).
        with ThreadPoolExecutor(max_workers=1) as thread:
            thread.submit(asyncio.run, _render(jobs, epoch, workers)).result()
    except PlaywrightError as error:
        raise PdfRenderError(f"Chromium failed: {error}") from None


async def _render(jobs: list[PdfJob], epoch: int, workers: int) -> None:
    from playwright.async_api import async_playwright
    # Biggest pages first, so that no worker is left with the whole programme at the end.
    queue = sorted(jobs, key=lambda job: job.source.stat().st_size)

    async def work(browser) -> None:
        # A context of its own gives each worker its own renderer process.
        page = await (await browser.new_context(java_script_enabled=False)).new_page()
        while queue:
            job = queue.pop()
            await page.goto(job.source.as_uri(), wait_until="load")
            await page.evaluate(_UNLINK_OTHER_PAGES)
            pdf = await page.pdf(prefer_css_page_size=True, tagged=True, outline=True)
            job.target.parent.mkdir(parents=True, exist_ok=True)
            job.target.write_bytes(make_reproducible(pdf, epoch))

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options())
        try:
            await asyncio.gather(*(work(browser) for _ in range(workers)))
        finally:
            await browser.close()
