"""The chrome of a native app (issue 13): menus with their roles and shortcuts, no permanent
banner, Settings, Help, About, icons, action-labelled questions, failed links said in words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from nework_desktop import __version__
from nework_desktop.core.consent import ConsentLedger
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy
from nework_desktop.core.prefs import Preferences
from nework_desktop.services.session import Services
from nework_desktop.ui import i18n
from nework_desktop.ui.main_window import MainWindow
from tests.helpers import record_acceptance

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("_clean_translators")]

#: The offscreen platform cannot raise a window; harmless and offscreen-only.
OFFSCREEN_RAISE = "This plugin does not support raise"


@pytest.fixture
def window(qtbot: QtBot, paths: AppPaths, policy: Policy) -> MainWindow:
    record = record_acceptance(paths, policy, locale="en")
    win = MainWindow(policy, record, "en", uninstall_available=True)
    qtbot.addWidget(win)
    win.show()
    return win


def recorder(urls: list[str]) -> Callable[[QUrl], bool]:
    """An opener that records the URLs it is handed (never opens anything)."""

    def record(url: QUrl) -> bool:
        urls.append(url.toString())
        return True

    return record


def answer_box(pick: Callable[[QMessageBox], None], seen: list[list[str]]) -> None:
    """Answer the next message box: record its buttons' texts, then ``pick``."""

    def step() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, step)
            return
        seen.append([b.text() for b in box.buttons()])
        pick(box)

    QTimer.singleShot(0, step)


def test_menus_have_the_native_roles_and_shortcuts(window: MainWindow) -> None:
    roles = {
        window.settings_action: QAction.MenuRole.PreferencesRole,
        window.quit_action: QAction.MenuRole.QuitRole,
        window.about_action: QAction.MenuRole.AboutRole,
        window.uninstall_action: QAction.MenuRole.ApplicationSpecificRole,
    }
    for action, role in roles.items():
        assert action.menuRole() == role, action.text()
    assert window.settings_action.shortcut() == QKeySequence("Ctrl+,")
    assert window.help_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Privacy", "&Help"], "no second NeWork menu"
    help_items = [a.text() for a in window.help_menu.actions() if not a.isSeparator()]
    assert help_items == [
        "NeWork &Help",
        "&Keyboard shortcuts",
        "&Contact support…",
        "&About NeWork",
    ]
    assert not window.windowIcon().isNull()


def test_no_permanent_banner_the_status_bar_says_it_briefly(
    window: MainWindow, policy: Policy
) -> None:
    assert window.statusBar().isAncestorOf(window.status_label)
    assert policy.version in window.status_label.text()
    assert "English" in window.status_label.text()
    assert not window.notice_bar.isVisibleTo(window)
    window.clear_status()
    assert window.status_label.text() == ""
    window.set_account("docomo_business", "h***@example.com", persistent=False)
    assert "business d account" in window.account_label.text()
    assert "keyring" in window.account_label.toolTip()


def test_the_consent_line_names_the_language_in_the_ui_language(
    qtbot: QtBot, qapp: QApplication, paths: AppPaths, policy: Policy
) -> None:
    i18n.install_translator(qapp, "ja")
    record = record_acceptance(paths, policy, locale="en")
    win = MainWindow(policy, record, "ja")
    qtbot.addWidget(win)
    line = win.status_label.text()
    assert "英語で確認" in line and "English" not in line
    win.set_account("google", "h***@example.com", persistent=True)
    assert "(google)" not in win.account_label.text()


def test_about_shows_version_copyright_links_and_licences(qtbot: QtBot, policy: Policy) -> None:
    from nework_desktop.ui.about import AboutDialog

    opened: list[str] = []
    about = AboutDialog(policy, "en", opener=recorder(opened))
    qtbot.addWidget(about)
    about.show()
    assert __version__ in about.version_label.text()
    assert "NTT Communications" in about.copyright_label.text()
    assert "PySide6" in about.notices.toPlainText()
    assert about.width() >= 500 and about.windowTitle() == "About NeWork"
    ids = [link_id for _, link_id in about.link_buttons]
    assert ids == ["app_privacy", "company_privacy", "terms", "contact"]
    for button, _ in about.link_buttons:
        button.click()
    assert opened == [
        next(link.url for link in policy.links if link.id == link_id) for link_id in ids
    ]


def test_help_has_a_page_shortcuts_and_support(qtbot: QtBot, policy: Policy) -> None:
    from nework_desktop.ui.help import HelpDialog, contact_url

    opened: list[str] = []
    help_ = HelpDialog(policy, section="shortcuts", opener=recorder(opened))
    qtbot.addWidget(help_)
    assert help_.tabs.currentIndex() == 1
    keys = [help_.keys.item(r, 0).text() for r in range(help_.keys.rowCount())]  # type: ignore[union-attr]
    assert (
        "F1" in keys
        and QKeySequence("Ctrl+,").toString(QKeySequence.SequenceFormat.NativeText) in keys
    )
    assert "privacy center" in help_.page.toPlainText().lower()
    help_.contact_button.click()
    assert opened == [contact_url(policy)]


