"""Saved sessions and their lifecycle: analyse again, recover after a crash, delete, lock.

``recovery`` repairs sessions a crash cut off (``recover_unfinished`` is the one entry point
the window and the commands call), ``reanalyse`` computes a saved answer's analysis again from
its recording, ``forget`` deletes a session with its recordings, and ``locks`` tells a session
being recorded from one cut off.
"""
