"""Which language pass is running, read from mkdocs-static-i18n.

static-i18n runs one full MkDocs build per language in one process; hooks run in
every pass. This module is the one place that knows how to ask it where we are.
"""
from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class LanguagePass:
    locale: str            # "sv", "fi", "en"
    default_locale: str    # the source language, built at the site root
    locales: tuple[str, ...]

    @property
    def is_default(self) -> bool:
        return self.locale == self.default_locale

    @property
    def prefix(self) -> str:
        """Path prefix of this language inside the site ("" for the default, "fi/" …)."""
        return "" if self.is_default else f"{self.locale}/"

    def prefix_of(self, locale: str) -> str:
        return "" if locale == self.default_locale else f"{locale}/"

    def locale_of_location(self, location: str) -> str:
        """The language a site-relative URL belongs to ("fi/1-begrepp/" -> "fi")."""
        first = location.split("/", 1)[0]
        return first if first in self.locales and first != self.default_locale else self.default_locale


def current_pass(config: MkDocsConfig) -> LanguagePass:
    plugin = config.plugins.get("i18n")
    if plugin is None:  # a plain single-language build (e.g. the benchmark's baseline)
        lang = config.theme.get("language", "en")
        return LanguagePass(lang, lang, (lang,))
    locales = tuple(lang.locale for lang in plugin.config.languages)
    return LanguagePass(plugin.current_language, plugin.default_language, locales)


def language_name(config: MkDocsConfig, locale: str) -> str:
    """A language's own name as the language switcher shows it ("Suomi")."""
    plugin = config.plugins.get("i18n")
    names = {lang.locale: lang.name for lang in plugin.config.languages} if plugin else {}
    return names.get(locale, locale)
