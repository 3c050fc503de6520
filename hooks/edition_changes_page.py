"""The "what changed" page of an edition, rendered as Markdown (with the diffs as HTML).

One page per language: the summary lists chapters added, removed, renamed, changed and
unchanged; then every changed chapter follows as a word-level diff in which <ins> and
<del> carry their meaning in words for screen readers, and in underline and strike-through
for everyone (colour is only a third cue).
"""
from __future__ import annotations

import json
from collections.abc import Callable
from html import escape

from hooks.edition_changes import ChapterChange, DiffBlock

_KINDS = ("added", "removed", "renamed", "changed", "unchanged")


def render_changes_page(changes: list[ChapterChange], texts: dict[str, str], edition: str, previous: str,
                        previous_href: Callable[[str], str], translated: bool = False) -> str:
    """Markdown of the page. Links to this edition's chapters are Markdown links to their files
    (MkDocs checks them); previous_href(file) gives the relative address of a chapter in the
    previous edition, which is another MkDocs site. A translation's page says that its
    chapters are classified by the source text (edition_changes.following_source)."""
    t = {key: fill(value, edition=edition, previous=previous) for key, value in texts.items()}
    title = t["changes_title"]
    out = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "search:", "  exclude: true", "---", "",
           f"# {title}", "", " ".join(t["changes_intro"].split()), "",
           f'<p class="edition-diff__legend">{escape(" ".join(t["legend"].split()))}</p>', "",
           f"## {t['summary']} {{#summary}}", ""]
    if translated:
        out += [t["by_source"], ""]
    kept = [change for change in changes if change.old is not None and change.new is not None]
    numbered_now = bool(kept) and all(c.old.number is None and c.new.number for c in kept)
    if numbered_now:
        out += [t["numbered_now"], ""]
    for kind in _KINDS:
        entries = [_summary_entry(change, kind, t, previous_href, not numbered_now) for change in changes
                   if (change.renamed if kind == "renamed" else change.kind == kind)]
        out += [f"### {t[kind]} {{#{kind}}}", ""]
        if kind == "unchanged":
            out += [t["unchanged_note"], ""]
        out += [f'<div class="edition-changes" data-change="{kind}" markdown="1">', ""]
        out += [f"- {entry}" for entry in entries] or [t["none"]]
        out += ["", "</div>", ""]
    changed = [change for change in changes if change.kind == "changed"]
    if changed:
        out += [f"## {t['details']} {{#details}}", ""]
    for change in changed:
        stem = change.file.removesuffix(".md")
        out += [f"### {change.new.title} {{#diff-{stem}}}", "",
                f"[{fill(texts['in_edition'], edition=edition)}]({change.file}) · "
                f"[{fill(texts['in_edition'], edition=previous)}]({previous_href(change.file)})", "",
                render_diff(change.diff, t, stem), ""]
    return "\n".join(out)


def _summary_entry(change: ChapterChange, kind: str, t: dict[str, str], previous_href, numbers: bool) -> str:
    if kind == "removed":
        entry = f"[{_md(change.old.title)}]({previous_href(change.file)})"
        if change.moved_to is not None:
            where = f"[{_md(change.moved_to.title)}]({change.moved_to.file})"
            entry += " – " + fill(t["moved_to"], chapter=where)
        return entry
    entry = f"[{_md(change.new.title)}]({change.file})"
    if kind == "renamed":
        # A translation may give both headings one wording (Swedish "det … arbetet" and
        # "… arbete" are one Finnish phrase): then there is no former heading to show.
        if change.old.name == change.new.name:
            return entry
        return f"{entry} ({t['formerly']}: {_md(change.old.title)})"
    if kind == "changed":
        entry = f"[{_md(change.new.title)}](#diff-{change.file.removesuffix('.md')})"
    if change.renumbered and numbers:
        entry += " – " + (fill(t["renumbered"], number=change.new.number) if change.new.number
                          else t["unnumbered"])
    if kind == "unchanged" and not change.renumbered and change.old.title != change.new.title:
        entry += f" ({t['formerly']}: {_md(change.old.title)})"
    return entry


def render_diff(blocks: tuple[DiffBlock, ...], t: dict[str, str], chapter: str) -> str:
    """The chapter's changed blocks with their headings; runs of unchanged paragraphs are
    counted instead of repeated."""
    html = [f'<div class="edition-diff" data-chapter="{escape(chapter)}">']
    skipped = 0

    def flush_skipped():
        nonlocal skipped
        if skipped:
            words = t["unchanged_block"] if skipped == 1 else fill(t["unchanged_blocks"], count=skipped)
            html.append(f'<p class="edition-diff__skipped">[{escape(words)}]</p>')
        skipped = 0

    for block in blocks:
        if not block.changed and block.kind != "heading":
            skipped += 1
            continue
        flush_skipped()
        html.append(f'<p class="edition-diff__{block.kind}">'
                    + "".join(_segment(s.op, s.text, t) for s in block.segments) + "</p>")
    flush_skipped()
    html.append("</div>")
    return "\n".join(html)


def _segment(op: str, text: str, t: dict[str, str]) -> str:
    if op == "equal":
        return escape(text)
    tag, start, end = ("ins", t["inserted_start"], t["inserted_end"]) if op == "insert" else \
        ("del", t["deleted_start"], t["deleted_end"])
    return (f'<{tag}><span class="visually-hidden">{escape(start)} </span>{escape(text)}'
            f'<span class="visually-hidden"> {escape(end)}</span></{tag}>')


def fill(text: str, **values) -> str:
    """Put values into a text's {placeholders}; placeholders without a value stay as they are."""
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


def _md(text: str) -> str:
    """A title inside Markdown link text."""
    return text.replace("[", "\\[").replace("]", "\\]")
