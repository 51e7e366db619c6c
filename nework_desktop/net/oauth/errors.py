"""How a provider sign-in can fail (each a :class:`~nework_desktop.net.errors.ServiceError`)."""

from __future__ import annotations

from nework_desktop.net.errors import ServiceError


class OAuthError(ServiceError):
    default_message = "Signing in with the provider did not work."


class OAuthCancelled(OAuthError):
    default_message = "Sign-in was cancelled."


class OAuthTimeout(OAuthError):
    default_message = "No answer came from the browser in time."


class ProviderDeniedError(OAuthError):
    default_message = "The provider did not allow the sign-in."


class IdTokenError(OAuthError):
    default_message = "The provider's answer could not be verified."


class ProviderUnavailable(OAuthError):
    default_message = "This sign-in provider is not available."
