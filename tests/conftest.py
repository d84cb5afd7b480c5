"""Shared test set-up: no test touches the real user folders, and Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.pulse_state import PulseState
from tests.support.virtual_mic import VirtualMic

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def hotseat_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Every test gets its own empty data folder."""
    home = tmp_path_factory.mktemp("hotseat-home")
    monkeypatch.setenv("HOTSEAT_HOME", str(home))
    monkeypatch.delenv("VOSK_MODEL_PATH", raising=False)
    yield home


@pytest.fixture(scope="session")
def pulse_daemon() -> Iterator[tuple[VirtualMic, PulseState]]:
    """One PulseAudio daemon for the whole run (it starts in 1-2 s), with its state as started:
    the end-to-end tests and tests/audio share it (tests/audio's ``virtual_mic`` puts it back
    in that state before each test)."""
    with VirtualMic() as mic:
        yield mic, PulseState.read(mic.env)


@pytest.fixture(scope="session")
def session_mic(pulse_daemon: tuple[VirtualMic, PulseState]) -> VirtualMic:
    return pulse_daemon[0]


@pytest.fixture(autouse=True)
def quiet_microphone(request: pytest.FixtureRequest) -> Iterator[None]:
    """The shared microphone falls silent after each test that used it: answers still
    playing from a test that stopped its app mid-answer would be heard in the next one."""
    yield
    if "pulse_daemon" in request.fixturenames:  # session_mic and tests/audio's virtual_mic
        mic, _state = request.getfixturevalue("pulse_daemon")
        mic.silence()


@pytest.fixture(autouse=True)
def collect_garbage_on_the_main_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Qt tests: no automatic cycle collection (it may run in a worker thread and destroy Qt
    objects there, which crashes); collect on this thread afterwards. The app does the same
    with simulator.ui.gc_guard."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield
        return
    import gc

    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()
