"""Preferences, declared in one place with their defaults, and a schema version with upgrades.

Modelled on Picard's ``options.py``: every preference is an :class:`Option` in :data:`OPTIONS`
(name, default, validator); nothing else may be read.  The file is JSON at
``paths.config / "preferences.json"``::

    {"schema": 1, "values": {"service_url": "https://…", "locale": null, …}}

* Reading never creates anything (Art. 4: nothing is written before consent); a missing file
  means "all defaults".  A damaged file, or a value that fails its validator, falls back to the
  default with a warning.
* The app itself writes one preference, the UI language chosen in Settings
  (:func:`save_locale`, only after consent): the other values in the file -- also those of a
  newer version -- are kept as they are, and the file is replaced in one atomic write
  (:func:`nework_desktop.core.storage.atomic_write`).
* A file written by an older version is upgraded step by step (``UPGRADES[n]`` turns schema ``n``
  into ``n + 1``) when it is read; keys this version does not know are ignored.
* The environment wins over the file for development: ``NEWORK_SERVICE_URL`` replaces
  ``service_url``, ``NEWORK_OAUTH_<PROVIDER>_CLIENT_ID`` a provider's client id.

Qt's ``QSettings`` is deliberately not used: it writes outside the owned roots (registry, plist,
``~/.config/<Org>``), which would be uninstall residue.
"""

from __future__ import annotations

import copy
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from nework_desktop.core import storage
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.urls import is_loopback_host, is_valid_host

log = logging.getLogger("nework.prefs")

PREFS_NAME = "preferences.json"
#: A handful of values; anything this large is not ours.
MAX_PREFS_BYTES = 256 * 1024
SCHEMA_VERSION = 1

ENV_SERVICE_URL = "NEWORK_SERVICE_URL"

#: The production service.  NOTE: the real production host of the NeWork service is not known to
#: this project yet; "https://nework.app" is a placeholder to be confirmed before release.
#: Development and tests point the app elsewhere with ``NEWORK_SERVICE_URL``.
DEFAULT_SERVICE_URL = "https://nework.app"

LOCALES = ("ja", "en")


class PrefsError(Exception):
    """A preference value (from the file, a caller or the environment) is not acceptable."""


# -- validators -------------------------------------------------------------------------------


def check_service_url(value: object) -> str:
    """An absolute https URL (http only for a loopback host), without query or fragment."""
    if not isinstance(value, str) or not value or len(value) > 2048:
        raise PrefsError("the service URL must be a non-empty string")
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
        _ = parts.port  # raises ValueError on a bad port
    except ValueError as exc:
        raise PrefsError(f"the service URL is not a valid URL: {exc}") from None
    if parts.scheme not in ("https", "http") or not is_valid_host(host):
        raise PrefsError("the service URL must start with https:// and name a valid host")
    if parts.scheme == "http" and not is_loopback_host(host):
        raise PrefsError("the service URL must use https (plain http only for 127.0.0.1)")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise PrefsError("the service URL must not carry a query, fragment or credentials")
    return value.rstrip("/")


