"""The composition root below both front ends: builds one small façade per feature.

``build_services(settings, layout)`` gives a ``Services``: sessions (runners, recovery),
microphones, speech models, voices and playback, past sessions, pack files. The façades share
the long-lived adapters in ``adapters.py`` (one voice worker, one recogniser process, one
analysis worker), so changing the settings or closing the app goes through here once. Nothing
but this package constructs audio, speech or storage objects for the window and the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.services.adapters import SharedAdapters
from simulator.services.devices import Microphones
from simulator.services.models import Models
from simulator.services.packs import PackFiles
from simulator.services.records import PastSessions
from simulator.services.sessions import Sessions
from simulator.services.voices import Voices
from simulator.settings import Settings
from simulator.store import DataLayout


@dataclass(frozen=True)
class Services:
    """The façades of one run of the app, over one set of shared adapters."""

    adapters: SharedAdapters
    sessions: Sessions
    microphones: Microphones
    models: Models
    voices: Voices
    history: PastSessions
    packs: PackFiles

    @property
    def settings(self) -> Settings:
        return self.adapters.settings

    @property
    def layout(self) -> DataLayout:
        return self.adapters.layout

    def update_settings(self, settings: Settings) -> None:
        self.adapters.update_settings(settings)

    def interrupt_start_up(self) -> None:
        self.adapters.interrupt_start_up()

    def close(self) -> None:
        self.adapters.close()


def build_services(settings: Settings, layout: DataLayout) -> Services:
    adapters = SharedAdapters(settings, layout)
    return Services(
        adapters=adapters,
        sessions=Sessions(adapters),
        microphones=Microphones(adapters),
        models=Models(adapters),
        voices=Voices(adapters),
        history=PastSessions(adapters),
        packs=PackFiles(layout),
    )


__all__ = [
    "Microphones",
    "Models",
    "PackFiles",
    "PastSessions",
    "Services",
    "Sessions",
    "Voices",
    "build_services",
]
