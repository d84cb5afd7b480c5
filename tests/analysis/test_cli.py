"""``hotseat analyze``: a WAV file, a saved answer, and re-analysing every saved answer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.core.analysis import ANALYSIS_VERSION
from simulator.store import Store
from simulator.store.files import DataLayout
from tests.analysis.evalset import SpokenAnswer


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


HEADLINE = "as a result we cut costs by twenty percent"


def save_answer(
    home: Path,
    wav: Path,
    question_id: str = "tell-me-about-a-conflict",
    pack_id: str = "no-such-pack",
) -> int:
    """A finished session with one answer whose recording is ``wav``; returns the answer id."""
    layout = DataLayout(home)
    layout.ensure()
    with Store(layout.db_path) as store:
        session = store.create_session(
            mode="practice", pack_id=pack_id, settings={}, started_at="2025-01-01T10:00:00"
        )
        target = layout.answer_wav(session, 1, question_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(wav, target)
        answer = store.start_answer(
            session_id=session,
            position=1,
            question_id=question_id,
            question_text="Tell me about a conflict.",
            audio_path=layout.relative(target),
            sample_rate=16000,
            started_at="2025-01-01T10:00:05",
        )
        words = [
            {"text": w, "start": 1.2 + 0.4 * i, "end": 1.5 + 0.4 * i, "conf": 0.9}
            for i, w in enumerate(HEADLINE.split())
        ]
        store.finish_answer(
            answer,
            transcript=HEADLINE,
            words=words,
            engine="pocketsphinx",
            model="en-us (built-in)",
            duration_s=5.0,
        )
        store.finish_session(session, status="complete", ended_at="2025-01-01T10:01:00")
    return answer


def test_saved_answers_are_analysed_stored_and_recomputed_by_version(
    eval_set: list[SpokenAnswer], hotseat_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer_id = save_answer(hotseat_home, eval_set[0].path)
    code, out, err = run(capsys, "analyze", "--answer", str(answer_id), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["version"] == ANALYSIS_VERSION
    assert report["numbers"] == ["20%"]
    assert report["headline_in_30s"] is True
    with Store(DataLayout(hotseat_home).db_path) as store:
        saved = store.get_answer(answer_id)
    assert saved is not None and saved["analysis_version"] == ANALYSIS_VERSION
    assert saved["analysis"]["wpm"] == report["wpm"]

    code, out, _ = run(capsys, "analyze", "--all", "--json")
    assert code == 0 and json.loads(out)["analysed"] == []  # already up to date
    code, out, _ = run(capsys, "analyze", "--all", "--force")
    assert code == 0 and out.startswith("Analysed 1 answers")

    code, out, _ = run(capsys, "analyze", "--answer", str(answer_id))
    assert code == 0 and "words a minute" in out and "Figures: 20%" in out


def test_usage_problems_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "analyze")
    assert code == 2 and "exactly one of" in err
    code, _, err = run(capsys, "analyze", "--answer", "7")
    assert code == 1 and "no saved answers yet" in err
    code, _, err = run(capsys, "analyze", str(tmp_path / "missing.wav"))
    assert code == 2 and "no such file" in err  # a usage problem, as in README
    bad = tmp_path / "targets.json"
    bad.write_text('{"pace": 3}')
    code, _, err = run(capsys, "analyze", "--all", "--targets", str(bad))
    assert code == 2 and "unknown target 'pace'" in err


@pytest.mark.slow
def test_a_wav_file_is_transcribed_and_analysed(
    eval_set: list[SpokenAnswer], capsys: pytest.CaptureFixture[str]
) -> None:
    answer = eval_set[5]
    code, out, err = run(
        capsys, "analyze", str(answer.path), "--engine", "pocketsphinx", "--framework", "STAR",
        "--json",
    )  # fmt: skip
    assert code == 0, err
    report = json.loads(out)
    assert report["structure"]["framework"] == "STAR"
    assert len(report["pauses"]) == len(answer.pauses)
    assert report["filler_pass"]["ran"] is True
    assert report["transcript"]


@pytest.mark.slow
def test_without_a_framework_the_file_is_read_against_the_one_it_fits_and_says_so(
    eval_set: list[SpokenAnswer], capsys: pytest.CaptureFixture[str]
) -> None:
    story = eval_set[4]  # "deadline": situation, task, action, result, at normal speed
    assert story.name == "deadline" and story.stretch == 1.0
    code, out, err = run(capsys, "analyze", str(story.path), "--engine", "pocketsphinx", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["structure"]["framework"] == "STAR" and report["framework_picked"] is True
    assert any(f["metric"] == "structure" for f in report["findings"])
    code, out, err = run(capsys, "analyze", str(story.path), "--engine", "pocketsphinx")
    assert code == 0, err
    assert "Framework: STAR, the one this answer seems to fit best" in out

    chosen = run(capsys, "analyze", str(story.path), "--engine", "pocketsphinx", "--json",
                 "--framework", "CAR")  # fmt: skip
    report = json.loads(chosen[1])
    assert report["structure"]["framework"] == "CAR" and report["framework_picked"] is False
    assert (
        "Framework:"
        not in run(
            capsys, "analyze", str(story.path), "--engine", "pocketsphinx", "--framework", "free"
        )[1]
    )


def test_the_users_targets_file_applies_when_no_targets_are_given(
    capsys: pytest.CaptureFixture[str], hotseat_home: Path, eval_set: list[SpokenAnswer]
) -> None:
    answer_id = save_answer(hotseat_home, eval_set[0].path)
    (hotseat_home / "targets.json").write_text(json.dumps({"pace_comfortable": [100, 110]}))
    code, out, _ = run(capsys, "analyze", "--answer", str(answer_id), "--json")
    assert code == 0
    assert json.loads(out)["targets"]["pace_comfortable"] == [100.0, 110.0]

    (hotseat_home / "targets.json").write_text(json.dumps({"pace": 3}))
    code, _, err = run(capsys, "analyze", "--answer", str(answer_id))
    assert code == 2
    assert "targets.json" in err and "unknown target 'pace'" in err
    assert len(err.strip().splitlines()) == 1


def test_an_answer_from_a_mix_of_packs_is_judged_against_its_own_question(
    eval_set: list[SpokenAnswer], hotseat_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Sessions drawn from several packs record the pack as "mix"; the question is still found.
    answer_id = save_answer(
        hotseat_home, eval_set[0].path, question_id="reduce-made-up-answers", pack_id="mix"
    )
    code, out, err = run(capsys, "analyze", "--answer", str(answer_id), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["band"] == [90, 150] and report["structure"]["framework"] == "free"


def test_analyze_all_with_nothing_saved_is_not_a_failure(
    hotseat_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "analyze", "--all")
    assert code == 0 and "No saved answers yet" in out
    code, out, _ = run(capsys, "analyze", "--all", "--json")
    assert code == 0 and json.loads(out)["analysed"] == []
    code, _, err = run(capsys, "analyze", "--answer", "7")
    assert code == 1 and "no saved answers yet" in err
