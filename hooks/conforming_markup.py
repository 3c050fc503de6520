"""MkDocs hook: every page, and the 404 page, leaves the build as valid HTML
(see hooks/markup_repairs.py for what is repaired and why)."""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from hooks.markup_repairs import repair  # noqa: E402


def on_post_page(output, page, config):
    return repair(output)


def on_post_template(output_content, template_name, config):
    return repair(output_content) if template_name.endswith(".html") else output_content
