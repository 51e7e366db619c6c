"""The first-launch (and re-consent) dialog: the policy in full, and the user's decision.

What the dialog guarantees (Art. 2, 4, 8, 10, 11 of the policy):

* the full text is shown and must be scrolled to the end before "Agree and start" is enabled;
  the structured summary of Art. 2 ("What we collect") sits beside it, never instead of it;
* the user can switch off the collection modules that may be switched off on the desktop
  (Google Analytics, KARTE); Firebase is listed as used only by the smartphone apps;
* links (Art. 8, Art. 10 and the modules' pages) open in the system browser, https only;
* the dialog writes nothing at all: no QSettings, no geometry, no files.  It returns a
  :class:`ConsentOutcome` (or None on decline) and the caller records it in the ledger.

Open it with :meth:`ConsentDialog.ask`, the one replaceable entry point (tests replace it).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Literal

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
    QTextBlock,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.core.policy import Link, Module, Policy
from nework_desktop.ui.i18n import current_locale, install_translator, normalize_locale

log = logging.getLogger("nework.ui.consent")

Mode = Literal["first", "reconsent"]
UrlOpener = Callable[[QUrl], bool]

# The language switch lists each language in its own name (never translated).
LANGUAGES: tuple[tuple[str, str], ...] = (("ja", "日本語"), ("en", "English"))

# Heading level of the articles in the policy Markdown (``## 第１条`` / ``## Article 1``).
ARTICLE_HEADING_LEVEL = 2


@dataclass(frozen=True)
class ConsentOutcome:
    """What the user agreed to: the language of the text shown, its hash, the module choices."""

    locale: str
    text_sha256: str
    modules: dict[str, bool]


def is_https(url: QUrl) -> bool:
    """True for a well-formed ``https://host/...`` URL (the only kind the dialog opens)."""
    return url.isValid() and url.scheme().lower() == "https" and bool(url.host())


def _format_date(value: date, locale: str) -> str:
    qdate = QDate(value.year, value.month, value.day)
    if locale == "ja":
        return QLocale(QLocale.Language.Japanese, QLocale.Country.Japan).toString(
            qdate, "yyyy年M月d日"
        )
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates).toString(
        qdate, "MMMM d, yyyy"
    )


def _bold(font: QFont, scale: float = 1.0) -> QFont:
    out = QFont(font)
    out.setBold(True)
    if scale != 1.0 and out.pointSizeF() > 0:
        out.setPointSizeF(out.pointSizeF() * scale)
    return out


def _wrapping_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


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


class CollectTable(QTableWidget):
    """The Art. 2 table as a real table: one row per purpose, the item and method spanning.

    It grows to show every row (the summary pane scrolls, not the table).
    """

    COLUMNS = 4
    # Share of the width of each column: information, purpose, how collected, plans.
    WEIGHTS = (0.23, 0.38, 0.22, 0.17)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustIgnored)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(24)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.sectionResized.connect(self._fit)

    def fill(self, policy: Policy, locale: str, plan_labels: dict[str, str]) -> None:
        """(Re)build the rows in ``locale``; ``plan_labels`` maps "all"/"enterprise" to text."""
        self.clearSpans()
        rows = sum(max(1, len(item.purposes)) for item in policy.items)
        self.setRowCount(rows)
        row = 0
        for item in policy.items:
            span = max(1, len(item.purposes))
            self._cell(row, 0, item.item.get(locale))
            self._cell(row, 2, item.collection_label.get(locale))
            for offset, purpose in enumerate(item.purposes):
                self._cell(row + offset, 1, purpose.text.get(locale))
                self._cell(row + offset, 3, plan_labels.get(purpose.plan, purpose.plan))
            if span > 1:
                self.setSpan(row, 0, span, 1)
                self.setSpan(row, 2, span, 1)
            row += span
        self._fit()

    def _cell(self, row: int, column: int, text: str) -> None:
        cell = QTableWidgetItem(text)
        cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        cell.setToolTip(text)
        self.setItem(row, column, cell)

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


