"""Scenarios that need a fresh process (``python -m tests.gui.webengine_subprocess SCENARIO``).

QtWebEngine can be initialised only once per process, and it reads ``HOME`` (and its flags)
when it starts, so two checks run here rather than inside the pytest process:

``residue``
    With the HOME the parent gives (linux layout, no base folder): consent on record, open the
    workspace on a loopback service, load it, close it, quit.  The parent snapshots HOME before
    and after.
``consent-dialog``
    Show the consent dialog and agree, as a person would; then report whether QtWebEngine was
    loaded (it must not be).

Each scenario prints one JSON object on the last line of stdout.
"""

from __future__ import annotations

import json
import os
import sys
import time


def _prepare() -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--no-sandbox" not in flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()
    from nework_desktop.qtcompat import protect_singletons

    protect_singletons()


def residue() -> dict[str, object]:
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from nework_desktop import APP_NAME
    from nework_desktop.core.egress import EgressPolicy, EgressState, TransmissionLog
    from nework_desktop.core.paths import AppPaths
    from nework_desktop.core.policy import load_policy
    from tests.gui.webengine_recorder import Recorder

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    paths = AppPaths.from_environment()
    policy = load_policy()
    with Recorder() as service:
        service.pages["/workspace"] = (
            "<html><body><h1>workspace</h1><script>"
            "localStorage.setItem('k', 'v'); document.cookie = 's=1; max-age=3600';"
            "</script></body></html>"
        )
        service.headers["/workspace"] = {"Cache-Control": "max-age=3600"}
        egress = EgressPolicy(
            policy,
            service.url(),
            state=EgressState(True, policy.default_module_choices()),
            transmissions=TransmissionLog(paths),
        )
        started = time.monotonic()
        from nework_desktop.ui.workspace import Workspace

        workspace = Workspace(paths, egress, service.url(), opener=lambda _url: True)
        workspace.resize(800, 600)
        workspace.show()
        results: list[bool] = []
        workspace.loaded.connect(results.append)
        workspace.start()
        deadline = time.monotonic() + 30
        while not results and time.monotonic() < deadline:
            wait(20)
        first_load = time.monotonic() - started
        workspace.shutdown()
        workspace.deleteLater()
        wait(300)
        egress.close()
        served = len(service.seen)
    app.quit()
    return {
        "loaded": results[:1] == [True],
        "first_load_seconds": round(first_load, 3),
        "served": served,
        "roots": [str(r) for r in paths.roots()],
    }


def consent_dialog() -> dict[str, object]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from nework_desktop.core.policy import load_policy
    from nework_desktop.ui.consent_dialog import ConsentDialog

    app = QApplication([sys.argv[0]])
    dialog = ConsentDialog(load_policy(), "en", mode="first", accepted_version=None)

    def drive() -> None:
        dialog.show_full_text()
        bar = dialog.text.verticalScrollBar()
        bar.setValue(bar.maximum())
        dialog.agree_button.click()

    QTimer.singleShot(0, drive)
    accepted = dialog.exec() == ConsentDialog.DialogCode.Accepted
    dialog.deleteLater()
    app.processEvents()
    loaded = sorted(m for m in sys.modules if m.startswith("PySide6.QtWebEngine"))
    return {"accepted": accepted, "webengine_modules": loaded}


SCENARIOS = {"residue": residue, "consent-dialog": consent_dialog}


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in SCENARIOS:
        print(f"usage: python -m tests.gui.webengine_subprocess {{{'|'.join(SCENARIOS)}}}")
        return 2
    _prepare()
    result = SCENARIOS[argv[0]]()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
