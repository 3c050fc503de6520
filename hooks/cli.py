"""One small command for the site: build, serve, validate.

    python -m hooks build-all [--output site]  build the whole site: the main programme at the root and
                                               every edition of every programme in programmes/; publish
                                               it only if every part builds and passes the checks
    python -m hooks build [--output site] [--config-file F]
                                               build one site or edition alone (default: mkdocs.yml)
    python -m hooks serve [--port 8000]        build-all, then serve the built site on localhost
    python -m hooks validate                   check every programme's partner directory,
                                               the goals and the statistics
    python -m hooks benchmark [--quick]        measure build cost, directory scale and page weight
                                               into BENCHMARKS.md (see hooks/benchmark/)
"""
from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from hooks.atomic_build import BuildFailed, build

REPO = Path(__file__).resolve().parent.parent


def _publish(args, make) -> int:
    try:
        out = make()
    except BuildFailed as error:
        print(f"\nBUILD FAILED: {error}\nThe published site in '{args.output}' was left unchanged.",
              file=sys.stderr)
        return 1
    print(f"Site built and published to {out}")
    return 0


def cmd_build(args) -> int:
    config_file = Path(args.config_file).resolve() if args.config_file else None
    return _publish(args, lambda: build(REPO, Path(args.output), config_file))


def cmd_build_all(args) -> int:
    from hooks.versioned_site import build_all
    return _publish(args, lambda: build_all(REPO, Path(args.output)))


def cmd_serve(args) -> int:
    if cmd_build_all(args) != 0:
        return 1
    from hooks.local_server import serve_folder
    with serve_folder(Path(args.output), port=args.port, quiet=False) as url:
        print(f"Serving the built site at {url} (Ctrl+C to stop)")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0


def cmd_validate(args) -> int:
    from datetime import date

    from hooks.directory import load_directory
    from hooks.directory.__main__ import main as validate_main
    from hooks.goals.load import load_goals
    from hooks.statistics.load import load_statistics
    from hooks.versioned_site import directories
    status = 0
    for folder in directories(REPO):
        print(f"== {folder.relative_to(REPO)}")
        status |= validate_main([str(folder)])
    checks = [("data/statistics/", lambda: load_statistics(REPO / "data" / "statistics").errors)]
    if status == 0:   # the goals refer to directory ids: check them against a directory without errors
        actors = {actor["id"] for actor in load_directory(REPO / "directory", date.today()).actors}
        goals = REPO / "data" / "goals.yml"
        checks.insert(0, ("data/goals.yml", lambda: load_goals(goals, actors, date.today()).errors))
    for name, check in checks:
        errors = check()
        for problem in errors:
            print(problem, end="\n\n")
        print(f"{'FAILED' if errors else 'OK'}: {name}: {len(errors)} error(s).")
        status = status or (1 if errors else 0)
    return status


def cmd_benchmark(args) -> int:
    import dataclasses

    from hooks.benchmark.run import QUICK, Settings, main as benchmark
    settings = QUICK if args.quick else Settings()
    if args.runs:
        settings = dataclasses.replace(settings, runs=args.runs)
    return benchmark(REPO, settings, Path(args.output))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("build-all", help="build and publish the whole site (every programme and edition)")
    p.add_argument("--output", default=str(REPO / "site"))
    p.set_defaults(func=cmd_build_all)
    p = sub.add_parser("build", help="build and publish one site or edition alone")
    p.add_argument("--output", default=str(REPO / "site"))
    p.add_argument("--config-file", help="the site's or edition's mkdocs.yml (default: mkdocs.yml)")
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("serve", help="build the whole site, then serve it locally")
    p.add_argument("--output", default=str(REPO / "site"))
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_serve)
    p = sub.add_parser("validate", help="check every programme's partner directory, the goals and the statistics")
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("benchmark", help="measure the build and the built site, write BENCHMARKS.md")
    p.add_argument("--quick", action="store_true", help="one run, small sizes: proves the command works")
    p.add_argument("--runs", type=int, help="runs per figure (default 3; --quick: 1)")
    p.add_argument("--output", default=str(REPO / "BENCHMARKS.md"))
    p.set_defaults(func=cmd_benchmark)
    args = parser.parse_args(argv)
    return args.func(args)
