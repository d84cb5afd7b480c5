"""Reusable widgets of the window: the banner, the level meter and the answer timer."""
