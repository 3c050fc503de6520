"""Pages made at build time that mkdocs-static-i18n treats like Markdown files in docs/.

static-i18n (1.3.1) sorts pages into languages in on_files (priority -100) by their
path ("fi/katalog/moi.md" is Finnish) and builds each page's language alternates
for the switcher. It does so by re-creating every File from its path inside
docs_dir, which drops in-memory content, and it cannot handle File.generated (a
file with no source path at all). So a virtual page here is a File that claims a
path inside docs_dir, added in on_files before static-i18n runs; once static-i18n
has made its copies, restore() puts the content back on them. MkDocs reads page
sources only after on_nav, so restoring in on_nav is in time.
"""
from __future__ import annotations

import os
from typing import Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel


def add(files: Files, config: MkDocsConfig, pages: Mapping[str, str],
        inclusion: InclusionLevel = InclusionLevel.NOT_IN_NAV) -> None:
    """Add pages {src_uri: markdown}. Call from on_files at a priority above -100.
    By default they are reachable by links but not listed in the navigation."""
    for src_uri, content in pages.items():
        if files.get_file_from_path(src_uri) is not None or os.path.exists(os.path.join(config.docs_dir, src_uri)):
            raise PluginError(f"docs/{src_uri} exists, but the build also generates this page; remove one of them")
        file = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls, inclusion=inclusion)
        file.content_string = content
        # content_string= forgets the source path; static-i18n needs one inside docs_dir.
        file.abs_src_path = os.path.normpath(os.path.join(config.docs_dir, src_uri))
        files.append(file)


def restore(files: Files, pages: Mapping[str, str]) -> None:
    """Give static-i18n's copies their content back. Call from on_nav."""
    for file in files:
        if file.src_uri in pages:
            file.content_string = pages[file.src_uri]
