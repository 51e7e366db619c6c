"""``nework-desktop policy fetch [--json]``: check the NeWork service's signed policy feed now.

For support and QA; window-less, imports no Qt.  Without consent on record nothing is fetched
and nothing written (exit 10).  Otherwise the feed is fetched through an HTTP client that asks
the egress rules first -- built, like the app's, from the consent record -- and verified
(:mod:`nework_desktop.services.policy_feed`); a newer policy is kept in the owned roots, and the
app uses it from its next start (a material change asks for consent again there, opening at
"What changed").

=====  ======================================================================================
exit   meaning
=====  ======================================================================================
0      verified: a newer policy was kept, or the one in use is current
8      refused (bad signature, unknown key, expired, rolled back, a text hash mismatch,
       metadata the policy loader refuses): logged and counted; the last verified policy stands
9      unreachable (offline, an error of the service, no feed published): nothing changed
10     no consent on record: nothing was fetched
3/4/5  as every command: the shipped policy, the consent record, the app's folders
=====  ======================================================================================

``--json`` prints ``{"outcome", "feed_version", "previous_version", "material", "refusal":
{"reason", "detail"} | null, "detail", "policy": {<the policy block of status --json>}}``.
"""

from __future__ import annotations

import json
import logging
from typing import Final

from nework_desktop.cli.errors import (
    EXIT_FEED_REFUSED,
    EXIT_FEED_UNREACHABLE,
    EXIT_NO_CONSENT,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    open_paths,
    open_policy,
)
from nework_desktop.cli.status import read_ledger
from nework_desktop.services.policy_feed import FeedCheck, Outcome

__all__ = ["EXIT_CODES", "run"]

EXIT_CODES: Final[dict[Outcome, int]] = {
    "updated": EXIT_OK,
    "current": EXIT_OK,
    "refused": EXIT_FEED_REFUSED,
    "unreachable": EXIT_FEED_UNREACHABLE,
    "no-consent": EXIT_NO_CONSENT,
}


def fetch(basedir: str | None) -> FeedCheck:
    """Check the feed once (see the module docstring)."""
    from nework_desktop.core.policy.store import FeedStore, current_policy
    from nework_desktop.services.policy_feed import PolicyFeed

    paths = open_paths(basedir)
    bundled = open_policy()
    state = read_ledger(paths)
    store = FeedStore(paths)
    in_use = current_policy(store, bundled).policy
    if state.state != "accepted":
        feed = PolicyFeed(store, bundled, lambda: b"", consented=lambda: False)
        return feed.check(in_use)
    from nework_desktop.core.egress import EgressPolicy, EgressState, TransmissionLog
    from nework_desktop.core.prefs import Preferences, PrefsError
    from nework_desktop.net.http import HttpClient
    from nework_desktop.net.service import ServiceClient

    try:
        url = Preferences.load(paths).service_url
    except PrefsError as exc:
        raise CliError(str(exc), EXIT_USAGE) from exc
    egress = EgressPolicy(
        in_use, url, state=EgressState.from_consent(state), transmissions=TransmissionLog(paths)
    )
    client = ServiceClient(url, HttpClient(before_request=egress.allows))
    try:
        return PolicyFeed(store, bundled, client.policy_feed, consented=lambda: True).check(in_use)
    finally:
        client.close()
        egress.close()


def describe(check: FeedCheck) -> str:
    """One line for a person."""
    policy = check.current
    where = f"policy {policy.policy.version} ({policy.source})"
    if check.outcome == "updated":
        change = (
            "a material change: NeWork asks for consent again at its next start"
            if check.material
            else "a minor change: NeWork shows a notice"
        )
        return f"updated: {where} from feed {check.feed_version}, verified; {change}"
    if check.outcome == "current":
        return f"current: {where}; feed {check.feed_version} verified at {policy.verified_at}"
    if check.outcome == "refused":
        return (
            f"refused ({check.reason}): {check.detail}; the policy in use "
            f"({policy.policy.version}, {policy.source}) stands"
        )
    if check.outcome == "unreachable":
        return f"unreachable: {check.detail}; nothing changed"
    return "no consent on record: nothing was fetched"


def run(basedir: str | None, as_json: bool) -> int:
    from nework_desktop.app import log as applog

    applog.setup(logging.WARNING)  # refusals and network problems, masked, on stderr
    check = fetch(basedir)
    if as_json:
        print(json.dumps(check.to_json(), indent=2, ensure_ascii=False))
    else:
        print(f"policy fetch: {describe(check)}")
    return EXIT_CODES[check.outcome]
