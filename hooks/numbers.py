"""Numbers and dates written the way each of the site's languages writes them.

Swedish and Finnish group thousands with a space and use a decimal comma (3 696,
29,8 %); English uses a comma and a point (3,696, 29.8%). The spaces are no-break
spaces so that a number never wraps in the middle.
"""
from __future__ import annotations

from datetime import date

NBSP = "\u00a0"
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_number(value: int | float, lang: str) -> str:
    if isinstance(value, float) and not value.is_integer():
        whole, _, decimals = f"{value:,.{_decimals(value)}f}".partition(".")
    else:
        whole, decimals = f"{int(value):,}", ""
    if lang == "en":
        return whole + ("." + decimals if decimals else "")
    return whole.replace(",", NBSP) + ("," + decimals if decimals else "")


def format_percent(value: int | float, lang: str) -> str:
    return format_number(value, lang) + ("%" if lang == "en" else NBSP + "%")


def format_euro(value: int | float, lang: str) -> str:
    return "€" + format_number(value, lang) if lang == "en" else format_number(value, lang) + NBSP + "€"


def format_value(value: int | float, unit: str | None, lang: str) -> str:
    """A figure with its unit sign: percent and euro get theirs; a count of persons (or
    None) is the bare number, its unit is in the table's heading."""
    if unit == "percent":
        return format_percent(value, lang)
    if unit == "euro":
        return format_euro(value, lang)
    return format_number(value, lang)


def format_day_or_month(text: str, lang: str) -> str:
    """"2019-12-31" -> 31.12.2019 (sv, fi) or 31 Dec 2019 (en); "2020-12" -> 12/2020 in every language."""
    parts = text.split("-")
    if len(parts) == 2:
        return f"{int(parts[1])}/{parts[0]}"
    day = date.fromisoformat(text)
    if lang == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.day}.{day.month}.{day.year}"


def _decimals(value: float) -> int:
    """As many decimals as the figure was written with (29.8 -> 1), at most 3."""
    text = repr(value)
    return min(len(text.split(".", 1)[1]), 3) if "." in text and "e" not in text else 1
