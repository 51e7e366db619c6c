"""The consent dialog by keyboard, screen reader and eye (issue 13): Tab leaves the text, the
switches sit next to Agree, ≤ 12 key presses, the table of contents to the last article, a
summary table that cuts nothing, names that contain the visible labels, a visible focus ring.

These run offscreen with key events sent where Qt would send them (the focused widget); the
same path with real X key events through the accessibility tree is tests/gui/test_atspi.py.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QWidget
from pytestqt.qtbot import QtBot

from nework_desktop.core.policy import Policy
from nework_desktop.ui.consent_dialog import ConsentDialog
from nework_desktop.ui.look import focus_ring
from nework_desktop.ui.toggle import ToggleSwitch

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("_clean_translators")]


def make(qtbot: QtBot, policy: Policy, locale: str = "en", notice: str = "") -> ConsentDialog:
    dialog = ConsentDialog(policy, locale, open_url=lambda url: True, notice=notice)
    dialog.confirm_decline = lambda: True  # type: ignore[method-assign]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    handle = dialog.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.text)
    return dialog


def visible_label(text: str) -> str:
    """A control's text as read: without its mnemonic ("&L", Japanese "(&L)") or ellipsis."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").rstrip("…").strip()


def press(dialog: ConsentDialog, key: Qt.Key, mod: Qt.KeyboardModifier | None = None) -> None:
    """A key press where Qt delivers it: to the widget with the focus."""
    target = dialog.focusWidget() or dialog
    QTest.keyClick(target, key, mod or Qt.KeyboardModifier.NoModifier)


