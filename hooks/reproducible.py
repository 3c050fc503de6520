"""The one timestamp a build may use: the time of the last commit.

Two builds of the same tree must be byte-identical, so nothing may depend on the
clock. MkDocs (sitemap dates, build date) honours SOURCE_DATE_EPOCH.
"""
from __future__ import annotations

import os
import subprocess
from datetime import date, datetime, timezone
from pathlib import Path


def source_date_epoch(repo: Path) -> int:
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "-C", str(repo), "log", "-1", "--format=%ct"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        if out:
            return int(out)
    except (OSError, subprocess.CalledProcessError):
        pass
    # Not a git checkout (e.g. an unpacked archive): the newest source file decides.
    return int(max(p.stat().st_mtime for p in (repo / "docs").rglob("*") if p.is_file()))


def build_date(repo: Path) -> date:
    return datetime.fromtimestamp(source_date_epoch(repo), tz=timezone.utc).date()
