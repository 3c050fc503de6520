"""Benchmarks of the build and the built site: `python -m hooks benchmark` (make benchmark).

They measure and report (BENCHMARKS.md); they fail only when something is broken, such as a
build that does not finish. The machine is shared, so every time is a median of several runs
and, where it is the honest figure, a ratio against a reference built in the same run.
"""
