"""Voice activity detection with WebRTC's VAD: live per block, and voiced spans of a recording.

webrtcvad accepts only 8/16/32/48 kHz mono int16 in frames of 10, 20 or 30 ms; any other rate
(a microphone at 44.1 kHz, a TTS file at 22.05 kHz) is resampled to 16 kHz here first.
"""

from __future__ import annotations

import webrtcvad

from simulator.audio.resample import StreamResampler, resample_pcm16

VAD_RATES = (8000, 16000, 32000, 48000)
FRAME_MS = (10, 20, 30)


def _vad_rate(sample_rate: int) -> int:
    return sample_rate if sample_rate in VAD_RATES else 16000


def _check(aggressiveness: int, frame_ms: int, sample_rate: int) -> None:
    if aggressiveness not in (0, 1, 2, 3):
        raise ValueError(f"aggressiveness must be 0-3, not {aggressiveness}")
    if frame_ms not in FRAME_MS:
        raise ValueError(f"frame_ms must be 10, 20 or 30, not {frame_ms}")
    if sample_rate <= 0:
        raise ValueError(f"invalid sample rate {sample_rate}")


class VoiceDetector:
    """Feeds recorded blocks of any size and says whether they held voice."""

    def __init__(self, sample_rate: int, aggressiveness: int = 2, frame_ms: int = 30) -> None:
        _check(aggressiveness, frame_ms, sample_rate)
        self.sample_rate = sample_rate
        self.vad_rate = _vad_rate(sample_rate)
        self._vad = webrtcvad.Vad(aggressiveness)
        self._frame_bytes = self.vad_rate * frame_ms // 1000 * 2
        self._pending = b""
        self._resampler = StreamResampler(sample_rate, self.vad_rate)

    def feed(self, pcm: bytes) -> bool:
        """True if any frame completed by this block was voiced; partial frames wait."""
        data = self._pending + self._resampler.process(pcm)
        voiced = False
        end = len(data) - len(data) % self._frame_bytes
        for start in range(0, end, self._frame_bytes):
            if self._vad.is_speech(data[start : start + self._frame_bytes], self.vad_rate):
                voiced = True
        self._pending = data[end:]
        return voiced

    def reset(self) -> None:
        """Forget buffered audio, e.g. between two answers."""
        self._pending = b""
        self._resampler = StreamResampler(self.sample_rate, self.vad_rate)


def voiced_spans(
    pcm: bytes,
    sample_rate: int,
    aggressiveness: int = 2,
    frame_ms: int = 30,
    min_gap_s: float = 0.3,
    min_span_s: float = 0.0,
) -> list[tuple[float, float]]:
    """(start_s, end_s) of the voiced stretches of a whole mono int16 recording.

    Gaps shorter than ``min_gap_s`` are merged (the pauses inside a sentence); spans shorter
    than ``min_span_s`` after merging are dropped (clicks, breaths).
    """
    _check(aggressiveness, frame_ms, sample_rate)
    rate = _vad_rate(sample_rate)
    data = resample_pcm16(pcm, sample_rate, rate)
    vad = webrtcvad.Vad(aggressiveness)
    frame_bytes = rate * frame_ms // 1000 * 2
    frame_s = frame_ms / 1000.0
    spans: list[tuple[float, float]] = []
    for index in range(len(data) // frame_bytes):
        frame = data[index * frame_bytes : (index + 1) * frame_bytes]
        if not vad.is_speech(frame, rate):
            continue
        start, end = index * frame_s, (index + 1) * frame_s
        if spans and start - spans[-1][1] < min_gap_s:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return [(round(a, 3), round(b, 3)) for a, b in spans if b - a >= min_span_s]
