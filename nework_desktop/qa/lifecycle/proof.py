"""What the run checks of the policy feed and the consent receipts (issue 14).

The reference service started for the run publishes the shipped policy as its signed feed and
acknowledges every consent receipt (:mod:`.service`); a development build of the app, told to
trust the test key, then keeps in its roots the files of :data:`CONSENT_PROOF_FILES` -- which the
wipe must remove like everything else.  :func:`check_consent_proof` (the ``status`` step) says
which are there before the wipe and fails the step when an app that verified the feed keeps none
of them or its consent is not confirmed; :func:`consent_proof_files` also names those the
``uninstall-cleanup`` step removed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from nework_desktop.core.policy.store import FEED_DIR, FEED_FILE
from nework_desktop.core.proof import ACKS_NAME, QUEUE_NAME
from nework_desktop.qa.lifecycle.report import StepResult
from nework_desktop.qa.snapshot import Snapshot

__all__ = ["CONSENT_PROOF_FILES", "check_consent_proof", "consent_proof_files"]

#: What the app keeps for the service's policy feed and the consent receipts (their names).
CONSENT_PROOF_FILES: Final = (FEED_FILE, ACKS_NAME, QUEUE_NAME)


def consent_proof_files(paths: Iterable[str]) -> list[str]:
    """Of ``paths`` (relative to the home), the files of the policy feed and the receipts."""
    return sorted(
        p for p in paths if f"/{FEED_DIR}/" in p or p.rsplit("/", 1)[-1] in CONSENT_PROOF_FILES[1:]
    )


def check_consent_proof(
    step: StepResult, snapshot: Snapshot, *, reference: bool, notes: list[str]
) -> None:
    """Before the wipe: the fetched policy, the receipt queue, the acknowledgements.

    ``step.extra`` holds ``policy`` and ``acknowledgement`` (the blocks of ``status --json``).
    With the ``reference`` service of the run, an app that verified the feed -- a development
    build: it trusts the test key -- must have kept all three and its consent must be confirmed;
    a release build verifies nothing of it, which is a note in ``notes``.
    """
    present = consent_proof_files(f.path for f in snapshot.files if f.type == "file")
    step.extra["consent_proof_files"] = present
    policy = step.extra.get("policy")
    verified = isinstance(policy, dict) and policy.get("verified_at") is not None
    if not reference:
        return
    if not verified:
        notes.append(
            f"{step.name}: the app verified none of the reference service's policy feed "
            "(a release build does not trust its test key): the removal of a fetched "
            "policy, the receipt queue and the acknowledgements was not tested"
        )
        return
    names = {p.rsplit("/", 1)[-1] for p in present}
    missing = [n for n in CONSENT_PROOF_FILES if n not in names]
    if missing:
        step.add_problem(
            f"{step.name}: the app verified the service's feed but keeps no "
            f"{', '.join(missing)} in its roots: the wipe of them is not tested"
        )
    ack = step.extra.get("acknowledgement")
    if not isinstance(ack, dict) or ack.get("state") != "confirmed":
        state = ack.get("state") if isinstance(ack, dict) else None
        step.add_problem(
            f"{step.name}: the consent record is not confirmed by the reference service "
            f"(acknowledgement state {state!r}): receipts are not sent or not kept"
        )
