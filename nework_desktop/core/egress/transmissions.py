"""The transmission log ("What was sent"): requests allowed and blocked per day, host, module.

``<state>/transmissions.json`` is written at most every :data:`FLUSH_INTERVAL` seconds and only
while consent is on record (the owning :class:`~.rules.EgressPolicy` keeps
:attr:`TransmissionLog.persist` equal to that); reading it (:func:`read_transmissions`) never
creates anything.  No Qt here.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Final

from nework_desktop.core import storage
from nework_desktop.core.egress.verdict import Verdict
from nework_desktop.core.paths import AppPaths

log = logging.getLogger("nework.egress")

TRANSMISSIONS_NAME: Final = "transmissions.json"
TRANSMISSIONS_SCHEMA: Final = 1
#: 31 days × 200 hosts of counters stay far below this; anything larger is not ours.
MAX_LOG_BYTES: Final = 8 * 1024 * 1024
#: Seconds between two writes of the transmission log (a final write happens at close).
FLUSH_INTERVAL: Final = 5.0
#: Days kept in the transmission log.
RETENTION_DAYS: Final = 31
#: Distinct destinations kept per day; more (a page hammering random host names) are summed up
#: under :data:`OTHER_HOSTS`.
MAX_HOSTS_PER_DAY: Final = 200
OTHER_HOSTS: Final = "(other hosts)"


@dataclass(frozen=True, slots=True)
class TransmissionRow:
    """Counts for one day (UTC, ``YYYY-MM-DD``), destination host and module."""

    day: str
    host: str
    module_id: str | None
    allowed: int
    blocked: int
    reasons: Mapping[str, int]


@dataclass
class _Counter:
    allowed: int = 0
    blocked: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def add(self, other: _Counter) -> None:
        self.allowed += other.allowed
        self.blocked += other.blocked
        for reason, n in other.reasons.items():
            self.reasons[reason] = self.reasons.get(reason, 0) + n


_Key = tuple[str, str, str | None]  # day, host, module


def _day(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).date().isoformat()


def _parse_rows(data: object) -> dict[_Key, _Counter]:
    """The counters of a transmissions file; anything malformed is skipped."""
    out: dict[_Key, _Counter] = {}
    if not isinstance(data, dict) or data.get("schema") != TRANSMISSIONS_SCHEMA:
        return out
    days = data.get("days")
    if not isinstance(days, dict):
        return out
    for day, entries in days.items():
        if not isinstance(day, str) or not isinstance(entries, list):
            continue
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            host, module = entry.get("host"), entry.get("module")
            allowed, blocked = entry.get("allowed", 0), entry.get("blocked", 0)
            reasons = entry.get("reasons", {})
            if (
                not isinstance(host, str)
                or not (module is None or isinstance(module, str))
                or not isinstance(allowed, int)
                or not isinstance(blocked, int)
                or not isinstance(reasons, dict)
            ):
                continue
            clean = {str(k): v for k, v in reasons.items() if isinstance(v, int) and v > 0}
            counter = out.setdefault((day, host, module), _Counter())
            counter.add(_Counter(max(allowed, 0), max(blocked, 0), clean))
    return out


def _serialize(rows: Mapping[_Key, _Counter]) -> str:
    days: dict[str, list[dict[str, object]]] = {}
    for (day, host, module), counter in sorted(
        rows.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")
    ):
        entry: dict[str, object] = {
            "host": host,
            "module": module,
            "allowed": counter.allowed,
            "blocked": counter.blocked,
        }
        if counter.reasons:
            entry["reasons"] = dict(sorted(counter.reasons.items()))
        days.setdefault(day, []).append(entry)
    return json.dumps(
        {"schema": TRANSMISSIONS_SCHEMA, "days": days}, separators=(",", ":"), ensure_ascii=True
    )


def _to_rows(counters: Mapping[_Key, _Counter]) -> list[TransmissionRow]:
    return [
        TransmissionRow(
            day,
            host,
            module,
            c.allowed,
            c.blocked,
            MappingProxyType(dict(sorted(c.reasons.items()))),
        )
        for (day, host, module), c in sorted(
            counters.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")
        )
    ]


def read_transmissions(paths: AppPaths) -> list[TransmissionRow]:
    """The persisted transmission log (for the privacy center); never creates anything."""
    try:
        data = storage.read_json(paths.state / TRANSMISSIONS_NAME, limit=MAX_LOG_BYTES)
    except (OSError, storage.FileDamaged):
        return []
    return _to_rows(_parse_rows(data))


class TransmissionLog:
    """Counts of requests per day × destination host × module × allowed/blocked.

    Written to ``<state>/transmissions.json`` only while :attr:`persist` is true (the owning
    :class:`EgressPolicy` keeps it equal to "consent is on record"), at most every
    ``min_interval`` seconds from :meth:`count` or :meth:`maybe_flush`, and by :meth:`flush`.
    Days older than ``retention_days`` are dropped.
    """

    def __init__(
        self,
        paths: AppPaths,
        *,
        clock: Callable[[], float] = time.time,
        min_interval: float = FLUSH_INTERVAL,
        retention_days: int = RETENTION_DAYS,
        max_hosts_per_day: int = MAX_HOSTS_PER_DAY,
    ) -> None:
        self._paths = paths
        self._clock = clock
        self.min_interval = min_interval
        self.retention_days = retention_days
        self.max_hosts_per_day = max_hosts_per_day
        self.persist = False
        self._lock = threading.RLock()
        self._loaded = False
        self._rows: dict[_Key, _Counter] = {}
        self._dirty = False
        self._last_write: float | None = None
        self.writes = 0

    @property
    def path(self) -> Path:
        return self._paths.state / TRANSMISSIONS_NAME

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        try:
            data = storage.read_json(self.path, limit=MAX_LOG_BYTES)
        except (OSError, storage.FileDamaged) as exc:
            log.warning("transmission log unreadable (%s): starting a new one", exc)
            return
        for key, counter in _parse_rows(data).items():
            self._rows.setdefault(key, _Counter()).add(counter)

    def count(self, verdict: Verdict, when: float | None = None) -> None:
        """Count one decision (and write the log if it is due)."""
        moment = self._clock() if when is None else when
        day = _day(moment)
        host = verdict.host or "(none)"
        with self._lock:
            key: _Key = (day, host, verdict.module_id)
            if key not in self._rows:
                hosts_today = {h for d, h, _ in self._rows if d == day}
                if host not in hosts_today and len(hosts_today) >= self.max_hosts_per_day:
                    key = (day, OTHER_HOSTS, verdict.module_id)
            counter = self._rows.setdefault(key, _Counter())
            if verdict.allowed:
                counter.allowed += 1
            else:
                counter.blocked += 1
                counter.reasons[verdict.reason] = counter.reasons.get(verdict.reason, 0) + 1
            self._dirty = True
        self.maybe_flush(moment)

    def maybe_flush(self, now: float | None = None) -> bool:
        """Write if something changed and the last write is ``min_interval`` seconds old."""
        moment = self._clock() if now is None else now
        with self._lock:
            if not (self._dirty and self.persist):
                return False
            if self._last_write is not None and moment - self._last_write < self.min_interval:
                return False
            return self._write(moment)

    def flush(self) -> bool:
        """Write now if something changed (and consent is on record)."""
        with self._lock:
            if not (self._dirty and self.persist):
                return False
            return self._write(self._clock())

    def _write(self, moment: float) -> bool:
        self._load()  # merge what earlier sessions wrote
        oldest = (
            datetime.fromtimestamp(moment, UTC).date() - timedelta(days=self.retention_days - 1)
        ).isoformat()
        self._rows = {k: v for k, v in self._rows.items() if k[0] >= oldest}
        text = _serialize(self._rows)
        try:
            folder = self._paths.ensure("state")
            storage.atomic_write(folder / TRANSMISSIONS_NAME, text.encode("utf-8"))
        except OSError as exc:
            log.warning("transmission log not written: %s", exc)
            return False
        self._dirty = False
        self._last_write = moment
        self.writes += 1
        return True

    def rows(self, days: int | None = None) -> list[TransmissionRow]:
        """Everything counted (this session and, once loaded, earlier ones), oldest first.

        ``days`` limits the result to the last ``days`` days (today included).
        """
        with self._lock:
            self._load()
            rows = _to_rows(self._rows)
        if days is None:
            return rows
        oldest = datetime.fromtimestamp(self._clock(), UTC).date() - timedelta(days=days - 1)
        return [row for row in rows if row.day >= oldest.isoformat()]
