"""``nework-desktop status [--json]``: where the app keeps data, and the consent state.

Reads only and creates nothing; imports no Qt at all.
"""

from __future__ import annotations

import json
from typing import Any

from nework_desktop import APP_NAME, __version__
from nework_desktop.cli.errors import EXIT_LEDGER, CliError, open_paths, open_policy


def status_report(basedir: str | None) -> dict[str, Any]:
    """The facts ``status`` prints; reads only, creates nothing."""
    from nework_desktop.core.consent import ConsentLedger, LedgerCorrupt
    from nework_desktop.core.decision import status_name

    paths = open_paths(basedir)
    policy = open_policy()
    try:
        state = ConsentLedger(paths).read()
    except LedgerCorrupt as exc:
        raise CliError(
            f"the consent record is corrupt ({exc}); the app will set it aside and ask for "
            "consent again at its next start",
            EXIT_LEDGER,
        ) from exc
    last = state.last_accepted
    return {
        "version": __version__,
        "layout": paths.layout,
        "paths": paths.as_dict(),
        "consent": {
            "state": status_name(state, policy),
            "policy_version": last.policy_version if last else None,
            "current_policy_version": policy.version,
            "accepted_at": last.recorded_at if last else None,
            "modules": dict(last.modules) if last else {},
        },
    }


def print_status(report: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    consent = report["consent"]
    paths = report["paths"]
    print(f"{APP_NAME} Desktop {report['version']} ({report['layout']} layout)")
    print(f"consent: {consent['state']}", end="")
    if consent["policy_version"]:
        print(f" (policy {consent['policy_version']}, {consent['accepted_at']})", end="")
    print()
    for role, path in paths.items():
        print(f"  {role:<12} {path}")


def run(basedir: str | None, as_json: bool) -> int:
    print_status(status_report(basedir), as_json)
    return 0
