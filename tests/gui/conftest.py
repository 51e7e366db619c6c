"""Fixtures the GUI tests share: no translator or file logging left behind, the registration
dialog and its manager."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nework_desktop.app import log as applog
from nework_desktop.services.account import AccountManager, RestoreResult
from nework_desktop.ui import i18n
from nework_desktop.ui.registration import RegistrationDialog
from tests.helpers import DialogFactory, ManagerFactory
from tests.refservice.testing import FakeBrowser


@pytest.fixture
def _clean_translators(qapp: QApplication) -> Iterator[None]:
    """Each test starts and ends without a NeWork translator on the application."""
    i18n.remove_translator(qapp)
    yield
    i18n.remove_translator(qapp)


@pytest.fixture
def _no_file_logging() -> Iterator[None]:
    """Turn the app's file logging off after a test that started the app (it logs to a file)."""
    yield
    applog.disable_file_logging()


@pytest.fixture
def make_dialog(qtbot: QtBot, make_manager: ManagerFactory) -> Iterator[DialogFactory]:
    dialogs: list[RegistrationDialog] = []

    def make(
        manager: AccountManager | None = None,
        *,
        opener: Callable[[str], bool] | None = None,
        previous: RestoreResult | None = None,
    ) -> RegistrationDialog:
        dialog = RegistrationDialog(
            manager or make_manager(), "en", opener=opener or FakeBrowser(), previous=previous
        )
        dialog.confirm_quit = lambda: True  # type: ignore[method-assign]
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialogs.append(dialog)
        return dialog

    yield make
    for dialog in dialogs:
        if dialog.browser.flow is not None:
            dialog.browser.flow.cancel()
        assert dialog.wait_idle(15), "a worker thread is still running"
