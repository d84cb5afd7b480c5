"""Microphone names a person can read, for the settings (pure: no Qt, no audio).

PortAudio lists the sound servers and ALSA's virtual devices by their plugin names ("pulse",
"default", "sysdefault"); those say nothing to most people. The settings show a readable label
and keep the raw name as the value saved, since that is what the audio layer looks up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

SYSTEM_DEFAULT = "System default microphone"
#: PortAudio (ALSA host API) names of virtual devices, and what they are.
KNOWN = {
    "default": "System default device",
    "sysdefault": "ALSA default device",
    "pulse": "PulseAudio sound server",
    "pipewire": "PipeWire sound server",
    "jack": "JACK sound server",
    "dmix": "ALSA software mixer",
    "dsnoop": "ALSA shared microphone",
    "spdif": "S/PDIF digital input",
}
# "HDA Intel PCH: ALC3246 Analog (hw:0,0)": ALSA's card and device numbers in brackets.
_HW = re.compile(r"\s*\((?:plug)?hw:(\d+),(\d+)\)\s*$")


def readable_device(name: str) -> str:
    """A label for the raw device name ``name``."""
    known = KNOWN.get(name.strip().casefold())
    if known:
        return f"{known} ({name})"
    match = _HW.search(name)
    if match:
        card, device = match.groups()
        return f"{name[: match.start()].strip()} (card {card}, device {device})"
    return name


def device_choices(names: Sequence[str]) -> list[tuple[str, str | None]]:
    """(label, value) for each device, the system default (value None) first.

    The raw "default" device is the system default under another name, so it is not listed
    twice; a label that two devices share gets its raw name added.
    """
    rows = [(readable_device(name), name) for name in names if name.casefold() != "default"]
    labels = [label for label, _name in rows]
    choices: list[tuple[str, str | None]] = [(SYSTEM_DEFAULT, None)]
    for label, name in rows:
        choices.append((label if labels.count(label) == 1 else f"{label} — {name}", name))
    return choices
