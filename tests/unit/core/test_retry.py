"""core.retry: the back-off shared by the consent receipts and the deletion request."""

from __future__ import annotations

import pytest

from nework_desktop.core.retry import Backoff, utc_stamp


def test_delay_doubles_up_to_the_cap() -> None:
    backoff = Backoff(base_delay=30, max_delay=100)
    assert [backoff.delay_after(n) for n in (0, 1, 2, 3, 4)] == [0.0, 30.0, 60.0, 100.0, 100.0]
    assert Backoff(base_delay=1, max_delay=1e300).delay_after(10_000) == 2.0**30


def test_due_in_counts_from_the_last_attempt() -> None:
    backoff = Backoff(base_delay=30, max_delay=600)
    last = utc_stamp(1_000.0)
    assert last == "1970-01-01T00:16:40Z"
    assert backoff.due_in(last, 2, now=1_010.0) == pytest.approx(50.0)
    assert backoff.due_in(last, 2, now=5_000.0) == 0.0
    assert backoff.due_in(None, 2, now=0.0) == 0.0
    assert backoff.due_in("not a time", 2, now=0.0) == 0.0
