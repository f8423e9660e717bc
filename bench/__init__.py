"""Benchmarks (not tests). See bench/README.md."""
