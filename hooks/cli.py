"""One small command for the site: build, serve, validate.

    python -m hooks build [--output site]   build everything; publish only if all checks pass
    python -m hooks serve [--port 8000]     build, then serve the built site on localhost
    python -m hooks validate                check the partner directory, the goals and the statistics
"""
from __future__ import annotations

import argparse
import functools
import http.server
import sys
from pathlib import Path

from hooks.atomic_build import BuildFailed, build

REPO = Path(__file__).resolve().parent.parent


def cmd_build(args) -> int:
    try:
        out = build(REPO, Path(args.output))
    except BuildFailed as error:
        print(f"\nBUILD FAILED: {error}\nThe published site in '{args.output}' was left unchanged.",
              file=sys.stderr)
        return 1
    print(f"Site built and published to {out}")
    return 0


def cmd_serve(args) -> int:
    if cmd_build(args) != 0:
        return 1
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=args.output)
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(f"Serving the built site at http://127.0.0.1:{args.port}/ (Ctrl+C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


def cmd_validate(args) -> int:
    from datetime import date

    from hooks.directory import load_directory
    from hooks.directory.__main__ import main as validate_main
    from hooks.goals.load import load_goals
    from hooks.statistics.load import load_statistics
    status = validate_main([str(REPO / "directory")])
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("build", help="build and publish the site atomically")
    p.add_argument("--output", default=str(REPO / "site"))
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("serve", help="build, then serve the built site locally")
    p.add_argument("--output", default=str(REPO / "site"))
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_serve)
    p = sub.add_parser("validate", help="check the partner directory, the goals and the statistics")
    p.set_defaults(func=cmd_validate)
    args = parser.parse_args(argv)
    return args.func(args)
