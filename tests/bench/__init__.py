"""The performance benchmark (issue 6): ``python -m tests.bench`` (see docs/performance.md).

Not part of the normal test run: nothing here is collected by pytest (no ``test_*`` files), and
``tests/unit/test_bench_smoke.py`` only checks that the harness works and prints the right shape.
"""
