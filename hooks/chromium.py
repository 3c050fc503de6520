"""Debian's Chromium, started the same way by the build (it renders the PDFs) and the tests.

Headless, without a sandbox (it runs as root in containers and CI) and without any
background traffic: a build must not contact other hosts.
"""
from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
