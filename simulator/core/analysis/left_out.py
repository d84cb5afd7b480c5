"""The time of an answer that is not the candidate's: when Hotseat itself was making sound.

With loudspeakers the microphone hears the interviewer's cut-ins and the distraction sounds.
Voice found there may be Hotseat's, so it is neither the candidate's speech nor their silence:
that time is *unknown* to the measures. Words recognised while the interviewer was talking are
the interviewer's and are left out. The silence around an interviewer's turn (from the
candidate's last voice before it to their first voice after it) is turn-taking, not a pause:
it is measured on its own, as the recovery (``pressure.py``). Words heard during a distraction
sound are kept (the candidate may talk through a knock), but the silence under it is unknown,
so a pause is only the silence heard outside it: a pause is never invented, at worst missed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from simulator.core.analysis.tokens import Token
from simulator.core.played import PlayedSpan

Span = tuple[float, float]

# A played sound may land in the recording a little before its logged start and ring on after
# its logged end (the runner logs both within 0.1 s of the recording; a room echoes briefly).
LEAD_S = 0.05
TAIL_S = 0.1
INTERVIEWER = "interviewer"


def merged(spans: Sequence[Span]) -> list[Span]:
    """Overlapping or touching spans joined, in time order."""
    out: list[Span] = []
    for a, b in sorted(spans):
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def subtract(spans: Sequence[Span], holes: Sequence[Span]) -> list[Span]:
    """The parts of ``spans`` outside every hole."""
    cut = merged(holes)
    out: list[Span] = []
    for a, b in sorted(spans):
        cursor = a
        for ha, hb in cut:
            if hb <= cursor or ha >= b:
                continue
            if ha > cursor:
                out.append((cursor, ha))
            cursor = max(cursor, hb)
        if b > cursor:
            out.append((cursor, b))
    return out


def overlap_s(a: Span, spans: Sequence[Span]) -> float:
    """Seconds of ``a`` covered by ``spans`` (merged first)."""
    return sum(max(0.0, min(a[1], b) - max(a[0], s)) for s, b in merged(spans))


@dataclass(frozen=True)
class LeftOut:
    """What the measures leave out of one answer, each span widened by LEAD_S and TAIL_S."""

    interviewer: list[Span]  # the interviewer talking: voice and words not the candidate's
    distraction: list[Span]  # a room sound playing: voice unknown, words kept

    @classmethod
    def of(cls, played: Sequence[PlayedSpan]) -> LeftOut:
        def widened(spans: list[PlayedSpan]) -> list[Span]:
            return merged([(max(0.0, p.start_s - LEAD_S), p.end_s + TAIL_S) for p in spans])

        talking = [p for p in played if p.what == INTERVIEWER]
        sounds = [p for p in played if p.what != INTERVIEWER]
        return cls(widened(talking), widened(sounds))

    @property
    def holes(self) -> list[Span]:
        """Every span where voice in the recording may be Hotseat's."""
        return merged([*self.interviewer, *self.distraction])

    def __bool__(self) -> bool:
        return bool(self.interviewer or self.distraction)

    def voice(self, voiced: Sequence[Span]) -> list[Span]:
        """The candidate's voice: ``voiced`` with the played spans cut out."""
        return subtract(voiced, self.holes)

    def words(self, tokens: Sequence[Token]) -> list[Token]:
        """The candidate's words: those whose middle falls in an interviewer span are left
        out, the rest numbered again (rules read neighbours by index)."""
        kept = [
            t
            for t in tokens
            if not any(a <= (t.start + t.end) / 2 <= b for a, b in self.interviewer)
        ]
        return [Token(t.text, t.start, t.end, i) for i, t in enumerate(kept)]

    def turns(self, voice: Sequence[Span]) -> list[Span]:
        """Each interviewer span stretched back to the candidate's last voice before it and on
        to their first voice after it: the handover, neither a pause nor slow speech."""
        out: list[Span] = []
        for a, b in self.interviewer:
            before = [e for s, e in voice if e <= a]
            after = [s for s, e in voice if s >= b]
            out.append((max(before, default=a), min(after, default=b)))
        return merged(out)

    def unknown(self, voice: Sequence[Span]) -> list[Span]:
        """Time that is neither the candidate's speech nor their silence."""
        return merged([*self.turns(voice), *self.holes])


__all__ = ["INTERVIEWER", "LEAD_S", "TAIL_S", "LeftOut", "Span", "merged", "overlap_s", "subtract"]
