"""Hotseat: an offline mock-interview simulator.

The package is layered: ``core`` is pure Python, ``audio``, ``speech`` and ``store`` are the
adapters to the outside libraries, ``session`` drives one live session, and ``ui`` and ``cli``
are the two front ends. See docs/ARCHITECTURE.md.
"""

__version__ = "0.1.0"
