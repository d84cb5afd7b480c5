"""``Closing``: the base of every resource that is used in a ``with`` block and has ``close()``.

Recorders, readers, the mixer, the microphone and the interviewer's voice all end the same
way: leaving the block calls ``close()``, whatever happened in it, and exceptions go on.
"""

from __future__ import annotations

from typing import Self


class Closing:
    """``with thing as t:`` gives the thing itself and calls ``close()`` on the way out."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


__all__ = ["Closing"]
