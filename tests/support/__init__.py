"""Real servers the test suite and the benchmarks start for themselves."""
