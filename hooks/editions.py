"""The editions of one programme: which exist, which is in force, how to link between them.

A programme with more than one edition keeps them side by side, one folder each
(programmes/<id>/<edition>/mkdocs.yml), and every edition inherits the programme's
shared configuration (programmes/<id>/programme.yml), which lists them oldest first
in extra.editions. Each edition is published in a folder named after it, beside the
others (/<id>/2022/, /<id>/2023/), which is the layout Material's version selector
and mike use: from any edition, another one is at ../<name>/.

A site without extra.editions (Borgå's, at the site root) is a programme with one
edition. Nothing here knows a municipality: everything comes from the configs.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

import yaml
from mkdocs.utils.yaml import yaml_load

IN_FORCE = "in_force"
SUPERSEDED = "superseded"
# mike's name for the alias of the default edition; Material treats it as "not outdated".
LATEST = "latest"
# Name of the generated "what changed" page of every edition after the first, unless
# the programme names it (extra.changes_page). Same file name in every language.
DEFAULT_CHANGES_PAGE = "changes.md"
TEXTS_FILE = Path(__file__).with_name("edition_texts.yml")


class EditionError(ValueError):
    pass


@dataclass(frozen=True)
class Edition:
    name: str                   # "2023": its folder and its path in the published programme
    status: str | None          # extra.programme.status ("in_force", "superseded", …) or None
    config_file: Path
    docs_dir: Path
    pages: tuple[str, ...]      # the nav's Markdown files in order ("index.md", "boende.md", …)

    @property
    def in_force(self) -> bool:
        return self.status == IN_FORCE

    def source(self, src_uri: str) -> Path:
        return self.docs_dir / src_uri


@dataclass(frozen=True)
class Editions:
    all: tuple[Edition, ...]    # oldest first
    current: Edition            # the edition being built
    side_by_side: bool          # published as sibling folders (False: a one-edition site)
    changes_page: str           # file name of the generated "what changed" page

    @property
    def default(self) -> Edition:
        """The edition readers get by default: the one in force, else the newest."""
        return next((e for e in self.all if e.in_force), self.all[-1])

    def previous(self, edition: Edition | None = None) -> Edition | None:
        index = self.all.index(edition or self.current)
        return self.all[index - 1] if index > 0 else None

    def about_default(self, key: str) -> str:
        """The key of a text about the default edition in edition_texts.yml: "the edition in
        force" only when it is in force, else "the newest edition" (key + "_newest"), so that
        no page calls in force an edition whose period has ended."""
        return key if self.default.in_force else f"{key}_newest"

    @property
    def current_is_older(self) -> bool:
        """The edition being built predates the default one (its pages say so)."""
        return self.all.index(self.current) < self.all.index(self.default)

    def has_page(self, edition: Edition, src_uri: str) -> bool:
        """Whether edition publishes the page built from src_uri ("fi/boende.md")."""
        if PurePosixPath(src_uri).name == self.changes_page:
            return self.previous(edition) is not None
        if not self.current.source(src_uri).is_file():
            # Generated in this build (a directory actor's page): every edition of a programme
            # generates the same from the hooks and data its shared programme.yml names.
            return True
        return edition.source(src_uri).is_file()

    def href(self, target: Edition, page_url: str, src_uri: str, language_home: str) -> str:
        """Relative link from the page at page_url (inside the current edition) to the same
        page in target, or to target's home page in the same language when it has no such page."""
        return self.link(target, page_url, page_url, src_uri, language_home)

    def link(self, target: Edition, from_url: str, to_url: str, src_uri: str, language_home: str) -> str:
        """Relative link from the page at from_url (inside the current edition) to the page at
        to_url, built from src_uri, in target; to target's language_home if target lacks it."""
        back_to_root = "../" * from_url.count("/")
        if target == self.current:
            return back_to_root + to_url or "./"
        if not self.side_by_side:
            raise EditionError("a one-edition site has no other edition to link to")
        path = to_url if self.has_page(target, src_uri) else language_home
        return f"{back_to_root}../{target.name}/{path}"

    def mike_versions(self) -> list[dict]:
        """versions.json in mike's format, newest first; the default edition is 'latest'."""
        return [{"version": e.name, "title": e.name, "aliases": [LATEST] if e == self.default else []}
                for e in reversed(self.all)]


