"""Synthetic speech for tests: English and Korean WAV files from flite and espeak-ng, and WER.

flite's ``slt`` voice is recognised almost word for word by PocketSphinx, so it stands in for
a clear speaker; espeak-ng speaks Korean for the Vosk tests (the only Vosk model installable
here is Korean). Both programs are Debian packages (flite, espeak-ng).
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import jiwer

_NOT_WORD = re.compile(r"[^\w\s']")


@dataclass(frozen=True)
class SpokenAnswer:
    """A synthesised answer and the text that was spoken."""

    path: Path
    reference: str


def flite_wav(text: str, path: Path, voice: str = "slt") -> Path:
    """``text`` spoken by flite into ``path`` (16 kHz mono here); returns ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["flite", "-voice", voice, "-t", text, "-o", str(path)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return path


def espeak_wav(text: str, path: Path, voice: str = "en-us", speed: int | None = None) -> Path:
    """``text`` spoken by espeak-ng into ``path`` (22050 Hz mono); ``speed`` in words/minute."""
    path.parent.mkdir(parents=True, exist_ok=True)
    command = ["espeak-ng", "-v", voice, "-w", str(path)]
    if speed is not None:
        command += ["-s", str(speed)]
    subprocess.run([*command, text], check=True, capture_output=True, timeout=60)
    return path


def concat_wavs(parts: list[Path], path: Path, pause_s: float = 0.0) -> Path:
    """The WAVs (same format) one after another, with ``pause_s`` of silence between them."""
    padded = []
    for index, part in enumerate(parts):
        if pause_s and index < len(parts) - 1:
            target = path.with_name(f"{path.stem}-part{index}.wav")
            subprocess.run(
                ["sox", str(part), str(target), "pad", "0", str(pause_s)],
                check=True,
                capture_output=True,
            )
            part = target
        padded.append(str(part))
    subprocess.run(["sox", *padded, str(path)], check=True, capture_output=True)
    return path


VOSK_MODEL_FILES = (
    "am/final.mdl",
    "conf/model.conf",
    "conf/mfcc.conf",
    "graph/phones/word_boundary.int",
)


def fake_vosk_model(root: Path, graph: str = "static", leave_out: tuple[str, ...] = ()) -> Path:
    """A folder laid out like a Vosk model, with empty files: fit for checks, not for loading.

    ``graph`` is "static" (HCLG.fst) or "lookahead" (HCLr.fst and Gr.fst).
    """
    files = list(VOSK_MODEL_FILES)
    files += ["graph/HCLG.fst"] if graph == "static" else ["graph/HCLr.fst", "graph/Gr.fst"]
    root.mkdir(parents=True, exist_ok=True)
    for name in files:
        if name not in leave_out:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(b"")
    return root


def normalise(text: str) -> str:
    """Lower case, no punctuation, single spaces."""
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate after normalising case and punctuation (1.0 for an empty guess)."""
    ref, hyp = normalise(reference), normalise(hypothesis)
    if not hyp:
        return 1.0 if ref else 0.0
    return float(jiwer.wer(ref, hyp))
