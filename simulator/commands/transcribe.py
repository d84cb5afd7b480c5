"""``hotseat transcribe FILE.wav``: the recognisers on a file, for people and for tests."""

from __future__ import annotations

import argparse
from pathlib import Path

from simulator import paths
from simulator.commands.common import EXIT_OK, CommandError, print_json
from simulator.commands.progress import StderrProgress
from simulator.speech.stt import RecognizerFactory, transcribe_wav


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("transcribe", help="transcribe a recording offline")
    parser.add_argument(
        "file", type=Path, help="a WAV, FLAC, OGG or MP3 file (any rate or channel count)"
    )
    parser.add_argument("--engine", choices=["auto", "vosk", "pocketsphinx"], default="auto")
    parser.add_argument("--model", help="a Vosk model folder")
    parser.add_argument("--json", action="store_true", help="print JSON with word timings")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise CommandError(f"no such file: {args.file}")
    factory = RecognizerFactory(args.engine, args.model, paths.layout().models_dir)
    progress = StderrProgress()
    try:
        transcript = transcribe_wav(
            args.file, factory, lambda done, total: progress("transcribing", done, total)
        )
    finally:
        progress.finish()
    if args.json:
        print_json(transcript.to_json())
    else:
        print(transcript.text)
    return EXIT_OK