def check_locale(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and value in LOCALES:
        return value
    raise PrefsError(f"locale must be one of {', '.join(LOCALES)} or null (the OS's language)")


def check_client_ids(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise PrefsError("oauth_client_ids must be an object (provider → client id)")
    out: dict[str, str] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not isinstance(item, str) or len(item) > 512:
            raise PrefsError("oauth_client_ids must map provider names to client id strings")
        if item:
            out[key] = item
    return out


# -- the declaration --------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    """One preference: its name, default, and a validator that returns the cleaned value."""

    name: str
    default: Any
    check: Callable[[object], Any]
    doc: str


OPTIONS: tuple[Option, ...] = (
    Option(
        "service_url",
        DEFAULT_SERVICE_URL,
        check_service_url,
        "base URL of the NeWork service (NEWORK_SERVICE_URL overrides it)",
    ),
    Option("locale", None, check_locale, "UI language: 'ja', 'en' or null for the OS's"),
    Option(
        "oauth_client_ids",
        {},
        check_client_ids,
        "OAuth client id per provider (NEWORK_OAUTH_<PROVIDER>_CLIENT_ID overrides one)",
    ),
)

_BY_NAME: dict[str, Option] = {o.name: o for o in OPTIONS}

#: ``UPGRADES[n]`` turns the ``values`` of schema ``n`` into schema ``n + 1`` (in place).
#: Add a step here (and bump :data:`SCHEMA_VERSION`) whenever a stored value changes meaning,
#: e.g. ``UPGRADES[1] = _upgrade_1_to_2`` renaming a key.
Upgrade = Callable[[dict[str, Any]], None]
UPGRADES: dict[int, Upgrade] = {}


def upgrade(
    values: dict[str, Any],
    from_version: int,
    to_version: int = SCHEMA_VERSION,
    steps: Mapping[int, Upgrade] | None = None,
) -> dict[str, Any]:
    """Run the upgrade steps ``from_version`` → ``to_version`` on a copy of ``values``."""
    table = UPGRADES if steps is None else steps
    out = copy.deepcopy(values)
    for version in range(from_version, to_version):
        step = table.get(version)
        if step is None:
            raise PrefsError(f"no upgrade step from preferences schema {version}")
        step(out)
        log.info("preferences upgraded from schema %d to %d", version, version + 1)
    return out


class Preferences:
    """The preferences of one installation.  Build with :meth:`load`; pass it on."""

    def __init__(
        self,
        paths: AppPaths,
        values: Mapping[str, Any] | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        schema: int = SCHEMA_VERSION,
    ) -> None:
        self._paths = paths
        self._environ: Mapping[str, str] = os.environ if environ is None else environ
        self.schema = max(schema, SCHEMA_VERSION)
        self._values: dict[str, Any] = {o.name: copy.deepcopy(o.default) for o in OPTIONS}
        for name, value in (values or {}).items():
            option = _BY_NAME.get(name)
            if option is None:
                continue  # a newer version's preference
            try:
                self._values[name] = option.check(value)
            except PrefsError as exc:
                log.warning("preference %s ignored (%s): using the default", name, exc)

    @property
    def path(self) -> Path:
        return self._paths.config / PREFS_NAME

    @classmethod
    def load(
        cls,
        paths: AppPaths,
        *,
        environ: Mapping[str, str] | None = None,
        steps: Mapping[int, Upgrade] | None = None,
    ) -> Preferences:
        """Read the preferences file (never creating anything); defaults where it says nothing."""
        try:
            raw = storage.read_json(paths.config / PREFS_NAME, limit=MAX_PREFS_BYTES)
        except (OSError, storage.FileDamaged) as exc:
            log.warning("preferences file unreadable (%s): using the defaults", exc)
            return cls(paths, environ=environ)
        if raw is None:
            return cls(paths, environ=environ)
        schema = raw.get("schema") if isinstance(raw, dict) else None
        values = raw.get("values") if isinstance(raw, dict) else None
        if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
            log.warning("preferences file has no valid schema version: using the defaults")
            return cls(paths, environ=environ)
        if not isinstance(values, dict):
            log.warning("preferences file has no values: using the defaults")
            return cls(paths, environ=environ)
        if schema < SCHEMA_VERSION:
            try:
                values = upgrade(values, schema, SCHEMA_VERSION, steps)
            except PrefsError as exc:
                log.warning("preferences not upgradable (%s): using the defaults", exc)
                return cls(paths, environ=environ)
        elif schema > SCHEMA_VERSION:
            log.info("preferences written by a newer version (schema %d): kept as is", schema)
        return cls(paths, values, environ=environ, schema=schema)

    # -- reading ----------------------------------------------------------------------------

    def get(self, name: str) -> Any:
        """The stored (or default) value of ``name``, without environment overrides."""
        if name not in _BY_NAME:
            raise KeyError(f"unknown preference {name!r}")
        return copy.deepcopy(self._values[name])

    @property
    def service_url(self) -> str:
        """The service base URL: ``NEWORK_SERVICE_URL`` if set, else the stored value."""
        override = self._environ.get(ENV_SERVICE_URL)
        if override:
            try:
                return check_service_url(override)
            except PrefsError as exc:
                raise PrefsError(f"{ENV_SERVICE_URL}: {exc}") from None
        value: str = self._values["service_url"]
        return value

    @property
    def locale(self) -> str | None:
        value: str | None = self._values["locale"]
        return value

    def client_id(self, provider: str) -> str | None:
        """A provider's OAuth client id: ``NEWORK_OAUTH_<PROVIDER>_CLIENT_ID``, else stored."""
        env = self._environ.get(f"NEWORK_OAUTH_{provider.upper()}_CLIENT_ID", "").strip()
        if env:
            return env
        stored: dict[str, str] = self._values["oauth_client_ids"]
        return stored.get(provider) or None

    def as_dict(self) -> dict[str, Any]:
        return copy.deepcopy(self._values)


def save_locale(paths: AppPaths, locale: str | None) -> Path:
    """Store the UI language (``"ja"``, ``"en"``, or None for the OS's) for the next start.

    Keeps every other value of the file (unknown keys and a newer schema included); a damaged
    file is replaced by one holding the language only.  Creates the config root if needed (the
    caller makes sure consent is on record).  Returns the file written.
    """
    value = check_locale(locale)
    target = paths.config / PREFS_NAME
    schema, values = SCHEMA_VERSION, {}
    try:
        raw = storage.read_json(target, limit=MAX_PREFS_BYTES)
    except (OSError, storage.FileDamaged) as exc:
        log.warning("preferences file unreadable (%s): writing a new one", exc)
        raw = None
    if isinstance(raw, dict) and isinstance(raw.get("values"), dict):
        found = raw.get("schema")
        if isinstance(found, int) and not isinstance(found, bool) and found >= SCHEMA_VERSION:
            schema, values = found, dict(raw["values"])
        elif isinstance(found, int) and not isinstance(found, bool) and found >= 1:
            try:
                values = upgrade(raw["values"], found, SCHEMA_VERSION)
            except PrefsError:
                values = {}
    values["locale"] = value
    document = {"schema": schema, "values": values}
    storage.write_json(paths.ensure("config"), PREFS_NAME, document, sort_keys=True)
    log.info("UI language saved: %s", value or "the OS's")
    return target
