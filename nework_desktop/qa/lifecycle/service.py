"""The NeWork service the app talks to during the run.

* ``--service-url URL``: a test service on this machine (:func:`check_service_option`), which
  must answer its health check before anything runs (:func:`probe_service`);
* otherwise the reference service that ships with the tool
  (:mod:`nework_desktop.qa.refservice`), started here on :data:`REFERENCE_HOST` for the run and
  stopped at its end; its record of requests and ``/workspace`` visits feeds the checks;
* when that cannot start either, the steps that need a service are skipped, and the report
  says why (:attr:`ServiceForRun.note`).

The reference service started here publishes the policy the app ships as its signed policy feed
and acknowledges consent receipts; the app is told to trust its key (``NEWORK_POLICY_DEV_KEYS``,
honoured by a development build only), so the run makes the app keep a fetched policy, a
receipt queue and acknowledgements -- which the wipe must then remove.  A service given with
``--service-url`` is asked for its key at its test-only ``/_test/signing-key``
(:func:`dev_keys_of`; none: the app verifies nothing of it).
"""

from __future__ import annotations

import contextlib
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from nework_desktop.core.prefs import PrefsError, check_service_url
from nework_desktop.core.urls import is_loopback_url
from nework_desktop.qa.common import EXIT_ENVIRONMENT, EXIT_USAGE, QAError
from nework_desktop.qa.refservice import RefService
from nework_desktop.resources import resource_path

#: How long the service given with ``--service-url`` gets to answer its health check.
SERVICE_CHECK_TIMEOUT = 10.0
#: Where the reference service of a run listens (on a free port): this machine only.
REFERENCE_HOST = "127.0.0.1"
#: How a QA engineer starts a test service of their own (in messages).
START_ONE = "'nework-qa refservice --port 8765'"


def check_service_option(value: str) -> str:
    """``--service-url``, cleaned; :class:`QAError` (usage) for a URL the run cannot use.

    The app's automation reads the e-mail code from the test service's test-only endpoint, and
    the app asks that of a loopback service only: so the service must run on this machine.
    """
    try:
        url = check_service_url(value.strip())
    except PrefsError as exc:
        raise QAError(f"--service-url: {exc}", EXIT_USAGE) from None
    if not is_loopback_url(url):
        raise QAError(
            f"--service-url {url}: the sign-in automation only works with a test service on "
            f"this machine (127.0.0.1, ::1 or localhost), e.g. {START_ONE}",
            EXIT_USAGE,
        )
    return url


def probe_service(url: str, timeout: float = SERVICE_CHECK_TIMEOUT) -> None:
    """``GET <url>/api/v1/health`` must answer with a JSON object; else :class:`QAError`."""
    # No proxy: the service is on this machine, and a proxy variable must not reroute it.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    health = f"{url}/api/v1/health"
    try:
        with opener.open(health, timeout=timeout) as reply:
            data = json.loads(reply.read(65536).decode("utf-8", "replace"))
    except urllib.error.HTTPError as exc:
        why = f"HTTP {exc.code}"
    except (OSError, ValueError) as exc:
        why = str(getattr(exc, "reason", None) or exc)
    else:
        if isinstance(data, dict):
            return
        why = "its answer is not a JSON object"
    raise QAError(
        f"the service given with --service-url does not answer ({health}: {why}); start it "
        f"first, e.g. {START_ONE}",
        EXIT_ENVIRONMENT,
    )


def dev_keys_of(url: str, timeout: float = SERVICE_CHECK_TIMEOUT) -> str | None:
    """A test service's signing key as ``NEWORK_POLICY_DEV_KEYS`` wants it, or None."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{url}/_test/signing-key", timeout=timeout) as reply:
            data = json.loads(reply.read(65536).decode("utf-8", "replace"))
    except (OSError, ValueError):
        return None
    value = data.get("dev_keys") if isinstance(data, dict) else None
    return value if isinstance(value, str) and value.isprintable() and len(value) < 200 else None


@dataclass
class ServiceForRun:
    """The NeWork service the app talks to during the run (or why there is none)."""

    url: str | None
    source: str | None  # "--service-url" | "reference" | None
    note: str
    #: The reference service started in this process (requests can be counted), or None.
    reference: RefService | None = None

    @classmethod
    def open(cls, given: str | None) -> ServiceForRun:
        if given is not None:
            return cls(given, "--service-url", "the test service given with --service-url")
        # tags=True: its page tries to load the GA and KARTE tags (safe: HOST_RESOLVER_RULES).
        # The feed publishes the shipped policy: the app verifies it and keeps it (no dialog).
        service = RefService(
            host=REFERENCE_HOST, port=0, tags=True, policy_feed=resource_path("policy")
        )
        try:
            service.start()
        except OSError as exc:
            return cls(
                None,
                None,
                "no NeWork service for the run: --service-url was not given and the reference "
                f"service could not start on {REFERENCE_HOST}: {exc.strerror or exc}; pass "
                "--service-url of a test service",
            )
        note = "the reference service (nework-qa refservice), started for this run"
        return cls(service.url, "reference", note, service)

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "source": self.source, "note": self.note}

    def dev_keys(self) -> str | None:
        """The ``NEWORK_POLICY_DEV_KEYS`` value that makes the app trust this service's key."""
        if self.reference is not None:
            return self.reference.signing_key.dev_keys_value()
        return dev_keys_of(self.url) if self.url is not None else None

    def mark(self) -> tuple[int, int]:
        """Where the reference service's records stand now (requests, ``/workspace`` visits)."""
        if self.reference is None:
            return 0, 0
        return len(self.reference.requests), len(self.reference.workspace_visits)

    def requests_since(self, mark: tuple[int, int]) -> dict[str, int]:
        """``"METHOD path" → count`` of what the app asked the reference service since ``mark``."""
        counts: dict[str, int] = {}
        if self.reference is not None:
            for request in list(self.reference.requests)[mark[0] :]:
                key = f"{request.method} {request.path}"
                counts[key] = counts.get(key, 0) + 1
        return counts

    def workspace_visits_since(self, mark: tuple[int, int]) -> list[dict[str, Any]]:
        """The reference service's record of each ``/workspace`` load since ``mark``."""
        if self.reference is None:
            return []
        return [v.to_json() for v in list(self.reference.workspace_visits)[mark[1] :]]

    def stop(self) -> None:
        if self.reference is not None:
            with contextlib.suppress(Exception):
                self.reference.stop()
            self.reference = None
