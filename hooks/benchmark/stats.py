"""Medians of repeated timings: one slow run on a shared machine must not decide a figure."""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """Runs action `runs` times and returns the median wall-clock time in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def median_wall_and_cpu(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU time (this process) of `runs` runs, in seconds. On a
    shared machine the CPU time of single-threaded work barely depends on the others' load."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls), statistics.median(cpus)


def spread(values: list[float]) -> float:
    """max/min of positive values: 1.0 is perfectly flat."""
    return max(values) / min(values)
