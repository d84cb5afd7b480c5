"""``hotseat analyze``: answer analytics for a WAV file, a saved answer, or every saved answer.

``hotseat analyze FILE.wav`` transcribes the file and analyses it; ``--answer ID`` analyses a
saved answer from its recording and stored transcript and saves the result; ``--all``
recomputes the saved analyses older than this version of the rules (all of them with
``--force``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator import paths
from simulator.commands.common import EXIT_OK, EXIT_USAGE, CommandError, print_json

if TYPE_CHECKING:
    from simulator.core.records import SavedAnswer, SavedSession


ALL_PROGRESS_FROM = 10  # answers: fewer are done before a progress line would help


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("analyze", help="measure pace, pauses, fillers and structure")
    parser.add_argument(
        "file",
        type=Path,
        nargs="?",
        help="a recording to transcribe and analyse (WAV, FLAC, OGG or MP3)",
    )
    parser.add_argument("--answer", type=int, help="analyse a saved answer by its id")
    parser.add_argument("--all", action="store_true", help="re-analyse saved answers")
    parser.add_argument("--force", action="store_true", help="with --all: every answer")
    parser.add_argument(
        "--engine",
        choices=["auto", "vosk", "pocketsphinx"],
        default="auto",
        help="the recogniser for FILE; auto uses Vosk when a model is installed, else "
        "PocketSphinx (default: auto)",
    )
    parser.add_argument(
        "--model", help="a Vosk model folder (default: the installed model found first)"
    )
    parser.add_argument(
        "--framework",
        choices=["STAR", "PEP", "CAR", "free"],
        default="auto",
        help="the answer structure to look for in FILE; free reads none (default: the one "
        "the answer fits best, or none)",
    )
    parser.add_argument(
        "--band", type=int, nargs=2, metavar=("LOW", "HIGH"), default=(60, 120),
        help="the answer length the question calls for, in seconds (default 60 120)",
    )  # fmt: skip
    parser.add_argument("--targets", type=Path, help="a JSON file overriding coaching targets")
    parser.add_argument("--json", action="store_true", help="print the analysis as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    chosen = sum([args.file is not None, args.answer is not None, args.all])
    if chosen != 1:
        raise CommandError("give exactly one of FILE.wav, --answer ID or --all", EXIT_USAGE)
    targets = _targets(args.targets)
    if args.file is not None:
        return _run_file(args, targets)
    if args.answer is not None:
        return _run_answer(args, targets)
    return _run_all(args, targets)


def _targets(path: Path | None) -> Any:
    """--targets FILE, else the user's targets.json in the data folder, else the defaults."""
    from simulator.analysis_service import load_targets
    from simulator.core.analysis import TargetsError

    chosen = path or paths.targets_file()
    try:
        targets = load_targets(chosen)
    except TargetsError as error:
        raise CommandError(str(error), EXIT_USAGE) from None
    if path is not None and targets is None:
        raise CommandError(f"cannot read {path}: no such file", EXIT_USAGE)
    return targets


def _run_file(args: argparse.Namespace, targets: Any) -> int:
    from simulator.analysis_service import transcribe_and_analyze
    from simulator.audio.wav import wav_duration
    from simulator.commands.progress import StderrProgress
    from simulator.commands.sound_files import check_not_empty, check_sound_file
    from simulator.speech.stt import RecognizerFactory

    low, high = args.band
    if not 0 < low < high:
        raise CommandError("--band needs two increasing positive numbers", EXIT_USAGE)
    check_sound_file(args.file)
    factory = RecognizerFactory(args.engine, args.model, paths.layout().models_dir)
    check_not_empty(args.file, wav_duration(args.file))
    progress = StderrProgress()
    try:
        # One read of the file, one decoder: the analysis hears the audio as it is transcribed.
        transcript, report = transcribe_and_analyze(
            args.file, factory, args.framework, (low, high), targets, progress
        )
    finally:
        progress.finish()
    report["transcript"] = transcript.text
    _show(report, args.json)
    return EXIT_OK


def _open_store() -> Any:
    from simulator.store import Store

    layout = paths.layout()
    if not layout.db_path.exists():
        raise CommandError("no saved answers yet; practise first with: hotseat")
    return Store(layout.db_path)


