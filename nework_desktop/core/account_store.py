"""What the app keeps of an account on disk: the summary, and the e-mail helpers (Art. 3).

``paths.data / "account.json"`` holds the provider, the masked e-mail address, the time of
sign-in and whether the tokens are kept across restarts -- the only account data on disk.
The tokens live in the OS keyring only (:mod:`nework_desktop.core.secrets`), the full address
in memory only (:mod:`nework_desktop.services.account`).  No Qt, no network here.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from nework_desktop.core import storage
from nework_desktop.core.paths import AppPaths

log = logging.getLogger("nework.account")

ACCOUNT_FILE = "account.json"
ACCOUNT_SCHEMA = 1


# -- e-mail addresses ---------------------------------------------------------------------------

_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")


def validate_email(text: str) -> str:
    """Return the address, trimmed, with its domain lower-cased; raise ValueError if invalid.

    A practical subset of RFC 5321/5322: a dot-atom local part (no quoted strings), a domain of
    at least two labels (internationalised domains through IDNA), at most 254 characters.
    """
    address = text.strip()
    if not address:
        raise ValueError("empty")
    if len(address) > 254 or address.count("@") != 1:
        raise ValueError("format")
    local, domain = address.split("@")
    if not local or len(local) > 64 or not _LOCAL.match(local):
        raise ValueError("local part")
    try:
        ascii_domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise ValueError("domain") from None
    labels = ascii_domain.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        raise ValueError("domain")
    if labels[-1].isdigit():
        raise ValueError("domain")
    return f"{local}@{domain.lower()}"


def mask_email(address: str) -> str:
    """``hanako@example.com`` → ``h***@example.com`` (as the log masking does)."""
    if "@" not in address:
        return "***" if address else ""
    local, domain = address.rsplit("@", 1)
    return f"{local[:1]}***@{domain}"


# -- summary ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountSummary:
    """What the app remembers about the account on disk (no secret, no full address)."""

    provider: str
    masked_email: str
    signed_in_at: str
    persistent: bool

    def to_json(self) -> str:
        return json.dumps(
            {
                "schema": ACCOUNT_SCHEMA,
                "provider": self.provider,
                "masked_email": self.masked_email,
                "signed_in_at": self.signed_in_at,
                "persistent": self.persistent,
            },
            indent=2,
            ensure_ascii=False,
        )


def account_path(paths: AppPaths) -> Path:
    return paths.data / ACCOUNT_FILE


#: The summary is a few hundred bytes; anything this large is not ours.
MAX_SUMMARY_BYTES = 64 * 1024


def read_summary(paths: AppPaths) -> AccountSummary | None:
    """The stored summary, or None (missing or damaged; reading never creates anything)."""
    try:
        raw = storage.read_json(account_path(paths), limit=MAX_SUMMARY_BYTES)
    except (OSError, storage.FileDamaged) as exc:
        log.warning("account summary unreadable (%s): treated as signed out", exc)
        return None
    if not isinstance(raw, dict):
        return None
    fields = (raw.get("provider"), raw.get("masked_email"), raw.get("signed_in_at"))
    if not all(isinstance(f, str) for f in fields):
        return None
    provider, masked, when = (str(f) for f in fields)
    return AccountSummary(provider, masked, when, raw.get("persistent") is True)


def write_summary(paths: AppPaths, summary: AccountSummary) -> None:
    paths.ensure("data")
    storage.atomic_write(account_path(paths), summary.to_json().encode("utf-8"))