@pytest.mark.qt_log_ignore(OFFSCREEN_RAISE)
def test_settings_change_language_modules_and_sign_out(
    qtbot: QtBot, qapp: QApplication, paths: AppPaths, policy: Policy
) -> None:
    from nework_desktop.app.panels import Panels

    record_acceptance(paths, policy, locale="en")
    services = Services(paths, policy, ConsentLedger(paths))
    languages: list[str] = []
    signed_out: list[bool] = []
    panels = Panels(
        services,
        on_delete=lambda parent: None,
        on_withdraw=lambda: None,
        on_sign_out=lambda: signed_out.append(True),
        on_language=languages.append,
    )
    host = QWidget()
    qtbot.addWidget(host)
    dialog = panels.open_settings(host, "en")
    assert panels.open_settings(host, "en") is dialog, "one Settings window"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ja"))
    assert languages == ["ja"]
    assert Preferences.load(paths, environ={}).locale == "ja"
    assert i18n.current_locale(qapp) == "ja"
    qtbot.waitUntil(lambda: dialog.windowTitle() == "設定 — NeWork")
    switch = dialog.module_switches["karte"]
    assert switch.isChecked()
    switch.click()
    last = ConsentLedger(paths).read().last
    assert last is not None and last.modules["karte"] is False
    assert "KARTE" in dialog.modules_status.text()
    assert not dialog.account_box.isVisible(), "no account: nothing to sign out of"
    dialog.sign_out_requested.emit()
    assert signed_out == [True]
    panels.close()


def test_withdraw_and_delete_ask_with_action_buttons(qtbot: QtBot, paths: AppPaths) -> None:
    from nework_desktop.core.wipe import plan
    from nework_desktop.ui.wipe import confirm_wipe, confirm_withdrawal

    seen: list[list[str]] = []
    cancel = lambda box: next(b for b in box.buttons() if b.text() == "Cancel").click()  # noqa: E731
    answer_box(cancel, seen)
    assert confirm_withdrawal(None) is False
    answer_box(cancel, seen)
    assert confirm_wipe(None, plan(paths)) is False
    assert "Withdraw consent" in seen[0] and "Cancel" in seen[0]
    assert "Delete everything" in seen[1] and "OK" not in seen[1]
    assert not any(t in ("Yes", "No", "&Yes", "&No") for texts in seen for t in texts)


def test_a_link_that_does_not_open_is_said_in_words(qtbot: QtBot) -> None:
    from nework_desktop.ui.links import open_link

    told: list[str] = []
    assert not open_link(
        None, "https://www.ntt.com/", lambda url: False, tell=lambda p, u: told.append(u)
    )
    assert told == ["https://www.ntt.com/"]
    assert not open_link(
        None, "http://www.ntt.com/", lambda url: True, tell=lambda p, u: told.append(u)
    )
    assert told == ["https://www.ntt.com/"], "a refused link is not a failure to tell"


@pytest.mark.qt_log_ignore(OFFSCREEN_RAISE)
def test_the_delete_question_opens_over_the_privacy_center(
    qtbot: QtBot, paths: AppPaths, policy: Policy, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nework_desktop.app.controller import AppController

    record_acceptance(paths, policy)
    ctl = AppController(Services(paths, policy, ConsentLedger(paths)), "en")
    assert ctl.start()
    assert ctl.window is not None
    qtbot.addWidget(ctl.window)
    parents: list[object] = []
    monkeypatch.setattr(
        "nework_desktop.ui.wipe.confirm_wipe", lambda parent, *a, **k: parents.append(parent)
    )
    ctl.open_privacy_center()
    center = ctl.privacy_center
    assert center is not None
    center.export_page.delete_button.click()
    assert parents == [center]
    ctl.window.delete_data_action.trigger()
    assert parents == [center, ctl.window]
    ctl.quit()


@pytest.mark.qt_log_ignore(OFFSCREEN_RAISE)
def test_export_defaults_to_documents_and_shows_the_folder(
    qtbot: QtBot, paths: AppPaths, policy: Policy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nework_desktop.ui.privacy.center import PrivacyCenter

    record_acceptance(paths, policy)
    opened: list[str] = []
    center = PrivacyCenter(
        Services(paths, policy, ConsentLedger(paths)), "en", opener=recorder(opened)
    )
    qtbot.addWidget(center)
    page = center.export_page
    assert page.default_export_path().parent.is_dir()
    dest = tmp_path / "out" / "export.zip"
    dest.parent.mkdir()
    monkeypatch.setattr(page, "choose_export_path", lambda: dest)
    with qtbot.waitSignal(page.export_finished, timeout=20_000):
        assert page.export_my_data()
    assert not page.show_export_button.isHidden()
    page.show_export_button.click()
    assert opened == [QUrl.fromLocalFile(str(dest.parent)).toString()]
    assert (
        center.sent_page.blocked_table.empty_text
        or not center.sent_page.blocked_table.isVisibleTo(center)
    )
