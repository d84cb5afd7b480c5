"""Allows ``python -m simulator``, the same as the ``hotseat`` command."""

import sys

from simulator.cli import main

sys.exit(main())
