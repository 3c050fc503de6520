"""The whole published site, built by `python -m hooks build-all`:

    /                       the main programme (mkdocs.yml at the repository root)
    /<id>/<edition>/        every edition of every other programme
                            (programmes/<id>/<edition>/mkdocs.yml, listed in programmes/<id>/programme.yml)
    /<id>/latest/           one redirect page for every page of the edition in force
    /<id>/versions.json     the editions in mike's format (version, title, aliases)
    /<id>/index.html        a redirect to the edition in force

Every site is built into its own folder (in parallel), then they are put together and the
whole is published at once (hooks/atomic_build.py): if one edition fails, nothing changes.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html import escape
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from hooks.reproducible import source_date_epoch
from hooks.atomic_build import BuildFailed, build_env, make_pdfs, mkdocs_command, publish_atomically
from hooks.directory.validate import configured_folder
from hooks.edition_changes_page import fill
from hooks.editions import LATEST, EditionError, Editions, load_editions, texts_for

PROGRAMMES_DIR = "programmes"
BASE_CONFIG = "programme.yml"
_HTML_LANG = re.compile(r'<html[^>]*\blang="([^"]+)"')


@dataclass(frozen=True)
class Programme:
    id: str                     # "pargas": its folder in programmes/ and its path in the site
    editions: Editions


@dataclass(frozen=True)
class Part:
    config_file: Path
    path: str                   # where it is published: "" (the root) or "pargas/2023"


def find_programmes(repo: Path) -> list[Programme]:
    """Every programme in programmes/ that has a programme.yml listing its editions."""
    found = []
    for base in sorted((repo / PROGRAMMES_DIR).glob(f"*/{BASE_CONFIG}")):
        with open(base, encoding="utf-8") as source:
            names = ((yaml_load(source) or {}).get("extra") or {}).get("editions")
        if not isinstance(names, list) or not names:
            raise BuildFailed(f"{base}: extra.editions must list the programme's editions, oldest first")
        first = base.parent / str(names[0]) / "mkdocs.yml"
        if not first.is_file():
            raise BuildFailed(f"{base}: extra.editions lists '{names[0]}', but {first} does not exist")
        try:
            with open(first, encoding="utf-8") as source:
                editions = load_editions(first, yaml_load(source))
        except EditionError as error:
            raise BuildFailed(str(error)) from None
        found.append(Programme(base.parent.name, editions))
    return found


def site_parts(repo: Path, programmes: list[Programme]) -> list[Part]:
    parts = [Part(repo / "mkdocs.yml", "")]
    for programme in programmes:
        parts += [Part(edition.config_file, f"{programme.id}/{edition.name}") for edition in programme.editions.all]
    return parts


def directories(repo: Path) -> list[Path]:
    """The partner directory of every site and edition, each once."""
    found: list[Path] = []
    for part in site_parts(repo, find_programmes(repo)):
        with open(part.config_file, encoding="utf-8") as source:
            folder = configured_folder(part.config_file, (yaml_load(source) or {}).get("extra"))
        if folder is None:
            raise BuildFailed(f"{part.config_file}: extra.directory.folder is missing")
        if folder not in found:
            found.append(folder)
    return found


def build_all(repo: Path, output: Path) -> Path:
    programmes = find_programmes(repo)
    return publish_atomically(output, lambda built: _assemble(repo, programmes, built))


def _assemble(repo: Path, programmes: list[Programme], built: Path) -> None:
    parts = site_parts(repo, programmes)
    work = built.parent / "parts"
    work.mkdir()
    folders = [work / str(number) for number in range(len(parts))]
    _build_parts(repo, parts, folders)
    folders[0].rename(built)
    for part, folder in zip(parts[1:], folders[1:]):
        target = built / part.path
        if target.exists():
            raise BuildFailed(f"{part.config_file} would be published at /{part.path}/, "
                              "where the main site already has a page")
        target.parent.mkdir(parents=True, exist_ok=True)
        folder.rename(target)
        # A host serves the root's 404.html for every missing address; an edition's own would be
        # dead weight whose links (absolute from the root, as MkDocs makes them) lead elsewhere.
        (target / "404.html").unlink(missing_ok=True)
    for programme in programmes:
        write_programme_files(built / programme.id, programme.editions)
    # Every page that promises a PDF, in every part, rendered by one browser.
    make_pdfs(built, source_date_epoch(repo))


def _build_parts(repo: Path, parts: list[Part], folders: list[Path]) -> None:
    env = build_env(repo)

    def run(job):
        part, folder = job
        return subprocess.run(mkdocs_command(part.config_file, folder), cwd=repo, env=env,
                              capture_output=True, text=True)

    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        results = list(pool.map(run, zip(parts, folders)))
    failed = []
    for part, result in zip(parts, results):
        where = f"/{part.path}/" if part.path else "/"
        messages = [line for line in (result.stdout + result.stderr).splitlines()
                    if not line.startswith("INFO")]
        if result.returncode != 0:
            failed.append(where)
            print(f"--- {part.config_file.relative_to(repo)} ({where}): FAILED", file=sys.stderr)
            print(result.stdout + result.stderr, file=sys.stderr)
        else:
            print(f"--- {part.config_file.relative_to(repo)} -> {where}")
            for line in messages:
                print(f"    {line}")
    if failed:
        raise BuildFailed(f"MkDocs reported errors in {', '.join(failed)} (see the messages above).")


def write_programme_files(folder: Path, editions: Editions) -> None:
    """versions.json, latest/ and the programme's home page, beside the built editions."""
    (folder / "versions.json").write_text(json.dumps(editions.mike_versions(), ensure_ascii=False, indent=2) + "\n",
                                          encoding="utf-8")
    default = editions.default
    for page in sorted((folder / default.name).rglob("index.html")):
        relative = page.parent.relative_to(folder / default.name).as_posix()
        relative = "" if relative == "." else relative + "/"
        if relative.split("/")[0] in ("search", "assets"):
            continue
        depth = relative.count("/") + 1
        _write_redirect(folder / LATEST / relative / "index.html", "../" * depth + f"{default.name}/{relative}",
                        _language(page), editions)
    _write_redirect(folder / "index.html", f"{default.name}/", _language(folder / default.name / "index.html"),
                    editions)


def _language(page: Path) -> str:
    found = _HTML_LANG.search(page.read_text(encoding="utf-8"))
    if not found:
        raise BuildFailed(f"{page}: no <html lang>, so the redirect to it cannot speak its language")
    return found.group(1)


def _write_redirect(path: Path, target: str, language: str, editions: Editions) -> None:
    """A page that sends the reader on to target (relative), keeping any #section: a meta
    refresh that works without JavaScript, a script that keeps the fragment, and a link."""
    texts = texts_for(language)
    default = editions.default.name
    title, link = texts[editions.about_default("redirect_title")], texts[editions.about_default("redirect_link")]
    path.parent.mkdir(parents=True, exist_ok=True)
    href = escape(target, quote=True)
    path.write_text(
        "<!doctype html>\n"
        f'<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(fill(title, default=default))}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{href}">\n'
        f"<script>location.replace({json.dumps(target)} + location.hash)</script>\n"
        "</head>\n<body>\n"
        f'<p><a href="{href}">{escape(fill(link, default=default))}</a></p>\n'
        "</body>\n</html>\n", encoding="utf-8")
