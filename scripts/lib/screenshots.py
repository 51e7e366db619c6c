"""Take the README's screenshots (run by ``scripts/screenshots``, under Xvfb with openbox).

For each language (ja, en): the consent dialog, registration, the workspace and the privacy
center, against the reference service on a free loopback port, in a throw-away base folder.
The PNGs go to ``docs/screenshots/<what>-<lang>.png``.  Nothing of the real home is used.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "docs" / "screenshots"
EMAIL = "hanako@example.com"


def main(locales: list[str]) -> int:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication, QWidget

    from nework_desktop.qa.refservice.server import RefService

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0]])
    app.setApplicationName("NeWork")
    OUT.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 600, until: Callable[[], bool] | None = None) -> None:
        deadline = time.monotonic() + ms / 1000
        while time.monotonic() < deadline or (until is not None and not until()):
            app.processEvents()
            time.sleep(0.02)
            if until is not None and until() and time.monotonic() >= deadline:
                break
            if time.monotonic() > deadline + 30:
                break

    def shoot(window: QWidget, name: str) -> None:
        window.raise_()
        window.activateWindow()
        settle(700)
        frame = window.frameGeometry()
        screen = window.screen()
        picture = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        if picture.isNull():
            picture = window.grab()
        path = OUT / f"{name}.png"
        picture.save(str(path))
        print(f"{path.relative_to(REPO)} ({frame.width()}×{frame.height()})")

    with RefService(port=0) as svc:
        for locale in locales:
            with tempfile.TemporaryDirectory(prefix="nework-shots-") as base:
                run_locale(locale, Path(base), svc, shoot, settle)
    return 0


def run_locale(
    locale: str, base: Path, svc: object, shoot: Callable[..., None], settle: Callable[..., None]
) -> None:
    from PySide6.QtWidgets import QApplication

    from nework_desktop.app.controller import AppController
    from nework_desktop.core.consent import ConsentLedger
    from nework_desktop.core.paths import AppPaths
    from nework_desktop.core.policy import load_policy
    from nework_desktop.services.session import Services, connect_network_services
    from nework_desktop.ui.consent_dialog import ConsentDialog
    from nework_desktop.ui.i18n import install_translator
    from nework_desktop.ui.registration import RegistrationDialog

    url = svc.url  # type: ignore[attr-defined]
    os.environ["NEWORK_SERVICE_URL"] = url
    os.environ["NEWORK_OAUTH_ISSUER_OVERRIDE"] = url
    app = QApplication.instance()
    assert app is not None
    install_translator(app, locale)
    policy = load_policy()
    paths = AppPaths.from_environment(basedir=base)

    consent = ConsentDialog(policy, locale, open_url=lambda _url: True)
    consent.confirm_decline = lambda: True  # type: ignore[method-assign]
    consent.move(40, 30)
    consent.show()
    settle(900)
    consent.reading.scroll_to_article(1)  # Art. 2: the table in the text and beside it
    shoot(consent, f"consent-{locale}")
    consent.done(0)

    services = Services(paths, policy, ConsentLedger(paths), connect=connect_network_services)
    services.consent.accept(
        text_sha256=policy.text_sha256(locale),
        locale=locale,
        modules={"google_analytics": True, "karte": False},
    )
    services.connect_network()
    account = services.account
    assert account is not None
    registration = RegistrationDialog(account, locale, opener=lambda _url: True)
    registration.confirm_quit = lambda: True  # type: ignore[method-assign]
    registration.move(120, 80)
    registration.show()
    registration.choose.email_edit.setText(EMAIL)
    shoot(registration, f"registration-{locale}")
    registration.done(0)

    request = account.request_email_code(EMAIL, locale)
    code = svc.last_code(EMAIL)  # type: ignore[attr-defined]
    account.verify_email_code(request, code)

    ctl = AppController(services, locale)
    assert ctl.start()
    window = ctl.window
    assert window is not None
    window.move(20, 20)
    window.resize(1180, 740)
    settle(1500, until=lambda: ctl.workspace is not None and ctl.workspace.error_kind is None)
    settle(4000)
    shoot(window, f"workspace-{locale}")

    ctl.open_privacy_center()
    center = ctl.privacy_center
    assert center is not None
    center.move(140, 60)
    center.show_page("collected")
    settle(600)
    page = center.collected_page
    page.verticalScrollBar().setValue(page.modules_heading.y() - 12)  # the switches
    settle(600)
    shoot(center, f"privacy-center-{locale}")
    ctl.quit()
    settle(500)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["ja", "en"]))
