"""Checks every data file needs: text that reaches a web page must be plain text.

Texts in these files end up on the site, so HTML or script in them could attack
readers, and invisible control characters (often pasted from a PDF) or bidi
overrides can make a text read differently from what it says.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterator

from .loader import FieldPath, LoadedFile
from .problem import Problem, dotted, quote

# "<" followed by a letter, "/", "!" or "?" starts a tag, comment or processing instruction.
_HTML = re.compile(r"<[A-Za-z/!?]|(?:java|vb)script\s*:", re.IGNORECASE)
_INVISIBLE_OK = {"\n", "\t"}


def check_plain_text(loaded: LoadedFile, display: str,
                     structured_fields: frozenset[str] = frozenset()) -> list[Problem]:
    """structured_fields have their own check or a fixed format: the HTML scan skips them so
    one mistake is reported once."""
    problems = []
    for path, value in walk(loaded.data):
        if not isinstance(value, str):
            continue
        # isprintable() is False for every Cc and Cf character: most texts skip the slow scan.
        invisible = None if value.isprintable() else next(
            (c for c in value if c not in _INVISIBLE_OK and unicodedata.category(c) in ("Cc", "Cf")
             and c != "\u00ad"), None)  # a soft hyphen is legitimate in long Finnish words
        if invisible:
            problems.append(Problem(*_where(display, loaded, path), f"the text contains the invisible control character U+{ord(invisible):04X}",
                                    expected="ordinary text; delete the character (it often comes from copying)"))
        if field_name(path) in structured_fields:
            continue
        match = _HTML.search(value)
        if match:
            problems.append(Problem(*_where(display, loaded, path), f"the text contains {quote(match.group(0) + value[match.end():match.end() + 20])}: "
                                            "text fields are plain text; HTML is not allowed",
                                    expected="plain text without <tags> or javascript:; the site adds links and "
                                             "formatting itself"))
    return problems


def _where(display: str, loaded: LoadedFile, path: FieldPath) -> tuple[str, int | None, str | None]:
    # Worked out only for a problem: most texts have none.
    return display, loaded.line_of(path), dotted(path)


def walk(value: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, Any]]:
    """Every value in a loaded file with its path, parents before children."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, path + (index,))


def field_name(path: FieldPath) -> str | None:
    """The nearest named field: languages for ("languages", 2)."""
    return next((part for part in reversed(path) if isinstance(part, str)), None)
