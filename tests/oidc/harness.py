"""node-oidc-provider (a certified OpenID provider nobody here wrote) on 127.0.0.1, for tests.

:class:`NodeProvider` starts ``node tests/oidc/provider.mjs`` with a configuration file (its
signing keys come from :func:`tests.refservice.generate`: made by ``cryptography``, handed over
as JWKs by ``joserfc``), reads the issuer it prints, and offers the script's test-only controls
(faults, key rotation, request counts).  The provider is installed by ``npm ci`` in this folder
(``.ci/run`` does it, from the committed ``package-lock.json``); without node or the installed
package, :func:`require_node_provider` skips the test -- or fails it under ``CI=true``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from nework_desktop.qa.refservice.keys import SigningKey, generate, private_jwk, public_jwk

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "provider.mjs"
PACKAGE = HERE / "node_modules" / "oidc-provider" / "package.json"
START_TIMEOUT = 30.0


def require_node_provider() -> str:
    """The ``node`` executable, or skip (fail under ``CI=true``) with the reason."""
    node = shutil.which("node")
    reason = ""
    if node is None:
        reason = "node is not installed (apt-get install nodejs npm)"
    elif not PACKAGE.is_file():
        reason = f"node-oidc-provider is not installed: run 'npm ci' in {HERE}"
    if not reason:
        assert node is not None
        return node
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true needs node-oidc-provider: {reason}")
    pytest.skip(reason)


def keys_for(alg: str) -> list[SigningKey]:
    """A fresh signing key for ``alg`` (RSA for RS256/PS256, EC P-256 for ES256)."""
    return [generate(alg=alg)]


class NodeProvider:
    """One node-oidc-provider process on 127.0.0.1 (use as a context manager)."""

    def __init__(
        self,
        workdir: Path,
        *,
        alg: str = "RS256",
        keys: list[SigningKey] | None = None,
        algs: list[str] | None = None,
        trailing_slash: bool = False,
        email_in_id_token: bool = False,
        client_id: str = "nework-desktop-dev",
    ) -> None:
        self.node = require_node_provider()
        self.workdir = workdir
        self.keys = keys or keys_for(alg)
        self.config: dict[str, Any] = {
            "port": 0,
            "trailing_slash": trailing_slash,
            "alg": alg,
            "algs": algs or ["RS256", "PS256", "ES256"],
            "client_id": client_id,
            "email_in_id_token": email_in_id_token,
        }
        self.issuer = ""
        self.port = 0
        self.process: subprocess.Popen[str] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def public_keys(self) -> list[dict[str, Any]]:
        return [public_jwk(k) for k in self.keys]

    def start(self) -> NodeProvider:
        self.workdir.mkdir(parents=True, exist_ok=True)
        config = self.workdir / "provider.json"
        config.write_text(
            json.dumps({**self.config, "keys": [private_jwk(k) for k in self.keys]}),
            encoding="utf-8",
        )
        log = (self.workdir / "provider.log").open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [self.node, str(SCRIPT), str(config)],
            cwd=HERE,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        log.close()
        line: list[str] = []
        stdout = self.process.stdout
        assert stdout is not None
        reader = threading.Thread(target=lambda: line.append(stdout.readline()), daemon=True)
        reader.start()
        reader.join(START_TIMEOUT)
        if not line or not line[0].strip():
            self.stop()
            errors = (self.workdir / "provider.log").read_text(encoding="utf-8")[-2000:]
            raise RuntimeError(f"node-oidc-provider did not start: {errors}")
        started = json.loads(line[0])
        self.issuer, self.port = str(started["issuer"]), int(started["port"])
        return self

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.process = None

    def __enter__(self) -> NodeProvider:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- the script's test-only controls ------------------------------------------------------

    def _control(self, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(  # noqa: S310 - the loopback provider of this test
            f"{self.base}/__test__/{path}",
            data=data,
            method="POST" if data is not None else "GET",
            headers={"Content-Type": "application/json"},
        )
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(request, timeout=10) as reply:
            answer = json.loads(reply.read())
        assert isinstance(answer, dict)
        return answer

    def faults(self, **faults: Any) -> None:
        """``jwks_status``, ``claims``, ``header``, ``signature`` (see provider.mjs)."""
        self._control("faults", faults)

    def rotate(self, keys: list[SigningKey]) -> None:
        """The provider starts over with ``keys`` (the first one of an algorithm signs)."""
        self.keys = keys
        self._control("keys", {"keys": [private_jwk(k) for k in keys]})

    def stats(self) -> dict[str, int]:
        """``"METHOD /path"`` → how many times it was asked."""
        return {str(k): int(v) for k, v in self._control("stats").items()}

    def count(self, key: str) -> int:
        return self.stats().get(key, 0)
