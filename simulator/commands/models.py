"""``hotseat models``: the Vosk models Hotseat can use, and installing one from a zip or the web."""

from __future__ import annotations

import argparse
import sys

from simulator import paths
from simulator.commands.common import EXIT_OK, print_json


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("models", help="list and install Vosk speech models")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="models found, and English models to download")
    listing.add_argument("--json", action="store_true", help="print JSON for programs")
    listing.set_defaults(handler=run_list)
    install = actions.add_parser(
        "install",
        help="install a model from a .zip file, by name (downloads it), or from a web address",
    )
    install.add_argument("source", help="FILE.zip, a name from 'hotseat models list', or a URL")
    install.set_defaults(handler=run_install)


def run_list(args: argparse.Namespace) -> int:
    from simulator.speech.errors import ModelError
    from simulator.speech.stt.model_install import ENGLISH_MODELS
    from simulator.speech.stt.models import check_vosk_model, vosk_model_search_paths

    found = []
    for path in vosk_model_search_paths(None, paths.layout().models_dir):
        try:
            check_vosk_model(path)
        except ModelError:
            continue
        found.append(str(path))
    offers = [{"name": m.name, "size_mb": m.size_mb, "about": m.about} for m in ENGLISH_MODELS]
    if args.json:
        print_json({"installed": found, "downloadable": offers})
        return EXIT_OK
    print("Installed (the first is used):" if found else "No Vosk model installed.")
    for folder in found:
        print(f"  {folder}")
    print("\nEnglish models to install with: hotseat models install NAME")
    for offer in offers:
        print(f"  {offer['name']:32} {offer['size_mb']:>5} MB  {offer['about']}")
    return EXIT_OK


class _Meter:
    """A progress line on stderr, rewritten in place, at most once per percent and stage."""

    def __init__(self) -> None:
        self.shown: tuple[str, int] | None = None

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if total:
            percent = done * 100 // total
            if self.shown == (stage, percent):
                return
            if self.shown and self.shown[0] != stage:
                print(file=sys.stderr)
            self.shown = (stage, percent)
            text = f"{stage}: {percent}% of {total / 1e6:.0f} MB"
        else:
            text = f"{stage}: {done / 1e6:.0f} MB"
        print(f"\r{text}", end="", file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.shown:
            print(file=sys.stderr)


def run_install(args: argparse.Namespace) -> int:
    from simulator.speech.stt.model_install import install_model

    meter = _Meter()
    try:
        installed = install_model(args.source, paths.layout().models_dir, meter)
    finally:
        meter.end()
    print(f"Installed {installed.name} in {installed}")
    return EXIT_OK
