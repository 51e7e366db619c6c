"""What the app builds once, and what exists only once consent is on record.

:class:`Services` is built by the bootstrap before the consent dialog (paths, policy, ledger, the
consent service -- all reading only) and passed to whoever needs it; no globals.  The network
half -- preferences, egress rules, the service client, the keyring, the sign-in providers --
is built by :func:`connect_network_services` only after consent, from the consent record
itself; with it come the service's policy feed and the consent receipts
(:func:`connect_feed_and_receipts`).  ``policy`` is the policy in use: the bundled one, or a newer
one the service published (:meth:`Services.adopt_policy`).  No Qt here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import InitVar, dataclass, field
from typing import TYPE_CHECKING

from nework_desktop.core.consent import ConsentLedger, ConsentState
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy
from nework_desktop.core.policy.store import CurrentPolicy
from nework_desktop.services.consent import ConsentService

if TYPE_CHECKING:
    from nework_desktop.core.egress import EgressPolicy
    from nework_desktop.net.service import ServiceClient
    from nework_desktop.services.account import AccountManager
    from nework_desktop.services.policy_feed import PolicyFeed
    from nework_desktop.services.receipts import ReceiptSender

__all__ = ["Services", "connect_feed_and_receipts", "connect_network_services"]

log = logging.getLogger("nework.session")


@dataclass
class Services:
    """What the bootstrap builds once and passes on (no globals)."""

    paths: AppPaths
    policy: Policy
    ledger: ConsentLedger
    #: Registration and sign-in (Art. 3); None skips them (tests of the consent gate).
    account: AccountManager | None = None
    #: Who may be contacted (Art. 2, 5, 9); with a service URL, the workspace opens.
    egress: EgressPolicy | None = None
    service_url: str | None = None
    debug: bool = False
    #: Builds account/egress/service_url once consent is on record (None: leave them as given).
    connect: Callable[[Services], None] | None = None
    #: The ledger as the bootstrap read it (loaded here when not given: a corrupt one is set aside).
    state: InitVar[ConsentState | None] = None
    #: The consent decisions of the session.
    consent: ConsentService = field(init=False)
    #: The policy in use and where it came from (bundled / the service's feed, verified when).
    source: CurrentPolicy | None = None
    #: The policy shipped with the app (``policy`` itself unless the service published a newer).
    bundled: Policy | None = None
    #: The service's policy feed and the consent receipts (with the network session).
    feed: PolicyFeed | None = None
    receipts: ReceiptSender | None = None

    def __post_init__(self, state: ConsentState | None) -> None:
        known = state if state is not None else self.ledger.load()
        self.consent = ConsentService(self.policy, self.ledger, known)
        if self.egress is not None:
            self.consent.egress = self.egress
        if self.bundled is None:
            self.bundled = self.policy
        if self.source is None:
            self.source = CurrentPolicy(self.policy, "bundled", self.bundled.version)

    def adopt_policy(self, current: CurrentPolicy) -> None:
        """Use a newer policy from now on (verified from the service's feed): the consent
        decisions, the egress rules' modules and every page read it from here."""
        self.policy = current.policy
        self.source = current
        self.consent.policy = current.policy
        if self.egress is not None:
            self.egress.set_policy(current.policy)
        log.info("policy in use: %s (%s)", current.policy.version, current.source)

    def connect_network(self) -> None:
        """Build the network services now (after consent), once."""
        if self.connect is not None:
            connect, self.connect = self.connect, None
            connect(self)
        if self.egress is not None:
            self.consent.egress = self.egress


def connect_network_services(services: Services) -> None:
    """Preferences, egress rules, service client, keyring and providers (writes nothing).

    Run once consent is on record (``Services.connect``), never before the consent dialog; the
    egress rules start from the consent state of the record just written or read at start.
    """
    from nework_desktop.core.egress import EgressPolicy, TransmissionLog
    from nework_desktop.core.prefs import Preferences
    from nework_desktop.core.secrets import SecretStore
    from nework_desktop.net.http import HttpClient
    from nework_desktop.net.oauth.providers import load_providers, provider_hosts
    from nework_desktop.net.service import ServiceClient
    from nework_desktop.services.account import AccountManager

    paths, policy = services.paths, services.policy
    prefs = Preferences.load(paths)
    providers = load_providers(prefs.get("oauth_client_ids"))
    egress = EgressPolicy(
        policy,
        prefs.service_url,
        state=services.consent.egress_state(),
        transmissions=TransmissionLog(paths),
        # Art. 3: the sign-in providers the user may choose are declared destinations too.
        service_hosts=provider_hosts(providers),
    )
    client = ServiceClient(prefs.service_url, HttpClient(before_request=egress.allows))
    log.info("service %s", client.base_url)
    services.account = AccountManager(paths, SecretStore.open(paths), client, providers=providers)
    services.egress = egress
    services.service_url = prefs.service_url
    connect_feed_and_receipts(services, client)


def connect_feed_and_receipts(services: Services, client: ServiceClient) -> None:
    """The service's policy feed and the consent receipts, through ``client`` (whose HTTP client
    asks the egress rules first); every new consent record is queued from now on."""
    from nework_desktop.core.policy.store import FeedStore
    from nework_desktop.services.policy_feed import PolicyFeed
    from nework_desktop.services.receipts import ReceiptSender

    store = FeedStore(services.paths)
    consent = services.consent
    assert services.bundled is not None
    services.feed = PolicyFeed(
        store,
        services.bundled,
        client.policy_feed,
        consented=lambda: consent.state.state == "accepted",
    )
    services.receipts = ReceiptSender(
        services.paths, services.ledger, lambda: client, lambda: store.trust().keys
    )
    consent.listeners.append(services.receipts.enqueue)
