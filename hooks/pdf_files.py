"""The PDFs a built site promises, read from its pages, and the size labels of their links.

A page says which PDF it is the source of with <link rel="alternate" type="application/pdf">
(overrides/partials/print-head.html); its links to PDFs carry an empty size slot
(overrides/partials/pdf-links.html) that is filled once the files exist. Both are our
own markup, written by our templates, so exact patterns find them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

_SOURCE_OF = re.compile(r'<link rel="alternate" type="application/pdf" href="([^"]+)">')
_SIZE_SLOT = re.compile(r'<span class="pdf-size" data-pdf-size-of="([^"]+)"></span>')


class PdfFilesError(ValueError):
    pass


@dataclass(frozen=True)
class PdfJob:
    source: Path        # the built page to render
    target: Path        # where its PDF goes


def size_label(size_in_bytes: int) -> str:
    """The size as shown beside a link: whole kilobytes (1 kB = 1000 bytes), at least 1."""
    return f"{max(1, round(size_in_bytes / 1000))}\u00a0kB"


def _resolve(site: Path, page: Path, href: str) -> Path:
    target = (page.parent / unquote(urlsplit(href).path)).resolve()
    if urlsplit(href).scheme or not target.is_relative_to(site.resolve()) or target.suffix != ".pdf":
        raise PdfFilesError(f"{page.relative_to(site)}: '{href}' is not a PDF inside the site")
    return target


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def find_jobs(site: Path) -> list[PdfJob]:
    """One job per PDF; two pages claiming the same PDF is an error."""
    jobs: dict[Path, PdfJob] = {}
    for page in _pages(site):
        for href in _SOURCE_OF.findall(page.read_text(encoding="utf-8")):
            target = _resolve(site, page, href)
            if target in jobs:
                raise PdfFilesError(f"{target.relative_to(site.resolve())} would be made from both "
                                    f"{jobs[target].source.relative_to(site)} and {page.relative_to(site)}")
            jobs[target] = PdfJob(page, target)
    return sorted(jobs.values(), key=lambda job: job.target)


def fill_size_labels(site: Path) -> int:
    """Writes each linked PDF's size into its link; a link to a missing PDF is an error.
    Returns how many links were labelled."""
    missing, count = [], 0
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        if "data-pdf-size-of=" not in html:
            continue

        def label(match: re.Match) -> str:
            nonlocal count
            target = _resolve(site, page, match.group(1))
            if not target.is_file():
                missing.append(f"{page.relative_to(site)} links {match.group(1)}, which was not made")
                return match.group(0)
            count += 1
            return f'<span class="pdf-size">({size_label(target.stat().st_size)})</span>'
        filled = _SIZE_SLOT.sub(label, html)
        if "data-pdf-size-of=" in filled and not missing:
            missing.append(f"{page.relative_to(site)}: a PDF size slot is not in the expected form")
        if filled != html:
            with open(page, "w", encoding="utf-8", newline="") as out:
                out.write(filled)
    if missing:
        raise PdfFilesError("Links to PDFs that do not exist:\n  " + "\n  ".join(missing))
    return count
