"""The consent dialog's main page: the full text, its table of contents and the reading progress.

Three panes side by side (a splitter): the articles (``## 第１条`` / ``## Article 1`` of the
policy Markdown) as a table of contents, the full text, and the summary of Art. 2
(:class:`~nework_desktop.ui.consent_pages.SummaryPane`).  The page measures how far the text has
been read -- mouse, scroll bar and keyboard count alike -- and emits :attr:`ReadingPage.read` once
the end has been seen; that is what enables "Agree".  A switch of language keeps the article
being read (by its language-independent anchor).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextBlock, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.core.policy import Policy
from nework_desktop.ui.consent_pages import SummaryPane
from nework_desktop.ui.widgets import PolicyBrowser, UrlOpener, bold_font

__all__ = ["ARTICLE_HEADING_LEVEL", "Bookmark", "ReadingPage"]

log = logging.getLogger("nework.ui.consent")

# Heading level of the articles in the policy Markdown (``## 第１条`` / ``## Article 1``).
ARTICLE_HEADING_LEVEL = 2


def _column(parent: QWidget) -> tuple[QWidget, QVBoxLayout, QLabel]:
    """A pane of the splitter: a bold label on top of what follows (added to the layout)."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(box)
    label.setFont(bold_font(box.font()))
    layout.addWidget(label)
    return box, layout, label


@dataclass(frozen=True)
class Bookmark:
    """Where the reader is, independent of the language: an article's anchor, or the top."""

    article: int
    anchor: str | None
    at_top: bool


