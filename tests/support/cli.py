"""The ``hotseat`` command run in the test process, as tests of its commands call it."""

from __future__ import annotations

import pytest

from simulator.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``hotseat ARGS`` in this process: its exit code, stdout and stderr."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
