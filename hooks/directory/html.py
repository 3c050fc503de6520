"""Turning entry data into HTML that can only ever be text.

Every value from a YAML file goes through esc() before it reaches a page, so markup
in the data is shown, never run; links are made only from addresses that pass the
validator's own web-address check (http and https, nothing else).
"""
from __future__ import annotations

import html
import re

from .checks import url_problem
from .text import Localized


def esc(value: object) -> str:
    """Text for HTML content and for attribute values in double quotes."""
    return html.escape(str(value), quote=True)


def in_language(value: Localized, page_lang: str, tag: str = "span", css: str = "") -> str:
    """The text, wrapped in tag with a lang attribute when it is not in the page's language."""
    attrs = f' class="{esc(css)}"' if css else ""
    if value.lang != page_lang:
        attrs += f' lang="{esc(value.lang)}"'
    if not attrs and tag == "span":
        return esc(value.text)
    return f"<{tag}{attrs}>{esc(value.text)}</{tag}>"


def paragraphs(value: Localized, page_lang: str) -> str:
    """Blank lines in the data separate paragraphs; single line breaks are just spaces."""
    parts = [" ".join(part.split()) for part in re.split(r"\n\s*\n", value.text) if part.strip()]
    return "".join(in_language(Localized(part, value.lang), page_lang, "p") for part in parts)


def web_link(url: str, text: str | None = None) -> str | None:
    """An outside link, or None when the address is not a plain http(s) address."""
    if url_problem(url) is not None:
        return None
    shown = text if text is not None else re.sub(r"^https?://", "", url).rstrip("/")
    return f'<a href="{esc(url)}">{esc(shown)}</a>'


def phone_link(number: str) -> str:
    digits = re.sub(r"[^0-9+]", "", number)
    return f'<a href="tel:{esc(digits)}">{esc(number)}</a>'


def email_link(address: str) -> str:
    return f'<a href="mailto:{esc(address)}">{esc(address)}</a>'
