"""The first-launch (and re-consent) dialog: the policy in full, and the user's decision.

What the dialog guarantees (Art. 2, 4, 8, 10, 11 of the policy):

* the full text is shown and must be scrolled to the end before "Agree and start" is enabled;
  the structured summary of Art. 2 ("What we collect") sits beside it, never instead of it;
* the user can switch off the collection modules that may be switched off on the desktop
  (Google Analytics, KARTE); Firebase is listed as used only by the smartphone apps;
* links (Art. 8, Art. 10 and the modules' pages) open in the system browser, https only;
* the dialog writes nothing at all: no QSettings, no geometry, no files.  It returns a
  :class:`ConsentOutcome` (or None on decline) and the caller records it in the ledger.

The frame holds the parts -- header, documents, "What changed" (:mod:`.consent_pages`), the
text (:mod:`.consent_reader`), the switches next to the buttons (:mod:`.consent_choices`) --
switches the language and takes the decision; open it with :meth:`ConsentDialog.ask` (tests
replace it).  Focus starts in the text, Tab follows the visual order and never enters the text's
links: End, Tab ×4, Space, Tab, Space, Tab, Enter reads to the end, switches both modules off and
agrees.  ``notice``: a line on top (after a wipe, that the data was deleted).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal, TypedDict, Unpack

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.core.policy import Policy
from nework_desktop.ui.consent_choices import ModuleChoices
from nework_desktop.ui.consent_pages import ChangesPage, ConsentHeader, DocumentLinks
from nework_desktop.ui.consent_reader import ReadingPage
from nework_desktop.ui.dialogs import ask_choice
from nework_desktop.ui.i18n import (
    current_locale,
    install_translator,
    normalize_locale,
)
from nework_desktop.ui.look import apply_window_look
from nework_desktop.ui.widgets import PolicyBrowser, UrlOpener, wrapping_label

__all__ = ["ConsentDialog", "ConsentOutcome", "DialogOptions", "Mode"]

log = logging.getLogger("nework.ui.consent")

Mode = Literal["first", "reconsent"]

PAGE_CHANGES = 0
PAGE_TEXT = 1


@dataclass(frozen=True)
class ConsentOutcome:
    """What the user agreed to: the language of the text shown, its hash, the module choices."""

    locale: str
    text_sha256: str
    modules: dict[str, bool]


class DialogOptions(TypedDict, total=False):
    """The keyword options of :class:`ConsentDialog` and :meth:`ConsentDialog.ask`."""

    #: ``"reconsent"`` opens on what changed since ``accepted_version``.
    mode: Mode
    accepted_version: str | None
    #: Opens the policy's links (default: the system browser).
    open_url: UrlOpener | None
    #: A sentence shown on top (e.g. that all local data was just deleted).
    notice: str
    parent: QWidget | None


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
        notice: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.policy = policy
        self.notice = notice
        self.mode: Mode = mode
        self.accepted_version = accepted_version
        self._locale = normalize_locale(locale)  # "ja_JP" → "ja"; anything else → "en"
        self._opener: UrlOpener = open_url if open_url is not None else QDesktopServices.openUrl
        self._outcome: ConsentOutcome | None = None

        self.setModal(True)
        self.setObjectName("ConsentDialog")
        self.setSizeGripEnabled(True)
        self.setMinimumSize(640, 480)
        apply_window_look(self)
        self._size_for_reading()

        self._build()
        self._set_tab_order()
        app = QCoreApplication.instance()
        if app is not None and current_locale(app) != self._locale:
            install_translator(app, self._locale)
        self.retranslate()
        self._set_page(PAGE_CHANGES if mode == "reconsent" else PAGE_TEXT)

    def _size_for_reading(self) -> None:
        """About 1040×740, smaller on a small screen; deliberately not remembered anywhere."""
        width, height = 1040, 740
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

        self.notice_label = wrapping_label(self)
        self.notice_label.setText(self.notice)
        self.notice_label.setVisible(bool(self.notice))
        self.notice_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice_label.setMargin(6)
        outer.addWidget(self.notice_label)

        self.header = ConsentHeader(self.policy, self)
        self.header.language_chosen.connect(self.set_locale)
        outer.addWidget(self.header)
        self.documents = DocumentLinks(self.policy, self.open_url, self)
        outer.addWidget(self.documents)

        self.pages = QStackedWidget(self)
        self.changes = ChangesPage(self.policy, self.accepted_version, self.open_url, self)
        self.changes.continue_button.clicked.connect(self.show_full_text)
        self.reading = ReadingPage(self.policy, self._locale, self.open_url, self)
        self.reading.read.connect(self._update_agree_state)
        self.pages.addWidget(self.changes)
        self.pages.addWidget(self.reading)
        outer.addWidget(self.pages, 1)

        self.choices = ModuleChoices(self.policy, self)
        self.reading.summary.attach_switches(dict(self.choices.switches))
        self.read_hint = QLabel(self)
        self.read_hint.setWordWrap(True)
        self.read_hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        outer.addWidget(self.read_hint)
        bottom = QHBoxLayout()
        bottom.addWidget(self.choices, 1)
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

    def _visual_buttons(self) -> list[QWidget]:
        """The dialog buttons in the order the platform style lays them out."""
        layout = self.button_box.layout()
        items = [layout.itemAt(i) for i in range(layout.count())] if layout is not None else []
        widgets = [item.widget() for item in items if item is not None]
        buttons: list[QWidget] = [w for w in widgets if isinstance(w, QPushButton)]
        return buttons + [b for b in (self.decline_button, self.agree_button) if b not in buttons]

    def focus_order(self) -> list[QWidget]:
        """Every control in visual order (top to bottom, left to right); Tab follows it."""
        order: list[QWidget] = [self.header.language_combo]
        order += [button for button, _ in self.documents.buttons]
        order += self.changes.focus_widgets()
        order += self.reading.focus_widgets()
        order += self.choices.focus_widgets()
        order += self._visual_buttons()
        return order

    def _set_tab_order(self) -> None:
        for first, second in pairwise(self.focus_order()):
            QWidget.setTabOrder(first, second)

    # -- what QA drives --------------------------------------------------------------------

    @property
    def text(self) -> PolicyBrowser:
        """The full text: reading it to the end enables "Agree"."""
        return self.reading.text

    @property
    def module_switches(self) -> dict[str, QCheckBox]:
        """Module id → its switch (only the modules that may be switched off on the desktop)."""
        return self.reading.summary.module_switches

    @property
    def shown_locale(self) -> str:
        """The language of the text currently shown."""
        return self._locale

    @property
    def has_read_to_end(self) -> bool:
        return self.reading.has_read_to_end

    @property
    def outcome(self) -> ConsentOutcome | None:
        """The outcome once the user agreed; None before that and after a decline."""
        return self._outcome

    def _update_agree_state(self) -> None:
        read = self.reading.has_read_to_end
        self.agree_button.setEnabled(read)
        if read:
            self.read_hint.clear()
            self.read_hint.setVisible(False)
            self.agree_button.setToolTip("")
            self.agree_button.setAccessibleDescription(
                self.tr("Records your consent to this privacy policy and starts NeWork")
            )
        else:
            hint = self.tr("Please read to the end")
            line = self.tr("{0}: Agree becomes available once you reach the end of the text.")
            self.read_hint.setText(line.format(hint))
            self.read_hint.setVisible(True)
            self.agree_button.setToolTip(hint)
            self.agree_button.setAccessibleDescription(
                self.tr("Unavailable until the text has been read to the end")
            )

    # -- pages -----------------------------------------------------------------------------

    def _set_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        target = self.changes.view if index == PAGE_CHANGES else self.reading.text
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if index == PAGE_TEXT:
            QTimer.singleShot(0, self, self.reading.update_progress)

    def show_full_text(self) -> None:
        """Leave the "What changed" page for the full text (re-consent mode)."""
        self._set_page(PAGE_TEXT)

    @property
    def on_changes_page(self) -> bool:
        return self.pages.currentIndex() == PAGE_CHANGES

    # -- language --------------------------------------------------------------------------

    def set_locale(self, locale: str) -> None:
        """Show the text and the controls in ``locale``, keeping the article being read."""
        locale = normalize_locale(locale)
        if locale == self._locale:
            return
        mark = self.reading.bookmark()
        self._locale = locale
        self.reading.load(locale)
        app = QCoreApplication.instance()
        if app is not None:
            install_translator(app, locale)
        self.retranslate()
        article = self.reading.return_to(mark, scroll=not self.on_changes_page)
        log.info("consent dialog language: %s (article %d)", locale, article + 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every visible string in the current language (tr() and the policy's own texts)."""
        loc = self._locale
        self.setWindowTitle(self.tr("NeWork — Privacy policy"))
        self.header.retranslate(loc, reconsent=self.mode == "reconsent")
        self.changes.retranslate(loc)
        self.reading.retranslate(loc)
        self.documents.retranslate(loc)
        self.choices.retranslate()

        # The accessible names are the visible labels (WCAG 2.5.3); the rest is description.
        self.decline_button.setText(self.tr("Decline (quit)"))
        self.decline_button.setAccessibleName(self.tr("Decline (quit)"))
        self.decline_button.setAccessibleDescription(
            self.tr("Declines the privacy policy and closes NeWork without saving anything")
        )
        self.agree_button.setText(self.tr("Agree and start"))
        self.agree_button.setAccessibleName(self.tr("Agree and start"))
        self.notice_label.setAccessibleName(self.notice)
        self._update_agree_state()

    # -- links -----------------------------------------------------------------------------

    def open_url(self, url: QUrl) -> bool:
        """Open ``url`` in the system browser if it is https; refuse (and log) anything else."""
        from nework_desktop.ui.links import open_link

        log.info("link activated: %s", url.toString())
        return open_link(self, url, self._opener)  # a failure is said in words

    # -- decisions -------------------------------------------------------------------------

    def confirm_decline(self) -> bool:
        """Ask whether to decline and quit (Escape, closing the window).  Tests replace this."""
        return ask_choice(
            self,
            title=self.tr("Decline the privacy policy?"),
            text=self.tr("NeWork will close. Decline?"),
            informative=self.tr("Nothing has been saved. You can start NeWork again at any time."),
            go=self.tr("Decline (quit)"),
            stay=self.tr("Keep reading"),
        )

    def accept(self) -> None:
        """Agree: only possible once the text has been read to the end."""
        if not self.reading.has_read_to_end:
            log.warning("agree ignored: the text has not been read to the end")
            return
        self._outcome = ConsentOutcome(
            locale=self._locale,
            text_sha256=self.policy.text_sha256(self._locale),
            modules=self.reading.summary.module_choices(),
        )
        log.info("consent given (%s)", self._locale)
        super().accept()

    def reject(self) -> None:
        """Escape or the window's close button: decline after a confirmation."""
        if self.confirm_decline():
            self._decline()

    def decline_without_asking(self) -> None:
        """Decline because the app was told to quit (an upgrade, the uninstaller): no question."""
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
        self.reading.fit_summary()
        initial = self.changes.view if self.on_changes_page else self.reading.text
        initial.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self, self.reading.update_progress)

    # -- entry point -----------------------------------------------------------------------

    @classmethod
    def ask(
        cls, policy: Policy, locale: str, **options: Unpack[DialogOptions]
    ) -> ConsentOutcome | None:
        """Run the dialog modally; the outcome on agree, None on decline."""
        dialog = cls(policy, locale, **options)
        try:
            result = dialog.exec()
            if result == QDialog.DialogCode.Accepted:
                return dialog.outcome
            return None
        finally:
            dialog.deleteLater()
