"""Every consent decision of the session (Art. 4, 6): written to the ledger once, then applied.

:class:`ConsentService` is the only writer of the consent ledger in the app.  Each decision --
agree (:meth:`accept`), withdraw (:meth:`withdraw`), switch a module on or off
(:meth:`change_modules`) -- appends one record (the ledger verifies its chain, then writes
atomically), keeps the new state in memory and hands *that record* to the egress rules, so
nothing reads the ledger back to learn what was just written, and the rules follow exactly
what is on record.  Each new record is also handed to the :attr:`ConsentService.listeners`
(the consent receipt queue: :mod:`services.receipts`) with the policy it was made under.
No Qt here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from nework_desktop.core.consent import ConsentLedger, ConsentRecord, ConsentState, Decision
from nework_desktop.core.policy import Policy

# The egress rules are imported once consent is on record (not on the consent dialog's path).
if TYPE_CHECKING:
    from nework_desktop.core.egress import EgressPolicy, EgressState

__all__ = ["ConsentService", "NoConsentOnRecord"]

log = logging.getLogger("nework.consent")


class NoConsentOnRecord(Exception):
    """A module choice was changed while no consent is on record."""


class ConsentService:
    """The consent state of this session and the decisions that change it."""

    def __init__(self, policy: Policy, ledger: ConsentLedger, state: ConsentState) -> None:
        self.policy = policy
        self.ledger = ledger
        self._state = state
        #: The egress rules to tell (set once the network session exists, after consent).
        self.egress: EgressPolicy | None = None
        #: Told of every new record, after the ledger write (a failing listener is logged).
        self.listeners: list[Callable[[ConsentRecord, Policy], None]] = []

    @property
    def state(self) -> ConsentState:
        """What the ledger holds, as of this session's last read or write."""
        return self._state

    def reload(self) -> ConsentState:
        """Read the ledger again (after a wipe removed it); a corrupt one is set aside."""
        self._state = self.ledger.load()
        return self._state

    def egress_state(self) -> EgressState:
        """The egress state the latest record describes."""
        from nework_desktop.core.egress import EgressState

        return EgressState.from_consent(self._state)

    # -- decisions ------------------------------------------------------------------------------

    def accept(
        self, *, text_sha256: str, locale: str, modules: Mapping[str, bool]
    ) -> ConsentRecord:
        """The user agreed to the current policy (as shown in ``locale``) with these choices."""
        record = self._append(Decision.ACCEPTED, text_sha256, locale, modules)
        log.info("consent recorded: policy %s, record %d", record.policy_version, record.seq)
        return record

    def withdraw(self, locale: str) -> ConsentRecord:
        """The user withdrew consent (stop use, Art. 6): back to the first-launch state."""
        last = self._state.last
        modules = dict(last.modules) if last else self.policy.default_module_choices()
        record = self._append(Decision.WITHDRAWN, self.policy.text_sha256(locale), locale, modules)
        log.info("consent withdrawn (record %d)", record.seq)
        return record

    def change_modules(self, module_id: str, enabled: bool) -> ConsentRecord:
        """Switch one module on or off: a new ACCEPTED record of the same policy text.

        Raises :class:`NoConsentOnRecord` when there is nothing to change.
        """
        base = self._state.last_accepted
        if self._state.state != "accepted" or base is None:
            raise NoConsentOnRecord("there is no consent on record")
        choices = {**self.policy.default_module_choices(), **base.modules, module_id: enabled}
        record = self.ledger.record(
            Decision.ACCEPTED,
            policy_id=base.policy_id,
            policy_version=base.policy_version,
            text_sha256=base.text_sha256,
            locale=base.locale,
            modules=choices,
        )
        self._applied(record)
        log.info(
            "module %s switched %s (record %d)", module_id, "on" if enabled else "off", record.seq
        )
        return record

    # -- internals ------------------------------------------------------------------------------

    def _append(
        self, decision: Decision, text_sha256: str, locale: str, modules: Mapping[str, bool]
    ) -> ConsentRecord:
        record = self.ledger.record(
            decision,
            policy_id=self.policy.policy_id,
            policy_version=self.policy.version,
            text_sha256=text_sha256,
            locale=locale,
            modules=modules,
        )
        self._applied(record)
        return record

    def _applied(self, record: ConsentRecord) -> None:
        self._state = ConsentState.of((*self._state.records, record))
        if self.egress is not None:
            self.egress.set_state(self.egress_state())
        for listener in list(self.listeners):
            try:
                listener(record, self.policy)
            except Exception:  # the record is written; a listener's failure must not undo it
                log.exception("consent record %d: a listener failed", record.seq)
