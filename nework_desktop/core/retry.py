"""When to try again something the service must take: a consent receipt, the deletion request.

After ``attempts`` failed attempts the next one waits ``base_delay × 2^(attempts-1)`` seconds, at
most ``max_delay`` (:meth:`Backoff.delay_after`); :meth:`Backoff.due_in` says how long is left
from the last attempt on record.  Times on record are the UTC stamps of :func:`utc_stamp`
(``2024-05-01T09:00:00Z``).  No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from nework_desktop.core.validate import parse_utc

__all__ = ["BASE_DELAY", "MAX_DELAY", "Backoff", "utc_stamp"]

#: First retry delay (seconds) after a failed attempt; doubled per attempt up to MAX_DELAY.
BASE_DELAY: Final = 30.0
MAX_DELAY: Final = 3600.0


def utc_stamp(moment: float | datetime) -> str:
    """A moment (seconds since the epoch, or an aware datetime) as the UTC stamp on record."""
    when = moment if isinstance(moment, datetime) else datetime.fromtimestamp(moment, UTC)
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Backoff:
    base_delay: float = BASE_DELAY
    max_delay: float = MAX_DELAY

    def delay_after(self, attempts: int) -> float:
        """Seconds to wait after ``attempts`` failed attempts before the next one."""
        if attempts <= 0:
            return 0.0
        return float(min(self.max_delay, self.base_delay * (2 ** min(attempts - 1, 30))))

    def due_in(self, last_attempt_at: str | None, attempts: int, now: float) -> float:
        """Seconds from ``now`` until the next attempt is due (0: now; also when the last
        attempt's stamp is missing or unreadable)."""
        last = parse_utc(last_attempt_at)
        if last is None:
            return 0.0
        return max(0.0, last.timestamp() + self.delay_after(attempts) - now)
