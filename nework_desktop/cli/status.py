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

Start-up cost (benchmark P5): the command is import-bound, so it imports only what the files
present need -- no ledger: no :mod:`core.consent` / :mod:`core.decision`; no consent record and
no receipt queue: no :mod:`core.proof` (signatures, receipts) -- and :func:`parse_fast` takes the
plain ``status [--json] [--basedir DIR]`` command line without building the argparse parser.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from nework_desktop import APP_NAME, __version__
from nework_desktop.cli.errors import EXIT_LEDGER, CliError, open_paths, open_policy

if TYPE_CHECKING:
    from collections.abc import Sequence

    from nework_desktop.core.consent import ConsentState
    from nework_desktop.core.paths import AppPaths


#: :data:`nework_desktop.core.proof.queue.QUEUE_NAME`, named here so that a start with no
#: queue does not import the proof package (a unit test keeps the two equal).
QUEUE_NAME = "consent-receipt-queue.json"
#: :data:`nework_desktop.core.consent_records.LEDGER_NAME`, likewise: no ledger, no import of
#: the consent records (a unit test keeps the two equal).
LEDGER_NAME = "consent-ledger.json"
#: The ``consent.acknowledgement`` block with no consent record and no receipt queue.
NO_ACKNOWLEDGEMENT: dict[str, Any] = {
    "state": "none",
    "record_seq": None,
    "acknowledged_at": None,
    "key_id": None,
    "confirmed": 0,
    "waiting": 0,
    "refused": 0,
}


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


def acknowledgement(paths: AppPaths, state: ConsentState | None) -> dict[str, Any]:
    """The ``consent.acknowledgement`` block (reads only; ``state`` None: no ledger file)."""
    records = state.records if state is not None else ()
    if not records and not (paths.state / QUEUE_NAME).exists():
        return dict(NO_ACKNOWLEDGEMENT)
    from nework_desktop.core.proof import acknowledgement_json, read_queue, trusted_acks

    return acknowledgement_json(records, trusted_acks(paths, records), read_queue(paths))


def status_report(basedir: str | None) -> dict[str, Any]:
    """The facts ``status`` prints; reads only, creates nothing."""
    from nework_desktop.core.policy.store import FeedStore, current_policy

    paths = open_paths(basedir)
    bundled = open_policy()
    state = _read_ledger_if_any(paths)
    store = FeedStore(paths)
    current = current_policy(store, bundled)
    policy = current.policy
    last = state.last_accepted if state is not None else None
    if state is None or state.last is None:
        state_name = "none"
    else:
        from nework_desktop.core.decision import status_name

        state_name = status_name(state, policy)
    return {
        "version": __version__,
        "layout": paths.layout,
        "paths": paths.as_dict(),
        "policy": current.to_json(),
        "consent": {
            "state": state_name,
            "policy_version": last.policy_version if last else None,
            "current_policy_version": policy.version,
            "accepted_at": last.recorded_at if last else None,
            "modules": dict(last.modules) if last else {},
            "acknowledgement": acknowledgement(paths, state),
        },
    }


def _read_ledger_if_any(paths: AppPaths) -> ConsentState | None:
    """:func:`read_ledger`, or None when there is no ledger file (nothing to import or parse)."""
    ledger = paths.data / LEDGER_NAME
    if not ledger.exists() and not ledger.is_symlink():
        return None
    return read_ledger(paths)


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


def parse_fast(argv: Sequence[str]) -> tuple[str | None, bool] | None:
    """``(basedir, as_json)`` for a plain ``status [--json] [--basedir DIR]`` command line.

    None for anything else (``--help``, other options, repeated or unknown arguments): then
    the full parser decides, with its messages.  ``--basedir`` may come before ``status``.
    """
    basedir: str | None = None
    as_json = False
    seen_status = False
    seen: set[str] = set()
    items = list(argv)
    i = 0
    while i < len(items):
        arg = items[i]
        if arg in seen:
            return None
        if arg == "status" and not seen_status:
            seen_status = True
        elif arg == "--json" and seen_status:
            as_json = True
        elif arg == "--basedir" and i + 1 < len(items) and not items[i + 1].startswith("-"):
            basedir = items[i + 1]
            i += 1
        elif arg.startswith("--basedir=") and len(arg) > len("--basedir="):
            basedir = arg.partition("=")[2]
            arg = "--basedir"
            if arg in seen:
                return None
        else:
            return None
        seen.add(arg)
        i += 1
    return (basedir, as_json) if seen_status else None


def run(basedir: str | None, as_json: bool) -> int:
    print_status(status_report(basedir), as_json)
    return 0
