"""The answer of the egress rules for one request: :class:`Verdict` and its reasons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, get_args

__all__ = ["REASONS", "Reason", "Verdict"]

Reason = Literal[
    "before-consent",
    "opted-out",
    "undeclared-host",
    "not-on-desktop",
    "unsupported-scheme",
    "service",
    "module",
    "loopback-dev",
]
REASONS: Final[tuple[Reason, ...]] = get_args(Reason)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer for one request: may it go, which module it belongs to, and why.

    ``host`` is the destination host name (lowercase, no port), ``""`` if the URL has none.
    """

    allowed: bool
    module_id: str | None
    reason: Reason
    host: str = ""
