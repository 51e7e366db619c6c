"""The feed verifier (core.policy.feed): a good feed, and every refusal of the issue."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from nework_desktop.core.policy import load_policy
from nework_desktop.core.policy.feed import FeedMarks, FeedRefused, verify_feed
from nework_desktop.core.policy.trust import USES, Trust
from nework_desktop.qa.refservice.feed import FeedPublisher, build_reply
from nework_desktop.qa.refservice.signing import FeedKey, generate_key
from tests.helpers import add_version, shipped_copy, trust_of

NOW = datetime.now(UTC)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return add_version(shipped_copy(tmp_path / "feed"), "2030-01-01", material=True)


@pytest.fixture
def publisher(folder: Path, key: FeedKey) -> FeedPublisher:
    return FeedPublisher(folder, key)


def verify(raw: bytes, trust: Trust, marks: FeedMarks | None = None, **kw: Any) -> Any:
    return verify_feed(
        raw,
        trust,
        FeedMarks() if marks is None else marks,
        now=kw.pop("now", NOW),
        policy_id=kw.pop("policy_id", "nework-app-privacy-policy"),
    )


def refused(raw: bytes, trust: Trust, marks: FeedMarks | None = None, **kw: Any) -> FeedRefused:
    with pytest.raises(FeedRefused) as caught:
        verify(raw, trust, marks, **kw)
    return caught.value


def test_a_good_feed_is_the_policy_of_its_folder(
    publisher: FeedPublisher, key: FeedKey, folder: Path
) -> None:
    feed = verify(publisher.reply(), trust_of(key))
    expected = load_policy(folder)
    assert feed.policy == expected
    assert dict(feed.policy.texts) == dict(expected.texts)
    assert feed.policy.text_sha256("ja") == expected.text_sha256("ja")
    assert feed.feed_version == 1 and feed.key_id == key.key_id
    assert feed.trust.chain == ()


@pytest.mark.parametrize(
    ("switch", "reason"),
    [
        ("tampered", "bad_signature"),
        ("unknown_key", "unknown_key"),
        ("expired", "expired"),
        ("text_mismatch", "text_hash"),
        ("invalid_policy", "invalid_policy"),
        ("bad_key_list", "bad_key_list"),
    ],
)
def test_each_switch_of_the_reference_feed_is_refused(
    publisher: FeedPublisher, key: FeedKey, switch: str, reason: str
) -> None:
    setattr(publisher.switches, switch, True)
    assert refused(publisher.reply(), trust_of(key)).reason == reason


def test_the_loaders_own_message_names_the_bad_field(
    publisher: FeedPublisher, key: FeedKey
) -> None:
    publisher.switches.invalid_policy = True
    detail = refused(publisher.reply(), trust_of(key)).detail
    assert "modules[0].hosts[0]" in detail and "http://evil.example" in detail


def test_a_feed_version_older_than_one_seen_is_a_rollback(
    publisher: FeedPublisher, key: FeedKey
) -> None:
    seen = verify(publisher.reply(), trust_of(key))
    publisher.bump()
    newer = verify(publisher.reply(), trust_of(key), FeedMarks(seen.feed_version))
    assert newer.feed_version == 2
    publisher.switches.rolled_back = True
    marks = FeedMarks(newer.feed_version, newer.payload_sha256)
    assert refused(publisher.reply(), trust_of(key), marks).reason == "feed_rollback"


def test_the_same_feed_version_with_other_content_is_a_rollback(
    publisher: FeedPublisher, key: FeedKey
) -> None:
    seen = verify(publisher.reply(), trust_of(key))
    verify(publisher.reply(), trust_of(key), FeedMarks(1, seen.payload_sha256))  # the same: fine
    other = build_reply(
        key, publisher.policy, publisher.texts, feed_version=1, issued_at=NOW.timestamp() - 5
    )
    assert refused(other, trust_of(key), FeedMarks(1, seen.payload_sha256)).reason == (
        "feed_rollback"
    )


def test_a_policy_version_older_than_one_seen_is_a_rollback(
    publisher: FeedPublisher, key: FeedKey
) -> None:
    publisher.switches.policy_rollback = True  # 2024-02-08 under a newer feed version
    marks = FeedMarks(1, None, "2030-01-01")
    error = refused(publisher.reply(), trust_of(key), marks)
    assert error.reason == "policy_rollback"
    assert "2024-02-08" in error.detail


def test_the_bundled_version_counts_as_seen(tmp_path: Path, key: FeedKey) -> None:
    publisher = FeedPublisher(shipped_copy(tmp_path / "f"), key)
    publisher.switches.policy_rollback = True  # 2023-06-14: older than the bundled policy
    bundled = load_policy()
    marks = FeedMarks(0, None, bundled.version)
    assert refused(publisher.reply(), trust_of(key), marks).reason == "policy_rollback"


def test_a_known_version_with_another_text_is_refused(
    tmp_path: Path, key: FeedKey, publisher: FeedPublisher
) -> None:
    bundled = load_policy()
    seen = verify(publisher.reply(), trust_of(key))
    hashes = {loc: seen.policy.text_sha256(loc) for loc in ("ja", "en")}
    changed = dict(publisher.texts, en=publisher.texts["en"] + "\nOne more sentence.\n")
    raw = build_reply(key, publisher.policy, changed, feed_version=2, issued_at=NOW.timestamp())
    marks = FeedMarks(1, seen.payload_sha256, "2030-01-01", hashes)
    error = refused(raw, trust_of(key), marks)
    assert error.reason == "invalid_policy" and "already known" in error.detail
    assert bundled.version < "2030-01-01"


def test_a_feed_for_another_policy_is_refused(publisher: FeedPublisher, key: FeedKey) -> None:
    policy = dict(publisher.policy, policy_id="someone-elses-policy")
    raw = build_reply(key, policy, publisher.texts, feed_version=1, issued_at=NOW.timestamp())
    assert refused(raw, trust_of(key)).reason == "invalid_policy"


def test_a_key_trusted_only_for_acknowledgements_cannot_sign_a_feed(
    publisher: FeedPublisher, key: FeedKey
) -> None:
    error = refused(publisher.reply(), trust_of(key, uses=("consent-ack",)))
    assert error.reason == "unknown_key"


def test_a_text_with_carriage_returns_is_not_what_the_loader_reads(
    publisher: FeedPublisher, key: FeedKey
) -> None:
    texts = dict(publisher.texts, ja=publisher.texts["ja"].replace("\n", "\r\n"))
    raw = build_reply(key, publisher.policy, texts, feed_version=1, issued_at=NOW.timestamp())
    assert refused(raw, trust_of(key)).reason == "invalid_policy"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"not json",
        b"[]",
        b'{"feed": {}, "texts": {}}',
        b'{"feed": 1, "texts": {"ja": "a", "en": "b"}}',
        b'{"feed": {}, "texts": {"ja": "a", "en": "b"}, "more": 1}',
    ],
)
def test_what_is_not_a_feed_is_malformed(raw: bytes, key: FeedKey) -> None:
    assert refused(raw, trust_of(key)).reason == "malformed"


def test_metadata_fields_are_checked(publisher: FeedPublisher, key: FeedKey) -> None:
    for change in (
        {"feed_version": 0},
        {"feed_version": "7"},
        {"expires": "tomorrow"},
        {"schema": 2},
        {"text_sha256": {"ja": "x", "en": "y"}},
        {"surprise": True},
    ):
        doc = json.loads(publisher.reply())
        from nework_desktop.core.signed import b64url_decode

        meta = json.loads(b64url_decode(doc["feed"]["payload"]) or b"")
        meta.update(change)
        doc["feed"] = key.seal(meta)
        assert refused(json.dumps(doc).encode(), trust_of(key)).reason == "malformed", change


def test_expiry_is_not_checked_again_for_the_stored_feed(
    publisher: FeedPublisher, key: FeedKey
) -> None:
    raw = publisher.reply()
    later = NOW + timedelta(days=30)
    assert refused(raw, trust_of(key), now=later).reason == "expired"
    stored = verify_feed(raw, trust_of(key), None, now=None)
    assert stored.policy.version == "2030-01-01"


# -- key rotation --------------------------------------------------------------------------


def rotation(signer: FeedKey, version: int, *new_keys: FeedKey) -> dict[str, Any]:
    return signer.seal(
        {
            "type": "nework-key-list",
            "schema": 1,
            "list_version": version,
            "keys": [k.key_list_entry() for k in new_keys],
        }
    )


def test_a_new_key_list_signed_by_the_current_key_is_adopted(folder: Path, key: FeedKey) -> None:
    new_key = generate_key()
    publisher = FeedPublisher(folder, new_key)
    doc = json.loads(publisher.reply())
    doc["key_list"] = rotation(key, 2, new_key)
    feed = verify(json.dumps(doc).encode(), trust_of(key))
    assert feed.key_id == new_key.key_id
    assert feed.trust.current.list_version == 2
    assert list(feed.trust.keys) == [new_key.key_id]  # the old key is no longer trusted
    assert len(feed.trust.chain) == 1
    again = Trust.from_chain(trust_of(key).current, feed.trust.chain, {})
    assert list(again.keys) == [new_key.key_id]


def test_a_key_list_that_is_not_newer_changes_nothing(folder: Path, key: FeedKey) -> None:
    doc = json.loads(FeedPublisher(folder, key).reply())
    doc["key_list"] = rotation(key, 1, generate_key())
    feed = verify(json.dumps(doc).encode(), trust_of(key))
    assert feed.trust.chain == () and list(feed.trust.keys) == [key.key_id]


def test_a_key_list_signed_by_a_key_not_trusted_for_lists_is_refused(
    folder: Path, key: FeedKey
) -> None:
    doc = json.loads(FeedPublisher(folder, key).reply())
    doc["key_list"] = rotation(key, 2, key)
    trust = trust_of(key, uses=tuple(u for u in USES if u != "key-list"))
    assert refused(json.dumps(doc).encode(), trust).reason == "bad_key_list"


def test_a_broken_stored_chain_falls_back_to_the_shipped_list(key: FeedKey) -> None:
    stranger = generate_key()
    chain = [rotation(stranger, 2, stranger)]
    trust = Trust.from_chain(trust_of(key).current, chain, {})
    assert list(trust.keys) == [key.key_id] and trust.chain == ()
