"""The marks of the replay page: fillers, hedges, pauses, STAR parts and pressure events of one
saved answer, as spans on its recording's clock (no Qt here, so the logic is tested alone).

Everything comes from what was saved: the answer's analysis (read whole, as every stored
version is: a key a version lacks gives no marks) and the session's events, whose pressure
kinds (interruptions, distractions, clarifications, a squeezed time limit) carry the answer
they belong to and ``answer_s``, seconds on that answer's recording clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from simulator.core.analysis.structure import ordered_parts
from simulator.core.records import SavedAnswer, SavedEvent
from simulator.core.transcript import Word

FILLER, HEDGE, PAUSE, PART, PRESSURE = "filler", "hedge", "pause", "part", "pressure"
KINDS = (FILLER, HEDGE, PAUSE, PART, PRESSURE)
#: A filler or hedge mark with no end of its own (old analyses) is drawn this long.
_POINT_S = 0.3
_PRESSURE_LABELS = {
    "interruption_started": "Interruption",
    "distraction": "Distraction",
    "clarification": "Clarification",
    "time_squeezed": "Time squeezed",
}


@dataclass(frozen=True)
class Marker:
    """Something to show on the waveform and in the transcript, ``start_s``..``end_s``."""

    kind: str  # one of KINDS
    start_s: float
    end_s: float
    label: str


def _number(value: object, default: float | None = None) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    return float(value)


def _mentions(items: object, kind: str, noun: str, words: Sequence[Word]) -> Iterable[Marker]:
    """Fillers or hedges: stored with their start only, so they end where their last word
    does (the word said nearest their start, and as many more as the phrase has)."""
    starts = [word.start for word in words]
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, Mapping) or (start := _number(item.get("start_s"))) is None:
            continue
        text = str(item.get("text", ""))
        end = _number(item.get("end_s"))
        if end is None and starts:
            first = min(range(len(starts)), key=lambda i: abs(starts[i] - start))
            last = min(len(words) - 1, first + max(1, len(text.split())) - 1)
            if abs(starts[first] - start) <= _POINT_S:
                end = words[last].end
        end = start + _POINT_S if end is None else end
        yield Marker(kind, start, max(end, start), f"{noun}: {text}".strip())


def _pauses(analysis: Mapping[str, Any]) -> Iterable[Marker]:
    for key, noun in (("pauses", "Pause"), ("filled_pauses", "Filled pause")):
        for item in analysis.get(key) or []:
            if not isinstance(item, Mapping):
                continue
            start, length = _number(item.get("start_s")), _number(item.get("duration_s"), 0.0)
            if start is None or length is None:
                continue
            long = " (long)" if item.get("long") else ""
            yield Marker(PAUSE, start, start + length, f"{noun} {length:.1f} s{long}")


def _parts(analysis: Mapping[str, Any]) -> Iterable[Marker]:
    structure = analysis.get("structure")
    for name, part in ordered_parts(structure if isinstance(structure, Mapping) else None):
        if not isinstance(part, Mapping) or (start := _number(part.get("start_s"))) is None:
            continue
        end = _number(part.get("end_s"), start) or start
        yield Marker(PART, start, max(start, end), str(name).capitalize())


def _pressure_events(answer_id: int, events: Sequence[SavedEvent]) -> list[Marker]:
    ends: dict[object, float] = {}
    for event in events:
        if event.kind == "interruption_ended" and _belongs(event, answer_id):
            ends[event.payload.get("index")] = _number(event.payload.get("answer_s"), 0.0) or 0.0
    found = []
    for event in events:
        label = _PRESSURE_LABELS.get(event.kind)
        start = _number(event.payload.get("answer_s"))
        if label is None or start is None or not _belongs(event, answer_id):
            continue
        detail = event.payload.get("kind") or event.payload.get("name") or ""
        if event.kind == "distraction":
            detail = event.payload.get("name") or detail
            end = start + (_number(event.payload.get("duration_s"), 0.0) or 0.0)
        else:
            end = ends.get(event.payload.get("index"), start)
        text = f"{label}: {str(detail).replace('_', ' ')}" if detail else label
        found.append(Marker(PRESSURE, start, max(start, end), text))
    return found


def _belongs(event: SavedEvent, answer_id: int) -> bool:
    return event.answer_id == answer_id or event.payload.get("answer_id") == answer_id


def _pressure_from_analysis(analysis: Mapping[str, Any]) -> Iterable[Marker]:
    """The analysis's ``pressure`` key (a list of spans, or a mapping holding ``events``)."""
    pressure = analysis.get("pressure")
    items = pressure.get("events") if isinstance(pressure, Mapping) else pressure
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, Mapping):
            continue
        start = _number(item.get("start_s"), _number(item.get("answer_s")))
        if start is None:
            continue
        end = _number(item.get("end_s"), start) or start
        kind = str(item.get("kind") or item.get("type") or "pressure").replace("_", " ")
        yield Marker(PRESSURE, start, max(start, end), kind.capitalize())


def markers_of(answer: SavedAnswer, events: Sequence[SavedEvent] = ()) -> list[Marker]:
    """Every mark of ``answer``, by start time."""
    data: Mapping[str, Any] = answer.analysis.data if answer.analysis is not None else {}
    words = sorted(answer.words, key=lambda word: word.start)
    found = [
        *_mentions(data.get("fillers"), FILLER, "Filler", words),
        *_mentions(data.get("hedges"), HEDGE, "Hedge", words),
        *_pauses(data),
        *_parts(data),
    ]
    pressure = _pressure_events(answer.id, events)
    found += pressure or list(_pressure_from_analysis(data))
    return sorted(found, key=lambda marker: (marker.start_s, KINDS.index(marker.kind)))


__all__ = ["FILLER", "HEDGE", "KINDS", "PART", "PAUSE", "PRESSURE", "Marker", "markers_of"]
