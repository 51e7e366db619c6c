"""The privacy center (Art. 2, 6, 8, 10): switches, what was sent, local data, export, requests."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from nework_desktop.app.controller import AppController
from nework_desktop.core.consent import ConsentLedger, Decision
from nework_desktop.core.device import device_id
from nework_desktop.core.egress import EgressPolicy, EgressState, TransmissionLog, Verdict
from nework_desktop.core.export import EXPORT_FILES
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy, load_policy
from nework_desktop.core.secrets import SecretStore
from nework_desktop.net.http import HttpClient
from nework_desktop.net.service import ServiceClient
from nework_desktop.services.account import AccountManager
from nework_desktop.services.deletion import DeletionRequests
from nework_desktop.services.session import Services
from nework_desktop.ui.consent_dialog import ConsentDialog
from nework_desktop.ui.i18n import format_size
from nework_desktop.ui.privacy.center import PrivacyCenter
from nework_desktop.ui.privacy.retrier import DeletionRetrier
from nework_desktop.ui.widgets import LinkLabel
from tests.helpers import email_sign_in, policy_with_new_version, record_acceptance, tree
from tests.oracles import validate_receipt
from tests.refservice import RefService

SERVICE = "http://127.0.0.1:9"
GA_URL = "https://www.google-analytics.com/g/collect?v=2"
KARTE_URL = "https://t.karte.io/track"
NOW = datetime(2026, 5, 1, 12, tzinfo=UTC).timestamp()
DAY = 86_400.0
#: The offscreen platform cannot raise a window; harmless and offscreen-only.
OFFSCREEN_RAISE = "This plugin does not support raise"


class Opener:
    """Stands in for QDesktopServices.openUrl."""

    def __init__(self) -> None:
        self.urls: list[QUrl] = []

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(QUrl(url))
        return True


class Clock:
    def __init__(self, now: float = NOW) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def services(paths: AppPaths, policy: Policy, clock: Clock) -> Services:
    record_acceptance(paths, policy, locale="en")
    ledger = ConsentLedger(paths)
    egress = EgressPolicy(
        policy,
        SERVICE,
        state=EgressState.from_consent(ledger.read()),
        transmissions=TransmissionLog(paths, clock=clock),
        clock=clock,
    )
    return Services(paths, policy, ledger, None, egress, SERVICE)


@pytest.fixture
def opener() -> Opener:
    return Opener()


@pytest.fixture
def center(qtbot: QtBot, services: Services, opener: Opener) -> Iterator[PrivacyCenter]:
    window = PrivacyCenter(services, "en", opener=opener)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.shutdown()


def _egress(services: Services) -> EgressPolicy:
    assert services.egress is not None
    return services.egress


def _rows(table: QTableWidget) -> list[list[str]]:
    out = []
    for row in range(table.rowCount()):
        cells = [table.item(row, c) for c in range(table.columnCount())]
        out.append([cell.text() if cell is not None else "" for cell in cells])
    return out


# -- What is collected: the switches ---------------------------------------------------------


def test_switching_ga_off_takes_effect_at_once(
    qtbot: QtBot, center: PrivacyCenter, services: Services
) -> None:
    egress = _egress(services)
    before = services.ledger.read()
    assert before.last is not None
    assert egress.evaluate(GA_URL).allowed
    assert egress.cookie_allowed(".google-analytics.com", "_ga")
    seen: list[EgressState] = []
    egress.subscribe(seen.append)  # how the workspace's CookieGuard learns of it
    switch = center.collected_page.module_switches["google_analytics"]
    assert switch.isChecked() and switch.isEnabled()
    assert "firebase_analytics" not in center.collected_page.module_switches  # smartphone apps only

    with qtbot.waitSignal(center.choices_changed, timeout=2000) as signal:
        switch.click()

    # A new ACCEPTED record: same version, text hash and language; GA off, KARTE unchanged.
    after = services.ledger.read()
    assert len(after.records) == len(before.records) + 1
    last = after.last
    assert last is not None
    assert last.decision is Decision.ACCEPTED
    assert last.policy_version == before.last.policy_version
    assert last.text_sha256 == before.last.text_sha256
    assert last.locale == before.last.locale
    assert dict(last.modules) == {"google_analytics": False, "karte": True}
    assert signal.args == [{"google_analytics": False, "karte": True}]
    # The egress rules changed without a restart: GA is refused, its cookies too; KARTE goes.
    verdict = egress.evaluate(GA_URL)
    assert not verdict.allowed
    assert verdict.reason == "opted-out"
    assert not egress.cookie_allowed(".google-analytics.com", "_ga")
    assert not egress.cookie_allowed("nework.example", "_ga_ABC123")
    assert egress.evaluate(KARTE_URL).allowed
    assert seen and seen[-1].choices["google_analytics"] is False
    assert not center.collected_page.switch_status.isHidden()
    assert "Google Analytics" in center.collected_page.switch_status.text()
    assert "off" in center.consent_page.consent_choices.text()

    # And back on.
    switch.click()
    assert egress.evaluate(GA_URL).allowed
    final = services.ledger.read().last
    assert final is not None
    assert dict(final.modules) == {"google_analytics": True, "karte": True}
    assert len(services.ledger.read().records) == len(before.records) + 2


def test_a_choice_that_cannot_be_recorded_changes_nothing(
    qtbot: QtBot, center: PrivacyCenter, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(services.ledger, "record", refuse)
    switch = center.collected_page.module_switches["karte"]
    with qtbot.assertNotEmitted(center.choices_changed):
        switch.click()
    assert switch.isChecked()  # reverted
    assert _egress(services).evaluate(KARTE_URL).allowed
    assert "could not be saved" in center.collected_page.switch_status.text()


def test_without_consent_the_switches_are_off_limits(
    qtbot: QtBot, services: Services, opener: Opener
) -> None:
    policy = services.policy
    services.ledger.record(
        Decision.WITHDRAWN,
        policy_id=policy.policy_id,
        policy_version=policy.version,
        text_sha256=policy.text_sha256("en"),
        locale="en",
        modules=policy.default_module_choices(),
    )
    window = PrivacyCenter(services, "en", opener=opener)
    qtbot.addWidget(window)
    assert not window.collected_page.module_switches["google_analytics"].isEnabled()
    assert window.consent_page.consent_status.text() == "No consent is on record."


# -- What was sent ---------------------------------------------------------------------------


def test_what_was_sent_lists_counted_decisions(
    qtbot: QtBot, center: PrivacyCenter, services: Services, clock: Clock
) -> None:
    egress = _egress(services)
    egress.set_choices({"google_analytics": False, "karte": True})
    egress.decide(f"{SERVICE}/api/v1/health")
    egress.decide(f"{SERVICE}/api/v1/account")
    egress.decide(GA_URL)
    egress.decide(KARTE_URL)
    egress.decide("https://tracker.example/pixel.gif")
    egress.decide("https://app-measurement.com/a")
    log = egress.transmissions
    assert log is not None
    log.count(Verdict(True, None, "service", "127.0.0.1"), NOW - 3 * DAY)  # three days ago

    center.show_page("sent")
    rows = _rows(center.sent_page.sent_table)
    today = {row[1]: row for row in rows if row[0] == "May 1, 2026"}
    assert today, rows
    assert today["127.0.0.1"][2:5] == ["NeWork service", "2", "0"]
    assert today["www.google-analytics.com"][2:6] == [
        "Google Analytics",
        "0",
        "1",
        "you switched it off",
    ]
    assert today["t.karte.io"][2:5] == ["KARTE", "1", "0"]
    assert today["tracker.example"][2:6] == [
        "Not in the privacy policy",
        "0",
        "1",
        "not named in the privacy policy",
    ]
    assert today["app-measurement.com"][2] == "Google Analytics for Firebase (smartphone apps only)"
    assert today["app-measurement.com"][5] == "not part of the desktop app"
    assert len(rows) == 6  # five destinations today, one three days ago
    assert center.sent_page.sent_empty.isHidden()

    # "Today" leaves out the older day.
    center.sent_page.days_combo.setCurrentIndex(0)
    assert len(_rows(center.sent_page.sent_table)) == 5
    # The latest refusals of this session, newest first, in plain words.
    blocked = _rows(center.sent_page.blocked_table)
    assert [row[1] for row in blocked] == [
        "app-measurement.com",
        "tracker.example",
        "www.google-analytics.com",
    ]
    assert blocked[2][3] == "you switched it off"

    # A new request shows after Refresh.
    egress.decide(f"{SERVICE}/x")
    center.sent_page.refresh_button.click()
    service_today = [r for r in _rows(center.sent_page.sent_table) if r[1] == "127.0.0.1"]
    assert service_today == [["May 1, 2026", "127.0.0.1", "NeWork service", "3", "0", ""]]


def test_what_was_sent_is_empty_at_first(center: PrivacyCenter) -> None:
    center.show_page("sent")
    assert center.sent_page.sent_table.rowCount() == 0
    assert not center.sent_page.sent_empty.isHidden()


# -- Your data on this device ----------------------------------------------------------------


def test_sizes_device_id_and_open_folder(
    qtbot: QtBot, services: Services, opener: Opener, paths: AppPaths, tmp_path: Path
) -> None:
    value = device_id(paths, create=True)
    assert value is not None
    (paths.data / "blob.bin").write_bytes(b"x" * 3000)
    window = PrivacyCenter(services, "en", opener=opener)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sizes_ready, timeout=5000):
        window.show_page("data")
    label = window.data_page.size_labels[paths.data]
    assert label.text().endswith(" KB")
    assert float(label.text().split()[0]) >= 2.9
    assert window.data_page.size_labels[paths.cache].text() == "Not created"
    assert not window.data_page.open_buttons[paths.cache].isEnabled()
    assert window.data_page.device_id_label.text() == value

    window.data_page.open_buttons[paths.data].click()
    assert opener.urls == [QUrl.fromLocalFile(str(paths.data))]
    # Nothing but an owned root is ever opened this way.
    assert not window.data_page.open_folder(tmp_path)
    assert not window.data_page.open_folder(paths.cache)  # not created
    assert len(opener.urls) == 1
    window.shutdown()


def test_the_center_reads_without_creating_anything(
    qtbot: QtBot, paths: AppPaths, policy: Policy, opener: Opener, tmp_path: Path
) -> None:
    # Not even a consent ledger: opening the center must not create a device ID or a folder.
    services = Services(paths, policy, ConsentLedger(paths))
    window = PrivacyCenter(services, "en", opener=opener)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sizes_ready, timeout=5000):
        window.show_page("data")
    for page in PrivacyCenter.PAGES:
        window.show_page(page)
    assert window.data_page.device_id_label.text() == "Not created yet."
    assert tree(tmp_path / "base") == []
    window.shutdown()


def test_sizes_are_in_kb_and_mb(center: PrivacyCenter) -> None:
    assert format_size(512, "en") == "512 bytes"
    assert format_size(1536, "en") == "1.5 KB"
    assert format_size(5 * 1024 * 1024, "en") == "5.0 MB"


# -- Export ----------------------------------------------------------------------------------


def test_export_writes_a_valid_zip_once(
    qtbot: QtBot,
    center: PrivacyCenter,
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    device = device_id(services.paths, create=True)
    _egress(services).decide(GA_URL)
    dest = tmp_path / "export" / "my-data.zip"
    dest.parent.mkdir()
    asked: list[Path] = []

    def choose() -> Path:
        asked.append(dest)
        return dest

    monkeypatch.setattr(center.export_page, "choose_export_path", choose)
    center.show_page("export")
    with qtbot.waitSignal(center.export_finished, timeout=10_000) as done:
        assert center.export_page.export_my_data()
        assert center.export_page.exporting
        assert not center.export_page.export_button.isEnabled()
        assert center.export_page.export_progress.isVisible()
        assert not center.export_page.export_my_data()  # never twice at once
    assert asked == [dest]
    assert done.args == [str(dest)]
    assert center.export_page.export_button.isEnabled()
    assert not center.export_page.export_progress.isVisible()
    assert str(dest) in center.export_page.export_status.text()
    with zipfile.ZipFile(dest) as archive:
        assert sorted(archive.namelist()) == sorted(EXPORT_FILES)
        receipts = json.loads(archive.read("consent-receipts.json"))
        transmissions = json.loads(archive.read("transmissions.json"))
    assert len(receipts) == len(services.ledger.read().records)
    assert all(validate_receipt(r) == [] for r in receipts)
    assert {r["piiPrincipalId"] for r in receipts} == {device}
    assert any(r["host"] == "www.google-analytics.com" for r in transmissions["rows"])


def test_export_asks_before_replacing_a_file(
    qtbot: QtBot, center: PrivacyCenter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = tmp_path / "mine.zip"
    dest.write_bytes(b"keep me")
    monkeypatch.setattr(center.export_page, "choose_export_path", lambda: dest)
    answers = [False]
    monkeypatch.setattr(center.export_page, "confirm_overwrite", lambda path: answers.pop(0))
    assert not center.export_page.export_my_data()
    assert dest.read_bytes() == b"keep me"
    answers.append(True)
    with qtbot.waitSignal(center.export_finished, timeout=10_000):
        assert center.export_page.export_my_data()
    assert zipfile.is_zipfile(dest)


def test_export_cancelled(center: PrivacyCenter, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(center.export_page, "choose_export_path", lambda: None)
    assert not center.export_page.export_my_data()
    assert not center.export_page.exporting


def test_a_failed_export_says_so(
    qtbot: QtBot, center: PrivacyCenter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        center.export_page, "choose_export_path", lambda: tmp_path / "missing" / "x.zip"
    )
    with qtbot.waitSignal(center.export_failed, timeout=10_000):
        assert center.export_page.export_my_data()
    assert "could not be exported" in center.export_page.export_status.text()
    assert center.export_page.export_button.isEnabled()


# -- Delete, withdraw, deletion request ------------------------------------------------------


def test_the_buttons_emit_their_signals(
    qtbot: QtBot, center: PrivacyCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    with qtbot.waitSignal(center.delete_requested, timeout=1000):
        center.export_page.delete_button.click()
    monkeypatch.setattr(center.export_page, "confirm_withdraw", lambda: False)
    with qtbot.assertNotEmitted(center.withdraw_requested):
        center.export_page.withdraw_button.click()
    monkeypatch.setattr(center.export_page, "confirm_withdraw", lambda: True)
    with qtbot.waitSignal(center.withdraw_requested, timeout=1000):
        center.export_page.withdraw_button.click()


def test_the_deletion_request_is_sent_once_and_shown(
    qtbot: QtBot,
    services: Services,
    opener: Opener,
    svc: RefService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = ServiceClient(svc.url, HttpClient(attempts=1, timeout=(2, 5)))
    retrier = DeletionRetrier(DeletionRequests(services.paths, lambda: client))
    window = PrivacyCenter(services, "en", opener=opener, deletions=retrier)
    qtbot.addWidget(window)
    window.show_page("export")
    assert window.export_page.deletion_button.isEnabled()
    assert window.export_page.deletion_status.text() == "No request was sent."
    monkeypatch.setattr(window.export_page, "confirm_deletion_request", lambda: False)
    window.export_page.deletion_button.click()
    assert svc.count("/api/v1/deletion-requests") == 0

    monkeypatch.setattr(window.export_page, "confirm_deletion_request", lambda: True)
    with qtbot.waitSignal(retrier.changed, timeout=10_000):
        window.export_page.deletion_button.click()
        assert not window.export_page.deletion_button.isEnabled()
        # A second click while it is on the wire: nothing.
        window.export_page.deletion_button.click()
    qtbot.waitUntil(lambda: window.export_page.deletion_status.text().startswith("Acknowledged on"))
    assert not window.export_page.deletion_button.isEnabled()
    assert not window.export_page.ask_service_deletion()
    assert not retrier.kick()
    assert svc.count("/api/v1/deletion-requests") == 1
    assert len(svc.deletion_requests) == 1
    client.close()


def test_a_pending_deletion_request_is_shown_and_retried(
    qtbot: QtBot,
    services: Services,
    opener: Opener,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with RefService() as svc:
        port = int(svc.url.rsplit(":", 1)[1])
    client = ServiceClient(f"http://127.0.0.1:{port}", HttpClient(attempts=1, timeout=(2, 5)))
    retrier = DeletionRetrier(DeletionRequests(paths, lambda: client, base_delay=0))
    window = PrivacyCenter(services, "en", opener=opener, deletions=retrier)
    qtbot.addWidget(window)
    monkeypatch.setattr(window.export_page, "confirm_deletion_request", lambda: True)
    with qtbot.waitSignal(retrier.changed, timeout=10_000):
        window.export_page.deletion_button.click()
    state = retrier.state()
    assert state is not None and state.pending
    assert window.export_page.deletion_status.text().startswith("Pending since")
    assert not window.export_page.deletion_button.isEnabled()  # the app retries by itself
    with RefService(port=port) as svc:
        with qtbot.waitSignal(retrier.changed, timeout=10_000):
            assert retrier.kick()
        qtbot.waitUntil(
            lambda: window.export_page.deletion_status.text().startswith("Acknowledged on")
        )
        assert list(svc.deletion_requests) == [state.request_id]
    client.close()


def test_without_an_account_there_is_no_deletion_request(center: PrivacyCenter) -> None:
    assert center.deletions is None
    assert not center.export_page.deletion_button.isEnabled()
    assert not center.export_page.ask_service_deletion()


# -- Consent page ----------------------------------------------------------------------------


def test_the_consent_page(qtbot: QtBot, center: PrivacyCenter, services: Services) -> None:
    policy = services.policy
    text = center.consent_page.consent_status.text()
    assert f"version {policy.version}" in text
    assert "February 8, 2024" in text
    assert "English" in text
    assert center.consent_page.revisions_table.rowCount() == len(policy.revisions) == 4
    assert _rows(center.consent_page.revisions_table)[0][0] == "February 8, 2024"
    assert center.consent_page.decisions_table.rowCount() == len(services.ledger.read().records)
    center.consent_page.view_policy_button.click()
    viewer = center.consent_page.policy_viewer
    assert viewer is not None
    qtbot.waitUntil(viewer.isVisible)
    viewer.close()


def test_dates_follow_the_language(qtbot: QtBot, services: Services, opener: Opener) -> None:
    window = PrivacyCenter(services, "ja", opener=opener)
    qtbot.addWidget(window)
    assert _rows(window.consent_page.revisions_table)[0][0] == "2024年2月8日"
    assert "2024年2月8日" in window.consent_page.consent_status.text()


# -- Links, accessibility, keyboard ----------------------------------------------------------


def test_links_open_https_only(center: PrivacyCenter, services: Services, opener: Opener) -> None:
    assert len(center.links_page.link_buttons) == len(services.policy.links)
    for button, _url in center.links_page.link_buttons:
        button.click()
    assert [u.toString() for u in opener.urls] == [link.url for link in services.policy.links]
    assert all(u.scheme() == "https" for u in opener.urls)
    assert services.policy.link("contact").url in [u.toString() for u in opener.urls]
    opener.urls.clear()
    assert not center.links_page.open_link("http://www.ntt.com/privacy/")
    assert not center.links_page.open_link("file:///etc/passwd")
    assert not center.links_page.open_link("javascript:alert(1)")
    for label in center.findChildren(LinkLabel):
        label.linkActivated.emit("http://example.com/")
    assert opener.urls == []
    card_links = center.findChildren(LinkLabel)
    assert card_links
    card_links[0].linkActivated.emit(card_links[0].url)
    assert [u.toString() for u in opener.urls] == [card_links[0].url]


def test_every_control_has_an_accessible_name(center: PrivacyCenter) -> None:
    kinds: tuple[type[QWidget], ...] = (
        QAbstractButton,
        QComboBox,
        QAbstractItemView,
        QProgressBar,
        LinkLabel,
    )

    def part_of_another_control(widget: QWidget) -> bool:
        # Table headers and corner buttons, a combo box's popup list: parts of their owner.
        if isinstance(widget, QHeaderView):
            return True
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QComboBox | QAbstractItemView):
                return True
            parent = parent.parentWidget()
        return False

    missing = [
        f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
        for kind in kinds
        for w in center.findChildren(kind)
        if not w.accessibleName().strip() and not part_of_another_control(w)
    ]
    assert missing == [], "\n".join(missing)
    # The values a screen reader needs are named too.
    named = [
        center.data_page.device_id_label,
        center.export_page.deletion_status,
        center.export_page.export_status,
    ]
    assert all(isinstance(w, QLabel) and w.accessibleName() for w in named)


def test_keyboard_moves_between_sections(qtbot: QtBot, center: PrivacyCenter) -> None:
    center.activateWindow()
    center.nav.setFocus()
    assert center.stack.currentIndex() == 0
    QTest.keyClick(center.nav, Qt.Key.Key_Down)
    assert center.stack.currentIndex() == 1
    QTest.keyClick(center.nav, Qt.Key.Key_End)
    assert center.stack.currentIndex() == len(PrivacyCenter.PAGES) - 1
    for name in PrivacyCenter.PAGES:
        center.show_page(name)
        assert center.stack.currentIndex() == PrivacyCenter.PAGES.index(name)
    for widget in center.findChildren(QAbstractButton):
        if widget.isVisibleTo(center):
            assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    QTest.keyClick(center, Qt.Key.Key_Escape)
    assert not center.isVisible()


def test_the_module_never_imports_qtwebengine() -> None:
    code = (
        "import sys, nework_desktop.ui.privacy\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6.QtWebEngine'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


# -- In the app ------------------------------------------------------------------------------


@pytest.mark.usefixtures("_no_file_logging")
@pytest.mark.qt_log_ignore(OFFSCREEN_RAISE)
def test_the_app_opens_one_privacy_center_and_acts_on_it(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert device_id(services.paths) is None  # consent is on record, but no start yet
    ctl = AppController(services, "en")
    assert ctl.start()
    window = ctl.window
    assert window is not None
    qtbot.addWidget(window)
    # The device ID is made once consent is on record (at start), and kept.
    made = device_id(services.paths)
    assert made is not None
    # Privacy → Privacy center… opens it; asking again raises the same window.
    window.privacy_center_action.trigger()
    center = ctl.privacy_center
    assert center is not None
    assert center.isVisible()
    window.privacy_center_action.trigger()
    assert ctl.privacy_center is center
    assert center.data_page.device_id_label.text() == made
    # Its buttons reach the controller.
    deletes: list[bool] = []
    monkeypatch.setattr("nework_desktop.ui.wipe.confirm_wipe", lambda *a, **k: deletes.append(True))
    center.export_page.delete_button.click()
    assert deletes == [True]  # the controller's own confirmation was asked
    monkeypatch.setattr(center.export_page, "confirm_withdraw", lambda: True)
    monkeypatch.setattr(ConsentDialog, "ask", lambda *a, **k: None)
    quits: list[bool] = []
    monkeypatch.setattr(ctl, "quit", lambda: quits.append(True))
    center.export_page.withdraw_button.click()
    assert ConsentLedger(services.paths).read().state == "withdrawn"
    assert ctl.privacy_center is None  # closed with the main window
    assert quits == [True]
    assert device_id(services.paths) == made


@pytest.mark.usefixtures("_no_file_logging")
@pytest.mark.qt_log_ignore(OFFSCREEN_RAISE)
def test_what_changed_in_the_notice_opens_the_privacy_center(
    qtbot: QtBot, tmp_path: Path, paths: AppPaths
) -> None:
    record_acceptance(paths, load_policy())
    new = load_policy(policy_with_new_version(tmp_path, "2030-01-01", material=False))
    ctl = AppController(Services(paths, new, ConsentLedger(paths)), "en")
    assert ctl.start()
    window = ctl.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.notice_changes.accessibleName()
    with qtbot.waitSignal(window.privacy_center_requested, timeout=1000):
        window.notice_changes.click()
    center = ctl.privacy_center
    assert center is not None
    assert center.stack.currentIndex() == PrivacyCenter.PAGES.index("consent")
    assert _rows(center.consent_page.revisions_table)[0][0] == "January 1, 2030"
    ctl.quit()


def test_the_deletion_request_needs_a_signed_in_account(
    qtbot: QtBot, services: Services, opener: Opener, svc: RefService
) -> None:
    client = ServiceClient(svc.url, HttpClient(attempts=1, timeout=(2, 5)))
    account = AccountManager(services.paths, SecretStore(services.paths, None), client)
    services.account = account
    signed_out = PrivacyCenter(services, "en", opener=opener)
    qtbot.addWidget(signed_out)
    assert signed_out.deletions is not None  # made its own, for this account
    assert not signed_out.export_page.deletion_button.isEnabled()
    assert "Sign in" in signed_out.export_page.deletion_status.text()
    assert not signed_out.export_page.ask_service_deletion()

    email_sign_in(svc, account, "jiro@example.com")
    signed_in = PrivacyCenter(services, "en", opener=opener)
    qtbot.addWidget(signed_in)
    assert signed_in.export_page.deletion_button.isEnabled()
    signed_in.export_page.confirm_deletion_request = lambda: True  # type: ignore[method-assign]
    deletions = signed_in.deletions
    assert deletions is not None
    with qtbot.waitSignal(deletions.changed, timeout=10_000):
        assert signed_in.export_page.ask_service_deletion()
    qtbot.waitUntil(lambda: signed_in.export_page.deletion_status.text().startswith("Acknowledged"))
    (entry,) = svc.deletion_requests.values()
    assert entry["user_id"]  # the service knows whose data to delete
    deletions.stop()
    signed_out.deletions.stop()
    client.close()
