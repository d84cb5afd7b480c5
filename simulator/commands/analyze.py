"""``hotseat analyze``: answer analytics for a WAV file, a saved answer, or every saved answer.

``hotseat analyze FILE.wav`` transcribes the file and analyses it; ``--answer ID`` analyses a
saved answer from its recording and stored transcript and saves the result; ``--all``
recomputes the saved analyses older than this version of the rules (all of them with
``--force``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from simulator import paths
from simulator.commands.common import EXIT_OK, EXIT_USAGE, CommandError, print_json


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
        default="free",
        help="the answer structure to look for in FILE (default: free, none)",
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


def _question(pack_id: str, question_id: str) -> Any:
    """The question an answer was given to, from the packs installed now (None if gone).

    A session drawn from several packs records its pack as "mix", and a pack may have been
    removed since: then the question is looked up by its id in every pack, if only one has it.
    """
    from simulator.library import load_library

    library = load_library(paths.builtin_packs_dir(), paths.layout().packs_dir)
    matches = [
        (pack.id, question)
        for pack in library.packs
        for question in pack.questions
        if question.id == question_id
    ]
    in_its_pack = [question for owner, question in matches if owner == pack_id]
    if in_its_pack:
        return in_its_pack[0]
    return matches[0][1] if len(matches) == 1 else None


def _analyse_saved(
    answer: dict[str, Any], pack_id: str, targets: Any, progress: Any = None
) -> dict[str, Any]:
    from simulator.analysis_service import analyze_question_answer
    from simulator.core.transcript import Transcript

    if answer.get("transcript") is None:
        raise CommandError(f"answer {answer['id']} has no transcript yet")
    try:
        wav = paths.layout().absolute(answer["audio_path"])
    except ValueError as error:  # a row naming a file outside the data folder: refused alone
        raise CommandError(f"answer {answer['id']} cannot be analysed: {error}") from None
    if not wav.is_file():
        raise CommandError(f"the recording of answer {answer['id']} is missing: {wav}")
    transcript = Transcript.from_json(
        {
            "words": answer["words"],
            "engine": answer.get("engine") or "",
            "model": answer.get("model") or "",
            "duration_s": answer.get("duration_s") or 0.0,
        }
    )
    question = _question(pack_id, answer["question_id"])
    return analyze_question_answer(wav, transcript, question, targets, progress)


def _run_answer(args: argparse.Namespace, targets: Any) -> int:
    from simulator.commands.progress import StderrProgress
    from simulator.core.analysis import ANALYSIS_VERSION

    with _open_store() as store:
        answer = store.get_answer(args.answer)
        if answer is None:
            raise CommandError(f"no answer with id {args.answer}")
        session = store.get_session(answer["session_id"])
        progress = StderrProgress()
        try:
            report = _analyse_saved(
                answer, session["pack_id"] if session else "", targets, progress
            )
        finally:
            progress.finish()
        store.set_analysis(answer["id"], report, ANALYSIS_VERSION)
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
    with _open_store() as store:
        for row in store.list_sessions():
            session = store.get_session(row["id"])
            if session is None:
                continue
            for answer in session["answers"]:
                current = answer.get("analysis_version") or 0
                if current >= ANALYSIS_VERSION and not args.force:
                    continue
                try:
                    report = _analyse_saved(answer, session["pack_id"], targets)
                except CommandError as error:
                    skipped.append({"answer_id": answer["id"], "reason": str(error)})
                    continue
                store.set_analysis(answer["id"], report, ANALYSIS_VERSION)
                done.append(answer["id"])
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
