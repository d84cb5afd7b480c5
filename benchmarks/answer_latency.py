"""Time from the end of an answer to its saved final transcript, through the real path.

Runs `hotseat practice --no-gui` against a PulseAudio virtual microphone, speaks a long answer
(about 45 s, flite) into it, and reads the runner's events: the gap between `answer_ended`
and `answer_saved` is the wait a person sees after finishing. Run from the repository root:
`python -m benchmarks.answer_latency [--engine pocketsphinx|vosk] [--model PATH]`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.e2e.conftest import E2E_PACK
from tests.support.speech_samples import concat_wavs, flite_wav
from tests.support.virtual_mic import VirtualMic

SENTENCES = [
    "last spring our team had to move the billing service to a new database",
    "i was the engineer responsible for the data migration and the rollback plan",
    "we had three weeks and the old system could not be switched off during the day",
    "i wrote a copy job that ran every night and compared the totals in both systems",
    "when the totals differed i stopped the job and we fixed the cause before going on",
    "after two weeks the numbers matched every night and we switched over on a sunday",
    "the move cut our hosting bill by about a third and nobody lost an invoice",
    "what i learned is to make every step reversible before making it fast",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", default="pocketsphinx")
    parser.add_argument("--model")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, VirtualMic() as mic:
        home = Path(folder) / "home"
        (home / "packs").mkdir(parents=True)
        (home / "packs" / "e2e.toml").write_text(E2E_PACK)
        parts = [flite_wav(s, Path(folder) / f"s{i}.wav") for i, s in enumerate(SENTENCES * 2)]
        answer = concat_wavs(parts, Path(folder) / "answer.wav", pause_s=0.4)
        command = [
            sys.executable,
            "-m",
            "simulator",
            "practice",
            "--no-gui",
            "--pack",
            "e2e",
            "--questions",
            "1",
            "--engine",
            args.engine,
            "--end-silence",
            "1.5",
            "--answer-seconds",
            "120",
            "--events",
            "jsonl",
        ]
        if args.model:
            command += ["--model", args.model]
        env = {**os.environ, **mic.env, "HOTSEAT_HOME": str(home)}
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
        times: dict[str, float] = {}
        assert process.stdout is not None
        for line in process.stdout:
            event = json.loads(line)
            times.setdefault(event["type"], event["t"])
            if event["type"] == "recording_started":
                mic.speak(answer, block=False)
            if event["type"] == "answer_saved":
                duration = event["duration_s"]
        process.wait()
    latency = times["answer_saved"] - times["answer_ended"]
    print(f"engine={args.engine}  answer_s={duration:.1f}  end_to_final_transcript_s={latency:.2f}")


if __name__ == "__main__":
    main()
