"""The privacy policy as data: immutable dataclasses, one per kind of thing the policy names.

Built by :mod:`nework_desktop.core.policy.loader` from ``resources/policy/``; read by the consent
dialog, the launch decision, the egress rules, the privacy center and the export.  A version id
is the ISO date (``YYYY-MM-DD``) on which that revision took effect, so version ids order
correctly as plain strings.  No Qt here: the UI renders :meth:`Policy.text` (Markdown) itself.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Final, Literal

from nework_desktop.core.digest import sha256_hex

__all__ = [
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
    "is_host_name",
    "text_locale",
]

Plan = Literal["all", "enterprise"]
CollectionMethod = Literal["manual", "automatic"]
Platform = Literal["windows", "macos", "linux", "ios", "android"]
TextLocale = Literal["ja", "en"]

DESKTOP_PLATFORMS: Final = frozenset({"windows", "macos"})
TEXT_LOCALES: Final[tuple[TextLocale, ...]] = ("ja", "en")

_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST_RE: Final = re.compile(rf"{_LABEL}(?:\.{_LABEL})+", re.ASCII)


def text_locale(locale: str) -> TextLocale:
    """Map a UI locale ("ja", "ja_JP", "ja-JP", "en_US", "fr", ...) to "ja" or "en"."""
    return "ja" if locale.strip().lower().startswith("ja") else "en"


def is_host_name(name: str) -> bool:
    """A lowercase DNS host name with at least two labels and a non-numeric last label."""
    return (
        len(name) <= 253
        and _HOST_RE.fullmatch(name) is not None
        and not name.rsplit(".", 1)[-1].isdigit()
    )


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
        return self.ja if text_locale(locale) == "ja" else self.en


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
        return any(platform in DESKTOP_PLATFORMS for platform in self.platforms)

    def matches_host(self, host: str) -> bool:
        """True if ``host`` (a host name, any case, optional trailing dot) is one of ``hosts``."""
        name = host.strip().rstrip(".").lower()
        if not is_host_name(name):
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
        return text_locale(locale)

    def text(self, locale: str) -> str:
        """The Markdown text for a UI locale (Japanese for "ja*", else English)."""
        return self.texts[text_locale(locale)]

    def text_sha256(self, locale: str) -> str:
        """Hex SHA-256 of the UTF-8 encoding of :meth:`text` (for the consent record)."""
        return sha256_hex(self.text(locale).encode("utf-8"))

    def is_translation(self, locale: str) -> bool:
        """True if the text shown for ``locale`` is a translation (the original prevails)."""
        return text_locale(locale) in self.translation_of

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
