"""Benchmarks (never part of the test suite): `python -m bench.run`, or
`bash scripts/dev.sh bench`. Results and the analysis of the misses: bench/RESULTS.md."""
