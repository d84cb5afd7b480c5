"""Audio adapters: devices, microphone input, playback, WAV files and voice activity.

Only this package imports sounddevice, and only in the modules that need it (``devices``,
``input``, ``output``), so ``wav``, ``vad`` and ``levels`` stay cheap to import.
"""
