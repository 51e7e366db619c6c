"""P1's third baseline: the consent dialog's first frame built with PySide6 alone.

``python -m tests.bench.baselines.same_dialog --startup-timing FILE [--size WxH]`` shows what
the consent dialog shows at its first frame (English, first consent), widget for widget and
with the same texts, but written as plainly as PySide6 allows: no module of the app, the policy
read with ``json``/``open``, no validation, no translator, nothing built that is not on screen.
It listens on a ``QLocalServer`` as the app's single-instance guard does before any window.

It answers issue 15's question "what of the remaining time is the toolkit's own": the Qt
classes, their enums and the text layout the dialog needs cost this much in any program.
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, Any

from tests.bench.baselines.bare_text import policy_folder, policy_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

LOCALE = "en"


def read_policy() -> tuple[dict[str, Any], str]:
    """The shipped policy's metadata and its English text (json and open only)."""
    with open(os.path.join(policy_folder(), "policy.json"), "rb") as fh:
        return json.load(fh), policy_text(LOCALE)


def _label(parent: QWidget, text: str, *, bold: float = 0.0, wrap: bool = True) -> Any:
    from PySide6.QtWidgets import QLabel

    label = QLabel(text, parent)
    label.setWordWrap(wrap)
    if bold:
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * bold)
        label.setFont(font)
    return label


def _table(parent: QWidget, meta: dict[str, Any]) -> Any:
    """The Art. 2 table: one row per purpose, the item and its method spanning."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

    rows = sum(max(1, len(item["purposes"])) for item in meta["items"])
    table = QTableWidget(rows, 4, parent)
    table.setHorizontalHeaderLabels(["Information", "Purpose", "How it is collected", "Plans"])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    plans = {"all": "All plans", "enterprise": "Enterprise only"}
    row = 0
    for item in meta["items"]:
        span = max(1, len(item["purposes"]))
        table.setItem(row, 0, QTableWidgetItem(item["item"][LOCALE]))
        table.setItem(row, 2, QTableWidgetItem(item["collection_label"][LOCALE]))
        for offset, purpose in enumerate(item["purposes"]):
            table.setItem(row + offset, 1, QTableWidgetItem(purpose["text"][LOCALE]))
            table.setItem(row + offset, 3, QTableWidgetItem(plans[purpose["plan"]]))
        if span > 1:
            table.setSpan(row, 0, span, 1)
            table.setSpan(row, 2, span, 1)
        row += span
    widths = (110, 150, 150, 90)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    table.setMinimumWidth(sum(widths) + 2 * table.frameWidth())  # the pane scrolls, not cut
    table.resizeRowsToContents()
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    table.setFixedHeight(height + sum(table.rowHeight(r) for r in range(rows)))
    return table


def _summary(parent: QWidget, meta: dict[str, Any]) -> Any:
    """The pane "What we collect": the table, then a card per collection module."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QGroupBox, QScrollArea, QVBoxLayout, QWidget

    pane = QScrollArea(parent)
    pane.setWidgetResizable(True)
    pane.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    body = QWidget(pane)
    layout = QVBoxLayout(body)
    layout.addWidget(_label(body, "What we collect", bold=1.1, wrap=False))
    layout.addWidget(_label(body, "A summary of Article 2. The full text is what you agree to."))
    layout.addWidget(_table(body, meta))
    layout.addWidget(_label(body, "Collection modules", bold=1.1, wrap=False))
    layout.addWidget(_label(body, "Third-party programs that collect usage data (Article 2-2)."))
    for module in meta["modules"]:
        card = QGroupBox(module["name"], body)
        lines = QVBoxLayout(card)
        lines.addWidget(_label(card, f"Provider: {module['provider'][LOCALE]}"))
        lines.addWidget(_label(card, f"What it collects: {module['collects'][LOCALE]}"))
        lines.addWidget(_label(card, f"Purpose: {module['purpose'][LOCALE]}"))
        lines.addWidget(_label(card, "You can switch it off next to Agree."))
        for link in module["policy_urls"]:
            anchor = _label(card, f"<a href='{link['url']}'>{link['label'][LOCALE]}</a>")
            anchor.setOpenExternalLinks(True)
            lines.addWidget(anchor)
        layout.addWidget(card)
    layout.addStretch(1)
    pane.setWidget(body)
    return pane


