"""Widgets and label helpers shared by the consent dialog and the privacy center.

* :func:`is_https` -- the one test for a link the UI may hand to the system browser;
* :func:`bold_font`, :func:`heading`, :func:`wrapping_label` -- the label styles;
* :class:`FitTable` and :func:`table_cell` -- read-only tables that show every row (the page
  scrolls, not the table);
* :class:`PolicyBrowser` -- the read-only policy text, keyboard readers reach its end;
* :class:`CollectTable` -- the Art. 2 table (item, purpose, how collected, plans);
* :class:`LinkLabel` and :class:`ModuleCard` -- one collection module (Art. 2-2): provider, what
  it collects, purpose, its links and, where it may be switched off, its switch.

Nothing here opens a link itself: every link goes through the opener its owner passes in.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.core.policy import Link, Module, Policy

__all__ = [
    "CollectTable",
    "FitTable",
    "LinkLabel",
    "ModuleCard",
    "PolicyBrowser",
    "bold_font",
    "heading",
    "is_https",
    "table_cell",
    "wrapping_label",
]

#: Opens a URL in the system browser; False if it did not (or refused to).
UrlOpener = Callable[[QUrl], bool]


def is_https(url: QUrl) -> bool:
    """True for a well-formed ``https://host/...`` URL (the only kind the UI opens)."""
    return url.isValid() and url.scheme().lower() == "https" and bool(url.host())


# -- labels ---------------------------------------------------------------------------------------


def bold_font(font: QFont, scale: float = 1.0) -> QFont:
    """``font`` in bold, ``scale`` times as large."""
    out = QFont(font)
    out.setBold(True)
    if scale != 1.0 and out.pointSizeF() > 0:
        out.setPointSizeF(out.pointSizeF() * scale)
    return out


def heading(parent: QWidget, scale: float = 1.15, *, wrap: bool = True) -> QLabel:
    """A bold heading, ``scale`` times the normal size."""
    label = QLabel(parent)
    label.setFont(bold_font(label.font(), scale))
    label.setWordWrap(wrap)
    return label


def wrapping_label(parent: QWidget, *, selectable: bool = False) -> QLabel:
    """A plain-text label that wraps (and may be selected with the mouse)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


# -- tables ---------------------------------------------------------------------------------------


def table_cell(text: str, *, number: bool = False) -> QTableWidgetItem:
    """A read-only cell, aligned to the top (numbers to the right), its text as tooltip."""
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    align = Qt.AlignmentFlag.AlignRight if number else Qt.AlignmentFlag.AlignLeft
    item.setTextAlignment(align | Qt.AlignmentFlag.AlignTop)
    item.setToolTip(text)
    return item


def _read_only(table: QTableWidget) -> QHeaderView:
    """Make ``table`` a read-only, row-selecting, wrapping table without its own vertical
    scrolling; returns its horizontal header."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setWordWrap(True)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return header


