"""``nework-desktop status [--json]``: where the app keeps data, the policy, the consent state.

Reads only and creates nothing; imports no Qt at all.  ``--json`` prints::

    {"version", "layout", "paths": {role: path},
     "policy": {"bundled_version", "current_version", "source": "bundled" | "service",
                "verified_at", "feed_version"},
     "consent": {"state", "policy_version", "current_policy_version", "accepted_at",
                 "modules",
                 "acknowledgement": {"state": "confirmed" | "waiting" | "none",
                                     "record_seq", "acknowledged_at", "key_id",
                                     "confirmed", "waiting", "refused"}}}

``policy.source`` says where the text in use came from (shipped with the app, or the service's
verified feed); ``verified_at`` when the feed was last verified.  ``consent.acknowledgement`` is
the latest consent record's standing with the service: ``confirmed`` (its signed acknowledgement
verifies against the ledger), ``waiting`` (in the retry queue), ``none``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from nework_desktop import APP_NAME, __version__
from nework_desktop.cli.errors import EXIT_LEDGER, CliError, open_paths, open_policy

if TYPE_CHECKING:
    from nework_desktop.core.consent import ConsentState
    from nework_desktop.core.paths import AppPaths
    from nework_desktop.core.policy.store import FeedStore


def read_ledger(paths: AppPaths) -> ConsentState:
    """The consent ledger's state, or :class:`CliError` (exit 4) when it is corrupt."""
    from nework_desktop.core.consent import ConsentLedger, LedgerCorrupt

    try:
        return ConsentLedger(paths).read()
    except LedgerCorrupt as exc:
        raise CliError(
            f"the consent record is corrupt ({exc}); the app will set it aside and ask for "
            "consent again at its next start",
            EXIT_LEDGER,
        ) from exc


def acknowledgement(paths: AppPaths, state: ConsentState, store: FeedStore) -> dict[str, Any]:
    """The ``consent.acknowledgement`` block (reads only)."""
    from datetime import UTC, datetime

    from nework_desktop.core.proof import acknowledgement_json, read_acks, read_queue

    acks = (
        read_acks(paths, state.records, store.trust().keys, now=datetime.now(UTC))
        if state.records
        else {}
    )
    return acknowledgement_json(state.records, acks, read_queue(paths))


def status_report(basedir: str | None) -> dict[str, Any]:
    """The facts ``status`` prints; reads only, creates nothing."""
    from nework_desktop.core.decision import status_name
    from nework_desktop.core.policy.store import FeedStore, current_policy

    paths = open_paths(basedir)
    bundled = open_policy()
    state = read_ledger(paths)
    store = FeedStore(paths)
    current = current_policy(store, bundled)
    policy = current.policy
    last = state.last_accepted
    return {
        "version": __version__,
        "layout": paths.layout,
        "paths": paths.as_dict(),
        "policy": current.to_json(),
        "consent": {
            "state": status_name(state, policy),
            "policy_version": last.policy_version if last else None,
            "current_policy_version": policy.version,
            "accepted_at": last.recorded_at if last else None,
            "modules": dict(last.modules) if last else {},
            "acknowledgement": acknowledgement(paths, state, store),
        },
    }


def print_status(report: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    consent = report["consent"]
    paths = report["paths"]
    policy = report["policy"]
    print(f"{APP_NAME} Desktop {report['version']} ({report['layout']} layout)")
    print(f"policy: {policy['current_version']} ({policy['source']}", end="")
    if policy["verified_at"]:
        print(f"; the service's feed verified {policy['verified_at']}", end="")
    print(")")
    print(f"consent: {consent['state']}", end="")
    if consent["policy_version"]:
        print(f" (policy {consent['policy_version']}, {consent['accepted_at']})", end="")
    print()
    ack = consent["acknowledgement"]
    if ack["state"] == "confirmed":
        print(f"  confirmed by NeWork on {ack['acknowledged_at']} (key {ack['key_id']})")
    elif ack["state"] == "waiting":
        print("  waiting to be confirmed by NeWork")
    for role, path in paths.items():
        print(f"  {role:<12} {path}")


def run(basedir: str | None, as_json: bool) -> int:
    print_status(status_report(basedir), as_json)
    return 0
