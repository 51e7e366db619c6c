"""The parts of the consent dialog around the full text.

* :class:`ConsentHeader` -- the title, the policy's version line, the "this is a translation"
  note and the language switch (each language in its own name);
* :class:`ChangesPage` -- the re-consent dialog's first page: which version the user agreed to,
  the revisions since then and the change summary of this version, and "Continue to the full
  text";
* :class:`SummaryPane` -- the structured summary of Art. 2 beside the text ("What we collect"):
  the Art. 2 table and one card per collection module; the switches whose state becomes the
  user's module choices sit next to "Agree" (:mod:`.consent_choices`) and are attached here;
* :class:`DocumentLinks` -- the row of buttons for the Art. 8 and Art. 10 documents, under the
  title.

Links open through the dialog's https-only opener; nothing here writes anything.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.core.policy import Link, Policy
from nework_desktop.ui.i18n import SUPPORTED_LOCALES, format_day, language_name
from nework_desktop.ui.tables import CollectTable
from nework_desktop.ui.widgets import (
    ModuleCard,
    UrlOpener,
    bold_font,
    heading,
    wrapping_label,
)

__all__ = ["ChangesPage", "ConsentHeader", "DocumentLinks", "SummaryPane"]


class ConsentHeader(QWidget):
    """Title and language switch, then the policy's version line and the translation note."""

    #: The user picked another language (its code).
    language_chosen = Signal(str)

    def __init__(self, policy: Policy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.title_label.setFont(bold_font(self.font(), 1.25))
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        header.addWidget(self.title_label, 1)
        self.language_label = QLabel(self)
        header.addWidget(self.language_label, 0, Qt.AlignmentFlag.AlignTop)
        self.language_combo = QComboBox(self)
        for code in SUPPORTED_LOCALES:
            self.language_combo.addItem(language_name(code), code)
        self.language_label.setBuddy(self.language_combo)
        header.addWidget(self.language_combo, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)
        self.version_label = wrapping_label(self)
        outer.addWidget(self.version_label)
        self.translation_label = wrapping_label(self)
        self.translation_label.setFont(bold_font(self.font()))
        outer.addWidget(self.translation_label)
        self.language_combo.currentIndexChanged.connect(self._chosen)

    def _chosen(self, index: int) -> None:
        code = self.language_combo.itemData(index)
        if isinstance(code, str):
            self.language_chosen.emit(code)

    def retranslate(self, locale: str, *, reconsent: bool) -> None:
        policy = self.policy
        if reconsent:
            title = self.tr("The NeWork privacy policy has changed")
        else:
            title = self.tr("Before you start NeWork, please read its privacy policy")
        self.title_label.setText(title)
        self.version_label.setText(
            self.tr("{0} — {1}, effective {2}").format(
                policy.title.get(locale),
                policy.company.get(locale),
                format_day(policy.effective_date, locale),
            )
        )
        self.translation_label.setText(
            self.tr("This is a translation; the Japanese text prevails.")
        )
        self.translation_label.setVisible(policy.is_translation(locale))
        index = self.language_combo.findData(locale)
        if index >= 0 and index != self.language_combo.currentIndex():
            self.language_combo.blockSignals(True)
            self.language_combo.setCurrentIndex(index)
            self.language_combo.blockSignals(False)
        self.language_label.setText(self.tr("&Language:"))
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.setAccessibleDescription(
            self.tr("Shows the privacy policy and this window in another language")
        )


class ChangesPage(QWidget):
    """The page "What changed", shown first when the policy changed since the last agreement."""

    def __init__(
        self,
        policy: Policy,
        accepted_version: str | None,
        open_url: UrlOpener,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.policy = policy
        self.accepted_version = accepted_version
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = heading(self, 1.15, wrap=False)
        layout.addWidget(self.heading)
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)
        self.view.setOpenExternalLinks(False)
        self.view.anchorClicked.connect(open_url)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.continue_button = QPushButton(self)
        self.continue_button.setAutoDefault(False)
        row.addWidget(self.continue_button)
        layout.addLayout(row)

    def focus_widgets(self) -> list[QWidget]:
        """The page's controls in visual order."""
        return [self.view, self.continue_button]

    def retranslate(self, locale: str) -> None:
        self.heading.setText(self.tr("What changed"))
        self.view.setHtml(self.changes_html(locale))
        self.view.setAccessibleName(self.tr("What changed"))
        self.view.setAccessibleDescription(
            self.tr("Summary of the changes to the privacy policy since you last agreed")
        )
        self.continue_button.setText(self.tr("Continue to the full text"))
        self.continue_button.setAccessibleName(self.tr("Continue to the full text"))

    def changes_html(self, locale: str) -> str:
        """The accepted version, the revisions since then and this version's summary."""
        policy = self.policy
        accepted = self.accepted_version
        parts: list[str] = []
        if accepted:
            parts.append(
                "<p>"
                + html.escape(
                    self.tr(
                        "You agreed to the version effective {0}. The privacy policy has "
                        "changed since then, so NeWork asks for your consent again."
                    ).format(self._version_date(accepted, locale))
                )
                + "</p>"
            )
        revisions = policy.revisions_after(accepted) if accepted else ()
        if revisions:
            parts.append("<h3>" + html.escape(self.tr("Revisions since then")) + "</h3>")
            for revision in revisions:
                when = self.tr("Effective {0} (announced {1})").format(
                    format_day(revision.effective, locale), format_day(revision.announced, locale)
                )
                parts.append(
                    f"<p><b>{html.escape(when)}</b><br/>"
                    f"{html.escape(revision.summary.get(locale))}</p>"
                )
        parts.append("<h3>" + html.escape(self.tr("About this version")) + "</h3>")
        parts.append(f"<p>{html.escape(policy.change_summary.get(locale))}</p>")
        return "\n".join(parts)

    def _version_date(self, version: str, locale: str) -> str:
        """A version id (the ISO date it took effect) as a date in the current language."""
        for revision in self.policy.revisions:
            if revision.version == version:
                return format_day(revision.effective, locale)
        try:
            return format_day(date.fromisoformat(version), locale)
        except ValueError:
            return version


class SummaryPane(QScrollArea):
    """The pane "What we collect": the Art. 2 table and the modules, with their switches."""

    def __init__(self, policy: Policy, open_url: UrlOpener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Narrower than its table (a small screen, a large font): it scrolls, nothing is cut.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.heading = heading(body, 1.1, wrap=False)
        layout.addWidget(self.heading)
        self.intro = wrapping_label(body)
        layout.addWidget(self.intro)
        self.collect_table = CollectTable(body)
        layout.addWidget(self.collect_table)
        self.modules_heading = heading(body, 1.1, wrap=False)
        layout.addWidget(self.modules_heading)
        self.modules_intro = wrapping_label(body)
        layout.addWidget(self.modules_intro)
        self.module_cards: list[ModuleCard] = []
        # module id → its switch (only modules that may be switched off on the desktop)
        self.module_switches: dict[str, QCheckBox] = {}
        for module in policy.modules:
            card = ModuleCard(module, open_url, body, own_switch=False, tab_links=False)
            layout.addWidget(card)
            self.module_cards.append(card)
        layout.addStretch(1)
        self.setWidget(body)

    def attach_switches(self, switches: dict[str, QCheckBox]) -> None:
        """The switches shown next to "Agree": they are the cards' switches and the choices."""
        self.module_switches = dict(switches)
        for card in self.module_cards:
            card.switch = switches.get(card.module.id)

    def minimum_content_width(self) -> int:
        """The width the pane needs so that nothing in its table is cut."""
        body = self.widget()
        layout = body.layout() if body is not None else None
        margins = layout.contentsMargins() if layout is not None else None
        extra = (margins.left() + margins.right()) if margins is not None else 0
        bar = self.verticalScrollBar().sizeHint().width()
        return self.collect_table.minimum_width() + extra + bar + 2 * self.frameWidth()

    def link_entries(self, locale: str) -> list[tuple[str, str]]:
        """(label, url) of every module link, as the dialog's link menu lists them."""
        return [entry for card in self.module_cards for entry in card.link_entries(locale)]

    def module_choices(self) -> dict[str, bool]:
        """Module id → allowed, from the policy defaults and the switches."""
        choices = dict(self.policy.default_module_choices())
        for module_id, switch in self.module_switches.items():
            choices[module_id] = switch.isChecked()
        return choices

    def focus_widgets(self) -> list[QWidget]:
        """The pane's controls in visual order."""
        order: list[QWidget] = [self, self.collect_table]
        for card in self.module_cards:
            order += card.focus_widgets()
        return order

    def retranslate(self, locale: str) -> None:
        self.heading.setText(self.tr("What we collect"))
        self.intro.setText(
            self.tr(
                "A summary of Article 2. The full text is what you agree to; "
                "if the two differ, the full text applies."
            )
        )
        self.setAccessibleName(self.tr("What we collect"))
        self.setAccessibleDescription(
            self.tr("Summary of the information collected, and the collection modules")
        )
        self.collect_table.retranslate(self.policy, locale)
        self.collect_table.setMinimumWidth(self.collect_table.minimum_width())
        self.collect_table.setAccessibleName(self.tr("Information collected (Article 2)"))
        self.collect_table.setAccessibleDescription(
            self.tr("One row per purpose: information, purpose, how it is collected, plans")
        )
        self.modules_heading.setText(self.tr("Collection modules"))
        self.modules_intro.setText(
            self.tr(
                "Third-party programs that collect usage data (Article 2-2). Switch a module "
                "off below, next to Agree, to keep this app from sending anything to it."
            )
        )
        for card in self.module_cards:
            card.retranslate(locale)


class DocumentLinks(QWidget):
    """The row "Documents:", one button per policy link (Art. 8, Art. 10), opened in the browser."""

    def __init__(self, policy: Policy, open_url: UrlOpener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        row.addWidget(self.label)
        self.buttons: list[tuple[QPushButton, Link]] = []
        for link in policy.links:
            button = QPushButton(self)
            button.setAutoDefault(False)
            button.setToolTip(link.url)
            button.clicked.connect(lambda _=False, u=link.url: open_url(QUrl(u)))
            row.addWidget(button)
            self.buttons.append((button, link))
        row.addStretch(1)

    def retranslate(self, locale: str) -> None:
        self.label.setText(self.tr("Documents:"))
        short = {
            "company_privacy": self.tr("Company privacy policy"),
            "terms": self.tr("Terms of use"),
            "app_privacy": self.tr("This policy (latest, PDF)"),
            "contact": self.tr("Contact form"),
        }
        for button, link in self.buttons:
            label = link.label.get(locale)
            text = short.get(link.id, label)
            button.setText(text)
            button.setToolTip(f"{label}\n{link.url}")
            button.setAccessibleName(text)  # the visible label (WCAG 2.5.3)
            button.setAccessibleDescription(
                f"{label}. " + self.tr("Opens {0} in your web browser").format(link.url)
            )
