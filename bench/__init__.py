"""Benchmarks: `python -m bench.run` (see bench/README section in the project README)."""
