"""P2's baseline: a bare ``QWebEngineView`` loading the same URL as the app's workspace.

``python -m tests.bench.baselines.bare_webview --startup-timing FILE --url URL [--size WxH]``:
QtWebEngine's default profile (off the record in Qt 6), no interceptor, no settings; reports
``first-frame`` and ``page-loaded`` (``loadFinished(True)``) the way the app does.
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--startup-timing", required=True, metavar="FILE")
    parser.add_argument("--url", required=True)
    parser.add_argument("--size", default="960x640", metavar="WxH")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView  # before the QApplication, as Qt asks
    from PySide6.QtWidgets import QApplication

    from tests.bench.baselines.timing import install, parse_size

    app = QApplication(sys.argv[:1])
    install(app, args.startup_timing)
    view = QWebEngineView()
    view.resize(*parse_size(args.size))
    view.show()
    view.load(QUrl(args.url))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
