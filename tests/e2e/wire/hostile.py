"""A page that tries every way out of the web engine a page has (the wire test's service).

Every destination below is one the egress rules must refuse in the tested states: a module the
user switched off (Google Analytics, KARTE), Firebase (not on the desktop), or undeclared hosts.
"""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.loopback import ServedInThread

#: Hosts the page tries to reach; none may show on the wire.
TRIED_HOSTS = (
    "www.googletagmanager.com",
    "www.google-analytics.com",
    "cdn-edge.karte.io",
    "api.karte.io",
    "firebaseinstallations.googleapis.com",
    "preconnect.undeclared.example",
    "prefetch.undeclared.example",
    "fetch.undeclared.example",
    "beacon.undeclared.example",
    "ws.undeclared.example",
    "wt.undeclared.example",
    "stun.undeclared.example",
    "turn.undeclared.example",
    "worker.undeclared.example",
    "sw.undeclared.example",
    "frame.undeclared.example",
    "sse.undeclared.example",
    "img.undeclared.example",
)

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>hostile</title>
<link rel="preconnect" href="https://www.googletagmanager.com">
<link rel="preconnect" href="https://preconnect.undeclared.example">
<link rel="dns-prefetch" href="https://prefetch.undeclared.example">
<link rel="prefetch" href="https://prefetch.undeclared.example/next.js">
<link rel="preload" as="script" href="https://cdn-edge.karte.io/v1/tag.js">
<script async src="https://www.googletagmanager.com/gtag/js?id=G-TEST"></script>
</head><body>
<img src="https://www.google-analytics.com/g/collect?v=2&tid=G-TEST">
<img src="http://img.undeclared.example:8080/pixel.gif">
<iframe src="https://frame.undeclared.example/"></iframe>
<script>
const tries = [];
function attempt(name, fn) {
  try { fn(); tries.push(name); } catch (e) { tries.push(name + ":" + e); }
}
attempt("fetch", () => fetch("https://fetch.undeclared.example/x").catch(() => {}));
attempt("karte", () => fetch("https://api.karte.io/v0/track", {method: "POST", body: "x",
    mode: "no-cors"}).catch(() => {}));
attempt("firebase", () => fetch("https://firebaseinstallations.googleapis.com/v1/x").catch(
    () => {}));
attempt("beacon", () => navigator.sendBeacon("https://beacon.undeclared.example/b", "x"));
attempt("ws", () => new WebSocket("wss://ws.undeclared.example/socket"));
attempt("ws-plain", () => new WebSocket("ws://ws.undeclared.example:8080/socket"));
attempt("webtransport", () => new WebTransport("https://wt.undeclared.example:4433/wt"));
attempt("sse", () => new EventSource("https://sse.undeclared.example/events"));
attempt("worker", () => new Worker(URL.createObjectURL(new Blob(
    ["fetch('https://worker.undeclared.example/w').catch(() => {});"],
    {type: "text/javascript"}))));
attempt("service-worker", () => navigator.serviceWorker.register("/sw.js"));
attempt("webrtc", () => {
  const pc = new RTCPeerConnection({iceServers: [
    {urls: "stun:stun.undeclared.example:3478"},
    {urls: ["turn:turn.undeclared.example:3478?transport=udp",
            "turn:turn.undeclared.example:3478?transport=tcp"],
     username: "u", credential: "c"}]});
  pc.createDataChannel("x");
  pc.createOffer().then(o => pc.setLocalDescription(o));
});
attempt("quic", () => fetch("https://www.google-analytics.com:443/q").catch(() => {}));
document.title = "tried " + tries.length;
</script></body></html>
"""

SERVICE_WORKER = (
    "self.addEventListener('install', () => "
    "{ fetch('https://sw.undeclared.example/sw').catch(() => {}); });\n"
)


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.startswith("/workspace"):
            self._send(200, "text/html; charset=utf-8", PAGE.encode("utf-8"))
        elif self.path == "/sw.js":
            self._send(200, "text/javascript", SERVICE_WORKER.encode("utf-8"))
        else:
            self._send(404, "text/plain", b"not found")

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class HostileService(ServedInThread):
    """The page's service on 127.0.0.1 (a port the OS chooses)."""

    def start(self) -> HostileService:
        self._serve(ThreadingHTTPServer(("127.0.0.1", 0), _Handler))
        return self

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.server_address[1])
