"""The signed policy feed: what the NeWork service publishes, and the one function that checks it.

``GET /api/v1/policy/feed`` answers::

    {"feed": <envelope>,
     "texts": {"ja": "<Markdown>", "en": "<Markdown>"},
     "key_list": <envelope>}                       # optional: a newer key list (a rotation)

The feed envelope (:mod:`core.signed`) carries the metadata, of type ``nework-policy-feed``::

    {"type": "nework-policy-feed", "schema": 1, "feed_version": 7,
     "issued_at": "2025-04-01T00:00:00Z", "expires": "2025-04-08T00:00:00Z",
     "policy": {…},                                 # policy.json of the version, as shipped in
                                                    # resources/policy/<version>/policy.json
     "text_sha256": {"ja": "<hex>", "en": "<hex>"}}  # SHA-256 of each text's UTF-8 bytes

The texts travel beside the signed metadata, bound to it by their hashes.  ``feed_version``
grows with every feed the service issues; ``expires`` bounds how long a captured feed can be
replayed.  A text must be exactly as the loader would read it (``\\n`` line endings, no
byte-order mark), so its hash is the one a consent record carries.

:func:`verify_feed` refuses with :class:`FeedRefused` (``reason`` one of :data:`REASONS`):

========================  ====================================================================
``malformed``             not a feed: bad JSON, a missing or mistyped field, bad base64
``bad_key_list``          a key list rotation that does not verify or is malformed
``unknown_key``           signed by a key that is not trusted (for ``policy-feed``)
``bad_signature``         the signature does not verify
``expired``               ``expires`` has passed
``feed_rollback``         a feed version older than one already seen (or the same version with
                          other content)
``text_hash``             a text whose SHA-256 is not the signed one
``invalid_policy``        metadata the policy loader refuses (its very checks,
                          :func:`.schema.parse_policy_document`), another policy id, or a version
                          already known with other texts
``policy_rollback``       a policy version older than one already seen (bundled or fetched)
========================  ====================================================================

Nothing refused is ever returned as a policy.  No Qt, no network, no files here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Final, Literal, get_args

from nework_desktop.core import validate
from nework_desktop.core.digest import sha256_hex
from nework_desktop.core.policy.model import TEXT_LOCALES, Policy, PolicyError
from nework_desktop.core.policy.schema import parse_policy_document
from nework_desktop.core.policy.trust import Trust, TrustError
from nework_desktop.core.signed import SignatureRefused, b64url_decode, open_envelope

__all__ = [
    "FEED_KIND",
    "FEED_SCHEMA",
    "REASONS",
    "FeedMarks",
    "FeedRefused",
    "Reason",
    "VerifiedFeed",
    "verify_feed",
]

Reason = Literal[
    "malformed",
    "bad_key_list",
    "unknown_key",
    "bad_signature",
    "expired",
    "feed_rollback",
    "text_hash",
    "invalid_policy",
    "policy_rollback",
]
REASONS: Final[tuple[Reason, ...]] = get_args(Reason)

FEED_KIND: Final = "nework-policy-feed"
FEED_SCHEMA: Final = 1
MAX_TEXT_CHARS: Final = 1_000_000
_META_KEYS: Final = ("type", "schema", "feed_version", "issued_at", "expires", "policy")


class FeedRefused(Exception):
    """The feed is not believed; ``reason`` (:data:`REASONS`) and a one-line ``detail``."""

    def __init__(self, reason: Reason, detail: str) -> None:
        self.reason: Reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")

    def __reduce__(self) -> tuple[type[FeedRefused], tuple[Reason, str]]:
        return (type(self), (self.reason, self.detail))


def _malformed(location: str, detail: str) -> FeedRefused:
    return FeedRefused("malformed", validate.located(location, detail))


@dataclass(frozen=True)
class FeedMarks:
    """What was seen already: the newest feed and the newest policy (bundled or fetched)."""

    feed_version: int = 0
    #: SHA-256 of that feed's signed metadata (None: not known).
    payload_sha256: str | None = None
    policy_version: str = ""
    #: The text hashes of ``policy_version`` (locale → hex), when known.
    text_sha256: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class VerifiedFeed:
    """A feed that passed every check, and what it says."""

    policy: Policy
    feed_version: int
    issued_at: str
    expires: str
    key_id: str
    #: SHA-256 of the signed metadata (a feed version's fingerprint).
    payload_sha256: str
    #: The trust after the feed's key list rotation (the one given when there was none).
    trust: Trust
    #: The reply exactly as received: what the store keeps, and checks again at start.
    raw: bytes = field(repr=False)


def _stamp(at: validate.At, value: object) -> tuple[str, datetime]:
    return at.utc_stamp(value)


def _texts(at: validate.At, value: object) -> dict[str, str]:
    obj = at.obj(value, TEXT_LOCALES)
    return {locale: at.key(locale).text(obj[locale], max_len=MAX_TEXT_CHARS) for locale in obj}


def _check_texts(texts: Mapping[str, str], hashes: Mapping[str, str]) -> None:
    for locale, text in texts.items():
        digest = sha256_hex(text.encode("utf-8"))
        if digest != hashes[locale]:
            raise FeedRefused(
                "text_hash",
                f"the {locale} text's SHA-256 is {digest}, the feed signed {hashes[locale]}",
            )
        if "\r" in text or text.startswith("\ufeff"):
            raise FeedRefused(
                "invalid_policy", f"the {locale} text is not as the loader reads it (\\r or BOM)"
            )


def _policy(
    document: object, texts: Mapping[str, str], feed_version: int, policy_id: str | None
) -> Policy:
    """The loader's own checks on the signed ``policy`` document (texts from the feed)."""

    def read_text(at: validate.At, locale: str, name: str) -> str:
        return texts[locale]

    try:
        policy = parse_policy_document(
            validate.At("", lambda loc, detail: PolicyError("feed policy", loc, detail)),
            document,
            read_text,
        )
    except PolicyError as exc:
        raise FeedRefused("invalid_policy", str(exc)) from None
    if policy_id is not None and policy.policy_id != policy_id:
        raise FeedRefused(
            "invalid_policy", f"feed {feed_version} is for {policy.policy_id!r}, not {policy_id!r}"
        )
    return policy


