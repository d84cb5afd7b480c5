"""Long recordings made cheaply, for memory tests and benchmarks.

Written block by block (the writer's memory stays small), as 48 kHz stereo: the rate and the
channels a phone or a desktop recorder gives, and the form that costs most when a file is
read whole. A short burst of shaped noise every ``every_s`` seconds over a quiet room stands
in for speech: the voice-activity pass finds it, and each burst is a slot for the filler pass.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile

RATE = 48000


def write_long_recording(path: Path, minutes: float, every_s: float = 30.0) -> Path:
    rng = np.random.default_rng(11)
    total = int(minutes * 60 * RATE)
    block = int(every_s * RATE)
    burst = int(0.8 * RATE)
    envelope = np.hanning(burst)
    with soundfile.SoundFile(str(path), "w", RATE, 2, "PCM_16") as file:
        for first in range(0, total, block):
            size = min(block, total - first)
            room = rng.standard_normal(size) * 30.0
            voiced = min(burst, max(0, size - RATE))
            room[RATE : RATE + voiced] += rng.standard_normal(voiced) * 4000 * envelope[:voiced]
            samples = np.clip(room, -32768, 32767).astype(np.int16)
            file.write(np.column_stack((samples, samples)))
    return path


__all__ = ["write_long_recording"]
