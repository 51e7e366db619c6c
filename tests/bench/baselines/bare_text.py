"""P1's fairer baseline: a bare ``QDialog`` with a ``QTextBrowser`` showing the same policy text.

``python -m tests.bench.baselines.bare_text --startup-timing FILE [--size WxH]`` reads the
shipped policy's English Markdown (the text the consent dialog shows first under ``LANG=C.UTF-8``)
with ``json``/``open`` only, shows it in a plain ``QTextBrowser`` (``setMarkdown``) filling a
dialog of the consent dialog's size, and reports ``first-frame`` like the app.  It is the least
any program must do to put that text on screen with this toolkit: what of P1 is the toolkit's.
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

POLICY = os.path.join(os.path.dirname(__file__), "..", "..", "..", "resources", "policy")


def policy_folder() -> str:
    """The shipped policy's current version folder (``NEWORK_POLICY_DIR`` if set)."""
    root = os.environ.get("NEWORK_POLICY_DIR") or os.path.normpath(POLICY)
    with open(os.path.join(root, "index.json"), "rb") as fh:
        return os.path.join(root, json.load(fh)["current"])


def policy_text(locale: str = "en") -> str:
    with open(os.path.join(policy_folder(), f"policy.{locale}.md"), encoding="utf-8") as fh:
        return fh.read()


def _add_text(dialog: QDialog) -> None:
    from PySide6.QtWidgets import QTextBrowser, QVBoxLayout

    view = QTextBrowser(dialog)
    view.setMarkdown(policy_text())
    QVBoxLayout(dialog).addWidget(view)


def main(argv: list[str] | None = None) -> int:
    from tests.bench.baselines import bare_window

    return bare_window.main(argv, fill=_add_text)


if __name__ == "__main__":
    sys.exit(main())
