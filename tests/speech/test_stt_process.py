"""Recognition in a child process: same results as in-process, and a dead child is survivable."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from simulator.audio.wav import read_audio_mono16
from simulator.core.transcript import Transcript
from simulator.speech.errors import ModelError, SpeechError
from simulator.speech.stt import RecognizerFactory, transcribe_wav
from simulator.speech.stt.process import RecognizerProcess
from tests.support.speech_samples import SpokenAnswer, wer

pytestmark = pytest.mark.slow


def test_the_child_transcribes_like_the_in_process_engine(english_answer: SpokenAnswer) -> None:
    process = RecognizerProcess("pocketsphinx")
    try:
        assert (process.engine, process.model) == ("pocketsphinx", "en-us (built-in)")
        remote = transcribe_wav(english_answer.path, process)
        local = transcribe_wav(english_answer.path, RecognizerFactory("pocketsphinx"))
        assert remote.text == local.text
        assert wer(english_answer.reference, remote.text) <= 0.10
        assert [w.start for w in remote.words] == [round(w.start, 3) for w in local.words]
        assert remote.engine == "pocketsphinx"
    finally:
        process.close()


def test_partials_arrive_while_feeding(english_answer: SpokenAnswer) -> None:
    pcm, rate = read_audio_mono16(english_answer.path, 16000)
    process = RecognizerProcess("pocketsphinx")
    try:
        recognizer = process(rate)
        partials = [recognizer.accept(pcm[i : i + 3200]) for i in range(0, len(pcm), 3200)]
        assert recognizer.finish().words
        assert any(partials)
    finally:
        process.close()


def test_a_killed_child_fails_that_answer_only(english_answer: SpokenAnswer) -> None:
    pcm, rate = read_audio_mono16(english_answer.path, 16000)
    process = RecognizerProcess("pocketsphinx")
    try:
        process.preload()
        recognizer = process(rate)
        recognizer.accept(pcm[:32000])
        assert process._process is not None and process._process.pid is not None
        os.kill(process._process.pid, signal.SIGKILL)
        process._process.join(timeout=5)
        for offset in range(32000, len(pcm), 3200):
            recognizer.accept(pcm[offset : offset + 3200])  # never raises
        with pytest.raises(SpeechError, match="stopped unexpectedly"):
            recognizer.finish()
        # The next answer gets a fresh child.
        assert transcribe_wav(english_answer.path, process).words
    finally:
        process.close()


def test_a_broken_model_is_reported_before_any_child_starts(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        RecognizerProcess("vosk", model_path=str(tmp_path))


def test_the_korean_vosk_model_loads_in_the_child(korean_model: Path) -> None:
    process = RecognizerProcess("vosk", model_path=str(korean_model))
    try:
        process.preload()
        assert process.engine == "vosk"
    finally:
        process.close()


def test_an_answer_left_unfinished_does_not_hold_up_closing(english_answer: SpokenAnswer) -> None:
    # A session that failed mid-answer (a full disk) never calls finish(): closing used to
    # wait 5 s for the recogniser's lock, then 2 s more for the child to quit.
    pcm, rate = read_audio_mono16(english_answer.path, 16000)
    process = RecognizerProcess("pocketsphinx")
    process.preload()
    recognizer = process(rate)
    for offset in range(0, len(pcm), 3200):
        recognizer.accept(pcm[offset : offset + 3200])
    child = process._process
    assert child is not None
    started = time.monotonic()
    process.close()
    took = time.monotonic() - started
    assert took < 3.0, took  # 5.05 s when close() waited for an unfinished answer
    assert not child.is_alive()


def test_closing_waits_for_a_final_transcript_being_made(english_answer: SpokenAnswer) -> None:
    pcm, rate = read_audio_mono16(english_answer.path, 16000)
    process = RecognizerProcess("pocketsphinx")
    process.preload()
    recognizer = process(rate)
    recognizer.accept(pcm)
    finals: list[object] = []
    finishing = threading.Thread(target=lambda: finals.append(recognizer.finish()))
    finishing.start()
    deadline = time.monotonic() + 10
    while not process._finishing and finishing.is_alive() and time.monotonic() < deadline:
        time.sleep(0.001)
    process.close()  # the answer's transcript is still wanted: it is saved after this
    finishing.join(10)
    assert finals and isinstance(finals[0], Transcript) and finals[0].words
