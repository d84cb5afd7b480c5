"""``app.main`` starts the real window with the real services and stops everything on close."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from simulator import app, paths
from simulator.audio.wav import WavWriter
from simulator.cli import main
from simulator.settings import Settings
from simulator.store import Store


def cut_off_session(home: Path) -> None:
    """A session left 'recording' with half a second of audio, as after a crash."""
    layout = paths.layout()
    layout.ensure()
    store = Store(layout.db_path)
    try:
        session_id = store.create_session(
            mode="practice",
            pack_id="behavioral-core",
            drill=None,
            settings={},
            started_at="2024-01-01T10:00:00+00:00",
        )
        wav = layout.answer_wav(session_id, 1, "first")
        wav.parent.mkdir(parents=True, exist_ok=True)
        writer = WavWriter(wav, 16000)
        writer.write(b"\x00\x00" * 8000)  # never closed: the header is left unfinished
        store.start_answer(
            session_id=session_id,
            position=1,
            question_id="first",
            question_text="Hi?",
            audio_path=layout.relative(wav),
            sample_rate=16000,
            started_at="2024-01-01T10:00:01+00:00",
        )
    finally:
        store.close()


@pytest.mark.slow
def test_main_shows_the_window_recovers_a_session_and_exits_cleanly(
    qapp: QApplication, hotseat_home: Path
) -> None:
    cut_off_session(hotseat_home)
    seen: dict[str, Any] = {}

    def close_when_settled() -> None:
        from simulator.ui.window import MainWindow

        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows or windows[0].tasks.pending:
            return
        if not windows[0].property(app.BACKGROUND_STARTED):  # it begins after the first paint
            return
        window = windows[0]
        seen["title"] = window.windowTitle()
        seen["packs"] = window.home.packs_list.count()
        seen["banners"] = {key: b.message for key, b in window.banners.banners.items()}
        seen["voices"] = window.home.voice_combo.count()
        seen["icon sizes"] = window.windowIcon().availableSizes()
        poll.stop()
        window.close()

    poll = QTimer()
    poll.setInterval(50)
    poll.timeout.connect(close_when_settled)
    poll.start()
    assert app.main([]) == 0
    assert seen["title"] == "Hotseat"
    assert seen["packs"] >= 1
    assert len(seen["icon sizes"]) >= 4  # the shipped icon, not Qt's generic one
    assert seen["voices"] > 1  # the real synthesiser's voices were listed in the background
    recovered = [m for k, m in seen["banners"].items() if k.startswith("recovered")]
    assert len(recovered) == 1 and recovered[0].startswith("Session 1 was cut off")
    store = Store(paths.layout().db_path)
    try:
        assert store.unfinished_sessions() == []
    finally:
        store.close()


def test_practice_without_no_gui_opens_the_window_preset_to_the_pack(qapp: QApplication) -> None:
    seen: dict[str, Any] = {}

    def look_and_close() -> None:
        from simulator.ui.window import MainWindow

        # Windows of earlier tests may linger, hidden, until Qt deletes them.
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            return
        seen["pack"] = windows[0].home.selected_pack_id()
        seen["count"] = windows[0].home.question_count.value()
        poll.stop()
        windows[0].close()

    poll = QTimer()
    poll.setInterval(50)
    poll.timeout.connect(look_and_close)
    poll.start()
    assert main(["practice", "--pack", "behavioral-core", "--questions", "4"]) == 0
    assert seen == {"pack": "behavioral-core", "count": 4}


def test_start_up_work_waits_for_the_first_paint(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel

    widget = QLabel("Hotseat")
    qtbot.addWidget(widget)
    calls: list[bool] = []
    app.after_first_paint(widget, lambda: calls.append(widget.isVisible()))
    QApplication.processEvents()
    assert calls == []  # not before the window is on screen
    widget.show()
    qtbot.waitUntil(lambda: calls == [True])
    widget.update()
    QApplication.processEvents()
    assert calls == [True]  # once only


def shown_pack_ids(qapp: QApplication) -> list[str]:
    """Run the app until its window is shown; the ids of the packs on its home page."""
    seen: list[str] = []

    def look_and_close() -> None:
        from simulator.ui.window import MainWindow

        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            return
        packs = windows[0].home.packs_list
        seen.extend(packs.pack_id(row) for row in range(packs.count()))
        poll.stop()
        windows[0].close()

    poll = QTimer()
    poll.setInterval(50)
    poll.timeout.connect(look_and_close)
    poll.start()
    assert app.main([]) == 0
    return seen


def test_the_window_shows_the_packs_parsed_at_an_earlier_start(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from simulator.core.packs import load_pack
    from simulator.library import loading, pack_cache

    # The shipped files count as settled even in a checkout made a moment ago.
    monkeypatch.setattr(pack_cache, "clock_ns", lambda: time.time_ns() + 10_000_000_000)
    shipped = sorted(paths.builtin_packs_dir().glob("*.toml"))
    expected = [load_pack(path, "built-in").id for path in shipped]
    assert shown_pack_ids(qapp) == expected
    assert paths.packs_cache_file().is_file()

    def parse(*_args: Any) -> None:
        raise AssertionError("an unchanged pack was parsed again")

    monkeypatch.setattr(loading, "load_pack", parse)
    assert shown_pack_ids(qapp) == expected


def test_recovery_is_left_alone_when_no_session_awaits_it(
    hotseat_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its modules (sqlite-utils, numpy) would otherwise stay in the idle window's memory."""
    from simulator.services import build_services

    calls: list[object] = []

    def recover_unfinished(*args: object) -> list[str]:
        calls.append(args)
        return ["recovered"]

    monkeypatch.setattr("simulator.records.recovery.recover_unfinished", recover_unfinished)
    layout = paths.layout()
    services = build_services(Settings(), layout)
    recover = services.sessions.recover_unfinished
    assert recover() == [] and calls == []  # no database yet
    layout.ensure()
    with Store(layout.db_path) as store:
        session = store.create_session(
            mode="practice", pack_id="p", settings={}, started_at="2025-01-01T10:00:00"
        )
        store.finish_session(session, status="complete", ended_at="2025-01-01T10:05:00")
    assert recover() == [] and calls == []  # nothing cut off
    cut_off_session(hotseat_home)
    try:
        assert recover() == ["recovered"] and len(calls) == 1
    finally:
        services.close()
