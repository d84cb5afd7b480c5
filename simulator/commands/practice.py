"""``hotseat practice``: a live session in the terminal, or the window preset to a pack.

The terminal mode drives the same SessionRunner as the window. People read the question and a
live transcript line; programs and tests read ``--events jsonl``: one JSON object per event,
flushed as it happens. Enter ends an answer; ``q`` + Enter asks, and a second ``q`` + Enter ends
the session; Ctrl-C and SIGTERM end it too, keeping what was recorded.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from types import FrameType
from typing import Any

from simulator import paths
from simulator.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    error_line,
    non_negative_float,
    positive_float,
    positive_int,
)
from simulator.commands.practice_output import _JsonLines, _Printer
from simulator.commands.stderr_filter import without_portaudio_noise
from simulator.core import events as ev
from simulator.core.drills import UnknownDrillError, get_drill
from simulator.library import load_library
from simulator.records.recovery import recover_unfinished
from simulator.services import Services, build_services
from simulator.session import SessionRunner
from simulator.session.ports import SessionOptions
from simulator.session.setup import SessionRequest, UnknownCategoryError, session_options
from simulator.settings import SettingsFile


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "practice",
        help="run a practice session (the window, or this terminal with --no-gui)",
        description=(
            "Practise answering interview questions. Without --no-gui this opens the window "
            "with the pack and count preset. With --no-gui the session runs in this terminal: "
            "the questions are spoken, Enter ends an answer, q and Enter ends the session "
            "(after asking), and every answer is recorded, transcribed, analysed and saved."
        ),
    )
    parser.add_argument("--no-gui", action="store_true", help="run in this terminal")
    parser.add_argument(
        "--pack", help="the pack id (see: hotseat packs list); required with --no-gui"
    )
    parser.add_argument(
        "--mix",
        type=_categories,
        metavar="CATEGORY[,CATEGORY...]",
        help="with --no-gui, instead of --pack: questions of these categories drawn from "
        "every pack (see: hotseat packs list)",
    )
    parser.add_argument(
        "--questions",
        type=positive_int,
        default=None,
        help="how many questions (default: 3 in the terminal; your Settings in the window)",
    )
    parser.add_argument(
        "--engine",
        choices=["auto", "vosk", "pocketsphinx"],
        help="the speech recogniser; auto uses Vosk when a model is installed, else "
        "PocketSphinx (default: your Settings, auto unless changed)",
    )
    parser.add_argument(
        "--model", help="a Vosk model folder (default: your Settings, else found automatically)"
    )
    parser.add_argument(
        "--input-device",
        help="microphone name or number (default: your Settings, else the system's default)",
    )
    parser.add_argument(
        "--answer-seconds",
        type=positive_float,
        help="time limit of each answer in seconds (default: the question's longest length + 30 s)",
    )
    parser.add_argument(
        "--end-silence",
        type=non_negative_float,
        help="seconds of quiet that end an answer, 0 for never (default: your Settings)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        help="shuffle the questions with this seed (default: pack order); with --drill, the "
        "drill's choices come from it too (default: a random seed, saved with the session)",
    )
    parser.add_argument(
        "--drill",
        metavar="NAME",
        help="with --no-gui: pressure mode, the interviewer cuts in, the room distracts "
        "(see: hotseat drills list)",
    )
    parser.add_argument(
        "--intensity",
        type=int,
        choices=[1, 2, 3],
        default=2,
        help="with --drill: 1 gentle, 2 realistic, 3 hard (default: 2)",
    )
    parser.add_argument(
        "--events",
        choices=["jsonl"],
        help="print events as JSON lines for programs instead of text (default: text)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.mix is not None and not args.no_gui:
        raise CommandError("--mix works with --no-gui (the window has its own mix)", EXIT_USAGE)
    if args.drill is not None and not args.no_gui:
        raise CommandError(
            "--drill works with --no-gui (the window has its own picker)", EXIT_USAGE
        )
    if args.drill is not None:
        try:
            get_drill(args.drill)
        except UnknownDrillError as error:
            raise CommandError(str(error), EXIT_USAGE) from None
    if args.pack and args.mix is not None:
        raise CommandError("choose --pack or --mix, not both", EXIT_USAGE)
    if not args.no_gui:
        from simulator.app import main as gui_main

        return gui_main([], pack_id=args.pack, questions=args.questions)
    if not args.pack and args.mix is None:
        raise CommandError(
            "--pack is required with --no-gui, or --mix (see: hotseat packs list)", EXIT_USAGE
        )
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
    request = SessionRequest(
        pack_id=args.pack,
        questions=args.questions if args.questions is not None else 3,
        categories=args.mix,
        shuffle=args.seed is not None,
        seed=args.seed,
        end_silence_s=settings.end_silence_s,
        time_limit_s=args.answer_seconds,
        mode="terminal",
    )
    try:  # a wrong pack or category fails here, before anything slow starts
        options = session_options(library.packs, request)
    except KeyError as error:
        raise CommandError(str(error.args[0]), EXIT_USAGE) from None
    except UnknownCategoryError as error:
        raise CommandError(str(error), EXIT_USAGE) from None
    if not options.questions:
        raise CommandError("no questions to ask (is --questions at least 1?)", EXIT_USAGE)
    if args.drill is not None:
        options.drill, options.intensity, options.seed = args.drill, args.intensity, args.seed
    title = f'Pack "{library.get(args.pack).title}"' if args.pack else "Mixed questions"

    with without_portaudio_noise():
        services = build_services(settings, layout)
        try:
            return _practise(args, services, options, title)
        finally:
            services.close()


def _practise(
    args: argparse.Namespace, services: Services, options: SessionOptions, title: str
) -> int:
    jsonl = args.events == "jsonl"
    say = _Printer(quiet=jsonl)
    if options.drill is not None and not jsonl:  # JSON lines carry the analyses themselves
        from simulator.records.pressure_history import earlier_summaries

        say.earlier = lambda session_id: earlier_summaries(services.layout, session_id)
    recognizers = services.sessions.recognizers  # a missing model fails here, first
    for message in recover_unfinished(services.layout, services.settings, recognizers):
        print(message, file=sys.stderr)
    say.line(f"Microphone: {services.microphones.check_microphone()}")
    say.line(f"Loading the {recognizers.engine} recogniser ({recognizers.model})…")
    recognizers.preload()

    options.settings = {
        "engine": recognizers.engine,
        "model": recognizers.model,
        "seed": args.seed,
    }
    outcome = _Outcome(_JsonLines() if jsonl else say.event)
    runner = services.sessions.runner(options, outcome)
    say.line(f"{title}, {len(options.questions)} question(s).")
    say.line("Press Enter to end an answer; q and Enter to end the session.")
    return _run_with_keys(runner, outcome, say.prompt)


def _categories(text: str) -> tuple[str, ...]:
    """``--mix``'s value: categories separated by commas, at least one."""
    categories = tuple(part.strip() for part in text.split(",") if part.strip())
    if not categories:
        raise argparse.ArgumentTypeError("name at least one category, e.g. behavioral,technical")
    return categories


