"""Build costs: our whole build against plain Material, and the main site at growing directory sizes.

Every build runs as the real command in a subprocess, in a scratch copy of the repository, so
the benchmark measures what `make build` does and never touches the checkout.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from statistics import median

from hooks.atomic_build import build_env, mkdocs_command
from hooks.directory.validate import load_directory
from hooks.versioned_site import find_programmes, site_parts

from .actors import copy_repository, fill_directory
from .stats import median_seconds, median_wall_and_cpu

# hooks/atomic_build.make_pdfs reports its own time; the PDF step is separated from MkDocs by it.
_PDF_LINE = re.compile(r"PDF\s+-\s+(\d+) PDFs made in ([\d.]+) seconds")
PLAIN_SUFFIX = ".plain-benchmark.yml"
PLAIN_EXCLUDE = "exclude_docs: |\n  utskrift.md\n"


class BenchmarkBroken(Exception):
    """A build or a check the benchmark relies on failed: the figures would be meaningless."""


@dataclass(frozen=True)
class FullBuild:
    ours: float          # python -m hooks build-all, median seconds
    pdf_step: float      # of which make_pdfs (median of the runs' own reports)
    pdf_count: int
    plain: float         # the same Markdown, plain Material: no hooks, no PDFs, not strict

    @property
    def ratio(self) -> float:
        return self.ours / self.plain

    @property
    def ratio_without_pdfs(self) -> float:
        return (self.ours - self.pdf_step) / self.plain


@dataclass(frozen=True)
class ScalePoint:
    actors: int
    validation: float                # load_directory, median seconds
    validation_cpu: float            # the same, CPU time of this process
    build: float | None              # MkDocs (strict, every hook) for the main site; None: not built


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=cwd, env=build_env(cwd), capture_output=True, text=True)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-30:])
        raise BenchmarkBroken(f"{' '.join(command)} failed in {cwd}:\n{tail}")
    return result


def write_plain_configs(repo: Path) -> list[Path]:
    """Beside every part's mkdocs.yml, a config that inherits everything (theme, i18n, nav,
    Markdown extensions) but switches our hooks off. MkDocs replaces lists when it merges an
    INHERIT, so `hooks: []` removes them all. The print pages are left out: they exist only to
    be rendered to PDF, which a plain build does not do, and their template needs our hooks."""
    configs = []
    for part in site_parts(repo, find_programmes(repo)):
        plain = part.config_file.with_name(part.config_file.stem + PLAIN_SUFFIX)
        plain.write_text(f"INHERIT: {part.config_file.name}\nhooks: []\n{PLAIN_EXCLUDE}", encoding="utf-8")
        configs.append(plain)
    return configs


def _plain_build(repo: Path, configs: list[Path], output: Path) -> None:
    """Every part at once, in parallel like build-all's parts; not strict, so our markers stay
    in the pages as HTML comments."""
    shutil.rmtree(output, ignore_errors=True)

    def build(numbered):
        number, config = numbered
        command = [c for c in mkdocs_command(config, output / str(number)) if c != "--strict"]
        _run(command, repo)
    with ThreadPoolExecutor(max_workers=max(1, len(configs))) as pool:
        list(pool.map(build, enumerate(configs)))


def measure_full_build(repo: Path, work: Path, runs: int) -> tuple[FullBuild, Path]:
    """Returns the figures and the folder of the last build of ours (for the browser benchmarks)."""
    site = work / "ours" / "site"
    pdf_times, pdf_count = [], 0

    def ours():
        nonlocal pdf_count
        result = _run([sys.executable, "-m", "hooks", "build-all", "--output", str(site)], repo)
        found = _PDF_LINE.search(result.stderr)
        if not found:
            raise BenchmarkBroken("build-all did not report its PDF step")
        pdf_count = int(found.group(1))
        pdf_times.append(float(found.group(2)))
    configs = write_plain_configs(repo)
    try:
        # Alternate the two so that a busy minute on the machine hits both alike.
        ours_times, plain_times = [], []
        for _ in range(runs):
            ours_times.append(median_seconds(ours, 1))
            plain_times.append(median_seconds(lambda: _plain_build(repo, configs, work / "plain"), 1))
    finally:
        for config in configs:
            config.unlink()
    return FullBuild(median(ours_times), median(pdf_times), pdf_count, median(plain_times)), site


def measure_scale(repo: Path, sizes: tuple[int, ...], build_sizes: tuple[int, ...], runs: int,
                  today: date) -> list[ScalePoint]:
    """At every size, validation time; at the sizes in build_sizes also the main site's MkDocs
    build (strict, every hook). The PDFs are left out: they are made from the chapters, whose
    number does not grow with the directory."""
    points = []
    for size in sorted(set(sizes) | set(build_sizes)):
        with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as scratch:
            copy = copy_repository(repo, Path(scratch) / "repo")
            folder = copy / "directory"
            fill_directory(folder, size)
            checked = load_directory(folder, today)
            if checked.errors:
                raise BenchmarkBroken(f"{size} generated actors did not validate: {checked.errors[0]}")
            validation, validation_cpu = median_wall_and_cpu(lambda: load_directory(folder, today), runs)
            build = None
            if size in build_sizes:
                out = Path(scratch) / "site"
                build = median_seconds(lambda: _run(mkdocs_command(copy / "mkdocs.yml", out), copy), runs)
            points.append(ScalePoint(size, validation, validation_cpu, build))
    return points


def real_directory_build(repo: Path, runs: int) -> tuple[int, float]:
    """The main site's MkDocs build with the real directory: the fixed cost the per-actor
    cost of a bigger directory is measured against."""
    with tempfile.TemporaryDirectory(prefix="bench-real-") as scratch:
        copy = copy_repository(repo, Path(scratch) / "repo")
        actors = len(list((copy / "directory").glob("*.yml")))
        out = Path(scratch) / "site"
        return actors, median_seconds(lambda: _run(mkdocs_command(copy / "mkdocs.yml", out), copy), runs)


def time_pdfs_of_language(repo: Path, site: Path, language: str, epoch: int) -> tuple[int, float]:
    """Renders again every PDF of the main programme in one language, in a copy of the site."""
    from hooks.pdf_files import find_jobs
    from hooks.pdf_render import render
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as scratch:
        copy = Path(scratch) / "site"
        shutil.copytree(site, copy)
        others = {programme.id for programme in find_programmes(repo)}
        jobs = [job for job in find_jobs(copy)
                if _language_of(job.source.relative_to(copy), others) == language]
        started = time.perf_counter()
        render(jobs, epoch)
        return len(jobs), time.perf_counter() - started


def _language_of(path: Path, other_programmes: set[str]) -> str | None:
    """sv at the root, fi/ and en/ below it; another programme's pages (pargas/…) are none."""
    first = path.parts[0]
    if first in other_programmes:
        return None
    return first if first in ("fi", "en") else "sv"
