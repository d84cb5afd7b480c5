"""Sample-rate conversion of mono int16 sound, whole or as a live stream (libsoxr).

Microphones often run at 44.1 or 48 kHz and the recognisers and the voice detector want
16 kHz. Dropping to a third of the rate without first filtering out everything above the new
Nyquist limit folds hiss, fan noise and the top of every "s" back into the speech band, where
the recogniser hears it as noise (benchmarks/resampling.py measures it). libsoxr filters
properly and is fast; its stream form keeps its state between blocks, so a recording
resampled block by block matches one resampled whole, with no clicks at block edges.
"""

from __future__ import annotations

import numpy as np
import soxr

QUALITY = "HQ"  # 20-bit precision: more than int16 audio can show


def resample_pcm16(pcm: bytes, rate: int, target_rate: int) -> bytes:
    """Mono int16 PCM bytes at ``target_rate``; a trailing half sample is dropped."""
    pcm = pcm[: len(pcm) - len(pcm) % 2]
    if rate == target_rate or not pcm:
        return pcm
    samples = np.frombuffer(pcm, dtype="<i2")
    return soxr.resample(samples, rate, target_rate, quality=QUALITY).astype("<i2").tobytes()


class StreamResampler:
    """Resamples a live stream of mono int16 blocks; ``flush()`` returns what is held back.

    The filter holds back a few milliseconds of output until later input arrives, so the
    output of one block can be a little shorter than its share; over a whole recording the
    lengths add up to the same as resampling it whole.
    """

    def __init__(self, rate: int, target_rate: int) -> None:
        self.rate = rate
        self.target_rate = target_rate
        self._odd = b""  # half a sample left from a block of odd length
        self._stream = (
            None
            if rate == target_rate
            else soxr.ResampleStream(rate, target_rate, 1, dtype="int16", quality=QUALITY)
        )

    def process(self, pcm: bytes) -> bytes:
        pcm = self._odd + pcm
        whole = len(pcm) - len(pcm) % 2
        pcm, self._odd = pcm[:whole], pcm[whole:]
        if self._stream is None or not pcm:
            return pcm
        samples = np.frombuffer(pcm, dtype="<i2")
        return self._stream.resample_chunk(samples).astype("<i2").tobytes()

    def flush(self) -> bytes:
        """The held-back end of the stream; the resampler then starts afresh."""
        self._odd = b""
        if self._stream is None:
            return b""
        tail = self._stream.resample_chunk(np.zeros(0, dtype="<i2"), last=True)
        self._stream.clear()
        return tail.astype("<i2").tobytes()


__all__ = ["StreamResampler", "resample_pcm16"]
