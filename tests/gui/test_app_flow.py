"""The consent gate in the bootstrap: AppController with the dialog replaced (pytest-qt)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from nework_desktop.app import log as applog
from nework_desktop.app.controller import AppController
from nework_desktop.core.consent import ConsentLedger, Decision
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy, load_policy
from nework_desktop.services.session import Services
from nework_desktop.ui.consent_dialog import ConsentDialog, ConsentOutcome
from tests.helpers import policy_with_new_version, record_acceptance, tree


class DialogRecorder:
    """Stands in for ConsentDialog.ask: records each call and answers as told."""

    def __init__(self, answer: str | None) -> None:
        self.answer = answer  # "agree" / None (decline)
        self.calls: list[dict[str, Any]] = []
        self.notices: list[str] = []  # what each dialog said on top (after a wipe)

    def __call__(
        self,
        policy: Policy,
        locale: str,
        *,
        mode: str = "first",
        accepted_version: str | None = None,
        notice: str = "",
        parent: object = None,
    ) -> ConsentOutcome | None:
        self.calls.append({"mode": mode, "accepted_version": accepted_version, "locale": locale})
        self.notices.append(notice)
        if self.answer is None:
            return None
        return ConsentOutcome(
            "en", policy.text_sha256("en"), {"google_analytics": False, "karte": True}
        )


pytestmark = pytest.mark.usefixtures("_no_file_logging")


def controller(paths: AppPaths, policy: Policy | None = None) -> AppController:
    policy = policy or load_policy()
    return AppController(Services(paths, policy, ConsentLedger(paths)), "ja")


def test_first_launch_agree_records_and_opens(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    ask = DialogRecorder("agree")
    monkeypatch.setattr(ConsentDialog, "ask", ask)
    ctl = controller(paths)
    assert ctl.start()
    assert ctl.window is not None
    qtbot.addWidget(ctl.window)
    assert ask.calls == [{"mode": "first", "accepted_version": None, "locale": "ja"}]
    record = ConsentLedger(paths).read().last
    policy = load_policy()
    assert record is not None
    assert record.decision is Decision.ACCEPTED
    assert record.policy_version == policy.version
    assert record.text_sha256 == policy.text_sha256("en")
    assert record.locale == "en"
    assert dict(record.modules) == {"google_analytics": False, "karte": True}
    assert (paths.log / "nework.log").is_file()
    assert policy.version in ctl.window.status_label.text()

    # The next launch goes straight in: the dialog is not asked again.
    applog.disable_file_logging()
    ctl.window.close()
    again = DialogRecorder("agree")
    monkeypatch.setattr(ConsentDialog, "ask", again)
    ctl2 = controller(paths)
    assert ctl2.start()
    assert ctl2.window is not None
    qtbot.addWidget(ctl2.window)
    assert again.calls == []
    assert not ctl2.window.notice_bar.isVisibleTo(ctl2.window)


def test_decline_leaves_disk_exactly_as_it_was(
    qtbot: QtBot, base: Path, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ConsentDialog, "ask", DialogRecorder(None))
    ctl = controller(paths)
    assert not ctl.start()
    assert ctl.window is None
    assert not base.exists()


def test_withdraw_records_and_asks_again(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = load_policy()
    record_acceptance(paths, policy)
    ask = DialogRecorder(None)
    monkeypatch.setattr(ConsentDialog, "ask", ask)
    ctl = controller(paths, policy)
    assert ctl.start()
    window = ctl.window
    assert window is not None
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "confirm_withdraw", lambda: True)
    quits: list[bool] = []
    monkeypatch.setattr(ctl, "quit", lambda: quits.append(True))
    window.withdraw_action.trigger()  # issue 13: no banner button; Privacy → Withdraw consent…
    state = ConsentLedger(paths).read()
    assert state.state == "withdrawn"
    assert [r.decision for r in state.records] == [Decision.ACCEPTED, Decision.WITHDRAWN]
    assert ask.calls and ask.calls[0]["mode"] == "first"  # back to the first-launch state
    assert quits == [True]  # declined the new dialog: the app quits


def test_material_change_reasks_with_summary_mode(
    qtbot: QtBot, tmp_path: Path, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_acceptance(paths, load_policy())
    new = load_policy(policy_with_new_version(tmp_path, "2030-01-01", material=True))
    ask = DialogRecorder("agree")
    monkeypatch.setattr(ConsentDialog, "ask", ask)
    ctl = controller(paths, new)
    assert ctl.start()
    assert ctl.window is not None
    qtbot.addWidget(ctl.window)
    assert ask.calls == [{"mode": "reconsent", "accepted_version": "2024-02-08", "locale": "ja"}]
    last = ConsentLedger(paths).read().last
    assert last is not None and last.policy_version == "2030-01-01"


def test_minor_change_opens_with_dismissible_notice(
    qtbot: QtBot, tmp_path: Path, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_acceptance(paths, load_policy())
    new = load_policy(policy_with_new_version(tmp_path, "2030-01-01", material=False))
    ask = DialogRecorder("agree")
    monkeypatch.setattr(ConsentDialog, "ask", ask)
    ctl = controller(paths, new)
    assert ctl.start()
    window = ctl.window
    assert window is not None
    qtbot.addWidget(window)
    assert ask.calls == []
    assert window.notice_bar.isVisibleTo(window)
    assert "2030-01-01" in window.notice_label.text()
    window.notice_close.click()
    assert not window.notice_bar.isVisibleTo(window)
    # No new record: a minor change needs no new consent.
    assert len(ConsentLedger(paths).read().records) == 1


def test_corrupt_ledger_is_quarantined_and_asks_again(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_acceptance(paths, load_policy())
    ledger_file = ConsentLedger(paths).path
    ledger_file.write_text(ledger_file.read_text(encoding="utf-8").replace("ja", "en"))
    ask = DialogRecorder(None)
    monkeypatch.setattr(ConsentDialog, "ask", ask)
    ctl = controller(paths)
    assert not ctl.start()
    assert ask.calls and ask.calls[0]["mode"] == "first"
    assert any("quarantine" in entry for entry in tree(paths.data))


def _consented_window(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch, ask: DialogRecorder
) -> AppController:
    policy = load_policy()
    record_acceptance(paths, policy)
    monkeypatch.setattr(ConsentDialog, "ask", ask)
    ctl = controller(paths, policy)
    assert ctl.start()
    assert ctl.window is not None
    qtbot.addWidget(ctl.window)
    return ctl


def test_delete_all_local_data_wipes_and_returns_to_first_launch(
    qtbot: QtBot, base: Path, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    ask = DialogRecorder(None)
    ctl = _consented_window(qtbot, paths, monkeypatch, ask)
    paths.ensure("cache").joinpath("blob.bin").write_bytes(b"x" * 1000)
    confirms: list[bool] = []

    def confirm(parent: object, p: AppPaths, *, uninstall: bool = False) -> bool:
        confirms.append(uninstall)
        return True

    monkeypatch.setattr("nework_desktop.ui.wipe.confirm_wipe", confirm)
    quits: list[bool] = []
    monkeypatch.setattr(ctl, "quit", lambda: quits.append(True))
    assert ctl.window is not None
    ctl.window.delete_data_action.trigger()
    ctl.delete_local_data()  # a second request while the first runs is ignored
    qtbot.waitUntil(lambda: ctl.last_wipe is not None, timeout=20_000)
    assert confirms == [False]
    assert ctl.last_wipe is not None and ctl.last_wipe.ok
    assert [p for p in paths.roots() if p.exists()] == []
    assert tree(base) == []
    assert ask.calls and ask.calls[-1]["mode"] == "first"  # back to first launch
    assert "was deleted" in ask.notices[-1]  # ... saying what happened (issue 13)
    assert quits == [True]  # ... which the recorder declined


def test_uninstall_wipes_trashes_the_bundle_and_quits(
    qtbot: QtBot, tmp_path: Path, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctl = _consented_window(qtbot, paths, monkeypatch, DialogRecorder(None))
    bundle = tmp_path / "Applications" / "NeWork.app"
    trashed: list[Path] = []
    monkeypatch.setattr("nework_desktop.ui.wipe.confirm_wipe", lambda *a, **k: True)
    monkeypatch.setattr("nework_desktop.ui.wipe.app_bundle", lambda: bundle)

    def trash(b: Path) -> bool:
        trashed.append(b)
        return True

    monkeypatch.setattr("nework_desktop.ui.wipe.move_to_trash", trash)
    quits: list[bool] = []
    monkeypatch.setattr(ctl, "quit", lambda: quits.append(True))
    ctl.uninstall()
    qtbot.waitUntil(lambda: bool(quits), timeout=20_000)
    assert ctl.last_wipe is not None and ctl.last_wipe.ok
    assert trashed == [bundle]
    assert [p for p in paths.roots() if p.exists()] == []


def test_uninstall_menu_item_only_on_macos(qtbot: QtBot, paths: AppPaths) -> None:
    from nework_desktop.ui.main_window import MainWindow

    policy = load_policy()
    record = record_acceptance(paths, policy)
    mac = MainWindow(policy, record, "en", uninstall_available=True)
    other = MainWindow(policy, record, "en", uninstall_available=False)
    qtbot.addWidget(mac)
    qtbot.addWidget(other)
    assert mac.uninstall_action.isVisible() and not other.uninstall_action.isVisible()
    assert mac.delete_data_action.text()


def test_dates_follow_the_users_locale(qtbot: QtBot) -> None:
    from nework_desktop.ui.i18n import format_stamp

    assert "2026年1月2日" in format_stamp("2026-01-02T12:04:05.000Z", "ja")
    assert "January 2, 2026" in format_stamp("2026-01-02T12:04:05.000Z", "en")
    assert format_stamp("garbage", "en") == "garbage"
