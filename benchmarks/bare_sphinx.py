"""The yardstick for ``benchmarks/decode_once.py``: PocketSphinx on a file with nothing else.

What a user of the library would write: read the file, bring it to 16 kHz mono, feed it to
one decoder in 0.1 s blocks and print the words. Run: ``python benchmarks/bare_sphinx.py F``.
"""

from __future__ import annotations

import sys

import numpy as np
import soundfile
import soxr
from pocketsphinx import Decoder

RATE = 16000


def main(path: str) -> None:
    audio, rate = soundfile.read(path, dtype="float32", always_2d=True)
    mono = audio.mean(axis=1)
    if rate != RATE:
        mono = soxr.resample(mono, rate, RATE)
    pcm = (np.clip(mono, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    decoder = Decoder(loglevel="FATAL")
    decoder.start_utt()
    block = RATE // 10 * 2
    for offset in range(0, len(pcm), block):
        decoder.process_raw(pcm[offset : offset + block], False, False)
    decoder.end_utt()
    hyp = decoder.hyp()
    print(hyp.hypstr if hyp else "")


if __name__ == "__main__":
    main(sys.argv[1])