def load_editions(config_file: Path, config: dict) -> Editions:
    """The editions of the programme whose edition is built from config_file (with config,
    its loaded configuration)."""
    config_file = Path(config_file).resolve()
    extra = config.get("extra") or {}
    names = extra.get("editions")
    changes_page = str(extra.get("changes_page") or DEFAULT_CHANGES_PAGE)
    if names is None:
        only = _edition(config_file, config)
        return Editions((only,), only, side_by_side=False, changes_page=changes_page)
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n for n in names):
        raise EditionError(f"{config_file}: extra.editions must be a list of edition names, "
                           'oldest first, e.g. ["2022", "2023"]')
    if len(set(names)) != len(names):
        raise EditionError(f"{config_file}: extra.editions names an edition twice: {names}")
    programme_dir = config_file.parent.parent
    editions = []
    for name in names:
        path = programme_dir / name / config_file.name
        if path.resolve() == config_file:
            edition = _edition(config_file, config)
        elif path.is_file():
            with open(path, encoding="utf-8") as source:
                edition = _edition(path, yaml_load(source))
        else:
            raise EditionError(f"{config_file}: extra.editions lists '{name}', but {path} does not exist")
        if edition.name != name:
            raise EditionError(f"{path}: extra.programme.edition is '{edition.name}', but the edition's "
                               f"folder (and so its address) is '{name}'")
        editions.append(edition)
    current = next((e for e in editions if e.config_file == config_file), None)
    if current is None:
        raise EditionError(f"{config_file}: this edition's folder is not listed in extra.editions {names}")
    in_force = [e.name for e in editions if e.in_force]
    if len(in_force) > 1:
        raise EditionError(f"{config_file}: more than one edition has status in_force: {in_force}")
    result = Editions(tuple(editions), current, side_by_side=True, changes_page=changes_page)
    # A superseded edition's pages say so with the older-edition banner, which only an edition
    # older than the default one gets: a superseded default (or newer) edition would say nothing.
    newer = [e.name for e in editions[editions.index(result.default):] if e.status == SUPERSEDED]
    if newer:
        raise EditionError(f"{config_file}: edition {', '.join(newer)} has status superseded but is not older "
                           f"than the edition readers get by default ({result.default.name}): set the newest "
                           "edition's status to in_force or period_ended")
    return result


def _edition(config_file: Path, config: dict) -> Edition:
    programme = (config.get("extra") or {}).get("programme") or {}
    name = str(programme.get("edition") or "").strip()
    if not name:
        raise EditionError(f"{config_file}: extra.programme.edition is missing")
    docs_dir = Path(config.get("docs_dir") or "docs")
    if not docs_dir.is_absolute():
        docs_dir = config_file.parent / docs_dir
    return Edition(name, programme.get("status"), config_file.resolve(), docs_dir.resolve(),
                   tuple(_nav_files(config.get("nav") or [])))


def _nav_files(nav) -> list[str]:
    """The Markdown files of a nav, in order (sections flattened, external links left out)."""
    found: list[str] = []
    for item in nav if isinstance(nav, list) else [nav]:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found += _nav_files(value)
        elif isinstance(value, str) and value.endswith(".md") and "://" not in value:
            found.append(value)
    return found


@lru_cache(maxsize=8)
def texts_for(language: str) -> dict[str, str]:
    """What the site says about editions (edition_texts.yml) in one language."""
    texts = yaml.safe_load(TEXTS_FILE.read_text(encoding="utf-8"))
    if language not in texts:
        raise EditionError(f"{TEXTS_FILE.name} has no texts in '{language}': add them before building "
                           "a site in that language")
    return {key: " ".join(str(value).split()) for key, value in texts[language].items()}
