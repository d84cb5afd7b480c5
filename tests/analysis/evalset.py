"""The labelled evaluation set for answer analytics, generated rather than committed.

Audio: answers written for it, spoken by flite's ``slt`` voice at three speeds
(``duration_stretch`` 0.8, 1.0, 1.25), with silences of known length put in with sox and
fillers spoken by flite in known places. The labels are what was put there. flite says "um"
as AH M, "uh" as AH, "er" as ER and "ah" as AA; it spells "hmm" out letter by letter, so
"hmm" is not in the audio set. Joined back to back, the answers of one speed make a whole
answer of realistic length, on which pace is judged (``build_long``).

Text: transcripts labelled by hand (``data/filler_labels.json``, ``data/structure_labels.json``)
with word times made up from their punctuation.

Shared by the tests and ``benchmarks/analysis_eval.py``.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.audio.wav import wav_duration
from simulator.core.transcript import Transcript, Word

DATA = Path(__file__).resolve().parent / "data"
SPEEDS = (0.8, 1.0, 1.25)
GAP_S = 0.15  # between consecutive spoken pieces: a breath, not a pause
LEAD_S = 1.2  # silence before the first word
TAIL_S = 0.8


@dataclass(frozen=True)
class Say:
    text: str


@dataclass(frozen=True)
class Filler:
    text: str


@dataclass(frozen=True)
class Pause:
    seconds: float


Piece = Say | Filler | Pause

# Answers written for this set. Long pauses (>= 1 s) are labelled pauses; fillers are labelled.
ANSWERS: dict[str, list[Piece]] = {
    "deadline": [
        Say("Last year our team had to ship a billing change in three weeks."),
        Pause(1.5),
        Say("My task was to plan the release."),
        Filler("um"),
        Say("I split the work into small pieces and we met every morning."),
        Pause(2.8),
        Say("As a result we shipped two days early and cut support tickets by twenty percent."),
    ],
    "conflict": [
        Say("A teammate and I disagreed about the database design."),
        Filler("uh"),
        Say("He wanted one big table and I wanted several small ones."),
        Pause(1.2),
        Say("So I built a quick benchmark for both designs."),
        Filler("um"),
        Say("The small tables were faster, and he agreed to use them."),
        Pause(3.2),
        Say("We still work together today."),
    ],
    "failure": [
        Say("Early in my career I broke the checkout page on a Friday evening."),
        Pause(2.0),
        Filler("er"),
        Say("I rolled the change back within ten minutes and told my manager."),
        Filler("uh"),
        Say("Then I wrote a checklist for releases that the whole team now uses."),
        Pause(1.3),
        Say("We have not had a Friday outage since."),
    ],
    "customer": [
        Say("A large client threatened to leave because reports were always late."),
        Filler("ah"),
        Say("I called them and asked which report mattered most."),
        Pause(1.8),
        Filler("um"),
        Say("We automated that report first, and it arrived every Monday at nine."),
        Pause(1.1),
        Say("They renewed for two more years, worth about two million dollars."),
    ],
}


@dataclass
class SpokenAnswer:
    """A generated answer and its labels (times in seconds from the start of the file)."""

    name: str
    stretch: float
    path: Path
    duration_s: float
    words: int  # words of the script, fillers not counted
    text: str
    pauses: list[tuple[float, float]] = field(default_factory=list)  # (start, length)
    fillers: list[tuple[str, float, float]] = field(default_factory=list)  # (text, start, end)
    # From the start of the first word to the end of the last (fillers not counted): the
    # span pace is measured over, pauses between words included.
    first_word_s: float = 0.0
    last_word_s: float = 0.0

    @property
    def wpm(self) -> float:
        return self.words * 60.0 / (self.last_word_s - self.first_word_s)


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=60)


def _clip(text: str, stretch: float, path: Path) -> float:
    """flite speaking ``text`` with its own silences trimmed off both ends; its duration."""
    raw = path.with_suffix(".raw.wav")
    _run(
        "flite",
        "-voice",
        "slt",
        "--setf",
        f"duration_stretch={stretch}",
        "-t",
        text,
        "-o",
        str(raw),
    )
    # Trim to the first and last sound above -45 dB so the labels are exact.
    _run("sox", str(raw), str(path), "silence", "1", "0.005", "-45d", "reverse",
         "silence", "1", "0.005", "-45d", "reverse")  # fmt: skip
    return wav_duration(path)


def build(name: str, stretch: float, folder: Path) -> SpokenAnswer:
    """Generate one answer of ``ANSWERS`` at ``stretch`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    pieces = ANSWERS[name]
    parts: list[str] = []
    answer = SpokenAnswer(name, stretch, folder / f"{name}-{stretch}.wav", 0.0, 0, "")
    t = LEAD_S
    texts = []
    silence_before = LEAD_S
    for k, piece in enumerate(pieces):
        if isinstance(piece, Pause):
            continue
        clip = folder / f"{name}-{stretch}-{k}.wav"
        length = _clip(piece.text, stretch, clip)
        # The silence after this piece: a labelled pause or the short gap.
        after = pieces[k + 1] if k + 1 < len(pieces) else None
        gap = after.seconds if isinstance(after, Pause) else (TAIL_S if after is None else GAP_S)
        padded = clip.with_suffix(".pad.wav")
        lead = silence_before if not parts else 0.0
        _run("sox", str(clip), str(padded), "pad", str(lead), str(gap))
        parts.append(str(padded))
        if isinstance(piece, Filler):
            answer.fillers.append((piece.text, t, t + length))
        else:
            answer.words += len(re.findall(r"[A-Za-z']+", piece.text))
            texts.append(piece.text)
            if len(texts) == 1:
                answer.first_word_s = t
            answer.last_word_s = t + length
        if isinstance(after, Pause):
            answer.pauses.append((t + length, after.seconds))
        t += length + gap
    _run("sox", *parts, str(answer.path))
    answer.duration_s = wav_duration(answer.path)
    answer.text = " ".join(texts)
    return answer


def build_all(folder: Path, speeds: Sequence[float] = SPEEDS) -> list[SpokenAnswer]:
    return [build(name, s, folder / name) for s in speeds for name in ANSWERS]


def join(answers: Sequence[SpokenAnswer], path: Path) -> SpokenAnswer:
    """One recording of ``answers`` told back to back, with their labels moved along.

    The written answers last about 20 s each, shorter than any answer a person would give
    (the default target is 60-120 s); a word or two the recogniser gets wrong is 2-5% of such
    a clip. Joined, they make answers of a realistic length (about 85 s at normal speed),
    on which pace is judged. Between two answers lies the clip's tail and the next one's
    lead, labelled as a pause.
    """
    _run("sox", *(str(a.path) for a in answers), str(path))
    whole = SpokenAnswer(
        "+".join(a.name for a in answers), answers[0].stretch, path, wav_duration(path), 0, ""
    )
    offset = 0.0
    for k, answer in enumerate(answers):
        whole.words += answer.words
        whole.pauses += [(offset + start, length) for start, length in answer.pauses]
        whole.fillers += [(text, offset + a, offset + b) for text, a, b in answer.fillers]
        if k == 0:
            whole.first_word_s = offset + answer.first_word_s
        whole.last_word_s = offset + answer.last_word_s
        if k + 1 < len(answers):
            whole.pauses.append((offset + answer.duration_s - TAIL_S, TAIL_S + LEAD_S))
        offset += answer.duration_s
    whole.text = " ".join(a.text for a in answers)
    return whole


def build_long(answers: Sequence[SpokenAnswer], folder: Path) -> list[SpokenAnswer]:
    """For each speed in ``answers``, all its written answers joined into one recording."""
    speeds = sorted({a.stretch for a in answers})
    return [join([a for a in answers if a.stretch == s], folder / f"all-{s}.wav") for s in speeds]


# --- hand-labelled transcripts -------------------------------------------------------------

WORD_S, STEP_S, COMMA_S, STOP_S = 0.28, 0.05, 0.4, 0.8


def timed(text: str) -> tuple[Transcript, list[tuple[str, int]]]:
    """Words with made-up times from marked text, and the labelled fillers (text, index).

    Marked text: ``*um*`` or ``*you know*`` is a filler; "," and "." are pauses.
    """
    words: list[Word] = []
    labels: list[tuple[str, int]] = []
    t = 0.5
    in_filler: list[str] | None = None
    start_index = 0
    for raw in text.split():
        opens, closes = raw.startswith("*"), raw.rstrip(",.").endswith("*")
        pause = COMMA_S if raw.endswith(",") else STOP_S if raw.endswith(".") else STEP_S
        token = raw.strip("*,.").strip("*")
        if opens:
            in_filler, start_index = [], len(words)
        if in_filler is not None:
            in_filler.append(token)
        words.append(Word(token, round(t, 3), round(t + WORD_S, 3)))
        t += WORD_S + pause
        if closes and in_filler is not None:
            labels.append((" ".join(in_filler), start_index))
            in_filler = None
    return Transcript(tuple(words), "hand", "labels", round(t + 0.5, 3)), labels


# Labelled transcripts: written with the rules (the first), and written by someone who had not
# seen the rules or the other labels (held out). The rules were then improved on the first
# held-out set; the second was left untouched until the figures in docs/ANALYSIS.md were taken.
FILLER_SETS = ("filler_labels.json", "heldout_fillers.json", "heldout2_fillers.json")
STRUCTURE_SETS = ("structure_labels.json", "heldout_structure.json", "heldout2_structure.json")


def filler_labels(name: str = FILLER_SETS[0]) -> list[str]:
    return list(json.loads((DATA / name).read_text())["answers"])


def structure_labels(name: str = STRUCTURE_SETS[0]) -> list[dict[str, Any]]:
    return list(json.loads((DATA / name).read_text())["answers"])


def even_transcript(text: str) -> Transcript:
    words = [
        Word(w, round(0.5 + i * 0.35, 3), round(0.8 + i * 0.35, 3))
        for i, w in enumerate(text.split())
    ]
    return Transcript(tuple(words), "hand", "labels", words[-1].end + 0.5 if words else 0.0)


# --- scoring -------------------------------------------------------------------------------


def precision_recall(found: int, relevant: int, hits: int) -> tuple[float, float]:
    precision = hits / found if found else 1.0
    recall = hits / relevant if relevant else 1.0
    return precision, recall


def match_times(found: Sequence[float], truth: Sequence[float], tolerance: float) -> int:
    """How many truths have a distinct found time within ``tolerance``."""
    unused = list(found)
    hits = 0
    for t in truth:
        near = [f for f in unused if abs(f - t) <= tolerance]
        if near:
            unused.remove(min(near, key=lambda f: abs(f - t)))
            hits += 1
    return hits


def overlap_ratio(a: Sequence[int], b: Sequence[int]) -> float:
    """Intersection over union of two [start, end) word ranges."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0
