"""OAuth 2.0 / OpenID Connect sign-in as a native app should do it (RFC 8252, RFC 7636).

The package: :mod:`.providers` (the table and this run's configuration), :mod:`.flow` (one
sign-in), :mod:`.listener` (the loopback redirect), :mod:`.idtoken` (PKCE and ID token checks),
:mod:`.errors`.

The flow (:class:`OAuthFlow`)
-----------------------------
1. the provider's endpoints come from :data:`PROVIDERS` (or from its discovery document when the
   issuer is overridden for development);
2. a loopback listener (:class:`LoopbackListener`) opens on ``127.0.0.1`` port 0, only for this
   flow, and the redirect URI is ``http://127.0.0.1:<port>/callback`` (RFC 8252 §7.3: an IP
   literal, not ``localhost``);
3. the system browser opens the authorization URL with PKCE S256 (RFC 7636), a fresh ``state``
   and a fresh ``nonce``;
4. the listener serves exactly one callback with the right ``state`` (a request with a wrong
   ``state`` gets 400 and is otherwise ignored, so a stray page cannot end the flow), then closes;
   it gives up after a timeout or when cancelled;
5. the code is exchanged at the token endpoint together with the PKCE verifier;
6. the ID token is validated: signature (RS256 against the provider's JWKS, verified here with
   the standard library -- see :func:`verify_rs256`; HS256 only with a configured client secret),
   issuer, audience (and ``azp``), expiry, issue time and nonce.

Only the validated ID token leaves this module (it is exchanged for a NeWork session by
:class:`~nework_desktop.services.account.AccountManager`); the provider's own access and refresh
tokens are dropped at once: the app has no use for them, so they are never stored.

Providers and configuration
---------------------------
Client ids: preferences (``oauth_client_ids``) or ``NEWORK_OAUTH_<PROVIDER>_CLIENT_ID`` (e.g.
``NEWORK_OAUTH_GOOGLE_CLIENT_ID``); optional ``NEWORK_OAUTH_<PROVIDER>_CLIENT_SECRET`` for
providers that hand "desktop" clients a non-confidential secret (Google).  A provider without a
client id is *unavailable* (shown disabled with the reason), not broken.

Development: ``NEWORK_OAUTH_ISSUER_OVERRIDE=<url>`` points every provider at one OpenID provider
(the reference provider of the tests and the QA tool) through its discovery document; providers then
default to the client id :data:`DEV_CLIENT_ID`.  ``NEWORK_OAUTH_<PROVIDER>_ISSUER`` does the same
for one provider.
"""

from nework_desktop.net.oauth.errors import (
    IdTokenError,
    OAuthCancelled,
    OAuthError,
    OAuthTimeout,
    ProviderDeniedError,
    ProviderUnavailable,
)
from nework_desktop.net.oauth.flow import (
    DEFAULT_FLOW_TIMEOUT,
    Endpoints,
    OAuthFlow,
    OAuthResult,
    discover,
)
from nework_desktop.net.oauth.idtoken import (
    CLOCK_LEEWAY,
    Pkce,
    b64url,
    decode_jwt,
    pkce_challenge,
    validate_id_token,
    verify_rs256,
)
from nework_desktop.net.oauth.listener import CALLBACK_PATH, Callback, LoopbackListener
from nework_desktop.net.oauth.providers import (
    DEV_CLIENT_ID,
    ENV_ISSUER_OVERRIDE,
    PROVIDERS,
    UNAVAILABLE_NO_CLIENT_ID,
    UNAVAILABLE_NO_ENDPOINTS,
    Provider,
    ProviderSpec,
    load_providers,
    provider_hosts,
)

__all__ = [
    "CALLBACK_PATH",
    "CLOCK_LEEWAY",
    "DEFAULT_FLOW_TIMEOUT",
    "DEV_CLIENT_ID",
    "ENV_ISSUER_OVERRIDE",
    "PROVIDERS",
    "UNAVAILABLE_NO_CLIENT_ID",
    "UNAVAILABLE_NO_ENDPOINTS",
    "Callback",
    "Endpoints",
    "IdTokenError",
    "LoopbackListener",
    "OAuthCancelled",
    "OAuthError",
    "OAuthFlow",
    "OAuthResult",
    "OAuthTimeout",
    "Pkce",
    "Provider",
    "ProviderDeniedError",
    "ProviderSpec",
    "ProviderUnavailable",
    "b64url",
    "decode_jwt",
    "discover",
    "load_providers",
    "pkce_challenge",
    "provider_hosts",
    "validate_id_token",
    "verify_rs256",
]