class ReadingPage(QWidget):
    """Table of contents, full text (with progress) and the summary pane."""

    #: Emitted once, when the text has been read to the end.
    read = Signal()

    def __init__(
        self, policy: Policy, locale: str, open_url: UrlOpener, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.policy = policy
        self._locale = locale
        self._read = False
        self._furthest = 0.0
        self._switching = False
        self._syncing_toc = False
        self._headings: list[int] = []  # block numbers of the article headings

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)

        toc_box, toc_layout, self.toc_label = _column(self.splitter)
        self.toc = QListWidget(toc_box)
        self.toc.setWordWrap(True)
        self.toc.setTabKeyNavigation(False)
        self.toc.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.toc.itemClicked.connect(self._toc_item_chosen)
        self.toc.itemActivated.connect(self._toc_item_chosen)
        self.toc.currentRowChanged.connect(self._toc_row_changed)
        self.toc_label.setBuddy(self.toc)
        toc_layout.addWidget(self.toc, 1)

        text_box, text_layout, self.text_label = _column(self.splitter)
        self.text = PolicyBrowser(text_box)
        self.text.anchorClicked.connect(open_url)
        self.text_label.setBuddy(self.text)
        text_layout.addWidget(self.text, 1)
        self.progress = QProgressBar(text_box)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        text_layout.addWidget(self.progress)
        bar = self.text.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)
        bar.rangeChanged.connect(self._scrolled)

        self.summary = SummaryPane(policy, open_url, self.splitter)

        self.splitter.addWidget(toc_box)
        self.splitter.addWidget(text_box)
        self.splitter.addWidget(self.summary)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([170, 430, 360])
        layout.addWidget(self.splitter, 1)
        self.load(locale)

    def focus_widgets(self) -> list[QWidget]:
        """The page's controls in visual order."""
        return [self.toc, self.text, *self.summary.focus_widgets()]

    @property
    def has_read_to_end(self) -> bool:
        return self._read

    # -- the text and its articles -------------------------------------------------------------

    def load(self, locale: str) -> None:
        """Show the text in ``locale`` (from its start) and list its articles."""
        self._locale = locale
        self._switching = True
        try:
            self.text.setMarkdown(self.policy.text(locale))
            self.text.moveCursor(QTextCursor.MoveOperation.Start)
            self._headings = []
            self.toc.clear()
            block = self.text.document().begin()
            while block.isValid():
                if block.blockFormat().headingLevel() == ARTICLE_HEADING_LEVEL:
                    self._headings.append(block.blockNumber())
                    item = QListWidgetItem(block.text().strip())
                    item.setToolTip(block.text().strip())
                    self.toc.addItem(item)
                block = block.next()
        finally:
            self._switching = False

    def _heading_block(self, index: int) -> QTextBlock:
        return self.text.document().findBlockByNumber(self._headings[index])

    def _heading_top(self, index: int) -> float:
        layout = self.text.document().documentLayout()
        return layout.blockBoundingRect(self._heading_block(index)).top()

    def current_article(self) -> int:
        """Index of the article whose heading is at (or last above) the top of the text."""
        value = self.text.verticalScrollBar().value()
        current = 0
        for index in range(len(self._headings)):
            if self._heading_top(index) <= value + 2:
                current = index
            else:
                break
        return current

    def scroll_to_article(self, index: int) -> None:
        """Put the heading of article ``index`` at the top of the text (as far as it goes)."""
        if not 0 <= index < len(self._headings):
            return
        self.text.setTextCursor(QTextCursor(self._heading_block(index)))
        bar = self.text.verticalScrollBar()
        bar.setValue(min(bar.maximum(), round(self._heading_top(index))))
        self._sync_toc()

    def bookmark(self) -> Bookmark:
        """Where the reader is now (to come back to after :meth:`load` in another language)."""
        article = self.current_article() if self._headings else 0
        anchors = [anchor for _, anchor in self.policy.articles(self._locale)]
        return Bookmark(
            article=article,
            anchor=anchors[article] if article < len(anchors) else None,
            at_top=self.text.verticalScrollBar().value() <= 0,
        )

    def return_to(self, mark: Bookmark, *, scroll: bool) -> int:
        """Back to the bookmarked article in the text now shown; returns its index.

        The same article by its anchor (article-N), else by position; ``scroll`` false (another
        page is shown) or a reader at the top only updates the table of contents.
        """
        article = mark.article
        anchors = [anchor for _, anchor in self.policy.articles(self._locale)]
        if mark.anchor is not None and mark.anchor in anchors:
            article = anchors.index(mark.anchor)
        if scroll and not mark.at_top:
            self.scroll_to_article(article)
        else:
            self._sync_toc()
        self.update_progress()
        return article

    def _toc_item_chosen(self, item: QListWidgetItem) -> None:
        self.scroll_to_article(self.toc.row(item))

    def _toc_row_changed(self, row: int) -> None:
        if not self._syncing_toc and self.toc.hasFocus():
            self.scroll_to_article(row)

    def _sync_toc(self) -> None:
        if not self._headings:
            return
        self._syncing_toc = True
        try:
            self.toc.setCurrentRow(self.current_article())
        finally:
            self._syncing_toc = False

    # -- reading progress ----------------------------------------------------------------------

    def _scrolled(self, *_: int) -> None:
        if self._switching:
            return
        self.update_progress()
        if not self.toc.hasFocus():
            self._sync_toc()

    def update_progress(self) -> None:
        """Measure how far the text has been read (the furthest point ever seen counts)."""
        view = self.text
        if not view.isVisible() or view.viewport().height() <= 0:
            return
        bar = view.verticalScrollBar()
        maximum, value, page = bar.maximum(), bar.value(), max(1, bar.pageStep())
        if maximum <= 0:
            fits = view.document().size().height() <= view.viewport().height() + 1
            fraction = 1.0 if fits else 0.0
        else:
            fraction = min(1.0, (value + page) / (maximum + page))
            if value >= maximum:
                fraction = 1.0
        self._furthest = max(self._furthest, fraction)
        self.progress.setValue(round(self._furthest * 100))
        if self._furthest >= 1.0 and not self._read:
            self._read = True
            log.info("policy text read to the end (%s)", self._locale)
            self.read.emit()

    # -- texts ---------------------------------------------------------------------------------

    def retranslate(self, locale: str) -> None:
        self.toc_label.setText(self.tr("&Contents"))
        self.toc.setAccessibleName(self.tr("Table of contents"))
        self.toc.setAccessibleDescription(self.tr("Choose an article to jump to it in the text"))
        self.text_label.setText(self.tr("Full &text"))
        self.text.setAccessibleName(self.tr("Privacy policy, full text"))
        self.text.setAccessibleDescription(
            self.tr("Read to the end to enable Agree. Page Down and End scroll the text.")
        )
        self.text.setDocumentTitle(self.policy.title.get(locale))
        self.progress.setFormat(self.tr("Read: %p %"))
        self.progress.setAccessibleName(self.tr("Reading progress"))
        self.summary.retranslate(locale)
