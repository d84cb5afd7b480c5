"""Answer analytics: pace, pauses, fillers, hedges, figures and structure of one answer.

Pure Python over a transcript with word times and the voiced spans of the recording; the
adapter that reads the audio and runs the recognisers is ``simulator.analysis_service``.
"""

from __future__ import annotations

from simulator.core.analysis.report import ANALYSIS_VERSION, AUTO, FRAMEWORKS, analyze
from simulator.core.analysis.targets import Targets, TargetsError

__all__ = ["ANALYSIS_VERSION", "AUTO", "FRAMEWORKS", "Targets", "TargetsError", "analyze"]
