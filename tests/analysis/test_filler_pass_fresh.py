"""The filler pass finds in an answer what a fresh decoder finds, whatever came before it.

A PocketSphinx decoder keeps its front end's state (the cepstral mean among it) from one
utterance to the next, and the filler pass keeps one decoder per thread: in the analysis
helper process every answer of a run goes through the same one. Without a reset, what an
answer's fillers are would depend on which answers were analysed before it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import simulator.speech.stt.filler_pass as filler_pass
from simulator.analysis_service import RATE, SLOT_MERGE_S, analyze_recording, recording_spans
from simulator.analysis_worker import AnalysisWorker
from simulator.audio.wav import WavWriter, read_audio_mono16
from simulator.core.transcript import Transcript
from simulator.speech.stt import RecognizerFactory, transcribe_wav
from tests.analysis.evalset import SpokenAnswer, build


@pytest.fixture(scope="module")
def answer(tmp_path_factory: pytest.TempPathFactory) -> SpokenAnswer:
    # At this speed one of its fillers ends a frame later after the decoder heard noise.
    return build("customer", 0.8, tmp_path_factory.mktemp("customer"))


@pytest.fixture(scope="module")
def transcript(answer: SpokenAnswer) -> Transcript:
    return transcribe_wav(answer.path, RecognizerFactory("pocketsphinx"))


def _noisy(pcm: bytes) -> bytes:
    """The same speech under loud hiss: another room, another microphone."""
    samples = np.frombuffer(pcm, "<i2").astype(np.int32)
    hiss = np.random.default_rng(1).normal(0, 2000, len(samples))
    return np.clip(samples + hiss, -32768, 32767).astype("<i2").tobytes()


@pytest.mark.slow
def test_the_threads_own_decoder_forgets_the_audio_it_decoded_before(
    answer: SpokenAnswer, transcript: Transcript, monkeypatch: pytest.MonkeyPatch
) -> None:
    pcm, _ = read_audio_mono16(answer.path, RATE)
    spans = recording_spans(pcm, RATE, SLOT_MERGE_S)
    monkeypatch.delattr(filler_pass._local, "decoder", raising=False)
    fresh = filler_pass.find_fillers(pcm, transcript.words, spans)
    assert fresh, "the answer should give the filler pass work"

    monkeypatch.delattr(filler_pass._local, "decoder")
    used = filler_pass._decoder()  # the one the next find_fillers of this thread takes
    used.start_utt()
    used.process_raw(_noisy(pcm), False, True)
    used.end_utt()

    assert filler_pass.find_fillers(pcm, transcript.words, spans) == fresh


@pytest.mark.slow
def test_an_answer_analysed_after_others_in_one_worker_gets_a_fresh_workers_fillers(
    answer: SpokenAnswer, transcript: Transcript, tmp_path: Path
) -> None:
    pcm, _ = read_audio_mono16(answer.path, RATE)
    noisy = tmp_path / "noisy.wav"
    with WavWriter(noisy, RATE) as writer:
        writer.write(_noisy(pcm))

    def fillers(worker: AnalysisWorker, wav: Path) -> object:
        report = worker.run(analyze_recording, wav, transcript, "STAR", (60, 120))
        return report["filler_pass"], report["fillers"]

    fresh_worker = AnalysisWorker()
    try:
        expected = fillers(fresh_worker, answer.path)
    finally:
        fresh_worker.close()
    assert expected[0]["changes"], "the answer should give the filler pass work"

    worker = AnalysisWorker()
    try:
        fillers(worker, noisy)  # another answer, heard in another room, comes first
        assert fillers(worker, answer.path) == expected
        assert fillers(worker, answer.path) == expected  # and the same one again
    finally:
        worker.close()
