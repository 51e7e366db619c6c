"""Egress rules: who may be contacted, per module and consent state (Art. 2-2, 4, 5, 6, 9).

The package: :mod:`.rules` (:class:`EgressPolicy`), :mod:`.verdict` (:class:`Verdict`),
:mod:`.transmissions` (the transmission log).

One decision function answers "may this request go?" for every request the app makes: the
workspace's web view asks it from a ``QWebEngineUrlRequestInterceptor``, the app's own HTTP
client from its ``before_request`` hook (:meth:`EgressPolicy.allows`).  No Qt here.

The rules, in order (:meth:`EgressPolicy.evaluate`)
---------------------------------------------------
1. No consent on record (first launch, declined, withdrawn): nothing goes
   (``before-consent``).
2. Only network schemes (http, https, ws, wss) are egress; anything else -- ``file:`` above all --
   is refused (``unsupported-scheme``).  Purely local schemes (``data:``, ``blob:``,
   ``about:``) never reach the network and are the web view's business, not this module's.
3. The service's own host, from the service URL, is declared (Art. 5: the company's servers):
   ``service``.  When the service URL is itself a loopback address (development, tests),
   every other loopback address is allowed too (``loopback-dev``); otherwise loopback addresses
   are undeclared like any other host.
4. A host of a module of the policy (``Module.hosts``): a module that is not part of the desktop
   app (Firebase) is refused (``not-on-desktop``); a module the user switched off is refused
   (``opted-out``); otherwise it goes (``module``).
5. Any other host is undeclared and refused (``undeclared-host``).

Choices the user never made (a module missing from the latest consent record) take the policy's
default: the policy describes GA and KARTE as opt-out modules, and a module new enough to be
missing from the record comes with a policy change that asks for consent again anyway.

Counting and logging
--------------------
:meth:`EgressPolicy.decide` is :meth:`~EgressPolicy.evaluate` plus bookkeeping: every decision is
counted in a :class:`TransmissionLog` (per day × destination host × module × allowed/blocked),
and every refusal is logged (host, module, reason, UTC time) -- never a path, a query string or
anything else of the request -- and kept in a short in-memory list for the privacy center.

The transmission log persists a compact JSON in the state root
(``<state>/transmissions.json``), at most every :data:`FLUSH_INTERVAL` seconds and at
:meth:`EgressPolicy.close`, and only while consent is on record: before consent nothing is
written (counts stay in memory and are dropped if the user declines).  Reading it
(:func:`read_transmissions`) never creates anything.

Cookies
-------
The web view also removes cookies of modules that may not be contacted; :meth:`cookie_module`
tells which module a cookie belongs to: cookies whose domain is (or covers) a module host, and
the first-party cookies a module's script sets on the service's own domain
(:data:`FIRST_PARTY_COOKIES`, names documented by the provider).
"""

from nework_desktop.core.egress.rules import (
    FIRST_PARTY_COOKIES,
    NETWORK_SCHEMES,
    BlockedRequest,
    EgressPolicy,
    EgressState,
)
from nework_desktop.core.egress.transmissions import (
    FLUSH_INTERVAL,
    TRANSMISSIONS_NAME,
    TransmissionLog,
    TransmissionRow,
    read_transmissions,
)
from nework_desktop.core.egress.verdict import REASONS, Reason, Verdict

__all__ = [
    "FIRST_PARTY_COOKIES",
    "FLUSH_INTERVAL",
    "NETWORK_SCHEMES",
    "REASONS",
    "TRANSMISSIONS_NAME",
    "BlockedRequest",
    "EgressPolicy",
    "EgressState",
    "Reason",
    "TransmissionLog",
    "TransmissionRow",
    "Verdict",
    "read_transmissions",
]
