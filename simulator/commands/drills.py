"""``hotseat drills list``: the pressure drills on offer, each with its one-line description.

A drill is chosen for a session with ``hotseat practice --drill NAME``; docs/DRILLS.md
describes them. Only the pure core is imported: listing needs no audio or storage.
"""

from __future__ import annotations

import argparse

from simulator.commands.common import EXIT_OK, print_json
from simulator.core.drills import DRILLS, INTENSITIES


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "drills",
        help="list the pressure drills and what each one does",
        description="Pressure drills: what the interviewer and the room do during an answer.",
    )
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="every drill with its description")
    listing.add_argument("--json", action="store_true", help="print JSON for programs")
    listing.set_defaults(handler=run_list)


def run_list(args: argparse.Namespace) -> int:
    rows = [{"name": drill.name, "description": drill.description} for drill in DRILLS]
    if args.json:
        print_json(rows)
        return EXIT_OK
    width = max(len(row["name"]) for row in rows)
    for row in rows:
        print(f"{row['name']:<{width}}  {row['description']}")
    levels = ", ".join(f"{number} {name}" for number, name in INTENSITIES.items())
    print(f"\nIntensities: {levels}.")
    return EXIT_OK
