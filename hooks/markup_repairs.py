"""Repairs of the few places where Material 9.8.1's templates write HTML that the W3C
Nu HTML checker rejects (tests/test_html_validity.py). Each repair is one exact
pattern with the reason it is wrong; a page without the pattern is left as it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Repair:
    why: str
    pattern: re.Pattern
    replacement: str
    # Left alone on a page that has this: there the markup is right.
    unless: str | None = None

    def apply(self, html: str) -> str:
        if self.unless is not None and self.unless in html:
            return html
        return self.pattern.sub(self.replacement, html)


REPAIRS = (
    Repair("partials/nav-item.html writes tabindex=\"\" on section headings, meaning 'not "
           "focusable'; an empty tabindex is not a valid integer, and no attribute means the same.",
           re.compile(r' tabindex=""'), ""),
    Repair("base.html puts autocomplete=\"off\" on its drawer and search checkboxes; HTML allows "
           "autocomplete only on text-like inputs.",
           re.compile(r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="__\w+") autocomplete="off"'),
           r"\1"),
    Repair("partials/toc.html ties the table of contents' title to the #__toc checkbox, which "
           "partials/nav-item.html writes only for a page in nav; on other pages (the directory's "
           "actor pages) the label names a control that is not there. Without it, the title is "
           "the same text with nothing to toggle, which it had not either.",
           re.compile(r'<label class="md-nav__title" for="__toc">'), '<label class="md-nav__title">',
           unless='id="__toc"'),
)


def repair(html: str) -> str:
    for item in REPAIRS:
        html = item.apply(html)
    return html
