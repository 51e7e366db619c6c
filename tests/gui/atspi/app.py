"""The app side of the AT-SPI test: one real NeWork window on the X server, nothing else.

``python -m tests.gui.atspi.app SCENARIO LOCALE OUT`` shows the consent dialog, the
registration dialog or the privacy center (with ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1`` and the
xcb platform, so Qt publishes its accessibility tree on the AT-SPI bus), writes to ``OUT.json``
what the probe compares the tree with -- the visible label of every button and switch, the
accessible names in the declared focus order -- and, for the consent dialog, the outcome when
the user agreed (``OUT.outcome.json``).  It writes nothing else: the base folder is a throw-away
one given by the caller (``NEWORK_BASEDIR``).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QWidget

from nework_desktop.core.consent import ConsentLedger
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import load_policy
from nework_desktop.ui.i18n import install_translator

APP_NAME = "NeWork-atspi-test"


def visible_label(text: str) -> str:
    """A control's text as read: without its mnemonic ("&L", Japanese "(&L)") or ellipsis."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").rstrip("…").strip()


def describe(window: QWidget, order: list[QWidget]) -> dict[str, object]:
    labels = [
        visible_label(w.text())
        for w in window.findChildren(QAbstractButton)
        if w.isVisibleTo(window) and visible_label(w.text())
    ]
    return {
        "title": window.windowTitle(),
        "labels": sorted(set(labels)),
        # What a screen reader may call each control in the focus order (a combo box is
        # also read by its current text).
        "order": [
            [w.accessibleName(), *([w.currentText()] if isinstance(w, QComboBox) else [])]
            for w in order
            if w.isVisibleTo(window)
        ],
    }


def consent(locale: str, out: Path) -> QWidget:
    from nework_desktop.ui.consent_dialog import ConsentDialog

    dialog = ConsentDialog(load_policy(), locale)
    dialog.confirm_decline = lambda: True  # type: ignore[method-assign]

    def agreed() -> None:
        outcome = dialog.outcome
        data: dict[str, object] = {
            "modules": outcome.modules if outcome else None,
            "read": dialog.has_read_to_end,
        }
        write(out.with_suffix(".outcome.json"), data)
        QApplication.quit()

    dialog.accepted.connect(agreed)
    dialog.rejected.connect(QApplication.quit)
    dialog.show()
    QTimer.singleShot(500, lambda: write(out, describe(dialog, dialog.focus_order())))
    return dialog


def registration(locale: str, out: Path) -> QWidget:
    from nework_desktop.core.secrets import SecretStore
    from nework_desktop.net.http import HttpClient
    from nework_desktop.net.oauth.providers import load_providers
    from nework_desktop.net.service import ServiceClient
    from nework_desktop.services.account import AccountManager
    from nework_desktop.ui.registration import RegistrationDialog

    paths = AppPaths.from_environment()
    client = ServiceClient("http://127.0.0.1:9", HttpClient(attempts=1, timeout=(1, 1)))
    env = {"NEWORK_OAUTH_ISSUER_OVERRIDE": "http://127.0.0.1:9"}
    manager = AccountManager(
        paths, SecretStore(paths, None), client, providers=load_providers(None, env)
    )
    dialog = RegistrationDialog(manager, locale)
    dialog.confirm_quit = lambda: True  # type: ignore[method-assign]
    dialog.rejected.connect(QApplication.quit)
    dialog.show()
    choose = dialog.choose
    order: list[QWidget] = [choose.email_edit]  # "Send code" waits for an address
    order += [b for b in choose.provider_buttons.values() if b.isEnabled()]
    order.append(dialog.quit_button)
    QTimer.singleShot(500, lambda: write(out, describe(dialog, order)))
    return dialog


def privacy(locale: str, out: Path) -> QWidget:
    from nework_desktop.services.session import Services
    from nework_desktop.ui.privacy.center import PrivacyCenter
    from tests.helpers import record_acceptance

    paths = AppPaths.from_environment()
    policy = load_policy()
    record_acceptance(paths, policy)
    center = PrivacyCenter(Services(paths, policy, ConsentLedger(paths)), locale)
    center.show()
    center.show_page("collected")  # the page with the switches
    order: list[QWidget] = [center.nav, *center.collected_page.module_switches.values()]
    QTimer.singleShot(500, lambda: write(out, describe(center, order)))
    return center


def write(out: Path, data: dict[str, object]) -> None:
    # Whole or not at all: the test starts reading as soon as ``out`` exists.
    part = out.with_name(out.name + ".part")
    part.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    part.replace(out)


def main(argv: list[str]) -> int:
    scenario, locale, out = argv[0], argv[1], Path(argv[2])
    app = QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    install_translator(app, locale)
    window = {"consent": consent, "registration": registration, "privacy": privacy}[scenario](
        locale, out
    )
    window.raise_()
    window.activateWindow()
    QTimer.singleShot(120_000, app.quit)  # never outlive the test
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
