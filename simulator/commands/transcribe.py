"""``hotseat transcribe FILE.wav``: the recognisers on a file, for people and for tests.

A file with no speech in it is transcribed successfully to nothing: the command exits 0 and
says on stderr that no speech was recognised, so a person is not left with a blank line.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from simulator import paths
from simulator.commands.common import EXIT_OK, error_line, print_json
from simulator.commands.progress import StderrProgress
from simulator.commands.sound_files import FORMATS, check_not_empty, check_sound_file
from simulator.speech.stt import RecognizerFactory, transcribe_wav


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("transcribe", help="transcribe a recording offline")
    parser.add_argument("file", type=Path, help=f"a {FORMATS} file (any rate or channel count)")
    parser.add_argument(
        "--engine",
        choices=["auto", "vosk", "pocketsphinx"],
        default="auto",
        help="the recogniser; auto uses Vosk when a model is installed, else PocketSphinx "
        "(default: auto)",
    )
    parser.add_argument(
        "--model", help="a Vosk model folder (default: the installed model found first)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON with word timings")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from simulator.audio.wav import wav_duration

    check_sound_file(args.file)
    factory = RecognizerFactory(args.engine, args.model, paths.layout().models_dir)
    check_not_empty(args.file, wav_duration(args.file))
    progress = StderrProgress()
    try:
        transcript = transcribe_wav(
            args.file, factory, lambda done, total: progress("transcribing", done, total)
        )
    finally:
        progress.finish()
    if args.json:
        print_json(transcript.to_json())
    elif transcript.text:
        print(transcript.text)
    if not transcript.text:
        error_line(f"no speech was recognised in {args.file.name}")
    return EXIT_OK
