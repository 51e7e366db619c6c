"""The policy loader: ``resources/policy/`` read and validated into a :class:`Policy`.

The shipped policy lives in ``resources/policy/``::

    index.json                  {"current": "<version>", "versions": [...]}
    <version>/policy.json       metadata: items, purposes, modules, links, revisions
    <version>/policy.ja.md      the Japanese original (CommonMark + GitHub tables)
    <version>/policy.en.md      the English translation (the Japanese prevails)

:func:`load_policy` reads and validates all of it (through :mod:`core.storage` and the checks of
:mod:`core.validate`) and returns an immutable :class:`Policy`.  Anything wrong in the files
raises :class:`PolicyError` (and only that), whose message names the file and the offending field
with a JSON-path-like location, e.g.
``2024-02-08/policy.json: modules[2].hosts[0]: expected a host name or '*.domain', got 'http://x'``.

This module is on the startup path: it only reads JSON and the two text files.  The Markdown is
not parsed; :meth:`Policy.articles` splits the ``## `` headings lazily, on first request.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Final
from urllib.parse import urlsplit

from nework_desktop.core import storage, validate
from nework_desktop.core.policy.model import (
    TEXT_LOCALES,
    CollectionMethod,
    Link,
    LocalizedText,
    Module,
    Plan,
    Platform,
    Policy,
    PolicyError,
    PolicyItem,
    Purpose,
    Revision,
    is_host_name,
)
from nework_desktop.core.validate import describe
from nework_desktop.resources import resource_path

__all__ = ["SCHEMA_VERSION", "load_policy"]

SCHEMA_VERSION: Final = 1
"""The ``schema`` value of ``policy.json`` this module reads."""

#: The policy's texts are ~30 KB; a file larger than this is not a policy file.
MAX_FILE_BYTES: Final = 4 * 1024 * 1024

_PLANS: Final[Mapping[str, Plan]] = {"all": "all", "enterprise": "enterprise"}
_COLLECTIONS: Final[Mapping[str, CollectionMethod]] = {
    "manual": "manual",
    "automatic": "automatic",
}
_PLATFORMS: Final[Mapping[str, Platform]] = {
    "windows": "windows",
    "macos": "macos",
    "linux": "linux",
    "ios": "ios",
    "android": "android",
}
_TEXT_LOCALES: Final = TEXT_LOCALES
_INDEX_FILE: Final = "index.json"
_POLICY_FILE: Final = "policy.json"

_ISO_DATE_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_ID_RE: Final = re.compile(r"[a-z][a-z0-9_]*", re.ASCII)
_POLICY_ID_RE: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
_TEXT_FILE_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.md", re.ASCII)


def _at(file: str) -> validate.At:
    """The top of ``file``: a failed check there raises :class:`PolicyError` naming the file."""

    def error(location: str, detail: str) -> PolicyError:
        return PolicyError(file, location, detail)

    return validate.At("", error)


# --------------------------------------------------------------------------------------------
# Values the policy files hold
# --------------------------------------------------------------------------------------------


def _identifier(at: validate.At, value: object) -> str:
    if not isinstance(value, str) or _ID_RE.fullmatch(value) is None:
        at.fail(
            "expected an id (lowercase letters, digits and '_', starting with a letter), "
            f"got {describe(value)}"
        )
    return value


def _iso_date(at: validate.At, value: object) -> datetime.date:
    if isinstance(value, str) and _ISO_DATE_RE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    at.fail(f"expected an ISO date 'YYYY-MM-DD', got {describe(value)}")


def _version(at: validate.At, value: object) -> str:
    return _iso_date(at, value).isoformat()


def _https_url(at: validate.At, value: object) -> str:
    problem = "expected an https:// URL"
    if not isinstance(value, str):
        at.fail(f"{problem}, got {describe(value)}")
    if not value.startswith("https://") or any(c.isspace() or ord(c) < 0x20 for c in value):
        at.fail(f"{problem}, got {value!r}")
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        at.fail(f"{problem}, got {value!r}")
    host = parts.hostname or ""
    if parts.username is not None or parts.password is not None or not is_host_name(host):
        at.fail(f"{problem} with a host name and no user info, got {value!r}")
    if port == 0:
        at.fail(f"{problem}, got {value!r}")
    return value


def _host_pattern(at: validate.At, value: object) -> str:
    if isinstance(value, str):
        name = value[2:] if value.startswith("*.") else value
        if is_host_name(name):
            return value
    at.fail(f"expected a host name or '*.domain', got {describe(value)}")


def _localized(at: validate.At, value: object) -> LocalizedText:
    obj = at.obj(value, ("ja", "en"))
    return LocalizedText(ja=at.key("ja").text(obj["ja"]), en=at.key("en").text(obj["en"]))


# --------------------------------------------------------------------------------------------
# Reading files
# --------------------------------------------------------------------------------------------


def _read_text_file(path: Path, at: validate.At, name: str) -> str:
    """Read a UTF-8 text file; BOM dropped and line endings normalized to ``\\n``."""
    try:
        # A macOS bundle may reach its resources through links: follow them (to a regular file).
        text = storage.read_text(path, limit=MAX_FILE_BYTES, follow_links=True, newlines=True)
    except storage.FileDamaged as exc:
        if path.is_dir():
            at.fail(f"{name!r} is a folder, not a file ({path})")
        at.fail(f"{name!r} {exc.reason}")
    except OSError as exc:
        at.fail(f"cannot read {name!r} ({path}): {exc.strerror or exc}")
    if text is None:
        at.fail(f"file {name!r} not found ({path})")
    return text


def _read_json(root: Path, relative: str) -> object:
    at = _at(relative)
    text = _read_text_file(root / relative, at, relative)
    try:
        return validate.parse_json(text)
    except validate.Invalid as exc:
        at.fail(exc.detail)


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


def _parse_index(root: Path) -> str:
    """Read ``index.json`` and return the current version id (its folder must exist)."""
    at = _at(_INDEX_FILE)
    obj = at.obj(_read_json(root, _INDEX_FILE), ("current", "versions"))
    versions_at = at.key("versions")
    versions = [
        _version(versions_at.index(position), value)
        for position, value in enumerate(versions_at.array(obj["versions"], min_items=1))
    ]
    versions_at.unique(versions, "version", field=None)
    for position in range(1, len(versions)):
        if versions[position] < versions[position - 1]:
            versions_at.index(position).fail(
                f"versions must be sorted, oldest first: {versions[position]!r} "
                f"comes after {versions[position - 1]!r}"
            )
    current = _version(at.key("current"), obj["current"])
    if current not in versions:
        at.key("current").fail(f"{current!r} is not listed in versions")
    if not (root / current).is_dir():
        at.key("current").fail(f"there is no folder {current!r} next to {_INDEX_FILE}")
    return current


def _parse_revision(at: validate.At, value: object) -> Revision:
    obj = at.obj(value, ("version", "announced", "effective", "reference", "material", "summary"))
    version = _version(at.key("version"), obj["version"])
    announced = _iso_date(at.key("announced"), obj["announced"])
    effective = _iso_date(at.key("effective"), obj["effective"])
    if version != effective.isoformat():
        at.key("version").fail(
            f"expected the date the revision took effect {effective.isoformat()!r}, got {version!r}"
        )
    if announced > effective:
        at.key("announced").fail(
            f"announced {announced.isoformat()} after taking effect {effective.isoformat()}"
        )
    return Revision(
        version=version,
        announced=announced,
        effective=effective,
        reference=at.key("reference").text(obj["reference"]),
        material=at.key("material").flag(obj["material"]),
        summary=_localized(at.key("summary"), obj["summary"]),
    )


def _parse_article(at: validate.At, value: object) -> int | None:
    if value is None:
        return None
    article = at.integer(value)
    if article < 1:
        at.fail(f"expected a positive integer or null, got {article}")
    return article


def _parse_link(at: validate.At, value: object, *, article_required: bool) -> Link:
    if article_required:
        obj = at.obj(value, ("id", "article", "label", "url"))
    else:
        obj = at.obj(value, ("id", "label", "url"), ("article",))
    return Link(
        id=_identifier(at.key("id"), obj["id"]),
        article=_parse_article(at.key("article"), obj.get("article")),
        label=_localized(at.key("label"), obj["label"]),
        url=_https_url(at.key("url"), obj["url"]),
    )


def _parse_links(at: validate.At, value: object, *, article_required: bool) -> tuple[Link, ...]:
    links = tuple(
        _parse_link(at.index(position), entry, article_required=article_required)
        for position, entry in enumerate(at.array(value))
    )
    at.unique([link.id for link in links], "id")
    return links


def _parse_purpose(at: validate.At, value: object) -> Purpose:
    obj = at.obj(value, ("text", "plan"))
    return Purpose(
        text=_localized(at.key("text"), obj["text"]),
        plan=at.key("plan").choice(obj["plan"], _PLANS),
    )


def _parse_item(at: validate.At, value: object) -> PolicyItem:
    obj = at.obj(value, ("id", "item", "purposes", "collection", "collection_label"))
    purposes_at = at.key("purposes")
    return PolicyItem(
        id=_identifier(at.key("id"), obj["id"]),
        item=_localized(at.key("item"), obj["item"]),
        purposes=tuple(
            _parse_purpose(purposes_at.index(position), entry)
            for position, entry in enumerate(purposes_at.array(obj["purposes"], min_items=1))
        ),
        collection=at.key("collection").choice(obj["collection"], _COLLECTIONS),
        collection_label=_localized(at.key("collection_label"), obj["collection_label"]),
    )


_MODULE_KEYS: Final = (
    "id",
    "name",
    "provider",
    "collects",
    "purpose",
    "uses_cookies",
    "opt_out_allowed",
    "default_enabled",
    "opt_out_url",
    "policy_urls",
    "hosts",
    "platforms",
)


def _parse_module(at: validate.At, value: object) -> Module:
    obj = at.obj(value, _MODULE_KEYS)
    opt_out_allowed = at.key("opt_out_allowed").flag(obj["opt_out_allowed"])
    opt_out_at = at.key("opt_out_url")
    opt_out_url: str | None
    if opt_out_allowed:
        if obj["opt_out_url"] is None:
            opt_out_at.fail("required when opt_out_allowed is true (an https:// URL), got null")
        opt_out_url = _https_url(opt_out_at, obj["opt_out_url"])
    else:
        if obj["opt_out_url"] is not None:
            opt_out_at.fail(
                f"must be null when opt_out_allowed is false, got {describe(obj['opt_out_url'])}"
            )
        opt_out_url = None

    hosts_at = at.key("hosts")
    hosts = tuple(
        _host_pattern(hosts_at.index(position), entry)
        for position, entry in enumerate(hosts_at.array(obj["hosts"], min_items=1))
    )
    hosts_at.unique(hosts, "host", field=None)

    platforms_at = at.key("platforms")
    platforms = tuple(
        platforms_at.index(position).choice(entry, _PLATFORMS)
        for position, entry in enumerate(platforms_at.array(obj["platforms"], min_items=1))
    )
    platforms_at.unique(platforms, "platform", field=None)

    return Module(
        id=_identifier(at.key("id"), obj["id"]),
        name=at.key("name").text(obj["name"]),
        provider=_localized(at.key("provider"), obj["provider"]),
        collects=_localized(at.key("collects"), obj["collects"]),
        purpose=_localized(at.key("purpose"), obj["purpose"]),
        uses_cookies=at.key("uses_cookies").flag(obj["uses_cookies"]),
        opt_out_allowed=opt_out_allowed,
        default_enabled=at.key("default_enabled").flag(obj["default_enabled"]),
        opt_out_url=opt_out_url,
        policy_urls=_parse_links(at.key("policy_urls"), obj["policy_urls"], article_required=False),
        hosts=hosts,
        platforms=platforms,
    )


def _parse_texts(at: validate.At, value: object, folder: Path) -> dict[str, str]:
    obj = at.obj(value, _TEXT_LOCALES)
    texts: dict[str, str] = {}
    seen: dict[str, str] = {}
    for locale in _TEXT_LOCALES:
        entry_at = at.key(locale)
        raw = obj[locale]
        if not isinstance(raw, str) or _TEXT_FILE_RE.fullmatch(raw) is None:
            entry_at.fail(
                f"expected the name of a .md file in the version folder, got {describe(raw)}"
            )
        if raw in seen:
            entry_at.fail(f"{raw!r} is already the text of {seen[raw]!r}")
        seen[raw] = locale
        text = _read_text_file(folder / raw, entry_at, raw)
        if not text.strip():
            entry_at.fail(f"file {raw!r} is empty")
        texts[locale] = text
    return texts


def _parse_translation_of(at: validate.At, value: object, locales: Sequence[str]) -> dict[str, str]:
    obj = at.obj(value, (), locales)
    result: dict[str, str] = {}
    for locale, original in obj.items():
        if not isinstance(original, str) or original not in locales or original == locale:
            others = ", ".join(repr(other) for other in locales if other != locale)
            at.key(locale).fail(f"expected one of {others}, got {describe(original)}")
        result[locale] = original
    for locale, original in result.items():
        if original in result:
            at.key(locale).fail(f"{original!r} is itself a translation, not an original")
    return result


_POLICY_KEYS: Final = (
    "schema",
    "policy_id",
    "version",
    "effective_date",
    "title",
    "company",
    "product",
    "material",
    "change_summary",
    "texts",
    "translation_of",
    "revisions",
    "links",
    "items",
    "modules",
)


def _parse_policy(root: Path, current: str) -> Policy:
    relative = f"{current}/{_POLICY_FILE}"
    at = _at(relative)
    data = _read_json(root, relative)
    if not isinstance(data, dict):
        at.fail(f"expected an object, got {describe(data)}")
    if "schema" in data:
        schema = at.key("schema").integer(data["schema"])
        if schema != SCHEMA_VERSION:
            at.key("schema").fail(
                f"unsupported schema {schema} (this app reads schema {SCHEMA_VERSION})"
            )
    obj = at.obj(data, _POLICY_KEYS)

    policy_id = obj["policy_id"]
    if not isinstance(policy_id, str) or _POLICY_ID_RE.fullmatch(policy_id) is None:
        at.key("policy_id").fail(
            f"expected a lowercase id like 'nework-app-privacy-policy', got {describe(policy_id)}"
        )

    version = _version(at.key("version"), obj["version"])
    if version != current:
        at.key("version").fail(
            f"expected {current!r} (the folder name and index.json's current), got {version!r}"
        )
    effective_date = _iso_date(at.key("effective_date"), obj["effective_date"])
    material = at.key("material").flag(obj["material"])

    revisions_at = at.key("revisions")
    revisions = tuple(
        _parse_revision(revisions_at.index(position), entry)
        for position, entry in enumerate(revisions_at.array(obj["revisions"], min_items=1))
    )
    revisions_at.unique([revision.version for revision in revisions], "version", "version")
    for position in range(1, len(revisions)):
        if revisions[position].version < revisions[position - 1].version:
            revisions_at.index(position).key("version").fail(
                f"revisions must be sorted, oldest first: {revisions[position].version!r} "
                f"comes after {revisions[position - 1].version!r}"
            )
    last_at = revisions_at.index(len(revisions) - 1)
    last = revisions[-1]
    if last.version != version:
        last_at.key("version").fail(
            f"the last revision must be the current version {version!r}, got {last.version!r}"
        )
    if effective_date != last.effective:
        at.key("effective_date").fail(
            f"expected {last.effective.isoformat()!r} (the effective date of the last "
            f"revision), got {effective_date.isoformat()!r}"
        )
    if last.material != material:
        last_at.key("material").fail(
            f"must equal the top-level material flag ({'true' if material else 'false'})"
        )

    items_at = at.key("items")
    items = tuple(
        _parse_item(items_at.index(position), entry)
        for position, entry in enumerate(items_at.array(obj["items"], min_items=1))
    )
    items_at.unique([item.id for item in items], "id")

    modules_at = at.key("modules")
    modules = tuple(
        _parse_module(modules_at.index(position), entry)
        for position, entry in enumerate(modules_at.array(obj["modules"]))
    )
    modules_at.unique([module.id for module in modules], "id")

    texts = _parse_texts(at.key("texts"), obj["texts"], root / current)
    translation_of = _parse_translation_of(
        at.key("translation_of"), obj["translation_of"], tuple(texts)
    )

    return Policy(
        policy_id=policy_id,
        version=version,
        effective_date=effective_date,
        title=_localized(at.key("title"), obj["title"]),
        company=_localized(at.key("company"), obj["company"]),
        product=_localized(at.key("product"), obj["product"]),
        material=material,
        change_summary=_localized(at.key("change_summary"), obj["change_summary"]),
        revisions=revisions,
        links=_parse_links(at.key("links"), obj["links"], article_required=True),
        items=items,
        modules=modules,
        texts=MappingProxyType(texts),
        translation_of=MappingProxyType(translation_of),
    )


def load_policy(root: Path | None = None) -> Policy:
    """Load and validate the current policy from ``root`` (default: the shipped one).

    ``root`` is the folder holding ``index.json``. Raises :class:`PolicyError`, and nothing
    else, if anything is missing or invalid.
    """
    if root is None:
        try:
            root = resource_path("policy")
        except (OSError, ValueError) as exc:
            raise PolicyError(
                "policy", "", f"the shipped policy folder was not found: {exc}"
            ) from exc
    return _parse_policy(root, _parse_index(root))
