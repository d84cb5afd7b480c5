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
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import soundfile

from simulator.audio.resample import StreamResampler, resample_pcm16
from simulator.core.closing import Closing

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


class WavWriter(Closing):
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


class MonoReader(Closing):
    """Any sound file libsndfile reads, as blocks of mono int16 bytes at one rate.

    Reading in blocks keeps memory flat however long the file is (a 3-hour recording read
    whole took 2 GB). Channels are averaged; with ``target_rate`` the blocks are resampled to
    it as a stream. Use as a context manager; ``duration_s`` is known before reading.
    """

    def __init__(self, path: Path, target_rate: int | None = None) -> None:
        self.path = path
        try:
            self._file = soundfile.SoundFile(str(path))
        except soundfile.LibsndfileError as error:
            raise _unreadable(path, error) from None
        self.source_rate = int(self._file.samplerate)
        self.rate = target_rate or self.source_rate
        self.duration_s = self._file.frames / float(self.source_rate)

    def blocks(self, seconds: float = 10.0, resample: bool = True) -> Iterator[bytes]:
        """Mono int16 bytes, about ``seconds`` of audio at a time, from the start of the file.

        With ``resample`` False the blocks stay at ``source_rate``.
        """
        rate = self.rate if resample else self.source_rate
        resampler = StreamResampler(self.source_rate, rate)
        frames = max(1, round(seconds * self.source_rate))
        self._file.seek(0)
        try:
            for samples in self._file.blocks(blocksize=frames, dtype="float32", always_2d=True):
                if out := resampler.process(_to_mono16(samples)):
                    yield out
        except soundfile.LibsndfileError as error:
            raise _unreadable(self.path, error) from None
        if tail := resampler.flush():
            yield tail

    def close(self) -> None:
        self._file.close()


def _to_mono16(samples: np.ndarray) -> bytes:
    mono = samples.mean(axis=1) if samples.shape[1] > 1 else samples[:, 0]
    return np.clip(np.round(mono * 32768.0), -32768, 32767).astype("<i2").tobytes()


def _unreadable(path: Path, error: soundfile.LibsndfileError) -> WavError:
    if not path.exists():
        return WavError(f"no such file: {path}")
    return WavError(
        f"{path.name} is not a sound file Hotseat can read "
        f"(WAV, FLAC, OGG or MP3): {error.error_string.rstrip('.')}"
    )


def read_audio_mono16(path: Path, target_rate: int | None = None) -> tuple[bytes, int]:
    """Any sound file libsndfile reads, whole, as mono int16 bytes and its rate.

    Channels are averaged; with ``target_rate`` the audio is resampled to it (in one piece,
    as it always was). For long recordings use MonoReader, which keeps memory flat.
    """
    with MonoReader(path, target_rate) as reader:
        pcm = b"".join(reader.blocks(resample=False))
        rate = reader.source_rate
    if target_rate and target_rate != rate:
        return resample_pcm16(pcm, rate, target_rate), target_rate
    return pcm, rate


def wav_duration(path: Path) -> float:
    """Duration of a sound file in seconds."""
    try:
        info = soundfile.info(str(path))
    except soundfile.LibsndfileError as error:
        if not path.exists():
            raise WavError(f"no such file: {path}") from None
        raise WavError(f"{path.name} is not a readable sound file ({error.error_string})") from None
    return info.frames / float(info.samplerate)