def test_tab_leaves_the_text_and_never_moves_the_reading_position(
    qtbot: QtBot, policy: Policy
) -> None:
    dialog = make(qtbot, policy)
    bar = dialog.text.verticalScrollBar()
    press(dialog, Qt.Key.Key_PageDown)
    value = bar.value()
    assert value > 0
    press(dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.reading.links_button
    assert bar.value() == value, "Tab must not scroll the text to a link"
    press(dialog, Qt.Key.Key_Backtab)
    assert dialog.focusWidget() is dialog.text
    assert bar.value() == value
    press(dialog, Qt.Key.Key_End)
    end = bar.value()
    press(dialog, Qt.Key.Key_Tab)
    press(dialog, Qt.Key.Key_Backtab)
    assert bar.value() == end, "after End, Tab and back stay at the end"
    # The links of the text are in the Links menu instead.
    links = dialog.reading.link_entries()
    assert any(url.startswith("https://karte.io/optout") for _, url in links)
    assert len({url for _, url in links}) >= 10


def test_read_switch_both_off_and_agree_in_at_most_12_key_presses(
    qtbot: QtBot, policy: Policy
) -> None:
    dialog = make(qtbot, policy)
    path: list[Qt.Key] = [Qt.Key.Key_End]
    path += [Qt.Key.Key_Tab] * 4 + [Qt.Key.Key_Space, Qt.Key.Key_Tab, Qt.Key.Key_Space]
    path += [Qt.Key.Key_Tab]
    for key in path:
        press(dialog, key)
    if dialog.focusWidget() is not dialog.agree_button:  # a platform that puts Decline first
        press(dialog, Qt.Key.Key_Tab)
        path.append(Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.agree_button
    with qtbot.waitSignal(dialog.accepted):
        press(dialog, Qt.Key.Key_Return)
    path.append(Qt.Key.Key_Return)
    assert len(path) <= 12
    assert dialog.outcome is not None
    assert dialog.outcome.modules == {"google_analytics": False, "karte": False}


@pytest.mark.parametrize("locale", ["en", "ja"])
def test_the_table_of_contents_follows_to_the_last_article(
    qtbot: QtBot, policy: Policy, locale: str
) -> None:
    dialog = make(qtbot, policy, locale)
    toc = dialog.reading.toc
    press(dialog, Qt.Key.Key_End)
    assert toc.currentRow() == toc.count() - 1, toc.currentItem().text()
    press(dialog, Qt.Key.Key_Home)
    assert toc.currentRow() == 0
    last = toc.count() - 1
    for index in range(toc.count()):  # every article can be chosen and is then the current one
        dialog.reading.scroll_to_article(index)
        assert dialog.reading.current_article() == index
        assert toc.currentRow() == index
    thresholds = dialog.reading.thresholds()
    assert thresholds == sorted(thresholds)
    assert thresholds[last] <= dialog.text.verticalScrollBar().maximum()


def test_the_switches_are_toggles_next_to_agree_visible_without_scrolling(
    qtbot: QtBot, policy: Policy
) -> None:
    dialog = make(qtbot, policy)
    switches = list(dialog.module_switches.values())
    assert [type(s) for s in switches] == [ToggleSwitch, ToggleSwitch]
    area = dialog.rect()
    for switch in switches:
        assert switch.isVisible()
        top_left = switch.mapTo(dialog, switch.rect().topLeft())
        assert area.contains(top_left) and area.contains(
            switch.mapTo(dialog, switch.rect().bottomRight())
        )
        agree = dialog.agree_button.mapTo(dialog, dialog.agree_button.rect().topLeft())
        assert abs(top_left.y() - agree.y()) < 40, "on the row of the buttons"
    cards = {card.module.id: card for card in dialog.reading.summary.module_cards}
    assert cards["karte"].switch is dialog.module_switches["karte"]


@pytest.mark.parametrize("locale", ["en", "ja"])
def test_accessible_names_contain_the_visible_labels(
    qtbot: QtBot, policy: Policy, locale: str
) -> None:
    dialog = make(qtbot, policy, locale)
    mismatched = []
    for widget in dialog.findChildren(QAbstractButton):
        if not widget.isVisibleTo(dialog):
            continue
        label = visible_label(widget.text())
        if label and label not in widget.accessibleName():
            mismatched.append(f"{label!r} not in {widget.accessibleName()!r}")
    assert mismatched == []
    assert dialog.agree_button.accessibleDescription()
    assert dialog.module_switches["google_analytics"].accessibleDescription()


@pytest.mark.parametrize("locale", ["en", "ja"])
def test_the_summary_table_cuts_no_header_and_breaks_no_plan(
    qtbot: QtBot, policy: Policy, locale: str
) -> None:
    dialog = make(qtbot, policy, locale)
    table = dialog.reading.summary.collect_table
    qtbot.wait(50)
    metrics = QFontMetrics(table.horizontalHeader().font())
    for column in range(table.columnCount()):
        header = table.horizontalHeaderItem(column)
        assert header is not None
        assert metrics.horizontalAdvance(header.text()) < table.columnWidth(column), header.text()
    cell_metrics = QFontMetrics(table.font())
    cells = [table.item(r, 3) for r in range(table.rowCount())]
    plans = {cell.text() for cell in cells if cell is not None}
    for plan in plans:
        for chunk in plan.split():
            assert cell_metrics.horizontalAdvance(chunk) < table.columnWidth(3), plan
    assert table.textElideMode() == Qt.TextElideMode.ElideNone
    assert table.verticalScrollBar().maximum() == 0, "the table shows every row"


def test_bullets_of_the_full_text_table_are_one_per_line(qtbot: QtBot, policy: Policy) -> None:
    dialog = make(qtbot, policy, "ja")
    text = dialog.text.document().toRawText()
    assert "\u2028・テナント参加者" in text
    assert " ・テナント参加者" not in text
    assert policy.text_sha256("ja") == dialog.policy.text_sha256("ja"), "the text agreed to"


def test_a_visible_focus_ring_follows_the_focus(qtbot: QtBot, policy: Policy) -> None:
    dialog = make(qtbot, policy)
    ring = focus_ring()
    assert ring is not None
    for _ in range(5):
        focused = dialog.focusWidget()
        assert isinstance(focused, QWidget)
        frame = ring.ring
        assert frame is not None and frame.isVisible()
        assert frame.parentWidget() is focused.parentWidget()
        assert frame.geometry().contains(focused.geometry())
        press(dialog, Qt.Key.Key_Tab)


def test_a_notice_is_shown_on_top(qtbot: QtBot, policy: Policy) -> None:
    dialog = make(qtbot, policy, notice="All data was deleted.")
    assert dialog.notice_label.isVisible()
    assert dialog.notice_label.text() == "All data was deleted."
    plain = make(qtbot, policy)
    assert not plain.notice_label.isVisible()


def test_the_links_menu_opens_through_the_https_opener(qtbot: QtBot, policy: Policy) -> None:
    opened: list[str] = []

    def record(url: QUrl) -> bool:
        opened.append(url.toString())
        return True

    dialog = ConsentDialog(policy, "en", open_url=record)
    dialog.confirm_decline = lambda: True  # type: ignore[method-assign]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reading.scroll_to_article(1)  # Article 2: the modules' links
    dialog.reading.links_menu.aboutToShow.emit()
    actions = [a for a in dialog.reading.links_menu.actions() if a.text() and not a.isSeparator()]
    assert actions
    karte = next(a for a in actions if "KARTE" in a.text() and a.toolTip().endswith("optout/"))
    karte.trigger()
    assert opened == ["https://karte.io/optout/"]
    assert isinstance(dialog.module_switches["karte"], QCheckBox)
