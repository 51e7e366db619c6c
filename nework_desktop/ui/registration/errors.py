"""What the registration dialog says when a sign-in *provider* failed (not the NeWork service).

Each sentence names the provider and says what to do; "try again" only where a retry can work
(:attr:`~nework_desktop.net.oauth.errors.OAuthError.retry_helps`): a refused signing algorithm or
a provider not set up for NeWork asks for another way to register instead.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from nework_desktop.net.errors import BlockedError, OfflineError, ServerError, TLSError
from nework_desktop.net.oauth.errors import AlgorithmRefused, ProviderError

__all__ = ["ProviderErrorTexts"]


class ProviderErrorTexts(QObject):
    """The user-facing sentence for a provider's failure (translated in this class's context)."""

    def text(self, exc: BaseException, provider: str) -> str:
        """The sentence for ``exc``, or "" when it is not a provider's failure."""
        if isinstance(exc, ProviderError):
            provider = exc.provider or provider
        return self._sentence(exc).format(provider=provider)

    def _sentence(self, exc: BaseException) -> str:
        if isinstance(exc, AlgorithmRefused):
            return self.tr(
                "{provider} signs its answer in a way NeWork does not accept, so this sign-in "
                "cannot work. Register with your e-mail address or another provider."
            )
        if not isinstance(exc, ProviderError):
            return ""
        if not exc.retry_helps:
            if isinstance(exc, BlockedError):
                return self.tr(
                    "NeWork's settings do not allow contacting {provider}. Register with your "
                    "e-mail address or another provider."
                )
            return self.tr(
                "{provider} is not set up for NeWork right now, so this sign-in cannot work. "
                "Register with your e-mail address or another provider."
            )
        by_kind: tuple[tuple[type[Exception], str], ...] = (
            (
                OfflineError,
                self.tr(
                    "NeWork cannot reach {provider}. Check the internet connection and try again."
                ),
            ),
            (
                TLSError,
                self.tr(
                    "A secure connection to {provider} could not be made. Check the network (a "
                    "proxy or a wrong clock can cause this)."
                ),
            ),
            (
                ServerError,
                self.tr(
                    "{provider} has a problem right now. Please try again later, or register "
                    "with your e-mail address."
                ),
            ),
        )
        for kind, sentence in by_kind:
            if isinstance(exc, kind):
                return sentence
        return self.tr("{provider} did not complete the sign-in. Please try again.")
