"""Egress rules: who may be contacted, per module and consent state (Art. 2-2, 4, 5, 6, 9).

One decision function answers "may this request go?" for every request the app makes: the
workspace's web view asks it from a ``QWebEngineUrlRequestInterceptor``, the app's own HTTP
client from its ``before_request`` hook (:meth:`EgressPolicy.allows`).  No Qt here.

The rules, in order (:meth:`EgressPolicy.evaluate`)
---------------------------------------------------
1. No consent on record (first launch, declined, withdrawn): nothing goes
   (``before-consent``).
2. Only network schemes (http, https, ws, wss) are egress; anything else -- ``file:`` above all --
   is refused (``unsupported-scheme``).  Purely local schemes (``data:``, ``blob:``,
   ``about:``) never reach the network and are the web view's business, not this module's.
3. The service's own host, from the service URL, is declared (Art. 5: the company's servers):
   ``service``.  When the service URL is itself a loopback address (development, tests),
   every other loopback address is allowed too (``loopback-dev``); otherwise loopback addresses
   are undeclared like any other host.
4. A host of a module of the policy (``Module.hosts``): a module that is not part of the desktop
   app (Firebase) is refused (``not-on-desktop``); a module the user switched off is refused
   (``opted-out``); otherwise it goes (``module``).
5. Any other host is undeclared and refused (``undeclared-host``).

Choices the user never made (a module missing from the latest consent record) take the policy's
default: the policy describes GA and KARTE as opt-out modules, and a module new enough to be
missing from the record comes with a policy change that asks for consent again anyway.

Counting and logging
--------------------
:meth:`EgressPolicy.decide` is :meth:`~EgressPolicy.evaluate` plus bookkeeping: every decision is
counted in a :class:`TransmissionLog` (per day × destination host × module × allowed/blocked),
and every refusal is logged (host, module, reason, UTC time) -- never a path, a query string or
anything else of the request -- and kept in a short in-memory list for the privacy center.

The transmission log persists a compact JSON in the state root
(``<state>/transmissions.json``), at most every :data:`FLUSH_INTERVAL` seconds and at
:meth:`EgressPolicy.close`, and only while consent is on record: before consent nothing is
written (counts stay in memory and are dropped if the user declines).  Reading it
(:func:`read_transmissions`) never creates anything.

Cookies
-------
The web view also removes cookies of modules that may not be contacted; :meth:`cookie_module`
tells which module a cookie belongs to: cookies whose domain is (or covers) a module host, and
the first-party cookies a module's script sets on the service's own domain
(:data:`FIRST_PARTY_COOKIES`, names documented by the provider).
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Final, Literal
from urllib.parse import urlsplit

from nework_desktop.core import storage
from nework_desktop.core.consent import ConsentState
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Module, Policy
from nework_desktop.core.urls import is_loopback_host, normalize_host

__all__ = [
    "FIRST_PARTY_COOKIES",
    "FLUSH_INTERVAL",
    "NETWORK_SCHEMES",
    "REASONS",
    "TRANSMISSIONS_NAME",
    "BlockedRequest",
    "EgressPolicy",
    "EgressState",
    "Reason",
    "TransmissionLog",
    "TransmissionRow",
    "Verdict",
    "read_transmissions",
]

log = logging.getLogger("nework.egress")

Reason = Literal[
    "before-consent",
    "opted-out",
    "undeclared-host",
    "not-on-desktop",
    "unsupported-scheme",
    "service",
    "module",
    "loopback-dev",
]
REASONS: Final[tuple[Reason, ...]] = (
    "before-consent",
    "opted-out",
    "undeclared-host",
    "not-on-desktop",
    "unsupported-scheme",
    "service",
    "module",
    "loopback-dev",
)

#: Schemes whose requests leave the machine (everything else is refused or local).
NETWORK_SCHEMES: Final = frozenset({"http", "https", "ws", "wss"})
_DEFAULT_PORTS: Final[Mapping[str, int]] = MappingProxyType(
    {"http": 80, "ws": 80, "https": 443, "wss": 443}
)

#: First-party cookie names a module's script sets on the site that embeds it, by module id:
#: exact names, or prefixes ending in ``*``.  Google Analytics documents its cookies at
#: https://support.google.com/analytics/answer/11397207.  KARTE's first-party cookie names are
#: not documented in this project yet: add them here (better: as ``cookies`` in the module table
#: of policy.json at the next schema change) when PLAID confirms them.
FIRST_PARTY_COOKIES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {"google_analytics": ("_ga", "_ga_*", "_gid", "_gat*", "_gac_*", "__utm*")}
)

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
#: Refusals kept in memory for the privacy center.
RECENT_BLOCKED: Final = 200


# --------------------------------------------------------------------------------------------
# Decisions
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer for one request: may it go, which module it belongs to, and why.

    ``host`` is the destination host name (lowercase, no port), ``""`` if the URL has none.
    """

    allowed: bool
    module_id: str | None
    reason: Reason
    host: str = ""


