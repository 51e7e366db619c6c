"""The benchmark's "same dialog" baseline shows what the consent dialog shows (issue 15).

``tests/bench/baselines/same_dialog.py`` stands for "the toolkit's own cost" of the consent
dialog's first frame only while it builds the same thing: the same visible widgets, the same
table, contents, modules, switches and buttons.  When the dialog gains or loses a part, this
test fails until the baseline follows.
"""

from __future__ import annotations

import collections

import pytest
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from nework_desktop.core.policy import load_policy
from nework_desktop.ui.consent_dialog import ConsentDialog
from tests.bench.baselines import same_dialog

pytestmark = pytest.mark.usefixtures("_clean_translators")


def _visible(dialog: QDialog, cls: type[QWidget]) -> list[QWidget]:
    return [w for w in dialog.findChildren(cls) if w.isVisibleTo(dialog)]


def _census(dialog: QDialog) -> collections.Counter[str]:
    """Visible widgets by their Qt class (scroll bars left out: they come and go with widths)."""
    counts: collections.Counter[str] = collections.Counter()
    for widget in _visible(dialog, QWidget):
        qt_class = next(k for k in type(widget).__mro__ if k.__module__.startswith("PySide6"))
        bar = qt_class.__name__ == "QScrollBar" or widget.objectName().endswith("container")
        if not bar:
            counts[qt_class.__name__] += 1
    return counts


def _cells(table: QTableWidget) -> list[list[str]]:
    return [
        [(cell.text() if (cell := table.item(r, c)) is not None else "") for c in range(4)]
        for r in range(table.rowCount())
    ]


def test_the_same_dialog_baseline_builds_what_the_consent_dialog_shows(qtbot: QtBot) -> None:
    ours = ConsentDialog(load_policy(), "en", open_url=lambda _url: True)
    ours.confirm_decline = lambda: True  # type: ignore[method-assign]
    qtbot.addWidget(ours)
    ours.show()
    qtbot.waitExposed(ours)
    same = QDialog()
    qtbot.addWidget(same)
    same.resize(ours.size())
    same_dialog.fill(same)
    same.show()
    qtbot.waitExposed(same)

    assert _census(same) == _census(ours)
    toc = [
        same.findChildren(QListWidget)[0].item(i).text() for i in range(ours.reading.toc.count())
    ]
    assert toc == [ours.reading.toc.item(i).text() for i in range(ours.reading.toc.count())]
    assert _cells(same.findChildren(QTableWidget)[0]) == _cells(ours.reading.summary.collect_table)
    assert [g.title() for g in same.findChildren(QGroupBox)] == [
        card.title() for card in ours.reading.summary.module_cards
    ]
    switches = [b.text() for b in _visible(same, QCheckBox)]  # type: ignore[attr-defined]
    assert switches == [s.text() for s in ours.module_switches.values()]
    buttons = sorted(b.text() for b in _visible(same, QPushButton))  # type: ignore[attr-defined]
    assert buttons == sorted(b.text() for b in _visible(ours, QPushButton))  # type: ignore[attr-defined]
    text = same.findChildren(QTextBrowser)[0].toPlainText()
    for article in toc:
        assert article in text
