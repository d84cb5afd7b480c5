"""Running ``hotseat`` in a child process and measuring the child's peak memory.

A wrapper process runs the command and reads ``RUSAGE_CHILDREN``: the peak resident memory
(maxrss) of the command alone, not of the test process that started it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

_WRAPPER = """
import json, resource, subprocess, sys
# The wrapper's own timeout kills the command too, so no hung command outlives the test.
done = subprocess.run([sys.executable, "-m", "simulator", *sys.argv[2:]],
                      capture_output=True, text=True, timeout=float(sys.argv[1]))
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": done.returncode, "out": done.stdout, "err": done.stderr,
                  "peak_mb": peak_kb / 1024}))
"""


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str
    peak_mb: float


def run_hotseat(*args: str, timeout: float = 60.0) -> Run:
    """``hotseat ARGS`` in a fresh process (HOTSEAT_HOME etc. from this environment)."""
    wrapper = subprocess.run(
        [sys.executable, "-c", _WRAPPER, str(timeout), *args],
        capture_output=True,
        text=True,
        timeout=timeout + 30,
        check=True,
    )
    result = json.loads(wrapper.stdout)
    return Run(result["code"], result["out"], result["err"], result["peak_mb"])
