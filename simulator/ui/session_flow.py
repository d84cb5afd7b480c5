"""Runs a live session in the window: from Start to the interview page to the end page.

Like the library and history flows, this controller carries out what the pages ask for. It
sets a session up from the home page's choices (``session.setup``, as the terminal does),
starts its runner on the bridge's thread, follows its events (banners, the answers for the end
page), and shows the end page when it is over. ``SessionStarter`` is what it needs of the
services (``services.sessions.Sessions`` for real, the scripted runner's fake in the tests).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, replace
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from simulator.core import events as ev
from simulator.core.analysis.pressure_session import session_summary
from simulator.core.analysis.pressure_session_text import summary_lines
from simulator.core.errors import NoMicrophoneError
from simulator.core.packs import Question
from simulator.library import Library
from simulator.session import EventHandler
from simulator.session.ports import SessionOptions
from simulator.session.setup import MIX_LABEL, SessionRequest, UnknownCategoryError, session_options
from simulator.settings import Settings
from simulator.ui.bridge import SessionBridge, Steerable
from simulator.ui.microphone_watch import MicrophoneWatch
from simulator.ui.navigator import Navigator
from simulator.ui.pages.end import EndPage, SessionAnswers
from simulator.ui.pages.home import HomePage
from simulator.ui.pages.interview import InterviewPage
from simulator.ui.tasks import TaskRunner
from simulator.ui.widgets.banner import BannerArea

JOIN_TIMEOUT_S = 5.0


class SessionStarter(Protocol):
    def runner(self, options: SessionOptions, on_event: EventHandler) -> Steerable:
        """A runner for a new session (returns at once; raises for a missing model)."""
        ...

    def check_ready(self) -> None:
        """A microphone, then the recogniser loaded (slow: on the session's thread)."""
        ...


class PressureHistory(Protocol):
    def earlier_pressure(self, session_id: int) -> list[dict[str, Any]]:
        """The recovery summaries of the pressure sessions before ``session_id``, oldest
        first (slow: the store, so off the GUI thread)."""
        ...


class SessionFlow(QObject):
    home_requested = Signal()

    def __init__(
        self,
        sessions: SessionStarter,
        navigator: Navigator,
        banners: BannerArea,
        microphone: MicrophoneWatch,
        pages: tuple[HomePage, InterviewPage, EndPage],
        library: Library,
        remember_choices: Callable[[], Settings],
        *,
        history: PressureHistory | None = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__(navigator.stack)
        # A drill session's end page sums up its recovery against the earlier ones, read
        # from the store by ``history`` on one of ``tasks``' workers.
        self.history, self.tasks = history, tasks
        self._drill = False
        self.sessions = sessions
        self.navigator = navigator
        self.banners = banners
        self.microphone = microphone
        self.home, self.interview, self.end = pages
        self.library = library
        self._remember_choices = remember_choices
        self.bridge: SessionBridge | None = None
        self.answers = SessionAnswers()
        self._saved: tuple[int | None, str] = (None, "aborted")
        self._last_start: dict[str, Any] = {}
        self.end.practice_again_requested.connect(self.practice_again)
        self.end.home_requested.connect(self.home_requested.emit)

    def start(
        self,
        pack_id: str | None = None,
        questions: int | Sequence[str] | Sequence[Question] | None = None,
        *,
        shuffle: bool | None = None,
        seed: int | None = None,
    ) -> SessionBridge | None:
        """Start a session: ``questions`` is a count, ids in ``pack_id``, or Question objects.

        With Question objects ``pack_id`` is only the label the session records (a pack's id,
        or "mix"). Unset arguments come from the home page, its mix by category included.
        Returns the bridge of the new session, or None when it could not start (the reason
        is in the banner).
        """
        if self.bridge is not None and self.bridge.is_running:
            return self.bridge
        if self.microphone.ready is False:  # the banner already says so; nothing is saved
            self.microphone.check()
            return None
        settings = self._remember_choices()
        categories = None
        if pack_id is None and questions is None and self.home.mix_selected():
            categories = tuple(self.home.mix_categories())
        pack_id = MIX_LABEL if categories is not None else pack_id or self.home.selected_pack_id()
        if pack_id is None:
            self.banners.show_message("session", "Choose a question pack first.", "warning")
            return None
        self._last_start = {"pack_id": pack_id, "questions": questions, "shuffle": shuffle}
        request = SessionRequest(
            pack_id=pack_id,
            questions=settings.questions if questions is None else questions,
            categories=categories,
            shuffle=settings.shuffle if shuffle is None else shuffle,
            seed=seed if seed is not None else self.home.seed(),
            end_silence_s=settings.end_silence_s,
            settings=asdict(settings),
        )
        try:
            options = session_options(self.library.packs, request)
        except (KeyError, UnknownCategoryError) as error:  # a pack deleted since, for "again"
            self.banners.show_message("session", f"Not in the library: {error}", "warning")
            return None
        # The drill chosen on the home page; its seed is the session's, for the same timeline.
        options = replace(
            options, drill=settings.drill, intensity=settings.intensity, seed=request.seed
        )
        if categories is not None:  # "practise again" asks a mix's drawn questions again
            self._last_start["questions"] = options.questions
        if not options.questions:
            self.banners.show_message("session", "Choose some questions first.", "warning")
            return None
        return self._run(options, settings.hide_question_text)

    def _run(self, options: SessionOptions, hide_question_text: bool) -> SessionBridge | None:
        bridge = SessionBridge(self)
        try:
            runner = self.sessions.runner(options, bridge.post)
        except Exception as error:  # a missing model or device: said in the banner
            self.banners.show_message("session", f"The session could not start: {error}")
            bridge.deleteLater()
            return None
        self.banners.clear("session")
        self.banners.clear("session-warning")
        self.answers, self._saved = SessionAnswers(), (None, "aborted")
        self._drill = options.drill is not None
        self.bridge = bridge
        self.interview.attach(bridge, hide_question_text, options.questions)
        bridge.event.connect(self._on_event)
        bridge.finished.connect(self._on_finished)
        self.navigator.show(self.interview)
        # On the session thread, before anything is saved: Start may be pressed before the
        # first microphone check has answered.
        bridge.start(runner, prepare=self.sessions.check_ready)
        return bridge

    def _on_event(self, event: ev.SessionEvent) -> None:
        self.answers.handle_event(ev.to_json(event))  # SessionAnswers reads the flat form
        if isinstance(event, ev.SessionSaved):
            self._saved = (event.session_id, event.status)
        elif isinstance(event, ev.ErrorEvent) and event.cause == NoMicrophoneError.__name__:
            self.microphone.failed(NoMicrophoneError(event.message))
        elif isinstance(event, ev.ErrorEvent):
            self.banners.show_message("session", event.message, "error")
        elif isinstance(event, ev.WarningEvent):
            self.banners.show_message("session-warning", event.message, "warning")

    def _on_finished(self, session_id: int | None) -> None:
        if self.bridge is not None:
            self.bridge.shutdown(JOIN_TIMEOUT_S)
        if session_id is None and self._saved[0] is None:
            self.home_requested.emit()
            return
        saved_id = session_id if session_id is not None else self._saved[0]
        self.end.show_results(saved_id, self._saved[1], self.answers.answers)
        self.navigator.show(self.end, self.end.again_button)
        if self._drill and saved_id is not None:
            self._sum_up_pressure(saved_id)

    def _sum_up_pressure(self, session_id: int) -> None:
        """The recovery summary above the answers (their analyses have all come: the session
        is saved once they have); the earlier sessions are read off the GUI thread."""
        answers: list[Mapping[str, Any] | None] = [None] * len(self.answers.saved)
        for answer in self.answers.saved:
            pressure = answer.analysis.data.get("pressure") if answer.analysis else None
            if isinstance(pressure, Mapping) and 0 < answer.position <= len(answers):
                answers[answer.position - 1] = pressure
        history, tasks = self.history, self.tasks

        def show(lines: list[str]) -> None:
            if self.end.session_id == session_id:  # not a later session's page
                self.end.show_pressure(lines)

        if history is None or tasks is None:
            show(summary_lines(session_summary(answers)))
            return
        tasks.run_task(
            lambda: summary_lines(session_summary(answers, history.earlier_pressure(session_id))),
            show,
            lambda _error: show(summary_lines(session_summary(answers))),  # none to compare
        )

    def practice_again(self) -> None:
        self.start(**self._last_start)

    def shutdown(self) -> bool:
        """Stop the session thread; False if it did not stop in time."""
        return self.bridge is None or self.bridge.shutdown(JOIN_TIMEOUT_S)


__all__ = ["PressureHistory", "SessionFlow", "SessionStarter"]
