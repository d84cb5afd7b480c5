"""WAV files: a crash-safe streaming writer, header repair, and reading any WAV as mono int16.

The recording on disk is the source of truth for every answer, so the writer hands each block
to the operating system as soon as it arrives and rewrites the header about once a second: a
crash or a kill loses at most the last second, and ``repair_wav`` fixes the sizes afterwards.
"""

from __future__ import annotations

import struct
import wave
from pathlib import Path
from types import TracebackType

import numpy as np

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
        self._file = path.open("wb")
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


def read_wav_mono16(path: Path, target_rate: int | None = None) -> tuple[bytes, int]:
    """Any PCM WAV (8/16/24/32-bit, any channels, any rate) as mono int16 bytes and its rate.

    With ``target_rate`` the audio is resampled to it (linear interpolation, adequate for
    speech recognition input).
    """
    try:
        with wave.open(str(path), "rb") as wav:
            channels = wav.getnchannels()
            width = wav.getsampwidth()
            rate = wav.getframerate()
            raw = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError) as error:
        raise WavError(f"{path.name} is not a readable WAV file ({error})") from None
    except OSError as error:
        raise WavError(f"cannot read {path.name}: {error.strerror}") from None
    samples = _to_float(raw, width)
    if channels > 1:
        samples = samples[: len(samples) - len(samples) % channels]
        samples = samples.reshape(-1, channels).mean(axis=1)
    if target_rate and target_rate != rate:
        samples = resample(samples, rate, target_rate)
        rate = target_rate
    pcm = np.clip(np.round(samples * 32767.0), -32768, 32767).astype("<i2")
    return pcm.tobytes(), rate


def _to_float(raw: bytes, width: int) -> np.ndarray:
    if width == 1:
        return (np.frombuffer(raw, dtype=np.uint8).astype(np.float64) - 128.0) / 128.0
    if width == 2:
        return np.frombuffer(raw, dtype="<i2").astype(np.float64) / 32768.0
    if width == 3:
        data = np.frombuffer(raw[: len(raw) - len(raw) % 3], dtype=np.uint8).reshape(-1, 3)
        values = data[:, 0].astype(np.int32) | (data[:, 1].astype(np.int32) << 8)
        values |= data[:, 2].astype(np.int32) << 16
        values = np.where(values >= 1 << 23, values - (1 << 24), values)
        return values.astype(np.float64) / float(1 << 23)
    if width == 4:
        return np.frombuffer(raw, dtype="<i4").astype(np.float64) / float(1 << 31)
    raise WavError(f"unsupported sample width of {width} bytes")


def resample(samples: np.ndarray, rate: int, target_rate: int) -> np.ndarray:
    """Linear-interpolation resampling of a float signal."""
    if rate == target_rate or len(samples) == 0:
        return samples
    count = round(len(samples) * target_rate / rate)
    positions = np.arange(count) * (rate / target_rate)
    return np.interp(positions, np.arange(len(samples)), samples)


def pcm16_resample(pcm: bytes, rate: int, target_rate: int) -> bytes:
    """Resample mono int16 PCM bytes; used where a device runs at another rate."""
    if rate == target_rate:
        return pcm
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float64)
    out = resample(samples, rate, target_rate)
    return np.clip(np.round(out), -32768, 32767).astype("<i2").tobytes()


def wav_duration(path: Path) -> float:
    """Duration of a WAV file in seconds."""
    try:
        with wave.open(str(path), "rb") as wav:
            return wav.getnframes() / float(wav.getframerate())
    except (wave.Error, EOFError) as error:
        raise WavError(f"{path.name} is not a readable WAV file ({error})") from None
    except OSError as error:
        raise WavError(f"cannot read {path.name}: {error.strerror}") from None
