"""``hotseat sessions score`` and ``sessions search`` as subprocesses on a real store, and the
scores in ``sessions show`` (text and JSON)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from simulator import paths
from simulator.store import Store


def hotseat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert result.returncode == code, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def saved_answers() -> dict[str, int]:
    """A session with a STAR answer (framework from its analysis), a PEP answer (from its
    question_started event, not analysed) and a free answer; their ids by framework."""
    layout = paths.layout()
    layout.ensure()
    ids = {}
    with Store(layout.db_path) as store:
        session = store.create_session(
            mode="practice",
            pack_id="behavioral-core",
            settings={},
            started_at="2025-01-10T09:00:00+00:00",
        )
        texts = {
            "STAR": "we missed the deadline so I split the release and we shipped",
            "PEP": "the problem was the deadline and I would suggest a smaller scope",
            "free": "I enjoy mentoring people",
        }
        for position, (framework, text) in enumerate(texts.items(), start=1):
            store.add_event(
                session_id=session,
                answer_id=None,
                t_s=float(position),
                kind="question_started",
                payload={"index": position - 1, "category": "conflict", "framework": framework},
            )
            answer = store.start_answer(
                session_id=session,
                position=position,
                question_id=f"q{position}",
                question_text=f"Question about {framework}?",
                audio_path=f"sessions/{session}/{position}-q.wav",
                sample_rate=16000,
                started_at="2025-01-10T09:00:05+00:00",
            )
            store.finish_answer(
                answer, transcript=text, words=[], engine="e", model="m", duration_s=40.0
            )
            if framework != "PEP":
                analysis = {"wpm": 140.0, "structure": {"framework": framework, "parts": {}}}
                store.set_analysis(answer, analysis, 5)
            ids[framework] = answer
        store.finish_session(session, status="complete", ended_at="2025-01-10T09:10:00+00:00")
    return ids


def shown_scores(session_id: int = 1) -> list[dict[str, object] | None]:
    result = hotseat("sessions", "show", str(session_id), "--json")
    assert result.returncode == 0, result.stderr
    return [answer.get("scores") for answer in json.loads(result.stdout)["answers"]]


def test_scores_are_saved_edited_and_shown() -> None:
    ids = saved_answers()
    star = str(ids["STAR"])
    saved = hotseat("sessions", "score", star, "situation=4", "result=5", "--note", "lead with it")
    assert saved.returncode == 0, saved.stderr
    assert "self-score 4.5/5" in saved.stdout
    edited = hotseat("sessions", "score", star, "result=2", "clarity=3", "--json")
    assert edited.returncode == 0, edited.stderr
    assert json.loads(edited.stdout) == {
        "answer_id": ids["STAR"],
        "framework": "STAR",
        "criteria": {"situation": 4, "result": 2, "clarity": 3},
        "note": "lead with it",
        "self_score": 3.0,
    }
    star_scores, pep_scores, free_scores = shown_scores()
    assert star_scores == {
        "framework": "STAR",
        "criteria": {"situation": 4, "result": 2, "clarity": 3},
        "note": "lead with it",
        "self_score": 3.0,
    }
    assert pep_scores is not None and pep_scores["criteria"] == {}
    assert free_scores is not None and free_scores["framework"] == "free"
    text = hotseat("sessions", "show", "1")
    assert "Self-score 3.0/5: situation 4, result 2, clarity 3" in text.stdout
    assert "Next time: lead with it" in text.stdout
    cleared = hotseat("sessions", "score", star, "--note", "")
    assert cleared.returncode == 0, cleared.stderr
    assert shown_scores()[0] == {**star_scores, "note": ""}


def test_the_criteria_follow_the_answers_framework() -> None:
    ids = saved_answers()
    # PEP known only from the question_started event: its parts and delivery are criteria.
    pep = hotseat("sessions", "score", str(ids["PEP"]), "evidence=3", "composure=4")
    assert pep.returncode == 0, pep.stderr
    line = one_line_error(hotseat("sessions", "score", str(ids["PEP"]), "situation=3"))
    assert "'situation' is not a criterion of a PEP answer" in line
    assert "problem, evidence, proposal, clarity" in line
    line = one_line_error(hotseat("sessions", "score", str(ids["free"]), "result=3"))
    assert "free-form" in line
    assert hotseat("sessions", "score", str(ids["free"]), "listening=5").returncode == 0
    shown = hotseat("sessions", "score", str(ids["STAR"]))
    assert shown.returncode == 0
    assert "situation" in shown.stdout and "(not scored)" in shown.stdout


def test_bad_scores_are_one_line_and_change_nothing() -> None:
    ids = saved_answers()
    star = str(ids["STAR"])
    assert hotseat("sessions", "score", star, "task=3").returncode == 0
    before = shown_scores()
    cases = {
        ("task=6",): "from 1 to 5, not 6",
        ("task=0", "result=4"): "from 1 to 5, not 0",
        ("task=three",): "whole number",
        ("task",): "expected criterion=score",
        ("result=4", "bogus=2"): "'bogus' is not a criterion",
    }
    for scores, message in cases.items():
        assert message in one_line_error(hotseat("sessions", "score", star, *scores))
    assert "no answer with id 999" in one_line_error(hotseat("sessions", "score", "999", "task=3"))
    assert shown_scores() == before


def test_search_pages_and_filters_from_the_terminal() -> None:
    ids = saved_answers()
    hotseat("sessions", "score", str(ids["STAR"]), "task=5")
    found = hotseat("sessions", "search", "deadline", "--json", "--limit", "1")
    assert found.returncode == 0, found.stderr
    page = json.loads(found.stdout)
    assert (page["total"], page["limit"], len(page["hits"])) == (2, 1, 1)
    assert "[deadline]" in page["hits"][0]["snippet"]
    second = json.loads(hotseat("sessions", "search", "deadline", "--json", "--offset", "1").stdout)
    assert {page["hits"][0]["answer_id"], second["hits"][0]["answer_id"]} == {
        ids["STAR"],
        ids["PEP"],
    }
    scored = json.loads(
        hotseat("sessions", "search", "deadline", "--min-score", "4", "--json").stdout
    )
    assert [hit["answer_id"] for hit in scored["hits"]] == [ids["STAR"]]
    text = hotseat("sessions", "search", "deadline", "--category", "conflict", "--limit", "1")
    assert text.returncode == 0, text.stderr
    assert '2 answers match "deadline"; 1-1 shown.' in text.stdout
    assert "More: --offset 1" in text.stdout
    none = hotseat("sessions", "search", "deadline", "--category", "growth")
    assert "No answers match" in none.stdout
    assert "YYYY-MM-DD" in one_line_error(hotseat("sessions", "search", "x", "--since", "May"))


def test_search_by_a_range_of_days_as_the_window_offers() -> None:
    saved_answers()  # one session, on 2025-01-10

    def found(*days: str) -> int:
        result = hotseat("sessions", "search", "--json", *days)
        assert result.returncode == 0, result.stderr
        return int(json.loads(result.stdout)["total"])

    assert found("--since", "2025-01-10", "--until", "2025-01-10") == 3
    assert found("--since", "2025-01-01", "--until", "2025-01-09") == 0
    assert found("--since", "2025-01-11") == 0
    backwards = hotseat("sessions", "search", "--since", "2025-01-11", "--until", "2025-01-10")
    assert one_line_error(backwards) == "hotseat: --since 2025-01-11 is after --until 2025-01-10"


def test_scores_are_cleared_and_the_answer_counts_as_unscored() -> None:
    ids = saved_answers()
    star = str(ids["STAR"])
    saved = hotseat("sessions", "score", star, "task=4", "result=2", "--note", "lead with it")
    assert saved.returncode == 0, saved.stderr
    mixed = hotseat("sessions", "score", star, "task=3", "--clear")
    assert "--clear takes no scores" in one_line_error(mixed)
    assert "no answer with id 999" in one_line_error(hotseat("sessions", "score", "999", "--clear"))
    assert shown_scores()[0] == {
        "framework": "STAR",
        "criteria": {"task": 4, "result": 2},
        "note": "lead with it",
        "self_score": 3.0,
    }

    cleared = hotseat("sessions", "score", star, "--clear")
    assert cleared.returncode == 0, cleared.stderr
    assert f"No scores now for answer {star} (STAR answer)" in cleared.stdout
    assert "(not scored)" in cleared.stdout and "next time:   lead with it" in cleared.stdout
    assert shown_scores()[0] == {
        "framework": "STAR",
        "criteria": {},
        "note": "lead with it",
        "self_score": None,
    }
    assert "Self-score" not in hotseat("sessions", "show", "1").stdout
    # The search's self-score filter no longer counts it as scored.
    scored = hotseat("sessions", "search", "--min-score", "1", "--json")
    assert json.loads(scored.stdout)["total"] == 0
    # The note goes too when asked; --json says what is saved now.
    both = hotseat("sessions", "score", star, "--clear", "--note", "", "--json")
    assert both.returncode == 0, both.stderr
    assert json.loads(both.stdout)["note"] == "" and json.loads(both.stdout)["criteria"] == {}


def test_search_lists_equally_good_answers_newest_first() -> None:
    layout = paths.layout()
    layout.ensure()
    by_day = {}
    with Store(layout.db_path) as store:
        for day in ("2025-11-12", "2025-11-10", "2025-11-14"):  # saved out of date order
            session = store.create_session(
                mode="practice", pack_id="p", settings={}, started_at=f"{day}T09:00:00+00:00"
            )
            answer = store.start_answer(
                session_id=session,
                position=1,
                question_id="q1",
                question_text="Tell me about a deadline.",
                audio_path=f"sessions/{session}/1-q1.wav",
                sample_rate=16000,
                started_at=f"{day}T09:00:05+00:00",
            )
            store.finish_answer(
                answer,
                transcript="we moved the deadline",
                words=[],
                engine="e",
                model="m",
                duration_s=20.0,
            )
            by_day[day] = answer
    result = hotseat("sessions", "search", "deadline", "--json")
    assert result.returncode == 0, result.stderr
    found = [hit["answer_id"] for hit in json.loads(result.stdout)["hits"]]
    assert found == [by_day[day] for day in ("2025-11-14", "2025-11-12", "2025-11-10")]
