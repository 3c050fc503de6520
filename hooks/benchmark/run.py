"""python -m hooks benchmark: every figure, in one run, into BENCHMARKS.md (also printed)."""
from __future__ import annotations

import statistics
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hooks.reproducible import source_date_epoch

from . import browser, builds, report
from .machine import describe

# The first view of each kind of page, in the main programme's source language.
PAGES = {"home page": "/", "chapter (2.1)": "/2-1-komma-igang/", "directory": "/katalog/",
         "actor page": "/katalog/fpa/"}
LANGUAGES = {"sv": "", "fi": "fi", "en": "en"}
KB = 1024


@dataclass(frozen=True)
class Settings:
    runs: int = 3
    sizes: tuple[int, ...] = (50, 500, 5000)          # validated
    build_sizes: tuple[int, ...] = (50, 500, 2000)    # also built (see BENCHMARKS.md on 5,000)
    filter_actors: int = 5000
    filter_rounds: int = 5
    command: str = "python -m hooks benchmark"


QUICK = Settings(runs=1, sizes=(50,), build_sizes=(50,), filter_actors=500, filter_rounds=1,
                 command="python -m hooks benchmark --quick")


def _kb(size: int) -> str:
    return f"{size / KB:,.1f} KB"


def _within(values: list[float], tolerance: float) -> bool:
    middle = statistics.median(values)
    return all(abs(v - middle) <= tolerance * middle for v in values)


def measure(repo: Path, settings: Settings) -> report.Report:
    result = report.Report(describe(), settings.command, settings.runs)
    add = result.add
    with tempfile.TemporaryDirectory(prefix="benchmark-") as scratch:
        work = Path(scratch)
        copy = builds.copy_repository(repo, work / "repo")

        full, site = builds.measure_full_build(copy, work, settings.runs)
        add("whole build, ours (`build-all`)", f"{full.ours:.1f} s",
            note=f"of which {full.pdf_count} PDFs: {full.pdf_step:.1f} s")
        add("whole build, plain Material (no hooks, no PDFs, not strict)", f"{full.plain:.1f} s")
        add("ours / plain, without the PDF step (cost of our checks and rendering)",
            f"{full.ratio_without_pdfs:.2f}", "≤ 1.25", full.ratio_without_pdfs <= 1.25, key="hooks-cost")
        add("ours / plain, with the PDF step", f"{full.ratio:.2f}", "≤ 1.25", full.ratio <= 1.25,
            key="hooks-cost-with-pdfs")

        real_actors, real_build = builds.real_directory_build(copy, settings.runs)
        add(f"main site, MkDocs build with the real directory ({real_actors} actors)", f"{real_build:.1f} s")
        points = builds.measure_scale(copy, settings.sizes, settings.build_sizes, settings.runs, date.today())
        per_validation, per_build = [], []
        for point in points:
            per = point.validation / point.actors
            per_cpu = point.validation_cpu / point.actors
            per_validation.append(per_cpu)
            target, met = ("≤ 2 s", point.validation <= 2.0) if point.actors >= 5000 else ("", None)
            add(f"validate {point.actors:,} actors (`load_directory`)", f"{point.validation:.2f} s",
                target, met, note=f"{per * 1000:.2f} ms per actor; CPU time {per_cpu * 1000:.2f} ms per actor",
                key="validation")
            if point.build is not None:
                marginal = (point.build - real_build) / (point.actors - real_actors)
                per_build.append(marginal)
                add(f"main site, MkDocs build with {point.actors:,} actors ({point.actors * 3:,} actor pages)",
                    f"{point.build:.1f} s", note=f"{marginal * 1000:.1f} ms per added actor")
        if len(per_validation) > 1:
            add("validation CPU time per actor, max/min between sizes", f"{max(per_validation) / min(per_validation):.2f}",
                "each size within ±20 % of the median", _within(per_validation, 0.2), key="validation-flat")
        if len(per_build) > 1 and min(per_build) > 0:
            add("build cost per added actor, max/min between sizes", f"{max(per_build) / min(per_build):.2f}",
                "each size within ±20 % of the median", _within(per_build, 0.2), key="build-flat")

        for weight in browser.page_weights(site, PAGES):
            target, met = ("≤ 150 KB (gzip)", weight.gzip <= 150 * KB) if weight.name.startswith("chapter") else ("", None)
            add(f"first view, {weight.name} `{weight.path}`", f"{_kb(weight.gzip)} gzip", target, met, key="first-view",
                note=f"of which search {_kb(weight.search_gzip)}; {_kb(weight.transferred)} as served "
                     f"uncompressed, {weight.requests} requests")
        for index in browser.search_index_sizes(site, LANGUAGES):
            add(f"search index, {index.language}", f"{_kb(index.gzip)} gzip", "≤ 250 KB gzip",
                index.gzip <= 250 * KB, note=f"{_kb(index.raw)} raw", key="search-index")
        timing = browser.filter_time(site, "/katalog/", settings.filter_actors, settings.filter_rounds)
        add(f"directory filter, one query, {timing.actors:,} actors in the list", f"{timing.answer_ms:.1f} ms",
            "≤ 50 ms", timing.answer_ms <= 50, key="filter",
            note=f"of which directory.js {timing.script_ms:.1f} ms, the rest the list's new layout; "
                 f"median of {timing.queries} queries, worst {timing.worst_ms:.1f} ms")

        count, seconds = builds.time_pdfs_of_language(copy, site, "sv", source_date_epoch(repo))
        add("all PDFs of one language (sv, main programme)", f"{seconds:.1f} s", note=f"{count} PDFs")
    return result


def main(repo: Path, settings: Settings, output: Path) -> int:
    try:
        result = measure(repo, settings)
    except (builds.BenchmarkBroken, RuntimeError) as error:
        print(f"BENCHMARK BROKEN: {error}", file=sys.stderr)
        return 1
    print(report.write(result, output))
    return 0
