"""Fixtures the end-to-end tests share: a home folder, the app's secrets in the real keyring or in
memory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring.core
import pytest
from keyring.backends import fail

from nework_desktop.core.paths import AppPaths
from nework_desktop.core.secrets import SecretStore
from tests.helpers import RealKeyring
from tests.refservice.testing import delete_service, keyring_names, unique_service


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An empty home folder for the app under test (created)."""
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture
def service_name(backend: Any) -> Iterator[str]:
    """A keyring service name of this test only, checked empty and removed afterwards."""
    name = unique_service()
    yield name
    leftover = keyring_names(backend, name)
    delete_service(backend, name)
    assert leftover == [], f"keyring entries left behind: {leftover}"


@pytest.fixture
def kr(paths: AppPaths, backend: Any, service_name: str) -> RealKeyring:
    return RealKeyring(paths, backend, service_name)


@pytest.fixture
def memory_store(paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> Callable[[], SecretStore]:
    """SecretStore.open with no keyring backend at all (keyring's fail.Keyring): memory only."""
    no_backend: Any = fail.Keyring
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", no_backend())
    return lambda: SecretStore.open(paths)
