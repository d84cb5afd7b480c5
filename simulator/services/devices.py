"""The microphones façade: which input devices there are, and whether one can record."""

from __future__ import annotations

from simulator.services.adapters import SharedAdapters


class Microphones:
    def __init__(self, adapters: SharedAdapters) -> None:
        self.adapters = adapters

    def list_input_devices(self) -> list[str]:
        """Names of the input devices, as the settings store them (rescans the system)."""
        from simulator.audio.devices import list_input_devices

        return [device.name for device in list_input_devices(rescan=True)]

    def check_microphone(self) -> str:
        """The name of the microphone a session will use; raises NoMicrophoneError."""
        return self.adapters.microphone().check().name
