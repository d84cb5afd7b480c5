"""``hotseat models``: the Vosk models Hotseat can use, and installing one from a zip or the web."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator import paths
from simulator.commands.common import EXIT_OK, EXIT_USAGE, CommandError, print_json


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("models", help="list and install Vosk speech models")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="models found, and English models to download")
    listing.add_argument("--json", action="store_true")
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
    """A progress line on stderr, rewritten in place, at most once per percent."""

    def __init__(self, verb: str) -> None:
        self.verb = verb
        self.last = -1

    def __call__(self, done: int, total: int | None) -> None:
        if total:
            percent = done * 100 // total
            if percent == self.last:
                return
            self.last = percent
            text = f"{self.verb}: {percent}% of {total / 1e6:.0f} MB"
        else:
            text = f"{self.verb}: {done / 1e6:.0f} MB"
        print(f"\r{text}", end="", file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.last >= 0:
            print(file=sys.stderr)


def run_install(args: argparse.Namespace) -> int:
    from simulator.speech.stt.model_install import ENGLISH_MODELS, download_model, install_zip

    models_dir = paths.layout().models_dir
    source: str = args.source
    offers = {m.name: m for m in ENGLISH_MODELS}
    unpacking = _Meter("Unpacking")
    if Path(source).is_file():
        installed = install_zip(Path(source), models_dir, unpacking)
    elif source in offers or source.startswith(("http://", "https://")):
        url = offers[source].url if source in offers else source
        print(f"Downloading {url}", file=sys.stderr)
        downloading = _Meter("Downloading")
        installed = download_model(url, models_dir, downloading, unpacking=unpacking)
        downloading.end()
    else:
        raise CommandError(
            f"{source} is neither a file, a model name nor a web address; see: hotseat models list",
            EXIT_USAGE,
        )
    unpacking.end()
    print(f"Installed {installed.name} in {installed}")
    return EXIT_OK
