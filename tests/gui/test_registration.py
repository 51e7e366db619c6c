"""The registration dialog (ui/registration.py) driven like a user, against the reference service.

Offscreen Qt; the network calls are real (loopback); the "system browser" is an injected opener
that plays the browser with requests.  Non-ASCII text is set with setText (keyClicks would abort).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLineEdit,
    QProgressBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from nework_desktop.app.automation import sign_in_email
from nework_desktop.core.account_store import AccountSummary
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.secrets import SecretStore
from nework_desktop.services.account import (
    SECRET_REFRESH,
    AccountManager,
    RestoreResult,
    SignInStatus,
)
from nework_desktop.ui.registration import (
    PAGE_BROWSER,
    PAGE_CHOOSE,
    PAGE_CODE,
    RegistrationDialog,
)
from tests.helpers import DialogFactory, ManagerFactory, email_sign_in
from tests.refservice import Canned, RefService
from tests.refservice.testing import (
    FakeBrowser,
    delete_service,
    keyring_names,
    real_keyring,
    unique_service,
)

pytestmark = pytest.mark.gui

EMAIL = "hanako@example.com"


def enter_email(qtbot: QtBot, dialog: RegistrationDialog, address: str = EMAIL) -> None:
    dialog.choose.email_edit.clear()
    QTest.keyClicks(dialog.choose.email_edit, address)
    QTest.mouseClick(dialog.choose.send_button, Qt.MouseButton.LeftButton)


def enter_code(qtbot: QtBot, dialog: RegistrationDialog, code: str) -> None:
    dialog.code.code_edit.clear()
    QTest.keyClicks(dialog.code.code_edit, code)
    QTest.mouseClick(dialog.code.verify_button, Qt.MouseButton.LeftButton)


def wrong(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def idle(dialog: RegistrationDialog) -> Callable[[], bool]:
    return lambda: not dialog.busy


# -- layout and accessibility ---------------------------------------------------------------------


def test_every_control_has_an_accessible_name(make_dialog: DialogFactory) -> None:
    dialog = make_dialog()
    controls = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QLineEdit | QProgressBar)
    ]
    assert len(controls) >= 14
    unnamed = [w.objectName() or type(w).__name__ for w in controls if not w.accessibleName()]
    assert unnamed == []


def test_providers_are_listed_and_unavailable_ones_say_why(
    make_dialog: DialogFactory, make_manager: ManagerFactory, svc: RefService
) -> None:
    env = {"NEWORK_OAUTH_GOOGLE_CLIENT_ID": "g-id"}
    dialog = make_dialog(make_manager(env=env))
    buttons = dialog.choose.provider_buttons
    assert list(buttons) == ["google", "docomo_business", "apple", "microsoft"]
    # Issue 13: provider names in the UI's language ("ビジネスdアカウント" in Japanese only).
    assert [b.text() for b in buttons.values()] == [
        "Google",
        "business d account",
        "Apple",
        "Microsoft",
    ]
    assert buttons["google"].isEnabled() and buttons["google"].toolTip() == ""
    for pid in ("docomo_business", "apple", "microsoft"):
        assert not buttons[pid].isEnabled()
        assert "Not available" in buttons[pid].toolTip()
        assert buttons[pid].accessibleDescription() == buttons[pid].toolTip()
    assert "not given to third parties" in dialog.choose.intro_label.text()


def test_the_memory_only_notice_and_the_previous_account(make_dialog: DialogFactory) -> None:
    previous = RestoreResult(
        SignInStatus.SIGN_IN_AGAIN,
        AccountSummary("google", "h***@example.com", "2025-01-01T00:00:00+00:00", False),
        reason="no-session",
    )
    dialog = make_dialog(previous=previous)
    assert dialog.choose.keyring_label.isVisible()
    assert "keyring" in dialog.choose.keyring_label.text()
    assert dialog.choose.previous_label.isVisible()
    assert "h***@example.com" in dialog.choose.previous_label.text()
    assert "Google" in dialog.choose.previous_label.text()


# -- e-mail ---------------------------------------------------------------------------------------


def test_email_registration_with_a_wrong_code_first(
    qtbot: QtBot, make_dialog: DialogFactory, svc: RefService
) -> None:
    dialog = make_dialog()
    assert dialog.page == PAGE_CHOOSE
    assert not dialog.choose.send_button.isEnabled()  # nothing typed yet
    enter_email(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.page == PAGE_CODE)
    assert EMAIL in dialog.code.sent_label.text()
    assert "valid for 10 minutes" in dialog.code.sent_label.text()
    assert dialog.code.attempts_label.text() == "Attempts left: 5"
    assert dialog.code.code_edit.hasFocus()
    code = svc.last_code(EMAIL)
    assert code is not None

    enter_code(qtbot, dialog, wrong(code))
    qtbot.waitUntil(idle(dialog))
    assert dialog.page == PAGE_CODE
    assert "not correct" in dialog.error_label.text()
    assert dialog.code.attempts_label.text() == "Attempts left: 4"

    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        enter_code(qtbot, dialog, code)
    assert dialog.summary is not None
    assert dialog.summary.provider == "email"
    assert dialog.summary.masked_email == "h***@example.com"
    assert dialog.manager.signed_in


def test_an_invalid_address_is_explained_and_nothing_is_sent(
    qtbot: QtBot, make_dialog: DialogFactory, svc: RefService
) -> None:
    dialog = make_dialog()
    enter_email(qtbot, dialog, "hanako@")
    assert dialog.page == PAGE_CHOOSE
    assert dialog.error_label.isVisible()
    assert "valid e-mail address" in dialog.error_label.text()
    assert svc.requests == []


def test_the_enter_key_sends_the_code(
    qtbot: QtBot, make_dialog: DialogFactory, svc: RefService
) -> None:
    dialog = make_dialog()
    QTest.keyClicks(dialog.choose.email_edit, EMAIL)
    QTest.keyClick(dialog.choose.email_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.page == PAGE_CODE)
    code = svc.last_code(EMAIL)
    assert code is not None
    QTest.keyClicks(dialog.code.code_edit, code)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        QTest.keyClick(dialog.code.code_edit, Qt.Key.Key_Return)
    assert svc.count("/api/v1/auth/email/code") == 1  # one press, one mail


def test_an_expired_code_leads_back_with_the_address_kept(
    qtbot: QtBot, make_dialog: DialogFactory, svc: RefService
) -> None:
    dialog = make_dialog()
    enter_email(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.page == PAGE_CODE)
    code = svc.last_code(EMAIL)
    assert code is not None
    svc.advance(3600)
    enter_code(qtbot, dialog, code)
    qtbot.waitUntil(lambda: dialog.page == PAGE_CHOOSE)
    assert "expired" in dialog.error_label.text()
    assert dialog.choose.email_edit.text() == EMAIL
    assert dialog.code.request is None


def test_too_many_attempts_leads_back(
    qtbot: QtBot, make_dialog: DialogFactory, svc: RefService
) -> None:
    dialog = make_dialog()
    enter_email(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.page == PAGE_CODE)
    code = svc.last_code(EMAIL)
    assert code is not None
    for _ in range(4):
        enter_code(qtbot, dialog, wrong(code))
        qtbot.waitUntil(idle(dialog))
    assert dialog.code.attempts_label.text() == "Attempts left: 1"
    enter_code(qtbot, dialog, wrong(code))
    qtbot.waitUntil(lambda: dialog.page == PAGE_CHOOSE)
    assert "Too many wrong codes" in dialog.error_label.text()


def test_use_another_address(qtbot: QtBot, make_dialog: DialogFactory, svc: RefService) -> None:
    dialog = make_dialog()
    enter_email(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.page == PAGE_CODE)
    QTest.mouseClick(dialog.code.other_address_button, Qt.MouseButton.LeftButton)
    assert dialog.page == PAGE_CHOOSE
    assert dialog.choose.email_edit.text() == EMAIL and dialog.choose.email_edit.hasFocus()
    enter_email(qtbot, dialog, "taro@example.com")
    qtbot.waitUntil(lambda: dialog.page == PAGE_CODE)
    assert "taro@example.com" in dialog.code.sent_label.text()


def test_escape_on_the_code_page_goes_back_not_away(
    qtbot: QtBot, make_dialog: DialogFactory, svc: RefService
) -> None:
    dialog = make_dialog()
    enter_email(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.page == PAGE_CODE)
    QTest.keyClick(dialog.code.code_edit, Qt.Key.Key_Escape)
    assert dialog.page == PAGE_CHOOSE and dialog.isVisible()


def test_resend_waits_then_sends_a_new_code(
    qtbot: QtBot, make_dialog: DialogFactory, svc: RefService
) -> None:
    svc.resend_after = 1
    dialog = make_dialog()
    enter_email(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.page == PAGE_CODE)
    first = dialog.code.request
    assert first is not None
    assert not dialog.code.resend_button.isEnabled()
    assert dialog.code.resend_button.text() == "Resend code (1 s)"
    qtbot.waitUntil(dialog.code.resend_button.isEnabled, timeout=5000)
    assert dialog.code.resend_button.text() == "Resend code"
    QTest.mouseClick(dialog.code.resend_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: svc.count("/api/v1/auth/email/code") == 2)
    qtbot.waitUntil(idle(dialog))
    assert dialog.page == PAGE_CODE and not dialog.error_label.isVisible()
    second = dialog.code.request
    assert second is not None and second.request_id != first.request_id
    code = svc.last_code(EMAIL)
    assert code is not None
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        enter_code(qtbot, dialog, code)


def test_offline_is_explained_with_details(
    qtbot: QtBot, make_dialog: DialogFactory, make_manager: ManagerFactory
) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dialog = make_dialog(make_manager(url=f"http://127.0.0.1:{port}"))
    enter_email(qtbot, dialog)
    qtbot.waitUntil(idle(dialog))
    assert dialog.page == PAGE_CHOOSE
    assert "cannot reach" in dialog.error_label.text()
    assert dialog.details_button.isVisible() and not dialog.details_label.isVisible()
    QTest.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert dialog.details_label.isVisible()
    assert "OfflineError" in dialog.details_label.text()


@pytest.mark.keyring
def test_email_registration_stores_the_session_in_the_real_keyring(
    qtbot: QtBot,
    make_dialog: DialogFactory,
    make_manager: ManagerFactory,
    paths: AppPaths,
    svc: RefService,
) -> None:
    backend = real_keyring()
    service = unique_service()
    try:
        store = SecretStore(paths, backend, service=service)
        dialog = make_dialog(make_manager(store))
        assert not dialog.choose.keyring_label.isVisible()
        enter_email(qtbot, dialog)
        qtbot.waitUntil(lambda: dialog.page == PAGE_CODE)
        code = svc.last_code(EMAIL)
        assert code is not None
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            enter_code(qtbot, dialog, code)
        assert SecretStore(paths, backend, service=service).get(SECRET_REFRESH)
        assert keyring_names(backend, service) == ["session:access_token", "session:refresh_token"]
        dialog.manager.sign_out()
        assert keyring_names(backend, service) == []
    finally:
        delete_service(backend, service)


# -- providers ------------------------------------------------------------------------------------


def test_provider_sign_in_through_the_browser(
    qtbot: QtBot, make_dialog: DialogFactory, svc: RefService
) -> None:
    browser = FakeBrowser()
    dialog = make_dialog(opener=browser)
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        QTest.mouseClick(dialog.choose.provider_buttons["microsoft"], Qt.MouseButton.LeftButton)
        assert dialog.page == PAGE_BROWSER
        assert "Microsoft" in dialog.browser.browser_label.text()
    browser.join()
    assert len(browser.urls) == 1 and browser.urls[0].startswith(svc.url)
    assert dialog.summary is not None and dialog.summary.provider == "microsoft"


def test_cancel_while_waiting_for_the_browser(
    qtbot: QtBot, make_dialog: DialogFactory, svc: RefService
) -> None:
    opened: list[str] = []

    def browser(url: str) -> bool:
        opened.append(url)
        return True

    dialog = make_dialog(opener=browser)
    QTest.mouseClick(dialog.choose.provider_buttons["google"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened))
    assert dialog.page == PAGE_BROWSER and dialog.browser.cancel_flow_button.hasFocus()
    QTest.mouseClick(dialog.browser.cancel_flow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page == PAGE_CHOOSE)
    assert "cancelled" in dialog.error_label.text()
    assert dialog.browser.flow is None and not dialog.busy
    assert all(b.isEnabled() for b in dialog.choose.provider_buttons.values())
    assert dialog.isVisible()


def test_escape_while_waiting_cancels_the_flow_only(
    qtbot: QtBot, make_dialog: DialogFactory, svc: RefService
) -> None:
    dialog = make_dialog(opener=lambda url: True)
    QTest.mouseClick(dialog.choose.provider_buttons["apple"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.browser.authorization_url))
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.page == PAGE_CHOOSE)
    assert dialog.isVisible()


def test_a_browser_that_does_not_open_offers_the_link(
    qtbot: QtBot, make_dialog: DialogFactory, svc: RefService
) -> None:
    dialog = make_dialog(opener=lambda url: False)
    QTest.mouseClick(dialog.choose.provider_buttons["google"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.browser.authorization_url))
    assert "did not open" in dialog.error_label.text()
    assert dialog.browser.copy_link_button.isEnabled()
    QTest.mouseClick(dialog.browser.copy_link_button, Qt.MouseButton.LeftButton)
    clipboard = QApplication.clipboard()
    assert clipboard.text() == dialog.browser.authorization_url
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        FakeBrowser()(clipboard.text())  # the user pastes it into a browser
    clipboard.clear()


def test_a_provider_error_is_shown_on_the_first_page(
    qtbot: QtBot, make_dialog: DialogFactory, svc: RefService
) -> None:
    svc.faults.authorize_error = "access_denied"
    dialog = make_dialog()
    QTest.mouseClick(dialog.choose.provider_buttons["google"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page == PAGE_CHOOSE and not dialog.busy, timeout=10_000)
    assert "Google did not allow the sign-in" in dialog.error_label.text()
    svc.faults.authorize_error = None
    svc.faults.id_token_claims = {"aud": "someone-else"}
    QTest.mouseClick(dialog.choose.provider_buttons["google"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page == PAGE_CHOOSE and not dialog.busy, timeout=10_000)
    assert "could not be verified" in dialog.error_label.text()


# -- leaving --------------------------------------------------------------------------------------


def test_quit_asks_first(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog()
    answers = [False, True]
    dialog.confirm_quit = lambda: answers.pop(0)  # type: ignore[method-assign]
    QTest.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.rejected):
        QTest.keyClick(dialog.choose.email_edit, Qt.Key.Key_Escape)
    assert dialog.summary is None


def test_ask_returns_the_summary_or_none(
    monkeypatch: pytest.MonkeyPatch, make_manager: ManagerFactory, qtbot: QtBot
) -> None:
    summary = AccountSummary("email", "h***@example.com", "2025-01-01T00:00:00+00:00", True)

    def accepted(self: RegistrationDialog) -> int:
        self.summary = summary
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(RegistrationDialog, "exec", accepted)
    assert RegistrationDialog.ask(make_manager(), "ja") == summary

    def declined(self: Any) -> int:
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(RegistrationDialog, "exec", declined)
    assert RegistrationDialog.ask(make_manager(), "en") is None


# -- in the bootstrap (AppController) ------------------------------------------------------------


class AskRecorder:
    """Stands in for RegistrationDialog.ask: signs in by e-mail for real, or declines."""

    def __init__(self, svc: RefService | None) -> None:
        self.svc = svc
        self.calls: list[RestoreResult | None] = []

    def __call__(
        self,
        manager: AccountManager,
        locale: str = "en",
        *,
        previous: RestoreResult | None = None,
        opener: object = None,
        parent: object = None,
    ) -> AccountSummary | None:
        self.calls.append(previous)
        if self.svc is None:
            return None
        return email_sign_in(self.svc, manager, EMAIL)


def controller(paths: AppPaths, manager: AccountManager, automate: tuple[str, ...] = ()) -> Any:
    from nework_desktop.app.automation import parse
    from nework_desktop.app.controller import AppController
    from nework_desktop.core.consent import ConsentLedger
    from nework_desktop.core.policy import load_policy
    from nework_desktop.services.session import Services
    from tests.helpers import record_acceptance

    policy = load_policy()
    if ConsentLedger(paths).read().last is None:
        record_acceptance(paths, policy)
    return AppController(
        Services(paths, policy, ConsentLedger(paths), manager), "en", parse(",".join(automate))
    )


@pytest.mark.usefixtures("_no_file_logging")
def test_the_bootstrap_asks_for_registration_after_consent(
    qtbot: QtBot,
    paths: AppPaths,
    svc: RefService,
    make_manager: ManagerFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    declined = AskRecorder(None)
    monkeypatch.setattr(RegistrationDialog, "ask", declined)
    store = SecretStore(paths, None)
    ctl = controller(paths, make_manager(store))
    assert not ctl.start()  # declined: the app quits
    assert ctl.window is None and declined.calls == [None]

    ask = AskRecorder(svc)
    monkeypatch.setattr(RegistrationDialog, "ask", ask)
    ctl = controller(paths, make_manager(store))
    assert ctl.start()
    qtbot.addWidget(ctl.window)
    assert ask.calls == [None]
    assert ctl.window.sign_out_action.isVisible()

    # Restart with the session in the store: straight to the main window.
    ctl.window.close()
    again = AskRecorder(svc)
    monkeypatch.setattr(RegistrationDialog, "ask", again)
    ctl2 = controller(paths, make_manager(store))
    assert ctl2.start()
    qtbot.addWidget(ctl2.window)
    assert again.calls == []

    # Sign out from the menu: the service is told, then registration is asked again.
    ctl2.window.sign_out_action.trigger()
    assert svc.signouts == 1
    assert again.calls == [None]
    assert ctl2.window is not None
    qtbot.addWidget(ctl2.window)
    ctl2.window.close()


@pytest.mark.usefixtures("_no_file_logging")
def test_a_lost_session_asks_again_with_the_previous_account(
    qtbot: QtBot,
    paths: AppPaths,
    svc: RefService,
    make_manager: ManagerFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = make_manager(SecretStore(paths, None))
    AskRecorder(svc)(first)
    ask = AskRecorder(None)
    monkeypatch.setattr(RegistrationDialog, "ask", ask)
    assert not controller(paths, make_manager(SecretStore(paths, None))).start()
    previous = ask.calls[0]
    assert previous is not None and previous.status is SignInStatus.SIGN_IN_AGAIN
    assert previous.summary is not None and previous.summary.masked_email == "h***@example.com"


@pytest.mark.usefixtures("_no_file_logging")
def test_automation_signs_in_through_the_real_dialog(
    qtbot: QtBot, paths: AppPaths, svc: RefService, make_manager: ManagerFactory
) -> None:
    manager = make_manager(SecretStore(paths, None))
    ctl = controller(paths, manager, ("sign-in-email:qa@example.com",))
    assert ctl.start()
    qtbot.addWidget(ctl.window)
    assert manager.signed_in and manager.email == "qa@example.com"
    assert svc.count("/_test/email-code") == 1
    ctl.window.close()


def test_automation_gives_up_cleanly(
    qtbot: QtBot, paths: AppPaths, svc: RefService, make_manager: ManagerFactory
) -> None:
    svc.faults.fail("/_test/email-code", Canned(404, b'{"error": "no_code"}'))
    manager = make_manager(SecretStore(paths, None))
    assert sign_in_email(manager, "en", "qa@example.com") is None
    assert sign_in_email(manager, "en", "not-an-address") is None
    assert not manager.signed_in


def test_the_automation_step_is_parsed() -> None:
    from nework_desktop.app.automation import parse

    steps = parse("accept-consent,sign-in-email:qa@example.com,quit").steps
    assert tuple(str(s) for s in steps) == (
        "accept-consent",
        "sign-in-email:qa@example.com",
        "quit",
    )
    with pytest.raises(ValueError):
        parse("sign-in-email:")
