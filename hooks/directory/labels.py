"""The words the directory pages use in each language (data/directory-labels.yml).

Codes from the data (kinds, needs, target groups) get their label here; language
names, weekday names and dates come from CLDR through Babel, so every ISO 639-1
code a partner may use already has a name in every language.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from babel import Locale
from babel.dates import format_date, get_day_names

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class LabelsError(ValueError):
    pass


@dataclass(frozen=True)
class Labels:
    lang: str
    locale: Locale
    kinds: dict[str, str]
    needs: dict[str, str]
    target_groups: dict[str, str]
    text: dict[str, str]
    alphabet_tail: str = ""   # letters this language sorts after z ("åäö")

    def __call__(self, key: str, **values: object) -> str:
        """A sentence of the page, with {placeholders} filled in."""
        return self.text[key].format(**values) if values else self.text[key]

    def language(self, code: str) -> str:
        """The name of a language in this language: "ar" -> "arabiska"."""
        return self.locale.languages.get(code, code)

    def weekday(self, code: str) -> str:
        return get_day_names("wide", context="stand-alone", locale=self.locale)[WEEKDAYS.index(code)]

    def date(self, day: date) -> str:
        return format_date(day, "medium", locale=self.locale)

    def need_count(self, count: int) -> str:
        return self("need_count_one") if count == 1 else self("need_count_many", count=count)

    def sort_key(self, text: str) -> str:
        """Alphabetical order for this language: å, ä, ö after z in Swedish and Finnish,
        other accented letters with their base letter."""
        out = []
        for char in text.casefold():
            if char in self.alphabet_tail:
                out.append(chr(0x7B + self.alphabet_tail.index(char)))   # "{", "|", "}" sort after "z"
            else:
                out.append("".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)))
        return "".join(out)


def schema_codes(schema_path: Path) -> dict[str, list[str]]:
    """The codes the labels must cover, straight from the entry schema."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    service = schema["$defs"]["service"]["properties"]
    return {"kinds": schema["properties"]["kind"]["enum"],
            "needs": service["needs"]["items"]["enum"],
            "target_groups": service["target_groups"]["items"]["enum"]}


def load_labels(path: Path, languages: tuple[str, ...], schema_path: Path) -> dict[str, Labels]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise LabelsError(f"{path}: cannot be read: {error}") from None
    codes = schema_codes(schema_path)
    problems: list[str] = []
    text_keys = set((raw.get(languages[0]) or {}).get("text") or {})
    result: dict[str, Labels] = {}
    for lang in languages:
        entry = raw.get(lang) or {}
        for group, expected in codes.items():
            have = entry.get(group) or {}
            missing = [code for code in expected if code not in have]
            unknown = [code for code in have if code not in expected]
            if missing:
                problems.append(f"{lang}.{group}: no label for {', '.join(missing)}")
            if unknown:
                problems.append(f"{lang}.{group}: {', '.join(unknown)} is not in directory/schema.json")
        text = entry.get("text") or {}
        if set(text) != text_keys:
            problems.append(f"{lang}.text: the keys differ from {languages[0]}.text: "
                            f"{', '.join(sorted(set(text) ^ text_keys))}")
        try:
            locale = Locale.parse(str(entry.get("cldr_locale") or lang))
        except (ValueError, TypeError) as error:
            problems.append(f"{lang}.cldr_locale: {error}")
            continue
        result[lang] = Labels(lang, locale, dict(entry.get("kinds") or {}), dict(entry.get("needs") or {}),
                              dict(entry.get("target_groups") or {}), {k: str(v) for k, v in text.items()},
                              str(entry.get("alphabet_tail") or ""))
    if problems:
        raise LabelsError(f"{path}:\n  " + "\n  ".join(problems))
    return result