class FitTable(QTableWidget):
    """A read-only table that grows to show all its rows: the page scrolls, not the table.

    Every column but the last fits its contents; the last one takes the rest of the width and
    wraps.
    """

    def __init__(self, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(0, columns, parent)
        header = _read_only(self)
        for column in range(columns - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self._schedule())
        self._pending = False

    def refit(self) -> None:
        """Resize the rows to their text and the table to its rows."""
        self._pending = False
        self.resizeRowsToContents()
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        height += rows if rows else self.fontMetrics().height() + 8
        bar = self.horizontalScrollBar()
        if bar.maximum() > 0:
            height += bar.sizeHint().height()
        if self.height() != height:
            self.setFixedHeight(height)

    def _schedule(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.refit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule()


class CollectTable(QTableWidget):
    """The Art. 2 table as a real table: one row per purpose, the item and method spanning.

    It grows to show every row (the summary pane scrolls, not the table).
    """

    COLUMNS = 4
    # Share of the width of each column: information, purpose, how collected, plans.
    WEIGHTS = (0.23, 0.38, 0.22, 0.17)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        header = _read_only(self)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustIgnored)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(24)
        header.sectionResized.connect(self._fit)

    def retranslate(self, policy: Policy, locale: str) -> None:
        """Headers and rows in ``locale`` (the policy's texts and this app's)."""
        self.setHorizontalHeaderLabels(
            [
                self.tr("Information"),
                self.tr("Purpose"),
                self.tr("How it is collected"),
                self.tr("Plans"),
            ]
        )
        self.fill(
            policy, locale, {"all": self.tr("All plans"), "enterprise": self.tr("Enterprise only")}
        )

    def fill(self, policy: Policy, locale: str, plan_labels: dict[str, str]) -> None:
        """(Re)build the rows in ``locale``; ``plan_labels`` maps "all"/"enterprise" to text."""
        self.clearSpans()
        rows = sum(max(1, len(item.purposes)) for item in policy.items)
        self.setRowCount(rows)
        row = 0
        for item in policy.items:
            span = max(1, len(item.purposes))
            self.setItem(row, 0, table_cell(item.item.get(locale)))
            self.setItem(row, 2, table_cell(item.collection_label.get(locale)))
            for offset, purpose in enumerate(item.purposes):
                self.setItem(row + offset, 1, table_cell(purpose.text.get(locale)))
                self.setItem(
                    row + offset, 3, table_cell(plan_labels.get(purpose.plan, purpose.plan))
                )
            if span > 1:
                self.setSpan(row, 0, span, 1)
                self.setSpan(row, 2, span, 1)
            row += span
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_width()
        QTimer.singleShot(0, self, self._fit)

    def _share_width(self) -> None:
        width = self.viewport().width()
        used = 0
        for column, weight in enumerate(self.WEIGHTS):
            last = column == len(self.WEIGHTS) - 1
            size = width - used if last else int(width * weight)
            self.setColumnWidth(column, max(24, size))
            used += size

    def _fit(self) -> None:
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        if self.height() != height:
            self.setFixedHeight(height)


# -- the policy text ------------------------------------------------------------------------------


class PolicyBrowser(QTextBrowser):
    """The read-only policy text.

    Home/End (with or without Ctrl) and Page Up/Down move the scroll bar, so keyboard readers
    reach the end the same way as mouse readers.  Links are never followed in place.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar = self.verticalScrollBar()
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier)
        if (key == Qt.Key.Key_End and plain) or event.matches(
            QKeySequence.StandardKey.MoveToEndOfDocument
        ):
            bar.triggerAction(QAbstractSlider.SliderAction.SliderToMaximum)
            event.accept()
            return
        if (key == Qt.Key.Key_Home and plain) or event.matches(
            QKeySequence.StandardKey.MoveToStartOfDocument
        ):
            bar.triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
            event.accept()
            return
        super().keyPressEvent(event)


# -- collection modules ---------------------------------------------------------------------------


class LinkLabel(QLabel):
    """A word-wrapping link that opens through its owner's https-only opener.

    Reachable with Tab; Enter (or a click) activates it.
    """

    def __init__(self, url: str, open_url: UrlOpener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(url)
        self.linkActivated.connect(lambda href: open_url(QUrl(href)))

    def set_label(self, text: str) -> None:
        href = html.escape(self.url, quote=True)
        self.setText(f'<a href="{href}">{html.escape(text)}</a>')


class ModuleCard(QGroupBox):
    """One collection module: provider, what it collects, purpose, links, and its switch."""

    def __init__(self, module: Module, open_url: UrlOpener, parent: QWidget | None = None) -> None:
        super().__init__(module.name, parent)
        self.module = module
        self._open_url = open_url
        layout = QVBoxLayout(self)
        self.provider_label = wrapping_label(self)
        self.collects_label = wrapping_label(self)
        self.purpose_label = wrapping_label(self)
        self.status_label = wrapping_label(self)
        for label in (
            self.provider_label,
            self.collects_label,
            self.purpose_label,
            self.status_label,
        ):
            layout.addWidget(label)
        self.link_labels: list[tuple[LinkLabel, Link | None]] = []
        links = QVBoxLayout()
        links.setSpacing(2)
        if module.opt_out_url:
            self._add_link(links, module.opt_out_url, None)
        for link in module.policy_urls:
            if link.url != module.opt_out_url:
                self._add_link(links, link.url, link)
        layout.addLayout(links)
        # The switch, only for modules that run in the desktop app and may be switched off.
        self.switch: QCheckBox | None = None
        if module.on_desktop and module.opt_out_allowed:
            self.switch = QCheckBox(self)
            layout.addWidget(self.switch)

    def _add_link(self, layout: QVBoxLayout, url: str, link: Link | None) -> None:
        label = LinkLabel(url, self._open_url, self)
        layout.addWidget(label)
        self.link_labels.append((label, link))

    def focus_widgets(self) -> list[QWidget]:
        """The card's controls in visual order."""
        widgets: list[QWidget] = [label for label, _ in self.link_labels]
        if self.switch is not None:
            widgets.append(self.switch)
        return widgets

    def retranslate(self, locale: str) -> None:
        module = self.module
        self.setTitle(module.name)
        self.provider_label.setText(self.tr("Provider: {0}").format(module.provider.get(locale)))
        self.collects_label.setText(
            self.tr("What it collects: {0}").format(module.collects.get(locale))
        )
        self.purpose_label.setText(self.tr("Purpose: {0}").format(module.purpose.get(locale)))
        if not module.on_desktop:
            status = self.tr(
                "Used only by the smartphone apps; not part of the desktop app. "
                "Nothing is sent to it from this computer."
            )
        elif not module.opt_out_allowed:
            status = self.tr("This module cannot be switched off.")
        elif module.uses_cookies:
            status = self.tr(
                "Uses cookies. You can switch it off here now, or later in the privacy center."
            )
        else:
            status = self.tr("You can switch it off here now, or later in the privacy center.")
        self.status_label.setText(status)
        for label, link in self.link_labels:
            text = self.tr("Opt-out page") if link is None else link.label.get(locale)
            label.set_label(text)
            label.setAccessibleName(self.tr("{0}: {1}").format(module.name, text))
            label.setAccessibleDescription(
                self.tr("Opens {0} in your web browser").format(label.url)
            )
        if self.switch is not None:
            self.switch.setText(self.tr("Allow {0} in this app").format(module.name))
            self.switch.setAccessibleName(
                self.tr("Allow {0} to collect usage data").format(module.name)
            )
            self.switch.setAccessibleDescription(
                self.tr("When unchecked, nothing is sent to {0} from this app.").format(module.name)
            )
