"""Helpers of tests/gui/test_atspi.py: the app side (:mod:`.app`, run by the project's Python)
and the probe (:mod:`.probe`, run by the system python3 that has Debian's pyatspi)."""
