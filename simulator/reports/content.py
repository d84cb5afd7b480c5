"""What an exported report says, with no Qt: the HTML of a session's report, its metrics as
CSV rows, and the transcript with its marks.

The HTML keeps to the subset Qt's ``QTextDocument`` renders (tables, headings, inline styles
on spans; no CSS layout), so the same text is the ``.html`` export and the PDF's source.
Everything that came from a pack, the recogniser or the user is escaped. The analysis is read
as stored (docs/ANALYSIS.md lists its keys); what an older version lacks shows as "-".
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from simulator.core.analysis.structure import FRAMEWORK_PARTS
from simulator.core.history import AnswerScores
from simulator.core.records import SavedAnswer, SavedSession
from simulator.core.transcript import Word

#: Each answer's self-scores (``store.scores.scores_of_answers``), by answer id.
Scores = Mapping[int, AnswerScores]

FILLER = "background-color:#fde7c2; color:#7a4a00; text-decoration:underline;"
HEDGE = "background-color:#dcecf7; color:#154a6e; font-style:italic;"
PAUSE = "background-color:#eceae4; color:#5f6368;"
PART = "color:#0f6e64; font-weight:bold;"
MUTED = "color:#5f6368;"


def seconds(value: object) -> str:
    if not isinstance(value, int | float):
        return "-"
    minutes, rest = divmod(round(float(value)), 60)
    return f"{minutes}:{rest:02d}"


def number(value: object, digits: int = 1) -> str:
    return f"{float(value):.{digits}f}" if isinstance(value, int | float) else "-"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def report_html(session: SavedSession, scores: Scores) -> str:
    """The whole report: the session, then each answer's measures, marks, scores, transcript."""
    total = sum(answer.duration_s or 0.0 for answer in session.answers)
    parts = [
        "<html><head><meta charset='utf-8'>",
        f"<title>Hotseat session {session.id}</title></head><body>",
        f"<h1>Hotseat session {session.id}</h1>",
        f"<p style='{MUTED}'>{_e(session.started_at[:16].replace('T', ' '))} · pack "
        f"{_e(session.pack_id)} · {_e(session.status)} · {len(session.answers)} answer(s), "
        f"{seconds(total)} recorded</p>",
    ]
    for answer in session.answers:
        parts.append(_answer_html(answer, scores.get(answer.id)))
    parts.append(
        f"<p style='{MUTED}'>Marks in the transcripts: "
        f"<span style='{FILLER}'>filler</span> <span style='{HEDGE}'>hedge</span> "
        f"<span style='{PAUSE}'>‖ pause</span> <span style='{PART}'>[part]</span> "
        "structure part starts.</p>"
    )
    parts.append("</body></html>")
    return "\n".join(parts)


def _answer_html(answer: SavedAnswer, scores: AnswerScores | None) -> str:
    data = answer.analysis.data if answer.analysis else {}
    out = [f"<h2>{answer.position}. {_e(answer.question_text)}</h2>"]
    if answer.skipped:
        out.append(f"<p style='{MUTED}'>Skipped: nothing was said in this answer.</p>")
        return "\n".join(out)
    cells = "".join(
        f"<tr><td style='{MUTED}'>{_e(label)}</td><td>{_e(value)}</td></tr>"
        for label, value in measures(answer)
    )
    out.append(f"<table cellspacing='0' cellpadding='3'>{cells}</table>")
    findings = data.get("findings")
    if isinstance(findings, list) and findings:
        items = "".join(
            f"<li>{_e(item.get('message', ''))}</li>" for item in findings if isinstance(item, dict)
        )
        out.append(f"<p><b>Findings</b></p><ul>{items}</ul>")
    out.append(_scores_html(scores))
    out.append("<p><b>Transcript</b></p>")
    out.append(f"<p>{marked_transcript(answer.words, data) or _e(answer.transcript or '-')}</p>")
    return "\n".join(out)


def _scores_html(scores: AnswerScores | None) -> str:
    if scores is None or not (scores.scores or scores.note):
        return f"<p><b>Self-scores</b> <span style='{MUTED}'>none given</span></p>"
    cells = "".join(
        f"<tr><td>{_e(criterion)}</td><td><b>{value}</b>/5</td></tr>"
        for criterion, value in scores.scores.items()
    )
    table = f"<table cellspacing='0' cellpadding='3'>{cells}</table>" if cells else ""
    note = f"<p><b>Next time:</b> {_e(scores.note)}</p>" if scores.note else ""
    return f"<p><b>Self-scores</b></p>{table}{note}"


