"""PocketSphinx on real (synthetic) speech: accuracy, word timings, live partials, rates."""

from __future__ import annotations

import difflib
import itertools
import subprocess
from pathlib import Path

import numpy as np
import pytest

from simulator.audio.wav import WavError, read_audio_mono16, wav_duration
from simulator.core.transcript import Transcript
from simulator.speech.stt import RecognizerFactory, transcribe_wav
from simulator.speech.stt.base import clean_text, clean_word
from tests.support.speech_samples import SpokenAnswer, wer


def assert_sane_words(transcript: Transcript) -> None:
    assert transcript.words, "no words were recognised"
    starts = [word.start for word in transcript.words]
    assert starts == sorted(starts)
    for word in transcript.words:
        assert 0.0 <= word.start < word.end <= transcript.duration_s
        assert 0.0 <= word.conf <= 1.0
        assert word.text == word.text.lower() and "(" not in word.text
        assert not word.text.startswith(("<", "["))


@pytest.mark.slow
def test_transcribes_clear_speech(
    sphinx_factory: RecognizerFactory, english_answer: SpokenAnswer
) -> None:
    transcript = transcribe_wav(english_answer.path, sphinx_factory)

    assert wer(english_answer.reference, transcript.text) <= 0.10, transcript.text
    assert transcript.engine == "pocketsphinx"
    assert transcript.model == "en-us (built-in)"
    assert transcript.duration_s == pytest.approx(wav_duration(english_answer.path), abs=1e-3)
    assert_sane_words(transcript)
    # The last word ends near the end of the speech, not somewhere else in time.
    assert transcript.words[-1].end > transcript.duration_s - 1.5


@pytest.mark.slow
def test_other_rates_and_channels_give_the_same_words_and_times(
    sphinx_factory: RecognizerFactory, english_answer: SpokenAnswer, tmp_path: Path
) -> None:
    stereo = tmp_path / "stereo44.wav"
    subprocess.run(
        ["sox", str(english_answer.path), "-r", "44100", "-c", "2", str(stereo)], check=True
    )
    reference = transcribe_wav(english_answer.path, sphinx_factory)
    converted = transcribe_wav(stereo, sphinx_factory)

    assert wer(english_answer.reference, converted.text) <= 0.10, converted.text
    assert converted.duration_s == pytest.approx(reference.duration_s, abs=0.01)
    matcher = difflib.SequenceMatcher(
        a=[w.text for w in reference.words], b=[w.text for w in converted.words]
    )
    shifts = [
        abs(reference.words[block.a + k].start - converted.words[block.b + k].start)
        for block in matcher.get_matching_blocks()
        for k in range(block.size)
    ]
    assert len(shifts) >= len(reference.words) - 3
    # Resampling moves no word; only a word next to a misrecognition may change its bounds.
    assert max(shifts) < 0.15
    assert sum(shift < 0.03 for shift in shifts) >= 0.9 * len(shifts)


@pytest.mark.slow
def test_live_feed_at_device_rate_keeps_original_seconds(
    sphinx_factory: RecognizerFactory, english_answer: SpokenAnswer
) -> None:
    pcm, rate = read_audio_mono16(english_answer.path, 48000)
    recognizer = sphinx_factory(rate)
    partials: list[str] = []
    rng = np.random.default_rng(7)
    offset = 0
    # Uneven blocks, odd byte counts included: what a device callback may deliver.
    while offset < len(pcm):
        size = int(rng.integers(1, 9000))
        partial = recognizer.accept(pcm[offset : offset + size])
        if partial is not None:
            partials.append(partial)
        offset += size
    transcript = recognizer.finish()

    assert partials, "no live partial text before finish()"
    assert all(a != b for a, b in itertools.pairwise(partials)), "unchanged partial"
    assert "" not in partials
    assert transcript.duration_s == pytest.approx(len(pcm) / 2 / 48000)
    assert wer(english_answer.reference, transcript.text) <= 0.10, transcript.text
    assert_sane_words(transcript)
    # Partials grow into the final text.
    assert wer(transcript.text, partials[-1]) <= 0.2


def test_unreadable_wav_raises_wav_error(sphinx_factory: RecognizerFactory, tmp_path: Path) -> None:
    not_wav = tmp_path / "notes.wav"
    not_wav.write_text("this is not audio")
    with pytest.raises(WavError, match=r"notes\.wav"):
        transcribe_wav(not_wav, sphinx_factory)


def test_silence_gives_no_words(sphinx_factory: RecognizerFactory) -> None:
    recognizer = sphinx_factory(16000)
    for _ in range(20):
        recognizer.accept(bytes(3200))
    transcript = recognizer.finish()
    assert transcript.words == ()
    assert transcript.duration_s == pytest.approx(2.0)


@pytest.mark.parametrize("samples", [0, 1, 800, 2205])
def test_empty_and_tiny_answers_give_an_empty_transcript(
    sphinx_factory: RecognizerFactory, samples: int
) -> None:
    recognizer = sphinx_factory(44100)
    recognizer.accept(bytes(samples * 2))
    transcript = recognizer.finish()
    assert transcript.words == ()
    assert transcript.duration_s == pytest.approx(samples / 44100)


def test_finish_twice_is_an_error(sphinx_factory: RecognizerFactory) -> None:
    recognizer = sphinx_factory(16000)
    recognizer.accept(bytes(3200))
    recognizer.finish()
    with pytest.raises(RuntimeError):
        recognizer.finish()


@pytest.mark.parametrize(
    ("token", "word"),
    [
        ("hello", "hello"),
        ("Read(2)", "read"),
        ("<s>", None),
        ("</s>", None),
        ("<sil>", None),
        ("[NOISE]", None),
        ("++BREATH++", None),
        ("<unk>", None),
        ("[9]", None),
        ("don't", "don't"),
    ],
)
def test_clean_word(token: str, word: str | None) -> None:
    assert clean_word(token) == word


def test_clean_text() -> None:
    assert clean_text("<s> Hello(2) [NOISE] world </s>") == "hello world"
