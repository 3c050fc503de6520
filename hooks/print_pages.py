"""MkDocs hook: the print edition of every page and the print page of every language.

Every page gets a link to its own PDF, a <link rel="alternate" type="application/pdf">
naming the PDF it is the source of (hooks/pdf_render.py renders them after MkDocs),
and the running header and footer for printing. Each language's home page also links
the whole programme. The print page (front matter `template: print.html`) holds the
whole programme: a cover, a table of contents and every chapter in nav order, where
a chapter is a page whose front matter gives its chapter number in the source (or says
`unnumbered_chapter: true`). The wording is data/print.yml, or the file extra.print_texts names.
"""
from __future__ import annotations

import os
import posixpath
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from hooks.i18n_context import LanguagePass, current_pass, language_name  # noqa: E402
from hooks.print_edition import (Cover, PrintEditionError, PrintTexts, cover_facts,  # noqa: E402
                                 load_texts, mark_bare_addresses, running_css)
from hooks.print_programme import Heading, SourcePage, assemble  # noqa: E402
from hooks.reproducible import build_date  # noqa: E402

PRINT_TEMPLATE = "print.html"
_PDF_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Link:
    url: str            # inside the site: "fi/pdf/3-arbetslivet.pdf", "fi/utskrift/"
    label: str
    is_pdf: bool = True


@dataclass(frozen=True)
class PageEdition:
    pdf: str | None             # the PDF this page is the source of, inside the site (None: none)
    links: tuple[Link, ...]     # shown on the page: its PDF; on a home page also the whole programme
    running_css: str            # @page rules with this language's header and footer


@dataclass(frozen=True)
class _Pass:
    language: LanguagePass
    texts: PrintTexts
    cover: Cover
    print_page: Page            # this language's print page


_texts: dict[str, PrintTexts] = {}
_pass: _Pass | None = None


# Where the print wording is, relative to the config file; a programme with other words ("plan"
# for "programme") names its own file in extra.print_texts.
DEFAULT_TEXTS = "data/print.yml"


def on_config(config):
    global _texts
    here = Path(config.config_file_path).resolve().parent
    try:
        _texts = load_texts(here / (config.extra.get("print_texts") or DEFAULT_TEXTS), current_pass(config).locales)
    except PrintEditionError as error:
        raise PluginError(str(error)) from None


def on_page_content(html, page, config, files):
    return mark_bare_addresses(html)


def on_env(env, config, files):
    # Every page's markdown is rendered by now; the pages of this language pass are known.
    global _pass
    language = current_pass(config)
    print_pages = [f.page for f in files.documentation_pages()
                   if f.page is not None and f.page.meta.get("template") == PRINT_TEMPLATE]
    if len(print_pages) != 1:
        raise PluginError(f"{language.locale}: expected one print page (front matter 'template: "
                          f"{PRINT_TEMPLATE}'), found {len(print_pages)}")
    repo = Path(config.config_file_path).resolve().parent
    try:
        cover = cover_facts(config.extra, config.site_name, language.locale,
                            language_name(config, language.locale), build_date(repo))
    except PrintEditionError as error:
        raise PluginError(str(error)) from None
    _pass = _Pass(language, _texts[language.locale], cover, print_pages[0])
    return env


def on_page_context(context, page, config, nav):
    state = _pass
    is_print_page = page.file.src_uri == state.print_page.file.src_uri
    programme = Link(pdf_url(state.print_page, state.language), state.texts.download_programme_pdf)
    # Pages of the programme (those in nav) each get a PDF. Pages made for every actor of the
    # directory are not in nav: they print cleanly from the browser but get no PDF of their own.
    own = programme if is_print_page else (
        Link(pdf_url(page, state.language), state.texts.download_pdf) if page in nav.pages else None)
    links = (own,) if own else ()
    if page.url == state.language.prefix:      # this language's home page
        links += (programme, Link(state.print_page.url, state.texts.print_page, is_pdf=False))
    context["print_edition"] = PageEdition(own.url if own else None, links,
                                           running_css(state.cover, state.texts, is_print_page))
    if is_print_page:
        chapters = [source_page(p) for p in nav.pages if is_chapter(p)]
        if not chapters:
            raise PluginError(f"{page.file.src_uri}: no page in nav has a 'chapter' (or 'unnumbered_chapter: "
                              f"true') in its front matter")
        context["print_cover"] = state.cover
        context["print_texts"] = state.texts
        try:
            context["print_programme"] = assemble(chapters, page.url)
        except ValueError as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from None
    return context


def is_chapter(page: Page) -> bool:
    """A part of the programme's own text: a page whose front matter gives its chapter number in the
    source, or says that it is a chapter the source does not number (Pargas' 2022 edition)."""
    return page.meta.get("chapter") is not None or page.meta.get("unnumbered_chapter") is True


def pdf_url(page: Page, language: LanguagePass) -> str:
    """Where a page's PDF goes: pdf/<page's path>.pdf in its language's folder ("mal/1.md" ->
    pdf/mal/1.pdf), or the name its front matter gives (pdf_name), so that the whole programme
    has a readable name."""
    path = page.file.src_uri
    if path.startswith(language.prefix) and language.prefix:   # generated pages keep "fi/…"
        path = path[len(language.prefix):]
    elif path.split("/", 1)[0] in language.locales:
        path = path.split("/", 1)[1]
    name = page.meta.get("pdf_name") or posixpath.splitext(path)[0]
    if not all(_PDF_NAME.match(part) for part in str(name).split("/")):
        raise PluginError(f"{page.file.src_uri}: pdf_name '{name}' may only have a-z, 0-9 and '-'")
    return f"{language.prefix}pdf/{name}.pdf"


def source_page(page: Page) -> SourcePage:
    headings: list[Heading] = []

    def walk(items):
        for item in items:
            headings.append(Heading(item.title, item.id, item.level))
            walk(item.children)
    walk(page.toc)
    slug = posixpath.splitext(posixpath.basename(page.file.src_uri))[0]
    return SourcePage(slug, page.url, page.title, page.content, tuple(headings))
