"""Builders shared by tests: policy folders with a newer version, ledgers with a record, the
keys a test trusts for the signed policy feed, a listing of a folder, the real keyring under a
service name of one test, the app run as a command. (Fixtures shared by many files live in the
conftest.py files.)"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from nework_desktop.core.consent import ConsentLedger, ConsentRecord, Decision
from nework_desktop.core.egress import EgressPolicy, EgressState
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy
from nework_desktop.core.policy.trust import USES, KeyList, Trust
from nework_desktop.core.secrets import SecretStore
from nework_desktop.core.signed import TrustedKey
from nework_desktop.net.http import HttpClient
from nework_desktop.net.service import ServiceClient, Session
from nework_desktop.qa.refservice.signing import FeedKey
from nework_desktop.resources import resource_path
from tests.refservice.testing import keyring_names

if TYPE_CHECKING:
    from collections.abc import Callable

    from nework_desktop.core.account_store import AccountSummary
    from nework_desktop.services.account import AccountManager
    from nework_desktop.ui.registration import RegistrationDialog
    from tests.refservice import RefService

#: ``python -m nework_desktop`` of this checkout.
APP: tuple[str, ...] = (sys.executable, "-m", "nework_desktop")


def app_env(
    home: Path, extra: dict[str, str] | None = None, *, layout: str | None = None
) -> dict[str, str]:
    """The environment a test runs the app in: none of the machine's ``XDG_``/``NEWORK_``
    variables, ``HOME`` = ``home``, Qt offscreen, the session's runtime folder (the single-instance
    channel); ``layout`` simulates that OS's folders (Windows' AppData inside ``home``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NEWORK_"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    if "XDG_RUNTIME_DIR" in os.environ:
        env["XDG_RUNTIME_DIR"] = os.environ["XDG_RUNTIME_DIR"]
    if layout is not None:
        env.update(
            NEWORK_SIMULATE_OS=layout,
            APPDATA=str(home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(home / "AppData" / "Local"),
        )
    env.update(extra or {})
    return env


def run_app(
    *args: str,
    env: dict[str, str],
    timeout: float = 120,
    command: tuple[str, ...] = APP,
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` (the app) with ``args`` to its end, text output captured, no stdin."""
    return subprocess.run(
        [*command, *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


# What the GUI conftest's make_manager / make_dialog fixtures give (Qt is not imported here).
ManagerFactory: TypeAlias = "Callable[..., AccountManager]"
DialogFactory: TypeAlias = "Callable[..., RegistrationDialog]"


def shipped_copy(folder: Path) -> Path:
    """A copy of the shipped policy folder at ``folder`` (e.g. what a feed publishes)."""
    shutil.copytree(resource_path("policy"), folder)
    return folder


def policy_with_new_version(
    tmp_path: Path, version: str, *, material: bool, summary_en: str = "What changed."
) -> Path:
    """A copy of the shipped policy folder whose current version is ``version``."""
    root = tmp_path / "policy"
    shutil.copytree(resource_path("policy"), root)
    return add_version(root, version, material=material, summary_en=summary_en)


def add_version(
    root: Path, version: str, *, material: bool, summary_en: str = "What changed."
) -> Path:
    """Add ``version`` (a copy of the current one, with its revision) to the policy folder
    ``root`` and make it current; returns ``root``."""
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    old = index["current"]
    shutil.copytree(root / old, root / version)
    meta_path = root / version / "policy.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["version"] = version
    meta["effective_date"] = version
    meta["material"] = material
    summary = {"ja": "変更点の要約（テスト）。", "en": summary_en}
    meta["change_summary"] = summary
    meta["revisions"].append(
        {
            "version": version,
            "announced": version,
            "effective": version,
            "reference": "TEST-1",
            "material": material,
            "summary": summary,
        }
    )
    meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    index["current"] = version
    index["versions"].append(version)
    (root / "index.json").write_text(json.dumps(index), encoding="utf-8")
    return root


def record_acceptance(
    paths: AppPaths, policy: Policy, *, version: str | None = None, locale: str = "ja"
) -> ConsentRecord:
    return ConsentLedger(paths).record(
        Decision.ACCEPTED,
        policy_id=policy.policy_id,
        policy_version=version or policy.version,
        text_sha256=policy.text_sha256(locale),
        locale=locale,
        modules=policy.default_module_choices(),
    )


def trust_of(*keys: FeedKey, uses: tuple[str, ...] = USES, list_version: int = 1) -> Trust:
    """A trust anchor holding ``keys`` (the reference service's Ed25519 keys)."""
    return Trust(
        KeyList(
            list_version,
            {k.key_id: TrustedKey(k.key_id, k.public_bytes, frozenset(uses)) for k in keys},
        )
    )


def egress_client(
    url: str, policy: Policy, *, consented: bool = True, attempts: int = 1
) -> tuple[ServiceClient, EgressPolicy]:
    """A service client whose HTTP client asks these egress rules first, as the app's does."""
    egress = EgressPolicy(policy, url, state=EgressState(consented, {}))
    http = HttpClient(before_request=egress.allows, attempts=attempts, timeout=(2, 5))
    return ServiceClient(url, http), egress


def tree(root: Path) -> list[str]:
    """Every entry below ``root``, relative, sorted (for "nothing was written" assertions)."""
    if not root.exists():
        return []
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


@dataclass
class RealKeyring:
    """The private Secret Service keyring under a service name of this test only."""

    paths: AppPaths
    backend: Any
    service: str

    def store(self) -> SecretStore:
        """A new SecretStore each call (a new one = a restarted app)."""
        return SecretStore(self.paths, self.backend, service=self.service)

    def names(self) -> list[str]:
        return keyring_names(self.backend, self.service)


class Sleeps(list[float]):
    """A ``sleep`` that records the delays it was asked for (and sleeps not at all)."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def make_client(url: str, sleeps: Sleeps, **kwargs: Any) -> ServiceClient:
    """A service client with short timeouts whose retries only record their delays."""
    http = HttpClient(sleep=sleeps, timeout=(2.0, 2.0), **kwargs)
    return ServiceClient(url, http)


def email_sign_in(
    svc: RefService, manager: AccountManager, email: str = "hanako@example.com"
) -> AccountSummary:
    """Sign ``manager`` in by e-mail at the reference service (the code it sent, read back)."""
    request = manager.request_email_code(email, "ja")
    code = svc.last_code(email)
    assert code is not None
    return manager.verify_email_code(request, code)


def signed_in(svc: RefService, client: ServiceClient, email: str = "taro@example.com") -> Session:
    """An e-mail sign-in through ``client``, with the code the reference service sent."""
    request = client.request_email_code(email)
    code = svc.last_code(email)
    assert code is not None
    return client.verify_email_code(request.request_id, code)


#: CRED_MAX_CREDENTIAL_BLOB_SIZE: what Windows Credential Manager keeps of one credential's secret.
CREDENTIAL_BLOB_BYTES = 5 * 512


class CredentialManagerStandIn:
    """A test double of Windows Credential Manager, which cannot exist on this machine: entries
    in a dict, and a write of more than 2,560 bytes of UTF-16 refused the way ``CredWrite`` is
    (error 1783, "The stub received bad data")."""

    def __init__(self) -> None:
        self.stored: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, name: str, value: str) -> None:
        if len(value.encode("utf-16-le")) > CREDENTIAL_BLOB_BYTES:
            raise OSError(1783, "CredWrite", "The stub received bad data.")
        self.stored[(service, name)] = value

    def get_password(self, service: str, name: str) -> str | None:
        return self.stored.get((service, name))

    def delete_password(self, service: str, name: str) -> None:
        if self.stored.pop((service, name), None) is None:
            from keyring.errors import PasswordDeleteError

            raise PasswordDeleteError("not found")

    def names(self) -> list[str]:
        return sorted(name for _, name in self.stored)
