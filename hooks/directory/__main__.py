"""Check the partner directory from the command line (run from the repository root):

    python -m hooks.directory [folder] [--today YYYY-MM-DD]

Exit status 1 when any file has an error; warnings alone do not fail.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .validate import load_directory


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-05-31") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.directory",
                                     description="Check the partner directory files against directory/schema.json.")
    parser.add_argument("folder", nargs="?", default="directory", type=Path,
                        help="folder with one <id>.yml per actor (default: directory)")
    parser.add_argument("--today", type=_day, default=date.today(),
                        help="date to compare review dates with, YYYY-MM-DD (default: today)")
    args = parser.parse_args(argv)
    # Names like Borgå must not crash a console that is not UTF-8.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")

    result = load_directory(args.folder, args.today)
    for problem in result.errors + result.warnings:
        print(problem, end="\n\n")
    verdict = "FAILED" if result.errors else "OK"
    print(f"{verdict}: checked {result.files_checked} files in {args.folder}: "
          f"{len(result.errors)} error(s), {len(result.warnings)} warning(s).")
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
