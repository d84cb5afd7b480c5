"""With no microphone Start stays greyed out with the reason, nothing is saved, and Start comes
back by itself once a microphone is found; Start also says why when nothing is chosen to mix.

The first test runs the real services with no sound server at all (this machine's normal
state: an empty XDG_RUNTIME_DIR, no autospawn), as tests/audio/test_no_devices.py does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem
from support.virtual_mic import PULSE_VARIABLES, isolated_client_env

from simulator import paths
from simulator.audio import devices
from simulator.library import Library
from simulator.services import build_services
from simulator.settings import Settings, SettingsFile
from simulator.ui import style
from simulator.ui.pages.home import PICK_CATEGORY
from simulator.ui.window import NO_MICROPHONE, NO_MICROPHONE_HINT, MainWindow


@pytest.fixture
def no_sound_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """PulseAudio clients find no server (an empty XDG_RUNTIME_DIR, no autospawn)."""
    assert devices.open_stream_count() == 0, "a rescan is impossible while streams are open"
    for name in PULSE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in isolated_client_env(tmp_path / "pulse").items():
        monkeypatch.setenv(name, value)
    devices.list_input_devices(rescan=True)
    yield
    monkeypatch.undo()
    devices.list_input_devices(rescan=True)


@pytest.mark.usefixtures("no_sound_server")
def test_no_microphone_keeps_start_disabled_saves_nothing_and_prints_no_traceback(
    qtbot: Any, library: Library, settings_file: SettingsFile, capfd: pytest.CaptureFixture[str]
) -> None:
    services = build_services(Settings(), paths.layout())
    window = MainWindow(services, library, settings_file)
    qtbot.addWidget(window)
    window.show()
    try:
        # Start pressed before the first check has answered: the session checks first.
        bridge = window.session.start("ui-test", 1)
        assert bridge is not None
        qtbot.waitUntil(lambda: window.microphone.ready is False, timeout=10_000)
        qtbot.waitUntil(lambda: not bridge.is_running, timeout=10_000)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.home)
        assert list(window.banners.banners) == ["microphone"]  # one banner, said once
        assert window.banners.message("microphone") == NO_MICROPHONE
        home = window.home
        assert not home.start_button.isEnabled()
        assert home.start_hint.isVisible() and home.start_hint.text() == NO_MICROPHONE_HINT
        assert home.start_button.accessibleDescription() == NO_MICROPHONE_HINT
        qtbot.mouseClick(home.start_button, Qt.MouseButton.LeftButton)
        assert window.session.start("ui-test", 1) is None
        assert window.stack.currentWidget() is window.home
        assert services.history.list_sessions() == []
        assert window.microphone.timer.isActive()  # it keeps looking
    finally:
        window.shutdown()
        services.close()
    assert "Traceback" not in capfd.readouterr().err


def test_start_comes_back_when_a_microphone_is_plugged_in(qtbot: Any, window: Any) -> None:
    window.services.microphones.microphone_ok = False
    window.microphone.timer.setInterval(30)
    window.microphone.check()
    qtbot.waitUntil(lambda: window.microphone.ready is False)
    banner = window.banners.banners["microphone"]
    assert banner.action_button is not None and banner.action_button.text() == "Check again"
    assert not window.home.start_button.isEnabled()
    checks = window.services.microphones.mic_checks
    qtbot.waitUntil(
        lambda: window.services.microphones.mic_checks >= checks + 2
    )  # looked again, alone
    assert list(window.banners.banners) == ["microphone"]
    window.services.microphones.microphone_ok = True  # plugged in
    qtbot.waitUntil(lambda: window.microphone.ready is True)
    assert "microphone" not in window.banners.banners
    assert window.home.start_button.isEnabled() and window.home.start_hint.isHidden()
    assert not window.microphone.timer.isActive()


def test_mix_without_a_category_says_why_start_is_greyed_out(qtbot: Any, window: Any) -> None:
    home = window.home
    qtbot.mouseClick(home.source.mix_button, Qt.MouseButton.LeftButton)
    home.source.categories.set_chosen([])
    home._source_changed()
    assert not home.start_button.isEnabled()
    assert home.start_hint.isVisible() and home.start_hint.text() == PICK_CATEGORY
    home.source.categories.set_chosen(["conflict"])
    qtbot.waitUntil(home.start_button.isEnabled)
    assert home.start_hint.isHidden()


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _contrast(first: QColor, second: QColor) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_category_tick_boxes_have_a_visible_edge(qtbot: Any, window: Any) -> None:
    """An unticked box's frame against the list's white: at least 3:1 (WCAG, UI parts)."""
    home = window.home
    qtbot.mouseClick(home.source.mix_button, Qt.MouseButton.LeftButton)
    picker = home.source.categories
    home.source.categories.set_chosen([])
    image = picker.viewport().grab().toImage()
    row = picker.visualRect(picker.model().index(1, 0))
    option = QStyleOptionViewItem()
    option.rect = row
    option.features = QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = picker.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, picker
    )
    left = [
        image.pixelColor(x, y)
        for x in range(box.left(), box.right() + 1)
        for y in range(box.top(), box.bottom() + 1)
    ]
    darkest = min(left, key=_luminance)
    assert _contrast(darkest, QColor(style.SURFACE)) >= 3.0
