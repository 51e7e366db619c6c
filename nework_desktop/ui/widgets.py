"""Widgets and label helpers shared by the consent dialog and the privacy center.

* :func:`is_https` -- the one test for a link the UI may hand to the system browser;
* :func:`bold_font`, :func:`heading`, :func:`wrapping_label` -- the label styles;
* :class:`PolicyBrowser` -- the read-only policy text: keyboard readers reach its end, Tab leaves
  it (its links are offered by :meth:`PolicyBrowser.links`), a focus change never scrolls it, and
  the bullets of a table cell ("・…") are shown one per line;
* :class:`LinkLabel` and :class:`ModuleCard` -- one collection module (Art. 2-2): provider, what
  it collects, purpose, its links and, where it may be switched off, its switch
  (:class:`~nework_desktop.ui.toggle.ToggleSwitch`).

The tables live in :mod:`nework_desktop.ui.tables`.

Nothing here opens a link itself: every link goes through the opener its owner passes in.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractSlider,
    QCheckBox,
    QGroupBox,
    QLabel,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.core.policy import Link, Module
from nework_desktop.ui.toggle import ToggleSwitch

__all__ = [
    "DocumentLink",
    "LinkLabel",
    "ModuleCard",
    "PolicyBrowser",
    "bold_font",
    "heading",
    "is_https",
    "paint_as_error",
    "split_cell_bullets",
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


def paint_as_error(label: QLabel) -> None:
    """Show ``label``'s text in a red that reads on its palette (dark or light)."""
    palette = label.palette()
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#ffb4ab" if dark else "#b3261e"))
    label.setPalette(palette)


def wrapping_label(parent: QWidget, *, selectable: bool = False) -> QLabel:
    """A plain-text label that wraps (and may be selected with the mouse)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


# -- the policy text ------------------------------------------------------------------------------


#: A bullet inside a table cell of the policy ("・…認証のため ・テナント…").
BULLET = "・"


def split_cell_bullets(document: QTextDocument) -> int:
    """Put every "・" bullet inside a table cell of ``document`` on a line of its own.

    Only the layout changes (a line separator before each bullet after the first): the text
    the user agrees to, and its hash, are the Markdown as shipped.  Returns how many breaks
    were made.
    """
    made = 0
    cursor = QTextCursor(document)
    while True:
        cursor = document.find(" " + BULLET, cursor)
        if cursor.isNull():
            return made
        if cursor.currentTable() is None:
            continue
        cursor.insertText("\u2028" + BULLET)
        made += 1


@dataclass(frozen=True)
class DocumentLink:
    """A link in the policy text: its address, its words and the heading above it."""

    url: str
    text: str
    section: str


class PolicyBrowser(QTextBrowser):
    """The read-only policy text.

    Home/End (with or without Ctrl) and Page Up/Down move the scroll bar, so keyboard readers
    reach the end the same way as mouse readers.  Tab and Shift+Tab leave the text (they never
    walk through its links, which would scroll it); the links are listed by :meth:`links` for a
    keyboard menu.  Links are never followed in place.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )

    def set_policy_markdown(self, text: str) -> None:
        """Show the policy Markdown, bullets of table cells one per line."""
        self.setMarkdown(text)
        split_cell_bullets(self.document())
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def links(self) -> list[DocumentLink]:
        """Every link of the text in reading order, with the heading it appears under."""
        found: list[DocumentLink] = []
        section = ""
        block = self.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 2:  # the articles
                section = block.text().strip()
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid() and fragment.charFormat().isAnchor():
                    url = fragment.charFormat().anchorHref()
                    text = fragment.text().strip() or url
                    if found and found[-1].url == url and found[-1].section == section:
                        pass  # one link split into fragments
                    else:
                        found.append(DocumentLink(url, text, section))
                it += 1
            block = block.next()
        return found

    def focusNextPrevChild(self, next: bool) -> bool:
        # QTextBrowser would move to the next link (and scroll to it): leave the text instead.
        return QWidget.focusNextPrevChild(self, next)

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

    Reachable with Tab when ``tab_stop`` (the privacy center); Enter (or a click) activates it.
    The consent dialog keeps its links out of the Tab order and lists them in a menu instead.
    """

    def __init__(
        self,
        url: str,
        open_url: UrlOpener,
        parent: QWidget | None = None,
        *,
        tab_stop: bool = True,
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
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if tab_stop else Qt.FocusPolicy.ClickFocus)
        self.setToolTip(url)
        self.linkActivated.connect(lambda href: open_url(QUrl(href)))

    def set_label(self, text: str) -> None:
        href = html.escape(self.url, quote=True)
        self.setText(f'<a href="{href}">{html.escape(text)}</a>')


class ModuleCard(QGroupBox):
    """One collection module: provider, what it collects, purpose, links, and its switch.

    ``own_switch`` false (the consent dialog): the card makes no switch; its owner puts one
    elsewhere (next to "Agree") and sets :attr:`switch` to it.  ``tab_links`` false: the links
    are not Tab stops.
    """

    def __init__(
        self,
        module: Module,
        open_url: UrlOpener,
        parent: QWidget | None = None,
        *,
        own_switch: bool = True,
        tab_links: bool = True,
    ) -> None:
        super().__init__(module.name, parent)
        self.module = module
        self._open_url = open_url
        self._tab_links = tab_links
        self._own_switch = own_switch
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
        if own_switch and self.switchable:
            self.switch = ToggleSwitch(self)
            layout.addWidget(self.switch)

    @property
    def switchable(self) -> bool:
        """The module runs in the desktop app and may be switched off."""
        return self.module.on_desktop and self.module.opt_out_allowed

    def _add_link(self, layout: QVBoxLayout, url: str, link: Link | None) -> None:
        label = LinkLabel(url, self._open_url, self, tab_stop=self._tab_links)
        layout.addWidget(label)
        self.link_labels.append((label, link))

    def focus_widgets(self) -> list[QWidget]:
        """The card's controls in visual order."""
        widgets: list[QWidget] = [label for label, _ in self.link_labels] if self._tab_links else []
        if self.switch is not None and self._own_switch:
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
                "Uses cookies. You can switch it off below, next to Agree, or later in the "
                "privacy center."
            )
        else:
            status = self.tr(
                "You can switch it off below, next to Agree, or later in the privacy center."
            )
        self.status_label.setText(status)
        for label, link in self.link_labels:
            text = self.tr("Opt-out page") if link is None else link.label.get(locale)
            label.set_label(text)
            label.setAccessibleName(self.tr("{0}: {1}").format(module.name, text))
            label.setAccessibleDescription(
                self.tr("Opens {0} in your web browser").format(label.url)
            )
        if self.switch is not None and self._own_switch:
            text = self.tr("Allow {0} in this app").format(module.name)
            self.switch.setText(text)
            self.switch.setAccessibleName(text)  # the visible label, for speech control
            self.switch.setAccessibleDescription(
                self.tr("When off, nothing is sent to {0} from this app.").format(module.name)
            )
            if isinstance(self.switch, ToggleSwitch):
                self.switch.set_state_texts(self.tr("On"), self.tr("Off"))

    def link_entries(self, locale: str) -> list[tuple[str, str]]:
        """(label, url) of the card's links, as a menu lists them."""
        return [
            (
                self.tr("{0}: {1}").format(
                    self.module.name,
                    self.tr("Opt-out page") if link is None else link.label.get(locale),
                ),
                label.url,
            )
            for label, link in self.link_labels
        ]
