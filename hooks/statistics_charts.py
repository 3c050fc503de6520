"""MkDocs hook: a line `<!-- statistics:<id> -->` in any page becomes that dataset's chart
with a table of the same numbers (data/statistics/*.yml, hooks/statistics).

A problem in a statistics file, or a page asking for an id no file has, stops the build.
"""
from __future__ import annotations

import os
import re
import sys

from mkdocs.exceptions import PluginError

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from hooks.i18n_context import current_pass  # noqa: E402
from hooks.statistics.load import load_statistics  # noqa: E402
from hooks.statistics.model import Dataset  # noqa: E402
from hooks.statistics.render import render_dataset  # noqa: E402

MARKER = re.compile(r"^<!-- statistics:([a-z0-9-]+) -->[ \t]*$", re.M)
_datasets: dict[str, Dataset] = {}
_loaded_from: str | None = None


def on_config(config):
    global _datasets, _loaded_from
    folder = os.path.join(os.path.dirname(os.path.abspath(config.config_file_path)), "data", "statistics")
    if _loaded_from == folder:   # static-i18n runs on_config once per language
        return
    result = load_statistics(folder)
    if result.errors:
        raise PluginError("The statistics in data/statistics/ have errors; nothing was published:\n\n"
                          + "\n\n".join(str(problem) for problem in result.errors))
    _datasets, _loaded_from = result.datasets, folder


def on_page_markdown(markdown, page, config, files):
    lang = current_pass(config).locale

    def chart(match: re.Match) -> str:
        dataset = _datasets.get(match.group(1))
        if dataset is None:
            known = ", ".join(sorted(_datasets))
            raise PluginError(f"{page.file.src_uri} asks for the statistics \"{match.group(1)}\", but no file in "
                              f"data/statistics/ has a dataset with that id (there are: {known})")
        return render_dataset(dataset, lang)

    return MARKER.sub(chart, markdown)
