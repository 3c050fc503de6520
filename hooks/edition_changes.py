"""What changed between two editions of a programme, chapter by chapter and word by word.

A chapter is one Markdown page, and the same chapter has the same file name in every
edition. Comparing the two editions' pages of one language gives chapters added,
removed, renamed (same file, new title) and changed (different text), and for each
changed chapter a word-level diff of its readable text: Markdown syntax, heading ids
and editorial comments are not what a reader sees, so they are not compared.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_ATTRS = re.compile(r"\s*\{[:#.][^}]*\}\s*$")          # {#id} / {: .class } after a heading or block
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]]+)\]")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_NUMBER_PREFIX = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
# Words (letters and digits, joined by hyphens, dashes or apostrophes: "2018–2021" is one word),
# runs of space, and single other characters.
_TOKEN = re.compile(r"[^\W_]+(?:[-–—'’][^\W_]+)*|\s+|.", re.S)
HOME_PAGE = "index.md"
BREAK = "\n\n"                                         # the boundary between two blocks
# A removed chapter whose words mostly reappear, in order, in another chapter has moved there.
MOVED_SHARE = 0.6


@dataclass(frozen=True)
class Block:
    kind: str       # "heading", "item", "row" or "paragraph"
    text: str       # the text a reader sees, on one line


@dataclass(frozen=True)
class Chapter:
    file: str                   # "boende.md": the same in every edition
    title: str                  # front matter title ("7 Boende")
    number: str | None          # front matter chapter ("7"), if the edition numbers its chapters
    blocks: tuple[Block, ...]

    @property
    def name(self) -> str:
        """The title without its chapter number: what a rename changes."""
        return _NUMBER_PREFIX.sub("", self.title).strip()


@dataclass(frozen=True)
class Segment:
    op: str         # "equal", "insert" or "delete"
    text: str


@dataclass
class DiffBlock:
    kind: str
    segments: list[Segment] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(s.op != "equal" for s in self.segments)


@dataclass(frozen=True)
class ChapterChange:
    file: str
    old: Chapter | None
    new: Chapter | None
    kind: str                           # "added", "removed", "changed" or "unchanged"
    renamed: bool                       # same file, another heading (its number aside)
    diff: tuple[DiffBlock, ...] = ()
    moved_to: Chapter | None = None     # for a removed chapter: the chapter its text is now in

    @property
    def renumbered(self) -> bool:
        return self.old is not None and self.new is not None and self.old.number != self.new.number


def _kind(old: Chapter | None, new: Chapter | None) -> str:
    """Changed means different words: a new chapter number, another kind of dash or a
    capital letter alone does not change a chapter."""
    if old is None:
        return "added"
    if new is None:
        return "removed"
    return "changed" if content_words(old) != content_words(new) else "unchanged"


def _renamed(old: Chapter | None, new: Chapter | None) -> bool:
    return old is not None and new is not None and _norm_words(old.name) != _norm_words(new.name)


def _front_matter(text: str) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    _, front, body = text.split("---", 2)
    return yaml.safe_load(front) or {}, body


def read_chapter(path: Path) -> Chapter:
    meta, body = _front_matter(path.read_text(encoding="utf-8"))
    title = str(meta.get("title") or "").strip()
    blocks = plain_blocks(body)
    if not title:
        title = next((b.text for b in blocks if b.kind == "heading"), path.stem)
    number = meta.get("chapter")
    return Chapter(path.name, title, str(number) if number is not None else None, tuple(blocks))


def plain_blocks(markdown: str) -> list[Block]:
    """The readable text of a Markdown page as blocks: headings, list items, table rows, paragraphs."""
    blocks: list[Block] = []
    lines: list[str] = []
    kind = "paragraph"

    def flush():
        nonlocal lines, kind
        text = _inline_text(" ".join(lines))
        if text:
            blocks.append(Block(kind, text))
        lines, kind = [], "paragraph"

    for raw in _COMMENT.sub("", markdown).splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            blocks.append(Block("heading", _inline_text(_ATTRS.sub("", heading.group(2)))))
            continue
        if line.startswith("|"):
            flush()
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):   # not the header separator
                blocks.append(Block("row", _inline_text(" | ".join(cells))))
            continue
        if _ITEM.match(raw) and not raw.startswith("    "):
            flush()
            kind = "item"
            line = _ITEM.sub("", line)
        elif line.startswith("!!!"):                                    # admonition: keep its title
            flush()
            line = re.sub(r'^!!!\s*\w+\s*', "", line).strip('"')
        lines.append(_ATTRS.sub("", line))
    flush()
    return blocks


def _inline_text(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    text = _FOOTNOTE_REF.sub(r"[\1]", text)
    text = _TAG.sub("", text)
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())


def is_chapter(path: Path) -> bool:
    """Whether a page is a chapter of the document. The home page (index.md) introduces the
    edition on this site, and a page whose front matter says `site_page: true` (the
    accessibility statement, the compliance report) is about the website: neither is part
    of the document, so neither is compared."""
    return path.name != HOME_PAGE and not _front_matter(path.read_text(encoding="utf-8"))[0].get("site_page")


def compare_editions(old_dir: Path, new_dir: Path, order: list[str]) -> list[ChapterChange]:
    """Every chapter of either edition, in the order given (then any others by file name)."""
    old = {p.name: read_chapter(p) for p in sorted(old_dir.glob("*.md")) if is_chapter(p)}
    new = {p.name: read_chapter(p) for p in sorted(new_dir.glob("*.md")) if is_chapter(p)}
    files = [f for f in order if f in old or f in new]
    files += sorted((old.keys() | new.keys()) - set(files))
    changes = []
    for name in files:
        before, after = old.get(name), new.get(name)
        diff = tuple(word_diff(before.blocks, after.blocks)) if before and after else ()
        changes.append(ChapterChange(name, before, after, _kind(before, after), _renamed(before, after), diff))
    return [_with_destination(change, changes) for change in changes]


def following_source(changes: list[ChapterChange], source: list[ChapterChange]) -> list[ChapterChange]:
    """A translation's changes, classified as the source text's are: which chapters were added,
    removed, renamed or changed is a fact about the programme, and a translator's rewording
    of an unchanged chapter is not one. The word-level diffs stay the translation's own."""
    by_file = {change.file: change for change in source}
    new_chapters = {change.new.file: change.new for change in changes if change.new is not None}
    result = []
    for change in changes:
        original = by_file.get(change.file)
        if original is None:
            result.append(change)
            continue
        moved_to = new_chapters.get(original.moved_to.file) if original.moved_to is not None else None
        result.append(replace(change, kind=original.kind, renamed=original.renamed, moved_to=moved_to))
    return result


