"""One live practice session: the runner, the interfaces it is given its adapters through, and
the set-up shared by the window and the terminal.

``runner.py`` drives the session on one worker thread; ``answers.py`` saves each answer and
stores its analysis when ``background_analysis.py`` has it; ``ports.py`` holds the small
interfaces the runner talks to (``SessionServices``, ``SessionOptions``); ``setup.py`` chooses
the questions and builds the options, the same way for both front ends.
"""

from __future__ import annotations

from simulator.session.ports import SessionOptions, SessionServices
from simulator.session.runner import EventHandler, SessionRunner

__all__ = ["EventHandler", "SessionOptions", "SessionRunner", "SessionServices"]
