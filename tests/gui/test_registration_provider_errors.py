"""The registration dialog blames the provider that failed, and says "try again" only when a
retry can work (issue 11).  Runs the real dialog against the reference provider's faults."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from nework_desktop.net.errors import ServerError
from nework_desktop.net.oauth.errors import (
    AlgorithmRefused,
    IdTokenError,
    ProviderMisconfigured,
    ProviderOffline,
    ProviderServerError,
)
from nework_desktop.ui.registration import PAGE_CHOOSE
from nework_desktop.ui.registration.errors import ProviderErrorTexts
from tests.helpers import DialogFactory
from tests.refservice import Canned, RefService

pytestmark = pytest.mark.gui


def test_provider_failures_name_the_provider(qtbot: QtBot) -> None:
    texts = ProviderErrorTexts()
    down = texts.text(ProviderServerError("503", provider="Google", stage="keys"), "")
    assert "Google has a problem" in down and "NeWork service" not in down
    offline = texts.text(ProviderOffline("x", provider="Apple", stage="discovery"), "")
    assert "cannot reach Apple" in offline and "try again" in offline
    for final in (
        texts.text(AlgorithmRefused("PS512"), "Microsoft"),
        texts.text(ProviderMisconfigured("no S256", provider="Microsoft", stage="discovery"), ""),
    ):
        assert "Microsoft" in final and "cannot work" in final
        assert "try again" not in final.lower()
    assert texts.text(IdTokenError("nonce"), "Google") == ""  # the dialog's own text
    assert texts.text(ServerError("the NeWork service"), "Google") == ""


def test_a_provider_outage_is_not_blamed_on_nework(
    qtbot: QtBot, make_dialog: DialogFactory, svc: RefService
) -> None:
    svc.faults.fail("/oauth/jwks", *[Canned(503)] * 3)
    dialog = make_dialog()
    QTest.mouseClick(dialog.choose.provider_buttons["microsoft"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page == PAGE_CHOOSE and not dialog.busy, timeout=10_000)
    shown = dialog.error_label.text()
    assert "Microsoft has a problem right now" in shown
    assert "NeWork service" not in shown


def test_a_refused_algorithm_is_not_try_again(
    qtbot: QtBot, make_dialog: DialogFactory, svc: RefService
) -> None:
    svc.faults.id_token_header = {"alg": "none"}
    dialog = make_dialog()
    QTest.mouseClick(dialog.choose.provider_buttons["google"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page == PAGE_CHOOSE and not dialog.busy, timeout=10_000)
    shown = dialog.error_label.text()
    assert "Google" in shown and "cannot work" in shown
    assert "try again" not in shown.lower()
