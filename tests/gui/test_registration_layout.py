"""Registration as a person meets it (issue 13): errors right under their field, pages that keep
their heading, no "attempts left" before an attempt, "Copied" after Copy link, provider names
and the credential store named in the UI's language.  No service is contacted here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nework_desktop.core.paths import AppPaths
from nework_desktop.core.secrets import SecretStore
from nework_desktop.net.http import HttpClient
from nework_desktop.net.oauth.providers import load_providers
from nework_desktop.net.service import CodeRequest, ServiceClient
from nework_desktop.services.account import AccountManager
from nework_desktop.ui import i18n
from nework_desktop.ui.registration import PAGE_CHOOSE, PAGE_CODE, RegistrationDialog

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("_clean_translators")]


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path) -> Iterator[RegistrationDialog]:
    paths = AppPaths.from_environment(basedir=tmp_path / "base")
    client = ServiceClient("http://127.0.0.1:9", HttpClient(attempts=1, timeout=(1, 1)))
    env = {"NEWORK_OAUTH_ISSUER_OVERRIDE": "http://127.0.0.1:9"}
    manager = AccountManager(
        paths, SecretStore(paths, None), client, providers=load_providers(None, env)
    )
    made = RegistrationDialog(manager, "en", opener=lambda url: False)
    made.confirm_quit = lambda: True  # type: ignore[method-assign]
    qtbot.addWidget(made)
    made.show()
    yield made
    client.close()


def test_an_error_sits_under_its_field(dialog: RegistrationDialog) -> None:
    dialog.choose.email_edit.setText("hanako@")
    dialog.choose.send_code()
    assert dialog.page == PAGE_CHOOSE
    assert dialog.error_label.isVisible()
    assert dialog.choose.isAncestorOf(dialog.error_label)
    field = dialog.choose.email_edit
    below = dialog.error_label.mapTo(dialog, dialog.error_label.rect().topLeft()).y()
    assert 0 < below - field.mapTo(dialog, field.rect().bottomLeft()).y() < 40


def test_the_code_page_keeps_its_heading_and_waits_before_attempts_left(
    dialog: RegistrationDialog,
) -> None:
    request = CodeRequest(
        email="hanako@example.com", request_id="r1", expires_in=600, resend_after=0,
        attempts_left=5,
    )  # fmt: skip
    dialog.code_sent(request)
    assert dialog.page == PAGE_CODE
    assert dialog.code.heading_label.text() == "Enter the code"
    assert dialog.code.heading_label.isVisible()
    assert not dialog.code.attempts_label.isVisible(), "no attempt was made yet"
    assert dialog.code.isAncestorOf(dialog.error_box)


def test_copy_link_says_copied_and_the_page_has_a_heading(dialog: RegistrationDialog) -> None:
    page = dialog.browser
    page.provider = dialog.manager.provider("docomo_business")
    page.retranslate()
    assert page.heading_label.text() == "Sign in with business d account"
    page.authorization_url = "http://127.0.0.1:9/authorize?x=1"
    page.copy_link()
    assert page.copy_link_button.text() == "Copied"
    assert not page.copied_label.isHidden()  # (the page itself is not the one shown here)
    assert QApplication.clipboard().text() == page.authorization_url
    QApplication.clipboard().clear()


def test_names_follow_the_ui_language(qapp: QApplication) -> None:
    i18n.install_translator(qapp, "ja")
    assert i18n.provider_label("docomo_business") == "ビジネスdアカウント"
    assert i18n.provider_label("email") == "メール"
    assert i18n.language_label("en") == "英語"
    assert i18n.credential_store_name("win32") == "資格情報マネージャー"
    assert i18n.credential_store_name("darwin") == "キーチェーン"
    assert i18n.credential_store_name("linux") == "キーリング"
    i18n.install_translator(qapp, "en")
    assert i18n.provider_label("docomo_business") == "business d account"
    assert i18n.credential_store_name("win32") == "Credential Manager"
