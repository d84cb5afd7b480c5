"""The replay page for scripts/screenshots.py: a saved answer whose recording sounds where its
words are (shaped noise, so the waveform lines up with the transcript), with its analysis and
the events of a pressure drill, shown paused and "playing" with a word highlighted.

No sound card is needed: the playing shot moves the playhead as playback would and shows the
page's playing state; the real playback is measured by tests/e2e/test_replay_sync.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import soundfile

from simulator import paths
from simulator.core.analysis import ANALYSIS_VERSION
from simulator.store import Store

RATE = 16000
QUESTION = "Tell me about a time you fixed a performance problem."


def speech_like(words: list[dict[str, Any]], length_s: float, seed: int = 7) -> np.ndarray:
    """Noise shaped like syllables under each word, a quiet room elsewhere."""
    rng = np.random.default_rng(seed)
    samples = rng.normal(0, 0.004, int(length_s * RATE))
    for word in words:
        first, last = int(word["start"] * RATE), int(word["end"] * RATE)
        t = np.arange(last - first) / RATE
        shape = np.sin(np.pi * t / max(t[-1], 1e-3)) * (0.6 + 0.4 * np.sin(2 * np.pi * 6 * t))
        loudness = rng.uniform(0.25, 0.6)
        samples[first:last] += loudness * shape * rng.normal(0, 0.5, last - first)
    return np.clip(samples, -1, 1)


def save_replay_session(words: list[dict[str, Any]], analysis: dict[str, Any]) -> int:
    """A complete session with one answer and a drill's interruption and distraction."""
    layout = paths.layout()
    layout.ensure()
    length_s = float(analysis.get("duration_s") or words[-1]["end"] + 1.5)
    with Store(layout.db_path) as store:
        session = store.create_session(
            mode="practice",
            pack_id="behavioral-core",
            settings={},
            started_at="2026-11-29T18:20:00",
        )
        target = layout.answer_wav(session, 1, "perf")
        target.parent.mkdir(parents=True, exist_ok=True)
        soundfile.write(target, speech_like(words, length_s), RATE, subtype="PCM_16")
        answer = store.start_answer(
            session_id=session, position=1, question_id="perf", question_text=QUESTION,
            audio_path=layout.relative(target), sample_rate=RATE, started_at="2026-11-29T18:20:05",
        )  # fmt: skip
        store.finish_answer(
            answer, transcript=" ".join(w["text"] for w in words), words=words,
            engine="pocketsphinx", model="en-us", duration_s=length_s,
        )  # fmt: skip
        store.set_analysis(answer, analysis, ANALYSIS_VERSION)
        for kind, payload in [
            ("distraction", {"kind": "sound", "name": "knock", "answer_s": 9.0, "duration_s": 0.8}),
            ("interruption_started", {"kind": "follow_up", "answer_s": 24.0}),
            ("interruption_ended", {"answer_s": 26.5}),
        ]:
            payload = {"index": 0 if "interruption" in kind else 1, "answer_id": answer, **payload}
            store.add_event(
                session_id=session, answer_id=answer, t_s=payload["answer_s"] + 8, kind=kind,
                payload=payload,
            )  # fmt: skip
        store.finish_session(session, status="complete", ended_at="2026-11-29T18:22:00")
    return session


def show_replay(
    window: Any,
    words: list[dict[str, Any]],
    settle: Callable[[Callable[[], bool]], None],
    save: Callable[[str], None],
) -> None:
    """The newest session (the replay one) opened; paused, then "playing" mid-answer."""
    window.show_home()
    window.home.history_button.click()
    settle(lambda: window.history.page.sessions_list.count() == 4)
    window.history.page.sessions_list.set_current_row(0)  # newest first: the replay one
    window.history.page.open_button.click()
    review = window.history.review
    settle(lambda: window.navigator.is_showing(review) and review.waveform.envelope is not None)
    save("26-replay.png")
    word = next(w for w in words if w["text"] == "dashboard")
    moment = (word["start"] + word["end"]) / 2
    review.player.seek(moment)
    review._show_playing(True)  # the playing state, as a running playback shows it
    review.speed_box.blockSignals(True)
    review.speed_box.setCurrentIndex(review.speed_box.findData(1.25))
    review.speed_box.blockSignals(False)
    settle(lambda: review.transcript.current is not None)
    save("27-replay-playing.png")
    review._show_playing(False)


__all__ = ["save_replay_session", "show_replay"]
