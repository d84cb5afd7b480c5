"""Leaving a ``with`` block closes the resource, whatever happened in the block.

The recorders, readers and the interviewer's voice share one base (``core.closing.Closing``);
the microphone and the mixer, which need a sound device, are closed the same way in
tests/audio/test_virtual_mic.py and test_mixer_e2e.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.audio.pcm_store import PcmOnDisk
from simulator.audio.wav import MonoReader, WavWriter, wav_duration
from simulator.core.closing import Closing
from simulator.speech.errors import TtsError
from simulator.speech.tts import InterviewerVoice


class Counted(Closing):
    def __init__(self) -> None:
        self.closed = 0

    def close(self) -> None:
        self.closed += 1


def test_the_block_gets_the_thing_itself_and_closes_it_once() -> None:
    thing = Counted()
    with thing as got:
        assert got is thing and thing.closed == 0
    assert thing.closed == 1


def test_an_error_in_the_block_closes_it_and_goes_on() -> None:
    thing = Counted()
    with pytest.raises(KeyError), thing:
        raise KeyError("in the block")
    assert thing.closed == 1


def test_a_wav_written_in_a_failed_block_is_finished_and_readable(tmp_path: Path) -> None:
    path = tmp_path / "answer.wav"
    with pytest.raises(RuntimeError), WavWriter(path, 16000) as writer:
        writer.write(bytes(3200))
        raise RuntimeError("the recording stopped")
    assert wav_duration(path) == pytest.approx(0.1)
    with MonoReader(path, 16000) as reader:
        assert b"".join(reader.blocks()) == bytes(3200)
    assert reader._file.closed


def test_pcm_on_disk_lets_its_file_go(tmp_path: Path) -> None:
    with PcmOnDisk() as pcm:
        pcm.append(b"\x01\x00" * 10)
        assert pcm[2:6] == b"\x01\x00\x01\x00"
    assert pcm._file.closed


def test_the_interviewer_voice_renders_nothing_after_its_block(tmp_path: Path) -> None:
    with InterviewerVoice(tmp_path) as voice:
        pass
    with pytest.raises(TtsError):
        voice.render("Tell me about yourself.")
    assert voice.worker_pid is None
