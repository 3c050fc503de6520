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


def spread(values: list[float]) -> float:
    """max/min of positive values: 1.0 is perfectly flat."""
    return max(values) / min(values)