@dataclass(frozen=True, slots=True)
class EgressState:
    """What the user decided: consent on record, and the module switches (module id → on)."""

    consented: bool = False
    choices: Mapping[str, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "choices", MappingProxyType(dict(self.choices)))

    @classmethod
    def from_consent(cls, consent: ConsentState) -> EgressState:
        """The state the consent ledger describes: the latest accepted record's choices."""
        if consent.state != "accepted" or consent.last_accepted is None:
            return cls(False, {})
        return cls(True, dict(consent.last_accepted.modules))


@dataclass(frozen=True, slots=True)
class BlockedRequest:
    """One refused request, as kept for the privacy center (no path, no query)."""

    time: str
    host: str
    module_id: str | None
    reason: Reason
    first_party_host: str


def _split(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) of ``url``; raises ValueError for a malformed one."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = normalize_host(parts.hostname or "")
    port = parts.port
    if port is None:
        port = _DEFAULT_PORTS.get(scheme)
    return scheme, host, port


def _host_only(url: str | None) -> str:
    if not url:
        return ""
    try:
        return _split(url)[1]
    except ValueError:
        return ""


def _name_matches(name: str, pattern: str) -> bool:
    if pattern.endswith("*"):
        return name.startswith(pattern[:-1])
    return name == pattern


Listener = Callable[["EgressState"], None]


