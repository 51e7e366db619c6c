"""The privacy center's "Policies and contact" page: the Art. 8 documents and the Art. 10 form.

One button per link of the policy; each opens in the system browser, https only.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget

from nework_desktop.ui.privacy.pages.base import Page
from nework_desktop.ui.widgets import heading, wrapping_label

__all__ = ["LinksPage"]


class LinksPage(Page):
    """The page "Policies and contact": the policy's documents and the inquiry form."""

    def build(self, body: QWidget, layout: QVBoxLayout) -> None:
        self.links_heading = heading(body)
        self.links_intro = wrapping_label(body)
        layout.addWidget(self.links_heading)
        layout.addWidget(self.links_intro)
        self.link_buttons: list[tuple[QPushButton, str]] = []
        for link in self.policy.links:
            button = QPushButton(body)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, url=link.url: self.open_link(url))
            layout.addWidget(button)
            self.link_buttons.append((button, link.url))

    def title(self) -> str:
        return self.tr("Policies and contact")

    def retranslate(self) -> None:
        self.links_heading.setText(self.tr("Policies and contact"))
        self.links_intro.setText(
            self.tr(
                "These pages open in your web browser. For questions about how your "
                "information is handled, use the inquiry form (Article 10)."
            )
        )
        for (button, url), link in zip(self.link_buttons, self.policy.links, strict=True):
            label = link.label.get(self.ui_locale)
            button.setText(label)
            button.setToolTip(url)
            button.setAccessibleName(label)
            button.setAccessibleDescription(
                self.tr("Opens {url} in your web browser").format(url=url)
            )
