"""What the privacy center's pages share: the :class:`Page` base and a few readers.

A page is a scrolling column (:class:`Page`, a ``QScrollArea``) that builds its widgets in
``build()`` (called once, by the constructor) and has two duties the center calls:

* ``retranslate()`` -- every string in :attr:`Page.ui_locale` (tr() and the policy's own texts);
* ``refresh()`` -- re-read what it shows (cheap reads only; nothing is ever written);

and a hook, ``shown()``, called when the user turns to it.  The readers below are used by more
than one page: the consent state, the module choices in effect, the transmission rows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from nework_desktop.core.consent import ConsentLedger, ConsentRecord, ConsentState
from nework_desktop.core.egress import EgressPolicy, TransmissionRow, read_transmissions
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy
from nework_desktop.core.policy.store import CurrentPolicy
from nework_desktop.core.proof import RecordProof
from nework_desktop.services.consent import ConsentService

if TYPE_CHECKING:
    from nework_desktop.services.account import AccountManager

__all__ = [
    "Page",
    "ServicesLike",
    "UrlOpener",
    "consent_state",
    "current_choices",
    "module_name",
    "record_proofs",
    "section",
    "transmission_rows",
]

log = logging.getLogger("nework.ui.privacy")

#: Opens a URL (the system browser, the file manager); False if it did not.
UrlOpener = Callable[[QUrl], bool]


class ServicesLike(Protocol):
    """What the center needs of :class:`nework_desktop.services.session.Services`."""

    paths: AppPaths
    policy: Policy
    ledger: ConsentLedger
    consent: ConsentService
    #: The policy in use and where it came from (bundled / the service's verified feed).
    source: CurrentPolicy | None

    @property
    def account(self) -> AccountManager | None: ...

    @property
    def egress(self) -> EgressPolicy | None: ...


class Page(QScrollArea):
    """One section of the privacy center: a scrolling column of widgets (:attr:`content`)."""

    def __init__(
        self, services: ServicesLike, locale: str, opener: UrlOpener, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.paths: AppPaths = services.paths
        self.policy: Policy = services.policy
        self.ui_locale = locale
        self.opener = opener
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget(self)
        self.content = QVBoxLayout(self.body)
        self.setWidget(self.body)
        self.build(self.body, self.content)
        self.content.addStretch(1)  # the page starts at the top

    def build(self, body: QWidget, layout: QVBoxLayout) -> None:
        """Make the page's widgets (children of ``body``, added to ``layout``)."""
        raise NotImplementedError

    def title(self) -> str:
        """The page's name in the list of sections."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """Every string in :attr:`ui_locale`."""

    def refresh(self) -> None:
        """Re-read what the page shows."""

    def shown(self) -> None:
        """The user turned to this page."""

    def open_link(self, url: QUrl | str) -> bool:
        """Open a link in the system browser: https only; a failure is said in words."""
        from nework_desktop.ui.links import open_link

        return open_link(self, url, self.opener, tell=self.link_failed)

    def link_failed(self, parent: QWidget | None, url: str) -> None:
        """The browser did not open ``url`` (replace in tests)."""
        from nework_desktop.ui.links import link_failed

        link_failed(parent, url)


def section(layout: QVBoxLayout, heading: QLabel, *widgets: QWidget) -> None:
    """A section of a page: some space, its heading, its widgets."""
    layout.addSpacing(12)
    layout.addWidget(heading)
    for widget in widgets:
        layout.addWidget(widget)


def consent_state(ledger: ConsentLedger) -> ConsentState | None:
    """The consent ledger as it is on disk, or None if it cannot be read (logged)."""
    try:
        return ledger.read()
    except Exception as exc:
        log.warning("consent ledger unreadable: %s", type(exc).__name__)
        return None


def current_choices(services: ServicesLike, record: ConsentRecord | None) -> dict[str, bool]:
    """The module choices in effect: the policy's defaults, the record's, the egress rules'."""
    choices = services.policy.default_module_choices()
    if record is not None:
        choices.update({k: v for k, v in record.modules.items() if k in choices})
    egress = services.egress
    if egress is not None and egress.state.consented:
        choices.update({k: v for k, v in egress.state.choices.items() if k in choices})
    return choices


def accepted_record(ledger: ConsentLedger) -> ConsentRecord | None:
    """The record of the consent in effect, or None (none accepted, or the ledger unreadable)."""
    state = consent_state(ledger)
    return state.last_accepted if state is not None and state.state == "accepted" else None


def sync_module_switches(
    switches: Mapping[str, QCheckBox], services: ServicesLike, accepted: ConsentRecord | None
) -> None:
    """Set the modules' switches to the choices in effect, without a ``toggled`` signal; they
    can be used only with consent on record (``accepted``)."""
    choices = current_choices(services, accepted)
    for module_id, switch in switches.items():
        switch.blockSignals(True)
        switch.setChecked(choices.get(module_id, True))
        switch.setEnabled(accepted is not None)
        switch.blockSignals(False)


def record_proofs(
    services: ServicesLike, records: Sequence[ConsentRecord]
) -> dict[int, RecordProof]:
    """Record seq → confirmed by NeWork / waiting / none (reads only; never fails)."""
    from nework_desktop.core.proof import proofs, read_queue, trusted_acks

    if not records:
        return {}
    try:
        acks = trusted_acks(services.paths, records)
        return proofs(records, acks, read_queue(services.paths))
    except Exception as exc:  # a page shows what it can
        log.warning("consent confirmations unreadable: %s", type(exc).__name__)
        return {}


def module_name(policy: Policy, module_id: str) -> str:
    """A module's name (its id when the policy does not know it)."""
    try:
        return policy.module(module_id).name
    except KeyError:
        return module_id


def transmission_rows(services: ServicesLike, days: int | None = None) -> list[TransmissionRow]:
    """The counted decisions of the last ``days`` days (all when None)."""
    egress = services.egress
    log_ = egress.transmissions if egress is not None else None
    if log_ is not None:
        return log_.rows(days=days)
    rows = read_transmissions(services.paths)
    if days is None:
        return rows
    oldest = (datetime.now(UTC).date() - timedelta(days=days - 1)).isoformat()
    return [row for row in rows if row.day >= oldest]
