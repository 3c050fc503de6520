"""Debian's Chromium, started the same way by the build (it renders the PDFs), the tests and
the benchmark.

Headless, without a sandbox (it runs as root in containers and CI) and without any
background traffic: a build must not contact other hosts.
"""
from __future__ import annotations

import contextlib
import os
from typing import Any, Iterator

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def launch_options() -> dict[str, Any]:
    """For Playwright's chromium.launch, sync or async."""
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@contextlib.contextmanager
def chromium_browser() -> Iterator[Any]:
    """A Playwright (sync API) Browser on Debian's Chromium, closed afterwards."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            yield browser
        finally:
            browser.close()
