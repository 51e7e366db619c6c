"""The egress rules of one app session (:class:`EgressPolicy`): may this request go?

The rules, their order and their bookkeeping are described in :mod:`nework_desktop.core.egress`.
Thread-safe: the web view asks from the UI thread, HTTP calls may come from workers, Qt's
cookie filter from its own threads.  No Qt here.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Final
from urllib.parse import urlsplit

from nework_desktop.core.consent import ConsentState
from nework_desktop.core.egress.transmissions import TransmissionLog
from nework_desktop.core.egress.verdict import Reason, Verdict
from nework_desktop.core.policy import Module, Policy
from nework_desktop.core.urls import is_loopback_host, normalize_host

log = logging.getLogger("nework.egress")

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

#: Refusals kept in memory for the privacy center.
RECENT_BLOCKED: Final = 200


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

    def set_policy(self, policy: Policy) -> None:
        """A newer policy is in use (from the service's verified feed): its modules and hosts
        decide from the next request on."""
        with self._lock:
            self._policy = policy

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
        """``decide(url).allowed``: the ``before_request`` hook of :class:`net.http.HttpClient`."""
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
