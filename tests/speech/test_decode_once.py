"""A recorded file is decoded once by PocketSphinx, with the words the live re-decode gave."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest
from pocketsphinx import Decoder

from simulator.audio.wav import read_audio_mono16
from simulator.core.transcript import Transcript
from simulator.speech.stt import RecognizerFactory, sphinx_engine, transcribe_wav
from tests.support.speech_samples import SpokenAnswer


class CountingDecoder(Decoder):
    """A real decoder that counts the seconds of audio it is given to decode."""

    fed_samples = 0
    built = 0

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        CountingDecoder.built += 1

    def process_raw(self, data: bytes, no_search: bool = False, full_utt: bool = False) -> int:
        CountingDecoder.fed_samples += len(data) // 2
        return super().process_raw(data, no_search, full_utt)


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> type[CountingDecoder]:
    CountingDecoder.fed_samples = CountingDecoder.built = 0
    monkeypatch.setattr(sphinx_engine, "Decoder", CountingDecoder)
    return CountingDecoder


@pytest.mark.slow
def test_a_file_is_decoded_once_with_the_live_paths_words(
    counting: type[CountingDecoder], english_answer: SpokenAnswer
) -> None:
    pcm, rate = read_audio_mono16(english_answer.path, 16000)
    # The live path: fed as a microphone would, its first utterance decoded twice.
    live = RecognizerFactory("pocketsphinx")(rate)
    for offset in range(0, len(pcm), 3200):
        live.accept(pcm[offset : offset + 3200])
    expected = live.finish()
    assert counting.fed_samples > len(pcm) // 2  # the re-decode is there on the live path

    counting.fed_samples = counting.built = 0
    from_file = transcribe_wav(english_answer.path, RecognizerFactory("pocketsphinx"))

    assert counting.built == 1
    assert counting.fed_samples <= len(pcm) // 2
    assert from_file.text == expected.text
    assert [(w.start, w.end) for w in from_file.words] == [(w.start, w.end) for w in expected.words]


def with_a_short_sound_first(answer: SpokenAnswer, path: Path) -> bytes:
    """The answer after a 0.2 s burst of noise (a cough, a click) and 2 s of silence: the
    burst is an utterance of its own, too short to warm a decoder up."""
    pcm, _rate = read_audio_mono16(answer.path, 16000)
    noise = np.random.default_rng(12).normal(0, 3000, 3200).astype("<i2").tobytes()
    audio = bytes(3200) + noise + bytes(64000) + pcm + bytes(16000)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(audio)
    return audio


def live_words(factory: RecognizerFactory, audio: bytes) -> Transcript:
    live = factory(16000)
    for offset in range(0, len(audio), 3200):
        live.accept(audio[offset : offset + 3200])
    return live.finish()


@pytest.mark.slow
def test_a_short_sound_before_the_answer_leaves_the_files_words_as_heard_live(
    counting: type[CountingDecoder], english_answer: SpokenAnswer, tmp_path: Path
) -> None:
    audio = with_a_short_sound_first(english_answer, tmp_path / "cough.wav")
    expected = live_words(RecognizerFactory("pocketsphinx"), audio)
    assert expected.text

    counting.built = 0
    from_file = transcribe_wav(tmp_path / "cough.wav", RecognizerFactory("pocketsphinx"))

    assert from_file.words == expected.words  # times and confidences alike
    assert counting.built == 2  # the burst was decoded on its own, the answer on a new decoder


@pytest.mark.slow
def test_a_decoder_that_never_warmed_up_is_not_reused_for_a_file(
    english_answer: SpokenAnswer, tmp_path: Path
) -> None:
    audio = with_a_short_sound_first(english_answer, tmp_path / "cough.wav")
    expected = transcribe_wav(tmp_path / "cough.wav", RecognizerFactory("pocketsphinx"))

    factory = RecognizerFactory("pocketsphinx")
    # An answer of one short sound: its decoder decoded it live and stayed cold.
    assert live_words(factory, audio[:32000]).duration_s == 1.0
    assert transcribe_wav(tmp_path / "cough.wav", factory).words == expected.words
