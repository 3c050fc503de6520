"""MkDocs hook: one search index per language, with that language's stemmer.

Out of the box Material + static-i18n write ONE index for all languages at
search/search_index.json, so a Finnish reader gets Swedish hits. Here every
language pass writes its own index (search/ for the default language, fi/search/,
en/search/ …) whose config names that language, so the browser's lunr uses the
right stemmer. overrides/main.html tells each page where its index is, and
assets/javascripts/search-language.js points Material's request there.
"""
from __future__ import annotations

import json
import os
import sys

from mkdocs.plugins import event_priority

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from hooks.i18n_context import current_pass  # noqa: E402

SEARCH_PIPELINE = ["stemmer", "stopWordFilter", "trimmer"]


def _search_plugin(config):
    return config.plugins.get("material/search") or config.plugins.get("search")


def on_page_context(context, page, config, nav):
    # The template needs the path of this language's index (see overrides/main.html).
    context["search_index_path"] = current_pass(config).prefix + "search/search_index.json"
    return context


# After Material's search plugin (priority 0) and after static-i18n's merged write
# (priority -100). In the default language's pass that write happens after all other
# passes have run and static-i18n's "current language" is then the last one built,
# so we do not trust it here: we write one index for every language present.
@event_priority(-200)
def on_post_build(config):
    plugin = _search_plugin(config)
    if plugin is None or not plugin.config.enabled:
        return
    languages = current_pass(config)
    by_locale: dict[str, list[dict]] = {}
    for entry in plugin.search_index.entries:
        by_locale.setdefault(languages.locale_of_location(entry["location"]), []).append(entry)
    for locale, entries in by_locale.items():
        _write_index(config, languages.prefix_of(locale), locale, plugin, entries)


def _write_index(config, prefix: str, locale: str, plugin, entries: list[dict]) -> None:
    index = {
        "config": {
            "lang": [locale],
            "separator": plugin.config.separator,
            "pipeline": SEARCH_PIPELINE,
            "fields": plugin.config.fields,
        },
        "docs": entries,
    }
    path = os.path.join(config.site_dir, prefix, "search", "search_index.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        json.dump(index, out, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
