"""Benchmarks: scripts that print measured figures (see docs/PERFORMANCE.md)."""
