"""Where the directory's data and pages are, read from mkdocs.yml (extra.directory).

Nothing about one municipality is written in code: the data folder, the page
folder, the guide and the branch partners edit all come from the site's config.

    extra:
      directory:
        folder: directory          # one <id>.yml per actor; paths are relative to mkdocs.yml
        pages: katalog             # <lang>/katalog.md lists them, <lang>/katalog/<id>.md is one actor
        guide: partnerguide.md     # how partners change their entry (a page in every language)
        branch: main               # "suggest a change" opens the file on this branch
        labels: data/directory-labels.yml
        export: directory.hsds.json         # written next to the list page of the default language
        export_schema: directory/hsds-export.schema.json
        id_namespace: 6f0d…        # a UUID; export ids are UUID 5 names in it, stable across builds
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class DirectorySettings:
    repo: Path                 # the repository's root: data files are named from here in edit links
    folder: Path
    pages: str
    guide: str
    branch: str
    labels: Path
    export: str
    export_schema: Path
    id_namespace: uuid.UUID

    @property
    def folder_in_repo(self) -> str:
        """The data folder as a path inside the repository (for edit links)."""
        return self.folder.relative_to(self.repo).as_posix()

    def list_page(self, lang: str) -> str:
        return f"{lang}/{self.pages}.md"

    def actor_page(self, lang: str, actor_id: str) -> str:
        return f"{lang}/{self.pages}/{actor_id}.md"

    def export_path(self) -> str:
        """Where the export goes inside the built site."""
        return f"{self.pages}/{self.export}"


_REQUIRED = ("folder", "pages", "guide", "branch", "labels", "export", "export_schema", "id_namespace")


def read_settings(extra: Mapping[str, Any], base: Path, repo: Path) -> DirectorySettings | None:
    """None when the site has no directory (no extra.directory in mkdocs.yml).
    base: the folder of mkdocs.yml, where the paths start (an edition's folder for a programme
    with editions); repo: the repository's root, which the data folder must be inside."""
    raw = extra.get("directory")
    if raw is None:
        return None
    missing = [key for key in _REQUIRED if not str(raw.get(key) or "").strip()]
    if missing:
        raise SettingsError(f"mkdocs.yml, extra.directory: missing {', '.join(missing)}")
    try:
        namespace = uuid.UUID(str(raw["id_namespace"]))
    except ValueError:
        raise SettingsError(f"mkdocs.yml, extra.directory.id_namespace: {raw['id_namespace']!r} is not a UUID") from None
    settings = DirectorySettings(
        repo=repo.resolve(), folder=(base / raw["folder"]).resolve(), pages=str(raw["pages"]).strip("/"),
        guide=str(raw["guide"]), branch=str(raw["branch"]), labels=(base / raw["labels"]).resolve(),
        export=str(raw["export"]), export_schema=(base / raw["export_schema"]).resolve(), id_namespace=namespace)
    if not settings.folder.is_relative_to(settings.repo):
        raise SettingsError("mkdocs.yml, extra.directory.folder must be inside the repository")
    return settings
