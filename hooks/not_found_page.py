"""MkDocs hook: one "page not found" page, in the site's own language, that helps in all of them.

MkDocs writes 404.html at the site's root in every language pass of static-i18n, so the last
pass (English) won: a Swedish site answered a wrong address in English, with English menus and
language links to whichever page the pass had rendered last. Here the default language's
rendering is kept for every pass, and the page's language links (which would name that stale
page) are dropped: a missing page has no translations. overrides/404.html writes the message
in every language of the site, each marked with its own lang.
"""
from __future__ import annotations

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from hooks.i18n_context import current_pass  # noqa: E402

NOT_FOUND = "404.html"
# Material's base.html writes one such line per language (config.extra.alternate).
_LANGUAGE_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')

_kept: dict[str, str] = {}     # config file -> the default language's 404 page


def on_post_template(output_content: str, template_name: str, config) -> str:
    if template_name != NOT_FOUND:
        return output_content
    language = current_pass(config)
    if language.is_default or config.config_file_path not in _kept:
        _kept[config.config_file_path] = _LANGUAGE_LINK.sub("", output_content)
    return _kept[config.config_file_path]
