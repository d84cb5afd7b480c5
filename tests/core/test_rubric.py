"""The self-scoring rubrics: criteria per framework in order, anchors, checks and the mean."""

from __future__ import annotations

import pytest

from simulator.core.analysis.structure import FRAMEWORK_PARTS
from simulator.core.rubric import (
    DELIVERY_KEYS,
    HIGHEST,
    NOTE_KEY,
    RubricError,
    parse_assignment,
    rubric_for,
    self_score,
)


@pytest.mark.parametrize("framework", ["STAR", "PEP", "CAR"])
def test_each_framework_rates_its_own_parts_then_delivery(framework: str) -> None:
    rubric = rubric_for(framework)
    assert rubric.keys == FRAMEWORK_PARTS[framework] + DELIVERY_KEYS
    assert DELIVERY_KEYS == ("clarity", "conciseness", "composure", "listening")
    for criterion in rubric.criteria:
        anchors = [criterion.anchor(score) for score in range(1, HIGHEST + 1)]
        assert len(set(anchors)) == HIGHEST and all(anchors)


@pytest.mark.parametrize("framework", ["free", None, "SOAR"])
def test_no_framework_is_rated_on_delivery_alone(framework: str | None) -> None:
    rubric = rubric_for(framework)
    assert (rubric.framework, rubric.keys) == ("free", DELIVERY_KEYS)


def test_check_orders_and_refuses() -> None:
    rubric = rubric_for("CAR")
    assert list(rubric.check({"clarity": 2, "context": 5})) == ["context", "clarity"]
    with pytest.raises(RubricError, match="'task' is not a criterion of a CAR answer"):
        rubric.check({"task": 3})
    for bad in (0, 6, True, 2.5):
        with pytest.raises(RubricError):
            rubric.check({"result": bad})  # type: ignore[dict-item]
    with pytest.raises(RubricError, match="not a criterion"):
        rubric.check({NOTE_KEY: 3})


def test_assignments_and_the_mean() -> None:
    assert parse_assignment(" Result = 4") == ("result", 4)
    for text in ("result", "=4", "result=four", "result=4.5"):
        with pytest.raises(RubricError):
            parse_assignment(text)
    assert self_score({"task": 4, "result": 3, NOTE_KEY: 0}) == 3.5
    assert self_score({}) is None
