"""The per-answer director: given the live state of an answer, what a drill does next.

One ``AnswerDirector`` per answer. The runner calls ``step(state)`` on each tick of the
recording (every block is fine; fewer is fine too) and carries out the actions it returns,
then ``after_answer()`` once the answer has ended. Every random choice comes from generators
seeded with (seed, question id, answer index, purpose), and every rule reads only the state
given, so the same seed and the same speech give the same timeline, whatever the machine.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from simulator.core.drills import clarify, office, texts
from simulator.core.drills.actions import (
    AfterAnswerAction,
    AnswerClarification,
    AnswerState,
    InAnswerAction,
    Interrupt,
    Pushback,
    RevealBug,
    SilenceThenPrompt,
    SpokenAction,
    SqueezeTime,
)
from simulator.core.drills.catalog import Drill, check_intensity
from simulator.core.packs import Question

# The rules every intensity keeps (issue 11): no cut-in before this much speech, none while
# the candidate is silent, never two starting within this many seconds.
MIN_SPEECH_S = 5.0
MIN_GAP_S = 15.0


@dataclass(frozen=True)
class Rules:
    """What an intensity changes: how soon, how often and how hard."""

    max_cut_ins: int
    extra_speech_s: tuple[float, float]  # drawn on top of MIN_SPEECH_S before each cut-in
    extra_gap_s: tuple[float, float]  # drawn on top of MIN_GAP_S between cut-ins
    squeeze_at: tuple[float, float]  # part of the time limit gone when the clock is cut
    squeeze_to_s: int  # seconds left after the squeeze
    pushbacks: int
    pushback_limit_s: float
    silence_s: float
    clarifications: int  # questions answered before "make an assumption"


RULES = {
    1: Rules(1, (8.0, 14.0), (15.0, 25.0), (0.55, 0.65), 45, 1, 30.0, 4.0, 5),
    2: Rules(2, (3.0, 8.0), (5.0, 12.0), (0.40, 0.55), 30, 1, 45.0, 6.0, 4),
    3: Rules(4, (0.0, 3.0), (0.0, 4.0), (0.30, 0.45), 20, 2, 45.0, 9.0, 2),
}
PAUSE_BEFORE_REPLY_S = 0.9  # the candidate stopped talking this long: a question is finished
GIVE_UP_ON_UTTERANCE_S = 3.0  # silent this long and no question found: what they said is done
LISTEN_AFTER_PROMPT_S = 30.0
WORDS_PER_SECOND = 2.6  # the interviewer's voice, to know roughly when it is done


def _common_prefix(old: tuple[str, ...], new: tuple[str, ...]) -> int:
    for index, (was, now) in enumerate(zip(old, new, strict=False)):
        if was != now:
            return index
    return min(len(old), len(new))


@dataclass(frozen=True)
class CodeShown:
    """What the debug-aloud panel shows while the candidate answers."""

    code: str
    language: str


def speaking_time(text: str) -> float:
    """About how long the interviewer takes to say ``text``."""
    return 0.6 + len(text.split()) / WORDS_PER_SECOND


class AnswerDirector:
    """Decides a drill's events for one answer to ``question``."""

    def __init__(
        self,
        drill: Drill,
        question: Question,
        *,
        seed: int,
        intensity: int = 2,
        answer_index: int = 0,
        time_limit_s: float | None = None,
    ) -> None:
        self.drill = drill
        self.question = question
        self.intensity = check_intensity(intensity)
        self.rules = RULES[self.intensity]
        self._key = f"{seed}|{question.id}|{answer_index}"
        # Spread over a typical answer (the middle of the target band, within the limit), so
        # an answer of ordinary length meets all of them.
        low, high = question.answer_seconds
        horizon = min((low + high) / 2, time_limit_s if time_limit_s is not None else high)
        self._distractions = (
            office.plan_distractions(self._rng("office"), self.intensity, horizon, drill.mixed)
            if drill.distractions
            else []
        )
        cut_rng = self._rng("cut-ins")
        self._speech_needed = [
            MIN_SPEECH_S + cut_rng.uniform(*self.rules.extra_speech_s)
            for _ in range(self.rules.max_cut_ins)
        ]
        self._gaps = [
            MIN_GAP_S + cut_rng.uniform(*self.rules.extra_gap_s)
            for _ in range(self.rules.max_cut_ins)
        ]
        self._texts_rng = self._rng("texts")
        self._squeeze_at = self._rng("squeeze").uniform(*self.rules.squeeze_at)
        self._squeezed = False
        self._cut_ins: list[float] = []  # answer_s of each interruption
        self._speech_at_last_cut_in = 0.0
        self._used_texts: set[str] = set()
        self._busy_until = -1.0
        self._last_voice_s: float | None = None
        self._heard: tuple[str, ...] = ()  # the words already looked at for a question
        self._answered = 0
        #: Everything decided, as ``(answer_s, action)``: for logs and tests.
        self.timeline: list[tuple[float, InAnswerAction]] = []

    def _rng(self, purpose: str) -> random.Random:
        # A string seed is hashed with SHA-512 by random: stable across runs and machines.
        return random.Random(f"{self._key}|{purpose}")

    # --- what the runner shows and says before the answer -------------------------------------

    @property
    def asked_text(self) -> str:
        """What the interviewer reads aloud: vague in the clarify-first drill."""
        return clarify.vague_text(self.question) if self._clarifies else self.question.text

    @property
    def _clarifies(self) -> bool:
        # Full pressure asks vaguely, and listens for questions, only where the question has
        # clarifications to give: elsewhere a stray "what happened" would get a reply.
        return self.drill.clarify and (not self.drill.mixed or bool(self.question.clarifications))

    @property
    def code(self) -> CodeShown | None:
        """The program to show while the candidate answers, if the drill and question have one."""
        if self.drill.shows_code and self.question.code:
            return CodeShown(self.question.code, self.question.code_language)
        return None

    # --- during the answer ---------------------------------------------------------------------

    def step(self, state: AnswerState) -> tuple[InAnswerAction, ...]:
        """The actions to carry out now: any distractions due, and at most one thing said."""
        if state.speaking:
            self._last_voice_s = state.answer_s
        actions: list[InAnswerAction] = []
        while self._distractions and self._distractions[0][0] <= state.answer_s:
            actions.append(self._distractions.pop(0)[1])
        spoken = None if self._busy(state) else self._spoken(state)
        if spoken is not None:
            self._busy_until = state.answer_s + speaking_time(spoken.says)
            actions.append(spoken)
        self.timeline.extend((state.answer_s, action) for action in actions)
        return tuple(actions)

    def _busy(self, state: AnswerState) -> bool:
        return state.interviewer_speaking or state.answer_s < self._busy_until

    def _spoken(self, state: AnswerState) -> SpokenAction | None:
        if self._clarifies:
            reply = self._clarification(state)
            if reply is not None:
                return reply
        if self.drill.squeeze and not self._squeezed:
            squeeze = self._squeeze(state)
            if squeeze is not None:
                return squeeze
        if self.drill.interruptions:
            return self._interruption(state)
        return None

    def _interruption(self, state: AnswerState) -> Interrupt | None:
        count = len(self._cut_ins)
        if count >= self.rules.max_cut_ins or not state.speaking:
            return None
        if state.speech_s - self._speech_at_last_cut_in < self._speech_needed[count]:
            return None
        if self._cut_ins and state.answer_s - self._cut_ins[-1] < self._gaps[count]:
            return None
        self._cut_ins.append(state.answer_s)
        self._speech_at_last_cut_in = state.speech_s
        kind, text = self._cut_in_text(state)
        self._used_texts.add(text)
        return Interrupt(kind, text)

    def _cut_in_text(self, state: AnswerState) -> tuple[str, str]:
        debugging = self.code is not None
        probe = (
            None if debugging else texts.probe_for(state.words, state.speech_s, self._used_texts)
        )
        if probe is not None:
            return "probe", probe
        follow_up = next((f for f in self.question.follow_ups if f not in self._used_texts), None)
        if follow_up is not None:
            return "follow_up", follow_up
        pool = texts.DEBUG_PROBES if debugging else texts.GENERIC_PROBES
        fresh = texts.pick_unused(pool, self._used_texts, self._texts_rng)
        return "probe", fresh or self._texts_rng.choice(pool)

    def _squeeze(self, state: AnswerState) -> SqueezeTime | None:
        limit = state.answer_s + state.time_left_s
        if state.answer_s < self._squeeze_at * limit or state.speech_s < MIN_SPEECH_S:
            return None
        self._squeezed = True  # once per answer, even when there is too little time to cut
        seconds = self.rules.squeeze_to_s
        if state.time_left_s < seconds + 5:
            return None
        return SqueezeTime(round(state.answer_s + seconds, 2), texts.squeeze_text(seconds))

    def _clarification(self, state: AnswerState) -> AnswerClarification | None:
        if state.speaking or self._last_voice_s is None:
            return None
        silent_for = state.answer_s - self._last_voice_s
        if silent_for < PAUSE_BEFORE_REPLY_S:
            return None
        # The recogniser may have re-guessed the end of what was already heard: from the
        # first word that differs, it is new.
        heard = _common_prefix(self._heard, state.words)
        words = state.words[heard:]
        asked = clarify.find_question(words) if words else None
        if asked is None:
            if silent_for >= GIVE_UP_ON_UTTERANCE_S:
                self._heard = state.words
            return None
        self._heard = state.words
        self._answered += 1
        if self._answered > self.rules.clarifications:
            return AnswerClarification(asked, texts.NO_MORE_ANSWERS)
        match = clarify.best_clarification(asked, self.question.clarifications)
        return AnswerClarification(asked, match or texts.MAKE_AN_ASSUMPTION)

    # --- after the answer ----------------------------------------------------------------------

    def after_answer(self) -> tuple[AfterAnswerAction, ...]:
        """What follows the answer, in order: the bug shown, pushback, or a silence."""
        actions: list[AfterAnswerAction] = []
        code_bug = self.question.bug
        if self.code is not None and code_bug is not None:
            actions.append(RevealBug(code_bug.line, code_bug.explanation))
        if self.drill.pushback:
            rng = self._rng("pushback")
            for text in rng.sample(texts.PUSHBACKS, self.rules.pushbacks):
                actions.append(Pushback(text, self.rules.pushback_limit_s))
        if self.drill.silence:
            actions.append(
                SilenceThenPrompt(self.rules.silence_s, texts.ANYTHING_ELSE, LISTEN_AFTER_PROMPT_S)
            )
        return tuple(actions)
