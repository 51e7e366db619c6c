"""The reference service's policy feed: the policy folders of a directory, published signed.

``--policy-feed DIR`` publishes the current version of ``DIR`` (the layout of
``resources/policy/``: ``index.json`` and one folder per version) as the signed feed of
``GET /api/v1/policy/feed`` (:mod:`nework_desktop.core.policy.feed` has the format).  ``DIR`` is
looked at again on every request: when ``index.json`` or the current version's files changed,
the feed is issued anew with the next feed version -- so publishing a new version is adding its
folder and pointing ``index.json``'s ``current`` at it.  A version the app's own loader would
refuse is still published (the app refuses it; that is what it is for), with a warning.

:class:`FeedSwitches` make the feed misbehave, one way each, for the tests:

* ``tampered`` -- the signed metadata is altered after signing (the signature fails);
* ``unknown_key`` -- signed by a key nobody trusts;
* ``expired`` -- issued eight days ago, expired yesterday;
* ``rolled_back`` -- the same content re-issued under the previous feed version;
* ``policy_rollback`` -- the current version's previous revision, under a new feed version;
* ``text_mismatch`` -- the English text changed after it was hashed;
* ``invalid_policy`` -- metadata the loader refuses (a module host ``http://…``), signed;
* ``bad_key_list`` -- a key list rotation signed by a key nobody trusts.

:func:`build_reply` makes a feed of any content, for tests of the app's verifier.
"""

from __future__ import annotations

import copy
import json
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from nework_desktop.core import storage
from nework_desktop.core.digest import sha256, sha256_hex
from nework_desktop.core.policy import PolicyError, load_policy
from nework_desktop.core.policy.feed import FEED_KIND, FEED_SCHEMA
from nework_desktop.core.signed import b64url_decode, b64url_encode
from nework_desktop.qa.refservice.signing import FeedKey, generate_key, payload_bytes

__all__ = ["FeedPublisher", "FeedSwitches", "build_reply", "previous_revision", "stamp"]

Json = dict[str, Any]

#: How long an issued feed stays valid.
FEED_LIFETIME_S: Final = 7 * 86_400
_MAX_FILE: Final = 4 * 1024 * 1024


def stamp(moment: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(moment))


def _sha256(text: str) -> str:
    return sha256_hex(text.encode("utf-8"))


def build_reply(
    key: FeedKey,
    policy: Mapping[str, Any],
    texts: Mapping[str, str],
    *,
    feed_version: int,
    issued_at: float,
    expires_at: float | None = None,
    key_list: Json | None = None,
    sign_as: str | None = None,
) -> bytes:
    """A feed reply: ``policy`` (a ``policy.json`` document) and its ``texts``, signed by
    ``key`` (``sign_as``: claim another key id)."""
    meta = {
        "type": FEED_KIND,
        "schema": FEED_SCHEMA,
        "feed_version": feed_version,
        "issued_at": stamp(issued_at),
        "expires": stamp(expires_at if expires_at is not None else issued_at + FEED_LIFETIME_S),
        "policy": dict(policy),
        "text_sha256": {locale: _sha256(text) for locale, text in texts.items()},
    }
    reply: Json = {"feed": key.seal(meta, key_id=sign_as), "texts": dict(texts)}
    if key_list is not None:
        reply["key_list"] = key_list
    return json.dumps(reply, ensure_ascii=False).encode("utf-8")


def previous_revision(policy: Mapping[str, Any]) -> Json:
    """``policy`` as it read at its previous revision (the loader accepts it); a copy."""
    doc = copy.deepcopy(dict(policy))
    revisions = doc["revisions"][:-1] or doc["revisions"]
    last = revisions[-1]
    doc.update(
        revisions=revisions,
        version=last["version"],
        effective_date=last["effective"],
        material=last["material"],
        change_summary=last["summary"],
    )
    return doc


@dataclass
class FeedSwitches:
    """One way each to make the feed misbehave (see the module docstring)."""

    tampered: bool = False
    unknown_key: bool = False
    expired: bool = False
    rolled_back: bool = False
    policy_rollback: bool = False
    text_mismatch: bool = False
    invalid_policy: bool = False
    bad_key_list: bool = False

    def clear(self) -> None:
        for name in vars(self):
            setattr(self, name, False)


