"""A scratch copy of the repository whose partner directory holds N valid actors.

The extra actors are clones of the real ones with new ids (the id is the only field that must
be unique), so they pass the same validation and render the same pages as real entries.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

# What a build or a benchmark does not need from the repository (and must not copy back).
_NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "site", ".site-build-*", "__pycache__",
                                     ".pytest_cache", "*.egg-info")
_ID_LINE = re.compile(r"^id: *(\S+) *$", re.MULTILINE)


def copy_repository(repo: Path, target: Path) -> Path:
    shutil.copytree(repo, target, ignore=_NOT_COPIED, symlinks=True)
    return target


def fill_directory(folder: Path, total: int) -> int:
    """Adds clones of the folder's actors until it holds `total` actor files; returns how many
    were added. The real actors stay: goals and pages link to them."""
    real = sorted(p for p in folder.glob("*.yml") if not p.name.startswith("."))
    if not real:
        raise ValueError(f"{folder} has no actor files to clone")
    added = 0
    for number in range(max(0, total - len(real))):
        source = real[number % len(real)]
        new_id = f"{source.stem}-{number + 1:05d}"
        text, found = _ID_LINE.subn(f"id: {new_id}", source.read_text(encoding="utf-8"), count=1)
        if not found:
            raise ValueError(f"{source} has no top-level id line to replace")
        (folder / f"{new_id}.yml").write_text(text, encoding="utf-8")
        added += 1
    return added
