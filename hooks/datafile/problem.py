"""One problem found in a data file, worded for the person who has to fix it."""
from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .loader import FieldPath


@dataclass(frozen=True)
class Problem:
    path: str                   # the file, as the reader knows it (directory/frk-borga.yml)
    line: int | None            # 1-based line in that file
    field: str | None           # dotted path: services[0].languages[1]
    found: str                  # what is wrong, as a sentence
    expected: str | None = None
    example: str | None = None
    severity: str = "error"     # "error" fails the build, "warning" does not

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f", line {self.line}"
        if self.field:
            where += f', field "{self.field}"'
        found = self.found if self.found.endswith((".", "?", "!")) else self.found + "."
        text = f"{'Warning: ' if self.severity == 'warning' else ''}{where}: {found}"
        if self.expected:
            text += f"\n  Expected: {self.expected}"
        if self.example and "\n" in self.example:
            text += "\n  Example:\n" + textwrap.indent(self.example, "    ")
        elif self.example:
            text += f" like {self.example}" if self.expected else f"\n  Example: {self.example}"
        return text


def dotted(path: FieldPath) -> str | None:
    """("services", 0, "languages", 1) -> services[0].languages[1]."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or None


def display_path(path: Path) -> str:
    """The file relative to the working directory when possible: that is what people type."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def describe_value(value: Any, raw: str | None = None) -> str:
    """What a value is, in words: 'a list', 'a number (42)'. raw is the text as typed."""
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, bool):
        return f"a yes/no value ({raw or str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({raw or value})"
    if isinstance(value, str):
        return f"text ({quote(value)})"
    if isinstance(value, list):
        return "a list"
    return "a group of fields"


def quote(value: Any, limit: int = 60) -> str:
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f'"{text}"'


def render_example(value: Any) -> str:
    """Schema examples as the partner would type them in YAML."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and not any(isinstance(item, (dict, list)) for item in value):
        return json.dumps(value, ensure_ascii=False)  # ["fi", "sv"] is valid YAML too
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, default_flow_style=False).rstrip()
