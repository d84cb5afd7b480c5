"""Vosk with the Korean model (the only Vosk model installable here), and broken model folders."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pytest

from simulator.audio.wav import read_audio_mono16, wav_duration
from simulator.speech.errors import ModelError
from simulator.speech.stt import RecognizerFactory, transcribe_wav
from tests.support.speech_samples import SpokenAnswer, fake_vosk_model


@pytest.mark.slow
def test_transcribes_korean_speech(
    korean_factory: RecognizerFactory, korean_answer: SpokenAnswer, korean_model: Path
) -> None:
    transcript = transcribe_wav(korean_answer.path, korean_factory)

    assert len(transcript.words) >= 5, transcript.text
    assert transcript.engine == "vosk"
    assert transcript.model == korean_model.name
    duration = wav_duration(korean_answer.path)
    assert transcript.duration_s == pytest.approx(duration, abs=1e-3)
    starts = [word.start for word in transcript.words]
    assert starts == sorted(starts)
    for word in transcript.words:
        assert 0.0 <= word.start < word.end <= duration
        assert 0.0 <= word.conf <= 1.0
        assert not word.text.startswith(("[", "<"))
    # Speech fills the file from start to end: so must the words.
    assert transcript.words[0].start < 1.0
    assert transcript.words[-1].end > duration - 1.5


@pytest.mark.slow
def test_live_feed_at_the_file_rate_gives_partials(
    korean_factory: RecognizerFactory, korean_answer: SpokenAnswer
) -> None:
    pcm, rate = read_audio_mono16(korean_answer.path)
    assert rate == 22050
    recognizer = korean_factory(rate)
    partials = []
    block = rate // 10 * 2
    for offset in range(0, len(pcm), block):
        partial = recognizer.accept(pcm[offset : offset + block])
        if partial is not None:
            partials.append(partial)
    transcript = recognizer.finish()

    assert partials, "no live partial text before finish()"
    assert "" not in partials
    assert transcript.words
    assert transcript.duration_s == pytest.approx(len(pcm) / 2 / rate)
    with pytest.raises(RuntimeError):
        recognizer.finish()


@pytest.mark.slow
def test_block_boundaries_inside_a_sample_change_nothing(
    korean_factory: RecognizerFactory, korean_answer: SpokenAnswer
) -> None:
    pcm, rate = read_audio_mono16(korean_answer.path)
    pcm = pcm[: rate * 2 * 3]

    def feed(block: int) -> str:
        recognizer = korean_factory(rate)
        for offset in range(0, len(pcm), block):
            recognizer.accept(pcm[offset : offset + block])
        return recognizer.finish().text

    even = feed(4410)
    assert even
    assert feed(4411) == even


@pytest.mark.slow
def test_the_same_audio_gives_the_same_words_whatever_drew_random_numbers_before(
    korean_factory: RecognizerFactory, korean_answer: SpokenAnswer
) -> None:
    pcm, rate = read_audio_mono16(korean_answer.path)
    pcm = pcm[: rate * 2 * 3]  # its last word is the one dither changed most often
    libc = ctypes.CDLL(None)

    def transcribe_after(draws: int) -> str:
        for _ in range(draws):  # other code in the process using the C library's rand()
            libc.rand()
        recognizer = korean_factory(rate)
        for offset in range(0, len(pcm), 4410):
            recognizer.accept(pcm[offset : offset + 4410])
        return recognizer.finish().text

    texts = {transcribe_after(draws) for draws in (0, 1, 7, 1000, 12345, 3)}
    assert len(texts) == 1, texts


@pytest.mark.slow
def test_empty_answer(korean_factory: RecognizerFactory) -> None:
    recognizer = korean_factory(16000)
    transcript = recognizer.finish()
    assert (transcript.words, transcript.duration_s) == ((), 0.0)


def test_incomplete_model_is_refused_before_vosk_sees_it(tmp_path: Path) -> None:
    broken = fake_vosk_model(tmp_path / "half", leave_out=("graph/phones/word_boundary.int",))
    with pytest.raises(ModelError, match=r"word_boundary\.int"):
        RecognizerFactory("vosk", model_path=str(broken))


def test_unloadable_model_becomes_a_model_error(
    tmp_path: Path, korean_model: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # Every file in place, but the acoustic model is garbage: Vosk itself has to refuse it.
    broken = tmp_path / "corrupt-model"
    broken.mkdir()
    for part in ("conf", "graph", "ivector"):
        (broken / part).symlink_to(korean_model / part)
    (broken / "am").mkdir()
    (broken / "am" / "final.mdl").write_bytes(b"\0" * 1000)
    factory = RecognizerFactory("vosk", model_path=str(broken))
    with pytest.raises(ModelError, match=r"could not load the model in .*corrupt-model") as e:
        factory(16000)
    # Kaldi's own reason is in our one message, and nothing of Kaldi's reaches the terminal.
    assert "Kaldi says:" in str(e.value) and "download the model again" in str(e.value)
    assert "VoskAPI" not in capfd.readouterr().err
