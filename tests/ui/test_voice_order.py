"""The interviewer voice list puts English voices first, then sorts by name."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from simulator.speech.tts import VoiceInfo
from simulator.ui.window import MainWindow


def test_english_voices_come_first(qtbot: QtBot, window: MainWindow) -> None:
    home_page = window.home
    voices = [
        VoiceInfo("de", "German", ("de",)),
        VoiceInfo("en-us", "English (America)", ("en-us",)),
        VoiceInfo("af", "Afrikaans", ("af",)),
        VoiceInfo("en-gb", "English (Great Britain)", ("en-gb",)),
    ]
    home_page.set_voices(voices, None)
    combo = home_page.voice_combo
    names = [combo.itemText(i) for i in range(1, combo.count())]
    assert names == ["English (America)", "English (Great Britain)", "Afrikaans", "German"]
