"""The app and the service's signed policy feed, over real HTTP to the reference service:
a material update asks again (and the new consent is acknowledged), a minor one shows the
notice, every refusal changes nothing the user sees."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from nework_desktop.app.controller import AppController
from nework_desktop.core.consent import ConsentLedger
from nework_desktop.core.egress import EgressPolicy
from nework_desktop.core.env import POLICY_DEV_KEYS
from nework_desktop.core.export.receipts import receipt_id
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy, load_policy
from nework_desktop.core.policy.store import FeedStore
from nework_desktop.net.http import HttpClient
from nework_desktop.net.service import ServiceClient
from nework_desktop.services.policy_feed import PolicyFeed
from nework_desktop.services.session import Services, connect_feed_and_receipts
from nework_desktop.ui.consent_dialog import ConsentDialog, ConsentOutcome
from tests.helpers import add_version, record_acceptance, shipped_copy
from tests.refservice import RefService

FEED = "/api/v1/policy/feed"


class Asked:
    """Stands in for ConsentDialog.ask: records each call (with the policy) and agrees."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def __call__(
        self,
        policy: Policy,
        locale: str,
        *,
        mode: str = "first",
        accepted_version: str | None = None,
        parent: object = None,
    ) -> ConsentOutcome | None:
        self.calls.append({"mode": mode, "accepted": accepted_version, "policy": policy})
        return ConsentOutcome("en", policy.text_sha256("en"), policy.default_module_choices())


pytestmark = pytest.mark.usefixtures("_no_file_logging")