def _reading(parent: QWidget, meta: dict[str, Any], text: str) -> Any:
    """Contents, the full text with its progress bar, and the summary, side by side."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QHBoxLayout,
        QListWidget,
        QMenu,
        QProgressBar,
        QSplitter,
        QTextBrowser,
        QToolButton,
        QVBoxLayout,
        QWidget,
    )

    splitter = QSplitter(Qt.Orientation.Horizontal, parent)
    toc_box = QWidget(splitter)
    toc_layout = QVBoxLayout(toc_box)
    toc_layout.addWidget(_label(toc_box, "Contents", bold=1.0, wrap=False))
    toc = QListWidget(toc_box)
    toc.setWordWrap(True)
    toc.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    toc.addItems([line[3:].strip() for line in text.splitlines() if line.startswith("## ")])
    toc_layout.addWidget(toc, 1)
    text_box = QWidget(splitter)
    text_layout = QVBoxLayout(text_box)
    text_layout.addWidget(_label(text_box, "Full text", bold=1.0, wrap=False))
    browser = QTextBrowser(text_box)
    browser.setMarkdown(text)
    text_layout.addWidget(browser, 1)
    under = QHBoxLayout()
    progress = QProgressBar(text_box)
    progress.setFormat("Read: %p %")
    under.addWidget(progress, 1)
    links = QToolButton(text_box)
    links.setText("Links…")
    links.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    links.setMenu(QMenu(links))
    under.addWidget(links)
    text_layout.addLayout(under)
    splitter.addWidget(toc_box)
    splitter.addWidget(text_box)
    splitter.addWidget(_summary(splitter, meta))
    splitter.setSizes([160, 440, 400])
    browser.setFocus()
    return splitter


def fill(dialog: QDialog) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QDialogButtonBox,
        QHBoxLayout,
        QPushButton,
        QStackedWidget,
        QVBoxLayout,
        QWidget,
    )

    meta, text = read_policy()
    dialog.setSizeGripEnabled(True)
    outer = QVBoxLayout(dialog)
    top = QWidget(dialog)
    top_layout = QVBoxLayout(top)
    top_layout.setContentsMargins(0, 0, 0, 0)
    header = QHBoxLayout()
    title = _label(top, "Before you start NeWork, please read its privacy policy", bold=1.25)
    header.addWidget(title, 1)
    header.addWidget(_label(top, "Language:", wrap=False), 0, Qt.AlignmentFlag.AlignTop)
    languages = QComboBox(top)
    languages.addItem("English", "en")
    languages.addItem("日本語", "ja")
    header.addWidget(languages, 0, Qt.AlignmentFlag.AlignTop)
    top_layout.addLayout(header)
    top_layout.addWidget(
        _label(top, f"{meta['title'][LOCALE]}, effective {meta['effective_date']}")
    )
    top_layout.addWidget(
        _label(top, "This is a translation; the Japanese text prevails.", bold=1.0)
    )
    outer.addWidget(top)
    documents = QWidget(dialog)
    row = QHBoxLayout(documents)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(_label(documents, "Documents:", wrap=False))
    short = ("Company privacy policy", "Terms of use", "This policy (latest, PDF)", "Contact form")
    for link, label in zip(meta["links"], short, strict=False):
        button = QPushButton(label, documents)
        button.setToolTip(f"{link['label'][LOCALE]}\n{link['url']}")
        row.addWidget(button)
    row.addStretch(1)
    outer.addWidget(documents)
    pages = QStackedWidget(dialog)
    page = QWidget(pages)
    page_layout = QVBoxLayout(page)
    page_layout.setContentsMargins(0, 0, 0, 0)
    page_layout.addWidget(_reading(page, meta, text), 1)
    pages.addWidget(page)
    outer.addWidget(pages, 1)
    hint = _label(dialog, "Please read to the end: Agree becomes available at the end.")
    hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    outer.addWidget(hint)
    bottom = QHBoxLayout()
    choices = QWidget(dialog)
    row = QHBoxLayout(choices)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(_label(choices, "Allow in this app:", wrap=False))
    for module in meta["modules"]:
        if module.get("opt_out_allowed"):
            switch = QCheckBox(module["name"], choices)
            switch.setChecked(bool(module.get("default_enabled")))
            row.addWidget(switch)
    row.addStretch(1)
    bottom.addWidget(choices, 1)
    buttons = QDialogButtonBox(dialog)
    agree = buttons.addButton("Agree and start", QDialogButtonBox.ButtonRole.AcceptRole)
    agree.setEnabled(False)
    buttons.addButton("Decline (quit)", QDialogButtonBox.ButtonRole.RejectRole)
    bottom.addWidget(buttons)
    outer.addLayout(bottom)


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtNetwork import QLocalServer

    from tests.bench.baselines import bare_window

    server = QLocalServer()  # the app's single-instance guard, before any window
    server.listen(f"nework-bench-same-dialog-{os.getpid()}")
    try:
        return bare_window.main(argv, fill=fill)
    finally:
        server.close()


if __name__ == "__main__":
    sys.exit(main())
