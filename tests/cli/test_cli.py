"""The `hotseat` command's subcommands: outputs, exit codes, and one-line errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from simulator.core.packs import load_pack
from simulator.library.exchange import read_csv_pack
from tests.support.cli import run

if TYPE_CHECKING:
    from simulator.commands.practice import SessionOptions

GOOD = """[pack]
id = "my-pack"
title = "Mine"

[[questions]]
id = "why"
text = "Why do you want this role?"
category = "motivation"
follow_ups = ["And why now?"]
"""

CSV = """text,category,framework,difficulty,answer_min,answer_max,follow_ups,tips
"Tell me about a conflict, and how it ended.",conflict,STAR,2,60,120,\
What did you say?|Who decided?,Name the stakes first.
What motivates you?,motivation,free,1,30,60,,
"""


def test_validate_reports_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.toml"
    good.write_text(GOOD)
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace('category = "motivation"', 'category = "motivaton"'))
    assert run(capsys, "packs", "validate", str(good))[0] == 0
    code, out, err = run(capsys, "packs", "validate", str(good), str(bad))
    assert code == 1
    assert f"{bad}:8: unknown category 'motivaton'" in err
    assert "good.toml: ok (1 questions)" in out


def test_csv_import_list_export_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "team-questions.csv"
    source.write_text(CSV)
    code, out, _ = run(capsys, "packs", "import", str(source))
    assert code == 0, out
    code, out, _ = run(capsys, "packs", "list", "--json")
    mine = [p for p in json.loads(out) if p["source"] == "user"]
    assert mine == [
        {
            "id": "team-questions",
            "title": "Team questions",
            "questions": 2,
            "language": "en",
            "source": "user",
            "tags": [],
        }
    ]
    # A second import of the same id is refused unless --replace.
    code, _, err = run(capsys, "packs", "import", str(source))
    assert code == 1 and "--replace" in err
    assert run(capsys, "packs", "import", str(source), "--replace")[0] == 0

    exported_toml = tmp_path / "out.toml"
    exported_csv = tmp_path / "team-questions-copy.csv"
    assert run(capsys, "packs", "export", "team-questions", str(exported_toml))[0] == 0
    assert run(capsys, "packs", "export", "team-questions", str(exported_csv))[0] == 0
    original = read_csv_pack(source)
    assert load_pack(exported_toml).questions == original.questions
    assert read_csv_pack(exported_csv).questions == original.questions
    first = original.questions[0]
    assert first.follow_ups == ("What did you say?", "Who decided?")
    assert first.answer_seconds == (60, 120)


def test_csv_problems_name_the_csv_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "broken.csv"
    source.write_text(
        "text,category,difficulty,answer_min,answer_max\n"
        "Fine question?,conflict,2,60,120\n"
        "Bad band?,conflict,2,120,60\n"
        "Bad number?,conflict,hard,,\n"
        ",conflict,,,\n"
    )
    code, _, err = run(capsys, "packs", "import", str(source))
    assert code == 1
    assert f"{source}:3: 'answer_seconds' must be two increasing" in err
    assert f"{source}:4: 'difficulty' must be a whole number, not 'hard'" in err
    assert f"{source}:5: 'text' must not be empty" in err


def test_sessions_commands_on_an_empty_profile(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sessions", "list")
    assert code == 0 and "No sessions yet" in out
    assert json.loads(run(capsys, "sessions", "list", "--json")[1]) == []
    code, _, err = run(capsys, "sessions", "show", "42")
    assert code == 1 and err.strip() == "hotseat: no session with id 42"


def test_transcribe_failures_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "transcribe", str(tmp_path / "missing.wav"))
    assert code == 2 and len(err.strip().splitlines()) == 1
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"not a wav at all")
    code, _, err = run(capsys, "transcribe", str(junk))
    assert code == 1 and "junk.wav" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_practice_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "practice", "--no-gui")
    assert code == 2 and "--pack is required" in err
    code, _, err = run(capsys, "practice", "--no-gui", "--pack", "no-such-pack")
    assert code == 2 and "no pack with id 'no-such-pack'" in err


def test_a_missing_vosk_model_is_an_environment_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wav = tmp_path / "x.wav"
    wav.write_bytes(b"RIFF")
    code, _, err = run(capsys, "transcribe", str(wav), "--engine", "vosk")
    assert code == 2
    assert "model" in err.lower() and len(err.strip().splitlines()) == 1


def test_the_window_without_a_display_is_one_clear_line() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    result = subprocess.run(
        [sys.executable, "-m", "simulator"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith("hotseat: no display found")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_the_window_closes_cleanly_on_ctrl_c_or_sigterm(signum: int, hotseat_home: Path) -> None:
    env = {**os.environ, "HOTSEAT_HOME": str(hotseat_home), "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-m", "simulator"], env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        # Wait until the app has installed its handlers (the window is up by then). Python
        # catches SIGINT from the start, so only SIGTERM tells that the app's are in place.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not _catches(process.pid, signal.SIGTERM):
            time.sleep(0.05)
        assert _catches(process.pid, signal.SIGTERM)
        process.send_signal(signum)
        assert process.wait(timeout=30) == 0
        assert process.stderr is not None and "Traceback" not in process.stderr.read()
    finally:
        process.kill()


def _catches(pid: int, signum: int) -> bool:
    """Whether the process has a handler for ``signum`` (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) & (1 << (signum - 1)))
    return False


def test_practice_mix_of_an_unknown_category_exits_2_before_anything_starts(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from simulator.commands import practice

    def no_services(*_args: object) -> None:
        raise AssertionError("the services were built before the category was checked")

    monkeypatch.setattr(practice, "build_services", no_services)
    code, _, err = run(capsys, "practice", "--no-gui", "--mix", "conflict,no-such-category")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "no question has the category 'no-such-category'" in err
    assert "conflict" in err.split("known categories:")[1]
    code, _, err = run(capsys, "practice", "--no-gui", "--mix", "conflict", "--pack", "warm-up")
    assert code == 2 and "--pack or --mix" in err


def test_practice_mix_in_a_real_process_fails_fast(hotseat_home: Path) -> None:
    env = {**os.environ, "HOTSEAT_HOME": str(hotseat_home)}
    command = [sys.executable, "-m", "simulator", "practice", "--no-gui", "--mix", "nope"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert (
        result.stderr.strip().splitlines() == [result.stderr.strip().splitlines()[0]]
        and "category 'nope'" in result.stderr
    )
    assert result.stdout == ""


def test_practice_mix_hands_the_mixed_questions_to_the_session(
    capsys: pytest.CaptureFixture[str], practice_sessions: list[SessionOptions]
) -> None:
    argv = ["practice", "--no-gui", "--mix", "conflict,pressure", "--questions", "4"]
    code, _, err = run(capsys, *argv, "--seed", "3", "--answer-seconds", "45")
    assert code == 0, err
    (options,) = practice_sessions
    assert options.pack_id == "mix" and len(options.questions) == 4
    assert {q.category for q in options.questions} <= {"conflict", "pressure"}
    assert options.rules.time_limit_s == 45.0
