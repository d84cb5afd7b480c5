"""Transcribing a recorded WAV file the same way a live answer is recognised."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from simulator.audio.wav import read_audio_mono16
from simulator.core.transcript import Transcript
from simulator.speech.stt.base import Recognizer

RATE = 16000
BLOCK_SECONDS = 0.1


def transcribe_wav(path: Path, factory: Callable[[int], Recognizer]) -> Transcript:
    """The transcript of any PCM WAV; WavError propagates for unreadable files.

    ``factory`` is a RecognizerFactory or a RecognizerProcess.
    """
    pcm, rate = read_audio_mono16(path, RATE)
    recognizer = factory(rate)
    block = int(rate * BLOCK_SECONDS) * 2
    # Fed in live-sized blocks so that a re-transcription matches what the session saw.
    for offset in range(0, len(pcm), block):
        recognizer.accept(pcm[offset : offset + block])
    return recognizer.finish()


__all__ = ["transcribe_wav"]
