"""Egress proven on the wire (issue 10): a hostile page tries every way out, and a packet
capture in a private network namespace sees only the app's own connections.

The web engine runs inside ``unshare -n`` (root), where loopback is the only interface and
``--host-resolver-rules="MAP * 127.0.0.1"`` sends every host name there: any connection the
engine makes -- preconnect, prefetch, fetch, beacon, WebSocket, WebTransport, QUIC, WebRTC
(STUN/TURN), workers, service workers, frames, images -- shows in the capture (a TCP SYN to its
port, a UDP datagram) and, at the usual ports, with the name it was meant for (TLS SNI, HTTP
Host).  The control run, a bare QWebEngineView on the same page, must leak: else the capture
proves nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.wire.hostile import TRIED_HOSTS

pytestmark = pytest.mark.slow


def _need_netns() -> None:
    reason = ""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0):
        reason = "needs root for a private network namespace"
    elif not (shutil.which("unshare") and shutil.which("ip")):
        reason = "needs unshare (util-linux) and ip (iproute2)"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true: {reason}")
        pytest.skip(reason)


def run_scenario(tmp_path: Path, scenario: str) -> dict[str, Any]:
    _need_netns()
    out = tmp_path / scenario / "out.json"
    out.parent.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NEWORK_"))}
    env["HOME"] = str(tmp_path / scenario)
    env["XDG_RUNTIME_DIR"] = os.environ["XDG_RUNTIME_DIR"]
    command = (
        f"ip link set lo up && exec {sys.executable} -m tests.e2e.wire.driver {scenario} {out}"
    )
    result = subprocess.run(
        ["unshare", "-n", "sh", "-c", command],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert data["wire"]["capture"] == "on", data["wire"]["capture"]
    return data


def own_ports(data: dict[str, Any]) -> set[int]:
    return {p for p in (data["service_port"], data["proxy_port"]) if p}


def test_the_capture_sees_what_an_unguarded_engine_leaks(tmp_path: Path) -> None:
    data = run_scenario(tmp_path, "unguarded")
    wire = data["wire"]
    assert set(wire["syns"]) - own_ports(data), wire  # TCP to 443 and 8080
    assert wire["udp"], wire  # QUIC / WebTransport datagrams
    assert {"www.googletagmanager.com", "preconnect.undeclared.example"} <= set(wire["sni"])


def test_with_modules_off_only_the_service_is_reached(tmp_path: Path) -> None:
    data = run_scenario(tmp_path, "modules-off")
    wire = data["wire"]
    assert data["loaded"] == [True]
    assert set(wire["syns"]) <= own_ports(data), wire
    assert wire["udp"] == [] and wire["sni"] == [] and wire["http_hosts"] == []
    # The page did try (so the quiet wire means something), and the refusals were counted,
    # the preconnects' included, at the proxy where the connections are made.
    assert {"www.googletagmanager.com", "preconnect.undeclared.example"} <= set(data["blocked"])
    assert set(data["blocked"]) <= {*TRIED_HOSTS, "127.0.0.1"}
    assert data["proxy_refused"] >= 1


def test_before_consent_nothing_is_reached(tmp_path: Path) -> None:
    data = run_scenario(tmp_path, "before-consent")
    wire = data["wire"]
    assert wire["syns"] == [] and wire["udp"] == [] and wire["sni"] == []
