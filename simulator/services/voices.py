"""The voices and playback façade: the interviewer's voices, a question spoken, a saved
answer played back. Each playback returns at once; ``Playback.stop`` cuts it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.services.adapters import SharedAdapters

if TYPE_CHECKING:
    from simulator.audio.output import Playback
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
