"""A recorded file is decoded once by PocketSphinx, with the words the live re-decode gave."""

from __future__ import annotations

import pytest
from pocketsphinx import Decoder

from simulator.audio.wav import read_audio_mono16
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
