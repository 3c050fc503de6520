"""Choosing the text of an entry for one language.

Entries carry {sv, fi, en} text. A page shows its own language when the entry has
it, otherwise the source language, and says so with a lang attribute (WCAG 3.1.2):
a reader is never shown Swedish under a Finnish label without the page knowing.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence


@dataclass(frozen=True)
class Localized:
    text: str
    lang: str   # the language the text is actually in


def pick(value: Mapping[str, str] | None, lang: str, fallbacks: Sequence[str]) -> Localized | None:
    """The text in lang, else in the first fallback language that has it; None if there is none."""
    if not value:
        return None
    for code in (lang, *fallbacks):
        text = value.get(code)
        if isinstance(text, str) and text.strip():
            return Localized(text.strip(), code)
    return None


def pick_text(value: Mapping[str, str] | None, lang: str, fallbacks: Sequence[str]) -> str | None:
    """Only the words, for places that cannot mark a language (JSON, attributes)."""
    chosen = pick(value, lang, fallbacks)
    return chosen.text if chosen else None
