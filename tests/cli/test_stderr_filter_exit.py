"""The terminal session's stderr filter ends with the session, not a time-out later.

Every `hotseat practice --no-gui` took 2.0 s to exit after its last event: multiprocessing's
resource tracker, started by the first helper process inside the filter's block, kept the
filter's pipe open as its stderr, and the block waited out its join time-out. Run in a child
interpreter, as the app runs it, since the tracker lives as long as its process.
"""

from __future__ import annotations

import subprocess
import sys

HELPER_INSIDE = r"""
import multiprocessing, sys, time
from simulator.commands.stderr_filter import without_portaudio_noise

def helper() -> None:
    print("from the helper", file=sys.stderr)

if __name__ == "__main__":
    with without_portaudio_noise():
        process = multiprocessing.get_context("spawn").Process(target=helper)
        process.start()
        process.join()
        ended = time.monotonic()
    print(f"{time.monotonic() - ended:.3f}")
"""


def test_a_helper_started_inside_the_filter_does_not_hold_up_its_end(tmp_path) -> None:
    script = tmp_path / "filtered.py"
    script.write_text(HELPER_INSIDE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "from the helper\n"  # still passed on, nothing lost
    assert float(result.stdout) < 0.5, result.stdout
