"""Run an installed or frozen ``hotseat`` the way a user would: outside the checkout.

Commands run from an empty folder outside the checkout, with a clean environment (no
PYTHONPATH, no virtual environment of ours, nothing of the checkout on PATH), a throw-away
``HOTSEAT_HOME`` and Qt offscreen, so nothing in the checkout can stand in for the install.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
SPOKEN_TEXT = "we finished the project on time and the customer was happy with the result"


@dataclass(frozen=True)
class Outside:
    """A folder outside the checkout to run commands from, and the environment to use."""

    cwd: Path
    env: dict[str, str]

    def run(
        self, command: Sequence[str | Path], timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(part) for part in command],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )


def outside_env(home: Path) -> dict[str, str]:
    """This process's environment less whatever points into the checkout or our venv."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "VOSK_MODEL_PATH"}
    }
    env["HOTSEAT_HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PATH"] = os.pathsep.join(
        part for part in env.get("PATH", "").split(os.pathsep) if not part.startswith(str(CHECKOUT))
    )
    return env
