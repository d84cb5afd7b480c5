"""WAV files: a crash-safe streaming writer, header repair, and reading any sound file as mono
int16.

The recording on disk is the source of truth for every answer, so the writer hands each block
to the operating system as soon as it arrives and rewrites the header about once a second: a
crash or a kill loses at most the last second, and ``repair_wav`` fixes the sizes afterwards.

Reading goes through libsndfile (soundfile), so a file a user brings to ``hotseat transcribe``
or ``analyze`` may be any WAV (integer or float samples, extensible headers), FLAC, OGG or MP3.
"""

from __future__ import annotations

import struct
from pathlib import Path
from types import TracebackType

import numpy as np
import soundfile

from simulator.audio.resample import resample_pcm16

HEADER_BYTES = 44


class WavError(Exception):
    """A WAV file that cannot be read or repaired; the message is meant for the user."""


def _header(sample_rate: int, channels: int, data_bytes: int) -> bytes:
    block_align = channels * 2
    return struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + data_bytes,
        b"WAVE",
        b"fmt ",
        16,
        1,  # PCM
        channels,
        sample_rate,
        sample_rate * block_align,
        block_align,
        16,
        b"data",
        data_bytes,
    )


class WavWriter:
    """Appends 16-bit PCM to a WAV file as it is recorded."""

    def __init__(
        self, path: Path, sample_rate: int, channels: int = 1, header_every_s: float = 1.0
    ) -> None:
        self.path = path
        self.sample_rate = sample_rate
        self.channels = channels
        self.data_bytes = 0
        self._header_every = int(header_every_s * sample_rate * channels * 2)
        self._since_header = 0
        path.parent.mkdir(parents=True, exist_ok=True)
        # "x": an existing file is never truncated (it may be an older session's recording);
        # FileExistsError is left to the caller, which chose the path.
        self._file = path.open("xb")
        self._file.write(_header(sample_rate, channels, 0))
        self._file.flush()

    @property
    def duration_s(self) -> float:
        return self.data_bytes / (self.sample_rate * self.channels * 2)

    def write(self, pcm: bytes) -> None:
        self._file.write(pcm)
        self.data_bytes += len(pcm)
        self._since_header += len(pcm)
        if self._since_header >= self._header_every:
            self._rewrite_header()
        # Flushing hands the bytes to the OS: they survive a kill of this process.
        self._file.flush()

    def _rewrite_header(self) -> None:
        self._file.seek(0)
        self._file.write(_header(self.sample_rate, self.channels, self.data_bytes))
        self._file.seek(0, 2)
        self._since_header = 0

    def close(self) -> None:
        if self._file.closed:
            return
        self._rewrite_header()
        self._file.close()

    def __enter__(self) -> WavWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def repair_wav(path: Path) -> float:
    """Fix the header sizes of a WAV cut off mid-recording; return its duration in seconds.

    Only files written by WavWriter (a plain 44-byte PCM header) are repaired; a trailing
    half sample is dropped.
    """
    try:
        size = path.stat().st_size
        with path.open("r+b") as file:
            head = file.read(HEADER_BYTES)
            if len(head) < HEADER_BYTES or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
                raise WavError(f"{path.name} is not a WAV recording written by Hotseat")
            channels, sample_rate = struct.unpack("<HI", head[22:28])
            if channels < 1 or sample_rate < 1:
                raise WavError(f"{path.name} has a damaged header")
            data_bytes = size - HEADER_BYTES
            data_bytes -= data_bytes % (2 * channels)
            file.truncate(HEADER_BYTES + data_bytes)
            file.seek(0)
            file.write(_header(sample_rate, channels, data_bytes))
    except OSError as error:
        raise WavError(f"cannot repair {path.name}: {error.strerror}") from None
    return data_bytes / (sample_rate * channels * 2)


def read_audio_mono16(path: Path, target_rate: int | None = None) -> tuple[bytes, int]:
    """Any sound file libsndfile reads, as mono int16 bytes and its rate.

    Channels are averaged; with ``target_rate`` the audio is resampled to it.
    """
    try:
        samples, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    except soundfile.LibsndfileError as error:
        if not path.exists():
            raise WavError(f"no such file: {path}") from None
        raise WavError(
            f"{path.name} is not a sound file Hotseat can read "
            f"(WAV, FLAC, OGG or MP3): {error.error_string.rstrip('.')}"
        ) from None
    mono = samples.mean(axis=1) if samples.shape[1] > 1 else samples[:, 0]
    pcm = np.clip(np.round(mono * 32768.0), -32768, 32767).astype("<i2").tobytes()
    if target_rate and target_rate != rate:
        return resample_pcm16(pcm, rate, target_rate), target_rate
    return pcm, int(rate)


def wav_duration(path: Path) -> float:
    """Duration of a sound file in seconds."""
    try:
        info = soundfile.info(str(path))
    except soundfile.LibsndfileError as error:
        if not path.exists():
            raise WavError(f"no such file: {path}") from None
        raise WavError(f"{path.name} is not a readable sound file ({error.error_string})") from None
    return info.frames / float(info.samplerate)
