"""The drills on offer, their descriptions, and the core rule that they import nothing
beyond the standard library."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from simulator.audio import distractions
from simulator.core.drills import (
    DRILLS,
    SCREEN_NAMES,
    SOUND_NAMES,
    UnknownDrillError,
    drill_names,
    get_drill,
)
from simulator.core.drills.catalog import check_intensity
from simulator.core.drills.office import DISTRACTIONS

REQUIRED = {
    "interruptions",
    "busy-office",
    "time-squeeze",
    "stubborn-interviewer",
    "awkward-silence",
    "clarify-first",
    "debug-aloud",
    "full-pressure",
}


def test_every_drill_of_the_issue_is_offered_with_a_one_line_description() -> None:
    assert set(drill_names()) == REQUIRED
    for drill in DRILLS:
        assert drill.description.endswith(".") and "\n" not in drill.description
        assert len(drill.description) <= 90, drill.name
        assert get_drill(drill.name) is drill


def test_full_pressure_mixes_the_others() -> None:
    full = get_drill("full-pressure")
    assert full.interruptions and full.distractions and full.squeeze and full.pushback
    assert full.clarify and full.shows_code


def test_an_unknown_drill_or_intensity_is_refused_with_the_choices() -> None:
    with pytest.raises(UnknownDrillError, match="drills: interruptions, busy-office"):
        get_drill("panic")
    for bad in (0, 4, True):
        with pytest.raises(ValueError, match="1, 2 or 3"):
            check_intensity(bad)


def test_drills_import_nothing_outside_the_standard_library() -> None:
    code = (
        "import sys\n"
        "for name in ['numpy', 'PySide6', 'sounddevice', 'sqlite_utils', 'simulator.audio',\n"
        "             'simulator.ui', 'simulator.session', 'simulator.store']:\n"
        "    sys.modules[name] = None\n"
        "import simulator.core.drills\n"
        "print(sorted(m for m, v in sys.modules.items() if m.startswith('simulator') and v))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    loaded = eval(done.stdout)  # a list literal printed above
    assert "simulator.core.drills.director" in loaded
    assert not [
        m for m in loaded if m.startswith("simulator.") and not m.startswith("simulator.core")
    ]


def test_the_drills_doc_names_every_drill_and_sound() -> None:
    doc = (Path(__file__).resolve().parents[3] / "docs" / "DRILLS.md").read_text("utf-8")
    for name in (*drill_names(), *SOUND_NAMES, *SCREEN_NAMES):
        assert f"`{name}`" in doc, name


def test_the_office_sounds_are_the_ones_the_audio_package_renders() -> None:
    sounds = {d.name: (d.duration_s, d.level_db) for d in DISTRACTIONS if d.kind == "sound"}
    rendered = {k.name: (k.duration_s, k.level_db) for k in distractions.KINDS.values()}
    assert sounds == rendered
