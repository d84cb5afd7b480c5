"""Wires the question library's pages to the services: browse, hear, practise, edit, save.

The browser and the editor are views; this controller carries out what they ask for. Saving,
deleting and reloading packs, and rendering the interviewer's voice, run through the window's
one background helper (``ui.tasks``), never on the GUI thread. When the packs on disk change,
``library_changed`` carries the reloaded library to the window. ``PackFiles`` and
``QuestionVoice`` are what it needs of the services (``services.packs`` and
``services.voices`` for real).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from simulator.core.packs import Pack, PackError, Question
from simulator.library import Library
from simulator.library.queries import Entry, session_label
from simulator.ui.navigator import Navigator
from simulator.ui.pages.library import LibraryPage
from simulator.ui.pages.pack_editor import PackEditorPage
from simulator.ui.tasks import TaskRunner
from simulator.ui.widgets.answer_list import Playback
from simulator.ui.widgets.banner import BannerArea

StartSession = Callable[[str, list[Question]], object]


class PackFiles(Protocol):
    """The packs on disk; every call reads or writes files, so it runs off the GUI thread."""

    def load_library(self) -> Library:
        """Every pack, built-in and the user's, read again from disk."""
        ...

    def save_pack(self, pack: Pack, replaces: str | None = None) -> Path:
        """Write a user pack (``replaces``: the id it was opened as); raises PackError."""
        ...

    def delete_pack(self, pack_id: str) -> None:
        """Remove a user pack's file; raises PackError for a built-in or unknown pack."""
        ...


class QuestionVoice(Protocol):
    def speak_text(self, text: str) -> Playback:
        """Say ``text`` in the interviewer's voice (renders first: slow)."""
        ...


def error_text(error: BaseException) -> str:
    """One sentence for the user: a pack problem's message without the file path."""
    if isinstance(error, PackError) and error.problems:
        return "; ".join(problem.message for problem in error.problems)
    return str(error) or type(error).__name__


class LibraryFlow(QObject):
    library_changed = Signal(object)  # the reloaded Library
    home_requested = Signal()

    def __init__(
        self,
        packs: PackFiles,
        voice: QuestionVoice,
        tasks: TaskRunner,
        banners: BannerArea,
        navigator: Navigator,
        library: Library,
        start_session: StartSession,
    ) -> None:
        super().__init__(navigator.stack)
        self.packs = packs
        self.voice = voice
        self.tasks = tasks
        self.banners = banners
        self.navigator = navigator
        self.library = library
        self._start_session = start_session
        self.playback: Playback | None = None
        # Both pages are built when first shown: the browser lays out every question's row,
        # which cost the window about a fifth of its start-up (docs/PERFORMANCE.md).
        self._browser: LibraryPage | None = None
        self._editor: PackEditorPage | None = None

    @property
    def browser(self) -> LibraryPage:
        if self._browser is None:
            browser = LibraryPage(self.library)
            self.navigator.add(browser)
            browser.back_requested.connect(self.leave_browser)
            browser.practise_requested.connect(self.practise)
            browser.new_pack_requested.connect(lambda: self.open_pack(None))
            browser.preview.open_pack_requested.connect(self.open_pack)
            browser.preview.hear_requested.connect(self.hear)
            self._browser = browser
        return self._browser

    @property
    def editor(self) -> PackEditorPage:
        if self._editor is None:
            editor = PackEditorPage()
            self.navigator.add(editor)
            editor.back_requested.connect(self.show_browser)
            editor.save_requested.connect(self.save)
            editor.delete_requested.connect(self.delete)
            self._editor = editor
        return self._editor

    # --- moving between pages ---------------------------------------------------------------

    def show_browser(self) -> None:
        self._show(self.browser, self.browser.search_edit)

    def leave_browser(self) -> None:
        self.stop_playback()
        self.home_requested.emit()

    def open_pack(self, pack_id: str | None) -> None:
        """Open a pack in the editor (read-only if built-in); ``None`` starts a new one."""
        self.stop_playback()
        pack = None if pack_id is None else self.library.get(pack_id)
        self.editor.open_pack(pack, self.library.packs)
        editor = self.editor
        self._show(editor, editor.copy_button if editor.read_only else editor.pack_form.title_edit)

    def _show(self, page: QWidget, focus: QWidget) -> None:
        self.navigator.show(page, focus)

    # --- the browser's actions --------------------------------------------------------------

    def practise(self, chosen: list[Entry]) -> None:
        self.stop_playback()
        self._start_session(session_label(chosen), [entry.question for entry in chosen])

    def hear(self, text: str) -> None:
        """Speak a question in the interviewer's voice; rendering runs in the background."""
        self.stop_playback()
        self.browser.preview.set_preparing(True)
        self.tasks.run_task(lambda: self.voice.speak_text(text), self._heard, self._not_heard)

    def _heard(self, playback: Playback) -> None:
        self.browser.preview.set_preparing(False)
        if not self.navigator.is_showing(self.browser):
            playback.stop()  # the user moved on while the voice was being prepared
            return
        self.playback = playback
        self.banners.clear("hear")

    def _not_heard(self, error: BaseException) -> None:
        self.browser.preview.set_preparing(False)
        self.banners.show_message(
            "hear", f"The question could not be spoken: {error_text(error)}", "warning"
        )

    def stop_playback(self) -> None:
        if self.playback is not None:
            self.playback.stop()
            self.playback = None

    # --- the editor's actions ---------------------------------------------------------------

    def save(self, pack: Pack, replaces: str | None) -> None:
        def work() -> tuple[Path, Library]:
            path = self.packs.save_pack(pack, replaces)
            return path, self.packs.load_library()

        def done(result: tuple[Path, Library]) -> None:
            path, library = result
            self.set_library(library)
            self.editor.mark_saved(pack, str(path), library.packs)

        self.editor.save_button.setEnabled(False)
        self.tasks.run_task(work, done, self._save_failed)

    def _save_failed(self, error: BaseException) -> None:
        self.editor.save_button.setEnabled(not self.editor.problems)
        self.editor.show_error(f"The pack was not saved: {error_text(error)}")

    def delete(self, pack_id: str) -> None:
        def work() -> Library:
            self.packs.delete_pack(pack_id)
            return self.packs.load_library()

        def done(library: Library) -> None:
            self.set_library(library)
            self.banners.show_message("library", f"The pack '{pack_id}' was deleted.", "info")
            self.show_browser()

        self.tasks.run_task(
            work,
            done,
            lambda error: self.editor.show_error(f"The pack was not deleted: {error_text(error)}"),
        )

    def set_library(self, library: Library) -> None:
        self.library = library
        if self._browser is not None:  # a browser built later reads the new library
            self._browser.set_library(library)
        self.library_changed.emit(library)
