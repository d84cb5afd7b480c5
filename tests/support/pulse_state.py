"""The shared PulseAudio daemon's state, and putting it back as it was for the next test.

Tests change the daemon in two ways: they load modules (``speaker_into_mic``'s loopback) and
they play into its sinks (``paplay`` into ``mic_feed``, the mixer into ``speaker``). A test
that fails half-way can leave either behind, and the next test's microphone would hear a
loopback or a voice still playing. ``reset_pulse`` unloads the modules loaded since start-up
and mutes every client's playback still open: pactl 16 (Debian 12) cannot end another
client's stream (no ``kill-sink-input``), and a muted one adds nothing to its sink. The
daemon's own loopbacks (streams owned by a module, which keep the null sinks in small blocks)
stay as they are. tests/conftest.py reads the state as the daemon started; tests/audio's
``virtual_mic`` resets to it before each test.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from typing import Any


def _pactl(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["pactl", *args], env={**os.environ, **env}, capture_output=True, text=True, timeout=10
    )
    if done.returncode != 0:
        raise RuntimeError(f"pactl {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def _listed(env: dict[str, str], what: str) -> list[dict[str, Any]]:
    listed: list[dict[str, Any]] = json.loads(_pactl(env, "--format=json", "list", what))
    return listed


@dataclass(frozen=True)
class PulseState:
    """The modules loaded in a PulseAudio daemon and the clients' playbacks one can hear."""

    modules: frozenset[int]
    audible_client_playbacks: frozenset[int]

    @classmethod
    def read(cls, env: dict[str, str]) -> PulseState:
        return cls(
            # pactl 16's JSON leaves modules' index out; the short listing starts with it.
            modules=frozenset(
                int(line.split("\t", 1)[0])
                for line in _pactl(env, "list", "short", "modules").splitlines()
                if line
            ),
            audible_client_playbacks=frozenset(
                stream["index"]
                for stream in _listed(env, "sink-inputs")
                if stream.get("client") is not None and not stream.get("mute")
            ),
        )


def reset_pulse(env: dict[str, str], startup: PulseState) -> None:
    """Unload the modules loaded since ``startup``; mute every client's playback left open."""
    for module in sorted(PulseState.read(env).modules - startup.modules):
        _pactl(env, "unload-module", str(module))
    for stream in sorted(PulseState.read(env).audible_client_playbacks):
        try:
            _pactl(env, "set-sink-input-mute", str(stream), "1")
        except RuntimeError:
            # It ended between the listing and now: nothing to mute.
            if stream in PulseState.read(env).audible_client_playbacks:
                raise
