"""Transcribing a recorded file the same way a live answer is recognised.

The file is streamed: read, resampled and fed in blocks, so memory does not grow with its
length (a 3-hour recording read whole took 2 GB).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from simulator.core.transcript import Transcript
from simulator.speech.stt.base import Recognizer

RATE = 16000
BLOCK_SECONDS = 0.1

# progress(done_s, total_s): seconds of the recording transcribed so far, and in all
Progress = Callable[[float, float], None]


def transcribe_wav(
    path: Path,
    factory: Callable[[int], Recognizer],
    progress: Progress | None = None,
    tap: Callable[[bytes], None] | None = None,
) -> Transcript:
    """The transcript of any sound file; WavError propagates for unreadable files.

    ``tap`` sees every block of the 16 kHz mono int16 audio as it is read, so that another
    pass over the same audio (the analysis) needs no second read of the file.

    ``factory`` is a RecognizerFactory or a RecognizerProcess (whose ``for_file`` recogniser
    decodes the file once), or any callable making a Recognizer.
    """
    make = getattr(factory, "for_file", factory)
    # Here, not at the top: the window imports this package to set up the recogniser, and
    # audio.wav brings numpy and soundfile (16 MiB) into its idle process.
    from simulator.audio.wav import MonoReader

    with MonoReader(path, RATE) as audio:
        recognizer = make(RATE)
        block = int(RATE * BLOCK_SECONDS) * 2
        held = b""
        done = 0
        # Fed in live-sized blocks, cut at the same places as if the file were read whole, so
        # that a re-transcription matches what the session saw.
        for pcm in audio.blocks():
            if tap is not None:
                tap(pcm)
            pcm = held + pcm
            whole = len(pcm) - len(pcm) % block
            for offset in range(0, whole, block):
                recognizer.accept(pcm[offset : offset + block])
            held = pcm[whole:]
            done += whole
            if progress is not None:
                progress(done / 2 / RATE, audio.duration_s)
        if held:
            recognizer.accept(held)
    return recognizer.finish()


__all__ = ["Progress", "transcribe_wav"]
