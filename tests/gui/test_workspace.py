"""The workspace (QtWebEngine): profile in the owned roots, egress rules, navigation, errors.

One QtWebEngine per process: the in-process tests share the pytest process's; the two checks
that need a fresh process (HOME residue, the consent dialog not loading QtWebEngine) run
``tests/gui/webengine_subprocess.py``.

Host names reach the loopback recorder through Chromium's resolver rules: this module adds
``--host-resolver-rules="MAP * 127.0.0.1"`` to ``QTWEBENGINE_CHROMIUM_FLAGS`` when it is imported
(collection time, before any test starts QtWebEngine), so every host name the web view looks up
-- www.google-analytics.com, t.karte.io, anything -- connects to 127.0.0.1 on the URL's port, and
nothing can leave the machine.  ``--use-fake-device-for-media-stream`` gives Chromium a fake camera
and microphone (the permission prompt is still ours).

QtWebEngine is imported by the fixtures, not at the top of this module, so that collecting the
tests does not load it into the pytest process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QUrl
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from nework_desktop.core.egress import EgressPolicy, EgressState, TransmissionLog
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy
from tests.gui.webengine_recorder import Recorder, free_port
from tests.helpers import tree

if TYPE_CHECKING:
    from nework_desktop.ui.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]


def _add_chromium_flags() -> None:
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    extra = []
    if "--host-resolver-rules" not in flags:
        extra.append('--host-resolver-rules="MAP * 127.0.0.1"')
    if "--use-fake-device-for-media-stream" not in flags:
        extra.append("--use-fake-device-for-media-stream")
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join([flags, *extra]).strip()
    if QCoreApplication.instance() is None:
        # What the bootstrap does before its QApplication (QtWebEngine shares GL contexts).
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


_add_chromium_flags()

#: What QtWebEngine prints on a headless machine (no GPU, no D-Bus): harmless.
QT_LOG_IGNORE = (
    r"QRhiGles2: Failed to create",
    r"Failed to create RHI for backend",
    r"This plugin does not support createPlatformVulkanInstance",
    r"QVulkanInstance: Failed to initialize Vulkan",
    r"GBM is not supported with the current configuration",
    r"GPUInfo not initialized",
)

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(*QT_LOG_IGNORE)]

GA = "www.google-analytics.com"
KARTE = "t.karte.io"
FIREBASE = "app-measurement.com"
UNDECLARED = "tracker.example"
ELSEWHERE = "https://elsewhere.example/page"
ALL_ON = {"google_analytics": True, "karte": True}
ALL_OFF = {"google_analytics": False, "karte": False}
LOAD_MS = 20_000

WORKSPACE_PAGE = f"""<!doctype html>
<html><head><meta charset="utf-8"><title>workspace</title>
<style>body {{ margin: 0 }} a {{ display: block; height: 40px }}</style></head><body>
<a id="out" href="{ELSEWHERE}">elsewhere</a>
<a id="same" href="/workspace/next">next</a>
<a id="report" href="/report.txt">report</a>
<img src="http://{GA}:{{port}}/g/collect?v=2&cid=123">
<img src="http://{KARTE}:{{port}}/track?u=1">
<img src="http://{FIREBASE}:{{port}}/a">
<img src="http://{UNDECLARED}:{{port}}/x">
</body></html>
"""


@pytest.fixture
def service() -> Iterator[Recorder]:
    with Recorder() as recorder:
        recorder.pages["/workspace"] = WORKSPACE_PAGE
        recorder.pages["/workspace/next"] = "<html><body>next</body></html>"
        recorder.pages["/report.txt"] = "quarterly report"
        recorder.headers["/report.txt"] = {
            "Content-Type": "text/plain",
            "Content-Disposition": 'attachment; filename="report.txt"',
        }
        yield recorder


class Opened(list[str]):
    """URLs handed to the system browser (recorded, never opened)."""

    def __call__(self, url: QUrl) -> bool:
        self.append(url.toString())
        return True


WorkspaceFactory = Callable[..., "Workspace"]


@pytest.fixture
def make_workspace(
    qtbot: QtBot, paths: AppPaths, policy: Policy, service: Recorder
) -> Iterator[WorkspaceFactory]:
    from nework_desktop.ui.workspace import Workspace

    made: list[Workspace] = []

    def make(
        *,
        consented: bool = True,
        choices: dict[str, bool] | None = None,
        debug: bool = False,
        service_url: str | None = None,
        token: str | None = "session-token",  # noqa: S107 - a test value
        rules: EgressPolicy | None = None,
    ) -> Workspace:
        url = service_url or service.url()
        if rules is None:
            rules = EgressPolicy(
                policy,
                url,
                state=EgressState(consented, ALL_ON if choices is None else choices),
                transmissions=TransmissionLog(paths),
            )
        workspace = Workspace(
            paths, rules, url, debug=debug, opener=Opened(), access_token=lambda: token
        )
        qtbot.addWidget(workspace)
        workspace.resize(800, 600)
        workspace.show()
        made.append(workspace)
        return workspace

    yield make
    for workspace in made:
        workspace.shutdown()
    qtbot.wait(50)


def load(qtbot: QtBot, workspace: Workspace, url: QUrl | None = None) -> bool:
    """Start (or load ``url``) and wait until the page or the error page is shown."""
    with qtbot.waitSignal(workspace.loaded, timeout=LOAD_MS) as blocker:
        if url is None:
            workspace.start()
        else:
            workspace.load(url)
    assert blocker.args is not None
    return bool(blocker.args[0])


def run_js(qtbot: QtBot, workspace: Workspace, script: str) -> Any:
    results: list[Any] = []
    workspace.page.runJavaScript(script, 0, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=LOAD_MS)
    return results[0]


def blocked_hosts(rules: EgressPolicy) -> dict[str, str]:
    return {b.host: b.reason for b in rules.recent_blocked()}


# -- the profile -------------------------------------------------------------------------------


def test_profile_lives_in_the_owned_roots(
    qtbot: QtBot, make_workspace: WorkspaceFactory, paths: AppPaths
) -> None:
    from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineSettings

    workspace = make_workspace()
    profile = workspace.profile
    assert not profile.isOffTheRecord()
    assert Path(profile.persistentStoragePath()) == paths.path("web_profile")
    assert Path(profile.cachePath()) == paths.path("web_cache")
    assert profile.httpCacheType() == QWebEngineProfile.HttpCacheType.DiskHttpCache
    assert (
        profile.persistentPermissionsPolicy()
        == QWebEngineProfile.PersistentPermissionsPolicy.AskEveryTime
    )
    assert not profile.isSpellCheckEnabled()
    assert not profile.isPushServiceEnabled()
    assert profile.downloadPath()
    settings = profile.settings()
    attr = QWebEngineSettings.WebAttribute
    assert not settings.testAttribute(attr.LocalContentCanAccessFileUrls)
    assert not settings.testAttribute(attr.DnsPrefetchEnabled)
    assert not settings.testAttribute(attr.ErrorPageEnabled)
    assert load(qtbot, workspace)
    base = paths.basedir
    assert base is not None
    qtbot.waitUntil(lambda: any(paths.path("web_profile").iterdir()), timeout=LOAD_MS)
    written = [base / entry for entry in tree(base)]
    roots = paths.roots()
    assert all(any(e == r or r in e.parents for r in roots) for e in written)
    assert any(paths.path("web_profile") in e.parents for e in written)


def test_before_consent_off_the_record_and_nothing_sent(
    qtbot: QtBot, make_workspace: WorkspaceFactory, paths: AppPaths, service: Recorder
) -> None:
    workspace = make_workspace(consented=False)
    assert workspace.profile.isOffTheRecord()
    assert not load(qtbot, workspace)
    assert workspace.error_kind == "blocked"
    assert workspace.stack.currentWidget() is workspace.error_page
    qtbot.wait(200)
    assert service.seen == []
    assert blocked_hosts(workspace.egress) == {"127.0.0.1": "before-consent"}
    workspace.shutdown()
    qtbot.wait(100)
    assert paths.basedir is not None
    assert tree(paths.basedir) == []


# -- egress from the web view ---------------------------------------------------------------------


def test_web_view_sends_only_what_the_rules_allow(
    qtbot: QtBot, make_workspace: WorkspaceFactory, service: Recorder
) -> None:
    workspace = make_workspace(choices={"google_analytics": True, "karte": False})
    rules = workspace.egress
    assert load(qtbot, workspace)
    qtbot.waitUntil(lambda: bool(service.to(GA)), timeout=LOAD_MS)
    qtbot.waitUntil(lambda: FIREBASE in blocked_hosts(rules), timeout=LOAD_MS)
    assert len(service.to("127.0.0.1", "/workspace")) == 1
    assert len(service.to(GA, "/g/collect")) == 1
    assert service.to(KARTE) == []
    assert service.to(FIREBASE) == []
    assert service.to(UNDECLARED) == []
    assert blocked_hosts(rules) == {
        KARTE: "opted-out",
        FIREBASE: "not-on-desktop",
        UNDECLARED: "undeclared-host",
    }
    # The session goes to the service, and to no one else.
    assert service.to("127.0.0.1", "/workspace")[0].headers.get("Authorization") == (
        "Bearer session-token"
    )
    assert "Authorization" not in service.to(GA)[0].headers

    # Switched on without a restart: the next load sends to KARTE too.
    service.clear()
    rules.set_choices(ALL_ON)
    assert load(qtbot, workspace)
    qtbot.waitUntil(lambda: bool(service.to(KARTE)), timeout=LOAD_MS)
    assert len(service.to(GA)) == 1

    # Both off: the service only.
    service.clear()
    rules.set_choices(ALL_OFF)
    assert load(qtbot, workspace)
    qtbot.waitUntil(lambda: blocked_hosts(rules).get(GA) == "opted-out", timeout=LOAD_MS)
    qtbot.wait(200)
    assert {s.host for s in service.seen} == {"127.0.0.1"}

    # Every decision was counted.
    rows = rules.transmissions.rows() if rules.transmissions else []
    counted = {(r.host, r.module_id): (r.allowed, r.blocked) for r in rows}
    assert counted[(GA, "google_analytics")][0] == 2
    assert counted[(GA, "google_analytics")][1] >= 1
    assert counted[(UNDECLARED, None)] == (0, 3)


def test_an_interceptor_failure_blocks(
    qtbot: QtBot,
    make_workspace: WorkspaceFactory,
    service: Recorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workspace = make_workspace()

    def broken(url: str, *, first_party_url: str | None = None) -> Any:
        raise RuntimeError("broken rules")

    monkeypatch.setattr(workspace.egress, "decide", broken)
    assert not load(qtbot, workspace)
    assert service.seen == []


def test_module_cookies_are_deleted_when_switched_off(
    qtbot: QtBot, make_workspace: WorkspaceFactory, service: Recorder
) -> None:
    from PySide6.QtNetwork import QNetworkCookie

    workspace = make_workspace(choices=ALL_ON)
    assert load(qtbot, workspace)
    store = workspace.profile.cookieStore()
    origin = QUrl(service.url())
    for name, domain in ((b"_ga", ""), (b"session", ""), (b"ktid", ".karte.io")):
        cookie = QNetworkCookie(name, b"1")
        cookie.setPath("/")
        if domain:
            cookie.setDomain(domain)
            store.setCookie(cookie, QUrl(f"http://{KARTE}/"))
        else:
            store.setCookie(cookie, origin)
    guard = workspace.cookie_guard
    qtbot.waitUntil(lambda: len(guard._cookies) == 3, timeout=LOAD_MS)
    assert guard.deleted == []

    workspace.egress.set_choices({"google_analytics": False, "karte": False})
    qtbot.waitUntil(lambda: len(guard.deleted) == 2, timeout=LOAD_MS)
    assert sorted(guard.deleted) == [(".karte.io", "ktid"), ("127.0.0.1", "_ga")]
    assert load(qtbot, workspace)
    assert run_js(qtbot, workspace, "document.cookie") == "session=1"


# -- navigation --------------------------------------------------------------------------------


def test_links_to_other_origins_open_in_the_system_browser(
    qtbot: QtBot, make_workspace: WorkspaceFactory, service: Recorder
) -> None:
    workspace = make_workspace()
    assert load(qtbot, workspace)
    opened = workspace.page.opener
    assert isinstance(opened, Opened)
    # A script following a link or moving the page elsewhere: refused, nothing opened.
    run_js(qtbot, workspace, "document.getElementById('out').click(); 1")
    run_js(qtbot, workspace, "window.location.href = 'https://elsewhere.example/script'; 1")
    qtbot.wait(300)
    assert opened == []
    assert workspace.page.url().toString() == service.url(path="/workspace")
    assert workspace.stack.currentWidget() is workspace.view  # no error page for a refusal
    # The user clicks the link (the first 40 pixels of the page): the system browser opens it.
    target = workspace.view.focusProxy()
    assert target is not None
    QTest.mouseClick(
        target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(20, 20)
    )
    qtbot.waitUntil(lambda: opened == [ELSEWHERE], timeout=LOAD_MS)
    qtbot.wait(200)
    assert workspace.page.url().toString() == service.url(path="/workspace")
    assert service.to("elsewhere.example") == []
    # A link of the service's own origin loads here.
    with qtbot.waitSignal(workspace.loaded, timeout=LOAD_MS):
        run_js(qtbot, workspace, "document.getElementById('same').click(); 1")
    assert workspace.page.url().toString() == service.url(path="/workspace/next")
    assert opened == [ELSEWHERE]


def test_file_urls_are_never_loaded(
    qtbot: QtBot, make_workspace: WorkspaceFactory, tmp_path: Path
) -> None:
    from PySide6.QtWebEngineCore import QWebEngineNavigationRequest

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    workspace = make_workspace()
    assert load(qtbot, workspace)
    link = QWebEngineNavigationRequest.NavigationType.LinkClickedNavigation
    file_url = QUrl.fromLocalFile(str(secret))
    assert not workspace.page.navigate(file_url, link, True, True)
    assert not workspace.page.navigate(file_url, link, False, True)
    workspace.page.load(QUrl.fromLocalFile(str(secret)))
    qtbot.wait(300)
    assert workspace.page.url().scheme() == "http"
    assert "TOP SECRET" not in run_js(qtbot, workspace, "document.body.innerText")
    assert workspace.stack.currentWidget() is workspace.view
    opener = workspace.page.opener
    assert isinstance(opener, Opened) and opener == []


# -- errors ------------------------------------------------------------------------------------


def test_offline_shows_a_friendly_page_and_retry_recovers(
    qtbot: QtBot, make_workspace: WorkspaceFactory
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    workspace = make_workspace(service_url=url)
    assert not load(qtbot, workspace)
    assert workspace.error_kind == "offline"
    assert workspace.stack.currentWidget() is workspace.error_page
    assert workspace.error_page.title.text() == "NeWork cannot be reached"
    assert workspace.error_page.retry_button.text() == "Try again"
    with Recorder(port=port) as back:
        back.pages["/workspace"] = "<html><body>back</body></html>"
        with qtbot.waitSignal(workspace.loaded, timeout=LOAD_MS) as blocker:
            QTest.mouseClick(workspace.error_page.retry_button, Qt.MouseButton.LeftButton)
        assert blocker.args == [True]
        assert workspace.stack.currentWidget() is workspace.view
        assert workspace.error_kind is None
        assert len(back.to("127.0.0.1", "/workspace")) == 1


def test_server_error_shows_a_friendly_page(
    qtbot: QtBot, make_workspace: WorkspaceFactory, service: Recorder
) -> None:
    service.status["/workspace"] = 503
    workspace = make_workspace()
    assert not load(qtbot, workspace)
    assert workspace.error_kind == "server"
    assert "503" in workspace.error_page.details.text()
    del service.status["/workspace"]
    with qtbot.waitSignal(workspace.loaded, timeout=LOAD_MS) as blocker:
        workspace.error_page.retry_button.click()
    assert blocker.args == [True]


# -- downloads, camera and microphone ----------------------------------------------------------


def test_downloads_ask_where_to_save(
    qtbot: QtBot,
    make_workspace: WorkspaceFactory,
    service: Recorder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workspace = make_workspace()
    assert load(qtbot, workspace)
    asked: list[Path] = []
    answers: list[Path | None] = [None, tmp_path / "saved" / "mine.txt"]
    (tmp_path / "saved").mkdir()

    def choose(suggested: Path) -> Path | None:
        asked.append(suggested)
        return answers[len(asked) - 1]

    monkeypatch.setattr(workspace, "choose_download_path", choose)
    run_js(qtbot, workspace, "document.getElementById('report').click(); 1")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=LOAD_MS)
    assert asked[0].name == "report.txt"
    run_js(qtbot, workspace, "document.getElementById('report').click(); 1")
    target = tmp_path / "saved" / "mine.txt"
    qtbot.waitUntil(
        lambda: target.exists() and target.read_text(encoding="utf-8") == "quarterly report",
        timeout=LOAD_MS,
    )
    assert sorted(p.name for p in (tmp_path / "saved").iterdir()) == ["mine.txt"]


MEDIA_JS = """
window.media = 'pending';
navigator.mediaDevices.getUserMedia(%s).then(
  s => { s.getTracks().forEach(t => t.stop()); window.media = 'granted'; },
  e => { window.media = 'denied:' + e.name; });
