"""Reads the Markdown sources of every language: title, `covers:` and headings with content.

Read from docs/<lang>/ directly rather than from MkDocs' file list, so that one
check sees all languages at once (static-i18n builds them one after another) and
a page missing in one language is found before anything is built.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.meta import get_data

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# attr_list's explicit id at the end of a heading: {#id}, {: #id .class}
_HEADING_ID = re.compile(r"\s*\{:?\s*#([\w-]+)[^}]*\}\s*$")
_COVERS = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)(?:#([\w-]+))?$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Coverage:
    """One entry of a page's `covers:`: an element, optionally at a heading of the page."""
    element: str
    anchor: str | None


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str | None          # only explicit ids: auto-generated ones differ between languages
    has_content: bool       # text under it before the next heading of the same or a higher level


@dataclass(frozen=True)
class SourcePage:
    lang: str
    name: str               # path inside the language folder: "1-introduktion.md"
    path: str               # as an editor finds it: "docs/sv/1-introduktion.md"
    title: str
    covers: tuple[Coverage, ...]
    headings: tuple[Heading, ...]
    has_content: bool
    problems: tuple[str, ...] = ()   # malformed `covers:` entries

    def heading(self, anchor: str) -> Heading | None:
        return next((h for h in self.headings if h.id == anchor), None)


def reading_order(nav: object) -> list[str]:
    """The page files of mkdocs.yml's nav, in the order a reader meets them."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [name for value in nav.values() for name in reading_order(value)]
    if isinstance(nav, list):
        return [name for item in nav for name in reading_order(item)]
    return []


def load_pages(docs_dir: Path, languages: tuple[str, ...], shown_root: Path,
               order: list[str] = ()) -> dict[str, dict[str, SourcePage]]:
    """{lang: {name: page}} for every Markdown file under docs_dir/<lang>/, in nav order, then by name."""
    pages: dict[str, dict[str, SourcePage]] = {}
    rank = {name: index for index, name in enumerate(order)}
    for lang in languages:
        folder = docs_dir / lang
        pages[lang] = {}
        files = sorted(folder.rglob("*.md")) if folder.is_dir() else []
        for file in sorted(files, key=lambda f: (rank.get(f.relative_to(folder).as_posix(), len(rank)), f)):
            name = file.relative_to(folder).as_posix()
            try:
                shown = file.relative_to(shown_root).as_posix()
            except ValueError:
                shown = file.as_posix()
            pages[lang][name] = parse_page(file.read_text(encoding="utf-8"), lang, name, shown)
    return pages


def parse_page(source: str, lang: str, name: str, path: str) -> SourcePage:
    body, meta = get_data(source)
    covers, problems = _parse_covers(meta.get("covers"), path)
    headings, has_content = _headings(body)
    title = str(meta.get("title") or next((h.text for h in headings if h.level == 1), name))
    return SourcePage(lang, name, path, title, covers, headings, has_content, problems)


def _parse_covers(raw: object, path: str) -> tuple[tuple[Coverage, ...], tuple[str, ...]]:
    if raw is None:
        return (), ()
    entries = raw if isinstance(raw, list) else [raw]
    covers, problems = [], []
    for entry in entries:
        match = _COVERS.match(str(entry).strip()) if isinstance(entry, str) else None
        if match:
            covers.append(Coverage(match.group(1), match.group(2)))
        else:
            problems.append(f"{path}: covers entry {entry!r} is not an element id or 'element-id#heading-id'")
    return tuple(covers), tuple(problems)


def _is_content(line: str) -> bool:
    text = line.strip()
    # Comments (page markers) and footnote definitions are not what a heading is about.
    return bool(text) and not (text.startswith("<!--") and text.endswith("-->")) \
        and not re.match(r"^\[\^[^\]]+\]:", text)


def _headings(body: str) -> tuple[tuple[Heading, ...], bool]:
    found: list[tuple[int, str, str | None, int]] = []   # level, text, id, line number
    lines = body.splitlines()
    kinds: list[str] = []                                # per line: heading | content | other
    in_fence = False
    for number, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            kinds.append("content")
            continue
        match = None if in_fence else _HEADING.match(line)
        if match:
            text = match.group(2)
            anchor = _HEADING_ID.search(text)
            found.append((len(match.group(1)), _HEADING_ID.sub("", text).strip(),
                          anchor.group(1) if anchor else None, number))
            kinds.append("heading")
        else:
            kinds.append("content" if in_fence or _is_content(line) else "other")
    headings = []
    for index, (level, text, anchor, start) in enumerate(found):
        end = next((line for lvl, _, _, line in found[index + 1:] if lvl <= level), len(lines))
        headings.append(Heading(level, text, anchor, "content" in kinds[start + 1:end]))
    return tuple(headings), "content" in kinds
