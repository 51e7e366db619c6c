"""The fetched policy in the owned roots (core.policy.store), and which policy is current."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from nework_desktop.core.env import POLICY_DEV_KEYS
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy, load_policy
from nework_desktop.core.policy.feed import FeedRefused, VerifiedFeed, verify_feed
from nework_desktop.core.policy.store import FEED_DIR, FeedStore, current_policy
from nework_desktop.qa.refservice.feed import FeedPublisher
from nework_desktop.qa.refservice.signing import FeedKey
from nework_desktop.resources import resource_path
from tests.helpers import add_version, shipped_copy, tree

NOW = datetime.now(UTC)
AT = "2030-01-02T03:04:05Z"


def store_for(paths: AppPaths, key: FeedKey, *, release: bool = False) -> FeedStore:
    return FeedStore(
        paths,
        shipped_root=resource_path("policy"),
        environ={POLICY_DEV_KEYS: key.dev_keys_value()},
        release=release,
    )


def fetched(tmp_path: Path, key: FeedKey, store: FeedStore, bundled: Policy) -> VerifiedFeed:
    folder = add_version(shipped_copy(tmp_path / "feed"), "2030-01-01", material=True)
    raw = FeedPublisher(folder, key).reply()
    return verify_feed(raw, store.trust(), store.marks(bundled), now=NOW)


def test_nothing_kept_means_the_bundled_policy_and_nothing_read(
    paths: AppPaths, key: FeedKey, bundled: Policy
) -> None:
    current = current_policy(store_for(paths, key), bundled)
    assert current.policy is bundled and current.source == "bundled"
    assert current.to_json() == {
        "bundled_version": "2024-02-08",
        "current_version": "2024-02-08",
        "source": "bundled",
        "verified_at": None,
        "feed_version": None,
    }
    assert not paths.data.exists()


def test_a_kept_newer_feed_is_current_and_checked_again(
    tmp_path: Path, paths: AppPaths, key: FeedKey, bundled: Policy
) -> None:
    store = store_for(paths, key)
    feed = fetched(tmp_path, key, store, bundled)
    state = store.save(feed, AT)
    assert state.feed_version == 1 and state.policy_version == "2030-01-01"
    assert sorted(tree(paths.data / FEED_DIR)) == ["feed.json", "state.json"]
    assert (paths.data / FEED_DIR / "feed.json").read_bytes() == feed.raw

    current = current_policy(store, bundled)
    assert current.source == "service" and current.policy.version == "2030-01-01"
    assert current.verified_at == AT and current.feed_version == 1
    assert current.policy.text_sha256("en") == feed.policy.text_sha256("en")
    marks = store.marks(bundled)
    assert marks.feed_version == 1 and marks.policy_version == "2030-01-01"
    assert marks.text_sha256["ja"] == feed.policy.text_sha256("ja")


def test_an_edited_kept_feed_is_not_believed(
    tmp_path: Path, paths: AppPaths, key: FeedKey, bundled: Policy, caplog: pytest.LogCaptureFixture
) -> None:
    store = store_for(paths, key)
    store.save(fetched(tmp_path, key, store, bundled), AT)
    kept = paths.data / FEED_DIR / "feed.json"
    doc = json.loads(kept.read_bytes())
    doc["texts"]["en"] = doc["texts"]["en"].replace("NeWork", "NoWork")
    kept.write_text(json.dumps(doc), encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        current = current_policy(store, bundled)
    assert current.policy is bundled and current.source == "bundled"
    assert "not believed (text_hash" in caplog.text


def test_a_release_build_does_not_believe_a_feed_signed_by_a_development_key(
    tmp_path: Path, paths: AppPaths, key: FeedKey, bundled: Policy
) -> None:
    store_for(paths, key).save(fetched(tmp_path, key, store_for(paths, key), bundled), AT)
    release = store_for(paths, key, release=True)
    assert current_policy(release, bundled).policy is bundled


def test_a_newer_bundled_policy_wins_over_an_older_kept_one(
    tmp_path: Path, paths: AppPaths, key: FeedKey, bundled: Policy
) -> None:
    store = store_for(paths, key)
    store.save(fetched(tmp_path, key, store, bundled), AT)
    newer_app = load_policy(
        add_version(shipped_copy(tmp_path / "app"), "2031-01-01", material=False)
    )
    current = current_policy(store, newer_app)
    assert current.policy is newer_app and current.source == "bundled"
    assert store.marks(newer_app).policy_version == "2031-01-01"


def test_refusals_are_counted_by_reason(paths: AppPaths, key: FeedKey) -> None:
    store = store_for(paths, key)
    store.note_refusal(FeedRefused("expired", "feed 3 expired"), AT)
    state = store.note_refusal(FeedRefused("expired", "feed 4 expired"), AT)
    state = store.note_refusal(FeedRefused("bad_signature", "x" * 1000), AT)
    assert dict(state.refusals) == {"expired": 2, "bad_signature": 1}
    assert state.last_refusal is not None and len(state.last_refusal["detail"]) == 300
    assert store.state() == state


def test_a_paused_store_writes_nothing(
    tmp_path: Path, paths: AppPaths, key: FeedKey, bundled: Policy
) -> None:
    store = store_for(paths, key)
    feed = fetched(tmp_path, key, store, bundled)
    store.pause()
    store.save(feed, AT)
    store.note_refusal(FeedRefused("expired", "x"), AT)
    assert not paths.data.exists()
    store.resume()
    store.save(feed, AT)
    assert (paths.data / FEED_DIR / "state.json").is_file()


@pytest.mark.parametrize(
    "content",
    [b"{", b"[]", b'{"schema": 2}', b'{"schema": 1, "refusals": {"nonsense": 1}}', b"\xff"],
)
def test_a_damaged_state_reads_as_fresh(paths: AppPaths, key: FeedKey, content: bytes) -> None:
    folder = paths.ensure("data") / FEED_DIR
    folder.mkdir()
    (folder / "state.json").write_bytes(content)
    assert store_for(paths, key).state().feed_version == 0


def test_a_stored_chain_that_is_not_a_chain_is_ignored(paths: AppPaths, key: FeedKey) -> None:
    folder = paths.ensure("data") / FEED_DIR
    folder.mkdir()
    (folder / "keys.json").write_text('{"schema": 1, "chain": "no"}', encoding="utf-8")
    assert list(store_for(paths, key).trust().keys) == [key.key_id]
    (folder / "keys.json").write_text("[1]", encoding="utf-8")
    assert list(store_for(paths, key).trust().keys) == [key.key_id]
