"""The consent dialog's main page: the full text, its table of contents and the reading progress.

Three panes side by side (a splitter): the articles (``## 第１条`` / ``## Article 1`` of the
policy Markdown) as a table of contents, the full text, and the summary of Art. 2
(:class:`~nework_desktop.ui.consent_pages.SummaryPane`).  The page measures how far the text has
been read -- mouse, scroll bar and keyboard count alike -- and emits :attr:`ReadingPage.read` once
the end has been seen; that is what enables "Agree".  A switch of language keeps the article
being read (by its language-independent anchor).

The table of contents follows the reading position to the very last article: an article counts
as reached when its heading is at the top of the text -- or, for the last articles whose
headings can never reach the top because the text ends first, at evenly spaced points of the
last half page of scrolling, so that the end of the text highlights the last article
(:meth:`ReadingPage.thresholds`).

Keyboard: Tab leaves the text; its links (and the modules' pages) are in the "Links" menu
button under the text, so reaching them never scrolls the text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QTextBlock, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QSplitter,
    QToolButton,
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
#: The contents list's width, and the least the full text keeps on a narrow dialog (the summary
#: pane then scrolls sideways); the summary pane is never narrower than SUMMARY_AT_LEAST.
TOC_WIDTH = 160
TEXT_KEEPS = 300
SUMMARY_AT_LEAST = 260


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
        self._open_url = open_url
        self.links_button = QToolButton(text_box)
        self.links_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.links_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.links_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.links_menu = QMenu(self.links_button)
        self.links_menu.aboutToShow.connect(self._fill_links_menu)
        self.links_button.setMenu(self.links_menu)
        under_text = QHBoxLayout()
        under_text.addWidget(self.progress, 1)
        under_text.addWidget(self.links_button)
        text_layout.addLayout(under_text)
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
        self.splitter.setSizes([TOC_WIDTH, 440, 400])
        layout.addWidget(self.splitter, 1)
        self.load(locale)

    def focus_widgets(self) -> list[QWidget]:
        """The page's controls in visual order."""
        return [self.toc, self.text, self.links_button, *self.summary.focus_widgets()]

    def fit_summary(self) -> None:
        """Give the summary pane the width its table needs, taken from the text -- but on a
        narrow dialog the text keeps ~300 px and the pane scrolls sideways (nothing is cut)."""
        need = self.summary.minimum_content_width()
        sizes = self.splitter.sizes()
        others = (sizes[0] if sizes else TOC_WIDTH) + TEXT_KEEPS + 2 * self.splitter.handleWidth()
        room = max(SUMMARY_AT_LEAST, min(self.width() // 2, self.width() - others))
        self.summary.setMinimumWidth(min(need, room))
        sizes = self.splitter.sizes()
        if len(sizes) == 3 and sizes[2] < need:
            grow = min(need - sizes[2], max(0, sizes[1] - TEXT_KEEPS))
            self.splitter.setSizes([sizes[0], sizes[1] - grow, sizes[2] + grow])

    # -- links (keyboard) ----------------------------------------------------------------------

    def link_entries(self) -> list[tuple[str, str]]:
        """(label, url) of every link of the text, then of the modules' pages: what the
        "Links" menu offers (the current article's links also on top)."""
        entries: list[tuple[str, str]] = []
        for link in self.text.links():
            label = f"{link.section} — {link.text}" if link.section else link.text
            entries.append((label, link.url))
        return entries + self.summary.link_entries(self._locale)

    def _fill_links_menu(self) -> None:
        menu = self.links_menu
        menu.clear()
        links = self.text.links()
        current = self.toc.currentItem()
        article = current.text() if current is not None else ""
        in_article = [link for link in links if article and link.section == article]
        if in_article:
            menu.addSection(self.tr("In this article"))
            for link in in_article:
                self._add_link(menu, link.text, link.url)
        everything = menu.addMenu(self.tr("All links in the policy"))
        for link in links:
            label = f"{link.section} — {link.text}" if link.section else link.text
            self._add_link(everything, label, link.url)
        menu.addSection(self.tr("Collection modules"))
        for label, url in self.summary.link_entries(self._locale):
            self._add_link(menu, label, url)

    def _add_link(self, menu: QMenu, label: str, url: str) -> None:
        action = menu.addAction(label)
        action.setToolTip(url)
        action.triggered.connect(lambda _=False, u=url: self._open_url(QUrl(u)))

    @property
    def has_read_to_end(self) -> bool:
        return self._read

    # -- the text and its articles -------------------------------------------------------------

    def load(self, locale: str) -> None:
        """Show the text in ``locale`` (from its start) and list its articles."""
        self._locale = locale
        self._switching = True
        try:
            self.text.set_policy_markdown(self.policy.text(locale))
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
            if self._headings:  # a current row, so that focusing the list never picks one
                self._syncing_toc = True
                self.toc.setCurrentRow(0)
                self._syncing_toc = False
        finally:
            self._switching = False

    def _heading_block(self, index: int) -> QTextBlock:
        return self.text.document().findBlockByNumber(self._headings[index])

    def _heading_top(self, index: int) -> float:
        layout = self.text.document().documentLayout()
        return layout.blockBoundingRect(self._heading_block(index)).top()

    def thresholds(self) -> list[float]:
        """The scroll value from which each article counts as the one being read.

        An article's heading at the top of the text; for the last articles, whose headings
        never reach the top, evenly spaced values in the last half page, the very last one at
        the end of the text (see the module docstring).
        """
        bar = self.text.verticalScrollBar()
        maximum = float(bar.maximum())
        tops = [self._heading_top(i) for i in range(len(self._headings))]
        out: list[float] = []
        beyond = [i for i, top in enumerate(tops) if top > maximum]
        for i, top in enumerate(tops):
            if i not in beyond:
                out.append(top)
        if beyond:
            last = out[-1] if out else 0.0
            start = max(last, maximum - self.text.viewport().height() / 2)
            step = (maximum - start) / len(beyond)
            for n in range(len(beyond)):
                out.append(start + step * (n + 1))
        return out

    def current_article(self) -> int:
        """Index of the article being read (see :meth:`thresholds`).

        The headings are measured from the top down only as far as needed (the thresholds
        only grow): at the start of the text, one or two instead of all of them (issue 15).
        """
        bar = self.text.verticalScrollBar()
        value, maximum = bar.value(), bar.maximum()
        current = 0
        for index in range(len(self._headings)):
            top = self._heading_top(index)
            if top > maximum:  # the last articles, whose headings never reach the top
                return self._article_at(value, self.thresholds())
            if top > value + 2:
                break
            current = index
        return current

    @staticmethod
    def _article_at(value: int, thresholds: list[float]) -> int:
        current = 0
        for index, threshold in enumerate(thresholds):
            if threshold <= value + 2:
                current = index
            else:
                break
        return current

    def scroll_to_article(self, index: int) -> None:
        """Scroll so that article ``index`` is the one being read (its heading at the top, as
        far as the text goes); the cursor moves to the heading, for screen readers."""
        if not 0 <= index < len(self._headings):
            return
        self.text.setTextCursor(QTextCursor(self._heading_block(index)))
        bar = self.text.verticalScrollBar()
        bar.setValue(min(bar.maximum(), round(self.thresholds()[index] + 0.49)))
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
        self.links_button.setText(self.tr("&Links…"))
        self.links_button.setAccessibleName(self.tr("Links"))
        self.links_button.setAccessibleDescription(
            self.tr("The links in the text and the modules' pages; they open in your web browser")
        )
        self.summary.retranslate(locale)
