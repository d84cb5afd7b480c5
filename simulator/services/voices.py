"""The voices and playback façade: the interviewer's voices, a question spoken, a saved
answer played back, and what the replay page needs of a saved answer (its waveform, its
recording prepared at a speed, the question as it was asked). Each playback returns at once;
``Playback.stop`` cuts it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from simulator.services.adapters import SharedAdapters

if TYPE_CHECKING:
    from simulator.audio.output import Playback, PreparedSound
    from simulator.records.waveforms import Envelope
    from simulator.speech.tts import VoiceInfo


class Voices:
    def __init__(self, adapters: SharedAdapters) -> None:
        self.adapters = adapters

    def list_voices(self) -> list[VoiceInfo]:
        """The synthesiser's voices; starts the speech worker, so call it off the GUI thread."""
        return self.adapters.voice.list_voices()

    def speak_text(self, text: str) -> Playback:
        """Say ``text`` in the interviewer's voice; renders first (slow), then returns at once."""
        wav = self.adapters.voice.render(text)
        return self.adapters.speaker().start(wav)

    def play_recording(self, stored_path: str, start_s: float = 0.0) -> Playback:
        """Start playing a saved answer (non-blocking); ``stored_path`` as the store keeps it."""
        return self.adapters.speaker().start(self.adapters.layout.absolute(stored_path), start_s)

    def prepare_recording(self, stored_path: str, speed: float = 1.0) -> PreparedSound:
        """A saved answer ready to play from any moment at ``speed`` (pitch kept); slow (it
        reads the file and time-stretches it), so call it off the GUI thread."""
        wav = self.adapters.layout.absolute(stored_path)
        return self.adapters.speaker().prepare(wav, speed)

    def waveform(self, stored_path: str) -> Envelope:
        """A saved answer's waveform envelope, cached in the data folder; slow the first time."""
        from simulator.records.waveforms import envelope

        layout = self.adapters.layout
        return envelope(layout.absolute(stored_path), layout.home)

    def asked_question(self, text: str) -> Path | None:
        """The interviewer's question as it was spoken, if its rendering is still cached
        (with today's voice and rate); never renders it anew (that would not be the recording)."""
        cached = self.adapters.voice.cache_path(text)
        return cached if cached.is_file() else None

    def prepare_question(self, text: str) -> PreparedSound | None:
        """The cached question ready to play (None when it is no longer cached); slow-ish."""
        cached = self.asked_question(text)
        return self.adapters.speaker().prepare(cached) if cached is not None else None