class EgressPolicy:
    """The egress rules of one app session.

    Build it once in the bootstrap, from the policy and the service URL, and hand it to the
    workspace and the HTTP client; :meth:`set_state`/:meth:`set_choices` take effect on the next
    request (no restart).  Thread-safe: the web view asks from the UI thread, HTTP calls may come
    from workers, Qt's cookie filter from its own threads.
    """

    def __init__(
        self,
        policy: Policy,
        service_url: str,
        *,
        state: EgressState | None = None,
        transmissions: TransmissionLog | None = None,
        service_hosts: Iterable[str] = (),
        clock: Callable[[], float] = time.time,
    ) -> None:
        scheme, host, port = _split(service_url)
        if scheme not in ("http", "https") or not host:
            raise ValueError("the service URL must be an http(s) URL with a host")
        self._policy = policy
        self.service_url = service_url
        self.service_host = host
        self.service_port = port
        self.service_is_loopback = is_loopback_host(host)
        self._service_hosts = frozenset({host, *(normalize_host(h) for h in service_hosts)})
        self._clock = clock
        self._lock = threading.RLock()
        self._state = state or EgressState()
        self.transmissions = transmissions
        self._listeners: list[Listener] = []
        self._recent: deque[BlockedRequest] = deque(maxlen=RECENT_BLOCKED)
        if transmissions is not None:
            transmissions.persist = self._state.consented

    # -- state -----------------------------------------------------------------------------

    @property
    def policy(self) -> Policy:
        return self._policy

    @property
    def state(self) -> EgressState:
        return self._state

    def set_state(self, state: EgressState) -> None:
        """Replace consent and choices at once; takes effect on the next request."""
        with self._lock:
            old = self._state
            if old == state:
                return
            if self.transmissions is not None:
                if old.consented and not state.consented:
                    self.transmissions.flush()  # what was counted under consent
                self.transmissions.persist = state.consented
            self._state = state
            listeners = list(self._listeners)
        log.info(
            "egress rules: consent %s, modules %s",
            "on record" if state.consented else "absent",
            ", ".join(f"{k}={'on' if v else 'off'}" for k, v in sorted(state.choices.items()))
            or "-",
        )
        for listener in listeners:
            try:
                listener(state)
            except Exception:
                log.exception("egress listener failed")

    def set_choices(self, choices: Mapping[str, bool]) -> None:
        """The user switched modules on or off (privacy center): applies at once."""
        self.set_state(EgressState(self._state.consented, dict(choices)))

    def set_consented(self, consented: bool, choices: Mapping[str, bool] | None = None) -> None:
        """Consent given (with the choices of the new record) or withdrawn."""
        self.set_state(
            EgressState(consented, dict(self._state.choices if choices is None else choices))
        )

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(state)`` after every change; returns the function that unsubscribes.

        Listeners run on the thread that changed the state.
        """
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock, contextlib.suppress(ValueError):
                self._listeners.remove(listener)

        return unsubscribe

    # -- the rules --------------------------------------------------------------------------

    def module_enabled(self, module: Module) -> bool:
        """True if ``module`` may be contacted in the current state."""
        state = self._state
        if not state.consented or not module.on_desktop:
            return False
        if not module.opt_out_allowed:
            return True
        return bool(state.choices.get(module.id, module.default_enabled))

    def module_for_host(self, host: str) -> Module | None:
        name = normalize_host(host)
        for module in self._policy.modules:
            if module.matches_host(name):
                return module
        return None

    def is_service_host(self, host: str, port: int | None = None) -> bool:
        """True for the service's own host (and, for a loopback service, its port)."""
        name = normalize_host(host)
        if name not in self._service_hosts:
            return False
        if self.service_is_loopback and name == self.service_host:
            return port is None or port == self.service_port
        return True

    def evaluate(self, url: str, *, first_party_url: str | None = None) -> Verdict:
        """The verdict for ``url``, without counting or logging it (see the module docstring).

        ``first_party_url`` (the page that caused the request) does not change the verdict;
        :meth:`decide` records its host with a refusal.
        """
        state = self._state
        try:
            scheme, host, port = _split(url)
        except ValueError:
            return Verdict(False, None, "undeclared-host" if state.consented else "before-consent")
        if not state.consented:
            return Verdict(False, None, "before-consent", host)
        if scheme not in NETWORK_SCHEMES:
            return Verdict(False, None, "unsupported-scheme", host)
        if not host:
            return Verdict(False, None, "undeclared-host", host)
        if self.is_service_host(host, port):
            return Verdict(True, None, "service", host)
        if is_loopback_host(host):
            if self.service_is_loopback:
                return Verdict(True, None, "loopback-dev", host)
            return Verdict(False, None, "undeclared-host", host)
        module = self.module_for_host(host)
        if module is None:
            return Verdict(False, None, "undeclared-host", host)
        if not module.on_desktop:
            return Verdict(False, module.id, "not-on-desktop", host)
        if not self.module_enabled(module):
            return Verdict(False, module.id, "opted-out", host)
        return Verdict(True, module.id, "module", host)

    def decide(self, url: str, *, first_party_url: str | None = None) -> Verdict:
        """May this request go?  Counts the decision and logs a refusal."""
        verdict = self.evaluate(url, first_party_url=first_party_url)
        now = self._clock()
        if self.transmissions is not None:
            self.transmissions.count(verdict, now)
        if not verdict.allowed:
            stamp = datetime.fromtimestamp(now, UTC).isoformat(timespec="seconds")
            first_party = _host_only(first_party_url)
            self._recent.append(
                BlockedRequest(stamp, verdict.host, verdict.module_id, verdict.reason, first_party)
            )
            log.info(
                "blocked request to %s (module %s, reason %s, page %s) at %s",
                verdict.host or "(no host)",
                verdict.module_id or "-",
                verdict.reason,
                first_party or "-",
                stamp,
            )
        return verdict

    def allows(self, url: str) -> bool:
        """``decide(url).allowed``: the ``before_request`` hook of :class:`net.api.HttpClient`."""
        return self.decide(url).allowed

    def recent_blocked(self) -> list[BlockedRequest]:
        """The latest refusals (oldest first), for the privacy center."""
        return list(self._recent)

    # -- cookies ----------------------------------------------------------------------------

    def cookie_module(self, domain: str, name: str = "") -> str | None:
        """The module a cookie belongs to, or None.

        A cookie belongs to a module if its domain is one of the module's hosts, or a parent
        domain of one (such a cookie is sent to that host), or if it carries one of the
        module's first-party cookie names (:data:`FIRST_PARTY_COOKIES`).
        """
        cookie_domain = normalize_host(domain.lstrip("."))
        if cookie_domain:
            for module in self._policy.modules:
                if module.matches_host(cookie_domain):
                    return module.id
                for pattern in module.hosts:
                    base = pattern.removeprefix("*.")
                    if base.endswith("." + cookie_domain):
                        return module.id
        if name:
            for module_id, names in FIRST_PARTY_COOKIES.items():
                if any(_name_matches(name, n) for n in names):
                    return module_id
        return None

    def cookie_allowed(self, domain: str, name: str = "") -> bool:
        """False for a cookie of a module that may not be contacted now."""
        module_id = self.cookie_module(domain, name)
        if module_id is None:
            return True
        try:
            module = self._policy.module(module_id)
        except KeyError:
            return False
        return self.module_enabled(module)

    # -- the end ----------------------------------------------------------------------------

    def close(self) -> None:
        """Write the transmission log one last time (at quit)."""
        if self.transmissions is not None:
            self.transmissions.flush()


# --------------------------------------------------------------------------------------------
# The transmission log ("What was sent")
# --------------------------------------------------------------------------------------------


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