1
"""


def test_camera_and_microphone_are_asked_once_per_origin(
    qtbot: QtBot,
    make_workspace: WorkspaceFactory,
    service: Recorder,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from nework_desktop.core.permissions import PERMISSIONS_NAME

    asked: list[tuple[str, tuple[str, ...]]] = []

    def ask(origin: str, kinds: tuple[str, ...]) -> bool:
        asked.append((origin, kinds))
        return kinds == ("camera",)

    def request(workspace: Workspace, constraints: str) -> str:
        run_js(qtbot, workspace, MEDIA_JS % constraints)
        results: list[str] = []

        def done() -> bool:
            workspace.page.runJavaScript("window.media", 0, results.append)
            return bool(results) and results[-1] != "pending"

        qtbot.waitUntil(done, timeout=LOAD_MS)
        return results[-1]

    origin = f"http://127.0.0.1:{service.port}"
    first = make_workspace()
    monkeypatch.setattr(first, "ask_permission", ask)
    assert load(qtbot, first)
    # QtWebEngine 6.12 reports a refusal as AbortError "Invalid state", not NotAllowedError.
    assert request(first, "{audio: true}").startswith("denied:")
    assert asked == [(origin, ("microphone",))]
    assert request(first, "{video: true}") == "granted"
    assert asked[1:] == [(origin, ("camera",))]
    stored = json.loads((paths.config / PERMISSIONS_NAME).read_text(encoding="utf-8"))
    assert stored["origins"] == {origin: {"camera": True, "microphone": False}}
    first.shutdown()
    qtbot.wait(100)

    # Next session (a new profile, so nothing cached by Chromium): no question asked again.
    second = make_workspace()
    monkeypatch.setattr(second, "ask_permission", ask)
    assert load(qtbot, second)
    assert request(second, "{video: true}") == "granted"
    assert request(second, "{audio: true}").startswith("denied:")
    assert len(asked) == 2


def test_permissions_before_consent_are_not_written(paths: AppPaths) -> None:
    from nework_desktop.core.permissions import PermissionStore

    store = PermissionStore(paths, persist=False)
    store.remember("https://nework.example:443", ("camera", "microphone"), True)
    assert store.answer("https://nework.example:443", ("camera",)) is True
    assert paths.basedir is not None
    assert tree(paths.basedir) == []


# -- developer tools ---------------------------------------------------------------------------


def test_developer_tools_only_in_debug_mode(qtbot: QtBot, make_workspace: WorkspaceFactory) -> None:
    from PySide6.QtWebEngineCore import QWebEnginePage

    plain = make_workspace()
    assert plain.open_devtools() is None
    assert not plain.page.action(QWebEnginePage.WebAction.InspectElement).isVisible()
    assert plain.devtools_action not in plain.actions()
    assert plain.page.devToolsPage() is None
    plain.shutdown()
    qtbot.wait(100)  # the profile goes: the next workspace may use its folders

    debug = make_workspace(debug=True)
    assert debug.devtools_action in debug.actions()
    view = debug.open_devtools()
    assert view is not None
    assert debug.page.devToolsPage() is not None
    view.close()
    qtbot.wait(50)
    assert debug.page.devToolsPage() is None
    assert debug.open_devtools() is not None  # again, and left open for shutdown()


# -- fresh processes ---------------------------------------------------------------------------


def _snapshot(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def _run_scenario(name: str, home: Path) -> dict[str, Any]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("XDG_", "NEWORK_")) and k not in ("APPDATA", "LOCALAPPDATA")
    }
    env["HOME"] = str(home)
    env["TMPDIR"] = str(home.parent / "tmp")
    env["XDG_RUNTIME_DIR"] = str(home.parent / "runtime")
    loopback_only = '--host-resolver-rules="MAP * 127.0.0.1"'
    sandbox = "--no-sandbox " if os.geteuid() == 0 else ""
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = sandbox + loopback_only
    (home.parent / "tmp").mkdir(exist_ok=True)
    (home.parent / "runtime").mkdir(mode=0o700, exist_ok=True)
    done = subprocess.run(  # noqa: PLW1510 - the return code is checked below
        [sys.executable, "-m", "tests.gui.webengine_subprocess", name],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_opening_and_closing_leaves_nothing_outside_the_owned_roots(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "Documents").mkdir()
    before = _snapshot(home)
    started = time.monotonic()
    result = _run_scenario("residue", home)
    elapsed = time.monotonic() - started
    assert result["loaded"], result
    assert result["served"] >= 1
    roots = [Path(r) for r in result["roots"]]
    assert all(home in r.parents for r in roots)
    new = sorted(_snapshot(home) - before)
    assert new
    outside = [
        entry
        for entry in new
        if not any(
            (home / entry) == root
            or root in (home / entry).parents
            or (home / entry) in root.parents
            for root in roots
        )
    ]
    assert outside == [], f"written outside the owned roots: {outside}"
    assert any(Path(home / e).is_relative_to(home / ".local/share/NeWork/WebEngine") for e in new)
    assert list((tmp_path / "tmp").iterdir()) == []
    print(f"workspace subprocess: {elapsed:.2f}s, first load {result['first_load_seconds']}s")


def test_the_consent_dialog_does_not_load_qtwebengine(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = _run_scenario("consent-dialog", home)
    assert result == {"accepted": True, "webengine_modules": []}
    assert _snapshot(home) == set()
