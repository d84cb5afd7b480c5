"""A long recording is streamed: peak memory does not grow with its length.

A 3-hour recording given to ``transcribe`` or ``analyze`` took 2.07 GB: it was read whole as
float32 stereo, resampled whole, then copied to float64 for the voice-activity pass. Here a
1-minute and a 10-minute recording (48 kHz stereo, 11.5 and 115 MB) go through the real
reading, resampling, feeding and analysis in fresh processes, and their peaks are compared.
Read whole, the longer one would cost about 400 MB more.

The recogniser in the transcribe case counts what it is fed instead of decoding: PocketSphinx
runs at about real time on this shared machine, which would make the test take many minutes;
its own memory does not grow with length (it keeps only the words it found).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.long_audio import write_long_recording

pytestmark = pytest.mark.slow

# Growth allowed between 1 and 10 minutes: per-frame energies (8 bytes per 10 ms), the
# transcript, allocator noise. Reading whole would add hundreds of MB.
ALLOWED_GROWTH_MB = 40

_TRANSCRIBE = """
import json, resource, sys
from pathlib import Path
from simulator.core.transcript import Transcript
from simulator.speech.stt import transcribe_wav

class Counting:
    fed = 0
    def accept(self, pcm):
        Counting.fed += len(pcm)
        return None
    def finish(self):
        return Transcript(duration_s=Counting.fed / 2 / 16000)

transcript = transcribe_wav(Path(sys.argv[1]), lambda rate: Counting())
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"peak_mb": peak, "duration_s": transcript.duration_s}))
"""

_ANALYZE = """
import json, resource, sys
from pathlib import Path
from simulator.analysis_service import analyze_recording
from simulator.core.transcript import Transcript, Word

# A few words at the start: the filler pass runs, over every burst with no word under it.
words = (Word("so", 1.0, 1.3, 0.9), Word("then", 1.4, 1.8, 0.9))
transcript = Transcript(words=words, engine="pocketsphinx")
report = analyze_recording(Path(sys.argv[1]), transcript, "free", (60, 120))
assert report["filler_pass"]["ran"]
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"peak_mb": peak, "duration_s": report["duration_s"]}))
"""


def measure(script: str, wav: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", script, str(wav)],
        capture_output=True,
        text=True,
        check=True,
        timeout=240,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def recordings(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("long")
    return (
        write_long_recording(folder / "one-minute.wav", 1),
        write_long_recording(folder / "ten-minutes.wav", 10),
    )


@pytest.mark.parametrize("script", [_TRANSCRIBE, _ANALYZE], ids=["transcribe", "analyze"])
def test_peak_memory_does_not_grow_with_length(recordings: tuple[Path, Path], script: str) -> None:
    short, long = (measure(script, wav) for wav in recordings)
    assert short["duration_s"] == pytest.approx(60, abs=0.1)
    assert long["duration_s"] == pytest.approx(600, abs=0.1)
    assert long["peak_mb"] - short["peak_mb"] < ALLOWED_GROWTH_MB, (short, long)
