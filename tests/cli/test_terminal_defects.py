"""The terminal as a new user meets it: exit codes, help, argument checks and messages.

Each test runs ``python -m simulator`` as a subprocess, so what is checked is what a user sees,
C libraries' own stderr output included.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from simulator.cli import build_parser
from tests.support.saved_sessions import save_session
from tests.support.speech_samples import flite_wav


def hotseat(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def write_wav(path: Path, samples: bytes) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(samples)
    return path


# --- exit codes agree with the README: 2 for usage or environment problems --------------------


def test_an_unknown_pack_is_a_usage_problem_in_export_as_in_practice(tmp_path: Path) -> None:
    result = hotseat("packs", "export", "no-such-pack", str(tmp_path / "out.csv"))
    assert result.returncode == 2
    assert "no pack with id 'no-such-pack'" in one_line(result.stderr)


@pytest.mark.parametrize(
    "command",
    [
        ["transcribe"],
        ["analyze"],
        ["packs", "import"],
        ["packs", "validate"],
    ],
)
def test_a_missing_input_file_is_a_usage_problem(command: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.wav"
    result = hotseat(*command, str(missing))
    assert result.returncode == 2, result.stderr
    assert "no such file" in one_line(result.stderr)


# --- arguments are checked before anything slow ----------------------------------------------


@pytest.mark.parametrize("count", ["0", "-3"])
def test_a_question_count_below_one_is_refused_by_the_argument_parser(count: str) -> None:
    result = hotseat("practice", "--no-gui", "--pack", "behavioral-core", "--questions", count)
    assert result.returncode == 2
    # argparse's own message: nothing (microphone, recogniser) was looked at before it.
    assert f"argument --questions: must be at least 1, not {count}" in result.stderr
    assert "microphone" not in result.stderr.lower()


@pytest.mark.parametrize(("option", "value"), [("--answer-seconds", "0"), ("--end-silence", "-1")])
def test_other_numbers_are_checked_by_the_argument_parser(option: str, value: str) -> None:
    result = hotseat("practice", "--no-gui", "--pack", "behavioral-core", option, value)
    assert result.returncode == 2
    assert f"argument {option}:" in result.stderr


# --- help ------------------------------------------------------------------------------------


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _every_parser(
    parser: argparse.ArgumentParser, name: str = "hotseat"
) -> list[tuple[str, argparse.ArgumentParser]]:
    found = [(name, parser)]
    for sub_name, sub in _subparsers(parser).items():
        found.extend(_every_parser(sub, f"{name} {sub_name}"))
    return found


def test_every_argument_of_every_command_has_help() -> None:
    missing = [
        f"{name}: {action.dest}"
        for name, parser in _every_parser(build_parser())
        for action in parser._actions
        if not isinstance(action, argparse._HelpAction | argparse._SubParsersAction)
        and not action.help
    ]
    assert missing == []


def test_the_top_level_help_names_what_each_command_group_does() -> None:
    parser = build_parser()
    top = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    summaries = {choice.dest: choice.help or "" for choice in top._choices_actions}
    for command, sub in _subparsers(parser).items():
        for action in _subparsers(sub):
            assert action in summaries[command], f"'{command}' help does not mention {action}"


def test_practice_help_has_a_description_and_the_defaults() -> None:
    result = hotseat("practice", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "Practise answering interview questions" in text
    assert "how many questions (default: 3 in the terminal" in text
    assert "PocketSphinx (default:" in text


# --- sessions show ---------------------------------------------------------------------------


def test_sessions_show_gives_answer_ids_lengths_and_findings(tmp_path: Path) -> None:
    wav = write_wav(tmp_path / "answer.wav", b"\x00\x00" * 16000 * 6)
    session_id = save_session("2026-01-01T10:00:00", "behavioral-core", wav)
    from simulator import paths
    from simulator.store import Store

    with Store(paths.layout().db_path) as store:
        answer = store.get_session(session_id)["answers"][0]  # type: ignore[index]
    result = hotseat("sessions", "show", str(session_id))
    assert result.returncode == 0, result.stderr
    assert f"answer {answer['id']} · 0:06 ·" in result.stdout
    findings = answer["analysis"]["findings"]
    assert findings
    for finding in findings:
        assert f"   - {finding['message']}" in result.stdout


# --- transcribe and analyze on odd files -----------------------------------------------------


def test_transcribing_silence_says_no_speech_was_recognised(tmp_path: Path) -> None:
    silent = write_wav(tmp_path / "silent.wav", b"\x00\x00" * 16000 * 2)
    result = hotseat("transcribe", str(silent), "--engine", "pocketsphinx")
    assert result.returncode == 0
    assert result.stdout == ""
    assert one_line(result.stderr) == "hotseat: no speech was recognised in silent.wav"


def test_transcribing_speech_prints_it_and_nothing_on_stderr(tmp_path: Path) -> None:
    text = "i asked my teammate to explain her plan and then we tested both ideas together"
    spoken = flite_wav(text, tmp_path / "spoken.wav")
    result = hotseat("transcribe", str(spoken), "--engine", "pocketsphinx")
    assert result.returncode == 0, result.stderr
    assert "plan" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("command", ["transcribe", "analyze"])
def test_a_text_file_named_mp3_is_one_clear_line(command: str, tmp_path: Path) -> None:
    fake = tmp_path / "notes.mp3"
    fake.write_text("these are my notes, not a recording\n" * 20)
    result = hotseat(command, str(fake), "--engine", "pocketsphinx")
    assert result.returncode == 1
    line = one_line(result.stderr)  # no "Illegal Audio-MPEG-Header" notes from the decoder
    assert line == (
        "hotseat: notes.mp3 is not a readable sound file (Hotseat reads WAV, FLAC, OGG or MP3 "
        "files)"
    )


@pytest.mark.parametrize("command", ["transcribe", "analyze"])
def test_a_pipe_or_a_folder_is_refused_without_reading(command: str, tmp_path: Path) -> None:
    pipe = tmp_path / "answer.wav"
    os.mkfifo(pipe)  # no writer: opening it to read would wait forever
    folder = tmp_path / "takes.wav"
    folder.mkdir()
    for path in (pipe, folder):
        result = hotseat(command, str(path), "--engine", "pocketsphinx")
        assert result.returncode == 1
        assert one_line(result.stderr) == (
            f"hotseat: {path.name} is not a readable sound file (Hotseat reads WAV, FLAC, OGG "
            "or MP3 files)"
        )


@pytest.mark.parametrize("command", ["transcribe", "analyze"])
def test_a_header_only_wav_is_called_an_empty_recording(command: str, tmp_path: Path) -> None:
    empty = write_wav(tmp_path / "empty.wav", b"")
    assert empty.stat().st_size == 44
    result = hotseat(command, str(empty), "--engine", "pocketsphinx")
    assert result.returncode == 1
    assert result.stdout == ""
    assert one_line(result.stderr) == (
        "hotseat: empty.wav is an empty recording: it holds no sound at all"
    )


def test_a_skipped_answer_reads_as_skipped_in_the_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from simulator.commands.practice import _Printer
    from simulator.core import events as ev
    from tests.support.events import make

    printer = _Printer(quiet=False)
    printer.event(make(ev.AnswerSaved, duration_s=7.4, transcript="", skipped=True))
    assert capsys.readouterr().out.strip() == "Skipped: nothing was said in 0:07."


def test_sessions_show_says_skipped_not_no_transcript(tmp_path: Path) -> None:
    from simulator import paths
    from simulator.store import Store

    wav = write_wav(tmp_path / "answer.wav", b"\x00\x00" * 16000 * 3)
    session_id = save_session("2026-01-01T10:00:00", "behavioral-core", wav)
    with Store(paths.layout().db_path) as store:
        answer_id = store.get_session(session_id)["answers"][0]["id"]  # type: ignore[index]
        store.finish_answer(
            answer_id,
            transcript="",
            words=[],
            engine="pocketsphinx",
            model="en-us",
            duration_s=3.0,
            skipped=True,
        )
    result = hotseat("sessions", "show", str(session_id))
    assert result.returncode == 0, result.stderr
    assert "   Skipped: nothing was said in this answer." in result.stdout
    assert "(no transcript)" not in result.stdout
