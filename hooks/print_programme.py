"""The whole programme as one document: its chapters in nav order with a table of contents.

Each chapter is a page of the site, rendered on its own. Put together in one page, their
ids would clash (every page has its own footnote fn:1) and their relative links would
point elsewhere, so each chapter's ids get the chapter's anchor as a prefix (and so do the
attributes that name ids: aria-labelledby, headers …), links between chapters become links
inside the document, and other relative links are re-based on the print page's address.
Addresses with a scheme (https:, mailto:) are left as they are.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

# Python-Markdown and MkDocs write every attribute in double quotes.
_ATTRIBUTE = re.compile(r'(?<=\s)(id|href|src)="([^"]*)"')
# Attributes whose value is a space-separated list of ids on the same page.
_ID_REFERENCES = re.compile(r'(?<=\s)(aria-labelledby|aria-describedby|aria-controls|aria-owns|headers|for)="([^"]*)"')


@dataclass(frozen=True)
class Heading:
    title: str          # as the page's table of contents has it (HTML-escaped text)
    id: str
    level: int


@dataclass(frozen=True)
class SourcePage:
    slug: str           # the page's file name without .md: "2-1-komma-igang"
    url: str            # its address inside the site: "fi/2-1-komma-igang/"
    title: str
    html: str           # its rendered content
    headings: tuple[Heading, ...]


@dataclass(frozen=True)
class TocEntry:
    title: str          # HTML, as MkDocs and Material treat page and heading titles
    anchor: str         # id inside the print page
    sections: tuple["TocEntry", ...] = ()   # a chapter's second-level headings


@dataclass(frozen=True)
class Chapter:
    anchor: str
    html: str


@dataclass(frozen=True)
class ProgrammeDocument:
    chapters: tuple[Chapter, ...]
    toc: tuple[TocEntry, ...]


def assemble(pages: list[SourcePage], print_url: str) -> ProgrammeDocument:
    """The pages, in the order given, as chapters of the page at print_url."""
    anchors = {"/" + page.url: page.slug for page in pages}
    if len(set(anchors.values())) != len(pages):
        raise ValueError("two chapters of the programme have the same file name")
    chapters = tuple(Chapter(chapter_anchor(page.slug), rebase(page, print_url, anchors)) for page in pages)
    toc = tuple(TocEntry(page.title, chapter_anchor(page.slug),
                         tuple(TocEntry(h.title, _local_id(page.slug, h.id)) for h in page.headings if h.level == 2))
                for page in pages)
    return ProgrammeDocument(chapters, toc)


def chapter_anchor(slug: str) -> str:
    """The chapter's id in the print page. Chapter file names start with their number
    ("1-statistik"); an id starting with a digit is no XML name, which an inline SVG's
    <title id> must be, so every id gets a word in front."""
    return f"chapter-{slug}"


def _local_id(slug: str, fragment: str) -> str:
    return f"{chapter_anchor(slug)}--{fragment}"


def rebase(page: SourcePage, print_url: str, anchors: dict[str, str]) -> str:
    """The page's content with ids and links that work inside the print page."""
    def replace(match: re.Match) -> str:
        name, value = match.groups()
        if name == "id":
            return f'id="{_local_id(page.slug, value)}"'
        return f'{name}="{_link(value, page, print_url, anchors)}"'

    def replace_references(match: re.Match) -> str:
        name, value = match.groups()
        return f'{name}="{" ".join(_local_id(page.slug, ref) for ref in value.split())}"'
    return _ID_REFERENCES.sub(replace_references, _ATTRIBUTE.sub(replace, page.html))


def _link(value: str, page: SourcePage, print_url: str, anchors: dict[str, str]) -> str:
    parts = urlsplit(value)
    if parts.scheme or value.startswith("//"):
        return value                                    # another site, mailto:, tel:
    if not parts.path and not parts.query:               # "#x": a place on the same page
        return "#" + (_local_id(page.slug, parts.fragment) if parts.fragment else chapter_anchor(page.slug))
    target = urlsplit(urljoin("/" + page.url, value))
    if target.path in anchors and not target.query:      # another chapter: a place in this document
        slug = anchors[target.path]
        return "#" + (_local_id(slug, target.fragment) if target.fragment else chapter_anchor(slug))
    relative = posixpath.relpath(target.path, "/" + print_url)
    if target.path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative + (f"?{target.query}" if target.query else "") + (f"#{target.fragment}" if target.fragment else "")
