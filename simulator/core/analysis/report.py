"""``analyze``: one answer's transcript and voice activity in, every measure and finding out.

The result is a plain JSON-ready dict (its keys are listed in docs/ANALYSIS.md) stamped with
``ANALYSIS_VERSION``; raise the version whenever a rule changes what a stored analysis would
say, so ``hotseat analyze --all`` knows which saved answers to recompute.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from simulator.core.analysis import findings as fnd
from simulator.core.analysis.fillers import SOUNDS, filled_pauses, find_fillers
from simulator.core.analysis.framework_pick import pick_framework
from simulator.core.analysis.left_out import LeftOut, overlap_s
from simulator.core.analysis.metrics import (
    find_hedges,
    find_repetitions,
    i_we,
    repeated_phrases,
    timing,
    top_words,
)
from simulator.core.analysis.numbers import find_figures
from simulator.core.analysis.pressure import Heard, analyze_pressure
from simulator.core.analysis.structure import FRAMEWORK_PARTS, segment
from simulator.core.analysis.structure_cues import CUES
from simulator.core.analysis.targets import Targets
from simulator.core.analysis.tokens import Token, find_phrases, tokenize
from simulator.core.played import PlayedSpan
from simulator.core.transcript import Transcript

# Raised whenever a rule or a sentence changes, so `hotseat analyze --all` redoes old answers.
# 2: the pace of an answer under 30 s is called a rough figure.
# 3: structure reads grammar and the opening; fillers: approximations, "it literally".
# 4: verdicts are taken on values as shown ("3.0 fillers a minute" is not within "< 3").
# 5: voice activity from speech-band energy over the room's floor, not WebRTC's VAD.
# 6: pace over the span from the first word to the last (a late start is not "too slow");
#    a filler is not a hedge too; structure parts in the framework's order.
ANALYSIS_VERSION = 6
FRAMEWORKS = ("STAR", "PEP", "CAR", "free")
AUTO = "auto"  # pick the framework the answer fits best (framework_pick)

_IMPACT_WORDS = (
    "reduced", "increased", "cut", "saved", "improved", "grew", "doubled", "tripled", "halved",
    "boosted", "lowered", "raised", "delivered", "shipped", "launched", "won", "dropped",
    "faster", "fewer", "less", "more revenue", "result", "impact", "outcome",
)  # fmt: skip


def _per_min(count: int, seconds: float) -> float:
    return round(count * 60.0 / seconds, 2) if seconds > 0 else 0.0


def _span_s(words: Sequence[Token]) -> float:
    """Seconds from the start of the first word to the end of the last, pauses included."""
    if not words:
        return 0.0
    return max(0.0, max(t.end for t in words) - min(t.start for t in words))


def _headline(tokens: Sequence[Token], limit_s: float, window_start: float) -> bool:
    """Whether a figure with a unit or a result/impact phrase starts within ``limit_s``."""
    early = [t for t in tokens if t.start - window_start <= limit_s]
    if any(f.unit for f in find_figures(early)):
        return True
    return bool(find_phrases(early, CUES["result"] + _IMPACT_WORDS))


def _structure(tokens: Sequence[Token], framework: str) -> dict[str, Any]:
    if framework == "free":
        return {"framework": "free", "parts": {}}
    parts: dict[str, Any] = {}
    for name, span in segment(tokens, framework).items():
        if span is None:
            parts[name] = None
            continue
        start, end = span
        parts[name] = {
            "start_s": round(tokens[start].start, 2),
            "end_s": round(tokens[end - 1].end, 2),
            "first_word": start,
            "end_word": end,
        }
    return {"framework": framework, "parts": parts}


def analyze(
    transcript: Transcript,
    voiced_spans: Sequence[tuple[float, float]],
    answer_window_start_s: float = 0.0,
    framework: str = "free",
    band: tuple[float, float] = (60, 120),
    targets: Targets | None = None,
    played: Sequence[PlayedSpan] = (),
    pressure_events: Sequence[Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """Every measure of one answer; times in the result are seconds from the recording start.

    ``voiced_spans`` are (start_s, end_s) of voice in the recording; ``band`` is the question's
    answer length in seconds, unless ``targets.answer_seconds`` overrides it. ``framework``
    "auto" reads the answer against the framework it fits best (``framework_picked`` says so).
    ``played``: when Hotseat was making sound; the measures leave that time out (``left_out``)
    and the result says what was left out (``left_out``). ``pressure_events``: given (even
    empty) for an answer under a drill, whose recovery is then measured (``pressure``).
    """
    if framework not in (*FRAMEWORKS, AUTO):
        raise ValueError(f"unknown framework {framework!r} (one of {', '.join(FRAMEWORKS)})")
    targets = targets or Targets()
    length_band = targets.answer_seconds or (float(band[0]), float(band[1]))
    window = answer_window_start_s
    all_tokens = [t for t in tokenize(transcript.words) if t.end > window]
    left = LeftOut.of(played)
    heard_words = len(all_tokens)
    if left:
        all_tokens = left.words(all_tokens)
        voiced_spans = left.voice(voiced_spans)
    end = (
        max([transcript.duration_s, *(t.end for t in all_tokens)])
        if all_tokens
        else max(transcript.duration_s, window)
    )
    picked = framework == AUTO
    if picked:
        framework = pick_framework(all_tokens)
    voice = [(max(a, window), min(b, end)) for a, b in voiced_spans if b > window and a < end]
    turns = left.turns(voice)
    unknown = left.unknown(voice) if left else []
    times = timing(all_tokens, voiced_spans, window, end, targets.pause_min_s, unknown)
    fillers = find_fillers(all_tokens)
    filled = filled_pauses(
        all_tokens,
        [(max(a, window), b) for a, b in voiced_spans if b > window],
        targets.filled_pause_min_s,
    )
    # A filled pause next to a filler word is the same hesitation, counted once.
    filled = [
        (s, d)
        for s, d in filled
        if not any(m.start_s - 0.3 <= s + d and s <= m.end_s + 0.3 for m in fillers)
    ]
    # Sounds like "um" are not words of the answer; fillers that are real words still count.
    words = [t for t in all_tokens if t.text not in SOUNDS]
    # The interviewer's turns are not the candidate's minutes.
    minutes_base = times.duration_s - overlap_s((window, end), turns) if turns else times.duration_s
    hedges = find_hedges(all_tokens, fillers)
    figures = find_figures(all_tokens)
    structure = _structure(all_tokens, framework)
    headline = _headline(all_tokens, targets.headline_window_s, window)
    # Pace is read over the words' own span: silence before the first word (a late start)
    # and after the last is hesitation, measured on its own, not slow speech.
    pace_span = _span_s(words)
    if turns and words:
        pace_span -= overlap_s((min(t.start for t in words), max(t.end for t in words)), turns)
    wpm = round(len(words) * 60.0 / pace_span, 1) if pace_span > 0 else 0.0
    articulation = _per_min(len(words), times.speaking_s)
    fillers_per_min = _per_min(len(fillers) + len(filled), minutes_base)

    report: dict[str, Any] = {
        "version": ANALYSIS_VERSION,
        "duration_s": times.duration_s,
        "speaking_s": times.speaking_s,
        "silence_share": times.silence_share,
        "words": len(words),
        "wpm": wpm,
        "pace_span_s": round(pace_span, 2),
        "articulation_wpm": articulation,
        "time_to_first_word_s": times.time_to_first_word_s,
        "pauses": [
            {"start_s": s, "duration_s": d, "long": fnd.is_long_pause(d, targets.long_pause_s)}
            for s, d in times.pauses
        ],
        "longest_pause_s": times.longest_pause_s,
        "fillers": [m.to_json() for m in fillers],
        "filled_pauses": [{"start_s": s, "duration_s": d} for s, d in filled],
        "fillers_per_min": fillers_per_min,
        "filler_words_per_min": _per_min(len(fillers), minutes_base),
        "hedges": [m.to_json() for m in hedges],
        "hedges_per_min": _per_min(len(hedges), minutes_base),
        "repetitions": [m.to_json() for m in find_repetitions(all_tokens, SOUNDS)],
        "repeated_phrases": repeated_phrases(all_tokens),
        "top_words": top_words(all_tokens),
        "i_we": i_we(all_tokens),
        "numbers": [f.written for f in figures],
        "figures": [f.to_json() for f in figures],
        "structure": structure,
        "framework_picked": picked,
        "headline_in_30s": headline,
        "band": list(length_band),
        "targets": targets.to_json(),
        "engine": transcript.engine,
        "model": transcript.model,
    }
    found = [
        fnd.length_finding(times.duration_s, length_band),
        fnd.pace_finding(wpm, targets, pace_span),
        fnd.filler_finding(fillers_per_min, len(fillers) + len(filled), targets),
        fnd.first_word_finding(times.time_to_first_word_s, targets),
        fnd.pause_finding(times.pauses, targets),
        fnd.headline_finding(headline, targets),
        fnd.numbers_finding(len(figures)),
    ]
    if framework != "free":
        found.append(fnd.structure_finding(framework, structure["parts"]))
    if not words:
        found = [f for f in found if f["metric"] in ("duration_s", "time_to_first_word_s")]
    report["findings"] = found
    if left:
        report["left_out"] = {
            "interviewer_s": round(overlap_s((window, end), left.interviewer), 2),
            "distraction_s": round(overlap_s((window, end), left.distraction), 2),
            "interviewer_words": heard_words - len(all_tokens),
        }
    if pressure_events is not None:
        heard = Heard(
            voice=voice,
            words=[(t.start, t.end) for t in words],
            fillers=sorted([m.start_s for m in fillers] + [s for s, _ in filled]),
            holes=left.holes,
            unknown=unknown,
            start_s=window,
            end_s=end,
        )
        report["pressure"] = analyze_pressure(pressure_events, heard, played)
    return report


__all__ = ["ANALYSIS_VERSION", "AUTO", "FRAMEWORKS", "FRAMEWORK_PARTS", "analyze"]
