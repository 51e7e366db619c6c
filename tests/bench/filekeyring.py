"""A throw-away keyring backend for benchmark runs without a private Secret Service.

The signed-in state of P2 must survive from one process to the next, so the app needs a keyring
that persists.  The harness prefers the real Secret Service of a private gnome-keyring daemon
(``scripts/with-test-keyring``); where that is missing (macOS and Windows development machines,
where the real keychain must not receive benchmark sessions) it selects this backend with
``PYTHON_KEYRING_BACKEND=tests.bench.filekeyring.FileKeyring``: plain JSON in the file named by
``NEWORK_BENCH_KEYRING_FILE``, inside the benchmark's temporary folder.  Never for real secrets.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend

ENV_FILE = "NEWORK_BENCH_KEYRING_FILE"


class FileKeyring(KeyringBackend):
    """Secrets as JSON in one file (benchmarks only)."""

    priority: Any = 0.1

    def _path(self) -> Path:
        return Path(os.environ[ENV_FILE])

    def _load(self) -> dict[str, str]:
        try:
            data = json.loads(self._path().read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return {str(k): str(v) for k, v in data.items()}

    def _save(self, data: dict[str, str]) -> None:
        self._path().write_text(json.dumps(data), encoding="utf-8")

    @staticmethod
    def _key(service: str, username: str) -> str:
        return json.dumps([service, username])

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(self._key(service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[self._key(service, username)] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        data = self._load()
        if data.pop(self._key(service, username), None) is None:
            raise PasswordDeleteError(username)
        self._save(data)
