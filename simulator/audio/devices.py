"""Audio devices: listing, re-scanning and resolving a configured device to a PortAudio one.

sounddevice is imported lazily, so that a missing PortAudio library becomes one clear
``AudioError`` when audio is first needed instead of an ``OSError`` at application start.

PortAudio freezes its device list when it is initialised; ``rescan=True`` re-initialises it to
see a microphone plugged in since. Re-initialising closes every open stream, so a rescan is
skipped (the current list is returned) while any stream opened by this package is open.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from simulator.audio.errors import AudioError, NoMicrophoneError, NoSpeakerError

log = logging.getLogger(__name__)

#: How long ``close_stream`` waits before leaving a hung close to a background thread.
CLOSE_TIMEOUT_S = 1.0

_lock = threading.RLock()
_open_streams = 0
_sd: ModuleType | None = None


@dataclass(frozen=True)
class Device:
    """One PortAudio device as seen by the user."""

    index: int
    name: str
    default_rate: float
    is_default: bool


def sounddevice() -> ModuleType:
    """The sounddevice module; ``AudioError`` if the PortAudio library is missing."""
    global _sd
    if _sd is None:
        try:
            import sounddevice as module
        except OSError:
            raise AudioError(
                "PortAudio is not installed, so Hotseat cannot use any microphone or speaker "
                "(on Debian or Ubuntu install the package libportaudio2)."
            ) from None
        _sd = module
    return _sd


def stream_opened() -> None:
    """Record that a stream is open, which blocks rescans until ``stream_closed``."""
    global _open_streams
    with _lock:
        _open_streams += 1


def stream_closed() -> None:
    global _open_streams
    with _lock:
        _open_streams = max(0, _open_streams - 1)


def open_stream_count() -> int:
    with _lock:
        return _open_streams


def close_stream(stream: Any, label: str) -> None:
    """Close a PortAudio stream, waiting at most ``CLOSE_TIMEOUT_S``; then count it closed.

    Closing a stream whose sound server froze blocks inside PortAudio until the server answers
    or dies (checked: a SIGSTOPped PulseAudio); the close then finishes in the background, and
    rescans stay blocked until it has, as re-initialising PortAudio would block too.
    """

    def close() -> None:
        try:
            stream.close(ignore_errors=False)
        except sounddevice().PortAudioError as error:
            # A stream whose device vanished can fail to close; it is gone either way.
            log.debug("closing the stream of %s failed: %s", label, error)
        finally:
            stream_closed()

    closer = threading.Thread(target=close, name=f"close {label}", daemon=True)
    closer.start()
    closer.join(CLOSE_TIMEOUT_S)
    if closer.is_alive():
        log.warning("the stream of %s is still closing in the background", label)


def rescan() -> bool:
    """Re-initialise PortAudio to refresh the device list; False if skipped (streams open)."""
    sd = sounddevice()
    with _lock:
        if _open_streams:
            return False
        sd._terminate()
        sd._initialize()
        return True


def _default_index(sd: ModuleType, kind: str) -> int:
    try:
        info: dict[str, Any] = sd.query_devices(kind=kind)
    except (sd.PortAudioError, ValueError):
        return -1
    return int(info["index"])


def _list(kind: str, rescan_first: bool) -> list[Device]:
    sd = sounddevice()
    with _lock:
        if rescan_first:
            rescan()
        channels_key = f"max_{kind}_channels"
        default = _default_index(sd, kind)
        return [
            Device(
                index=int(info["index"]),
                name=str(info["name"]),
                default_rate=float(info["default_samplerate"]),
                is_default=int(info["index"]) == default,
            )
            for info in sd.query_devices()
            if int(info[channels_key]) > 0
        ]


def list_input_devices(rescan: bool = False) -> list[Device]:
    """Devices with at least one input channel (``rescan`` refreshes PortAudio's list first)."""
    return _list("input", rescan)


def list_output_devices(rescan: bool = False) -> list[Device]:
    """Devices with at least one output channel (``rescan`` refreshes PortAudio's list first)."""
    return _list("output", rescan)


def _names(devices: list[Device]) -> str:
    return ", ".join(f"'{device.name}'" for device in devices)


def _resolve(device: str | int | None, devices: list[Device], what: str) -> Device | str:
    """The matching device, or the sentence explaining why there is none."""
    if not devices:
        return f"No {what} was found; connect one and check that it is enabled in the system."
    if device is None or device == "":
        defaults = [d for d in devices if d.is_default]
        # PortAudio may have no default while devices exist; the first one is the best guess.
        return defaults[0] if defaults else devices[0]
    if isinstance(device, int):
        for candidate in devices:
            if candidate.index == device:
                return candidate
        return f"The {what} number {device} was not found; available: {_names(devices)}."
    for candidate in devices:
        if candidate.name == device:
            return candidate
    wanted = device.casefold()
    for candidate in devices:
        if wanted in candidate.name.casefold():
            return candidate
    return f"The {what} '{device}' was not found; available: {_names(devices)}."


def resolve_input(device: str | int | None) -> Device:
    """The input device for a setting (None = system default); ``NoMicrophoneError`` if none."""
    found = _resolve(device, list_input_devices(), "microphone")
    if isinstance(found, str):
        raise NoMicrophoneError(found)
    return found


def resolve_output(device: str | int | None) -> Device:
    """The output device for a setting (None = system default); ``NoSpeakerError`` if none."""
    found = _resolve(device, list_output_devices(), "speaker")
    if isinstance(found, str):
        raise NoSpeakerError(found)
    return found
