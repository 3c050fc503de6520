"""MkDocs hook: the partner directory's pages, JSON-LD and open-data export.

- one page per actor and language (<lang>/<pages>/<id>.md), generated before
  static-i18n sorts pages into languages, so the switcher and the per-language
  search treat them like written pages (see hooks/virtual_pages.py);
- the list page and the partner guide ask for their generated parts with marker
  lines (hooks/directory/list_page.py);
- each actor page gets schema.org JSON-LD in its <head> (overrides/main.html);
- after the build, <pages>/<export> holds the whole directory with HSDS 3 field
  names, checked against its JSON Schema first.

Where things are comes from mkdocs.yml (extra.directory); a site without that
block simply has no directory.
"""
from __future__ import annotations

import os
import posixpath
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from markdown.extensions.toc import slugify as default_slugify
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from hooks import virtual_pages  # noqa: E402
from hooks.directory.actor_page import MARKER as ACTOR_MARKER  # noqa: E402
from hooks.directory.actor_page import ActorPageContext, front_matter, render_actor  # noqa: E402
from hooks.directory.chapters import ChapterError, ChapterIndex  # noqa: E402
from hooks.directory.hsds import build_export, validate_export, write_export  # noqa: E402
from hooks.directory.jsonld import actor_jsonld, script_json  # noqa: E402
from hooks.directory.labels import Labels, LabelsError, load_labels  # noqa: E402
from hooks.directory.list_page import MARKERS, ListContext, marker, render_parts  # noqa: E402
from hooks.directory.settings import DirectorySettings, SettingsError, read_settings  # noqa: E402
from hooks.directory.validate import SCHEMA_PATH, load_directory_once  # noqa: E402
from hooks.i18n_context import LanguagePass, current_pass  # noqa: E402
from hooks.repository import Repository, find_repository  # noqa: E402
from hooks.reproducible import build_date  # noqa: E402


@dataclass
class _Directory:
    settings: DirectorySettings
    actors: dict[str, dict[str, Any]]
    labels: dict[str, Labels]
    today: date
    repository: Repository | None        # for "suggest a change" links
    pages: dict[str, str] = field(default_factory=dict)       # virtual page src_uri -> its Markdown
    chapters: dict[str, ChapterIndex] = field(default_factory=dict)


# By config file. static-i18n runs a whole build, on_config included, per language; each
# pass starts afresh (the entries are read once per build: load_directory_once), so a live
# preview picks up edited files.
_site: dict[str, _Directory | None] = {}


def _directory(config) -> _Directory | None:
    return _site.get(config.config_file_path)


# The repository's root (this file is in hooks/): an edition's data folder lies outside its
# own folder (programmes/<name>/directory), but edit links name files from the root.
_REPO = Path(__file__).resolve().parent.parent


def on_config(config):
    repo = Path(config.config_file_path).resolve().parent
    try:
        settings = read_settings(config.extra, repo, _REPO)
        if settings is None:
            _site[config.config_file_path] = None
            return
        languages = current_pass(config)
        labels = load_labels(settings.labels, languages.locales, SCHEMA_PATH)
    except (SettingsError, LabelsError) as error:
        raise PluginError(str(error)) from None
    today = build_date(repo)
    result = load_directory_once(settings.folder, today)
    if result.errors:  # hooks/directory_check.py reports them in full
        raise PluginError(f"The partner directory has {len(result.errors)} errors; run 'make validate'.")
    _site[config.config_file_path] = _Directory(settings, {a["id"]: a for a in result.actors}, labels, today,
                                                find_repository(repo))


def _fallbacks(languages: LanguagePass, lang: str) -> tuple[str, ...]:
    return tuple(code for code in (languages.default_locale, *languages.locales) if code != lang)


def on_files(files, config):
    # Runs at the default priority 0, before static-i18n's on_files (-100).
    directory = _directory(config)
    if directory is None:
        return files
    languages = current_pass(config)
    directory.pages = {directory.settings.actor_page(lang, actor_id): front_matter(actor, lang, _fallbacks(languages, lang))
                       for lang in languages.locales for actor_id, actor in directory.actors.items()}
    virtual_pages.add(files, config, directory.pages)
    return files


def on_nav(nav, config, files):
    directory = _directory(config)
    if directory is not None:
        virtual_pages.restore(files, directory.pages)
    return nav


