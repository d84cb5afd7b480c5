"""Closing the window does not wait for start-up work: ``Services.interrupt_start_up``
stops the helper processes that start-up tasks are waiting on, and starts no new one."""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from simulator import paths
from simulator.services import Services, build_services
from simulator.settings import Settings
from simulator.speech.errors import SpeechError, TtsError


def helpers_named(name: str) -> list[multiprocessing.process.BaseProcess]:
    return [child for child in multiprocessing.active_children() if child.name == name]


def interrupted_while_starting(
    start: Callable[[], object], helper: str, services: Services
) -> tuple[BaseException | None, float]:
    """Run ``start`` on a thread, interrupt once its helper process exists; the error it
    ended with and the seconds it took to end after the interrupt."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            start()
            outcome.append(None)
        except Exception as error:
            outcome.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    deadline = time.monotonic() + 20
    while not helpers_named(helper) and worker.is_alive() and time.monotonic() < deadline:
        time.sleep(0.005)
    interrupted = time.monotonic()
    services.interrupt_start_up()
    worker.join(30)
    assert not worker.is_alive()
    return outcome[0], time.monotonic() - interrupted


@pytest.fixture
def services(tmp_path: Path) -> Services:
    made = build_services(Settings(engine="pocketsphinx"), paths.layout())
    yield made
    made.close()


def test_a_recogniser_loading_its_model_is_cut_short(services: Services) -> None:
    error, _seconds = interrupted_while_starting(
        services.models.prepare_recognizer, "hotseat-stt", services
    )
    assert isinstance(error, SpeechError)  # it did not go on to load the model
    services.close()
    assert helpers_named("hotseat-stt") == []


def test_a_voice_listing_its_voices_is_cut_short(services: Services) -> None:
    error, _seconds = interrupted_while_starting(
        services.voices.list_voices, "hotseat-tts", services
    )
    assert isinstance(error, TtsError)
    services.close()
    assert helpers_named("hotseat-tts") == []


def test_no_helper_starts_after_the_interrupt(services: Services) -> None:
    services.interrupt_start_up()
    with pytest.raises(SpeechError):
        services.models.prepare_recognizer()
    with pytest.raises(SpeechError):
        services.voices.list_voices()
    assert helpers_named("hotseat-stt") == helpers_named("hotseat-tts") == []
