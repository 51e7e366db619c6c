"""What reaches the wire of a private network namespace: every TCP connect, TLS ClientHello SNI,
HTTP Host and UDP datagram on the loopback interface.

Runs inside ``unshare -n`` (root), where loopback is the only interface and the web engine maps
every host name to 127.0.0.1: whatever the engine sends anywhere lands here.  Two sources:

* a packet capture (``AF_PACKET`` on ``lo``): every TCP SYN and every UDP datagram, whatever
  its port -- the evidence;
* listeners on the ports a leak would use (80, 443, 3478, 4433, 8080; TCP and UDP): the SNI of a
  TLS ClientHello or the Host of a plain request, to say which host a leak was meant for.
"""

from __future__ import annotations

import socket
import struct
import threading
from dataclasses import asdict, dataclass, field
from typing import Any

LEAK_PORTS = (80, 443, 3478, 4433, 8080)
ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4


@dataclass
class Wire:
    syns: list[int] = field(default_factory=list)  # destination ports of TCP SYNs
    udp: list[dict[str, Any]] = field(default_factory=list)  # {"port": n, "size": n}
    sni: list[str] = field(default_factory=list)
    http_hosts: list[str] = field(default_factory=list)
    capture: str = "off"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def server_name(hello: bytes) -> str | None:
    """The SNI of a TLS ClientHello (None if ``hello`` is not one)."""
    try:
        if hello[0] != 0x16 or hello[5] != 0x01:
            return None
        pos = 5 + 4 + 2 + 32  # record header, handshake header, version, random
        pos += 1 + hello[pos]  # session id
        pos += 2 + struct.unpack("!H", hello[pos : pos + 2])[0]  # cipher suites
        pos += 1 + hello[pos]  # compression methods
        end = pos + 2 + struct.unpack("!H", hello[pos : pos + 2])[0]
        pos += 2
        while pos + 4 <= end:
            kind, length = struct.unpack("!HH", hello[pos : pos + 4])
            if kind == 0:  # server_name: list length, type, name length, name
                name_len = struct.unpack("!H", hello[pos + 7 : pos + 9])[0]
                return hello[pos + 9 : pos + 9 + name_len].decode("ascii", "replace")
            pos += 4 + length
    except (IndexError, struct.error):
        return None
    return None


class Recorder:
    def __init__(self) -> None:
        self.wire = Wire()
        self.lock = threading.Lock()
        self._stop = threading.Event()
        self._sockets: list[socket.socket] = []

    def start(self) -> None:
        self._start_capture()
        for port in LEAK_PORTS:
            try:
                tcp = socket.create_server(("127.0.0.1", port))
                tcp.settimeout(0.2)
                self._sockets.append(tcp)
                threading.Thread(target=self._accept, args=(tcp,), daemon=True).start()
            except OSError:
                pass
            try:
                udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                udp.bind(("127.0.0.1", port))
                udp.settimeout(0.2)
                self._sockets.append(udp)
            except OSError:
                pass

    def _start_capture(self) -> None:
        try:
            raw = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.ntohs(ETH_P_ALL))
            raw.bind(("lo", 0))
        except (OSError, AttributeError) as exc:
            self.wire.capture = f"unavailable: {exc}"
            return
        raw.settimeout(0.2)
        self.wire.capture = "on"
        self._sockets.append(raw)
        threading.Thread(target=self._sniff, args=(raw,), daemon=True).start()

    def _sniff(self, raw: socket.socket) -> None:
        while not self._stop.is_set():
            try:
                frame, address = raw.recvfrom(65535)
            except TimeoutError:
                continue
            except OSError:
                return
            if address[2] != PACKET_OUTGOING:  # each loopback packet is seen twice
                continue
            self._packet(frame[14:], struct.unpack("!H", frame[12:14])[0])

    def _packet(self, packet: bytes, ethertype: int) -> None:
        if ethertype == 0x0800 and len(packet) >= 20:
            proto, header = packet[9], (packet[0] & 0x0F) * 4
        elif ethertype == 0x86DD and len(packet) >= 40:
            proto, header = packet[6], 40
        else:
            return
        body = packet[header:]
        if proto == 6 and len(body) >= 14:
            flags = body[13]
            if flags & 0x02 and not flags & 0x10:  # SYN, not SYN-ACK
                with self.lock:
                    self.wire.syns.append(struct.unpack("!H", body[2:4])[0])
        elif proto == 17 and len(body) >= 8:
            with self.lock:
                port = struct.unpack("!H", body[2:4])[0]
                self.wire.udp.append({"port": port, "size": len(body) - 8})

    def _accept(self, server: socket.socket) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._read_first, args=(conn,), daemon=True).start()

    def _read_first(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(3)
            try:
                data = conn.recv(4096)
            except OSError:
                return
        name = server_name(data)
        with self.lock:
            if name is not None:
                self.wire.sni.append(name)
            elif b"\r\nHost:" in data or b"\r\nhost:" in data:
                for line in data.split(b"\r\n"):
                    if line.lower().startswith(b"host:"):
                        self.wire.http_hosts.append(line[5:].strip().decode("latin-1"))

    def stop(self) -> Wire:
        self._stop.set()
        for sock in self._sockets:
            sock.close()
        with self.lock:
            return self.wire
