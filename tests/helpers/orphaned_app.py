"""An app that starts every helper process through the real services, for kill -9 tests.

Run as ``python orphaned_app.py HOME WAV``: it loads the recogniser (hotseat-stt), lists the
synthesiser's voices (hotseat-tts), analyses WAV (the analysis worker), starts analysing it
again on a thread, prints "ready" and waits to be killed.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from simulator.core.transcript import Transcript, Word
from simulator.services import build_services
from simulator.settings import Settings
from simulator.store import DataLayout


def main() -> None:
    home, wav = Path(sys.argv[1]), Path(sys.argv[2])
    services = build_services(Settings(engine="pocketsphinx"), DataLayout(home))
    services.models.prepare_recognizer()
    services.voices.list_voices()
    words = tuple(Word("word", 0.5 * i, 0.5 * i + 0.3, 0.9) for i in range(20))
    transcript = Transcript(words, "pocketsphinx", "en-us", 0.0)
    services.sessions.analyze_answer(wav, transcript, None)
    threading.Thread(
        target=services.sessions.analyze_answer, args=(wav, transcript, None), daemon=True
    ).start()
    print("ready", flush=True)
    time.sleep(600)


if __name__ == "__main__":
    main()
