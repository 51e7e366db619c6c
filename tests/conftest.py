"""Test setup shared by every test: headless Qt, a sandboxed home, and the common fixtures.

This runs before anything imports Qt: the platform is forced to ``offscreen`` here (not by hand),
``HOME`` and the XDG variables point into a throw-away folder for the whole session, and a final
check fails the run if anything of NeWork appeared in the real home.

The fixtures most tests share are defined here once (``base``, ``paths``, ``policy``, ``bundled``,
``key``, ``svc``, ``backend``);
a test module that needs a different one (another base folder, a service with a policy feed, a
keyring emptied around the test) defines its own, which overrides these. They import the app
inside the fixture, so nothing of it loads before the environment above is in place.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from nework_desktop.qtcompat import protect_singletons

if TYPE_CHECKING:
    from nework_desktop.core.paths import AppPaths
    from nework_desktop.core.policy import Policy
    from nework_desktop.qa.refservice.signing import FeedKey
    from tests.helpers import ManagerFactory
    from tests.refservice import RefService

REAL_HOME = Path(os.path.expanduser("~"))
_SESSION_DIR = Path(tempfile.mkdtemp(prefix="nework-tests-"))

_XDG_VARS = (
    "XDG_DATA_HOME",
    "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME",
    "XDG_STATE_HOME",
    "XDG_DATA_DIRS",
    "XDG_CONFIG_DIRS",
)


def _real_home_residue() -> set[str]:
    candidates = [
        ".local/share/NeWork",
        ".config/NeWork",
        ".cache/NeWork",
        ".local/state/NeWork",
        ".config/QtProject.conf",
        "Library/Application Support/NeWork",
        "AppData",
    ]
    return {c for c in candidates if (REAL_HOME / c).exists()}


_RESIDUE_BEFORE = _real_home_residue()


def _prepare_environment() -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["QT_ACCESSIBILITY"] = "1"
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = os.environ["QTWEBENGINE_CHROMIUM_FLAGS"]
        if "--no-sandbox" not in flags:
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()
    home = _SESSION_DIR / "home"
    home.mkdir()
    os.environ["HOME"] = str(home)
    runtime = _SESSION_DIR / "runtime"
    runtime.mkdir(mode=0o700)
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    for var in (
        *_XDG_VARS,
        "NEWORK_BASEDIR",
        "NEWORK_SIMULATE_OS",
        "NEWORK_POLICY_DIR",
        "NEWORK_POLICY_DEV_KEYS",
        "NEWORK_SERVICE_URL",
    ):
        os.environ.pop(var, None)
    os.environ["LANG"] = "C.UTF-8"
    os.environ.pop("LANGUAGE", None)
    os.environ.pop("LC_ALL", None)


_prepare_environment()
protect_singletons()  # PySide6 6.12 on Python 3.11: see nework_desktop/qtcompat.py


@pytest.fixture(scope="session", autouse=True)
def _real_home_untouched() -> Iterator[None]:
    yield
    appeared = _real_home_residue() - _RESIDUE_BEFORE
    shutil.rmtree(_SESSION_DIR, ignore_errors=True)
    assert not appeared, f"tests wrote into the real home: {sorted(appeared)}"


@pytest.fixture
def sandbox_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty HOME (and Windows-style AppData variables) for one test."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("APPDATA", str(home / "AppData" / "Roaming"))
    monkeypatch.setenv("LOCALAPPDATA", str(home / "AppData" / "Local"))
    return home


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """The app's base folder of one test (``NEWORK_BASEDIR``; not created)."""
    return tmp_path / "base"


@pytest.fixture
def paths(base: Path) -> AppPaths:
    """The app's folders under ``base`` (nothing created yet)."""
    from nework_desktop.core.paths import AppPaths

    return AppPaths.from_environment(basedir=base)


@pytest.fixture(scope="module")
def policy() -> Policy:
    """The shipped policy (immutable, so one per test module)."""
    from nework_desktop.core.policy import load_policy

    return load_policy()


@pytest.fixture(scope="module")
def bundled(policy: Policy) -> Policy:
    """The shipped policy, where a test compares it with a feed's or a stored one."""
    return policy


@pytest.fixture(scope="module")
def key() -> FeedKey:
    """A policy-feed signing key (one per test module)."""
    from nework_desktop.qa.refservice.signing import generate_key

    return generate_key()


@pytest.fixture
def svc() -> Iterator[RefService]:
    """The reference service on loopback, with its default accounts and no policy feed."""
    from tests.refservice import RefService

    with RefService() as service:
        yield service


@pytest.fixture
def make_manager(svc: RefService, paths: AppPaths) -> Iterator[ManagerFactory]:
    """``make(store=None, *, url, env, flow_timeout, read_timeout, monotonic)``: an account
    manager on ``paths`` talking to ``svc`` (its OpenID issuer too, unless ``env`` says other)
    without waiting between retries; its HTTP clients are closed after the test."""
    from nework_desktop.core.secrets import SecretStore
    from nework_desktop.net.http import HttpClient
    from nework_desktop.net.oauth.providers import load_providers
    from nework_desktop.net.service import ServiceClient
    from nework_desktop.services.account import AccountManager

    clients: list[ServiceClient] = []

    def make(
        store: SecretStore | None = None,
        *,
        url: str | None = None,
        env: dict[str, str] | None = None,
        flow_timeout: float = 10.0,
        read_timeout: float = 5.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> AccountManager:
        http = HttpClient(sleep=lambda s: None, timeout=(2.0, read_timeout))
        client = ServiceClient(url or svc.url, http)
        clients.append(client)
        environ = {"NEWORK_OAUTH_ISSUER_OVERRIDE": svc.url} if env is None else env
        return AccountManager(
            paths,
            store if store is not None else SecretStore(paths, None),
            client,
            providers=load_providers(None, environ),
            flow_timeout=flow_timeout,
            monotonic=monotonic,
        )

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def service_name(backend: Any) -> Iterator[str]:
    """A keyring service name of this test only, checked empty and removed afterwards."""
    from tests.refservice.testing import delete_service, keyring_names, unique_service

    name = unique_service()
    yield name
    leftover = keyring_names(backend, name)
    delete_service(backend, name)
    assert leftover == [], f"keyring entries left behind: {leftover}"


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """keyring's own "no backend" (fail.Keyring), as on a machine without a keyring; also for
    code that picks the platform's backend itself (it obeys ``PYTHON_KEYRING_BACKEND``)."""
    import keyring.core
    from keyring.backends import fail

    no_backend: Any = fail.Keyring
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", no_backend())


@pytest.fixture
def backend() -> Any:
    """The private Secret Service keyring backend (skips outside scripts/with-test-keyring)."""
    from tests.refservice.testing import real_keyring

    return real_keyring()
