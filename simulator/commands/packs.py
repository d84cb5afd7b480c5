"""``hotseat packs list|validate``: the question library from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator import paths
from simulator.commands.common import EXIT_FAILED, EXIT_OK, print_json
from simulator.core.packs import PackError, load_pack
from simulator.library import load_library


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("packs", help="list and validate question packs")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="built-in and user packs")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    validate = actions.add_parser("validate", help="check pack files; exit 1 if any is invalid")
    validate.add_argument("paths", type=Path, nargs="+")
    validate.set_defaults(handler=run_validate)


def run_list(args: argparse.Namespace) -> int:
    library = load_library(paths.builtin_packs_dir(), paths.layout().packs_dir)
    rows = [
        {
            "id": pack.id,
            "title": pack.title,
            "questions": len(pack.questions),
            "language": pack.language,
            "source": pack.source,
            "tags": list(pack.tags),
        }
        for pack in library.packs
    ]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(
                f"{row['id']:<30} {row['questions']:>4} questions  {row['language']}  "
                f"{row['source']:<8}  {row['title']}"
            )
    for problem in library.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    failed = False
    for path in args.paths:
        try:
            pack = load_pack(path)
        except PackError as error:
            failed = True
            for problem in error.problems:
                print(problem, file=sys.stderr)
            continue
        print(f"{path}: ok ({len(pack.questions)} questions)")
    return EXIT_FAILED if failed else EXIT_OK