def on_page_markdown(markdown, page, config, files):
    directory = _directory(config)
    if directory is None:
        return markdown
    lang = current_pass(config).locale
    actor_id = page.meta.get("directory_actor")
    if actor_id and ACTOR_MARKER in markdown:
        return markdown.replace(ACTOR_MARKER, render_actor(directory.actors[actor_id],
                                                           _actor_context(directory, page, config, files, lang)))
    wanted = [name for name in MARKERS if marker(name) in markdown]
    if not wanted:
        return markdown
    parts = render_parts(list(directory.actors.values()), _list_context(directory, page, config, files, lang))
    for name in wanted:
        markdown = markdown.replace(marker(name), parts[name])
    return markdown


def _relative_md(target_src_uri: str, page) -> str:
    """A Markdown link target from this page's source to another source file."""
    return posixpath.relpath(target_src_uri, posixpath.dirname(page.file.src_uri))


def _file(files, src_uri: str):
    found = files.get_file_from_path(src_uri)
    if found is None:
        raise PluginError(f"The directory needs the page docs/{src_uri}, which does not exist")
    return found


def _chapter_index(directory: _Directory, config, files, lang: str) -> ChapterIndex:
    if lang not in directory.chapters:
        slugify = (config.mdx_configs.get("toc") or {}).get("slugify") or default_slugify
        sources = [(f.src_uri, f.content_string) for f in files.documentation_pages()
                   if f.src_uri.startswith(f"{lang}/") and f.src_uri not in directory.pages]
        directory.chapters[lang] = ChapterIndex.from_pages(sources, slugify)
    return directory.chapters[lang]


def _actor_context(directory: _Directory, page, config, files, lang: str) -> ActorPageContext:
    settings = directory.settings
    index = _chapter_index(directory, config, files, lang)
    actor_id = page.meta["directory_actor"]

    def chapter(number: str):
        try:
            return index.resolve(number)
        except ChapterError as error:
            raise PluginError(f"{settings.folder_in_repo}/{actor_id}.yml names programme chapter {number}, "
                              f"but in '{lang}' {error}") from None

    edit_url = None
    if directory.repository is not None:
        edit_url = directory.repository.edit_url(f"{settings.folder_in_repo}/{actor_id}.yml", settings.branch)
    return ActorPageContext(
        lang=lang, fallbacks=_fallbacks(current_pass(config), lang), labels=directory.labels[lang],
        today=directory.today,
        list_href=_file(files, settings.list_page(lang)).url_relative_to(page.file),
        list_md=_relative_md(settings.list_page(lang), page),
        chapter=chapter,
        chapter_md=lambda ref: _relative_md(ref.src_uri, page) + (f"#{ref.anchor}" if ref.anchor else ""),
        edit_url=edit_url,
        guide_md=_relative_md(f"{lang}/{settings.guide}", page))


def _list_context(directory: _Directory, page, config, files, lang: str) -> ListContext:
    settings = directory.settings
    return ListContext(
        lang=lang, fallbacks=_fallbacks(current_pass(config), lang), labels=directory.labels[lang],
        actor_href=lambda actor_id: _file(files, settings.actor_page(lang, actor_id)).url_relative_to(page.file),
        export_href=get_relative_url(settings.export_path(), page.file.url))


def on_page_context(context, page, config, nav):
    directory = _directory(config)
    actor_id = page.meta.get("directory_actor") if directory else None
    if actor_id:
        languages = current_pass(config)
        municipality = (config.extra.get("programme") or {}).get("municipality") or {}
        data = actor_jsonld(directory.actors[actor_id], languages.locale, _fallbacks(languages, languages.locale),
                            municipality.get(languages.locale))
        context["directory_jsonld"] = script_json(data)
    return context


def on_post_build(config):
    # Priority 0: in the default language's pass this runs before static-i18n (-100)
    # builds the other languages, while config.site_dir is still the site's root.
    directory = _directory(config)
    languages = current_pass(config)
    if directory is None or not languages.is_default:
        return
    settings = directory.settings
    export = build_export([directory.actors[key] for key in sorted(directory.actors)], directory.labels,
                          languages.default_locale, settings.id_namespace, directory.today, config.site_name)
    problems = validate_export(export, settings.export_schema)
    if problems:
        raise PluginError(f"The directory export does not match {settings.export_schema.name}:\n  "
                          + "\n  ".join(problems[:20]))
    target = Path(config.site_dir) / settings.export_path()
    write_export(export, target)
    shutil.copyfile(settings.export_schema, target.parent / settings.export_schema.name)
