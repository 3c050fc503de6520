"""MkDocs hook: renders the glossary into the concepts page of each language.

A page asks for it with the line `<!-- glossary:concepts -->`.
"""
from __future__ import annotations

import os
import sys

from mkdocs.exceptions import PluginError

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from hooks.glossary import GlossaryError, load_glossary, render_concepts  # noqa: E402
from hooks.i18n_context import current_pass  # noqa: E402

MARKER = "<!-- glossary:concepts -->"
_terms = None


def on_config(config):
    global _terms
    path = os.path.join(os.path.dirname(config.config_file_path), "data", "glossary.yml")
    try:
        _terms = load_glossary(__import__("pathlib").Path(path)) if os.path.exists(path) else []
    except GlossaryError as error:
        raise PluginError(str(error)) from None


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    if not _terms:
        raise PluginError(f"{page.file.src_uri} asks for the glossary, but data/glossary.yml has no terms")
    return markdown.replace(MARKER, render_concepts(_terms, current_pass(config).locale))
