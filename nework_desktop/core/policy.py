"""The NeWork application privacy policy as data, and its loader.

The shipped policy lives in ``resources/policy/``::

    index.json                  {"current": "<version>", "versions": [...]}
    <version>/policy.json       metadata: items, purposes, modules, links, revisions
    <version>/policy.ja.md      the Japanese original (CommonMark + GitHub tables)
    <version>/policy.en.md      the English translation (the Japanese prevails)

A version id is the ISO date (``YYYY-MM-DD``) on which that revision took effect, so version ids
order correctly as plain strings.

:func:`load_policy` reads and validates all of it and returns an immutable :class:`Policy`.
Anything wrong in the files raises :class:`PolicyError` (and only that), whose message names the
file and the offending field with a JSON-path-like location, e.g.
``2024-02-08/policy.json: modules[2].hosts[0]: expected a host name or '*.domain', got 'http://x'``.

This module is on the startup path: it only reads JSON and the two text files. The Markdown is
not parsed; :meth:`Policy.articles` splits the ``## `` headings lazily, on first request.

No Qt here: the UI renders :meth:`Policy.text` with ``QTextDocument.setMarkdown``.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Final, Literal, NoReturn, TypeVar
from urllib.parse import urlsplit

from nework_desktop.resources import resource_path

__all__ = [
    "SCHEMA_VERSION",
    "CollectionMethod",
    "Link",
    "LocalizedText",
    "Module",
    "Plan",
    "Platform",
    "Policy",
    "PolicyError",
    "PolicyItem",
    "Purpose",
    "Revision",
    "TextLocale",
    "load_policy",
]

SCHEMA_VERSION: Final = 1
"""The ``schema`` value of ``policy.json`` this module reads."""

Plan = Literal["all", "enterprise"]
CollectionMethod = Literal["manual", "automatic"]
Platform = Literal["windows", "macos", "linux", "ios", "android"]
TextLocale = Literal["ja", "en"]

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
_DESKTOP_PLATFORMS: Final = frozenset({"windows", "macos"})
_TEXT_LOCALES: Final[tuple[TextLocale, ...]] = ("ja", "en")

_INDEX_FILE: Final = "index.json"
_POLICY_FILE: Final = "policy.json"


def _text_locale(locale: str) -> TextLocale:
    """Map a UI locale ("ja", "ja_JP", "ja-JP", "en_US", "fr", ...) to "ja" or "en"."""
    return "ja" if locale.strip().lower().startswith("ja") else "en"


# --------------------------------------------------------------------------------------------
# The data
# --------------------------------------------------------------------------------------------


class PolicyError(Exception):
    """The shipped policy is missing or invalid.

    ``file`` is the file concerned, relative to the policy folder (e.g. ``index.json`` or
    ``2024-02-08/policy.json``); ``location`` the JSON-path-like location of the bad field
    (``""`` when the whole file is concerned); ``detail`` what is wrong with it.
    """

    def __init__(self, file: str, location: str, detail: str) -> None:
        self.file = file
        self.location = location
        self.detail = detail
        where = f"{file}: {location}" if location else file
        super().__init__(f"{where}: {detail}")

    def __reduce__(self) -> tuple[type[PolicyError], tuple[str, str, str]]:
        return (type(self), (self.file, self.location, self.detail))


@dataclass(frozen=True, slots=True)
class LocalizedText:
    """A human-readable text in Japanese and English."""

    ja: str
    en: str

    def get(self, locale: str) -> str:
        """Return the Japanese text for a locale starting with "ja", else the English one."""
        return self.ja if _text_locale(locale) == "ja" else self.en


@dataclass(frozen=True, slots=True)
class Link:
    """A link named by the policy (``article`` is the article naming it, if any)."""

    id: str
    article: int | None
    label: LocalizedText
    url: str


@dataclass(frozen=True, slots=True)
class Revision:
    """One 附則 (supplementary provision): a revision of the policy."""

    version: str
    announced: datetime.date
    effective: datetime.date
    reference: str
    material: bool
    summary: LocalizedText


@dataclass(frozen=True, slots=True)
class Purpose:
    """One purpose of use of an item; ``plan`` is "all" or "enterprise" (Enterprise plan only)."""

    text: LocalizedText
    plan: Plan


@dataclass(frozen=True, slots=True)
class PolicyItem:
    """One row of the Art. 2-1 table: an item of user information, why and how it is collected."""

    id: str
    item: LocalizedText
    purposes: tuple[Purpose, ...]
    collection: CollectionMethod
    collection_label: LocalizedText


@dataclass(frozen=True, slots=True)
class Module:
    """An information collection module of Art. 2-2 (a third party's SDK or tag).

    ``hosts`` are the destinations the module talks to: exact host names, or ``*.domain`` for
    any subdomain of ``domain`` (not ``domain`` itself).
    """

    id: str
    name: str
    provider: LocalizedText
    collects: LocalizedText
    purpose: LocalizedText
    uses_cookies: bool
    opt_out_allowed: bool
    default_enabled: bool
    opt_out_url: str | None
    policy_urls: tuple[Link, ...]
    hosts: tuple[str, ...]
    platforms: tuple[Platform, ...]

    @property
    def on_desktop(self) -> bool:
        """True if the module is part of the desktop (Windows or macOS) app."""
        return any(platform in _DESKTOP_PLATFORMS for platform in self.platforms)

    def matches_host(self, host: str) -> bool:
        """True if ``host`` (a host name, any case, optional trailing dot) is one of ``hosts``."""
        name = host.strip().rstrip(".").lower()
        if not _is_host_name(name):
            return False
        for pattern in self.hosts:
            if pattern.startswith("*."):
                if name.endswith(pattern[1:]):
                    return True
            elif name == pattern:
                return True
        return False


@dataclass(frozen=True, slots=True)
class Policy:
    """One version of the application privacy policy.

    ``texts`` maps "ja" and "en" to the Markdown text of that language, exactly as shown (line
    endings normalized to ``\\n``, no byte-order mark). ``translation_of`` maps a translated
    text's locale to the locale of its original ("en" → "ja").
    """

    policy_id: str
    version: str
    effective_date: datetime.date
    title: LocalizedText
    company: LocalizedText
    product: LocalizedText
    material: bool
    change_summary: LocalizedText
    revisions: tuple[Revision, ...]
    links: tuple[Link, ...]
    items: tuple[PolicyItem, ...]
    modules: tuple[Module, ...]
    texts: Mapping[str, str] = field(hash=False)
    translation_of: Mapping[str, str] = field(
        default_factory=lambda: MappingProxyType({}), hash=False
    )

    # -- texts ---------------------------------------------------------------------------------

    def text_locale(self, locale: str) -> TextLocale:
        """The text language shown for a UI locale: "ja" for "ja*", else "en"."""
        return _text_locale(locale)

    def text(self, locale: str) -> str:
        """The Markdown text for a UI locale (Japanese for "ja*", else English)."""
        return self.texts[_text_locale(locale)]

    def text_sha256(self, locale: str) -> str:
        """Hex SHA-256 of the UTF-8 encoding of :meth:`text` (for the consent record)."""
        return hashlib.sha256(self.text(locale).encode("utf-8")).hexdigest()

    def is_translation(self, locale: str) -> bool:
        """True if the text shown for ``locale`` is a translation (the original prevails)."""
        return _text_locale(locale) in self.translation_of

    def articles(self, locale: str) -> list[tuple[str, str]]:
        """The ``## `` headings of the text, for a table of contents.

        Each entry is ``(heading text, anchor)``. The anchor is ``article-N`` for a heading
        naming article N (第N条 / Article N), else ``section-K`` with K the heading's 1-based
        ordinal; it is the same in both languages, so it can keep the reading position when
        the language is switched. The list ends with the supplementary provisions (附則).
        """
        return list(_headings(self.text(locale)))

    # -- lookups -------------------------------------------------------------------------------

    def module(self, module_id: str) -> Module:
        """The module with this id; ``KeyError`` if there is none."""
        for module in self.modules:
            if module.id == module_id:
                return module
        raise KeyError(module_id)

    def link(self, link_id: str) -> Link:
        """The link (of ``links``) with this id; ``KeyError`` if there is none."""
        for link in self.links:
            if link.id == link_id:
                return link
        raise KeyError(link_id)

    def default_module_choices(self) -> dict[str, bool]:
        """Module id → default on/off, for the desktop modules the user may switch off."""
        return {
            module.id: module.default_enabled
            for module in self.modules
            if module.on_desktop and module.opt_out_allowed
        }

    # -- revisions -----------------------------------------------------------------------------

    def revisions_after(self, version: str) -> tuple[Revision, ...]:
        """The revisions newer than ``version`` (version ids compare as ISO date strings)."""
        return tuple(revision for revision in self.revisions if revision.version > version)

    def material_since(self, version: str) -> bool:
        """True if a user who agreed to ``version`` must consent again to this policy.

        False when ``version`` is this version. Otherwise true if any revision after
        ``version`` (up to this one) is material; for this version's own revision the top-level
        ``material`` flag counts. If no revision is newer than ``version`` (an unknown id
        sorting after this one), the top-level ``material`` flag decides.
        """
        if version == self.version:
            return False
        newer = self.revisions_after(version)
        if not newer:
            return self.material
        return any(
            self.material if revision.version == self.version else revision.material
            for revision in newer
        )


# --------------------------------------------------------------------------------------------
# Headings (lazy, cached per text)
# --------------------------------------------------------------------------------------------

_ARTICLE_RE: Final = re.compile(r"^(?:第\s*(\d+)\s*条|Article\s+(\d+)\b)", re.ASCII)
_FENCE_RE: Final = re.compile(r"^ {0,3}(```|~~~)")


@lru_cache(maxsize=8)
def _headings(text: str) -> tuple[tuple[str, str], ...]:
    headings: list[tuple[str, str]] = []
    in_fence = False
    for line in text.split("\n"):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or not line.startswith("## "):
            continue
        heading = line[3:].strip().rstrip("#").strip()
        match = _ARTICLE_RE.match(unicodedata.normalize("NFKC", heading))
        if match:
            anchor = f"article-{int(match.group(1) or match.group(2))}"
        else:
            anchor = f"section-{len(headings) + 1}"
        headings.append((heading, anchor))
    return tuple(headings)


# --------------------------------------------------------------------------------------------
# Validation helpers
# --------------------------------------------------------------------------------------------

_T = TypeVar("_T")

_ISO_DATE_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_ID_RE: Final = re.compile(r"[a-z][a-z0-9_]*", re.ASCII)
_POLICY_ID_RE: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST_RE: Final = re.compile(rf"{_LABEL}(?:\.{_LABEL})+", re.ASCII)
_TEXT_FILE_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.md", re.ASCII)


def _is_host_name(name: str) -> bool:
    """A lowercase DNS host name with at least two labels and a non-numeric last label."""
    return (
        len(name) <= 253
        and _HOST_RE.fullmatch(name) is not None
        and not name.rsplit(".", 1)[-1].isdigit()
    )


def _describe(value: object) -> str:
    """A short JSON-ish rendering of a value for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


@dataclass(frozen=True, slots=True)
class _At:
    """Where a value sits: the file and the JSON-path-like location inside it."""

    file: str
    path: str = ""

    def key(self, name: str) -> _At:
        return _At(self.file, f"{self.path}.{name}" if self.path else name)

    def index(self, position: int) -> _At:
        return _At(self.file, f"{self.path}[{position}]")

    def fail(self, detail: str) -> NoReturn:
        raise PolicyError(self.file, self.path, detail)


def _object(
    at: _At, value: object, required: Sequence[str], optional: Sequence[str] = ()
) -> dict[str, object]:
    if not isinstance(value, dict):
        at.fail(f"expected an object, got {_describe(value)}")
    for name in required:
        if name not in value:
            at.key(name).fail("required key is missing")
    allowed = (*required, *optional)
    for name in value:
        if name not in allowed:
            at.key(name).fail(f"unknown key (expected one of {', '.join(allowed)})")
    return value


def _array(at: _At, value: object, *, min_items: int = 0) -> list[object]:
    if not isinstance(value, list):
        at.fail(f"expected an array, got {_describe(value)}")
    if len(value) < min_items:
        at.fail(f"expected at least {min_items} entr{'y' if min_items == 1 else 'ies'}, got none")
    return value


def _string(at: _At, value: object) -> str:
    if not isinstance(value, str):
        at.fail(f"expected a string, got {_describe(value)}")
    if not value.strip():
        at.fail(f"expected a non-empty string, got {value!r}")
    return value


def _bool(at: _At, value: object) -> bool:
    if not isinstance(value, bool):
        at.fail(f"expected true or false, got {_describe(value)}")
    return value


def _int(at: _At, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        at.fail(f"expected an integer, got {_describe(value)}")
    return value


def _choice(at: _At, value: object, allowed: Mapping[str, _T]) -> _T:
    if not isinstance(value, str) or value not in allowed:
        expected = ", ".join(repr(name) for name in allowed)
        at.fail(f"expected one of {expected}, got {_describe(value)}")
    return allowed[value]


def _identifier(at: _At, value: object) -> str:
    if not isinstance(value, str) or _ID_RE.fullmatch(value) is None:
        at.fail(
            "expected an id (lowercase letters, digits and '_', starting with a letter), "
            f"got {_describe(value)}"
        )
    return value


def _iso_date(at: _At, value: object) -> datetime.date:
    if isinstance(value, str) and _ISO_DATE_RE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    at.fail(f"expected an ISO date 'YYYY-MM-DD', got {_describe(value)}")


def _version(at: _At, value: object) -> str:
    return _iso_date(at, value).isoformat()


def _https_url(at: _At, value: object) -> str:
    problem = "expected an https:// URL"
    if not isinstance(value, str):
        at.fail(f"{problem}, got {_describe(value)}")
    if not value.startswith("https://") or any(c.isspace() or ord(c) < 0x20 for c in value):
        at.fail(f"{problem}, got {value!r}")
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        at.fail(f"{problem}, got {value!r}")
    host = parts.hostname or ""
    if parts.username is not None or parts.password is not None or not _is_host_name(host):
        at.fail(f"{problem} with a host name and no user info, got {value!r}")
    if port == 0:
        at.fail(f"{problem}, got {value!r}")
    return value


def _host_pattern(at: _At, value: object) -> str:
    if isinstance(value, str):
        name = value[2:] if value.startswith("*.") else value
        if _is_host_name(name):
            return value
    at.fail(f"expected a host name or '*.domain', got {_describe(value)}")


def _localized(at: _At, value: object) -> LocalizedText:
    obj = _object(at, value, ("ja", "en"))
    return LocalizedText(ja=_string(at.key("ja"), obj["ja"]), en=_string(at.key("en"), obj["en"]))


def _unique(at: _At, values: Sequence[str], what: str, field_name: str | None = "id") -> None:
    """Fail at ``at[i].<field_name>`` (or ``at[i]``) for the first repeated value."""
    first_seen: dict[str, int] = {}
    for position, value in enumerate(values):
        if value in first_seen:
            where = at.index(position)
            if field_name is not None:
                where = where.key(field_name)
            where.fail(f"duplicate {what} {value!r} (already at index {first_seen[value]})")
        first_seen[value] = position


# --------------------------------------------------------------------------------------------
# Reading files
# --------------------------------------------------------------------------------------------


class _DuplicateKeyError(ValueError):
    pass


class _ConstantError(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


def _reject_constant(name: str) -> object:
    raise _ConstantError(name)


def _read_text_file(path: Path, at: _At, name: str) -> str:
    """Read a UTF-8 text file; BOM dropped and line endings normalized to ``\\n``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        at.fail(f"file {name!r} not found ({path})")
    except IsADirectoryError:
        at.fail(f"{name!r} is a folder, not a file ({path})")
    except OSError as exc:
        at.fail(f"cannot read {name!r} ({path}): {exc.strerror or exc}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        at.fail(f"{name!r} is not valid UTF-8 (bad byte at offset {exc.start})")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_json(root: Path, relative: str) -> object:
    at = _At(relative)
    text = _read_text_file(root / relative, at, relative)
    try:
        return json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as exc:
        at.fail(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")
    except _DuplicateKeyError as exc:
        at.fail(f"invalid JSON: duplicate key {exc.args[0]!r}")
    except _ConstantError as exc:
        at.fail(f"invalid JSON: {exc.args[0]} is not allowed")
    except (ValueError, RecursionError) as exc:
        at.fail(f"invalid JSON: {exc}")


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


def _parse_index(root: Path) -> str:
    """Read ``index.json`` and return the current version id (its folder must exist)."""
    at = _At(_INDEX_FILE)
    obj = _object(at, _read_json(root, _INDEX_FILE), ("current", "versions"))
    versions_at = at.key("versions")
    versions = [
        _version(versions_at.index(position), value)
        for position, value in enumerate(_array(versions_at, obj["versions"], min_items=1))
    ]
    _unique(versions_at, versions, "version", field_name=None)
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


def _parse_revision(at: _At, value: object) -> Revision:
    obj = _object(
        at, value, ("version", "announced", "effective", "reference", "material", "summary")
    )
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
        reference=_string(at.key("reference"), obj["reference"]),
        material=_bool(at.key("material"), obj["material"]),
        summary=_localized(at.key("summary"), obj["summary"]),
    )


def _parse_article(at: _At, value: object) -> int | None:
    if value is None:
        return None
    article = _int(at, value)
    if article < 1:
        at.fail(f"expected a positive integer or null, got {article}")
    return article


def _parse_link(at: _At, value: object, *, article_required: bool) -> Link:
    if article_required:
        obj = _object(at, value, ("id", "article", "label", "url"))
    else:
        obj = _object(at, value, ("id", "label", "url"), ("article",))
    return Link(
        id=_identifier(at.key("id"), obj["id"]),
        article=_parse_article(at.key("article"), obj.get("article")),
        label=_localized(at.key("label"), obj["label"]),
        url=_https_url(at.key("url"), obj["url"]),
    )


def _parse_links(at: _At, value: object, *, article_required: bool) -> tuple[Link, ...]:
    links = tuple(
        _parse_link(at.index(position), entry, article_required=article_required)
        for position, entry in enumerate(_array(at, value))
    )
    _unique(at, [link.id for link in links], "id")
    return links


def _parse_purpose(at: _At, value: object) -> Purpose:
    obj = _object(at, value, ("text", "plan"))
    return Purpose(
        text=_localized(at.key("text"), obj["text"]),
        plan=_choice(at.key("plan"), obj["plan"], _PLANS),
    )


def _parse_item(at: _At, value: object) -> PolicyItem:
    obj = _object(at, value, ("id", "item", "purposes", "collection", "collection_label"))
    purposes_at = at.key("purposes")
    return PolicyItem(
        id=_identifier(at.key("id"), obj["id"]),
        item=_localized(at.key("item"), obj["item"]),
        purposes=tuple(
            _parse_purpose(purposes_at.index(position), entry)
            for position, entry in enumerate(_array(purposes_at, obj["purposes"], min_items=1))
        ),
        collection=_choice(at.key("collection"), obj["collection"], _COLLECTIONS),
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


def _parse_module(at: _At, value: object) -> Module:
    obj = _object(at, value, _MODULE_KEYS)
    opt_out_allowed = _bool(at.key("opt_out_allowed"), obj["opt_out_allowed"])
    opt_out_at = at.key("opt_out_url")
    opt_out_url: str | None
    if opt_out_allowed:
        if obj["opt_out_url"] is None:
            opt_out_at.fail("required when opt_out_allowed is true (an https:// URL), got null")
        opt_out_url = _https_url(opt_out_at, obj["opt_out_url"])
    else:
        if obj["opt_out_url"] is not None:
            opt_out_at.fail(
                f"must be null when opt_out_allowed is false, got {_describe(obj['opt_out_url'])}"
            )
        opt_out_url = None

    hosts_at = at.key("hosts")
    hosts = tuple(
        _host_pattern(hosts_at.index(position), entry)
        for position, entry in enumerate(_array(hosts_at, obj["hosts"], min_items=1))
    )
    _unique(hosts_at, hosts, "host", field_name=None)

    platforms_at = at.key("platforms")
    platforms = tuple(
        _choice(platforms_at.index(position), entry, _PLATFORMS)
        for position, entry in enumerate(_array(platforms_at, obj["platforms"], min_items=1))
    )
    _unique(platforms_at, platforms, "platform", field_name=None)

    return Module(
        id=_identifier(at.key("id"), obj["id"]),
        name=_string(at.key("name"), obj["name"]),
        provider=_localized(at.key("provider"), obj["provider"]),
        collects=_localized(at.key("collects"), obj["collects"]),
        purpose=_localized(at.key("purpose"), obj["purpose"]),
        uses_cookies=_bool(at.key("uses_cookies"), obj["uses_cookies"]),
        opt_out_allowed=opt_out_allowed,
        default_enabled=_bool(at.key("default_enabled"), obj["default_enabled"]),
        opt_out_url=opt_out_url,
        policy_urls=_parse_links(at.key("policy_urls"), obj["policy_urls"], article_required=False),
        hosts=hosts,
        platforms=platforms,
    )


def _parse_texts(at: _At, value: object, folder: Path) -> dict[str, str]:
    obj = _object(at, value, _TEXT_LOCALES)
    texts: dict[str, str] = {}
    seen: dict[str, str] = {}
    for locale in _TEXT_LOCALES:
        entry_at = at.key(locale)
        raw = obj[locale]
        if not isinstance(raw, str) or _TEXT_FILE_RE.fullmatch(raw) is None:
            entry_at.fail(
                f"expected the name of a .md file in the version folder, got {_describe(raw)}"
            )
        if raw in seen:
            entry_at.fail(f"{raw!r} is already the text of {seen[raw]!r}")
        seen[raw] = locale
        text = _read_text_file(folder / raw, entry_at, raw)
        if not text.strip():
            entry_at.fail(f"file {raw!r} is empty")
        texts[locale] = text
    return texts


def _parse_translation_of(at: _At, value: object, locales: Sequence[str]) -> dict[str, str]:
    obj = _object(at, value, (), locales)
    result: dict[str, str] = {}
    for locale, original in obj.items():
        if not isinstance(original, str) or original not in locales or original == locale:
            others = ", ".join(repr(other) for other in locales if other != locale)
            at.key(locale).fail(f"expected one of {others}, got {_describe(original)}")
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
    at = _At(relative)
    data = _read_json(root, relative)
    if not isinstance(data, dict):
        at.fail(f"expected an object, got {_describe(data)}")
    if "schema" in data:
        schema = _int(at.key("schema"), data["schema"])
        if schema != SCHEMA_VERSION:
            at.key("schema").fail(
                f"unsupported schema {schema} (this app reads schema {SCHEMA_VERSION})"
            )
    obj = _object(at, data, _POLICY_KEYS)

    policy_id = obj["policy_id"]
    if not isinstance(policy_id, str) or _POLICY_ID_RE.fullmatch(policy_id) is None:
        at.key("policy_id").fail(
            f"expected a lowercase id like 'nework-app-privacy-policy', got {_describe(policy_id)}"
        )

    version = _version(at.key("version"), obj["version"])
    if version != current:
        at.key("version").fail(
            f"expected {current!r} (the folder name and index.json's current), got {version!r}"
        )
    effective_date = _iso_date(at.key("effective_date"), obj["effective_date"])
    material = _bool(at.key("material"), obj["material"])

    revisions_at = at.key("revisions")
    revisions = tuple(
        _parse_revision(revisions_at.index(position), entry)
        for position, entry in enumerate(_array(revisions_at, obj["revisions"], min_items=1))
    )
    _unique(revisions_at, [revision.version for revision in revisions], "version", "version")
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
        for position, entry in enumerate(_array(items_at, obj["items"], min_items=1))
    )
    _unique(items_at, [item.id for item in items], "id")

    modules_at = at.key("modules")
    modules = tuple(
        _parse_module(modules_at.index(position), entry)
        for position, entry in enumerate(_array(modules_at, obj["modules"]))
    )
    _unique(modules_at, [module.id for module in modules], "id")

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
