"""The web engine's way out: through the egress proxy, started before the engine is.

Chromium reads its switches once per process, when the first web profile is created, so the
proxy (:class:`nework_desktop.net.proxy.EgressProxy`) is started then and its switches are added
to ``QTWEBENGINE_CHROMIUM_FLAGS`` (after whatever is there: tests add ``--no-sandbox``).  It
lives as long as the process; a workspace opened later (after withdrawal and new consent, a
wipe) hands it its egress rules.  :func:`engine_is_proxied` lets the workspace check, after its
first page load, that the engine really goes through the proxy -- if it does not (an engine
started earlier without the switches), the workspace shows its blocked page instead of
running unguarded.
"""

from __future__ import annotations

import logging
import os

from nework_desktop.core.egress import EgressPolicy
from nework_desktop.net.proxy import EgressProxy, chromium_flags

__all__ = ["ENGINE_FLAGS", "engine_is_proxied", "route_engine_through_proxy"]

log = logging.getLogger("nework.workspace")

ENGINE_FLAGS = "QTWEBENGINE_CHROMIUM_FLAGS"


class _Process:
    """What this process has: at most one proxy, made with the first workspace."""

    proxy: EgressProxy | None = None


def route_engine_through_proxy(egress: EgressPolicy) -> EgressProxy:
    """The process's egress proxy, now asking ``egress``; started (with the engine's switches
    set) the first time.  Call before the first web profile exists."""
    proxy = _Process.proxy
    if proxy is None:
        proxy = EgressProxy(egress)
        port = proxy.start()
        current = os.environ.get(ENGINE_FLAGS, "")
        os.environ[ENGINE_FLAGS] = " ".join([current, *chromium_flags(port)]).strip()
        log.info("web engine routed through the egress proxy on port %d", port)
        _Process.proxy = proxy
    else:
        proxy.rules = egress
    return proxy


def engine_is_proxied() -> bool:
    """True once the proxy has seen a request (the engine honours its switches)."""
    return _Process.proxy is not None and _Process.proxy.seen > 0
