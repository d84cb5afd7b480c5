"""The process that owns the pyttsx3 engine and renders prompts to WAV files.

pyttsx3 keeps one engine per driver and its run loop cannot be shared between threads, and
on Linux its espeak driver cannot be stopped once it runs. In a process of its own it can be
killed when it hangs, and the app never waits on it from the GUI thread.

Requests arrive on a pipe as ``(command, argument)`` tuples; each gets one reply,
``("ok", value)`` or ``("error", message)``.
"""

from __future__ import annotations

import contextlib
import os
import sys
import wave
from multiprocessing.connection import Connection
from typing import Any

from simulator.lifeline import watch_parent

Request = tuple[str, Any]
Reply = tuple[str, Any]


def _init_com() -> None:
    """SAPI5 needs COM initialised in the thread that uses it (Windows only)."""
    if sys.platform != "win32":
        return
    try:
        import pythoncom

        pythoncom.CoInitialize()
    except ImportError:
        import comtypes

        comtypes.CoInitialize()


RENDER_ATTEMPTS = 3


def _render(engine: Any, text: str, voice_id: str | None, rate: int, path: str) -> None:
    if voice_id:
        engine.setProperty("voice", voice_id)
    engine.setProperty("rate", rate)
    for _ in range(RENDER_ATTEMPTS):
        # Never say(): after a save_to_file() the espeak driver keeps writing to that file.
        engine.save_to_file(text, path)
        engine.runAndWait()
        # pyttsx3 2.99's espeak driver now and then writes a WAV with no samples (about 1 in
        # 100 renders here); the same request again succeeds.
        if _has_audio(path):
            return


def _has_audio(path: str) -> bool:
    try:
        with wave.open(path, "rb") as wav:
            return wav.getnframes() > 0
    except (OSError, EOFError, wave.Error):
        return False


def _voices(engine: Any) -> list[tuple[str, str, tuple[str, ...]]]:
    voices = []
    for voice in engine.getProperty("voices") or []:
        languages = tuple(
            lang.decode("utf-8", "replace") if isinstance(lang, bytes) else str(lang)
            for lang in (getattr(voice, "languages", None) or [])
        )
        voices.append((str(voice.id), str(voice.name or voice.id), languages))
    return voices


def serve(conn: Connection) -> None:
    """Answer requests until told to quit or the pipe closes; end with the app."""
    watch_parent()
    with contextlib.suppress(EOFError, OSError):  # the app went away mid-reply
        _serve(conn)


def _serve(conn: Connection) -> None:
    # pyttsx3 prints "Audio saved to ..." to stdout, which the parent may be using (--json).
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        _init_com()
        import pyttsx3

        engine = pyttsx3.init()
        while True:
            try:
                command, argument = conn.recv()
            except (EOFError, OSError):
                return
            if command == "quit":
                return
            try:
                reply: Reply
                if command == "render":
                    _render(engine, *argument)
                    reply = ("ok", None)
                elif command == "voices":
                    reply = ("ok", _voices(engine))
                else:
                    reply = ("error", f"unknown command {command!r}")
            except Exception as error:  # sent back to the app, which raises TtsError
                reply = ("error", f"{type(error).__name__}: {error}")
            conn.send(reply)


__all__ = ["serve"]
