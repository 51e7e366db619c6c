"""Checking the policy feed over real HTTP (loopback) against the reference service."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from nework_desktop.core.env import POLICY_DEV_KEYS
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy
from nework_desktop.core.policy.store import FEED_DIR, FeedStore, current_policy
from nework_desktop.net.service import ServiceClient
from nework_desktop.qa.refservice.feed import FeedSwitches
from nework_desktop.resources import resource_path
from nework_desktop.services.policy_feed import PolicyFeed
from tests.helpers import add_version, egress_client, shipped_copy
from tests.refservice import RefService

FEED_PATH = "/api/v1/policy/feed"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return shipped_copy(tmp_path / "published")


@pytest.fixture
def svc(folder: Path) -> Iterator[RefService]:
    with RefService(policy_feed=folder) as service:
        yield service


def store_for(paths: AppPaths, svc: RefService, *, release: bool = False) -> FeedStore:
    environ = {POLICY_DEV_KEYS: svc.signing_key.dev_keys_value()}
    return FeedStore(paths, shipped_root=resource_path("policy"), environ=environ, release=release)


def feed_for(
    paths: AppPaths, svc: RefService, bundled: Policy, *, consented: bool = True, **kw: bool
) -> PolicyFeed:
    client, _egress = egress_client(svc.url, bundled)
    return PolicyFeed(
        store_for(paths, svc, **kw), bundled, client.policy_feed, consented=lambda: consented
    )


def test_a_material_update_is_verified_kept_and_current(
    paths: AppPaths, svc: RefService, folder: Path, bundled: Policy
) -> None:
    add_version(folder, "2030-01-01", material=True, summary_en="Cameras now record.")
    check = feed_for(paths, svc, bundled).check(bundled)
    assert check.outcome == "updated" and check.material
    assert check.current.source == "service" and check.current.policy.version == "2030-01-01"
    assert check.current.policy.change_summary.en == "Cameras now record."
    assert check.previous_version == bundled.version
    # Kept in the owned roots, and what a restart shows.
    assert (paths.data / FEED_DIR / "feed.json").is_file()
    again = current_policy(store_for(paths, svc), bundled)
    assert again.policy == check.current.policy and again.source == "service"


def test_a_minor_update_is_not_material(
    paths: AppPaths, svc: RefService, folder: Path, bundled: Policy
) -> None:
    add_version(folder, "2030-01-01", material=False)
    check = feed_for(paths, svc, bundled).check(bundled)
    assert check.outcome == "updated" and not check.material


def test_the_same_policy_again_is_current_and_records_when_it_was_verified(
    paths: AppPaths, svc: RefService, bundled: Policy
) -> None:
    check = feed_for(paths, svc, bundled).check(bundled)
    assert check.outcome == "current"
    assert check.current.policy is bundled and check.current.source == "bundled"
    assert check.current.verified_at is not None and check.feed_version == 1


@pytest.mark.parametrize(
    ("switch", "reason"),
    [
        ("tampered", "bad_signature"),
        ("unknown_key", "unknown_key"),
        ("expired", "expired"),
        ("rolled_back", "feed_rollback"),
        ("policy_rollback", "policy_rollback"),
        ("text_mismatch", "text_hash"),
        ("invalid_policy", "invalid_policy"),
        ("bad_key_list", "bad_key_list"),
    ],
)
def test_each_refusal_is_logged_counted_and_the_bundled_policy_stands(
    paths: AppPaths,
    svc: RefService,
    folder: Path,
    bundled: Policy,
    *,
    caplog: pytest.LogCaptureFixture,
    switch: str,
    reason: str,
) -> None:
    assert svc.feed is not None
    feed = feed_for(paths, svc, bundled)
    if switch == "rolled_back":  # the app must have seen a later feed version first
        svc.feed.bump()
        assert feed.check(bundled).outcome == "current"
    elif switch != "policy_rollback":  # (that one serves the revision before the bundled one)
        add_version(folder, "2030-01-01", material=True)  # the refused feed carries a newer one
    setattr(svc.feed.switches, switch, True)
    with caplog.at_level(logging.ERROR, logger="nework.policy"):
        check = feed.check(bundled)
    assert check.outcome == "refused" and check.reason == reason
    assert f"policy feed refused ({reason})" in caplog.text
    assert f"the policy in use ({bundled.version}) stands" in caplog.text
    assert feed.store.state().refusals[reason] == 1
    current = current_policy(feed.store, bundled)
    assert current.policy is bundled and current.source == "bundled"
    assert check.current.policy is bundled


def test_every_switch_is_in_the_refusal_test() -> None:
    assert set(vars(FeedSwitches())) == {
        "tampered",
        "unknown_key",
        "expired",
        "rolled_back",
        "policy_rollback",
        "text_mismatch",
        "invalid_policy",
        "bad_key_list",
    }


def test_a_release_build_refuses_a_feed_signed_by_a_development_key(
    paths: AppPaths, svc: RefService, folder: Path, bundled: Policy
) -> None:
    add_version(folder, "2030-01-01", material=True)
    check = feed_for(paths, svc, bundled, release=True).check(bundled)
    assert check.outcome == "refused" and check.reason == "unknown_key"


def test_nothing_is_fetched_without_consent(
    paths: AppPaths, svc: RefService, bundled: Policy
) -> None:
    check = feed_for(paths, svc, bundled, consented=False).check(bundled)
    assert check.outcome == "no-consent"
    assert svc.count(FEED_PATH) == 0
    assert not paths.data.exists()


def test_the_egress_rules_are_asked_first(
    paths: AppPaths, svc: RefService, bundled: Policy
) -> None:
    client, egress = egress_client(svc.url, bundled, consented=False)
    feed = PolicyFeed(store_for(paths, svc), bundled, client.policy_feed, consented=lambda: True)
    check = feed.check(bundled)
    assert check.outcome == "unreachable" and "do not allow" in check.detail
    assert svc.count(FEED_PATH) == 0
    assert [b.reason for b in egress.recent_blocked()] == ["before-consent"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_offline_and_no_feed_are_unreachable_and_change_nothing(
    paths: AppPaths, bundled: Policy
) -> None:
    client = ServiceClient(f"http://127.0.0.1:{free_port()}")
    store = FeedStore(paths, shipped_root=resource_path("policy"), environ={})
    offline = PolicyFeed(store, bundled, client.policy_feed, consented=lambda: True).check(bundled)
    assert offline.outcome == "unreachable"
    with RefService() as svc:  # a service that publishes no feed
        client, _ = egress_client(svc.url, bundled)
        none = PolicyFeed(store, bundled, client.policy_feed, consented=lambda: True)
        check = none.check(bundled)
    assert check.outcome == "unreachable" and check.detail == "the service publishes no policy feed"
    assert not paths.data.exists()
