"""How long `hotseat practice --no-gui` takes to exit once its session is over.

Runs the real command against a PulseAudio virtual microphone (tests/support/virtual_mic.py)
in three endings and prints, for each, the seconds from the last event printed (JSON lines)
to the process's exit, and from the trigger (SIGTERM sent, disk filled, answer spoken) to it:

- ``normal``: one answer spoken, the answer ends after 1.5 s of silence, the session ends;
- ``sigterm``: SIGTERM two seconds into the answer (the answer so far is saved);
- ``full-disk``: the data folder's filesystem fills one second into the answer (root only:
  a small tmpfs, as tests/support/full_disk.py does).

What is left after the last event is closing: the helper processes (voice worker, recogniser
process, analysis worker) and the interpreter. Run from the repository root:
``flock /tmp/hotseat-audio.lock python -m benchmarks.exit_time [--runs N]``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests.e2e.conftest import E2E_PACK
from tests.support.full_disk import fill, tiny_filesystem
from tests.support.speech_samples import flite_wav
from tests.support.virtual_mic import VirtualMic

ANSWER = (
    "i will keep talking for a while about the project we shipped last spring "
    "and the people who made it work and the lessons we learned along the way"
)
ENDINGS = ("normal", "sigterm", "full-disk")


def command() -> list[str]:
    return [
        sys.executable, "-m", "simulator", "practice", "--no-gui", "--pack", "e2e",
        "--engine", "pocketsphinx", "--events", "jsonl", "--questions", "1",
        "--end-silence", "1.5",
    ]  # fmt: skip


@contextlib.contextmanager
def data_folder(root: Path, ending: str) -> Iterator[tuple[Path, Path | None]]:
    """The data folder (with the test pack) and, for a full disk, the disk to fill."""
    if ending == "full-disk":
        with tiny_filesystem(root / "small", size="4m") as disk:
            yield disk / "home", disk
    else:
        yield root / "home", None


def one_run(mic: VirtualMic, answer: Path, root: Path, ending: str) -> tuple[float, float]:
    """(last event to exit, trigger to exit) in seconds, for one run of ``ending``."""
    with data_folder(root, ending) as (home, disk):
        (home / "packs").mkdir(parents=True)
        (home / "packs" / "e2e.toml").write_text(E2E_PACK, encoding="utf-8")
        env = {**os.environ, **mic.env, "HOTSEAT_HOME": str(home)}
        process = subprocess.Popen(
            command(), env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert process.stdout is not None
        recording_at = triggered_at = last_event_at = 0.0
        for line in process.stdout:
            last_event_at = time.monotonic()
            event = json.loads(line)
            if event["type"] == "recording_started" and not recording_at:
                recording_at = time.monotonic()
                mic.speak(answer, block=False)
            if event["type"] == "answer_ended" and ending == "normal":
                triggered_at = triggered_at or time.monotonic()
            if recording_at and not triggered_at:
                into_answer = time.monotonic() - recording_at
                if ending == "sigterm" and into_answer > 2.0:
                    triggered_at = time.monotonic()
                    process.send_signal(signal.SIGTERM)
                elif ending == "full-disk" and into_answer > 1.0 and disk is not None:
                    triggered_at = time.monotonic()
                    fill(disk)
        process.wait()
        exited_at = time.monotonic()
    return exited_at - last_event_at, exited_at - triggered_at


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--endings", default=",".join(ENDINGS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, VirtualMic() as mic:
        answer = flite_wav(ANSWER, Path(folder) / "answer.wav")
        for ending in args.endings.split(","):
            tails, totals = [], []
            for run in range(args.runs):
                tail, total = one_run(mic, answer, Path(folder) / f"{ending}-{run}", ending)
                tails.append(tail)
                totals.append(total)
            print(
                f"{ending:<10} last event to exit: median {statistics.median(tails):.2f} s "
                f"(max {max(tails):.2f})   trigger to exit: median "
                f"{statistics.median(totals):.2f} s (max {max(totals):.2f})   n={args.runs}"
            )


if __name__ == "__main__":
    main()
