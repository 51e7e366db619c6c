"""The windows beside the main window: the privacy center and Settings (and the session's
deletion-request retrier, which both the center and the controller use).

:class:`Panels` opens each once (asking again raises the same window), keeps them in front of
the main window, hands their requests to the controller's callbacks, and closes them with the
main window.  The language chosen in Settings is saved here (``core.prefs.save_locale``, consent
being on record) and applied by the controller's callback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QWidget

from nework_desktop.services.session import Services

if TYPE_CHECKING:
    from nework_desktop.ui.privacy.center import PrivacyCenter
    from nework_desktop.ui.privacy.retrier import DeletionRetrier
    from nework_desktop.ui.settings import SettingsDialog

__all__ = ["Panels"]

log = logging.getLogger("nework.app")


def raise_window(window: QWidget) -> None:
    window.show()
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.raise_()
    window.activateWindow()


class Panels(QObject):
    """Privacy center, Settings and the deletion retrier of one session."""

    def __init__(
        self,
        services: Services,
        *,
        on_delete: Callable[[QWidget | None], None],
        on_withdraw: Callable[[], None],
        on_sign_out: Callable[[], None],
        on_language: Callable[[str], None],  # the language now in use
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._on_delete = on_delete
        self._on_withdraw = on_withdraw
        self._on_sign_out = on_sign_out
        self._on_language = on_language
        self.privacy_center: PrivacyCenter | None = None
        self.settings: SettingsDialog | None = None
        self.deletion_retrier: DeletionRetrier | None = None

    def deletions(self) -> DeletionRetrier | None:
        """The one deletion-request retrier of the session (None without an account)."""
        from nework_desktop.services.deletion import DeletionRequests
        from nework_desktop.ui.privacy.retrier import DeletionRetrier  # not the center yet

        account = self.services.account
        if self.deletion_retrier is None and account is not None:
            requests = DeletionRequests(
                self.services.paths, lambda: account.client, account=account
            )
            self.deletion_retrier = DeletionRetrier(requests, parent=self)
        return self.deletion_retrier

    def open_privacy_center(self, window: QWidget, locale: str) -> PrivacyCenter:
        """Privacy → Privacy center…: one window, raised, at the consent page."""
        from nework_desktop.ui.privacy.center import PrivacyCenter

        center = self.privacy_center
        if center is None:
            center = PrivacyCenter(self.services, locale, deletions=self.deletions(), parent=window)
            # The confirmation opens over the center, which stays in front.
            center.delete_requested.connect(lambda: self._on_delete(self.privacy_center))
            center.withdraw_requested.connect(self._on_withdraw)
            self.privacy_center = center
        else:
            center.refresh()
        center.show_page("consent")
        raise_window(center)
        return center

    def open_settings(self, window: QWidget, locale: str) -> SettingsDialog:
        """File → Settings…: one window, raised."""
        from nework_desktop.core.prefs import Preferences
        from nework_desktop.ui.settings import SettingsDialog

        dialog = self.settings
        if dialog is None:
            saved = Preferences.load(self.services.paths).locale
            dialog = SettingsDialog(self.services, locale, saved_locale=saved, parent=window)
            dialog.language_chosen.connect(self.choose_language)
            dialog.choices_changed.connect(self._choices_changed)
            dialog.sign_out_requested.connect(self._on_sign_out)
            dialog.finished.connect(self._settings_closed)
            self.settings = dialog
        else:
            dialog.refresh()
        raise_window(dialog)
        return dialog

    def choose_language(self, code: str) -> None:
        """Settings' language: kept for the next start, applied now ("" = the system's).

        One translator for the app: every window re-translates itself on the LanguageChange
        that installing it sends; the controller is told the language in use.
        """
        from nework_desktop.core.prefs import save_locale
        from nework_desktop.ui.i18n import install_translator, normalize_locale, system_locale

        try:
            save_locale(self.services.paths, code or None)
        except OSError as exc:  # applied anyway, only not remembered
            log.warning("the language could not be saved: %s", exc)
        locale = normalize_locale(code) if code else system_locale()
        app = QCoreApplication.instance()
        if app is not None:
            install_translator(app, locale)
        log.info("UI language: %s", locale)
        self._on_language(locale)

    def _choices_changed(self, modules: dict[str, bool]) -> None:
        if self.privacy_center is not None:
            self.privacy_center.refresh()

    def _settings_closed(self, _result: int) -> None:
        dialog, self.settings = self.settings, None
        if dialog is not None:
            dialog.deleteLater()

    def close_privacy_center(self) -> None:
        """Close the center (after its work); it opens again with what is current."""
        center, self.privacy_center = self.privacy_center, None
        if center is not None:
            center.close()
            center.shutdown()
            center.deleteLater()

    def close(self) -> None:
        """With the main window: the center, Settings, the retries."""
        self.close_privacy_center()
        dialog, self.settings = self.settings, None
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
        if self.deletion_retrier is not None:
            self.deletion_retrier.stop()
