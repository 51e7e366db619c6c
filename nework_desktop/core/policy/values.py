"""The values the policy files hold: ids, dates, version ids, https URLs, host patterns, texts.

Each check takes the location (:class:`core.validate.At`) and the raw JSON value and returns it
typed, or fails there with :class:`PolicyError` (through :func:`at_file`).  Shared by the schema
of ``policy.json`` (:mod:`.schema`) and the loader's ``index.json`` (:mod:`.loader`).  No Qt, no
I/O here.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Final

from nework_desktop.core import validate
from nework_desktop.core.policy.model import (
    CollectionMethod,
    LocalizedText,
    Plan,
    Platform,
    PolicyError,
    is_host_name,
)
from nework_desktop.core.urls import split_url
from nework_desktop.core.validate import describe

__all__ = [
    "COLLECTIONS",
    "PLANS",
    "PLATFORMS",
    "POLICY_ID_RE",
    "TEXT_FILE_RE",
    "at_file",
    "host_pattern",
    "https_url",
    "identifier",
    "iso_date",
    "localized",
    "version_id",
]

PLANS: Final[Mapping[str, Plan]] = {"all": "all", "enterprise": "enterprise"}
COLLECTIONS: Final[Mapping[str, CollectionMethod]] = {
    "manual": "manual",
    "automatic": "automatic",
}
PLATFORMS: Final[Mapping[str, Platform]] = {
    "windows": "windows",
    "macos": "macos",
    "linux": "linux",
    "ios": "ios",
    "android": "android",
}

_ISO_DATE_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_ID_RE: Final = re.compile(r"[a-z][a-z0-9_]*", re.ASCII)
POLICY_ID_RE: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
TEXT_FILE_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.md", re.ASCII)


def at_file(file: str) -> validate.At:
    """The top of ``file``: a failed check there raises :class:`PolicyError` naming the file."""

    def error(location: str, detail: str) -> PolicyError:
        return PolicyError(file, location, detail)

    return validate.At("", error)


def identifier(at: validate.At, value: object) -> str:
    if not isinstance(value, str) or _ID_RE.fullmatch(value) is None:
        at.fail(
            "expected an id (lowercase letters, digits and '_', starting with a letter), "
            f"got {describe(value)}"
        )
    return value


def iso_date(at: validate.At, value: object) -> datetime.date:
    if isinstance(value, str) and _ISO_DATE_RE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    at.fail(f"expected an ISO date 'YYYY-MM-DD', got {describe(value)}")


def version_id(at: validate.At, value: object) -> str:
    return iso_date(at, value).isoformat()


def https_url(at: validate.At, value: object) -> str:
    problem = "expected an https:// URL"
    if not isinstance(value, str):
        at.fail(f"{problem}, got {describe(value)}")
    if not value.startswith("https://") or any(c.isspace() or ord(c) < 0x20 for c in value):
        at.fail(f"{problem}, got {value!r}")
    parts = split_url(value)
    if parts is None:
        at.fail(f"{problem}, got {value!r}")
    host = parts.hostname or ""
    if parts.username is not None or parts.password is not None or not is_host_name(host):
        at.fail(f"{problem} with a host name and no user info, got {value!r}")
    if parts.port == 0:
        at.fail(f"{problem}, got {value!r}")
    return value


def host_pattern(at: validate.At, value: object) -> str:
    if isinstance(value, str):
        name = value[2:] if value.startswith("*.") else value
        if is_host_name(name):
            return value
    at.fail(f"expected a host name or '*.domain', got {describe(value)}")


def localized(at: validate.At, value: object) -> LocalizedText:
    obj = at.obj(value, ("ja", "en"))
    return LocalizedText(ja=at.key("ja").text(obj["ja"]), en=at.key("en").text(obj["en"]))
