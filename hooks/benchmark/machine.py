"""The facts about the machine a benchmark ran on, written beside the figures."""
from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib.metadata import version

from hooks.chromium import CHROMIUM

PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "pyyaml",
            "jsonschema", "fastjsonschema", "playwright")


@dataclass(frozen=True)
class Machine:
    date: str
    cpu_model: str
    cpu_count: int
    memory_gb: float
    python: str
    chromium: str
    packages: dict[str, str]
    load_average: tuple[float, float, float]


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float:
    try:
        with open("/proc/meminfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return 0.0


def _chromium_version() -> str:
    try:
        return subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True,
                              timeout=30).stdout.strip() or "unknown"
    except (OSError, subprocess.TimeoutExpired):
        return "not found"


def describe() -> Machine:
    """Read at the start of a run: the load average says how busy the machine already was."""
    return Machine(
        date=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        cpu_model=_cpu_model(),
        cpu_count=os.cpu_count() or 1,
        memory_gb=_memory_gb(),
        python=platform.python_version(),
        chromium=_chromium_version(),
        packages={name: version(name) for name in PACKAGES},
        load_average=tuple(round(x, 2) for x in os.getloadavg()),
    )
