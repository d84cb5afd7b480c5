"""``hotseat packs list|validate|import|export``: the question library from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator import paths
from simulator.commands.common import EXIT_FAILED, EXIT_OK, CommandError, print_json
from simulator.core.packs import PackError, PackProblem
from simulator.library import load_library
from simulator.packs_io import export_pack, read_any_pack, save_user_pack


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("packs", help="list and validate question packs")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="built-in and user packs")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    validate = actions.add_parser("validate", help="check pack files; exit 1 if any is invalid")
    validate.add_argument("paths", type=Path, nargs="+")
    validate.set_defaults(handler=run_validate)
    importing = actions.add_parser("import", help="add a pack (TOML or CSV) to your packs")
    importing.add_argument("path", type=Path)
    importing.add_argument("--replace", action="store_true", help="overwrite your pack")
    importing.set_defaults(handler=run_import)
    export = actions.add_parser("export", help="write a pack out as TOML or CSV")
    export.add_argument("id")
    export.add_argument("path", type=Path, help="a .toml or .csv file")
    export.set_defaults(handler=run_export)


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
    if not rows:
        where = f"{paths.builtin_packs_dir()} and {paths.layout().packs_dir}"
        print(f"no question packs found (looked in {where})", file=sys.stderr)
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    failed = False
    for path in args.paths:
        try:
            pack = read_any_pack(path)
        except PackError as error:
            failed = True
            for problem in error.problems:
                print(problem, file=sys.stderr)
            continue
        print(f"{path}: ok ({len(pack.questions)} questions)")
    return EXIT_FAILED if failed else EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    layout = paths.layout()
    library = load_library(paths.builtin_packs_dir(), layout.packs_dir)
    pack = read_any_pack(args.path)
    builtin = {p.id for p in library.packs if p.source == "built-in"}
    if pack.id in builtin:
        raise PackError(
            [
                PackProblem(
                    str(args.path),
                    None,
                    f"'{pack.id}' is the id of a built-in pack; give your pack another id",
                )
            ]
        )
    mine = {p.id for p in library.packs if p.source == "user"}
    target = save_user_pack(pack, layout.packs_dir, mine, args.replace)
    print(f"Imported '{pack.id}' ({len(pack.questions)} questions) to {target}")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    library = load_library(paths.builtin_packs_dir(), paths.layout().packs_dir)
    try:
        pack = library.get(args.id)
    except KeyError as error:
        raise CommandError(str(error.args[0])) from None
    try:
        export_pack(pack, args.path)
    except OSError as error:
        raise CommandError(f"cannot write {args.path}: {error.strerror}") from None
    print(f"Wrote '{pack.id}' to {args.path}")
    return EXIT_OK
