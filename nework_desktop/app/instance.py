"""Single instance: the first process listens on a local channel; later ones hand over to it.

The channel is a ``QLocalServer``: a named pipe on Windows (no file), the abstract socket
namespace on Linux (no file), and a socket file in the per-user temp folder on macOS (a stale one
left by a crash is removed before listening).  The name is derived from the data root, so two
``--basedir`` sandboxes never see each other.

Protocol: one line from the client, ``activate`` or ``quit``; the server answers ``ok <pid>``.
``quit`` is what ``uninstall-cleanup`` sends: the running app closes its windows and its log file
and exits, so nothing of it is written after the wipe.
"""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from nework_desktop.core import validate
from nework_desktop.core.digest import sha256_hex
from nework_desktop.core.paths import AppPaths

log = logging.getLogger("nework.instance")

COMMANDS = ("activate", "quit")


def server_name(paths: AppPaths) -> str:
    digest = sha256_hex(str(paths.data).encode("utf-8"))[:20]
    return f"nework-desktop-{digest}"


def send_command(paths: AppPaths, command: str, timeout_ms: int = 3000) -> int | None:
    """Send ``command`` to a running instance; return its PID, or None if none is running."""
    if command not in COMMANDS:
        raise ValueError(f"unknown instance command {command!r}")
    socket = QLocalSocket()
    socket.setSocketOptions(_client_options())
    socket.connectToServer(server_name(paths))
    if not socket.waitForConnected(timeout_ms):
        return None
    socket.write(f"{command}\n".encode())
    socket.flush()
    reply = b""
    deadline = time.monotonic() + timeout_ms / 1000
    while b"\n" not in reply and time.monotonic() < deadline:
        if (
            not socket.waitForReadyRead(100)
            and socket.state() != QLocalSocket.LocalSocketState.ConnectedState
        ):
            break
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    text = reply.decode("ascii", "replace").strip()
    if text.startswith("ok "):
        return validate.ascii_int(text[3:]) or 0
    return 0 if text else None


def _socket_options() -> QLocalServer.SocketOption:
    if sys.platform.startswith("linux"):
        return QLocalServer.SocketOption.AbstractNamespaceOption
    return QLocalServer.SocketOption.UserAccessOption


def _client_options() -> QLocalSocket.SocketOption:
    if sys.platform.startswith("linux"):
        return QLocalSocket.SocketOption.AbstractNamespaceOption
    return QLocalSocket.SocketOption.NoOptions


class SingleInstance(QObject):
    """The listening side, owned by the GUI process."""

    activate_requested = Signal()
    quit_requested = Signal()

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(paths)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(_socket_options())
        self._server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        """Start listening; False when another instance already does."""
        if self._server.listen(self._name):
            log.info("single instance: listening as %s", self._name)
            return True
        probe = QLocalSocket()
        probe.setSocketOptions(_client_options())
        probe.connectToServer(self._name)
        if probe.waitForConnected(500):
            probe.disconnectFromServer()
            return False
        # Nobody answers: a stale socket file from a crash (macOS); remove it and retry.
        QLocalServer.removeServer(self._name)
        return self._server.listen(self._name)

    def close(self) -> None:
        self._server.close()

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            if conn is None:  # pragma: no cover - Qt contract
                return
            conn.readyRead.connect(lambda c=conn: self._on_ready(c))
            conn.disconnected.connect(conn.deleteLater)

    def _on_ready(self, conn: QLocalSocket) -> None:
        if not conn.canReadLine():
            return
        command = bytes(conn.readLine().data()).decode("ascii", "replace").strip()
        if command not in COMMANDS:
            log.warning("single instance: ignored an unknown request")
            conn.disconnectFromServer()
            return
        conn.write(f"ok {os.getpid()}\n".encode())
        conn.flush()
        conn.waitForBytesWritten(1000)
        log.info("single instance: %s requested by another process", command)
        if command == "activate":
            self.activate_requested.emit()
        else:
            self.quit_requested.emit()
