"""R1: consent survives SIGKILL at random instants (tests/killtrials.py; 500 by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.killtrials import CI_TRIALS, run_trials


@pytest.mark.slow
def test_random_kills_leave_no_corrupt_ledger_and_lose_no_consent(tmp_path: Path) -> None:
    outcome = run_trials(CI_TRIALS, seed=7, base=tmp_path)
    assert outcome.trials == CI_TRIALS
    assert outcome.corrupt == 0 and outcome.lost == 0, outcome.problems
    assert outcome.records > CI_TRIALS  # the kills landed mid-series, not before it began
