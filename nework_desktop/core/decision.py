"""What the app does at launch, given the consent ledger and the current policy (Art. 4, 11).

=================================  ===================================================
ledger                             launch
=================================  ===================================================
no record, or last is withdrawn    ``CONSENT``: the first-launch consent dialog
accepted the current version       ``OPEN``: straight to the main window
accepted an older version, and a   ``RECONSENT``: blocking dialog that shows the change
material revision came since       summary first
accepted an older version, only    ``NOTICE``: the app opens with a dismissible notice
minor revisions since
=================================  ===================================================
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Literal

from nework_desktop.core.consent import ConsentState, Decision
from nework_desktop.core.policy import Policy, Revision

StatusName = Literal["none", "accepted", "outdated", "withdrawn"]


class Launch(enum.StrEnum):
    CONSENT = "consent"
    RECONSENT = "reconsent"
    NOTICE = "notice"
    OPEN = "open"


@dataclass(frozen=True)
class LaunchDecision:
    launch: Launch
    accepted_version: str | None
    changes: tuple[Revision, ...]

    @property
    def may_open(self) -> bool:
        """True when the main window may open without asking first."""
        return self.launch in (Launch.OPEN, Launch.NOTICE)


def decide(state: ConsentState, policy: Policy) -> LaunchDecision:
    last = state.last
    if last is None or last.decision is Decision.WITHDRAWN:
        return LaunchDecision(Launch.CONSENT, None, ())
    accepted = last.policy_version
    if last.policy_id == policy.policy_id and accepted == policy.version:
        return LaunchDecision(Launch.OPEN, accepted, ())
    if last.policy_id != policy.policy_id:
        # A different policy altogether: nothing agreed to carries over.
        return LaunchDecision(Launch.RECONSENT, accepted, policy.revisions_after(""))
    changes = policy.revisions_after(accepted)
    if policy.material_since(accepted):
        return LaunchDecision(Launch.RECONSENT, accepted, changes)
    return LaunchDecision(Launch.NOTICE, accepted, changes)


def status_name(state: ConsentState, policy: Policy) -> StatusName:
    """The consent state as ``status --json`` names it."""
    last = state.last
    if last is None:
        return "none"
    if last.decision is Decision.WITHDRAWN:
        return "withdrawn"
    if last.policy_id == policy.policy_id and last.policy_version == policy.version:
        return "accepted"
    return "outdated"
