"""Checking a sound file a user names before the decoders see it.

libsndfile hands a file it cannot place to its MP3 decoder (mpg123), which prints "Illegal
Audio-MPEG-Header" notes straight to the process's stderr from C, and then reports "File does
not exist" for a file that exists. Looking at the first bytes first gives one clear line
instead: which file, and which formats Hotseat reads.
"""

from __future__ import annotations

from pathlib import Path

from simulator.commands.common import EXIT_FAILED, EXIT_USAGE, CommandError

FORMATS = "WAV, FLAC, OGG or MP3"

# The first bytes of the formats libsndfile reads (the four advertised, plus AIFF, AU, CAF,
# Wave64 and RF64 that it reads as well).
_SIGNATURES = (b"RIFF", b"RIFX", b"RF64", b"fLaC", b"OggS", b"ID3", b"FORM", b".snd", b"caff")
_WAVE64 = b"riff"


def check_sound_file(path: Path) -> None:
    """Raise CommandError unless ``path`` is a file that starts like a sound file."""
    if not path.exists():
        raise CommandError(f"no such file: {path}", EXIT_USAGE)
    if not path.is_file():  # a folder, a device or a pipe: reading it could block forever
        raise CommandError(
            f"{path.name} is not a readable sound file (Hotseat reads {FORMATS} files)",
            EXIT_FAILED,
        )
    try:
        with path.open("rb") as file:
            head = file.read(4)
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror}", EXIT_USAGE) from None
    if not _looks_like_sound(head):
        raise CommandError(
            f"{path.name} is not a readable sound file (Hotseat reads {FORMATS} files)",
            EXIT_FAILED,
        )


def check_not_empty(path: Path, duration_s: float) -> None:
    """An empty recording (a header and no samples) is said to be one, not given a blank result."""
    if duration_s <= 0:
        raise CommandError(f"{path.name} is an empty recording: it holds no sound at all")


def _looks_like_sound(head: bytes) -> bool:
    if head.startswith(_SIGNATURES) or head.startswith(_WAVE64):
        return True
    # An MP3 without an ID3 tag starts with a frame: eleven set sync bits.
    return len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0