@pytest.fixture(autouse=True)
def _no_workspace(monkeypatch: pytest.MonkeyPatch) -> None:
    """The web client is not what these tests are about (QtWebEngine stays unloaded)."""
    monkeypatch.setattr(AppController, "open_workspace", lambda self: False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return shipped_copy(tmp_path / "published")


@pytest.fixture
def svc(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[RefService]:
    with RefService(policy_feed=folder) as service:
        monkeypatch.setenv(POLICY_DEV_KEYS, service.signing_key.dev_keys_value())
        yield service


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    recorder = Asked()
    monkeypatch.setattr(ConsentDialog, "ask", recorder)
    return recorder


def session(paths: AppPaths, svc: RefService) -> Services:
    """The app's session with the network half against the reference service (no keyring)."""

    def connect(services: Services) -> None:
        egress = EgressPolicy(services.policy, svc.url, state=services.consent.egress_state())
        client = ServiceClient(svc.url, HttpClient(before_request=egress.allows, attempts=1))
        services.egress, services.service_url = egress, svc.url
        connect_feed_and_receipts(services, client)

    return Services(paths, load_policy(), ConsentLedger(paths), connect=connect)


def started(qtbot: QtBot, services: Services) -> AppController:
    ctl = AppController(services, "en")
    assert ctl.start()
    assert ctl.window is not None
    qtbot.addWidget(ctl.window)
    return ctl


def settled(qtbot: QtBot, ctl: AppController, svc: RefService, checks: int = 1) -> None:
    """Wait until the feed was asked ``checks`` times and the app has nothing in flight."""
    qtbot.waitUntil(lambda: svc.count(FEED) >= checks, timeout=10_000)
    qtbot.waitUntil(lambda: ctl.background is not None and not ctl.background.busy, timeout=10_000)
    qtbot.wait(50)


def test_a_material_update_asks_again_at_what_changed_and_the_new_consent_is_acknowledged(
    qtbot: QtBot, paths: AppPaths, folder: Path, svc: RefService, asked: Asked
) -> None:
    bundled = load_policy()
    record_acceptance(paths, bundled)
    add_version(folder, "2030-01-01", material=True, summary_en="Meetings are now recorded.")
    services = session(paths, svc)
    ctl = started(qtbot, services)  # the bundled version is on record: straight in
    assert asked.calls == []

    qtbot.waitUntil(lambda: len(asked.calls) == 1, timeout=10_000)
    call = asked.calls[0]
    assert call["mode"] == "reconsent" and call["accepted"] == bundled.version
    assert call["policy"].version == "2030-01-01"
    assert call["policy"].change_summary.en == "Meetings are now recorded."

    # Recorded against the new version, and the service acknowledges exactly that record.
    last = ConsentLedger(paths).read().last
    assert last is not None and last.policy_version == "2030-01-01"
    assert last.text_sha256 == call["policy"].text_sha256("en")
    assert services.receipts is not None
    qtbot.waitUntil(
        lambda: (
            services.receipts is not None
            and services.receipts.proofs(ConsentLedger(paths).read())[last.seq].state == "confirmed"
        ),
        timeout=10_000,
    )
    kept = svc.consent_receipts[receipt_id(last)]
    assert kept.head_hash == last.hash
    assert kept.receipt["x-nework"]["policy_version"] == "2030-01-01"
    assert ctl.window is not None and "2030-01-01" in ctl.window.status_label.text()
    assert services.source is not None and services.source.source == "service"
    assert services.egress is not None and services.egress.policy.version == "2030-01-01"
    ctl.quit()


def test_the_reconsent_dialog_opens_at_what_changed_with_the_services_summary_and_date(
    qtbot: QtBot, folder: Path
) -> None:
    bundled = load_policy()
    add_version(folder, "2030-01-01", material=True, summary_en="Meetings are now recorded.")
    new = load_policy(folder)
    dialog = ConsentDialog(new, "en", mode="reconsent", accepted_version=bundled.version)
    qtbot.addWidget(dialog)
    assert dialog.on_changes_page
    shown = dialog.changes.view.toPlainText()
    assert "Meetings are now recorded." in shown
    assert "January 1, 2030" in shown


def test_a_minor_update_shows_the_notice_only(
    qtbot: QtBot, paths: AppPaths, folder: Path, svc: RefService, asked: Asked
) -> None:
    record_acceptance(paths, load_policy())
    add_version(folder, "2030-01-01", material=False)
    services = session(paths, svc)
    ctl = started(qtbot, services)
    window = ctl.window
    assert window is not None and not window.notice_bar.isVisibleTo(window)
    qtbot.waitUntil(lambda: window.notice_bar.isVisibleTo(window), timeout=10_000)
    assert "2030-01-01" in window.notice_label.text()
    assert asked.calls == []
    assert len(ConsentLedger(paths).read().records) == 1  # nothing new on record
    assert services.policy.version == "2030-01-01"
    window.notice_close.click()
    assert not window.notice_bar.isVisibleTo(window)
    ctl.quit()


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
def test_a_refused_feed_is_logged_and_nothing_changes(
    qtbot: QtBot,
    paths: AppPaths,
    folder: Path,
    svc: RefService,
    asked: Asked,
    *,
    caplog: pytest.LogCaptureFixture,
    switch: str,
    reason: str,
) -> None:
    bundled = load_policy()
    record_acceptance(paths, bundled)
    assert svc.feed is not None
    seen = 0
    if switch == "rolled_back":  # a later feed version was seen before
        svc.feed.bump()
        client = ServiceClient(svc.url)
        feed = PolicyFeed(FeedStore(paths), bundled, client.policy_feed, consented=lambda: True)
        assert feed.check(bundled).outcome == "current"
        seen = 1
    elif switch != "policy_rollback":
        add_version(folder, "2030-01-01", material=True)
    setattr(svc.feed.switches, switch, True)
    services = session(paths, svc)
    with caplog.at_level(logging.ERROR, logger="nework.policy"):
        ctl = started(qtbot, services)
        settled(qtbot, ctl, svc, checks=seen + 1)
    assert f"policy feed refused ({reason})" in caplog.text
    assert asked.calls == []
    assert services.policy is services.bundled
    window = ctl.window
    assert window is not None and not window.notice_bar.isVisibleTo(window)
    assert bundled.version in window.status_label.text()
    assert FeedStore(paths).state().refusals[reason] == 1
    ctl.quit()


def test_nothing_is_fetched_before_consent(
    qtbot: QtBot, paths: AppPaths, svc: RefService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ConsentDialog, "ask", lambda *a, **k: None)  # the user declines
    ctl = AppController(session(paths, svc), "en")
    assert not ctl.start()
    qtbot.wait(200)
    assert svc.count(FEED) == 0
    assert svc.requests == []
    assert not paths.data.exists()


def test_the_feed_is_checked_again_while_the_app_runs_and_not_while_paused(
    qtbot: QtBot, paths: AppPaths, svc: RefService
) -> None:
    from nework_desktop.app.policy_updates import BackgroundChecks

    services = session(paths, svc)
    record_acceptance(paths, load_policy())
    services.consent.reload()
    services.connect_network()
    checks = BackgroundChecks(services, feed_interval_ms=150, receipt_interval_ms=60_000)
    checks.start()
    qtbot.waitUntil(lambda: svc.count(FEED) >= 3, timeout=10_000)
    checks.pause()
    qtbot.waitUntil(lambda: not checks.busy, timeout=10_000)
    asked = svc.count(FEED)
    qtbot.wait(500)
    assert svc.count(FEED) == asked


def test_under_automation_only_a_loopback_service_is_used(paths: AppPaths, svc: RefService) -> None:
    from nework_desktop.app.policy_updates import allowed

    services = session(paths, svc)
    services.connect_network()
    assert allowed(services, automated=True)
    services.service_url = "https://nework.example"
    assert not allowed(services, automated=True)
    assert allowed(services, automated=False)
