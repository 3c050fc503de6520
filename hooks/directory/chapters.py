"""Which page and heading of one language's programme text is chapter "2.3.1".

Entries name programme chapters by number. Pages say which chapter they hold in
their front matter (chapter: "2.3") and keep the printed numbering in their
headings (## 2.3.1 Kultur- och fritidstjänster), so "2.3.1" is the heading with that
number on the page whose chapter is the longest prefix of it ("2.3"), and "2.3" is
that page itself. Anchors are made the way the toc extension makes them, so the
links land on the heading.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

import yaml

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_ATTR_LIST = re.compile(r"\s*\{\s*([^}]*)\}\s*$")
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\s+\S")
_FENCE = re.compile(r"^\s*(```|~~~)")


class ChapterError(LookupError):
    pass


@dataclass(frozen=True)
class ChapterRef:
    number: str
    src_uri: str          # the page, e.g. "sv/2-3-basservice.md"
    anchor: str | None    # None: the chapter is the page itself
    title: str            # the heading as written, number included


@dataclass(frozen=True)
class _Page:
    src_uri: str
    chapter: str
    headings: tuple[tuple[int, str, str], ...]   # level, text, id


def _front_matter(markdown: str) -> tuple[dict, str]:
    if not markdown.startswith("---"):
        return {}, markdown
    _, head, body = markdown.split("---", 2)
    return (yaml.safe_load(head) or {}), body


def _headings(body: str, slugify: Callable[[str, str], str]) -> tuple[tuple[int, str, str], ...]:
    found, seen, fenced = [], set(), False
    for line in body.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if not match:
            continue
        text = match.group(2)
        attrs = _ATTR_LIST.search(text)
        explicit = re.search(r"#([\w-]+)", attrs.group(1)) if attrs else None
        if attrs:
            text = text[:attrs.start()].rstrip()
        anchor = explicit.group(1) if explicit else slugify(text, "-")
        # Repeated ids get _1, _2 … like the toc extension's unique().
        base, n = anchor, 0
        while anchor in seen:
            n += 1
            anchor = f"{base}_{n}"
        seen.add(anchor)
        found.append((len(match.group(1)), text, anchor))
    return tuple(found)


class ChapterIndex:
    def __init__(self, pages: list[_Page]):
        self._pages = pages

    @classmethod
    def from_pages(cls, pages: Iterable[tuple[str, str]], slugify: Callable[[str, str], str]) -> "ChapterIndex":
        """pages: (src_uri, markdown) of one language's pages."""
        found = []
        for src_uri, markdown in pages:
            meta, body = _front_matter(markdown)
            chapter = meta.get("chapter")
            if chapter is not None:
                found.append(_Page(src_uri, str(chapter), _headings(body, slugify)))
        return cls(found)

    def resolve(self, number: str) -> ChapterRef:
        def owns(page: _Page) -> bool:
            return number == page.chapter or number.startswith(page.chapter + ".")
        candidates = [page for page in self._pages if owns(page)]
        if not candidates:
            raise ChapterError(f"no page has front matter chapter {number!r} or a prefix of it")
        longest = max(len(page.chapter) for page in candidates)
        for page in (page for page in candidates if len(page.chapter) == longest):
            for level, text, anchor in page.headings:
                numbered = _NUMBERED.match(text)
                if numbered and numbered.group(1) == number:
                    return ChapterRef(number, page.src_uri, None if level == 1 else anchor, text)
        raise ChapterError(f"no heading numbered {number!r} on the pages of chapter "
                           f"{candidates[0].chapter!r} ({', '.join(p.src_uri for p in candidates)})")
