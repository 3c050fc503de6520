"""MkDocs hook: chapter 5 and one page per goal, rendered from data/goals.yml.

Chapter 5 asks for the goals with the line `<!-- goals:chapter -->`; the goal pages
(mal/1/, fi/mal/1/ …) are generated in every language. Any problem in the data file,
an unknown directory id included, stops the build with the file, line and field.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import InclusionLevel

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from hooks.directory.validate import load_directory_once  # noqa: E402
from hooks.goals.load import load_goals  # noqa: E402
from hooks.goals.model import Goals  # noqa: E402
from hooks.goals.render import ActorNames, goal_page_path, render_chapter, render_goal_page  # noqa: E402
from hooks.i18n_context import current_pass  # noqa: E402
from hooks import virtual_pages  # noqa: E402
from hooks.reproducible import build_date  # noqa: E402

MARKER = "<!-- goals:chapter -->"
_goals: Goals | None = None
_names: ActorNames = {}
_loaded_from: Path | None = None
_pages: dict[str, str] = {}   # src_uri ("fi/mal/1.md") -> Markdown of the goal pages


def on_config(config):
    global _goals, _names, _loaded_from
    repo = Path(config.config_file_path).resolve().parent
    if _loaded_from == repo:   # static-i18n runs on_config once per language
        return
    today = build_date(repo)
    # hooks/directory_check.py has already stopped the build if the directory has errors.
    _names = {actor["id"]: actor["name"] for actor in load_directory_once(repo / "directory", today).actors}
    result = load_goals(repo / "data" / "goals.yml", _names, today)
    if result.errors:
        raise PluginError("data/goals.yml has errors; nothing was published:\n\n"
                          + "\n\n".join(str(problem) for problem in result.errors))
    _goals, _loaded_from = result.goals, repo


def on_files(files, config):
    # Default priority 0: before static-i18n's on_files (-100), which sorts them into languages.
    global _pages
    languages = current_pass(config)
    _pages = {f"{lang}/{goal_page_path(goal)}":
              render_goal_page(_goals, goal, _names, lang,
                               "source" if lang == languages.default_locale else "unofficial")
              for goal in _goals.goals for lang in languages.locales}
    virtual_pages.add(files, config, _pages, inclusion=InclusionLevel.INCLUDED)  # they are in nav
    return files


def on_nav(nav, config, files):
    virtual_pages.restore(files, _pages)
    return nav


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, render_chapter(_goals, _names, current_pass(config).locale))