def _with_destination(change: ChapterChange, changes: list[ChapterChange]) -> ChapterChange:
    if change.kind != "removed":
        return change
    words = content_words(change.old)
    best, best_share = None, 0.0
    for other in changes:
        if other.new is None or not words:
            continue
        matcher = difflib.SequenceMatcher(None, words, content_words(other.new), autojunk=False)
        share = sum(block.size for block in matcher.get_matching_blocks()) / len(words)
        if share > best_share:
            best, best_share = other.new, share
    if best is None or best_share < MOVED_SHARE:
        return change
    return replace(change, moved_to=best)


def _words(blocks) -> list[str]:
    return [t for b in blocks for t in _TOKEN.findall(b.text) if t.strip()]


def content_words(chapter: Chapter) -> list[str]:
    """The chapter's words as compared for "changed": headings without their numbers, one
    kind of dash and quote, no case."""
    blocks = [Block(b.kind, _NUMBER_PREFIX.sub("", b.text) if b.kind == "heading" else b.text)
              for b in chapter.blocks]
    return [_norm(t) for t in _words(blocks)]


def _norm_words(text: str) -> list[str]:
    return [_norm(t) for t in _TOKEN.findall(text) if t.strip()]


def word_diff(old: tuple[Block, ...] | list[Block], new: tuple[Block, ...] | list[Block]) -> list[DiffBlock]:
    """A word-level diff of two block lists, as blocks of equal, inserted and deleted text.

    Both sides become one token stream (words, spaces, punctuation, and a break token
    between blocks), so text that moves from one paragraph into a list still lines up.
    """
    a, a_kinds = _tokens(old)
    b, b_kinds = _tokens(new)
    matcher = difflib.SequenceMatcher(None, [_norm(t) for t in a], [_norm(t) for t in b], autojunk=False)
    stream: list[tuple[str, str, str]] = []       # (op, token, kind of its block)
    for op, i1, i2, j1, j2 in _merge_small_equals(matcher.get_opcodes(), a):
        if op == "equal":
            stream += [("equal", b[j], b_kinds[j]) for j in range(j1, j2)]
        else:
            stream += [("delete", a[i], a_kinds[i]) for i in range(i1, i2)]
            stream += [("insert", b[j], b_kinds[j]) for j in range(j1, j2)]
    blocks: list[DiffBlock] = []
    current: DiffBlock | None = None
    for op, token, kind in stream:
        if token == BREAK:
            current = None
            continue
        if current is None:
            current = DiffBlock(kind)
            blocks.append(current)
        if current.segments and current.segments[-1].op == op:
            current.segments[-1] = Segment(op, current.segments[-1].text + token)
        else:
            current.segments.append(Segment(op, token))
    return [_trimmed(block) for block in blocks if "".join(s.text for s in block.segments).strip()]


