"""Checking the service's policy feed: fetch, verify, keep -- or refuse, log and count.

:class:`PolicyFeed` is what the app runs (in a worker thread, at launch once consent is on
record and every few hours) and what ``nework-desktop policy fetch`` runs.  :meth:`PolicyFeed.check`
never raises; its :class:`FeedCheck` says what happened (:data:`Outcome`):

==================  ==========================================================================
``updated``         a newer policy verified and was kept (:attr:`FeedCheck.material` says
                    whether the user must consent again)
``current``         the feed verified; its policy is the one in use already
``refused``         the feed is not believed (:mod:`core.policy.feed`): logged, counted in the
                    store, never shown; the last verified policy stands
``unreachable``     the feed could not be fetched (offline, an error of the service, refused by
                    the egress rules, no feed published); nothing changes
``no-consent``      nothing was fetched: there is no consent on record (Art. 4)
==================  ==========================================================================

The fetch goes through the session's :class:`~nework_desktop.net.service.ServiceClient`, whose
HTTP client asks the egress rules (``before_request``) first: it is an egress-allowed call to the
service, like every other.  No Qt here.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from nework_desktop.core.policy import Policy
from nework_desktop.core.policy.feed import FeedRefused, Reason, verify_feed
from nework_desktop.core.policy.store import CurrentPolicy, FeedStore
from nework_desktop.core.retry import utc_stamp
from nework_desktop.net.errors import RequestRejected, ServiceError

__all__ = ["FeedCheck", "Outcome", "PolicyFeed"]

log = logging.getLogger("nework.policy.feed")

Outcome = Literal["updated", "current", "refused", "unreachable", "no-consent"]


@dataclass(frozen=True)
class FeedCheck:
    """What one check of the feed did."""

    outcome: Outcome
    #: The policy in use after the check, and where it came from.
    current: CurrentPolicy
    #: The version that was in use before the check.
    previous_version: str
    reason: Reason | None = None
    detail: str = ""
    feed_version: int | None = None

    @property
    def updated(self) -> bool:
        return self.outcome == "updated"

    @property
    def material(self) -> bool:
        """A newer policy came, and a user who agreed to the previous one must agree again."""
        return self.updated and self.current.policy.material_since(self.previous_version)

    def to_json(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "feed_version": self.feed_version,
            "previous_version": self.previous_version,
            "material": self.material if self.updated else None,
            "refusal": {"reason": self.reason, "detail": self.detail} if self.reason else None,
            "detail": self.detail if not self.reason and self.detail else None,
            "policy": self.current.to_json(),
        }


def _now() -> datetime:
    return datetime.now(UTC)


class PolicyFeed:
    """The policy feed of one installation (see the module docstring).

    ``fetch`` returns the feed's bytes (``ServiceClient.policy_feed``); ``consented`` says
    whether consent is on record now (nothing is fetched otherwise).
    """

    def __init__(
        self,
        store: FeedStore,
        bundled: Policy,
        fetch: Callable[[], bytes],
        *,
        consented: Callable[[], bool],
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.store = store
        self.bundled = bundled
        self._fetch = fetch
        self._consented = consented
        self._clock = clock
        self._lock = threading.Lock()

    def _in_use(self, policy: Policy) -> CurrentPolicy:
        state = self.store.state()
        source: Literal["bundled", "service"] = (
            "service" if policy.version > self.bundled.version else "bundled"
        )
        return CurrentPolicy(
            policy, source, self.bundled.version, state.verified_at, state.feed_version or None
        )

    def check(self, in_use: Policy) -> FeedCheck:
        """Fetch and check the feed once (``in_use``: the policy the app shows now)."""
        with self._lock:
            return self._check(in_use)

    def _check(self, in_use: Policy) -> FeedCheck:
        previous = in_use.version
        if not self._consented():
            log.info("policy feed not checked: no consent on record")
            return FeedCheck("no-consent", self._in_use(in_use), previous)
        try:
            raw = self._fetch()
        except RequestRejected as exc:
            detail = (
                "the service publishes no policy feed"
                if exc.status == 404
                else f"the service refused the request ({exc.status} {exc.code or ''})".strip()
            )
            log.warning("policy feed not fetched: %s", detail)
            return FeedCheck("unreachable", self._in_use(in_use), previous, detail=detail)
        except ServiceError as exc:
            log.warning("policy feed not fetched (%s): %s", type(exc).__name__, exc)
            return FeedCheck("unreachable", self._in_use(in_use), previous, detail=str(exc))
        now = self._clock()
        store = self.store
        try:
            feed = verify_feed(
                raw,
                store.trust(),
                store.marks(self.bundled),
                now=now,
                policy_id=self.bundled.policy_id,
            )
        except FeedRefused as exc:
            state = store.note_refusal(exc, utc_stamp(now))
            log.error(
                "policy feed refused (%s): %s -- the policy in use (%s) stands; %d refused so far",
                exc.reason,
                exc.detail,
                previous,
                sum(state.refusals.values()),
            )
            return FeedCheck("refused", self._in_use(in_use), previous, exc.reason, exc.detail)
        store.save(feed, utc_stamp(now))
        if feed.policy.version > previous:
            log.info(
                "policy %s from the service's feed %d verified and kept (was %s)",
                feed.policy.version,
                feed.feed_version,
                previous,
            )
            current = CurrentPolicy(
                feed.policy, "service", self.bundled.version, utc_stamp(now), feed.feed_version
            )
            return FeedCheck("updated", current, previous, feed_version=feed.feed_version)
        log.info("policy feed %d verified: policy %s is current", feed.feed_version, previous)
        return FeedCheck("current", self._in_use(in_use), previous, feed_version=feed.feed_version)
