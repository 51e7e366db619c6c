"""Help → About NeWork: version, copyright, the policy's documents and the licence notices.

The links are the policy's own (Art. 8 and Art. 10: the privacy policies, the terms of use,
the inquiry form) and open in the system browser, https only, a failure said in words
(:func:`nework_desktop.ui.links.open_link`).  The licence notices come from
:func:`nework_desktop.core.notices.third_party_notices` (the bundled file of a release build,
else the installed packages).  Nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nework_desktop import __version__
from nework_desktop.core.notices import third_party_notices
from nework_desktop.core.policy import Policy
from nework_desktop.ui.links import LinkDialog
from nework_desktop.ui.look import app_icon
from nework_desktop.ui.widgets import bold_font, heading, wrapping_label

__all__ = ["ABOUT_LINKS", "AboutDialog"]

#: The policy links About offers, in this order.
ABOUT_LINKS = ("app_privacy", "company_privacy", "terms", "contact")


class AboutDialog(LinkDialog):
    """Version, copyright, documents, licence notices."""

    def __init__(
        self,
        policy: Policy,
        locale: str,
        *,
        opener: Callable[[QUrl], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(policy, opener=opener, parent=parent)
        self.ui_locale = locale
        self.resize(600, 560)
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.icon_label = QLabel(self)
        self.icon_label.setPixmap(app_icon().pixmap(64, 64))
        top.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        names = QVBoxLayout()
        self.name_label = heading(self, 1.5, wrap=False)
        self.version_label = QLabel(self)
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copyright_label = wrapping_label(self)
        self.summary_label = wrapping_label(self)
        for label in (self.name_label, self.version_label, self.copyright_label):
            names.addWidget(label)
        top.addLayout(names, 1)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)

        self.links_label = QLabel(self)
        self.links_label.setFont(bold_font(self.links_label.font()))
        layout.addWidget(self.links_label)
        grid = QGridLayout()
        self.link_buttons: list[tuple[QPushButton, str]] = []
        by_id = {link.id: link for link in policy.links}
        for link_id in ABOUT_LINKS:
            link = by_id.get(link_id)
            if link is None:
                continue
            button = QPushButton(self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, u=link.url: self.open_url(u))
            count = len(self.link_buttons)
            grid.addWidget(button, count // 2, count % 2)
            self.link_buttons.append((button, link.id))
        layout.addLayout(grid)

        self.notices_label = QLabel(self)
        self.notices_label.setFont(bold_font(self.notices_label.font()))
        layout.addWidget(self.notices_label)
        self.notices = QPlainTextEdit(self)
        self.notices.setReadOnly(True)
        self.notices.setTabChangesFocus(True)
        self.notices.setPlainText(third_party_notices())
        self.notices_label.setBuddy(self.notices)
        layout.addWidget(self.notices, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        locale = self.ui_locale
        self.setWindowTitle(self.tr("About NeWork"))
        self.name_label.setText(self.tr("NeWork Desktop"))
        self.version_label.setText(self.tr("Version {version}").format(version=__version__))
        self.copyright_label.setText(
            self.tr("© {company}. All rights reserved.").format(
                company=self.policy.company.get(locale)
            )
        )
        self.summary_label.setText(
            self.tr(
                "The desktop app of NeWork, the video-communication service of NTT "
                "Communications. It keeps the promises of its privacy policy in code."
            )
        )
        self.links_label.setText(self.tr("Documents"))
        by_id = {link.id: link for link in self.policy.links}
        for button, link_id in self.link_buttons:
            link = by_id[link_id]
            label = link.label.get(locale)
            button.setText(label)
            button.setToolTip(link.url)
            button.setAccessibleName(label)
            button.setAccessibleDescription(
                self.tr("Opens {url} in your web browser").format(url=link.url)
            )
        self.notices_label.setText(self.tr("&Licence notices"))
        self.notices.setAccessibleName(self.tr("Licence notices"))
        self.notices.setAccessibleDescription(
            self.tr("The open-source software NeWork Desktop is built from, and its licences")
        )
