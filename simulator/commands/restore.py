"""``hotseat restore FILE.zip``: its parser, so the command line builds only the command run.

The command itself lives with ``backup`` in :mod:`simulator.commands.backup`.
"""

from __future__ import annotations

from simulator.commands.backup import add_restore_parser as add_parser

__all__ = ["add_parser"]
