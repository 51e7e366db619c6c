"""Test helpers that go with the reference service: the real keyring, a scripted browser, scans.

* :func:`real_keyring` -- the Secret Service backend of the private keyring that
  ``scripts/with-test-keyring`` starts (its own D-Bus session and gnome-keyring daemon in a
  throw-away folder, never the machine's).  Without it the test is skipped -- or fails under
  ``CI=true``, where the keyring must be there.  A new *collection* cannot be created headless
  (gnome-keyring asks for its password through a GUI prompter), so isolation comes from the
  private daemon plus a unique service name per run (:func:`unique_service`).
* :class:`FakeBrowser` -- an ``opener`` that plays the system browser: the app's own stand-in
  (:class:`~nework_desktop.app.standin_browser.StandInBrowser`: redirects, login, consent and
  form_post pages, loopback only), plus the tests' tampering and records.
* :func:`find_secrets` -- which secret strings appear in which files.
"""

from __future__ import annotations

import os
import re
import threading
import uuid
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from nework_desktop.app.standin_browser import StandInBrowser

ENV_TEST_KEYRING = "NEWORK_TEST_KEYRING"


def real_keyring() -> Any:
    """The private Secret Service keyring backend, or skip (fail under CI=true)."""
    reason = ""
    if os.environ.get(ENV_TEST_KEYRING) != "secret-service":
        reason = "no private test keyring: run the tests inside scripts/with-test-keyring"
    else:
        from keyring.backends import SecretService

        keyring_class: Any = SecretService.Keyring
        backend = keyring_class()
        try:
            backend.get_password("nework-probe", "probe")
        except Exception as exc:
            reason = f"the test keyring does not answer: {type(exc).__name__}: {exc}"
        else:
            return backend
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true needs the real keyring: {reason}")
    pytest.skip(reason)


def unique_service() -> str:
    return f"NeWork Desktop test {uuid.uuid4().hex[:12]}"


def keyring_names(backend: Any, service: str) -> list[str]:
    """Names of the entries stored under ``service`` in the Secret Service keyring."""
    collection = backend.get_preferred_collection()
    with closing(collection.connection):
        items = collection.search_items({"service": service})
        return sorted(str(item.get_attributes().get("username", "")) for item in items)


def delete_service(backend: Any, service: str) -> None:
    """Remove whatever a test left under ``service`` (cleanup of last resort)."""
    collection = backend.get_preferred_collection()
    with closing(collection.connection):
        for item in list(collection.search_items({"service": service})):
            item.delete()


@dataclass
class FakeBrowser:
    """An opener that "opens" the URL in a thread, as the stand-in browser (see above)."""

    #: rewrite the authorization URL before fetching it (tests of tampering).
    rewrite: Any = None
    #: follow the provider's "Cancel" link instead of signing in.
    deny: bool = False
    #: the login the provider's sign-in form gets.
    login: str = "hanako"
    urls: list[str] = field(default_factory=list)
    answers: list[tuple[int, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    threads: list[threading.Thread] = field(default_factory=list)
    result: bool = True

    def __call__(self, url: str) -> bool:
        self.urls.append(url)
        target = self.rewrite(url) if self.rewrite is not None else url

        def visit() -> None:
            seen = StandInBrowser(deny=self.deny, login=self.login).visit(target)
            if seen.error:
                self.errors.append(seen.error)
            else:
                self.answers.append((seen.status, seen.text))

        thread = threading.Thread(target=visit, daemon=True)
        self.threads.append(thread)
        thread.start()
        return self.result

    def join(self, timeout: float = 10.0) -> None:
        for thread in self.threads:
            thread.join(timeout)


def files_under(roots: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for root in roots:
        if root.is_file():
            out.append(root)
        elif root.is_dir():
            out.extend(p for p in root.rglob("*") if p.is_file())
    return sorted(set(out))


def find_secrets(files: Iterable[Path], secrets: Iterable[str]) -> list[tuple[str, str]]:
    """(file, secret prefix) for every secret found in a file (digits-only codes as words)."""
    found: list[tuple[str, str]] = []
    wanted = [s for s in set(secrets) if s]
    for path in files:
        data = path.read_bytes()
        for secret in wanted:
            raw = secret.encode()
            if secret.isdigit():
                hit = re.search(rb"(?<!\d)" + re.escape(raw) + rb"(?!\d)", data) is not None
            else:
                hit = raw in data
            if hit:
                found.append((str(path), secret[:6] + "…"))
    return found
