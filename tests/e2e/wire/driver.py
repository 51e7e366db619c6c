"""``python -m tests.e2e.wire.driver SCENARIO OUT``: one web engine, one hostile page, the wire.

Run inside a private network namespace (``unshare -n``, loopback up).  Scenarios:

* ``before-consent`` -- the workspace (proxy, interceptor, flags) with no consent on record;
* ``modules-off`` -- consent on record, Google Analytics and KARTE switched off;
* ``unguarded`` -- a bare ``QWebEngineView`` on the same page (the control: the recorder must
  see the leaks the app prevents, or the test proves nothing).

Writes ``OUT`` (JSON): the wire, the proxy's and the egress rules' view, the ports that are
the app's own (the proxy's and the service's).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

SETTLE_S = 8.0


def main(scenario: str, out: str) -> int:
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (
        flags + ' --no-sandbox --host-resolver-rules="MAP * 127.0.0.1"'
    ).strip()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from nework_desktop.qtcompat import protect_singletons

    protect_singletons()
    from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
    from PySide6.QtWidgets import QApplication

    from tests.e2e.wire.hostile import HostileService
    from tests.e2e.wire.recorder import Recorder

    recorder = Recorder()
    recorder.start()
    service = HostileService().start()
    url = f"http://127.0.0.1:{service.port}"
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication(sys.argv[:1])
    result: dict[str, object] = {"scenario": scenario, "service_port": service.port}
    loaded: list[bool] = []

    if scenario == "unguarded":
        from PySide6.QtWebEngineWidgets import QWebEngineView

        view = QWebEngineView()
        view.loadFinished.connect(loaded.append)
        view.load(QUrl(f"{url}/workspace"))
        view.show()
        result["proxy_port"] = None
    else:
        from nework_desktop.core.egress import EgressPolicy, EgressState, TransmissionLog
        from nework_desktop.core.paths import AppPaths
        from nework_desktop.core.policy import load_policy
        from nework_desktop.ui.workspace import Workspace

        paths = AppPaths.from_environment(basedir=Path(out).parent / "base")
        consented = scenario == "modules-off"
        state = EgressState(consented, {"google_analytics": False, "karte": False})
        egress = EgressPolicy(load_policy(), url, state=state, transmissions=TransmissionLog(paths))
        workspace = Workspace(paths, egress, url)
        workspace.loaded.connect(loaded.append)
        workspace.resize(800, 600)
        workspace.show()
        workspace.start()
        result["proxy_port"] = workspace.proxy.port
        result["egress"] = egress

    deadline = time.monotonic() + 30
    while not loaded and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    settle = time.monotonic() + SETTLE_S
    while time.monotonic() < settle:
        app.processEvents()
        time.sleep(0.02)
    result["loaded"] = loaded[:1]
    egress_obj = result.pop("egress", None)
    if egress_obj is not None:
        result["blocked"] = sorted({b.host for b in egress_obj.recent_blocked()})  # type: ignore[attr-defined]
        result["proxy_refused"] = workspace.proxy.refused
        result["proxy_seen"] = workspace.proxy.seen
        workspace.shutdown()
    QTimer.singleShot(0, app.quit)
    app.exec()
    service.stop()
    result["wire"] = recorder.stop().to_json()
    Path(out).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
