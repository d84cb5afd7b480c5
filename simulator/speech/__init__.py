"""Speech adapters: the interviewer's voice (text to speech) and answer recognition.

This package is the only place that imports pyttsx3, vosk and pocketsphinx. Those imports
happen inside the modules that need them (``tts_worker``, ``stt.vosk_engine``,
``stt.sphinx_engine``), so importing ``simulator.speech`` itself stays cheap.
"""

from simulator.speech.errors import ModelError, SpeechError, TtsError

__all__ = ["ModelError", "SpeechError", "TtsError"]
