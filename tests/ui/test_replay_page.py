"""The replay page (pages/review.py) against fake audio on a clock the test sets: the word
highlight and playhead follow the playback's position at any speed, clicks and keys seek,
marks come from the saved analysis and the drill's events, slow work stays off the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMainWindow

from simulator.ui.pages.review import ReviewPage
from simulator.ui.tasks import TaskRunner
from simulator.ui.widgets.replay_marks import FILLER, PART, PAUSE, PRESSURE
from simulator.ui.widgets.waveform import FLAG_STRIP
from tests.support.replay_fakes import ReplayFakes
from tests.ui.conftest import FakeVoices
from tests.ui.replay_session import SESSION, WORDS


@pytest.fixture
def audio() -> ReplayFakes:
    return FakeVoices()


@pytest.fixture
def page(qtbot: Any, audio: ReplayFakes) -> Iterator[ReviewPage]:
    tasks = TaskRunner()
    review = ReviewPage(audio, tasks)  # type: ignore[arg-type]
    host = QMainWindow()  # shortcuts need an active window, as in the app
    host.setCentralWidget(review)
    host.resize(1200, 800)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    review.show_session(SESSION)
    qtbot.waitUntil(lambda: review.waveform.envelope is not None)
    host.activateWindow()  # after the page is filled, which took the activation away here
    qtbot.waitUntil(host.isActiveWindow)
    yield review
    review.stop_playback()
    tasks.shutdown()


def playing(audio: ReplayFakes) -> Any:
    started = [p for sound in audio.sounds for p in sound.started if p.is_playing]
    return started[-1] if started else None


def start_playing(qtbot: Any, page: ReviewPage, audio: ReplayFakes) -> Any:
    page.play_button.click()
    qtbot.waitUntil(lambda: playing(audio) is not None)
    return playing(audio)


def word_index(text: str) -> int:
    return [w.text for w in WORDS].index(text)


def test_the_highlight_and_playhead_follow_the_playback_clock(
    qtbot: Any, page: ReviewPage, audio: ReplayFakes
) -> None:
    assert page.answer_label.text() == "Answer 1 of 2: Tell me about a time you fixed something."
    start_playing(qtbot, page, audio)
    assert page.play_button.text() == "❚❚  Pause"
    for word in (WORDS[0], WORDS[6], WORDS[13]):
        audio.clock.now = word.start + 0.01
        qtbot.waitUntil(lambda w=word: page.transcript.current == WORDS.index(w))
        assert page.waveform.position_s == pytest.approx(word.start + 0.01)
    audio.clock.now = WORDS[12].end + 0.5  # in the pause: no word is highlighted
    qtbot.waitUntil(lambda: page.transcript.current is None)
    selection = page.transcript.extraSelections()
    assert selection == []
    first = playing(audio)
    audio.clock.now = 30.0  # the end: Play again, playhead at the end
    qtbot.waitUntil(lambda: page.play_button.text() == "▶  Play")
    assert not first.is_playing
    assert page.waveform.position_s == pytest.approx(30.0)


def test_the_highlighted_word_is_the_one_under_the_position(
    qtbot: Any, page: ReviewPage, audio: ReplayFakes
) -> None:
    start_playing(qtbot, page, audio)
    audio.clock.now = WORDS[4].start + 0.1
    qtbot.waitUntil(lambda: page.transcript.current == 4)
    (selection,) = page.transcript.extraSelections()
    assert selection.cursor.selectedText() == WORDS[4].text


def test_clicking_a_word_plays_from_it(
    qtbot: Any, page: ReviewPage, audio: ReplayFakes, marks: Any
) -> None:
    index = word_index("build")
    point = marks.point(page.transcript, "build")
    qtbot.mouseClick(page.transcript.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: playing(audio) is not None)
    assert playing(audio).start_s == pytest.approx(WORDS[index].start)
    qtbot.waitUntil(lambda: page.transcript.current == index)


def test_pressing_and_dragging_the_waveform_seeks(
    qtbot: Any, page: ReviewPage, audio: ReplayFakes
) -> None:
    wave = page.waveform
    middle = wave.height() // 2
    x = round(wave.x_of(6.0))
    qtbot.mousePress(wave, Qt.MouseButton.LeftButton, pos=QPoint(x, middle))
    assert page.player.position_s == pytest.approx(6.0, abs=30 / wave.width() + 0.01)
    assert playing(audio) is None  # paused: seeking only moves the playhead
    first = start_playing(qtbot, page, audio)
    x = round(wave.x_of(9.0))
    qtbot.mouseMove(wave, QPoint(x, middle))
    qtbot.mousePress(wave, Qt.MouseButton.LeftButton, pos=QPoint(x, middle))
    qtbot.waitUntil(lambda: playing(audio) is not first)
    assert playing(audio).start_s == pytest.approx(9.0, abs=30 / wave.width() + 0.01)
    assert first.stopped


def test_marks_come_from_the_analysis_and_the_answers_own_events(page: ReviewPage) -> None:
    kinds = [(m.kind, m.label) for m in page.markers]
    assert (FILLER, "Filler: um") in kinds
    assert (PAUSE, "Pause 1.2 s") in kinds
    assert [label for kind, label in kinds if kind == PART] == ["Situation", "Action", "Result"]
    pressure = [m for m in page.markers if m.kind == PRESSURE]
    # The second answer's phone is not this answer's; the interruption ends when it ended.
    assert [(m.label, m.start_s, m.end_s) for m in pressure] == [
        ("Distraction: knock", 4.0, 4.6),
        ("Interruption: follow up", 8.0, 9.5),
    ]
    assert page.waveform.markers == page.markers


def test_clicking_a_mark_seeks_to_it(
    qtbot: Any, page: ReviewPage, audio: ReplayFakes, marks: Any
) -> None:
    interruption = next(m for m in page.markers if m.kind == PRESSURE and m.start_s == 8.0)
    x = round(page.waveform.x_of(interruption.start_s)) + 3  # on its flag
    qtbot.mouseClick(page.waveform, Qt.MouseButton.LeftButton, pos=QPoint(x, FLAG_STRIP // 2))
    assert page.player.position_s == 8.0
    point = marks.point(page.transcript, "Pause 1.2 s")  # a chip in the transcript
    qtbot.mouseClick(page.transcript.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: playing(audio) is not None)
    assert playing(audio).start_s == 6.9


def test_keys_play_pause_skip_and_change_answer(
    qtbot: Any, page: ReviewPage, audio: ReplayFakes
) -> None:
    qtbot.keyClick(page.play_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: playing(audio) is not None)
    first = playing(audio)
    audio.clock.now = 2.0
    qtbot.keyClick(page.play_button, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: playing(audio) is not first and playing(audio) is not None)
    assert playing(audio).start_s == pytest.approx(7.0)
    qtbot.keyClick(page.play_button, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: playing(audio).start_s == pytest.approx(2.0))
    qtbot.keyClick(page.play_button, Qt.Key.Key_Space)
    assert playing(audio) is None and page.play_button.text() == "▶  Play"
    qtbot.keyClick(page.play_button, Qt.Key.Key_Down)
    assert page.current == 1 and page.answer_label.text().startswith("Answer 2 of 2")
    assert [m.label for m in page.markers if m.kind == PRESSURE] == ["Distraction: phone"]
    qtbot.keyClick(page.play_button, Qt.Key.Key_Down)  # no third answer: stays
    assert page.current == 1
    qtbot.keyClick(page.play_button, Qt.Key.Key_Up)
    assert page.current == 0
    with qtbot.waitSignal(page.back_requested, timeout=1000):
        qtbot.keyClick(page.play_button, Qt.Key.Key_Escape)


@pytest.mark.parametrize("speed", [0.75, 1.25, 1.5])
def test_at_any_speed_the_highlight_maps_back_to_recording_time(
    qtbot: Any, page: ReviewPage, audio: ReplayFakes, speed: float
) -> None:
    start_playing(qtbot, page, audio)
    page.speed_box.setCurrentIndex(page.speed_box.findData(speed))
    qtbot.waitUntil(lambda: playing(audio) is not None and playing(audio).sound.speed == speed)
    rendered_on = [thread for _path, s, thread in audio.prepared if s == speed]
    assert rendered_on and threading.main_thread().name not in rendered_on
    # Four seconds of output at ``speed`` are 4 * speed seconds of the recording.
    started = playing(audio)
    audio.clock.now = started.started_at + 4.0
    expected = started.start_s + 4.0 * speed
    index = page.transcript.word_at(expected)
    assert index is not None
    qtbot.waitUntil(lambda: page.transcript.current == index)
    assert page.waveform.position_s == pytest.approx(expected)


def test_the_waveform_is_read_off_the_gui_thread(page: ReviewPage, audio: ReplayFakes) -> None:
    assert audio.waveform_threads and threading.main_thread().name not in audio.waveform_threads
    assert page.waveform.envelope is not None and page.waveform.duration_s == 30.0


def test_the_question_plays_before_the_answer(
    qtbot: Any, page: ReviewPage, audio: ReplayFakes
) -> None:
    audio.questions[SESSION.answers[0].question_text] = 2.0
    page.question_button.click()
    qtbot.waitUntil(lambda: page.question_button.text() == "■  Question playing…")
    assert audio.sounds[-1].path.startswith("question:")
    audio.clock.now += 2.0  # the question ends: the answer plays from its start
    qtbot.waitUntil(
        lambda: playing(audio) is not None and playing(audio).sound.path.endswith(".wav")
    )
    assert playing(audio).start_s == 0.0
    assert page.question_button.text() == "▶  Question, then answer"


def test_a_question_no_longer_cached_is_said_on_the_banner(
    qtbot: Any, page: ReviewPage, audio: ReplayFakes
) -> None:
    with qtbot.waitSignal(page.problem, timeout=2000) as said:
        page.question_button.click()
    assert said.args == ["The question's recording is no longer in the voice cache."]


def test_a_score_or_attempts_button_has_its_place_in_the_toolbar(page: ReviewPage) -> None:
    tools = [page.extra_tools.itemAt(i).widget() for i in range(page.extra_tools.count())]
    assert tools == [page.attempts_button, page.score_button]
    assert page.toolbar.indexOf(page.next_button) == page.toolbar.count() - 1


def test_no_speaker_is_said_when_play_is_pressed_not_when_the_answer_shows(
    qtbot: Any, page: ReviewPage, audio: ReplayFakes
) -> None:
    def no_speaker(stored_path: str, speed: float = 1.0) -> Any:
        raise RuntimeError("No speaker was found")

    audio.prepare_recording = no_speaker  # type: ignore[method-assign]
    said: list[str] = []
    page.problem.connect(said.append)
    page.show_answer(1)  # prepared in the background at once: fails, quietly
    qtbot.waitUntil(lambda: page.tasks.pending == 0)
    assert said == []
    with qtbot.waitSignal(page.problem, timeout=2000):
        page.play_button.click()
    assert said == ["The recording could not be played: No speaker was found"]
    assert page.play_button.text() == "▶  Play"


def test_fillers_and_hedges_colour_their_words_and_other_marks_are_chips(
    page: ReviewPage, marks: Any
) -> None:
    links = marks.links(page.transcript)
    shown = [text for _href, text, _format, _position in links]
    coloured = [
        text
        for _href, text, fmt, _position in links
        if fmt.background().style() != Qt.BrushStyle.NoBrush
    ]
    assert "um" in coloured and "Filler: um" not in shown  # coloured on the word itself
    assert "job" not in coloured
    assert {"Situation", "Pause 1.2 s", "Distraction: knock"} <= set(shown)
    (filler,) = [m for m in page.markers if m.kind == FILLER]
    assert filler.end_s == WORDS[word_index("um")].end  # ends where its word does


def test_a_new_speed_takes_over_where_the_old_one_has_got_to(
    qtbot: Any, page: ReviewPage, audio: ReplayFakes
) -> None:
    first = start_playing(qtbot, page, audio)
    rendered = threading.Event()
    prepare = audio.prepare_recording

    def slow_render(stored_path: str, speed: float = 1.0) -> Any:
        assert rendered.wait(5)
        return prepare(stored_path, speed)

    audio.prepare_recording = slow_render  # type: ignore[method-assign]
    audio.clock.now = 3.0
    page.speed_box.setCurrentIndex(page.speed_box.findData(1.5))
    audio.clock.now = 5.0  # the old speed plays on while the new one renders
    qtbot.waitUntil(lambda: page.transcript.current == page.transcript.word_at(5.0))
    assert not first.stopped
    rendered.set()
    qtbot.waitUntil(lambda: playing(audio) is not None and playing(audio).sound.speed == 1.5)
    assert first.stopped and playing(audio).start_s == pytest.approx(5.0)
