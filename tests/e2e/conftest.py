"""Fixtures the end-to-end tests share: a home folder, the app's secrets in the real keyring or in
memory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nework_desktop.core.paths import AppPaths
from nework_desktop.core.secrets import SecretStore
from tests.helpers import RealKeyring


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An empty home folder for the app under test (created)."""
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture
def kr(paths: AppPaths, backend: Any, service_name: str) -> RealKeyring:
    return RealKeyring(paths, backend, service_name)


@pytest.fixture
def memory_store(paths: AppPaths, no_keyring: None) -> Callable[[], SecretStore]:
    """SecretStore.open with no keyring backend at all (keyring's fail.Keyring): memory only."""
    return lambda: SecretStore.open(paths)
