"""The one interface of a speech recogniser, as the runner and ``transcribe_wav`` use it.

Pure (a Protocol over ``core.transcript``): the session runner feeds it live, the speech
package's engines (``speech.stt``: Vosk, PocketSphinx, the recogniser process) implement it,
and both sides import it from here, so neither depends on the other.
"""

from __future__ import annotations

from typing import Protocol

from simulator.core.transcript import Transcript


class Recognizer(Protocol):
    """Recognises one answer, fed live; one instance per answer, used from one thread."""

    engine: str
    model: str

    def accept(self, pcm: bytes) -> str | None:
        """Feed mono int16 little-endian PCM at the recogniser's sample rate; any block size.

        Returns the whole answer's text so far (finished segments plus the current guess)
        when it changed since the last call, else None.
        """
        ...

    def finish(self) -> Transcript:
        """The final transcript; word times are seconds since the first sample fed."""
        ...