def _read_folder(folder: Path) -> tuple[bytes, Json, dict[str, str]]:
    """(fingerprint, policy.json of the current version, texts by locale) of ``folder``."""
    digest = sha256()

    def read(path: Path) -> str:
        text = storage.read_text(path, limit=_MAX_FILE, follow_links=True, newlines=True)
        if text is None:
            raise FileNotFoundError(str(path))
        digest.update(path.name.encode() + b"\0" + text.encode("utf-8") + b"\0")
        return text

    index = json.loads(read(folder / "index.json"))
    version = folder / str(index["current"])
    policy = json.loads(read(version / "policy.json"))
    texts = {locale: read(version / name) for locale, name in dict(policy["texts"]).items()}
    return digest.digest(), policy, texts


class FeedPublisher:
    """The feed of one folder (see the module docstring); thread-safe."""

    def __init__(
        self,
        folder: Path,
        key: FeedKey | None = None,
        *,
        clock: Callable[[], float] = time.time,
        say: Callable[[str], None] | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.key = key or generate_key()
        self.switches = FeedSwitches()
        self._clock = clock
        self._say = say
        self._lock = threading.Lock()
        self._fingerprint: bytes | None = None
        self.feed_version = 0
        self.issued_at = 0.0
        self.policy: Json = {}
        self.texts: dict[str, str] = {}
        self.refresh()

    def refresh(self) -> bool:
        """Look at the folder again; True (and a new feed version) when it changed."""
        with self._lock:
            fingerprint, policy, texts = _read_folder(self.folder)
            if fingerprint == self._fingerprint:
                return False
            self._fingerprint = fingerprint
            self.policy, self.texts = policy, texts
            self.feed_version += 1
            self.issued_at = self._clock()
        try:
            load_policy(self.folder)
        except PolicyError as exc:
            self._tell(f"[refservice] warning: the app will refuse this version: {exc}")
        self._tell(
            f"[refservice] policy feed {self.feed_version}: policy {policy.get('version')} "
            f"({'material' if policy.get('material') else 'minor'} change), signed by "
            f"{self.key.key_id}"
        )
        return True

    def bump(self) -> int:
        """Issue the same content again under the next feed version."""
        with self._lock:
            self.feed_version += 1
            self.issued_at = self._clock()
            return self.feed_version

    def _tell(self, text: str) -> None:
        if self._say is not None:
            self._say(text)

    def reply(self) -> bytes:
        """The feed to serve now (after looking at the folder), switches applied."""
        self.refresh()
        with self._lock:
            policy, texts = copy.deepcopy(self.policy), dict(self.texts)
            version, issued = self.feed_version, self.issued_at
        s = self.switches
        key, key_list = self.key, None
        expires: float | None = None
        if s.expired:
            issued, expires = self._clock() - 8 * 86_400, self._clock() - 86_400
        if s.rolled_back:
            version = max(1, version - 1)
        if s.policy_rollback:
            policy, version = previous_revision(policy), version + 1
        if s.invalid_policy:
            policy["modules"][0]["hosts"][0] = "http://evil.example"
        if s.unknown_key:
            key = generate_key()
        if s.bad_key_list:
            stranger = generate_key()
            key_list = stranger.seal(
                {
                    "type": "nework-key-list",
                    "schema": 1,
                    "list_version": 99,
                    "keys": [stranger.key_list_entry()],
                }
            )
        reply = build_reply(
            key,
            policy,
            texts,
            feed_version=version,
            issued_at=issued,
            expires_at=expires,
            key_list=key_list,
        )
        if s.text_mismatch or s.tampered:
            doc = json.loads(reply)
            if s.text_mismatch:
                doc["texts"]["en"] += "\nA sentence added after the text was signed.\n"
            if s.tampered:
                feed = doc["feed"]
                sealed = json.loads(b64url_decode(feed["payload"]) or b"{}")
                sealed["policy"]["change_summary"]["en"] = "Nothing changed (tampered)."
                feed["payload"] = b64url_encode(payload_bytes(sealed))
            reply = json.dumps(doc, ensure_ascii=False).encode("utf-8")
        return reply