class LinkLabel(QLabel):
    """A word-wrapping link that opens through the dialog's https-only opener.

    Reachable with Tab; Enter (or a click) activates it.
    """

    def __init__(
        self, url: str, open_url: Callable[[QUrl], bool], parent: QWidget | None = None
    ) -> None:
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

    def __init__(
        self, module: Module, open_url: Callable[[QUrl], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(module.name, parent)
        self.module = module
        self._open_url = open_url
        layout = QVBoxLayout(self)
        self.provider_label = _wrapping_label(self)
        self.collects_label = _wrapping_label(self)
        self.purpose_label = _wrapping_label(self)
        self.status_label = _wrapping_label(self)
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


class ConsentDialog(QDialog):
    """The consent dialog.  Use :meth:`ask`; the widgets are public for tests and QA only."""

    def __init__(
        self,
        policy: Policy,
        locale: str,
        *,
        mode: Mode = "first",
        accepted_version: str | None = None,
        open_url: UrlOpener | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.policy = policy
        self.mode: Mode = mode
        self.accepted_version = accepted_version
        self._locale = normalize_locale(locale)  # "ja_JP" → "ja"; anything else → "en"
        self._opener: UrlOpener = open_url if open_url is not None else QDesktopServices.openUrl
        self._outcome: ConsentOutcome | None = None
        self._read = False
        self._furthest = 0.0
        self._switching = False
        self._syncing_toc = False
        self._headings: list[int] = []  # block numbers of the article headings

        self.setModal(True)
        self.setObjectName("ConsentDialog")
        self.setSizeGripEnabled(True)
        self.setMinimumSize(640, 480)
        self._size_for_reading()

        self._build()
        self._set_tab_order()
        app = QCoreApplication.instance()
        if app is not None and current_locale(app) != self._locale:
            install_translator(app, self._locale)
        self._load_text()
        self.retranslate()
        self._set_page(0 if mode == "reconsent" else 1)

    def _size_for_reading(self) -> None:
        """About 960×720, smaller on a small screen; deliberately not remembered anywhere."""
        width, height = 960, 720
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            if available.width() > 0 and available.height() > 0:
                width = min(width, available.width() - 32)
                height = min(height, available.height() - 64)
        self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))

    # -- construction ------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)

        header = QHBoxLayout()
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.title_label.setFont(_bold(self.font(), 1.25))
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        header.addWidget(self.title_label, 1)
        self.language_label = QLabel(self)
        header.addWidget(self.language_label, 0, Qt.AlignmentFlag.AlignTop)
        self.language_combo = QComboBox(self)
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        self.language_label.setBuddy(self.language_combo)
        header.addWidget(self.language_combo, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)

        self.version_label = _wrapping_label(self)
        outer.addWidget(self.version_label)
        self.translation_label = _wrapping_label(self)
        self.translation_label.setFont(_bold(self.font()))
        outer.addWidget(self.translation_label)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_changes_page())
        self.pages.addWidget(self._build_main_page())
        outer.addWidget(self.pages, 1)

        links = QHBoxLayout()
        self.links_label = QLabel(self)
        links.addWidget(self.links_label)
        self.document_buttons: list[tuple[QPushButton, Link]] = []
        for link in self.policy.links:
            button = QPushButton(self)
            button.setAutoDefault(False)
            button.setToolTip(link.url)
            button.clicked.connect(lambda _=False, u=link.url: self.open_url(QUrl(u)))
            links.addWidget(button)
            self.document_buttons.append((button, link))
        links.addStretch(1)
        outer.addLayout(links)

        bottom = QHBoxLayout()
        self.read_hint = QLabel(self)
        self.read_hint.setWordWrap(True)
        bottom.addWidget(self.read_hint, 1)
        self.button_box = QDialogButtonBox(self)
        self.decline_button = QPushButton(self)
        self.agree_button = QPushButton(self)
        for button in (self.decline_button, self.agree_button):
            button.setAutoDefault(False)  # Enter never agrees or declines by accident
        self.button_box.addButton(self.agree_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.button_box.addButton(self.decline_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.agree_button.setEnabled(False)
        self.agree_button.clicked.connect(self.accept)
        self.decline_button.clicked.connect(self._decline)
        bottom.addWidget(self.button_box)
        outer.addLayout(bottom)

        self.language_combo.currentIndexChanged.connect(self._language_chosen)

    def _build_changes_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.changes_heading = QLabel(page)
        self.changes_heading.setFont(_bold(self.font(), 1.15))
        layout.addWidget(self.changes_heading)
        self.changes_view = QTextBrowser(page)
        self.changes_view.setOpenLinks(False)
        self.changes_view.setOpenExternalLinks(False)
        self.changes_view.anchorClicked.connect(self.open_url)
        layout.addWidget(self.changes_view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.continue_button = QPushButton(page)
        self.continue_button.setAutoDefault(False)
        self.continue_button.clicked.connect(self.show_full_text)
        row.addWidget(self.continue_button)
        layout.addLayout(row)
        return page

    def _build_main_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, page)
        self.splitter.setChildrenCollapsible(False)

        toc_box = QWidget(self.splitter)
        toc_layout = QVBoxLayout(toc_box)
        toc_layout.setContentsMargins(0, 0, 0, 0)
        self.toc_label = QLabel(toc_box)
        self.toc_label.setFont(_bold(self.font()))
        toc_layout.addWidget(self.toc_label)
        self.toc = QListWidget(toc_box)
        self.toc.setWordWrap(True)
        self.toc.setTabKeyNavigation(False)
        self.toc.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.toc.itemClicked.connect(self._toc_item_chosen)
        self.toc.itemActivated.connect(self._toc_item_chosen)
        self.toc.currentRowChanged.connect(self._toc_row_changed)
        self.toc_label.setBuddy(self.toc)
        toc_layout.addWidget(self.toc, 1)

        text_box = QWidget(self.splitter)
        text_layout = QVBoxLayout(text_box)
        text_layout.setContentsMargins(0, 0, 0, 0)
        self.text_label = QLabel(text_box)
        self.text_label.setFont(_bold(self.font()))
        text_layout.addWidget(self.text_label)
        self.text = PolicyBrowser(text_box)
        self.text.anchorClicked.connect(self.open_url)
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

        self.summary_area = QScrollArea(self.splitter)
        self.summary_area.setWidgetResizable(True)
        self.summary_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        summary = QWidget(self.summary_area)
        summary_layout = QVBoxLayout(summary)
        self.summary_heading = QLabel(summary)
        self.summary_heading.setFont(_bold(self.font(), 1.1))
        summary_layout.addWidget(self.summary_heading)
        self.summary_intro = _wrapping_label(summary)
        summary_layout.addWidget(self.summary_intro)
        self.collect_table = CollectTable(summary)
        summary_layout.addWidget(self.collect_table)
        self.modules_heading = QLabel(summary)
        self.modules_heading.setFont(_bold(self.font(), 1.1))
        summary_layout.addWidget(self.modules_heading)
        self.modules_intro = _wrapping_label(summary)
        summary_layout.addWidget(self.modules_intro)
        self.module_cards: list[ModuleCard] = []
        # module id → its switch (only modules that may be switched off on the desktop)
        self.module_switches: dict[str, QCheckBox] = {}
        defaults = self.policy.default_module_choices()
        for module in self.policy.modules:
            card = ModuleCard(module, self.open_url, summary)
            summary_layout.addWidget(card)
            self.module_cards.append(card)
            if card.switch is not None:
                card.switch.setChecked(defaults.get(module.id, module.default_enabled))
                self.module_switches[module.id] = card.switch
        summary_layout.addStretch(1)
        self.summary_area.setWidget(summary)

        self.splitter.addWidget(toc_box)
        self.splitter.addWidget(text_box)
        self.splitter.addWidget(self.summary_area)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([170, 430, 360])
        layout.addWidget(self.splitter, 1)
        return page

    def _visual_buttons(self) -> list[QWidget]:
        """The dialog buttons in the order the platform style lays them out."""
        layout = self.button_box.layout()
        buttons: list[QWidget] = []
        if layout is not None:
            for i in range(layout.count()):
                item = layout.itemAt(i)
                widget = item.widget() if item is not None else None
                if isinstance(widget, QPushButton):
                    buttons.append(widget)
        for button in (self.decline_button, self.agree_button):
            if button not in buttons:
                buttons.append(button)
        return buttons

    def focus_order(self) -> list[QWidget]:
        """Every control in visual order (top to bottom, left to right); Tab follows it."""
        order: list[QWidget] = [self.language_combo, self.changes_view, self.continue_button]
        order += [self.toc, self.text, self.summary_area, self.collect_table]
        for card in self.module_cards:
            order += card.focus_widgets()
        order += [button for button, _ in self.document_buttons]
        order += self._visual_buttons()
        return order

    def _set_tab_order(self) -> None:
        for first, second in pairwise(self.focus_order()):
            QWidget.setTabOrder(first, second)

    # -- text, table of contents and reading progress ------------------------------------

    @property
    def shown_locale(self) -> str:
        """The language of the text currently shown."""
        return self._locale

    @property
    def has_read_to_end(self) -> bool:
        return self._read

    @property
    def outcome(self) -> ConsentOutcome | None:
        """The outcome once the user agreed; None before that and after a decline."""
        return self._outcome

    def _load_text(self) -> None:
        self._switching = True
        try:
            self.text.setMarkdown(self.policy.text(self._locale))
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

    def _scrolled(self, *_: int) -> None:
        if self._switching:
            return
        self._update_progress()
        if not self.toc.hasFocus():
            self._sync_toc()

    def _update_progress(self) -> None:
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
            self._update_agree_state()

    def _update_agree_state(self) -> None:
        self.agree_button.setEnabled(self._read)
        if self._read:
            self.read_hint.setText("")
            self.read_hint.setVisible(False)
            self.agree_button.setToolTip("")
            self.agree_button.setAccessibleDescription(
                self.tr("Records your consent to this privacy policy and starts NeWork")
            )
        else:
            hint = self.tr("Please read to the end")
            self.read_hint.setText(
                self.tr("{0}: Agree becomes available once you reach the end of the text.").format(
                    hint
                )
            )
            self.read_hint.setVisible(True)
            self.agree_button.setToolTip(hint)
            self.agree_button.setAccessibleDescription(
                self.tr("Unavailable until the text has been read to the end")
            )

    # -- pages -----------------------------------------------------------------------------

    def _set_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        target = self.changes_view if index == 0 else self.text
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if index == 1:
            QTimer.singleShot(0, self, self._update_progress)

    def show_full_text(self) -> None:
        """Leave the "What changed" page for the full text (re-consent mode)."""
        self._set_page(1)

    @property
    def on_changes_page(self) -> bool:
        return self.pages.currentIndex() == 0

    def _changes_html(self) -> str:
        loc = self._locale
        parts: list[str] = []
        if self.accepted_version:
            parts.append(
                "<p>"
                + html.escape(
                    self.tr(
                        "You agreed to the version effective {0}. The privacy policy has "
                        "changed since then, so NeWork asks for your consent again."
                    ).format(self._version_date(self.accepted_version))
                )
                + "</p>"
            )
        revisions = (
            self.policy.revisions_after(self.accepted_version) if self.accepted_version else ()
        )
        if revisions:
            parts.append("<h3>" + html.escape(self.tr("Revisions since then")) + "</h3>")
            for revision in revisions:
                when = self.tr("Effective {0} (announced {1})").format(
                    _format_date(revision.effective, loc), _format_date(revision.announced, loc)
                )
                parts.append(
                    f"<p><b>{html.escape(when)}</b><br/>"
                    f"{html.escape(revision.summary.get(loc))}</p>"
                )
        parts.append("<h3>" + html.escape(self.tr("About this version")) + "</h3>")
        parts.append(f"<p>{html.escape(self.policy.change_summary.get(loc))}</p>")
        return "\n".join(parts)

    def _version_date(self, version: str) -> str:
        """A version id (the ISO date it took effect) as a date in the current language."""
        for revision in self.policy.revisions:
            if revision.version == version:
                return _format_date(revision.effective, self._locale)
        try:
            return _format_date(date.fromisoformat(version), self._locale)
        except ValueError:
            return version

    # -- language --------------------------------------------------------------------------

    def set_locale(self, locale: str) -> None:
        """Show the text and the controls in ``locale``, keeping the article being read."""
        locale = normalize_locale(locale)
        if locale == self._locale:
            return
        at_top = self.text.verticalScrollBar().value() <= 0
        article = self.current_article() if self._headings else 0
        anchors = [anchor for _, anchor in self.policy.articles(self._locale)]
        self._locale = locale
        self._load_text()
        app = QCoreApplication.instance()
        if app is not None:
            install_translator(app, locale)
        self.retranslate()
        # Same article by its language-independent anchor (article-N), else by position.
        new_anchors = [anchor for _, anchor in self.policy.articles(locale)]
        if article < len(anchors) and anchors[article] in new_anchors:
            article = new_anchors.index(anchors[article])
        if self.pages.currentIndex() == 1 and not at_top:
            self.scroll_to_article(article)
        else:
            self._sync_toc()
        self._update_progress()
        log.info("consent dialog language: %s (article %d)", locale, article + 1)

    def _language_chosen(self, index: int) -> None:
        code = self.language_combo.itemData(index)
        if isinstance(code, str):
            self.set_locale(code)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every visible string in the current language (tr() and the policy's own texts)."""
        loc = self._locale
        policy = self.policy
        title = policy.title.get(loc)
        self.setWindowTitle(self.tr("NeWork — Privacy policy"))
        if self.mode == "reconsent":
            heading = self.tr("The NeWork privacy policy has changed")
        else:
            heading = self.tr("Before you start NeWork, please read its privacy policy")
        self.title_label.setText(heading)
        self.version_label.setText(
            self.tr("{0} — {1}, effective {2}").format(
                title, policy.company.get(loc), _format_date(policy.effective_date, loc)
            )
        )
        self.translation_label.setText(
            self.tr("This is a translation; the Japanese text prevails.")
        )
        self.translation_label.setVisible(policy.is_translation(loc))

        index = self.language_combo.findData(loc)
        if index >= 0 and index != self.language_combo.currentIndex():
            self.language_combo.blockSignals(True)
            self.language_combo.setCurrentIndex(index)
            self.language_combo.blockSignals(False)
        self.language_label.setText(self.tr("&Language:"))
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.setAccessibleDescription(
            self.tr("Shows the privacy policy and this window in another language")
        )

        self.changes_heading.setText(self.tr("What changed"))
        self.changes_view.setHtml(self._changes_html())
        self.changes_view.setAccessibleName(self.tr("What changed"))
        self.changes_view.setAccessibleDescription(
            self.tr("Summary of the changes to the privacy policy since you last agreed")
        )
        self.continue_button.setText(self.tr("Continue to the full text"))
        self.continue_button.setAccessibleName(self.tr("Continue to the full text"))

        self.toc_label.setText(self.tr("&Contents"))
        self.toc.setAccessibleName(self.tr("Table of contents"))
        self.toc.setAccessibleDescription(self.tr("Choose an article to jump to it in the text"))
        self.text_label.setText(self.tr("Full &text"))
        self.text.setAccessibleName(self.tr("Privacy policy, full text"))
        self.text.setAccessibleDescription(
            self.tr("Read to the end to enable Agree. Page Down and End scroll the text.")
        )
        self.text.setDocumentTitle(title)
        self.progress.setFormat(self.tr("Read: %p %"))
        self.progress.setAccessibleName(self.tr("Reading progress"))

        self.summary_heading.setText(self.tr("What we collect"))
        self.summary_intro.setText(
            self.tr(
                "A summary of Article 2. The full text is what you agree to; "
                "if the two differ, the full text applies."
            )
        )
        self.summary_area.setAccessibleName(self.tr("What we collect"))
        self.summary_area.setAccessibleDescription(
            self.tr("Summary of the information collected, and the collection modules")
        )
        self.collect_table.setHorizontalHeaderLabels(
            [
                self.tr("Information"),
                self.tr("Purpose"),
                self.tr("How it is collected"),
                self.tr("Plans"),
            ]
        )
        self.collect_table.fill(
            policy,
            loc,
            {"all": self.tr("All plans"), "enterprise": self.tr("Enterprise only")},
        )
        self.collect_table.setAccessibleName(self.tr("Information collected (Article 2)"))
        self.collect_table.setAccessibleDescription(
            self.tr("One row per purpose: information, purpose, how it is collected, plans")
        )
        self.modules_heading.setText(self.tr("Collection modules"))
        self.modules_intro.setText(
            self.tr(
                "Third-party programs that collect usage data (Article 2-2). Uncheck a module "
                "to keep this app from sending anything to it."
            )
        )
        for card in self.module_cards:
            card.retranslate(loc)

        self.links_label.setText(self.tr("Documents:"))
        short = {
            "company_privacy": self.tr("Company privacy policy"),
            "terms": self.tr("Terms of use"),
            "app_privacy": self.tr("This policy (latest, PDF)"),
            "contact": self.tr("Contact form"),
        }
        for button, link in self.document_buttons:
            label = link.label.get(loc)
            button.setText(short.get(link.id, label))
            button.setToolTip(f"{label}\n{link.url}")
            button.setAccessibleName(label)
            button.setAccessibleDescription(
                self.tr("Opens {0} in your web browser").format(link.url)
            )

        self.decline_button.setText(self.tr("Decline (quit)"))
        self.decline_button.setAccessibleName(self.tr("Decline and quit NeWork"))
        self.decline_button.setAccessibleDescription(
            self.tr("Closes NeWork without saving anything")
        )
        self.agree_button.setText(self.tr("Agree and start"))
        self.agree_button.setAccessibleName(self.tr("Agree to the privacy policy and start"))
        self._update_agree_state()

    # -- links -----------------------------------------------------------------------------

    def open_url(self, url: QUrl) -> bool:
        """Open ``url`` in the system browser if it is https; refuse (and log) anything else."""
        if not is_https(url):
            log.warning("refused to open a non-https link: %s", url.toString())
            return False
        log.info("opening %s in the system browser", url.toString())
        return bool(self._opener(url))

    # -- decisions -------------------------------------------------------------------------

    def module_choices(self) -> dict[str, bool]:
        """Module id → allowed, from the policy defaults and the switches."""
        choices = dict(self.policy.default_module_choices())
        for module_id, switch in self.module_switches.items():
            choices[module_id] = switch.isChecked()
        return choices

    def confirm_decline(self) -> bool:
        """Ask whether to decline and quit (Escape, closing the window).  Tests replace this."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Decline the privacy policy?"))
        box.setText(self.tr("NeWork will close. Decline?"))
        box.setInformativeText(
            self.tr("Nothing has been saved. You can start NeWork again at any time.")
        )
        quit_button = box.addButton(
            self.tr("Decline (quit)"), QMessageBox.ButtonRole.DestructiveRole
        )
        back_button = box.addButton(self.tr("Keep reading"), QMessageBox.ButtonRole.RejectRole)
        quit_button.setAccessibleName(self.tr("Decline and quit NeWork"))
        back_button.setAccessibleName(self.tr("Keep reading"))
        box.setDefaultButton(back_button)
        box.setEscapeButton(back_button)
        box.exec()
        return box.clickedButton() is quit_button

    def accept(self) -> None:
        """Agree: only possible once the text has been read to the end."""
        if not self._read:
            log.warning("agree ignored: the text has not been read to the end")
            return
        self._outcome = ConsentOutcome(
            locale=self._locale,
            text_sha256=self.policy.text_sha256(self._locale),
            modules=self.module_choices(),
        )
        log.info("consent given (%s)", self._locale)
        super().accept()

    def reject(self) -> None:
        """Escape or the window's close button: decline after a confirmation."""
        if self.confirm_decline():
            self._decline()

    def _decline(self) -> None:
        self._outcome = None
        log.info("consent declined")
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # No default button: Enter activates only the focused push button.
            focused = self.focusWidget()
            if isinstance(focused, QPushButton) and focused.isEnabled():
                focused.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        initial = self.changes_view if self.on_changes_page else self.text
        initial.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self, self._update_progress)

    # -- entry point -----------------------------------------------------------------------

    @classmethod
    def ask(
        cls,
        policy: Policy,
        locale: str,
        *,
        mode: Mode = "first",
        accepted_version: str | None = None,
        parent: QWidget | None = None,
    ) -> ConsentOutcome | None:
        """Run the dialog modally; the outcome on agree, None on decline."""
        dialog = cls(policy, locale, mode=mode, accepted_version=accepted_version, parent=parent)
        try:
            result = dialog.exec()
            if result == QDialog.DialogCode.Accepted:
                return dialog.outcome
            return None
        finally:
            dialog.deleteLater()
