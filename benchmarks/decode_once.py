"""Is each recording decoded once? ``hotseat transcribe`` and ``analyze`` against bare PocketSphinx.

Runs the real ``python -m simulator transcribe FILE`` and ``python -m simulator analyze FILE``
(PocketSphinx) and ``benchmarks/bare_sphinx.py FILE`` (the library alone, one decoder) in
turns, A B A B ..., and prints for each file the median wall and CPU seconds of each and the
median of the pairwise ratios. Pairing keeps a ratio meaningful on a machine whose speed
drifts. The budget (issue 10): transcribe at most 1.1x the bare script, analyze at most 1.3x.

Without FILE arguments it makes two flite recordings: an answer with pauses, and 86 s of
speech with no pause long enough to end the first utterance (the case where a live-style
pass followed by a whole-utterance re-decode cost 2.0x).

``--wer`` measures accuracy instead: on the evaluation set (tests/analysis/evalset.py, flite
answers at three speeds) and the 86 s recording, the word error rate of the live path (fed in
0.1 s blocks, its first utterance decoded live and again whole: what ``transcribe FILE`` did
before) and of the file path (decoded once).

Run from the repository root: ``python benchmarks/decode_once.py [--runs 5] [FILE ...]`` or
``python benchmarks/decode_once.py --wer``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.audio.wav import read_audio_mono16  # noqa: E402
from simulator.speech.stt import RecognizerFactory, transcribe_wav  # noqa: E402
from tests.analysis.evalset import build_all  # noqa: E402
from tests.support.speech_samples import concat_wavs, flite_wav, wer  # noqa: E402

STORY = (
    "In my last role I led a small team through a difficult migration of our billing system "
    "and we planned it in stages so that nobody would lose a single invoice while the old and "
    "the new systems ran side by side and I made sure that every person on the team knew what "
    "was at stake and what they owned and when the first stage went live we found that the "
    "reports were slow so we measured them and we rewrote the three worst queries and the "
    "reports came back in under a second and after that the customers stopped calling and the "
    "support team thanked us for the quiet weeks "
)
SENTENCES = [
    "Tell me about a time you disagreed with your manager.",
    "I thought the release date was too early, so I wrote down the risks.",
    "We met the next morning and agreed to ship a smaller first version.",
    "It went out on time and the rest followed two weeks later.",
]


def make_files(folder: Path) -> list[Path]:
    parts = [flite_wav(s, folder / f"s{i}.wav") for i, s in enumerate(SENTENCES)]
    answer = concat_wavs(parts, folder / "answer-with-pauses.wav", pause_s=0.8)
    return [answer, flite_wav(STORY * 3, folder / "speech-86s-no-pause.wav")]


def run(command: list[str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run of the command."""
    before = os.times()
    began = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - began
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


def compare(name: str, command: list[str], bare: list[str], runs: int) -> None:
    run(command)  # warm-up: the file cache, the bytecode
    pairs = [(run(command), run(bare)) for _ in range(runs)]
    wall_ratio = statistics.median(a[0] / b[0] for a, b in pairs)
    cpu_ratio = statistics.median(a[1] / b[1] for a, b in pairs)
    print(
        f"  {name:10s} wall {statistics.median(a[0] for a, _ in pairs):6.2f} s vs "
        f"{statistics.median(b[0] for _, b in pairs):6.2f} s: {wall_ratio:.2f}x   "
        f"cpu {statistics.median(a[1] for a, _ in pairs):6.2f} s vs "
        f"{statistics.median(b[1] for _, b in pairs):6.2f} s: {cpu_ratio:.2f}x",
        flush=True,
    )


def live_text(path: Path) -> str:
    pcm, rate = read_audio_mono16(path, 16000)
    recognizer = RecognizerFactory("pocketsphinx")(rate)
    for offset in range(0, len(pcm), 3200):
        recognizer.accept(pcm[offset : offset + 3200])
    return recognizer.finish().text


def measure_wer(folder: Path) -> None:
    story = flite_wav(STORY * 3, folder / "speech-86s-no-pause.wav")
    cases = [(a.path, a.text) for a in build_all(folder / "eval")] + [(story, STORY * 3)]
    live, once = [], []
    for path, reference in cases:
        live.append(wer(reference, live_text(path)))
        once.append(wer(reference, transcribe_wav(path, RecognizerFactory("pocketsphinx")).text))
        print(f"  {path.name:28s} live+re-decode {live[-1]:.3f}  once {once[-1]:.3f}", flush=True)
    n = len(cases) - 1
    print(
        f"evaluation set ({n} answers), mean WER: live+re-decode {statistics.mean(live[:n]):.3f}"
        f", decoded once {statistics.mean(once[:n]):.3f}"
    )
    print(f"86 s of speech: live+re-decode {live[-1]:.3f}, decoded once {once[-1]:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=["transcribe", "analyze"])
    parser.add_argument("--wer", action="store_true", help="measure accuracy, not time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.wer:
            measure_wer(Path(folder))
            return
        files = args.files or make_files(Path(folder))
        python = sys.executable
        for path in files:
            print(f"{path.name} (medians of {args.runs} pairs):", flush=True)
            bare = [python, str(ROOT / "benchmarks" / "bare_sphinx.py"), str(path)]
            for command in ("transcribe", "analyze"):
                if args.only in (None, command):
                    hotseat = [python, "-m", "simulator", command, "--engine", "pocketsphinx"]
                    compare(command, [*hotseat, str(path)], bare, args.runs)


if __name__ == "__main__":
    main()
