"""Pages made at build time, one per language, that static-i18n treats like written ones.

static-i18n (1.3.1) rebuilds every file it is given from the docs folder on disk, so a
File.generated(...) added before its on_files (priority -100) crashes it (a generated
file has no source path). Generated pages are therefore added after it, in each
language pass, already in the shape static-i18n gives its own files: the address in
that language's folder, the alternates the language switcher and the translation
notice read, and an entry in the sitemap's list of pages.

    @event_priority(-110)          # after static-i18n's on_files
    def on_files(files, config):
        add_generated_pages(files, config, [GeneratedPage("mal/1.md", {"sv": "...", "fi": ..., "en": ...})])
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Iterable, Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from hooks.i18n_context import LanguagePass, current_pass

# Must run after static-i18n's on_files (priority -100).
PRIORITY = -110


@dataclass(frozen=True)
class GeneratedPage:
    path: str                      # the same in every language, like a written page: "mal/1.md"
    markdown: Mapping[str, str]    # the page's Markdown per locale, front matter included


def add_generated_pages(files: Files, config: MkDocsConfig, pages: Iterable[GeneratedPage]) -> Files:
    languages = current_pass(config)
    plugin = config.plugins.get("i18n")
    for page in pages:
        missing = [locale for locale in languages.locales if locale not in page.markdown]
        if missing:
            raise ValueError(f"generated page {page.path} has no text in {', '.join(missing)}")
        file = _file(config, languages, languages.locale, page)
        if plugin is not None:
            file.alternates = {locale: file if locale == languages.locale else _file(config, languages, locale, page)
                               for locale in languages.locales}
            file.locale = file.locale_alternate_of = file.localization = languages.locale
            file.norm_src_uri = page.path
            # static-i18n's sitemap lists the pages it saw in its on_files.
            plugin.i18n_files_per_language.setdefault(languages.locale, []).append(file)
        files.append(file)
    return files


def _file(config: MkDocsConfig, languages: LanguagePass, locale: str, page: GeneratedPage) -> File:
    if config.plugins.get("i18n") is None:
        return File.generated(config, page.path, content=page.markdown[locale])
    # src_uri in the language's folder, as static-i18n names written pages (fi/mal/1.md), so
    # that relative links in the Markdown resolve like those of written pages.
    file = File.generated(config, f"{locale}/{page.path}", content=page.markdown[locale])
    prefix = languages.prefix_of(locale)
    stem = posixpath.splitext(page.path)[0]
    if not config.use_directory_urls:
        file.dest_uri = file.url = prefix + stem + ".html"
        return file
    folder = stem[: -len("index")] if posixpath.basename(stem) == "index" else stem + "/"
    file.dest_uri = prefix + folder + "index.html"
    file.url = prefix + folder
    return file