def measures(answer: SavedAnswer) -> list[tuple[str, str]]:
    """The measured figures of an answer, labelled, in the order a reader wants them."""
    data = answer.analysis.data if answer.analysis else {}
    pauses = _list(data, "pauses")
    return [
        ("Length", seconds(answer.duration_s)),
        ("Words", str(data.get("words", "-"))),
        ("Pace", f"{number(data.get('wpm'), 0)} words a minute"),
        ("Time to first word", f"{number(data.get('time_to_first_word_s'))} s"),
        ("Fillers", fillers_text(data)),
        ("Hedges", f"{len(_list(data, 'hedges'))} ({number(data.get('hedges_per_min'))}/min)"),
        ("Pauses", f"{len(pauses)} (longest {number(data.get('longest_pause_s'))} s)"),
        ("Figures", ", ".join(str(n) for n in _list(data, "numbers")) or "-"),
        ("Structure", structure_summary(data)),
    ]


def filler_count(data: Mapping[str, Any]) -> int:
    """Filler words and filled pauses (a sound with no word): what fillers_per_min counts."""
    return len(_list(data, "fillers")) + len(_list(data, "filled_pauses"))


def fillers_text(data: Mapping[str, Any]) -> str:
    words, sounds = len(_list(data, "fillers")), len(_list(data, "filled_pauses"))
    rate = number(data.get("fillers_per_min"))
    sound = "sound" if sounds == 1 else "sounds"
    word = "word" if words == 1 else "words"
    return f"{words + sounds} ({words} {word}, {sounds} {sound} with no word; {rate}/min)"


def structure_summary(data: Mapping[str, Any]) -> str:
    """ "STAR: situation, task, action; missing result", parts in the framework's order."""
    structure = data.get("structure")
    if not isinstance(structure, dict) or not isinstance(structure.get("parts"), dict):
        return "-"
    framework = str(structure.get("framework") or "")
    found_parts: dict[str, Any] = structure["parts"]
    order = FRAMEWORK_PARTS.get(framework, tuple(found_parts))
    found = [name for name in order if found_parts.get(name)]
    missing = [name for name in order if not found_parts.get(name)]
    text = f"{framework}: {', '.join(found) or 'no part found'}"
    return text + (f"; missing {', '.join(missing)}" if missing else "")


def marked_transcript(words: Sequence[Word], data: Mapping[str, Any]) -> str:
    """The words as HTML with fillers, hedges, pauses and where each structure part starts."""
    if not words:
        return ""
    filler_at = _phrase_starts(words, _list(data, "fillers"), FILLER)
    hedge_at = _phrase_starts(words, _list(data, "hedges"), HEDGE)
    part_at: dict[int, str] = {}
    structure = data.get("structure")
    if isinstance(structure, dict) and isinstance(structure.get("parts"), dict):
        for name, span in structure["parts"].items():
            if isinstance(span, dict) and isinstance(span.get("first_word"), int):
                part_at[span["first_word"]] = name
    pauses = sorted(
        (float(p["start_s"]), float(p.get("duration_s", 0.0)))
        for p in _list(data, "pauses")
        if isinstance(p, dict) and isinstance(p.get("start_s"), int | float)
    )
    out: list[str] = []
    style_left: list[str | None] = [None] * len(words)
    for index, (length, mark_style) in {**hedge_at, **filler_at}.items():
        for offset in range(length):
            if index + offset < len(words):
                style_left[index + offset] = mark_style
    for index, word in enumerate(words):
        while pauses and pauses[0][0] <= word.start:
            _start, duration = pauses.pop(0)
            out.append(f"<span style='{PAUSE}'>&nbsp;‖&nbsp;{duration:.1f}&nbsp;s&nbsp;</span>")
        if index in part_at:
            out.append(f"<span style='{PART}'>[{_e(part_at[index])}]</span>")
        text = _e(word.text)
        marked = style_left[index]
        out.append(f"<span style='{marked}'>{text}</span>" if marked else text)
    return " ".join(out)


def _phrase_starts(
    words: Sequence[Word], marks: Sequence[Any], style: str
) -> dict[int, tuple[int, str]]:
    """Word index -> (how many words, ``style``) for marks found by their start time (a
    phrase counted as a filler is shown as one, not again as a hedge)."""
    found: dict[int, tuple[int, str]] = {}
    for mark in marks:
        if not isinstance(mark, dict) or not isinstance(mark.get("start_s"), int | float):
            continue
        start = float(mark["start_s"])
        index = min(range(len(words)), key=lambda i: abs(words[i].start - start))
        if abs(words[index].start - start) <= 0.05:
            found[index] = (max(1, len(str(mark.get("text", "")).split())), style)
    return found


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return value if isinstance(value, list) else []


__all__ = [
    "Scores",
    "marked_transcript",
    "measures",
    "report_html",
    "structure_summary",
]
