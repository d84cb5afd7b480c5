"""The mixer through the virtual devices: sounds land in the recording where it says they do.

With the speaker routed into the microphone (loopback), a sound's reported span on the
recording clock (``Sound.span_s`` with ``InputStream.first_sample_time``) must match where it
is found in the recorded samples within 0.1 s (issue 11, item 3). The speaker's monitor,
recorded directly, shows two overlapping sounds mixed at their gains.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
import soxr
from loopback import (
    LOOPBACK_MS,
    MONITOR_RATE,
    MicRecorder,
    MonitorRecorder,
    band_level,
    locate,
    loud_spans,
    speaker_into_mic,
    tone,
)
from support.virtual_mic import VirtualMic

from simulator.audio import distractions
from simulator.audio.mixer import Mixer, Sound
from simulator.audio.wav import read_audio_mono16

pytestmark = pytest.mark.e2e

#: Issue 11: logged start and end within 0.1 s of where the voice lands in the recording.
ALIGNMENT_S = 0.1
#: Issue 11: each sound starts within 50 ms of the decision.
CUT_IN_S = 0.05


def span_on_recording(sound: Sound, recorder: MicRecorder) -> tuple[float, float]:
    assert recorder.stream.first_sample_time is not None
    span = sound.span_s(recorder.stream.first_sample_time)
    assert span is not None and span[1] is not None
    return span[0], span[1]


def test_tone_bursts_land_where_the_mixer_says(virtual_mic: VirtualMic) -> None:
    with speaker_into_mic(virtual_mic.env), Mixer() as mixer:
        recorder = MicRecorder()
        recorder.wait_for_audio(0.5)
        sounds = []
        for index in range(3):
            sounds.append(mixer.play(tone(1000, 0.4, mixer.sample_rate), mixer.sample_rate))
            assert mixer.wait(sounds[-1], timeout=3)
            time.sleep(0.3 + 0.1 * index)  # uneven gaps: no accidental periodic match
        recorded = recorder.stop()
        assert recorder.stream.overflows == 0 and mixer.underflows == 0
    rate = recorder.stream.sample_rate
    heard = loud_spans(recorded, rate, threshold=0.1)
    assert len(heard) == len(sounds)
    for sound, (start, end) in zip(sounds, heard, strict=True):
        reported_start, reported_end = span_on_recording(sound, recorder)
        assert abs(start - reported_start) < ALIGNMENT_S
        assert abs(end - reported_end) < ALIGNMENT_S
        # Tighter than the issue asks: only the loopback's buffer and a 5 ms frame apart.
        assert abs(start - reported_start) < (LOOPBACK_MS + 25) / 1000
        latency = sound.latency_s()
        assert latency is not None and 0 < latency < CUT_IN_S


def test_a_spoken_phrase_lands_where_the_mixer_says(
    virtual_mic: VirtualMic, espeak_speech: Path
) -> None:
    # espeak-ng renders at 22050 Hz like pyttsx3: the mixer resamples it to the device rate.
    pcm, voice_rate = read_audio_mono16(espeak_speech)
    voice = np.frombuffer(pcm, dtype="<i2")
    with speaker_into_mic(virtual_mic.env), Mixer() as mixer:
        recorder = MicRecorder()
        recorder.wait_for_audio(0.7)
        sound = mixer.play(voice, voice_rate, gain_db=-3.0, name="cut-in")
        assert mixer.wait(sound, timeout=10)
        time.sleep(0.5)
        recorded = recorder.stop()
    rate = recorder.stream.sample_rate
    reference, _ = read_audio_mono16(espeak_speech, rate)
    found_s, score = locate(recorded, np.frombuffer(reference, dtype="<i2") / 32768, rate)
    # Pulse resamples the 44.1 kHz speaker to the 16 kHz mic with its own filter: a match
    # scored 0.55-0.85 here, lower than the same file copied digitally.
    assert score > 0.4, "the phrase is not in the recording"
    start, end = span_on_recording(sound, recorder)
    assert abs(found_s - start) < ALIGNMENT_S
    assert abs(found_s + len(voice) / voice_rate - end) < ALIGNMENT_S


def test_microphone_keeps_recording_while_sounds_play(virtual_mic: VirtualMic) -> None:
    with Mixer() as mixer:
        recorder = MicRecorder()
        recorder.wait_for_audio(0.3)
        before, started = recorder.recorded_s(), time.monotonic()
        for _ in range(4):
            assert mixer.wait(mixer.play(tone(600, 0.3, mixer.sample_rate), mixer.sample_rate), 3)
        elapsed = time.monotonic() - started
        recorded_meanwhile = recorder.recorded_s() - before
        recorder.stop()
    assert recorder.stream.overflows == 0
    # Blocks arrive every 0.1 s: what was recorded keeps up with the clock, no gap.
    assert recorded_meanwhile == pytest.approx(elapsed, abs=0.25)


def test_two_overlapping_sounds_are_mixed_at_their_gains(
    virtual_mic: VirtualMic, tmp_path: Path
) -> None:
    monitor = MonitorRecorder(virtual_mic.env, tmp_path / "monitor.raw")
    with Mixer() as mixer:
        rate = mixer.sample_rate
        time.sleep(0.3)  # parec's first blocks
        under = mixer.play(tone(440, 3.0, rate, 0.4), rate, gain_db=-6.0, name="murmur")
        time.sleep(0.5)
        over = mixer.play(tone(1500, 0.8, rate, 0.4), rate, gain_db=0.0, name="voice")
        assert mixer.wait(over, timeout=3)
        under.stop()
        assert mixer.wait(under, timeout=3)
        time.sleep(0.3)
    played = monitor.stop()
    assert under.stopped and not over.stopped
    assert under.start_time is not None and under.end_time is not None
    assert over.start_time is not None and over.end_time is not None
    onset = loud_spans(played, MONITOR_RATE, threshold=0.05)[0][0]

    def window(start: float, end: float) -> np.ndarray:
        first = onset + start - under.start_time
        return played[
            int((first + 0.05) * MONITOR_RATE) : int((first + end - start) * MONITOR_RATE)
        ]

    alone = window(under.start_time, over.start_time)
    both = window(over.start_time, over.end_time)
    after_stop = window(under.end_time + 0.05, under.end_time + 0.25)
    assert band_level(alone, MONITOR_RATE, 1500) < 0.01
    under_level = band_level(both, MONITOR_RATE, 440)
    over_level = band_level(both, MONITOR_RATE, 1500)
    assert under_level == pytest.approx(0.4 * 10 ** (-6 / 20), rel=0.1)
    assert over_level == pytest.approx(0.4, rel=0.1)
    assert band_level(alone, MONITOR_RATE, 440) == pytest.approx(under_level, rel=0.1)
    # Stopped means silent from the block where the stop took effect.
    assert band_level(after_stop, MONITOR_RATE, 440) < 0.01


def test_distractions_are_heard_at_their_reported_times(virtual_mic: VirtualMic) -> None:
    with speaker_into_mic(virtual_mic.env), Mixer() as mixer:
        recorder = MicRecorder()
        recorder.wait_for_audio(0.5)
        played = []
        for name in distractions.names():
            sound = distractions.render(name, seed=5, rate=mixer.sample_rate)
            played.append((sound, mixer.play(sound.samples, sound.rate, name=name)))
            assert mixer.wait(played[-1][1], timeout=10)
            time.sleep(0.2)
        recorded = recorder.stop()
    rate = recorder.stream.sample_rate
    for rendered, sound in played:
        start, end = span_on_recording(sound, recorder)
        assert end - start == pytest.approx(rendered.duration_s, abs=0.01)
        reference = soxr.resample(rendered.samples, rendered.rate, rate)
        # Where the sound was reported, the recording has its level (the 16 kHz microphone
        # loses what is above 8 kHz, as the reference resampled here does); between sounds
        # there is silence, so this places each one.
        at_report = recorded[int(start * rate) : int(start * rate) + len(reference)]
        assert distractions.rms_db(at_report) == pytest.approx(
            distractions.rms_db(reference), abs=1.0
        ), rendered.name
        # Its best match is there too. Noise-like sounds lose their fine structure in
        # PulseAudio's resampler (scores 0.2-0.4 for murmur and typing, above 0.8 for the rest).
        found_s, score = locate(recorded, reference, rate)
        assert score > 0.15, rendered.name
        assert abs(found_s - start) < ALIGNMENT_S, rendered.name
