"""The signed policy feed and the consent acknowledgements, fuzzed (issue 14): whatever the
service -- or someone between -- sends, the verifier ends in its own refusal or a policy that
passed every check; the files kept for them read as defaults when damaged."""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nework_desktop.core.consent import ConsentRecord
from nework_desktop.core.export.receipts import receipt_id
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy, load_policy
from nework_desktop.core.policy.feed import FeedMarks, FeedRefused, verify_feed
from nework_desktop.core.policy.store import FEED_DIR, FeedStore, current_policy
from nework_desktop.core.policy.trust import Trust
from nework_desktop.core.proof import AckRefused, read_acks, read_queue, verify_ack
from nework_desktop.core.signed import b64url_decode
from nework_desktop.qa.refservice.feed import FeedPublisher
from nework_desktop.qa.refservice.signing import FeedKey
from nework_desktop.resources import resource_path
from tests.fuzz.strategies import FUZZ, hostile_bytes, json_values, mutated
from tests.helpers import record_acceptance, shipped_copy, trust_of

pytestmark = pytest.mark.fuzz

NOW = datetime.now(UTC)


@pytest.fixture(scope="module")
def trust(key: FeedKey) -> Trust:
    return trust_of(key)


@pytest.fixture(scope="module")
def good_reply(tmp_path_factory: pytest.TempPathFactory, key: FeedKey) -> dict[str, Any]:
    folder = shipped_copy(tmp_path_factory.mktemp("feed") / "policy")
    doc: dict[str, Any] = json.loads(FeedPublisher(folder, key).reply())
    return doc


@pytest.fixture(scope="module")
def good_meta(good_reply: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = json.loads(b64url_decode(good_reply["feed"]["payload"]) or b"")
    return meta


def _verify(raw: bytes, trust: Trust) -> Policy | None:
    try:
        feed = verify_feed(raw, trust, FeedMarks(), now=NOW, policy_id=None)
    except FeedRefused as exc:
        assert exc.reason and exc.detail
        return None
    assert isinstance(feed.policy, Policy) and feed.feed_version >= 1
    return feed.policy


@FUZZ
@given(raw=hostile_bytes)
def test_feed_bytes(trust: Trust, raw: bytes) -> None:
    assert _verify(raw, trust) is None


@FUZZ
@given(data=st.data())
def test_feed_replies_with_wrong_fields(
    trust: Trust, good_reply: dict[str, Any], data: st.DataObject
) -> None:
    """Anything changed outside the signature: the texts, the envelope, the rotation."""
    doc = data.draw(mutated(good_reply))
    policy = _verify(json.dumps(doc).encode("utf-8"), trust)
    if policy is not None:  # only a change that alters nothing signed can still verify
        assert dict(policy.texts) == good_reply["texts"]


@FUZZ
@given(data=st.data())
def test_signed_metadata_of_every_shape(
    key: FeedKey,
    trust: Trust,
    good_reply: dict[str, Any],
    good_meta: dict[str, Any],
    data: st.DataObject,
) -> None:
    """Metadata a trusted key really signed, mutated anywhere (the policy document included):
    the loader's checks and the feed's own end in a refusal, never another exception."""
    meta = data.draw(mutated(good_meta))
    doc = {**good_reply, "feed": key.seal(meta)}
    _verify(json.dumps(doc).encode("utf-8"), trust)


@FUZZ
@given(envelope=json_values)
def test_envelopes_of_any_shape_as_a_feed(trust: Trust, envelope: object) -> None:
    raw = json.dumps({"feed": envelope, "texts": {"ja": "a", "en": "b"}}).encode()
    assert _verify(raw, trust) is None


# -- acknowledgements ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> ConsentRecord:
    paths = AppPaths.from_environment(basedir=tmp_path_factory.mktemp("ack") / "base")
    return record_acceptance(paths, load_policy())


@pytest.fixture(scope="module")
def good_ack(record: ConsentRecord) -> dict[str, Any]:
    return {
        "type": "nework-consent-ack",
        "schema": 1,
        "receipt_id": receipt_id(record),
        "record_seq": record.seq,
        "head_hash": record.hash,
        "acknowledged_at": record.recorded_at[:19] + "Z",
    }


def _ack(envelope: object, trust: Trust, record: ConsentRecord) -> None:
    with contextlib.suppress(AckRefused):
        ack = verify_ack(envelope, trust.keys, record, now=NOW)
        assert ack.head_hash == record.hash and ack.record_seq == record.seq


@FUZZ
@given(envelope=json_values)
def test_acknowledgements_of_any_shape(
    trust: Trust, record: ConsentRecord, envelope: object
) -> None:
    _ack(envelope, trust, record)


@FUZZ
@given(raw=hostile_bytes)
def test_acknowledgement_payload_bytes(
    key: FeedKey, trust: Trust, record: ConsentRecord, raw: bytes
) -> None:
    """Bytes of any kind, really signed by the trusted key."""
    from nework_desktop.core.signed import b64url_encode

    envelope = {
        "key_id": key.key_id,
        "payload": b64url_encode(raw),
        "signature": b64url_encode(key.sign(raw)),
    }
    _ack(envelope, trust, record)


@FUZZ
@given(data=st.data())
def test_signed_acknowledgements_with_wrong_fields(
    key: FeedKey, trust: Trust, record: ConsentRecord, good_ack: dict[str, Any], data: st.DataObject
) -> None:
    _ack(key.seal(data.draw(mutated(good_ack))), trust, record)


# -- the files kept for them ------------------------------------------------------------------


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> AppPaths:
    p = AppPaths.from_environment(basedir=tmp_path_factory.mktemp("files") / "base")
    (p.ensure("data") / FEED_DIR).mkdir()
    p.ensure("state")
    return p


@FUZZ
@given(data=st.one_of(hostile_bytes, json_values.map(lambda v: json.dumps(v).encode())))
def test_every_file_of_the_feed_and_the_receipts(
    paths: AppPaths, record: ConsentRecord, trust: Trust, bundled: Policy, data: bytes
) -> None:
    folder = paths.data / FEED_DIR
    for target in (
        folder / "feed.json",
        folder / "state.json",
        folder / "keys.json",
        paths.data / "consent-acks.json",
        paths.state / "consent-receipt-queue.json",
    ):
        target.write_bytes(data)
    store = FeedStore(paths, shipped_root=resource_path("policy"), environ={})
    current = current_policy(store, bundled)
    assert current.policy is bundled  # nothing unsigned is ever the policy in use
    assert store.marks(bundled).policy_version >= bundled.version
    assert store.stored(trust, bundled.policy_id) is None
    assert store.trust().chain == ()  # a hostile key chain is ignored, never an exception
    assert read_acks(paths, (record,), trust.keys, now=NOW) == {}
    assert all(e.record_seq >= 1 for e in read_queue(paths).entries)


def test_the_reply_fixture_verifies(trust: Trust, good_reply: dict[str, Any]) -> None:
    assert _verify(json.dumps(good_reply).encode(), trust) is not None


def test_the_ack_fixture_verifies(
    key: FeedKey, trust: Trust, record: ConsentRecord, good_ack: dict[str, Any]
) -> None:
    assert verify_ack(key.seal(good_ack), trust.keys, record, now=NOW).record_seq == 1
