"""End-to-end tests: the real app, real audio through a virtual microphone, real SQLite."""
