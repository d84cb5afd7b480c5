"""The interviewer's voice: rendering through the worker process, the cache, and shutdown."""

from __future__ import annotations

import os
import signal
import threading
import wave
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from simulator.audio.wav import read_audio_mono16
from simulator.speech.errors import TtsError
from simulator.speech.tts import InterviewerVoice, VoiceInfo

PROMPT = "Tell me about a time you disagreed with a teammate."


@pytest.fixture
def voice(tmp_path: Path) -> Iterator[InterviewerVoice]:
    with InterviewerVoice(tmp_path / "tts") as interviewer:
        yield interviewer


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_render_gives_a_plausible_wav(voice: InterviewerVoice, tmp_path: Path) -> None:
    path = voice.render(PROMPT)

    assert path.parent == tmp_path / "tts"
    with wave.open(str(path), "rb") as wav:
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
        duration = wav.getnframes() / wav.getframerate()
    assert 0.5 < duration < 15.0
    pcm, _ = read_audio_mono16(path)
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
    assert np.sqrt(np.mean(samples**2)) > 300, "the rendering is silent"
    assert not list(path.parent.glob("*.part.wav")), "a temporary file was left behind"


def test_second_render_comes_from_the_cache(voice: InterviewerVoice) -> None:
    first = voice.render(PROMPT)
    mtime = first.stat().st_mtime_ns
    assert voice.render_count == 1

    assert voice.render(PROMPT) == first
    assert voice.render_count == 1
    assert first.stat().st_mtime_ns == mtime


def test_cache_survives_a_new_voice_object(tmp_path: Path) -> None:
    with InterviewerVoice(tmp_path / "tts") as first:
        path = first.render(PROMPT)
    with InterviewerVoice(tmp_path / "tts") as second:
        assert second.render(PROMPT) == path
        assert second.render_count == 0
        assert second.worker_pid is None, "a cache hit must not start the worker"


def test_rate_changes_the_file_and_the_length(tmp_path: Path) -> None:
    with (
        InterviewerVoice(tmp_path / "tts", rate=120) as slow,
        InterviewerVoice(tmp_path / "tts", rate=240) as fast,
    ):
        slow_path, fast_path = slow.render(PROMPT), fast.render(PROMPT)
    assert slow_path != fast_path
    with wave.open(str(slow_path)) as a, wave.open(str(fast_path)) as b:
        assert a.getnframes() > b.getnframes() * 1.4


def test_list_voices_and_render_with_one(tmp_path: Path, voice: InterviewerVoice) -> None:
    voices = voice.list_voices()
    assert voices and all(isinstance(v, VoiceInfo) and v.id for v in voices)
    english = next(v for v in voices if any(lang.startswith("en") for lang in v.languages))
    with InterviewerVoice(tmp_path / "tts", voice_id=english.id) as chosen:
        path = chosen.render(PROMPT)
    assert path != voice.render(PROMPT)


def test_close_stops_the_worker_and_is_idempotent(voice: InterviewerVoice) -> None:
    voice.render(PROMPT)
    pid = voice.worker_pid
    assert pid is not None and process_exists(pid)

    voice.close()
    assert voice.worker_pid is None
    assert not process_exists(pid)
    voice.close()
    with pytest.raises(TtsError, match="closed"):
        voice.render("Something new.")


def test_a_killed_worker_is_replaced(voice: InterviewerVoice) -> None:
    voice.render(PROMPT)
    pid = voice.worker_pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)

    path = voice.render("Why do you want this job?")
    assert path.is_file()
    assert voice.worker_pid not in (None, pid)


def test_timeout_kills_the_worker_and_raises(voice: InterviewerVoice) -> None:
    voice.render(PROMPT)  # the worker is warm: no start-up grace below
    pid = voice.worker_pid
    assert pid is not None
    voice.timeout_s = 0.0
    with pytest.raises(TtsError, match="did not answer"):
        voice.render("A question that takes longer than no time at all to say.")
    assert not process_exists(pid)
    assert not list((voice.cache_dir).glob("*.part.wav"))

    voice.timeout_s = 30.0
    assert voice.render("And now there is time.").is_file()


def test_renders_from_several_threads(voice: InterviewerVoice) -> None:
    texts = [f"Question number {n}." for n in range(4)]
    results: dict[str, Path] = {}

    def render(text: str) -> None:
        results[text] = voice.render(text)

    threads = [threading.Thread(target=render, args=(text,)) for text in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == sorted(texts)
    assert len({path for path in results.values()}) == 4
    assert voice.render_count == 4
