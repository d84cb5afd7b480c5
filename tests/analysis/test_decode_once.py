"""``analyze FILE`` reads the recording once and loads PocketSphinx once, finding the same."""

from __future__ import annotations

from pathlib import Path

import pytest

import simulator.speech.stt.filler_pass as filler_pass
from simulator.analysis_service import analyze_recording, transcribe_and_analyze
from simulator.audio.wav import MonoReader
from simulator.speech.stt import RecognizerFactory, sphinx_engine, transcribe_wav
from tests.analysis.evalset import SpokenAnswer


@pytest.mark.slow
def test_analyze_file_reads_once_with_one_decoder_and_finds_the_same(
    eval_set: list[SpokenAnswer], monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = next(a for a in eval_set if a.fillers)
    # The two-step path, with a filler-pass decoder of its own as a fresh process has.
    monkeypatch.delattr(filler_pass._local, "decoder", raising=False)
    transcript = transcribe_wav(answer.path, RecognizerFactory("pocketsphinx"))
    expected = analyze_recording(answer.path, transcript, "STAR", (60, 120))
    assert expected["filler_pass"]["changes"], "the answer should give the filler pass work"

    opened: list[Path] = []
    built: list[object] = []
    real_init, real_new = MonoReader.__init__, sphinx_engine._new_decoder

    def counting_init(self: MonoReader, path: Path, *args: object, **kwargs: object) -> None:
        opened.append(path)
        real_init(self, path, *args, **kwargs)  # type: ignore[arg-type]

    def counting_new() -> object:
        built.append(None)
        return real_new()

    monkeypatch.setattr(MonoReader, "__init__", counting_init)
    monkeypatch.setattr(sphinx_engine, "_new_decoder", counting_new)
    monkeypatch.setattr(filler_pass, "Decoder", None)  # a decoder of its own would fail
    monkeypatch.delattr(filler_pass._local, "decoder", raising=False)

    got_transcript, report = transcribe_and_analyze(
        answer.path, RecognizerFactory("pocketsphinx"), "STAR", (60, 120)
    )

    assert opened == [answer.path]
    assert len(built) == 1
    assert got_transcript == transcript
    expected.pop("analysis_ms")
    report.pop("analysis_ms")
    assert report == expected
