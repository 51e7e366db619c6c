"""P1's what-if: the consent dialog alone, without the app's bootstrap.

``python -m tests.bench.baselines.consent_only --startup-timing FILE``: imports only what the
dialog needs (PySide6 widgets, the policy, the dialog), loads the shipped policy and shows the
real :class:`~nework_desktop.ui.consent_dialog.ConsentDialog` in English, reporting
``first-frame`` like the app.  Not a target: it shows how much of P1 the dialog itself costs
(its imports, the policy text and the widgets) and how much the rest of the bootstrap adds.
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--startup-timing", required=True, metavar="FILE")
    args = parser.parse_args(argv)

    from nework_desktop.qtcompat import protect_singletons

    protect_singletons()
    from PySide6.QtWidgets import QApplication

    from nework_desktop.core.policy import load_policy
    from nework_desktop.ui.consent_dialog import ConsentDialog
    from tests.bench.baselines.timing import install

    app = QApplication(sys.argv[:1])
    install(app, args.startup_timing)
    dialog = ConsentDialog(load_policy(None), "en", mode="first")
    dialog.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
