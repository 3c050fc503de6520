"""MkDocs hook: the build runs the same directory check as `python -m hooks validate`.

Each programme has its own directory: the folder named by extra.directory.folder,
relative to the site's (or edition's) mkdocs.yml.

Any error stops the build (nothing broken is published); entries not reviewed for
12 months are listed as warnings. Warnings go through a logger outside MkDocs'
own hierarchy, because `mkdocs build --strict` would turn them into failures.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from hooks.directory.validate import configured_folder, load_directory_once  # noqa: E402
from hooks.reproducible import build_date  # noqa: E402

log = logging.getLogger("integration.directory")
if not log.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("DIRECTORY -  %(message)s"))
    log.addHandler(_handler)
    log.propagate = False
    log.setLevel(logging.INFO)

_checked: set[str] = set()


def on_config(config):
    config_file = Path(config.config_file_path)
    folder = configured_folder(config_file, config.extra)
    if folder is None:
        raise PluginError(f"{config_file}: extra.directory.folder is missing: name the folder of this "
                          "programme's partner directory, relative to this file")
    if str(folder) in _checked:  # static-i18n runs on_config once per language
        return
    _checked.add(str(folder))
    result = load_directory_once(folder, build_date(config_file.resolve().parent))
    if result.errors:
        raise PluginError("The partner directory has errors; nothing was published:\n\n"
                          + "\n\n".join(str(p) for p in result.errors))
    if result.warnings:
        log.info("%d directory entries have warnings (run 'make validate' to see them all)",
                 len(result.warnings))
