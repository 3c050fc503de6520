"""MkDocs hook: the title of each heading's permalink ("#") in the page's own language.

Python-Markdown's toc extension takes one permalink_title for the whole build, and static-i18n
cannot set extension options per language, so Finnish and English pages said "Länk till detta
avsnitt" to screen readers and on hover. The Swedish title stays in mkdocs.yml; the others are
here, and a language without one fails the build rather than keep the Swedish.
"""
from __future__ import annotations

import os
import re
import sys

from mkdocs.exceptions import PluginError

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from hooks.i18n_context import current_pass  # noqa: E402

TITLES = {
    "fi": "Linkki tähän osioon",
    "en": "Link to this section",
}


def _configured_title(config) -> str:
    return (config.mdx_configs.get("toc") or {}).get("permalink_title", "")


def on_page_content(html: str, page, config, files) -> str:
    language = current_pass(config)
    configured = _configured_title(config)
    if language.is_default or not configured:
        return html
    if language.locale not in TITLES:
        raise PluginError(f"hooks/permalink_titles.py has no permalink title for the language "
                          f"'{language.locale}': add it to TITLES")
    # toc writes <a class="headerlink" href="#id" title="…">; only those anchors are touched
    link = re.compile(r'(<a class="headerlink" href="[^"]*" title=")' + re.escape(configured) + '"')
    return link.sub(lambda found: found.group(1) + TITLES[language.locale] + '"', html)