def _tokens(blocks) -> tuple[list[str], list[str]]:
    tokens, kinds = [], []
    for index, block in enumerate(blocks):
        if index:
            tokens.append(BREAK)
            kinds.append(block.kind)
        for token in _TOKEN.findall(block.text):
            tokens.append(token)
            kinds.append(block.kind)
    return tokens, kinds


_TYPOGRAPHY = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "’": "'", "‘": "'", "”": '"', "“": '"',
                             "»": '"', "«": '"', "\u00a0": " "})


def _norm(token: str) -> str:
    """What two tokens must share to count as the same: the same letters in any case, where
    all spaces are alike and dashes or quotes of another kind are the same character."""
    if token == BREAK:
        return token
    return token.translate(_TYPOGRAPHY).casefold() if token.strip() else " "


def _merge_small_equals(opcodes, a: list[str]):
    """Join changes separated only by a space into one, so a rewritten phrase reads as one
    deletion and one insertion instead of alternating words. Opcodes are contiguous, so
    joining is extending the end of the previous run."""
    runs = [["equal" if op == "equal" else "replace", i1, i2, j1, j2] for op, i1, i2, j1, j2 in opcodes]
    merged: list[list] = []
    k = 0
    while k < len(runs):
        op, i1, i2, j1, j2 = runs[k]
        between_changes = (op == "equal" and merged and merged[-1][0] == "replace"
                           and k + 1 < len(runs) and runs[k + 1][0] == "replace")
        if between_changes and all(not a[i].strip() and a[i] != BREAK for i in range(i1, i2)):
            merged[-1][2], merged[-1][4] = runs[k + 1][2], runs[k + 1][4]
            k += 2
            continue
        if op == "replace" and merged and merged[-1][0] == "replace":
            merged[-1][2], merged[-1][4] = i2, j2
        else:
            merged.append([op, i1, i2, j1, j2])
        k += 1
    return [tuple(run) for run in merged]


def _trimmed(block: DiffBlock) -> DiffBlock:
    """Leading and trailing spaces carry no change: keep them out of the marked text."""
    segments = [s for s in block.segments if s.text]
    if segments and not segments[0].text.strip():
        segments = segments[1:]
    if segments and not segments[-1].text.strip():
        segments = segments[:-1]
    return DiffBlock(block.kind, segments)
