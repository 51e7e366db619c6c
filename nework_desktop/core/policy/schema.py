"""The schema of ``policy.json``: one document checked, value by value, into a :class:`Policy`.

Used by the loader (:mod:`.loader`: the shipped folder, files on disk) and by the signed feed
(:mod:`.feed`: a document the NeWork service published), so a policy from either place passes the
very same checks.  Each check goes through :class:`core.validate.At` with :class:`PolicyError` as
its error (:func:`~.values.at_file`), so a bad field is named with its JSON-path-like location,
e.g. ``modules[2].hosts[0]: expected a host name or '*.domain', got 'http://x'``.

The texts are not read here: :func:`parse_policy_document` asks ``read_text(at, locale, name)``
for each one (the loader reads the file ``name`` of the version folder; the feed hands over the
text it carries).  No Qt, no I/O here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import MappingProxyType
from typing import Final

from nework_desktop.core import validate
from nework_desktop.core.policy.model import (
    TEXT_LOCALES,
    Link,
    Module,
    Policy,
    PolicyItem,
    Purpose,
    Revision,
)
from nework_desktop.core.policy.values import (
    COLLECTIONS,
    PLANS,
    PLATFORMS,
    POLICY_ID_RE,
    TEXT_FILE_RE,
    host_pattern,
    https_url,
    identifier,
    iso_date,
    localized,
    version_id,
)
from nework_desktop.core.validate import describe

__all__ = ["SCHEMA_VERSION", "TextReader", "parse_policy_document"]

SCHEMA_VERSION: Final = 1
"""The ``schema`` value of ``policy.json`` this module reads."""

#: Reads the text of one language: ``(location, locale, file name) -> text``; fails at ``at``.
TextReader = Callable[[validate.At, str, str], str]


def _parse_revision(at: validate.At, value: object) -> Revision:
    obj = at.obj(value, ("version", "announced", "effective", "reference", "material", "summary"))
    version = version_id(at.key("version"), obj["version"])
    announced = iso_date(at.key("announced"), obj["announced"])
    effective = iso_date(at.key("effective"), obj["effective"])
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
        summary=localized(at.key("summary"), obj["summary"]),
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
        id=identifier(at.key("id"), obj["id"]),
        article=_parse_article(at.key("article"), obj.get("article")),
        label=localized(at.key("label"), obj["label"]),
        url=https_url(at.key("url"), obj["url"]),
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
        text=localized(at.key("text"), obj["text"]),
        plan=at.key("plan").choice(obj["plan"], PLANS),
    )


def _parse_item(at: validate.At, value: object) -> PolicyItem:
    obj = at.obj(value, ("id", "item", "purposes", "collection", "collection_label"))
    purposes_at = at.key("purposes")
    return PolicyItem(
        id=identifier(at.key("id"), obj["id"]),
        item=localized(at.key("item"), obj["item"]),
        purposes=tuple(
            _parse_purpose(purposes_at.index(position), entry)
            for position, entry in enumerate(purposes_at.array(obj["purposes"], min_items=1))
        ),
        collection=at.key("collection").choice(obj["collection"], COLLECTIONS),
        collection_label=localized(at.key("collection_label"), obj["collection_label"]),
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
        opt_out_url = https_url(opt_out_at, obj["opt_out_url"])
    else:
        if obj["opt_out_url"] is not None:
            opt_out_at.fail(
                f"must be null when opt_out_allowed is false, got {describe(obj['opt_out_url'])}"
            )
        opt_out_url = None

    hosts_at = at.key("hosts")
    hosts = tuple(
        host_pattern(hosts_at.index(position), entry)
        for position, entry in enumerate(hosts_at.array(obj["hosts"], min_items=1))
    )
    hosts_at.unique(hosts, "host", field=None)

    platforms_at = at.key("platforms")
    platforms = tuple(
        platforms_at.index(position).choice(entry, PLATFORMS)
        for position, entry in enumerate(platforms_at.array(obj["platforms"], min_items=1))
    )
    platforms_at.unique(platforms, "platform", field=None)

    return Module(
        id=identifier(at.key("id"), obj["id"]),
        name=at.key("name").text(obj["name"]),
        provider=localized(at.key("provider"), obj["provider"]),
        collects=localized(at.key("collects"), obj["collects"]),
        purpose=localized(at.key("purpose"), obj["purpose"]),
        uses_cookies=at.key("uses_cookies").flag(obj["uses_cookies"]),
        opt_out_allowed=opt_out_allowed,
        default_enabled=at.key("default_enabled").flag(obj["default_enabled"]),
        opt_out_url=opt_out_url,
        policy_urls=_parse_links(at.key("policy_urls"), obj["policy_urls"], article_required=False),
        hosts=hosts,
        platforms=platforms,
    )


def _parse_texts(at: validate.At, value: object, read_text: TextReader) -> dict[str, str]:
    obj = at.obj(value, TEXT_LOCALES)
    texts: dict[str, str] = {}
    seen: dict[str, str] = {}
    for locale in TEXT_LOCALES:
        entry_at = at.key(locale)
        raw = obj[locale]
        if not isinstance(raw, str) or TEXT_FILE_RE.fullmatch(raw) is None:
            entry_at.fail(
                f"expected the name of a .md file in the version folder, got {describe(raw)}"
            )
        if raw in seen:
            entry_at.fail(f"{raw!r} is already the text of {seen[raw]!r}")
        seen[raw] = locale
        text = read_text(entry_at, locale, raw)
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


def parse_policy_document(
    at: validate.At,
    data: object,
    read_text: TextReader,
    *,
    expected_version: str | None = None,
    expected_why: str = "the folder name and index.json's current",
) -> Policy:
    """Check ``data`` (the parsed ``policy.json``) and return the :class:`Policy` it describes.

    ``expected_version``, when given, is the version the document must name (``expected_why``
    says why, in the error).  Raises :class:`PolicyError` (through ``at``) and nothing else.
    """
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
    if not isinstance(policy_id, str) or POLICY_ID_RE.fullmatch(policy_id) is None:
        at.key("policy_id").fail(
            f"expected a lowercase id like 'nework-app-privacy-policy', got {describe(policy_id)}"
        )

    version = version_id(at.key("version"), obj["version"])
    if expected_version is not None and version != expected_version:
        at.key("version").fail(f"expected {expected_version!r} ({expected_why}), got {version!r}")
    effective_date = iso_date(at.key("effective_date"), obj["effective_date"])
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

    texts = _parse_texts(at.key("texts"), obj["texts"], read_text)
    translation_of = _parse_translation_of(
        at.key("translation_of"), obj["translation_of"], tuple(texts)
    )

    return Policy(
        policy_id=policy_id,
        version=version,
        effective_date=effective_date,
        title=localized(at.key("title"), obj["title"]),
        company=localized(at.key("company"), obj["company"]),
        product=localized(at.key("product"), obj["product"]),
        material=material,
        change_summary=localized(at.key("change_summary"), obj["change_summary"]),
        revisions=revisions,
        links=_parse_links(at.key("links"), obj["links"], article_required=True),
        items=items,
        modules=modules,
        texts=MappingProxyType(texts),
        translation_of=MappingProxyType(translation_of),
    )
