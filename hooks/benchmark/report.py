"""BENCHMARKS.md: the figures, the targets they meet or miss, and the machine they ran on."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .machine import Machine


@dataclass(frozen=True)
class Figure:
    name: str
    value: str
    target: str = ""
    met: bool | None = None       # None: no target
    note: str = ""
    key: str = ""                 # names the figure in findings.yml


@dataclass
class Report:
    machine: Machine
    command: str
    runs: int
    figures: list[Figure] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)

    def add(self, *args, **kwargs) -> None:
        self.figures.append(Figure(*args, **kwargs))


# What the profiles (pyinstrument) showed for each target that is missed: hooks/benchmark/findings.yml.
FINDINGS = Path(__file__).with_name("findings.yml")


def findings_for(figures: list[Figure]) -> list[str]:
    known = yaml.safe_load(FINDINGS.read_text(encoding="utf-8")) or {}
    return [" ".join(known[f.key].split()) for f in figures if f.met is False and f.key in known]


def _verdict(met: bool | None) -> str:
    return "" if met is None else ("met" if met else "**missed**")


def render(report: Report) -> str:
    m = report.machine
    lines = [
        "# Benchmarks",
        "",
        f"Written by `{report.command}` on {m.date}. Every time is the median of {report.runs} run(s).",
        "The machine is shared and its load varies, so absolute times are noisy: the ratios against a",
        "reference measured in the same run are the figures to compare between machines.",
        "",
        "| figure | value | target | |",
        "|---|---|---|---|",
    ]
    for f in report.figures:
        value = f"{f.value} ({f.note})" if f.note else f.value
        lines.append(f"| {f.name} | {value} | {f.target} | {_verdict(f.met)} |")
    findings = report.findings + findings_for(report.figures)
    if findings:
        lines += ["", "## Findings", ""] + [f"- {finding}" for finding in findings]
    lines += [
        "",
        "## Machine",
        "",
        f"- CPU: {m.cpu_model}, {m.cpu_count} logical CPUs",
        f"- Memory: {m.memory_gb} GB",
        f"- Load average at start (1, 5, 15 min): {', '.join(str(x) for x in m.load_average)}",
        f"- Python {m.python}; {m.chromium}",
        "- " + ", ".join(f"{name} {version}" for name, version in m.packages.items()),
        "",
    ]
    return "\n".join(lines)


def write(report: Report, path: Path) -> str:
    text = render(report)
    path.write_text(text, encoding="utf-8")
    return text