def _against_marks(policy: Policy, marks: FeedMarks) -> None:
    if marks.policy_version and policy.version < marks.policy_version:
        raise FeedRefused(
            "policy_rollback",
            f"policy {policy.version} is older than {marks.policy_version}, already seen",
        )
    if policy.version == marks.policy_version and marks.text_sha256:
        for locale in TEXT_LOCALES:
            known = marks.text_sha256.get(locale)
            if known is not None and known != policy.text_sha256(locale):
                raise FeedRefused(
                    "invalid_policy",
                    f"policy {policy.version} is already known with another {locale} text",
                )


def verify_feed(
    raw: bytes,
    trust: Trust,
    marks: FeedMarks | None,
    *,
    now: datetime | None,
    policy_id: str | None = None,
) -> VerifiedFeed:
    """Check a feed reply (see the module docstring); the :class:`VerifiedFeed` or
    :class:`FeedRefused` -- nothing else.

    ``marks`` and ``now`` may be None to check a feed the store kept (its signature, texts and
    policy again; its age and place in the sequence were checked when it arrived).
    ``policy_id`` is the shipped policy's id: a feed for another policy is refused.
    """
    try:
        reply = validate.parse_json(raw)
    except validate.Invalid as exc:
        raise FeedRefused("malformed", f"the reply is not JSON ({exc.detail})") from None
    top = validate.At("", _malformed)
    obj = top.obj(reply, ("feed", "texts"), ("key_list",))
    texts = _texts(top.key("texts"), obj["texts"])

    if "key_list" in obj:
        try:
            trust = trust.rotate(obj["key_list"])
        except TrustError as exc:
            raise FeedRefused("bad_key_list", str(exc)) from None
    try:
        key, meta = open_envelope(
            obj["feed"], trust.keys, use="policy-feed", kind=FEED_KIND, what="feed"
        )
    except SignatureRefused as exc:
        raise FeedRefused(exc.reason, exc.detail) from None

    at = validate.At("feed.payload", _malformed)
    meta = at.obj(meta, (*_META_KEYS, "text_sha256"))
    at.key("schema").integer(meta["schema"], minimum=FEED_SCHEMA, maximum=FEED_SCHEMA)
    feed_version = at.key("feed_version").integer(meta["feed_version"], minimum=1, maximum=2**53)
    issued_at, issued = _stamp(at.key("issued_at"), meta["issued_at"])
    expires, expiry = _stamp(at.key("expires"), meta["expires"])
    if expiry <= issued:
        at.key("expires").fail(f"{expires} is not after issued_at {issued_at}")
    hashes_at = at.key("text_sha256")
    hashes_obj = hashes_at.obj(meta["text_sha256"], TEXT_LOCALES)
    hashes = {locale: hashes_at.key(locale).sha256(value) for locale, value in hashes_obj.items()}
    envelope = obj["feed"]
    assert isinstance(envelope, dict)  # open_envelope checked it
    payload_sha256 = sha256_hex(b64url_decode(str(envelope["payload"])) or b"")

    if now is not None and expiry <= now:
        raise FeedRefused("expired", f"feed {feed_version} expired at {expires}")
    if marks is not None:
        if feed_version < marks.feed_version:
            raise FeedRefused(
                "feed_rollback",
                f"feed {feed_version} is older than feed {marks.feed_version}, already seen",
            )
        if (
            feed_version == marks.feed_version
            and marks.payload_sha256 is not None
            and payload_sha256 != marks.payload_sha256
        ):
            raise FeedRefused(
                "feed_rollback", f"feed {feed_version} was already seen with other content"
            )
    _check_texts(texts, hashes)
    policy = _policy(meta["policy"], texts, feed_version, policy_id)
    if marks is not None:
        _against_marks(policy, marks)
    return VerifiedFeed(
        policy=policy,
        feed_version=feed_version,
        issued_at=issued_at,
        expires=expires,
        key_id=key.key_id,
        payload_sha256=payload_sha256,
        trust=trust,
        raw=bytes(raw),
    )
