"""The one recording playing on a page: which widget's it is, its Play button turned to Stop,
the previous one stopped when another starts.

The answer cards (``answer_list.py``) and the attempts compared side by side (the answer
review flow) both play saved answers this way. Playback goes through a ``play`` callable that
returns at once (the voices façade's ``play_recording``); a named timer watches the playback to
turn Stop back into Play when it ends, so no audio callback ever touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

WATCH_INTERVAL_MS = 200


class Playback(Protocol):
    """A recording being played (audio.output.Playback)."""

    @property
    def is_playing(self) -> bool: ...
    def stop(self) -> None: ...


class PlayFunction(Protocol):
    def __call__(self, stored_path: str, start_s: float = 0.0) -> Playback: ...


class ShowsPlaying(Protocol):
    """A widget whose Play button says Stop while its recording plays."""

    def set_playing(self, playing: bool) -> None: ...


class PlaybackSlot(QObject):
    """At most one recording playing, and the widget it belongs to."""

    problem = Signal(str)  # a recording that could not be played, for the banner

    def __init__(self, timer_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._playing: tuple[ShowsPlaying, Playback] | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName(timer_name)
        self.timer.setInterval(WATCH_INTERVAL_MS)
        self.timer.timeout.connect(self._check)

    @property
    def owner(self) -> ShowsPlaying | None:
        """The widget whose recording is playing, if one is."""
        return self._playing[0] if self._playing is not None else None

    def toggle(self, owner: ShowsPlaying, start: Callable[[], Playback] | None) -> None:
        """Stop ``owner``'s recording if it is the one playing, else play it with ``start``
        (None: nothing to play) after stopping whatever was playing."""
        was_playing = self.owner is owner
        self.stop()
        if not was_playing and start is not None:
            self.play(owner, start)

    def play(self, owner: ShowsPlaying, start: Callable[[], Playback]) -> None:
        """Stop whatever was playing, then play ``owner``'s recording with ``start``."""
        self.stop()
        try:
            playback = start()
        except Exception as error:  # a missing file or no speaker: said, the page stays usable
            self.problem.emit(f"The recording could not be played: {error}")
            return
        self._playing = (owner, playback)
        owner.set_playing(True)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self._playing is None:
            return
        owner, playback = self._playing
        self._playing = None
        playback.stop()
        owner.set_playing(False)

    def _check(self) -> None:
        if self._playing is not None and not self._playing[1].is_playing:
            self.stop()


__all__ = ["PlayFunction", "Playback", "PlaybackSlot", "ShowsPlaying"]
