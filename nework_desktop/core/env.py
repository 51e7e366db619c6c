"""Every ``NEWORK_*`` environment variable the app reads, in one place.

=====================================  ========================================================
variable                               meaning
=====================================  ========================================================
``NEWORK_BASEDIR``                     every owned root under this folder (like ``--basedir``)
``NEWORK_SIMULATE_OS``                 compute the roots as ``windows``, ``macos`` or ``linux``
``NEWORK_POLICY_DIR``                  read the policy from this folder (development, tests)
``NEWORK_POLICY_DEV_KEYS``             also trust these keys for the policy feed and the consent
                                       acknowledgements (development runs only: a release
                                       build ignores it; ``nework-qa refservice`` prints it)
``NEWORK_SERVICE_URL``                 the NeWork service (else the ``service_url`` preference)
``NEWORK_OAUTH_<P>_CLIENT_ID``         OAuth client id of provider P (GOOGLE, APPLE, …)
``NEWORK_OAUTH_<P>_CLIENT_SECRET``     its client secret, for providers that hand one out
``NEWORK_OAUTH_<P>_ISSUER``            send provider P to this OpenID issuer (discovery)
``NEWORK_OAUTH_ISSUER_OVERRIDE``       send every provider to this issuer (development)
``NEWORK_DEBUG``                       show tracebacks instead of the one-line errors
=====================================  ========================================================

The readers take the mapping to read (``os.environ`` by default), so tests pass their own.
No Qt here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Final

BASEDIR: Final = "NEWORK_BASEDIR"
SIMULATE_OS: Final = "NEWORK_SIMULATE_OS"
POLICY_DIR: Final = "NEWORK_POLICY_DIR"
POLICY_DEV_KEYS: Final = "NEWORK_POLICY_DEV_KEYS"
SERVICE_URL: Final = "NEWORK_SERVICE_URL"
ISSUER_OVERRIDE: Final = "NEWORK_OAUTH_ISSUER_OVERRIDE"
DEBUG: Final = "NEWORK_DEBUG"


def get(name: str, environ: Mapping[str, str] | None = None) -> str:
    """The variable's value, stripped ("" when unset)."""
    return (os.environ if environ is None else environ).get(name, "").strip()


def policy_dir(environ: Mapping[str, str] | None = None) -> Path | None:
    """The policy folder override (``NEWORK_POLICY_DIR``), else None (the shipped policy)."""
    value = get(POLICY_DIR, environ)
    return Path(value) if value else None


def release_build() -> bool:
    """True in a release build (the frozen bundle the installers ship), which honours no
    development override of what it trusts (``NEWORK_POLICY_DEV_KEYS``)."""
    return bool(getattr(sys, "frozen", False))


def debug(environ: Mapping[str, str] | None = None) -> bool:
    return bool(get(DEBUG, environ))


def oauth(provider: str, what: str, environ: Mapping[str, str] | None = None) -> str:
    """``NEWORK_OAUTH_<PROVIDER>_<WHAT>`` (``CLIENT_ID``, ``CLIENT_SECRET``, ``ISSUER``) or ""."""
    return get(f"NEWORK_OAUTH_{provider.upper()}_{what}", environ)
