"""Build the site into a temporary folder and publish it only if every check passed.

A failed build must never leave a half-built or broken site where the good one
was: the output folder is swapped in one rename at the very end.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hooks.pdf_files import PdfFilesError, fill_size_labels, find_jobs
from hooks.pdf_render import PdfRenderError, render
from hooks.privacy_check import find_external_requests
from hooks.reproducible import source_date_epoch


class BuildFailed(Exception):
    pass


def build_env(repo: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = str(source_date_epoch(repo))
    env["NO_MKDOCS_2_WARNING"] = "1"  # Material's end-of-life banner; see README
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def mkdocs_command(config_file: Path, site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
            "--config-file", str(config_file), "--site-dir", str(site_dir)]


def run_mkdocs(repo: Path, config_file: Path, site_dir: Path) -> None:
    result = subprocess.run(mkdocs_command(config_file, site_dir), cwd=repo, env=build_env(repo))
    if result.returncode != 0:
        raise BuildFailed("MkDocs reported errors (see the messages above).")


def make_pdfs(site_dir: Path, epoch: int) -> None:
    """Every PDF the pages promise (hooks/pdf_render.py), then the sizes in their links."""
    started = time.monotonic()
    try:
        jobs = find_jobs(site_dir)
        render(jobs, epoch)
        fill_size_labels(site_dir)
    except (PdfFilesError, PdfRenderError) as error:
        raise BuildFailed(f"The PDFs could not be made: {error}") from None
    print(f"PDF      -  {len(jobs)} PDFs made in {time.monotonic() - started:.1f} seconds", file=sys.stderr)


def check_built_site(site_dir: Path) -> None:
    external = find_external_requests(site_dir)
    if external:
        lines = "\n".join(f"  {item}" for item in external[:50])
        raise BuildFailed(f"The built site would make readers' browsers contact other hosts:\n{lines}")


def _make_world_readable(folder: Path) -> None:
    # linkchecker drops root privileges to 'nobody'; a web server may too.
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o755)
        for name in files:
            os.chmod(os.path.join(root, name), 0o644)
    os.chmod(folder, 0o755)


def publish(built: Path, output: Path, scratch: Path) -> None:
    """Replace output with built using renames only (same file system)."""
    old = scratch / "previous"
    if output.exists():
        os.rename(output, old)
    os.rename(built, output)


def publish_atomically(output: Path, fill: Callable[[Path], None]) -> Path:
    """Let fill(folder) write a whole site into a new folder; check it and swap it in for
    output in one rename. If fill or a check fails, output stays as it was."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    # The scratch folder sits beside the output so that the final rename is atomic.
    scratch = Path(tempfile.mkdtemp(prefix=f".{output.name}-build-", dir=output.parent))
    try:
        built = scratch / "site"
        fill(built)
        check_built_site(built)
        _make_world_readable(built)
        publish(built, output, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return output


def build(repo: Path, output: Path, config_file: Path | None = None) -> Path:
    """Build one MkDocs site (by default the main one, mkdocs.yml) and publish it at output."""
    config_file = config_file or repo / "mkdocs.yml"

    def fill(built: Path) -> None:
        run_mkdocs(repo, config_file, built)
        make_pdfs(built, source_date_epoch(repo))
    return publish_atomically(output, fill)
