"""One dataset as a figure: title, headline figures, the SVG chart and beside it a table
of the same numbers, what could not be read, and the source with its date.

Raw HTML (a Markdown block) because a Markdown table has no caption or row headers.
Every text from the data file is HTML-escaped.
"""
from __future__ import annotations

from html import escape

from hooks.numbers import format_day_or_month, format_value

from . import wording
from .chart import bar_chart_svg, value_in_words
from .model import Dataset


def render_dataset(dataset: Dataset, lang: str) -> str:
    element_id = f"statistics-{dataset.id}"
    html = [f'<figure class="statistics" id="{element_id}">',
            f'<figcaption class="statistics__title">{escape(dataset.title[lang])}</figcaption>']
    if dataset.headline:
        html.append(f'<p class="statistics__headline">{escape(headline_text(dataset, lang))}</p>')
    html += ['<div class="statistics__body">', bar_chart_svg(dataset, lang, f"{element_id}-chart"),
             figures_table(dataset, lang), "</div>"]
    if dataset.left_out:
        labels = ", ".join(label[lang] for label in dataset.left_out)
        html.append(f'<p class="statistics__left-out">{escape(wording.LEFT_OUT[lang].format(labels=labels))}</p>')
    source = wording.SOURCE[lang].format(name=dataset.source_name[lang],
                                         date=format_day_or_month(dataset.source_date, lang))
    html += [f'<p class="statistics__source">{escape(source)}</p>', "</figure>"]
    return "\n".join(html)


def figures_table(dataset: Dataset, lang: str) -> str:
    rows = "".join(f'<tr><th scope="row">{escape(bar.label[lang])}</th>'
                   f"<td>{escape(format_value(bar.value, dataset.unit, lang))}</td></tr>" for bar in dataset.bars)
    return ('<table class="statistics-table">'
            f"<caption>{escape(wording.TABLE_CAPTION[lang])}</caption>"
            f'<thead><tr><th scope="col">{escape(dataset.category_heading[lang])}</th>'
            f'<th scope="col">{escape(wording.VALUE_HEADING[dataset.unit][lang])}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def headline_text(dataset: Dataset, lang: str) -> str:
    """"3 696 personer", "3 556 personer, 7,1 %" or "Antal på beräkningsdagen: 355 personer"."""
    parts = []
    for figure in dataset.headline:
        text = value_in_words(figure.value, figure.unit, lang)
        parts.append(f"{figure.label[lang]}: {text}" if figure.label else text)
    return ", ".join(parts)
