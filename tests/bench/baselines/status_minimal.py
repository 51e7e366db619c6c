"""P5's fairer baseline: the least a program can do and print what ``status --json`` prints.

``python -m tests.bench.baselines.status_minimal --basedir DIR`` reads the same files the app's
``status --json`` reads on a fresh ``--basedir`` (the shipped policy's ``index.json``,
``policy.json`` and both texts; it looks for the consent ledger, the kept policy feed's state and
the receipt queue) and prints the same JSON -- with ``os`` and ``json`` only: no argparse, no
dataclasses, no validation, no ``pathlib``.  The harness checks that both print the same bytes.
Only the case P5 measures (nothing on record yet) is covered; anything else exits 1.
"""

import json
import os
import sys

VERSION = "0.1.0"  # nework_desktop.__version__ (the harness checks the outputs are equal)
POLICY = os.path.join(os.path.dirname(__file__), "..", "..", "..", "resources", "policy")


def main() -> int:
    args = sys.argv[1:]
    base = os.path.abspath(args[args.index("--basedir") + 1])
    policy_root = os.environ.get("NEWORK_POLICY_DIR") or os.path.normpath(POLICY)
    with open(os.path.join(policy_root, "index.json"), "rb") as fh:
        version = json.load(fh)["current"]
    folder = os.path.join(policy_root, version)
    with open(os.path.join(folder, "policy.json"), "rb") as fh:
        json.load(fh)
    for locale in ("ja", "en"):
        with open(os.path.join(folder, f"policy.{locale}.md"), encoding="utf-8") as fh:
            fh.read()
    roots = {role: os.path.join(base, role) for role in ("data", "config", "cache", "log", "state")}
    on_record = (
        os.path.join(roots["data"], "consent-ledger.json"),
        os.path.join(roots["data"], "policy-feed", "state.json"),
        os.path.join(roots["state"], "consent-receipt-queue.json"),
    )
    if any(os.path.lexists(p) for p in on_record):
        return 1
    roots["web_profile"] = os.path.join(roots["data"], "WebEngine", "profile")
    roots["web_cache"] = os.path.join(roots["cache"], "WebEngine")
    report = {
        "version": VERSION,
        "layout": "linux",
        "paths": roots,
        "policy": {
            "bundled_version": version,
            "current_version": version,
            "source": "bundled",
            "verified_at": None,
            "feed_version": None,
        },
        "consent": {
            "state": "none",
            "policy_version": None,
            "current_policy_version": version,
            "accepted_at": None,
            "modules": {},
            "acknowledgement": {
                "state": "none",
                "record_seq": None,
                "acknowledged_at": None,
                "key_id": None,
                "confirmed": 0,
                "waiting": 0,
                "refused": 0,
            },
        },
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
