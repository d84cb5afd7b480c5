"""Keeping PortAudio's C-level debug lines off the terminal during a terminal session.

When a microphone goes away mid-answer, PortAudio's ALSA code prints lines such as
``Expression 'alsa_snd_pcm_poll_descriptors_revents(...)' failed in
'src/hostapi/alsa/pa_linux_alsa.c', line: 3668`` with ``fprintf(stderr)`` from its own thread,
at the moment of the loss and again when the stream is closed. Debian's libportaudio does not
export ``PaUtil_SetDebugPrintFunction``, so the only way to keep them from the user is at the
file descriptor: while the session runs, fd 2 is a pipe, and a thread passes every line on to
the real stderr except those exact PortAudio lines. Our own one-line message says what
happened instead.

Nothing else is dropped, and nothing is kept back: lines are passed on as they arrive, and
what the helper processes started meanwhile write later still goes through the same thread.
The block ends when the last holder of the pipe has closed it (the helpers are stopped inside
it), so the one process that outlives it, multiprocessing's resource tracker, is started
before the pipe exists.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import threading
from collections.abc import Iterator

# PortAudio's PA_ENSURE / PA_UNLESS format: "Expression '%s' failed in '%s', line: %d".
_PORTAUDIO_LINE = re.compile(rb"^Expression '.*' failed in '.*', line: \d+\r?\n?$")

_PREFIX = b"Expression '"

_JOIN_S = 2.0


@contextlib.contextmanager
def without_portaudio_noise() -> Iterator[None]:
    """Run the body with PortAudio's debug lines filtered out of stderr (fd 2)."""
    try:
        sys.stderr.flush()
        real = os.dup(2)
    except (OSError, ValueError):  # no stderr at all: nothing to protect
        yield
        return
    _start_resource_tracker()
    read_end, write_end = os.pipe()
    passer = threading.Thread(
        target=_pass_on, args=(read_end, os.dup(real)), name="stderr-filter", daemon=True
    )
    os.dup2(write_end, 2)
    os.close(write_end)
    passer.start()
    try:
        yield
    finally:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
        os.dup2(real, 2)  # the pipe ends when no process holds its write end any more
        os.close(real)
        passer.join(_JOIN_S)


def _start_resource_tracker() -> None:
    """multiprocessing's resource tracker, started by the first helper process and living
    until the app exits, inherits fd 2: started inside the block it held the pipe's write end,
    so the block's end waited out ``_JOIN_S`` at every exit (2.0 s, measured). Started first,
    it writes to the real stderr."""
    if os.name != "posix":
        return  # no tracker process on Windows
    from multiprocessing import resource_tracker

    with contextlib.suppress(OSError):  # not started now, the first helper starts it
        resource_tracker.ensure_running()


def _pass_on(read_end: int, out: int) -> None:
    pending = b""
    try:
        while chunk := os.read(read_end, 65536):
            pending += chunk
            *lines, pending = pending.split(b"\n")
            kept = b"".join(line + b"\n" for line in lines if not _PORTAUDIO_LINE.match(line))
            if pending and not _may_be_portaudio(pending):
                kept, pending = kept + pending, b""  # a prompt or progress line: show it now
            if kept:
                _write_all(out, kept)
        if pending and not _PORTAUDIO_LINE.match(pending):
            _write_all(out, pending)
    finally:
        os.close(read_end)
        os.close(out)


def _may_be_portaudio(start: bytes) -> bool:
    return start.startswith(_PREFIX) or _PREFIX.startswith(start)


def _write_all(fd: int, data: bytes) -> None:
    while data:
        data = data[os.write(fd, data) :]
