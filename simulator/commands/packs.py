"""``hotseat packs list|validate|import|export``: the question library from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator import paths
from simulator.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    print_json,
    terminal_safe,
)
from simulator.core.packs import PackError, PackProblem
from simulator.library import load_library
from simulator.library.exchange import export_pack, read_any_pack, save_user_pack


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "packs",
        help="list, validate, import and export question packs",
        description="The question packs: built-in ones and your own.",
    )
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="built-in and user packs")
    listing.add_argument("--json", action="store_true", help="print JSON for programs")
    listing.set_defaults(handler=run_list)
    validate = actions.add_parser(
        "validate", help="check pack files; exit 1 if any is invalid, 2 if one is missing"
    )
    validate.add_argument("paths", type=Path, nargs="+", help="pack files (.toml or .csv)")
    validate.set_defaults(handler=run_validate)
    importing = actions.add_parser("import", help="add a pack (TOML or CSV) to your packs")
    importing.add_argument("path", type=Path, help="a .toml or .csv pack file")
    importing.add_argument("--replace", action="store_true", help="overwrite your pack")
    importing.set_defaults(handler=run_import)
    export = actions.add_parser("export", help="write a pack out as TOML or CSV")
    export.add_argument("id", help="the pack id (see: hotseat packs list)")
    export.add_argument("path", type=Path, help="a .toml or .csv file")
    export.set_defaults(handler=run_export)


def run_list(args: argparse.Namespace) -> int:
    user_dir = paths.layout().packs_dir
    library = load_library(paths.builtin_packs_dir(), user_dir)
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
                terminal_safe(
                    f"{row['id']:<30} {row['questions']:>4} questions  {row['language']}  "
                    f"{row['source']:<8}  {row['title']}"
                )
            )
    for problem in library.problems:
        print(terminal_safe(f"skipped: {problem}"), file=sys.stderr)
    if not rows:
        # Say so, or an empty output looks like a hang or a broken install.
        print(
            f"No packs found (looked in {paths.builtin_packs_dir()} and {user_dir}).",
            file=sys.stderr,
        )
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    failed = missing = False
    for path in args.paths:
        # Only a missing path is a usage problem; a folder, a pipe or a device is refused by
        # the reader with what it is instead.
        if not path.exists():
            missing = True
            print(terminal_safe(f"{path}: no such file"), file=sys.stderr)
            continue
        try:
            pack = read_any_pack(path)
        except PackError as error:
            failed = True
            for problem in error.problems:
                print(terminal_safe(str(problem)), file=sys.stderr)
            continue
        print(terminal_safe(f"{path}: ok ({len(pack.questions)} questions)"))
    if missing:
        return EXIT_USAGE
    return EXIT_FAILED if failed else EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    if not args.path.exists():
        raise CommandError(f"no such file: {args.path}", EXIT_USAGE)
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
        raise CommandError(str(error.args[0]), EXIT_USAGE) from None
    try:
        export_pack(pack, args.path)
    except OSError as error:
        raise CommandError(f"cannot write {args.path}: {error.strerror}") from None
    print(f"Wrote '{pack.id}' to {args.path}")
    return EXIT_OK
