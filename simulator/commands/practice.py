"""``hotseat practice``: a live session in the terminal, or the window preset to a pack.

The terminal mode drives the same SessionRunner as the window. People read the question and a
live transcript line; programs and tests read ``--events jsonl``: one JSON object per event,
flushed as it happens. Enter ends an answer, ``q`` + Enter ends the session, Ctrl-C too.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from types import FrameType
from typing import Any

from simulator import paths
from simulator.commands.common import EXIT_OK, EXIT_USAGE, CommandError, format_seconds
from simulator.core.plan import AnswerRules, choose_questions
from simulator.library import load_library
from simulator.ports import SessionOptions
from simulator.recovery import recover_all
from simulator.services import AppServices
from simulator.session import SessionRunner
from simulator.settings import SettingsFile
from simulator.speech.stt import transcribe_wav


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("practice", help="run a practice session")
    parser.add_argument("--no-gui", action="store_true", help="run in this terminal")
    parser.add_argument("--pack", help="the pack id (see: hotseat packs list)")
    parser.add_argument("--questions", type=int, default=None, help="how many questions")
    parser.add_argument("--engine", choices=["auto", "vosk", "pocketsphinx"])
    parser.add_argument("--model", help="a Vosk model folder")
    parser.add_argument("--input-device", help="microphone name or number")
    parser.add_argument(
        "--answer-seconds", type=float, help="time limit of each answer (default: band + 30 s)"
    )
    parser.add_argument(
        "--end-silence", type=float, help="seconds of quiet that end an answer (0: never)"
    )
    parser.add_argument("--seed", type=int, help="shuffle the questions with this seed")
    parser.add_argument("--events", choices=["jsonl"], help="print events as JSON lines")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.no_gui:
        from simulator.app import main as gui_main

        return gui_main([], pack_id=args.pack, questions=args.questions)
    if not args.pack:
        raise CommandError("--pack is required with --no-gui (see: hotseat packs list)", EXIT_USAGE)
    settings_file = SettingsFile(paths.settings_file())
    settings = settings_file.load()
    changes: dict[str, Any] = {}
    if args.engine:
        changes["engine"] = args.engine
    if args.model:
        changes["model_path"] = args.model
    if args.input_device:
        changes["input_device"] = args.input_device
    if args.end_silence is not None:
        changes["end_silence_s"] = args.end_silence
    settings = settings.with_changes(**changes)
    layout = paths.layout()
    library = load_library(paths.builtin_packs_dir(), layout.packs_dir)
    try:
        pack = library.get(args.pack)
    except KeyError as error:
        raise CommandError(str(error.args[0]), EXIT_USAGE) from None

    services = AppServices(settings, layout)
    try:
        return _practise(args, services, pack, settings.end_silence_s)
    finally:
        services.close()


def _practise(args: argparse.Namespace, services: AppServices, pack: Any, silence: float) -> int:
    jsonl = args.events == "jsonl"
    say = _Printer(quiet=jsonl)
    recognizers = services.recognizers  # a missing model fails here, before anything starts
    for message in recover_all(services.layout, lambda path: transcribe_wav(path, recognizers)):
        print(message, file=sys.stderr)
    device = services.microphone().check()
    say.line(f"Microphone: {device.name}")
    say.line(f"Loading the {recognizers.engine} recogniser ({recognizers.model})…")
    recognizers.preload()

    count = args.questions if args.questions is not None else 3
    questions = choose_questions(
        pack.questions, count, shuffle=args.seed is not None, seed=args.seed
    )
    if not questions:
        raise CommandError("no questions to ask (is --questions at least 1?)", EXIT_USAGE)
    rules = AnswerRules(end_silence_s=silence or None, time_limit_s=args.answer_seconds)
    options = SessionOptions(
        pack_id=pack.id,
        questions=questions,
        rules=rules,
        mode="terminal",
        settings={"engine": recognizers.engine, "model": recognizers.model, "seed": args.seed},
    )
    handler = _JsonLines() if jsonl else say.event
    runner = services.runner(options, handler)
    say.line(f'Pack "{pack.title}", {len(questions)} question(s).')
    say.line("Press Enter to end an answer; q and Enter to end the session.")
    return _run_with_keys(runner)


def _run_with_keys(runner: SessionRunner) -> int:
    """Run the session on a worker thread while this thread handles keys and Ctrl-C."""
    failure: list[BaseException] = []

    def work() -> None:
        try:
            runner.run()
        except BaseException as error:
            failure.append(error)

    worker = threading.Thread(target=work, name="session", daemon=True)

    def on_interrupt(_signum: int, _frame: FrameType | None) -> None:
        runner.abort()

    previous = signal.signal(signal.SIGINT, on_interrupt)
    if sys.stdin is not None and sys.stdin.isatty():
        threading.Thread(target=_read_keys, args=(runner,), daemon=True).start()
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.2)
    finally:
        signal.signal(signal.SIGINT, previous)
    if failure:
        raise failure[0]
    return EXIT_OK


def _read_keys(runner: SessionRunner) -> None:
    for line in sys.stdin:
        if line.strip().lower() in {"q", "quit", "exit"}:
            runner.abort()
            return
        runner.stop_answer()


class _JsonLines:
    """Writes each event as one JSON line, flushed at once so readers see it live."""

    def __call__(self, event: dict[str, Any]) -> None:
        if event["type"] == "level":
            return
        sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
        sys.stdout.flush()


class _Printer:
    """Human-readable progress on the terminal."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.tty = sys.stdout.isatty()
        self._partial = ""

    def line(self, text: str) -> None:
        if not self.quiet:
            self._end_partial()
            print(text, flush=True)

    def _end_partial(self) -> None:
        if self._partial:
            sys.stdout.write("\n")
            self._partial = ""

    def event(self, event: dict[str, Any]) -> None:
        kind = event["type"]
        if kind == "question_started":
            low, high = event["answer_seconds"]
            self.line("")
            self.line(f"Question {event['index'] + 1} of {event['count']}: {event['text']}")
            self.line(f"  Target {format_seconds(low)}–{format_seconds(high)}.")
        elif kind == "prep_started":
            self.line(f"  {event['seconds']} s to prepare (Enter to start now)…")
        elif kind == "recording_started":
            self.line("  Recording. Speak now.")
        elif kind == "partial" and self.tty:
            text = event["text"][-70:]
            sys.stdout.write("\r  > " + text.ljust(len(self._partial)))
            sys.stdout.flush()
            self._partial = text
        elif kind == "answer_ended":
            self.line(f"  Answer ended ({event['reason'].replace('_', ' ')}); transcribing…")
        elif kind == "answer_saved":
            self.line(f"  Saved {format_seconds(event['duration_s'])}: {event['transcript']}")
        elif kind == "answer_analyzed":
            for finding in event["analysis"].get("findings", []):
                self.line(f"    - {finding['message']}")
        elif kind in {"warning", "error"}:
            self.line(f"  {kind.title()}: {event['message']}")
        elif kind == "session_saved":
            self.line("")
            self.line(
                f"Session {event['session_id']} saved ({event['status']}, "
                f"{event['answers']} answer(s)). Review: hotseat sessions show "
                f"{event['session_id']}"
            )