def _analyse_saved(
    answer: SavedAnswer, session: SavedSession | None, targets: Any, progress: Any = None
) -> dict[str, Any]:
    """A saved answer analysed again (records.reanalyse); a reason it cannot be, one line."""
    from simulator.records.reanalyse import ReanalysisError, reanalyse

    pack_id = session.pack_id if session is not None else ""
    drill_events = session.events if session is not None and session.drill else None
    try:
        return reanalyse(paths.layout(), answer, pack_id, targets, progress, drill_events)
    except ReanalysisError as error:
        raise CommandError(str(error)) from None


def _run_answer(args: argparse.Namespace, targets: Any) -> int:
    from simulator.commands.progress import StderrProgress
    from simulator.core.analysis import ANALYSIS_VERSION
    from simulator.store.records import read_answer, read_session

    with _open_store() as store:
        answer = read_answer(store, args.answer)
        if answer is None:
            raise CommandError(f"no answer with id {args.answer}")
        session = read_session(store, answer.session_id)
        progress = StderrProgress()
        try:
            report = _analyse_saved(answer, session, targets, progress)
        finally:
            progress.finish()
        store.set_analysis(answer.id, report, ANALYSIS_VERSION)
    _show(report, args.json)
    return EXIT_OK


def _run_all(args: argparse.Namespace, targets: Any) -> int:
    from simulator.core.analysis import ANALYSIS_VERSION

    done: list[int] = []
    skipped: list[dict[str, Any]] = []
    if not paths.layout().db_path.exists():
        # Nothing recorded yet is nothing to redo, not a failure.
        if args.json:
            print_json({"version": ANALYSIS_VERSION, "analysed": [], "skipped": []})
        else:
            print("No saved answers yet; practise first with: hotseat")
        return EXIT_OK
    from simulator.commands.progress import StderrProgress, count
    from simulator.store.records import read_session

    with _open_store() as store:
        todo = [
            (answer, session)
            for row in store.list_sessions()
            if (session := read_session(store, row["id"])) is not None
            for answer in session.answers
            if args.force or answer.analysis is None or not answer.analysis.is_current
        ]
        # Each answer takes up to a second: a line on stderr says how far a long run has got.
        progress = StderrProgress(show=count, terminal_from=ALL_PROGRESS_FROM, log_from=50)
        try:
            for finished, (answer, session) in enumerate(todo):
                progress("re-analysing answers", finished, len(todo))
                try:
                    report = _analyse_saved(answer, session, targets)
                except CommandError as error:
                    skipped.append({"answer_id": answer.id, "reason": str(error)})
                    continue
                store.set_analysis(answer.id, report, ANALYSIS_VERSION)
                done.append(answer.id)
            progress("re-analysing answers", len(todo), len(todo))
        finally:
            progress.finish()
    if args.json:
        print_json({"version": ANALYSIS_VERSION, "analysed": done, "skipped": skipped})
    else:
        print(f"Analysed {len(done)} answers (rules version {ANALYSIS_VERSION}).")
        for item in skipped:
            print(f"Skipped answer {item['answer_id']}: {item['reason']}")
    return EXIT_OK


def _show(report: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json(report)
        return
    print(
        f"{report['duration_s']:.1f} s, {report['words']} words, {report['wpm']:.0f} words a "
        f"minute ({report['articulation_wpm']:.0f} while speaking)"
    )
    if report.get("framework_picked"):
        print(_picked_line(report["structure"]["framework"]))
    for item in report["findings"]:
        print(f"- {item['message']}")
    if report["fillers"]:
        print(
            "Fillers: "
            + ", ".join(f"{f['text']} ({f['start_s']:.1f} s)" for f in report["fillers"])
        )
    if report["hedges"]:
        print(
            "Hedges: " + ", ".join(f"{h['text']} ({h['start_s']:.1f} s)" for h in report["hedges"])
        )
    if report["numbers"]:
        print("Figures: " + ", ".join(report["numbers"]))
    shares = report["i_we"]
    print(f"I {shares['i']:.0%} / we {shares['we']:.0%}")


def _picked_line(framework: str) -> str:
    """Which framework ``analyze FILE`` read the answer against, when it chose."""
    if framework == "free":
        return (
            "Framework: none seems to fit (no STAR, PEP or CAR parts found); "
            "--framework reads it as one."
        )
    return f"Framework: {framework}, the one this answer seems to fit best (--framework to choose)."
