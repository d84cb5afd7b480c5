"""Whether a microphone is there: checked in the background, said in a banner, looked for again.

While none is found, Start is blocked on the home page and the devices are scanned again every
few seconds (off the GUI thread), so Start comes back by itself once one is plugged in.
``Microphones`` is what it needs of the services (``services.devices.Microphones`` for real).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QTimer

from simulator.core.errors import NoMicrophoneError
from simulator.ui.pages.home import HomePage
from simulator.ui.tasks import TaskRunner
from simulator.ui.widgets.banner import BannerArea

NO_MICROPHONE = "No microphone found. Connect one: Hotseat looks again every few seconds."
NO_MICROPHONE_HINT = "Connect a microphone to start."
#: While no microphone is found, look again this often.
MICROPHONE_RECHECK_MS = 4000


class Microphones(Protocol):
    def check_microphone(self) -> str:
        """The name of the microphone that will be used; raises NoMicrophoneError."""
        ...


class MicrophoneWatch(QObject):
    def __init__(
        self, microphones: Microphones, tasks: TaskRunner, banners: BannerArea, home: HomePage
    ) -> None:
        super().__init__(home)
        self.microphones = microphones
        self.tasks = tasks
        self.banners = banners
        self.home = home
        # None until the first check: Start stays usable then, and the session checks again.
        self.ready: bool | None = None
        self._checking = False
        self.timer = QTimer(self)
        self.timer.setObjectName("microphone_timer")
        self.timer.setInterval(MICROPHONE_RECHECK_MS)
        self.timer.timeout.connect(self.check)

    def check(self) -> None:
        """Look for the microphone in the background; one check at a time."""
        if self._checking:
            return
        self._checking = True
        self.tasks.run_task(self.microphones.check_microphone, self._found, self.failed)

    def _found(self, _name: str) -> None:
        self._checking = False
        self.ready = True
        self.timer.stop()
        self.banners.clear("microphone")
        self.home.set_blocked(None)

    def failed(self, error: BaseException) -> None:
        """No microphone (a check, or a session that could not open one): say so, block
        Start, and look again every few seconds."""
        self._checking = False
        self.ready = False
        message = NO_MICROPHONE if isinstance(error, NoMicrophoneError) else str(error)
        if self.banners.message("microphone") != message:  # no flicker on each re-check
            self.banners.show_message(
                "microphone", message, "error", "Check again", self.check, dismissable=False
            )
        self.home.set_blocked(NO_MICROPHONE_HINT)
        if not self.timer.isActive():
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


__all__ = ["NO_MICROPHONE", "MicrophoneWatch", "Microphones"]
