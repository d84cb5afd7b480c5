"""Saved sessions read as typed records: every stored analysis version, old files, odd rows."""

from __future__ import annotations

import shutil
from pathlib import Path

from store_fixture_v1 import FIXTURE, WORDS
from store_helpers import new_answer, new_session

from simulator.core.analysis import ANALYSIS_VERSION, analyze
from simulator.core.records import Finding, read_analysis, read_words, summary_of
from simulator.core.transcript import Transcript, Word
from simulator.store import Store
from simulator.store.records import read_answer, read_session, read_unfinished


def test_the_v1_file_reads_as_typed_records(tmp_path: Path) -> None:
    copy = tmp_path / "hotseat.db"
    shutil.copyfile(FIXTURE, copy)
    with Store(copy) as store:
        session = read_session(store, 1)
        assert session is not None
        assert (session.id, session.status, session.drill) == (1, "complete", None)
        assert session.settings == {"rate": 170, "voice": "default"}
        first, second = session.answers
        assert first.words == tuple(Word.from_json(word) for word in WORDS)
        assert first.status == "answered" and not first.skipped  # status came with schema 2
        # An analysis written before the rules had their current shape: kept, read as is.
        assert first.analysis is not None
        assert first.analysis.version == 1 and not first.analysis.is_current
        assert first.analysis.data == {"fillers": 2, "wpm": 141}
        assert first.analysis.findings == ()
        assert second.analysis is None and second.duration_s == 55.0
        assert [event.kind for event in session.events] == ["question_spoken", "session_end"]

        (unfinished,) = read_unfinished(store)
        assert unfinished.id == 2 and unfinished.drill == "interruptions"
        (cut_off,) = unfinished.answers
        assert cut_off.transcript is None and cut_off.duration_s is None and not cut_off.finished
        assert unfinished.events[0].payload == {"text": "Can you be more specific?"}
        assert read_session(store, 99) is None and read_answer(store, 99) is None


def test_the_current_analysis_reads_its_findings_and_version(store: Store) -> None:
    words = (Word("we", 0.5, 0.7), Word("cut", 0.7, 1.0), Word("costs", 1.0, 1.5))
    report = analyze(Transcript(words=words, duration_s=20.0), [(0.5, 1.5)])
    session = new_session(store)
    answer = new_answer(store, session)
    store.finish_answer(
        answer,
        transcript="we cut costs",
        words=[w.to_json() for w in words],
        engine="vosk",
        model="m",
        duration_s=20.0,
    )
    store.set_analysis(answer, report, ANALYSIS_VERSION)
    saved = read_answer(store, answer)
    assert saved is not None and saved.analysis is not None
    assert saved.analysis.version == ANALYSIS_VERSION and saved.analysis.is_current
    assert saved.analysis.data == report
    messages = [finding["message"] for finding in report["findings"]]
    assert [finding.message for finding in saved.analysis.findings] == messages
    assert saved.words == words and saved.transcript == "we cut costs"
    summary = summary_of(saved)
    assert (summary.position, summary.question, summary.words) == (1, "Question 1?", words)
    assert summary.analysis is saved.analysis and not summary.skipped


def test_every_shape_of_stored_analysis_is_read_without_error() -> None:
    assert read_analysis(None, None) is None
    assert read_analysis("not an analysis", 3) is None
    # The version stored beside the analysis wins; else the one inside it; else 0.
    assert read_analysis({"version": 4}, 2).version == 2  # type: ignore[union-attr]
    assert read_analysis({"version": 4}, None).version == 4  # type: ignore[union-attr]
    assert read_analysis({"wpm": 141}, None).version == 0  # type: ignore[union-attr]
    odd = read_analysis({"findings": ["junk", {"metric": "wpm", "verdict": "within"}]}, 5)
    assert odd is not None
    assert odd.findings == (Finding(metric="wpm", verdict="within", message=""),)
    assert read_analysis({"findings": "junk"}, 5).findings == ()  # type: ignore[union-attr]


def test_hand_edited_word_timings_keep_the_words_that_are_words() -> None:
    stored = [{"text": "we", "start": 0.1, "end": 0.4}, {"start": 1}, "junk", None]
    assert read_words(stored) == (Word("we", 0.1, 0.4),)
    assert read_words("not a list") == ()


def test_a_skipped_answer_reads_as_skipped(store: Store) -> None:
    session = new_session(store)
    answer = new_answer(store, session)
    store.finish_answer(
        answer, transcript="", words=[], engine="vosk", model="m", duration_s=2.0, skipped=True
    )
    saved = read_session(store, session)
    assert saved is not None
    assert saved.answers[0].skipped and summary_of(saved.answers[0]).skipped
