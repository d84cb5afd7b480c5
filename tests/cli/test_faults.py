"""Faults met from the terminal: q typed by mistake, odd zips, a full disk."""

from __future__ import annotations

import os
import subprocess
import sys
import wave
import zipfile
from pathlib import Path

import pytest

from simulator.commands.practice import CONFIRM_END, read_keys
from tests.support.full_disk import fill, tiny_filesystem
from tests.support.saved_sessions import save_session


class Keys:
    """Records what the key reader asked the runner to do."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.prompts: list[str] = []

    def stop_answer(self) -> None:
        self.calls.append("stop_answer")

    def abort(self) -> None:
        self.calls.append("abort")


def test_q_asks_before_ending_and_enter_goes_on() -> None:
    keys = Keys()
    read_keys(keys, iter(["q\n", "\n", "\n"]), keys.prompts.append)  # type: ignore[arg-type]
    # The first Enter after q only answers the question; the next ends the answer as usual.
    assert keys.calls == ["stop_answer"]
    assert keys.prompts == [CONFIRM_END, "Going on."]
    assert CONFIRM_END == "End the interview? Press q and Enter again to end, Enter to go on."


def test_q_twice_ends_the_session() -> None:
    keys = Keys()
    read_keys(keys, iter(["\n", "q\n", "Q\n", "\n"]), keys.prompts.append)  # type: ignore[arg-type]
    assert keys.calls == ["stop_answer", "abort"]
    assert keys.prompts == [CONFIRM_END]


# --- model zips Python cannot unpack -----------------------------------------------------------


def _model_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as bundle:
        bundle.writestr("vosk-model-x/am/final.mdl", b"model" * 100)
        bundle.writestr("vosk-model-x/conf/model.conf", b"--x=1\n")
    return path


def _patch_entries(path: Path, flag_or: int = 0, method: int | None = None) -> None:
    """Set a general-purpose flag bit or the method in every local and central header."""
    data = bytearray(path.read_bytes())
    for signature, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            flags = int.from_bytes(data[start + flag_at : start + flag_at + 2], "little")
            data[start + flag_at : start + flag_at + 2] = (flags | flag_or).to_bytes(2, "little")
            if method is not None:
                data[start + method_at : start + method_at + 2] = method.to_bytes(2, "little")
            start += 4
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("flag_or", "method", "why"),
    [
        (0x1, None, "is encrypted (it needs a password)"),
        (0, 9, "uses a compression method Hotseat cannot unpack (method 9)"),
    ],
)
def test_a_model_zip_that_cannot_be_unpacked_is_one_clear_line(
    tmp_path: Path, hotseat_home: Path, flag_or: int, method: int | None, why: str
) -> None:
    archive = _model_zip(tmp_path / "model.zip")
    _patch_entries(archive, flag_or, method)
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "models", "install", str(archive)],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"hotseat: The archive's file vosk-model-x/am/final.mdl {why}; it was not unpacked. "
        "Unpack the model yourself and choose its folder in Settings."
    ]
    assert not (hotseat_home / "models" / "vosk-model-x").exists()


# --- a full disk -------------------------------------------------------------------------------


def test_sessions_are_listed_read_only_while_the_disk_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wav = tmp_path / "answer.wav"
    with wave.open(str(wav), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"\x00\x00" * 1600)
    with tiny_filesystem(tmp_path / "small") as disk:
        home = disk / "home"
        monkeypatch.setenv("HOTSEAT_HOME", str(home))
        session_id = save_session("2026-01-01T10:00:00", "behavioral-core", wav)
        fill(disk)
        for command in (["sessions", "list"], ["sessions", "show", str(session_id)]):
            result = subprocess.run(
                [sys.executable, "-m", "simulator", *command],
                env=dict(os.environ),
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert result.returncode == 0, result.stderr
            assert "behavioral-core" in result.stdout
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].endswith("Showing the saved sessions read-only.")


# --- PortAudio's C debug lines ---------------------------------------------------------------

FILTERED = r"""
import os, sys
from simulator.commands.stderr_filter import without_portaudio_noise

print("before", file=sys.stderr, flush=True)
with without_portaudio_noise():
    os.write(2, b"kept 1\n")
    # What PortAudio's ALSA code writes with fprintf(stderr) when a device vanishes.
    os.write(2, b"Expression 'alsa_snd_pcm_poll_descriptors_revents( self->pcm, pfds, "
                b"self->nfds, &revents )' failed in 'src/hostapi/alsa/pa_linux_alsa.c', "
                b"line: 3668\n")
    os.write(2, b"Expression 'a' is not a PortAudio line\n")
    print("kept 2", file=sys.stderr)
    os.write(2, b"progress 50%\r")
print("after", file=sys.stderr)
"""


def test_only_portaudio_debug_lines_are_kept_off_stderr() -> None:
    result = subprocess.run([sys.executable, "-c", FILTERED], capture_output=True, timeout=60)
    assert result.returncode == 0
    assert result.stderr == (
        b"before\nkept 1\nExpression 'a' is not a PortAudio line\nkept 2\nprogress 50%\rafter\n"
    )
