"""MkDocs hook: the editions of a programme, on every page.

- The edition selector in the header (overrides/partials/edition-selector.html) links to the
  same page, in the same language, in every edition (or to that edition's home page when it
  has no such page). Rendered at build time: it works without JavaScript and at any address.
- Every page of an edition older than the one in force starts with a notice, in the page's
  language, linking to the same page in the edition in force.
- Every edition after the first gets a generated "what changed" page in each language
  (hooks/edition_changes.py compares it with the previous edition).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from hooks.edition_changes import compare_editions, following_source  # noqa: E402
from hooks.edition_changes_page import fill, render_changes_page  # noqa: E402
from hooks.editions import EditionError, Editions, load_editions, texts_for  # noqa: E402
from hooks.i18n_context import current_pass  # noqa: E402

_editions: Editions | None = None


def on_config(config):
    global _editions
    try:
        _editions = load_editions(Path(config.config_file_path), config)
        for language in current_pass(config).locales:
            texts_for(language)
    except EditionError as error:
        raise PluginError(str(error)) from None
    if _editions.previous() is not None and config.nav and _editions.changes_page not in config.nav:
        config.nav.append(_editions.changes_page)
    return config


# After static-i18n (priority -100) has sorted the files into this pass's language:
# a generated file it has not seen stays exactly where we put it.
@event_priority(-200)
def on_files(files, config):
    previous = _editions.previous()
    if previous is None:
        return files
    languages = current_pass(config)
    pages = {locale: _changes_file(config, languages.prefix_of(locale), locale) for locale in languages.locales}
    page = pages[languages.locale]
    page.alternates = pages          # the language switcher links to the same page in the other languages
    page.content_string = _changes_markdown(languages, previous, page.url, config.use_directory_urls)
    files.append(page)
    plugin = config.plugins.get("i18n")
    if plugin is not None:   # static-i18n's sitemap lists the pages it saw before we added this one
        plugin.i18n_files_per_language[languages.locale].append(page)
    return files


def _changes_file(config, prefix: str, locale: str) -> File:
    page = File(f"{locale}/{_editions.changes_page}", None, config.site_dir, config.use_directory_urls,
                dest_uri=_dest(prefix, _editions.changes_page, config.use_directory_urls))
    page.generated_by = "hooks/edition_pages.py"
    return page


def _dest(prefix: str, file: str, use_directory_urls: bool) -> str:
    """Where static-i18n puts the page of a language folder's file ("fi/", "boende.md")."""
    stem = file.removesuffix(".md")
    if stem == "index":
        return f"{prefix}index.html"
    return f"{prefix}{stem}/index.html" if use_directory_urls else f"{prefix}{stem}.html"


def _url(dest: str) -> str:
    return dest.removesuffix("index.html")


def _changes_markdown(languages, previous, page_url: str, use_directory_urls: bool) -> str:
    current = _editions.current
    locale, prefix = languages.locale, languages.prefix

    def compare(language: str):
        return compare_editions(previous.source(language), current.source(language), list(current.pages))

    changes = compare(locale)
    if not languages.is_default:   # the default language is the source text (README)
        changes = following_source(changes, compare(languages.default_locale))

    def previous_href(file: str) -> str:
        url = _url(_dest(prefix, file, use_directory_urls))
        return _editions.link(previous, page_url, url, f"{locale}/{file}", prefix)

    return render_changes_page(changes, texts_for(locale), current.name, previous.name, previous_href,
                               translated=not languages.is_default)


def on_page_context(context, page, config, nav):
    languages = current_pass(config)
    texts = texts_for(languages.locale)
    home = languages.prefix
    editions = _editions
    context["edition_texts"] = texts
    context["editions"] = [
        {"name": e.name, "in_force": e.in_force, "current": e == editions.current,
         "href": editions.href(e, page.url, page.file.src_uri, home)}
        for e in reversed(editions.all)]
    context["edition_notice"] = None
    if editions.current_is_older:
        default = editions.default
        same = editions.has_page(default, page.file.src_uri)
        context["edition_notice"] = {
            "text": fill(texts[editions.about_default("older_notice")], edition=editions.current.name,
                         default=default.name),
            "link": fill(texts["same_page_in_default" if same else "home_of_default"], default=default.name),
            "href": editions.href(default, page.url, page.file.src_uri, home),
        }
    return context
