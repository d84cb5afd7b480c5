"""Decision-to-sound latency of a cut-in through the mixer, and its alignment on the recording.

Pressure mode decides to cut in while the microphone records; issue 11 asks for the sound
within 50 ms of the decision and its logged span within 0.1 s of where it lands in the
recording. This starts a PulseAudio virtual microphone with the speaker routed into it
(tests/audio/loopback.py), records through ``Microphone`` as the runner does, and makes
``--count`` cut-ins (tone bursts at random moments, so decisions fall anywhere in a block),
then one spoken phrase (espeak-ng, 22050 Hz, resampled by the mixer). For each it prints:

- reported: decision (``Mixer.play``) to the DAC time PortAudio gives for the first sample;
- heard: decision to the first sample found in the recording (includes the loopback's 10 ms
  buffer, which a real room does not add);
- start/end error: where the sound was found minus the span the mixer reported.

Run from the repository root: ``flock /tmp/hotseat-audio.lock python -m benchmarks.cutin_latency``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from simulator.audio.mixer import Mixer, Sound
from simulator.audio.wav import read_audio_mono16
from tests.audio.loopback import (
    LOOPBACK_MS,
    MicRecorder,
    locate,
    loud_spans,
    speaker_into_mic,
    tone,
)
from tests.support.speech_samples import espeak_wav
from tests.support.virtual_mic import VirtualMic

PHRASE = "We're short on time, can you wrap up in thirty seconds?"


def summary(label: str, values: list[float]) -> str:
    ms = sorted(1000 * value for value in values)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return (
        f"{label:<22} median {statistics.median(ms):6.1f} ms   p95 {p95:6.1f} ms   "
        f"min {ms[0]:6.1f}   max {ms[-1]:6.1f}   (n={len(ms)})"
    )


def bursts(mixer: Mixer, count: int, rng: random.Random) -> list[Sound]:
    sounds = []
    for _ in range(count):
        time.sleep(rng.uniform(0.25, 0.45))
        sounds.append(mixer.play(tone(1000, 0.25, mixer.sample_rate), mixer.sample_rate))
        mixer.wait(sounds[-1], timeout=3)
    return sounds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder, VirtualMic() as mic:
        mic.apply_to_os_environ()
        phrase_wav = espeak_wav(PHRASE, Path(folder) / "phrase.wav")
        pcm, voice_rate = read_audio_mono16(phrase_wav)
        reference_pcm, _ = read_audio_mono16(phrase_wav, 16000)
        with speaker_into_mic(mic.env), Mixer() as mixer:
            recorder = MicRecorder()
            recorder.wait_for_audio(0.5)
            sounds = bursts(mixer, args.count, rng)
            time.sleep(0.3)
            voice = mixer.play(np.frombuffer(pcm, dtype="<i2"), voice_rate, name="phrase")
            mixer.wait(voice, timeout=10)
            time.sleep(0.4)
            recorded = recorder.stop()
            print(
                f"mixer: {mixer.sample_rate} Hz, {mixer.channels} ch, block "
                f"{1000 * mixer.block_s:.1f} ms, PortAudio output latency "
                f"{1000 * mixer.latency_s:.1f} ms, input latency "
                f"{1000 * recorder.stream._stream.latency:.1f} ms; underflows "
                f"{mixer.underflows}, overflows {recorder.stream.overflows}"
            )
    rate = recorder.stream.sample_rate
    origin = recorder.stream.first_sample_time
    assert origin is not None
    burst_audio = recorded[: int(((voice.span_s(origin) or (0.0, 0.0))[0] - 0.1) * rate)]
    heard = loud_spans(burst_audio, rate, threshold=0.1)
    if len(heard) != len(sounds):
        print(f"found {len(heard)} bursts in the recording, played {len(sounds)}", file=sys.stderr)
        return 1
    reported, heard_latency, start_errors, end_errors = [], [], [], []
    for sound, (start, end) in zip(sounds, heard, strict=True):
        span = sound.span_s(origin)
        assert span is not None and span[1] is not None and sound.start_time is not None
        reported.append(sound.start_time - sound.decided_at)
        heard_latency.append(start - (sound.decided_at - origin))
        start_errors.append(abs(start - span[0]))
        end_errors.append(abs(end - span[1]))
    print(summary("reported (to DAC)", reported))
    print(summary(f"heard (+{LOOPBACK_MS} ms loop)", heard_latency))
    print(summary("burst start error", start_errors))
    print(summary("burst end error", end_errors))
    if rate != 16000:
        print(f"the microphone recorded at {rate} Hz, expected 16000", file=sys.stderr)
        return 1
    reference = np.frombuffer(reference_pcm, dtype="<i2") / 32768
    found, score = locate(recorded, reference, rate)
    span = voice.span_s(origin)
    assert span is not None and span[1] is not None
    phrase_s = len(pcm) / 2 / voice_rate
    print(
        f"phrase ({phrase_s:.2f} s, match {score:.2f}): start error "
        f"{1000 * (found - span[0]):+.1f} ms, end error "
        f"{1000 * (found + phrase_s - span[1]):+.1f} ms, decision to DAC "
        f"{1000 * (voice.latency_s() or 0):.1f} ms (resampling included)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
