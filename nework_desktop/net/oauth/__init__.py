"""OAuth 2.0 / OpenID Connect sign-in as a native app should do it (RFC 8252, RFC 7636).

The package: :mod:`.providers` (the table and this run's configuration), :mod:`.endpoints`
(the table's endpoints or the provider's discovery document), :mod:`.flow` (one sign-in),
:mod:`.listener` (the loopback redirect), :mod:`.idtoken` (PKCE and the ID token's claim rules),
:mod:`.jose` (signatures and keys, with ``joserfc``), :mod:`.errors` (which name the provider).

The flow (:class:`OAuthFlow`)
-----------------------------
1. the provider's endpoints come from :data:`PROVIDERS` (or from its discovery document when the
   issuer is overridden for development);
2. a loopback listener (:class:`.listener.LoopbackListener`, imported only when a flow starts)
   opens on ``127.0.0.1`` port 0, only for this flow, and the redirect URI is
   ``http://127.0.0.1:<port>/callback`` (RFC 8252 §7.3: an IP literal, not ``localhost``);
3. the system browser opens the authorization URL with PKCE S256 (RFC 7636), a fresh ``state``
   and a fresh ``nonce``;
4. the listener serves exactly one callback (GET, or POST for ``form_post``): a wrong ``state``
   gets 400 and ends the flow; RFC 9207's ``iss`` is checked when the provider supports it;
   the listener gives up after a timeout or when cancelled;
5. the code is exchanged at the token endpoint together with the PKCE verifier;
6. the ID token is validated: signature (with ``joserfc``: RS256, PS256 or ES256 as the provider
   advertises, against its JWKS, picked by ``kid``, refetched once when the ``kid`` is unknown;
   HS256 only with a configured client secret), then the app's own, stricter claim rules:
   issuer exactly, audience (and ``azp``), expiry and issue time with a bounded leeway, nonce;
7. an ID token without ``email``: the e-mail comes from the userinfo endpoint.

Only the validated ID token (and the e-mail) leave this module (the token is exchanged for a
NeWork session by :class:`~nework_desktop.services.account.AccountManager`); the provider's own
access and refresh tokens are dropped at once, so they are never stored.

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

Import from the modules themselves (``net.oauth.flow``, ``.providers``, ``.errors`` …): this
package imports nothing, so that building the account (which names providers) does not load the
flow, the discovery and the ID token checks before a sign-in starts (issue 15).
"""
