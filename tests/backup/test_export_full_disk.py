"""An export that runs out of room says so in one line and leaves no cut-off file under the
name asked for: Qt's PDF writer does not report a failed write, so the PDF is laid out in
memory and written by Python (``reports.pdf.pdf_bytes``).

The full disk is a real limit on the real command: ``RLIMIT_FSIZE`` caps the size of any file
the ``python -m simulator`` process writes (its SIGXFSZ ignored, so a write past the cap fails
with EFBIG, as a full disk's fails with ENOSPC: the same OSError path)."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.backup.backup_data import saved_data
from tests.backup.test_export import one_line

CAP_BYTES = 12_000  # below any report PDF (about 30 kB), above what reading the store writes


def cap_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (CAP_BYTES, CAP_BYTES))


@pytest.mark.parametrize("name", ["report.pdf", "recordings.zip"])
def test_running_out_of_room_is_one_line_and_leaves_no_file(
    tmp_path: Path, hotseat_home: Path, name: str
) -> None:
    ids = saved_data(tmp_path, sessions=2)
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "simulator", "sessions", "export", str(ids[1]), str(out / name)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=cap_file_size,
    )
    assert done.returncode == 2, done.stderr
    line = one_line(done.stderr)
    assert f"{out / name} could not be written (File too large)" in line
    assert list(out.iterdir()) == []  # neither the file nor its partial
