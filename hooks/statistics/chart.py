"""A horizontal bar chart as inline SVG, made here: no JavaScript, no chart library, no CDN.

Each bar has its label above it and its figure at its end as text, so the chart reads
without colour and prints in black and white. The bar colour has a contrast of 8.6:1
and the text 16:1 against the white page. <title> and <desc> give screen readers the
chart's name and every figure; the page puts the same figures in a table beside it.
"""
from __future__ import annotations

import textwrap
from html import escape

from hooks.numbers import format_value

from . import wording
from .model import Dataset

WIDTH = 360             # user units; the page scales the chart to its column (1:1 on a phone)
FONT_SIZE = 14
LINE = 18               # height of a line of label text
BAR_HEIGHT = 16
GAP = 14                # between one bar and the next label
VALUE_SPACE = 64        # room after the longest bar for its figure
LABEL_CHARS = 40        # a label longer than this wraps (14 px system-font text is ~7.5 px per character)
BAR_COLOUR = "#303f9f"  # Material indigo 700: 8.6:1 on white
TRACK_COLOUR = "#e8eaf6"
TEXT_COLOUR = "#1f1f1f"


def bar_chart_svg(dataset: Dataset, lang: str, element_id: str) -> str:
    scale = 100 if dataset.unit == "percent" else max(bar.value for bar in dataset.bars) or 1
    longest = WIDTH - VALUE_SPACE
    parts, y = [], 0
    for bar in dataset.bars:
        for line in textwrap.wrap(bar.label[lang], LABEL_CHARS) or [""]:
            y += LINE
            parts.append(f'<text x="0" y="{y - 4}">{escape(line)}</text>')
        y += 2
        if dataset.unit == "percent":   # the whole of 100 %, so a share reads as a share
            parts.append(f'<rect class="statistics-chart__track" x="0" y="{y}" width="{longest}" '
                         f'height="{BAR_HEIGHT}" fill="{TRACK_COLOUR}"/>')
        length = max(round(bar.value / scale * longest, 1), 2)   # a tiny figure still shows
        value = format_value(bar.value, dataset.unit, lang)
        parts.append(f'<rect class="statistics-chart__bar" x="0" y="{y}" width="{length}" height="{BAR_HEIGHT}" '
                     f'fill="{BAR_COLOUR}" data-value="{bar.value}"/>')
        parts.append(f'<text class="statistics-chart__value" x="{length + 6}" y="{y + BAR_HEIGHT - 4}" '
                     f'font-weight="700">{escape(value)}</text>')
        y += BAR_HEIGHT + GAP
    height = y - GAP + 4
    title, desc = f"{element_id}-title", f"{element_id}-desc"
    return (f'<svg class="statistics-chart" role="img" aria-labelledby="{title} {desc}" '
            f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'font-size="{FONT_SIZE}" fill="{TEXT_COLOUR}" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{title}">{escape(dataset.title[lang])}</title>'
            f'<desc id="{desc}">{escape(describe(dataset, lang))}</desc>'
            + "".join(parts) + "</svg>")


def describe(dataset: Dataset, lang: str) -> str:
    """The chart in words: its kind, then every bar and its figure."""
    kind = wording.CHART_KIND[lang]
    if dataset.unit == "percent":
        kind += f" ({wording.PERCENT_SCALE[lang]})"
    figures = "; ".join(f"{bar.label[lang]}: {value_in_words(bar.value, dataset.unit, lang)}" for bar in dataset.bars)
    return f"{kind}. {figures}."


def value_in_words(value: int | float, unit: str, lang: str) -> str:
    if unit == "persons":
        return wording.PERSONS[lang].format(n=format_value(value, None, lang))
    return format_value(value, unit, lang)
