"""Read-only tables that show all they hold: the page scrolls, never the table, nothing is cut.

* :func:`table_cell` -- a read-only cell, aligned to the top (numbers to the right);
* :class:`FitTable` -- the privacy center's tables (revisions, decisions, what was sent): every
  column but the last fits its contents, the last takes the rest and wraps; an empty table says
  so in a line of its own (:meth:`FitTable.set_empty_text`);
* :class:`CollectTable` -- the Art. 2 table as a real table (item, purpose, how collected, plans),
  one row per purpose with the item and the method spanning.  Its columns are sized to their
  content: no header is cut, a short label ("全プラン", "Enterprise only") is never broken, the
  long texts wrap, and rows grow to their text (spanned cells included), so no cell is elided.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from nework_desktop.core.policy import Policy

__all__ = ["CollectTable", "FitTable", "table_cell"]

#: Room around a cell's text (the style's margins and the grid).
CELL_PADDING = 18
#: Latin words (and numbers) that must not be broken inside; CJK text may break anywhere.
_WORD = re.compile(r"[A-Za-z0-9@._\-/]+")


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
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setTextElideMode(Qt.TextElideMode.ElideNone)
    return header


class FitTable(QTableWidget):
    """A read-only table that grows to show all its rows: the page scrolls, not the table.

    Every column but the last fits its contents; the last one takes the rest of the width and
    wraps.  Without rows it shows :meth:`set_empty_text` ("None yet") in its one empty line.
    """

    def __init__(self, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(0, columns, parent)
        header = _read_only(self)
        for column in range(columns - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self._schedule())
        self._pending = False
        self.empty_text = ""

    def set_empty_text(self, text: str) -> None:
        """What the table says when it has no rows (e.g. "Nothing was blocked yet.")."""
        self.empty_text = text
        self.viewport().update()

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
        self.setAccessibleDescription(self.empty_text if self.rowCount() == 0 else "")

    def _schedule(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.refit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(self.palette().ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(6, 0, -6, 0),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self.empty_text,
            )
            painter.end()


class CollectTable(QTableWidget):
    """The Art. 2 table as a real table: one row per purpose, the item and method spanning.

    It grows to show every row (the summary pane scrolls, not the table); the columns share the
    width by their content (see the module docstring).
    """

    COLUMNS = 4
    #: Columns whose labels are short and break only at a space: the plans.
    WHOLE = (3,)
    #: The narrowest a wrapping column becomes, in full-width characters (item, purpose, how).
    MIN_EMS = (7, 6, 5, 0)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        header = _read_only(self)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustIgnored)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(24)
        self._spans: list[tuple[int, int, int]] = []  # (row, column, rows)
        # column_limits() per (column, fonts), until the next fill: every resize asks again.
        self._limits: dict[tuple[int, str, str], tuple[int, int]] = {}

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
        self._spans = []
        self._limits = {}
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
                self._spans += [(row, 0, span), (row, 2, span)]
            row += span
        self._share_width()
        self._fit()

    # -- sizing --------------------------------------------------------------------------------

    def _texts(self, column: int) -> list[str]:
        texts = []
        header = self.horizontalHeaderItem(column)
        if header is not None:
            texts.append(header.text())
        for row in range(self.rowCount()):
            cell = self.item(row, column)
            if cell is not None:
                texts.append(cell.text())
        return texts

    def column_limits(self, column: int) -> tuple[int, int]:
        """(narrowest, widest) useful width of ``column``: the narrowest cuts no header, no
        short label and no Latin word; the widest puts every cell on one line."""
        key = (column, self.font().key(), self.horizontalHeader().font().key())
        known = self._limits.get(key)
        if known is None:
            known = self._limits[key] = self._measure(column)
        return known

    def _measure(self, column: int) -> tuple[int, int]:
        metrics = QFontMetrics(self.font())
        header_metrics = QFontMetrics(self.horizontalHeader().font())
        header = self.horizontalHeaderItem(column)
        header_width = header_metrics.horizontalAdvance(header.text()) if header else 0
        widest = max((metrics.horizontalAdvance(t) for t in self._texts(column)), default=0)
        em = metrics.horizontalAdvance("あ")
        if column in self.WHOLE:  # short labels: broken only at a space
            chunks = [c for t in self._texts(column) for c in t.split()]
            narrowest = max((metrics.horizontalAdvance(c) for c in chunks), default=0)
        else:
            words = [w for t in self._texts(column) for w in _WORD.findall(t)]
            longest_word = max((metrics.horizontalAdvance(w) for w in words), default=0)
            narrowest = max(longest_word, min(widest, em * self.MIN_EMS[column]))
        narrowest = max(narrowest, header_width) + CELL_PADDING
        return narrowest, max(narrowest, max(widest, header_width) + CELL_PADDING)

    def minimum_width(self) -> int:
        """The width below which something would have to be cut."""
        total = sum(self.column_limits(c)[0] for c in range(self.COLUMNS))
        return total + 2 * self.frameWidth()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_width()
        QTimer.singleShot(0, self, self._fit)

    def _share_width(self) -> None:
        width = max(self.viewport().width(), 1)
        limits = [self.column_limits(c) for c in range(self.COLUMNS)]
        sizes = [low for low, _ in limits]
        spare = width - sum(sizes)
        wants = [high - low for low, high in limits]
        if spare > 0 and sum(wants) > 0:
            total_want = sum(wants)
            for column, want in enumerate(wants):
                sizes[column] += min(want, int(spare * want / total_want))
        spare = width - sum(sizes)
        if spare > 0:  # everything fits on one line: the purpose takes the rest
            sizes[1] += spare
        for column, size in enumerate(sizes):
            self.setColumnWidth(column, size)

    def _fit(self) -> None:
        self.resizeRowsToContents()
        # Spanned cells are not measured by resizeRowsToContents: grow their last row if needed.
        metrics = QFontMetrics(self.font())
        for row, column, rows in self._spans:
            cell = self.item(row, column)
            if cell is None:
                continue
            width = self.columnWidth(column) - CELL_PADDING
            flags = int(Qt.TextFlag.TextWordWrap)
            needed = metrics.boundingRect(QRect(0, 0, max(width, 1), 10_000), flags, cell.text())
            have = sum(self.rowHeight(r) for r in range(row, row + rows))
            extra = needed.height() + 10 - have
            if extra > 0:
                last = row + rows - 1
                self.setRowHeight(last, self.rowHeight(last) + extra)
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        if self.height() != height:
            self.setFixedHeight(height)
