"""Host names and URLs as the rules see them: loopback tests, normal forms.  No Qt, no network."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import SplitResult, urlsplit

__all__ = [
    "WORKSPACE_PATH",
    "is_loopback_host",
    "is_valid_host",
    "normalize_host",
    "split_url",
    "workspace_url",
]

_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")

#: Where the service's web client lives, relative to the service URL.
WORKSPACE_PATH = "/workspace"


def workspace_url(service_url: str) -> str:
    """The web client's address for a service URL."""
    return service_url.rstrip("/") + WORKSPACE_PATH


def split_url(url: str) -> SplitResult | None:
    """``url`` in its parts, or None when it is not a valid URL: a bad IPv6 literal or a bad
    port (which ``urlsplit`` alone lets through until ``.port`` is read)."""
    try:
        parts = urlsplit(url)
        _ = parts.port
    except ValueError:
        return None
    return parts


def is_loopback_host(host: str) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ::1 (the hosts where plain http is allowed)."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_loopback_url(url: str) -> bool:
    """True when ``url`` names a loopback host (:func:`is_loopback_host`); False when it names
    another host, none, or cannot be split."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return False
    return host is not None and is_loopback_host(host)


def is_valid_host(host: str) -> bool:
    """A host a URL of ours may name, once normalized: an IP literal, ``localhost``, or a DNS
    name of at least two labels (each 1-63 letters, digits or hyphens; at most 253 in all)."""
    name = normalize_host(host)
    if not name:
        return False
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        pass
    if name == "localhost":
        return True
    labels = name.split(".")
    return (
        len(name) <= 253
        and len(labels) >= 2
        and all(_LABEL.fullmatch(label) for label in labels)
        and not labels[-1].isdigit()
    )


def normalize_host(host: str) -> str:
    """Lowercase, no brackets, no trailing dot, internationalised names in ASCII (IDNA)."""
    name = host.strip().strip("[]").rstrip(".").lower()
    if name and not name.isascii():
        try:
            name = name.encode("idna").decode("ascii")
        except UnicodeError:
            return name
    return name
