"""The controller opens the workspace without a network call on the UI thread.

After a restart the stored session counts as signed in and is renewed on first use; the
workspace's first request would do that renewal on the UI thread (its request interceptor runs
there).  The controller renews it on a worker first and issues the page load once that is done.
The web engine is replaced by a stand-in widget here (QtWebEngine can start only once per
process and is tested in its own process, tests/gui/test_workspace.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

import nework_desktop.ui.workspace as workspace_module
from nework_desktop.app.controller import AppController
from nework_desktop.core.consent import ConsentLedger
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import load_policy
from nework_desktop.core.secrets import SecretStore
from nework_desktop.services.session import Services
from tests.helpers import ManagerFactory, egress_client, email_sign_in, record_acceptance
from tests.refservice import RefService

pytestmark = pytest.mark.usefixtures("_no_file_logging")


class StandInWorkspace(QWidget):
    """Not QtWebEngine: records when the page load is issued and what token it would send."""

    made: ClassVar[list[StandInWorkspace]] = []

    def __init__(self, *args: Any, access_token: Callable[[], str | None], **kw: Any) -> None:
        super().__init__()
        self.access_token = access_token
        self.started = False
        self.token_at_start: str | None = None
        StandInWorkspace.made.append(self)

    def start(self) -> None:
        self.started = True
        self.token_at_start = self.access_token()

    def shutdown(self) -> None:
        pass


def test_a_restarted_session_is_renewed_off_the_ui_thread_before_the_load(
    qtbot: QtBot,
    paths: AppPaths,
    svc: RefService,
    make_manager: ManagerFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = SecretStore(paths, None)  # memory only, shared by "both runs" of the app
    email_sign_in(svc, make_manager(store))
    stored = store.get("session:access_token")

    account = make_manager(store)  # the app started again: renewed on first use
    assert account.restore(renew=False).status.value == "signed-in"
    assert account.needs_renewal()
    renewed_on: list[str] = []
    real_refresh = account.refresh

    def refresh() -> None:
        renewed_on.append(threading.current_thread().name)
        real_refresh()

    monkeypatch.setattr(account, "refresh", refresh)
    monkeypatch.setattr(workspace_module, "Workspace", StandInWorkspace)
    StandInWorkspace.made.clear()

    policy = load_policy()
    record_acceptance(paths, policy)
    _client, egress = egress_client(svc.url, policy)
    services = Services(paths, policy, ConsentLedger(paths), account=account, egress=egress)
    services.service_url = svc.url
    ctl = AppController(services, "ja")
    assert ctl.start()
    assert ctl.window is not None
    qtbot.addWidget(ctl.window)
    qtbot.waitUntil(lambda: bool(StandInWorkspace.made) and StandInWorkspace.made[0].started)
    page = StandInWorkspace.made[0]
    assert renewed_on and threading.main_thread().name not in renewed_on
    assert page.token_at_start is not None and page.token_at_start != stored  # the fresh one
    assert svc.count("/api/v1/auth/refresh") == 1
