"""Build a changed copy of the site: copy the sources to a scratch folder, let a test
change files there, run the real build command, and return what it printed."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

SOURCES = ("docs", "overrides", "hooks", "directory", "data")


def copy_sources(dest: Path) -> Path:
    for name in SOURCES:
        shutil.copytree(REPO / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def build_copy(work: Path, output: Path) -> subprocess.CompletedProcess:
    """`python -m hooks build` in the copy (a fixed SOURCE_DATE_EPOCH: the copy is no git checkout)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1735689600"}   # 2025-01-01
    return subprocess.run([sys.executable, "-m", "hooks", "build", "--output", str(output)],
                          cwd=work, capture_output=True, text=True, env=env, timeout=300)
