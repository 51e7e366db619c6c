"""Host names and URLs as the rules see them: loopback tests, normal forms.  No Qt, no network."""

from __future__ import annotations

import ipaddress

__all__ = ["WORKSPACE_PATH", "is_loopback_host", "normalize_host", "workspace_url"]

#: Where the service's web client lives, relative to the service URL.
WORKSPACE_PATH = "/workspace"


def workspace_url(service_url: str) -> str:
    """The web client's address for a service URL."""
    return service_url.rstrip("/") + WORKSPACE_PATH


def is_loopback_host(host: str) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ::1 (the hosts where plain http is allowed)."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def normalize_host(host: str) -> str:
    """Lowercase, no brackets, no trailing dot, internationalised names in ASCII (IDNA)."""
    name = host.strip().strip("[]").rstrip(".").lower()
    if name and not name.isascii():
        try:
            name = name.encode("idna").decode("ascii")
        except UnicodeError:
            return name
    return name