# Shown when q is typed: the session ends only when it is typed twice, like Esc in the window.
CONFIRM_END = "End the interview? Press q and Enter again to end, Enter to go on."


def _run_with_keys(runner: SessionRunner, outcome: _Outcome, prompt: Callable[[str], None]) -> int:
    """Run the session on a worker thread while this thread handles keys and signals."""
    failure: list[BaseException] = []

    def work() -> None:
        try:
            runner.run()
        except BaseException as error:
            failure.append(error)

    worker = threading.Thread(target=work, name="session", daemon=True)
    stopped_by: list[signal.Signals] = []

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        # End the session the way q does: the answer so far is transcribed and saved.
        stopped_by.append(signal.Signals(signum))
        runner.abort()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    if sys.stdin is not None and sys.stdin.isatty():
        threading.Thread(target=read_keys, args=(runner, sys.stdin, prompt), daemon=True).start()
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.2)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if failure:
        raise failure[0]
    if signal.SIGTERM in stopped_by:
        # 143 (128 + SIGTERM) is what a shell and a service manager expect after SIGTERM.
        error_line("stopped by SIGTERM; the session so far was saved")
        return 128 + signal.SIGTERM
    if outcome.errors:
        # The session ended early (the microphone stopped): what was recorded is saved, but
        # the run did not do what was asked.
        raise CommandError(outcome.errors[-1], EXIT_FAILED)
    return EXIT_OK


def read_keys(runner: SessionRunner, lines: Iterable[str], prompt: Callable[[str], None]) -> None:
    """Enter ends the answer; q and Enter asks first, and a second q ends the session."""
    confirming = False
    for line in lines:
        wants_end = line.strip().lower() in {"q", "quit", "exit"}
        if confirming:
            confirming = False
            if wants_end:
                runner.abort()
                return
            prompt("Going on.")
        elif wants_end:
            confirming = True
            prompt(CONFIRM_END)
        else:
            runner.stop_answer()


class _Outcome:
    """Passes each event on, and remembers the errors that ended the session early."""

    def __init__(self, handler: Callable[[ev.SessionEvent], None]) -> None:
        self.handler = handler
        self.errors: list[str] = []

    def __call__(self, event: ev.SessionEvent) -> None:
        if isinstance(event, ev.ErrorEvent):
            self.errors.append(event.message)
        self.handler(event)
