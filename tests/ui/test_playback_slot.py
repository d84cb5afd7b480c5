"""The one recording playing on a page (``widgets/playback_slot.py``): Play turns to Stop, a
second Play stops the first, the end of a recording turns Stop back into Play, a recording
that cannot play is said once and changes nothing. The answer cards and the attempts compared
both use it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QStackedWidget

from simulator.library import Library
from simulator.ui.answer_review_flow import AnswerReviewFlow
from simulator.ui.navigator import Navigator
from simulator.ui.tasks import TaskRunner
from simulator.ui.widgets.answer_list import AnswerList
from simulator.ui.widgets.playback_slot import PlaybackSlot


class Card:
    """Stands in for a widget with a Play button: remembers what it was told to show."""

    def __init__(self) -> None:
        self.shown: list[bool] = []

    def set_playing(self, playing: bool) -> None:
        self.shown.append(playing)


class Sound:
    def __init__(self) -> None:
        self.is_playing = True
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True
        self.is_playing = False


def test_play_then_stop_the_same_one(qtbot: Any) -> None:
    slot = PlaybackSlot("test_timer")
    card, sound = Card(), Sound()
    slot.toggle(card, lambda: sound)
    assert slot.owner is card and card.shown == [True] and slot.timer.isActive()
    slot.toggle(card, lambda: Sound())  # the same card again: Stop
    assert slot.owner is None and sound.stopped and card.shown == [True, False]
    assert not slot.timer.isActive()


def test_playing_another_stops_the_first(qtbot: Any) -> None:
    slot = PlaybackSlot("test_timer")
    first, second = Card(), Card()
    first_sound, second_sound = Sound(), Sound()
    slot.toggle(first, lambda: first_sound)
    slot.play(second, lambda: second_sound)
    assert first_sound.stopped and first.shown == [True, False]
    assert slot.owner is second and second.shown == [True] and not second_sound.stopped


def test_the_end_of_a_recording_turns_stop_back_into_play(qtbot: Any) -> None:
    slot = PlaybackSlot("test_timer")
    card, sound = Card(), Sound()
    slot.play(card, lambda: sound)
    sound.is_playing = False  # it played to its end on its own
    qtbot.waitUntil(lambda: slot.owner is None, timeout=2000)
    assert card.shown == [True, False] and not slot.timer.isActive()


def test_a_recording_that_cannot_play_is_said_and_changes_nothing(qtbot: Any) -> None:
    slot = PlaybackSlot("test_timer")
    card, other, sound = Card(), Card(), Sound()
    slot.play(other, lambda: sound)

    def broken() -> Sound:
        raise FileNotFoundError("sessions/1/1-q.wav is gone")

    with qtbot.waitSignal(slot.problem, timeout=1000) as said:
        slot.toggle(card, broken)
    assert said.args == ["The recording could not be played: sessions/1/1-q.wav is gone"]
    assert slot.owner is None and card.shown == [] and sound.stopped


def test_nothing_to_play_only_stops(qtbot: Any) -> None:
    slot = PlaybackSlot("test_timer")
    card, other, sound = Card(), Card(), Sound()
    slot.play(other, lambda: sound)
    slot.toggle(card, None)
    assert slot.owner is None and sound.stopped and card.shown == []


def test_the_answer_cards_and_the_attempts_share_it(qtbot: Any) -> None:
    answers = AnswerList(None, "No answers.")
    qtbot.addWidget(answers)
    assert isinstance(answers.slot, PlaybackSlot)
    assert answers.playback_timer is answers.slot.timer
    assert answers.playback_timer.objectName() == "playback_timer"
    stack, tasks = QStackedWidget(), TaskRunner()
    qtbot.addWidget(stack)
    flow = AnswerReviewFlow(None, None, tasks, Navigator(stack), Library, None)  # type: ignore[arg-type]
    try:
        assert isinstance(flow.slot, PlaybackSlot)
        assert flow.playback_timer is flow.slot.timer
        assert flow.playback_timer.objectName() == "attempt_playback_timer"
    finally:
        tasks.shutdown()
    # Neither keeps a copy of the slot's logic any more.
    assert "_check_playback" not in vars(AnswerReviewFlow)
    assert "_check_playback" not in vars(AnswerList)
