"""A new session's set-up, the same for the window and the terminal.

Both front ends describe what the user asked for in a ``SessionRequest`` (a pack, or a mix of
categories drawn across every pack; how many questions or which ones; the order and its seed;
the answer rules) and get the runner's ``SessionOptions`` from ``session_options``. Pure: the
packs are passed in, nothing is read or shown here, so a wrong pack or category fails before
anything slow starts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from simulator.core.packs import Pack, Question
from simulator.core.plan import MIX_LABEL, AnswerRules, choose_questions
from simulator.session.ports import SessionOptions


class UnknownCategoryError(ValueError):
    """A category to mix that no pack has; the message names it and the known ones."""


@dataclass(frozen=True)
class SessionRequest:
    """What the user asked for. ``questions`` is a count, question ids in ``pack_id``, or
    Question objects (then ``pack_id`` is only the label the session records). With
    ``categories`` (even none) the questions are a count drawn from every pack's questions of those
    categories, and the session records ``mix``."""

    pack_id: str | None = None
    questions: int | Sequence[str] | Sequence[Question] = 3
    categories: tuple[str, ...] | None = None  # a mix of these categories (None: a pack)
    shuffle: bool = False
    seed: int | None = None
    end_silence_s: float | None = None
    time_limit_s: float | None = None
    mode: str = "practice"
    settings: dict[str, Any] = field(default_factory=dict)


def session_options(packs: Sequence[Pack], request: SessionRequest) -> SessionOptions:
    """The runner's options for ``request``; its questions may be empty (the caller says so).

    Raises KeyError for a pack or question id no pack has, UnknownCategoryError for a
    category to mix that no pack has.
    """
    if request.categories is not None and isinstance(request.questions, int):
        pack_id = MIX_LABEL
        questions = mix_by_category(
            packs,
            request.categories,
            request.questions,
            shuffle=request.shuffle,
            seed=request.seed,
        )
    else:
        if request.pack_id is None:
            raise KeyError("no pack chosen")
        pack_id = request.pack_id
        questions = questions_for_session(
            packs, pack_id, request.questions, shuffle=request.shuffle, seed=request.seed
        )
    rules = AnswerRules(
        end_silence_s=request.end_silence_s or None, time_limit_s=request.time_limit_s
    )
    return SessionOptions(
        pack_id=pack_id,
        questions=questions,
        rules=rules,
        mode=request.mode,
        settings=dict(request.settings),
    )


def mix_by_category(
    packs: Sequence[Pack],
    categories: Iterable[str],
    count: int,
    *,
    shuffle: bool,
    seed: int | None,
) -> list[Question]:
    """Up to ``count`` questions of the chosen categories drawn from every pack.

    In order means pack order, then each pack's own order; shuffled is reproducible with a
    seed, like a single pack's session.
    """
    wanted = set(categories)
    known = {question.category for pack in packs for question in pack.questions}
    unknown = sorted(wanted - known)
    if unknown:
        names = ", ".join(sorted(known)) or "none"
        raise UnknownCategoryError(
            f"no question has the category '{unknown[0]}' (known categories: {names})"
        )
    pool = [q for pack in packs for q in pack.questions if q.category in wanted]
    return choose_questions(pool, count, shuffle=shuffle, seed=seed)


def questions_for_session(
    packs: Sequence[Pack],
    pack_id: str,
    questions: int | Sequence[str] | Sequence[Question],
    *,
    shuffle: bool,
    seed: int | None,
) -> list[Question]:
    """A session's questions: a count drawn from ``pack_id``, ids in it, or Question objects.

    Raises KeyError for a pack or question id the packs do not have.
    """
    if isinstance(questions, int):
        pool = _pack(packs, pack_id).questions
        return choose_questions(pool, questions, shuffle=shuffle, seed=seed)
    given = [q for q in questions if isinstance(q, Question)]
    if len(given) == len(questions):
        return given
    pack = _pack(packs, pack_id)
    return [pack.question(str(question_id)) for question_id in questions]


def _pack(packs: Sequence[Pack], pack_id: str) -> Pack:
    for pack in packs:
        if pack.id == pack_id:
            return pack
    known = ", ".join(p.id for p in packs) or "none"
    raise KeyError(f"no pack with id '{pack_id}' (known packs: {known})")
