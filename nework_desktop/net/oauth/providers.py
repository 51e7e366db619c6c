"""The sign-in providers (Art. 3): what the app knows of each, and how this run configures them.

Client ids: preferences (``oauth_client_ids``) or ``NEWORK_OAUTH_<PROVIDER>_CLIENT_ID`` (e.g.
``NEWORK_OAUTH_GOOGLE_CLIENT_ID``); optional ``NEWORK_OAUTH_<PROVIDER>_CLIENT_SECRET`` for
providers that hand "desktop" clients a non-confidential secret (Google).  A provider without a
client id is *unavailable* (shown disabled with the reason), not broken.

Development: ``NEWORK_OAUTH_ISSUER_OVERRIDE=<url>`` points every provider at one OpenID provider
(the reference provider) through its discovery document; providers then default to the client id
:data:`DEV_CLIENT_ID`.  ``NEWORK_OAUTH_<PROVIDER>_ISSUER`` does the same for one provider.  The
issuer is used exactly as given (a trailing slash is part of it: Discovery §4.3 compares it
character for character).  The override changes only *where* the requests go: each provider's
own behaviour -- its scopes, ``response_mode`` (Apple's ``form_post``), its extra parameters
(Microsoft's ``prompt``) -- comes from :data:`PROVIDERS` either way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from nework_desktop.core import env

ENV_ISSUER_OVERRIDE = env.ISSUER_OVERRIDE
DEV_CLIENT_ID = "nework-desktop-dev"


@dataclass(frozen=True)
class ProviderSpec:
    """What the app knows about a provider.  Brand names are not translated."""

    id: str
    display_name: str
    issuer: str | None
    authorization_endpoint: str | None
    token_endpoint: str | None
    jwks_uri: str | None
    scopes: tuple[str, ...] = ("openid", "email")
    #: For multi-tenant issuers: ``{tenantid}`` is replaced by the token's ``tid`` claim.
    issuer_template: str | None = None
    response_mode: str | None = None
    extra_params: tuple[tuple[str, str], ...] = ()
    note: str = ""
    #: Where the e-mail comes from when the ID token has none (OpenID Core §5.3).
    userinfo_endpoint: str | None = None
    #: ID token algorithms the provider uses (None: as its discovery document advertises).
    algorithms: tuple[str, ...] | None = ("RS256",)
    #: The provider sends RFC 9207's ``iss`` on the redirect (discovery can also say so).
    iss_parameter: bool = False


PROVIDERS: tuple[ProviderSpec, ...] = (
    ProviderSpec(
        id="google",
        display_name="Google",
        issuer="https://accounts.google.com",
        authorization_endpoint="https://accounts.google.com/o/oauth2/v2/auth",
        token_endpoint="https://oauth2.googleapis.com/token",
        jwks_uri="https://www.googleapis.com/oauth2/v3/certs",
        userinfo_endpoint="https://openidconnect.googleapis.com/v1/userinfo",
        scopes=("openid", "email"),
        note="desktop client: loopback redirect on 127.0.0.1; the client secret is not secret",
    ),
    ProviderSpec(
        id="docomo_business",
        display_name="ビジネスdアカウント",
        # The OpenID endpoints of business d account are not public knowledge to this project:
        # configure them with NEWORK_OAUTH_DOCOMO_BUSINESS_ISSUER (discovery) once known.
        issuer=None,
        authorization_endpoint=None,
        token_endpoint=None,
        jwks_uri=None,
        scopes=("openid", "email"),
        algorithms=None,
        note="endpoints to be provided by the business d account programme",
    ),
    ProviderSpec(
        id="apple",
        display_name="Apple",
        issuer="https://appleid.apple.com",
        authorization_endpoint="https://appleid.apple.com/auth/authorize",
        token_endpoint="https://appleid.apple.com/auth/token",
        jwks_uri="https://appleid.apple.com/auth/keys",
        scopes=("openid", "email"),
        response_mode="form_post",
        note=(
            "Sign in with Apple accepts only registered https redirect URIs and a client secret "
            "signed by the developer key: in production the service must broker this flow"
        ),
    ),
    ProviderSpec(
        id="microsoft",
        display_name="Microsoft",
        issuer=None,
        issuer_template="https://login.microsoftonline.com/{tenantid}/v2.0",
        authorization_endpoint="https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
        token_endpoint="https://login.microsoftonline.com/common/oauth2/v2.0/token",
        jwks_uri="https://login.microsoftonline.com/common/discovery/v2.0/keys",
        userinfo_endpoint="https://graph.microsoft.com/oidc/userinfo",
        scopes=("openid", "email", "profile"),
        extra_params=(("prompt", "select_account"),),
    ),
)

UNAVAILABLE_NO_CLIENT_ID = "no_client_id"
UNAVAILABLE_NO_ENDPOINTS = "no_endpoints"


@dataclass(frozen=True)
class Provider:
    """A provider as configured for this run."""

    spec: ProviderSpec
    client_id: str | None
    client_secret: str | None = field(default=None, repr=False)
    #: Fetch endpoints from ``<issuer>/.well-known/openid-configuration`` (overridden issuer).
    discover: bool = False

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def display_name(self) -> str:
        return self.spec.display_name

    @property
    def unavailable_reason(self) -> str:
        """ "" when usable, else :data:`UNAVAILABLE_NO_CLIENT_ID` / ``…_NO_ENDPOINTS``."""
        if not self.discover and not (
            (self.spec.issuer or self.spec.issuer_template)
            and self.spec.authorization_endpoint
            and self.spec.token_endpoint
            and self.spec.jwks_uri
        ):
            return UNAVAILABLE_NO_ENDPOINTS
        if not self.client_id:
            return UNAVAILABLE_NO_CLIENT_ID
        return ""

    @property
    def available(self) -> bool:
        return not self.unavailable_reason


def provider_hosts(providers: Iterable[Provider]) -> list[str]:
    """Host names the app itself contacts for these providers (token exchange, keys, discovery).

    The authorization page opens in the system browser, not through the app.
    """
    hosts: set[str] = set()
    for provider in providers:
        spec = provider.spec
        for url in (spec.issuer, spec.token_endpoint, spec.jwks_uri, spec.userinfo_endpoint):
            host = urlsplit(url).hostname if url else None
            if host and "{" not in host:
                hosts.add(host.lower())
    return sorted(hosts)


def load_providers(
    client_ids: Mapping[str, str] | None = None, environ: Mapping[str, str] | None = None
) -> list[Provider]:
    """The providers table resolved against the stored client ids and the environment.

    ``client_ids`` are the ones the preferences hold (provider id → client id);
    ``NEWORK_OAUTH_<PROVIDER>_CLIENT_ID`` wins over them (:mod:`nework_desktop.core.env`).
    """
    stored = client_ids or {}
    override = env.get(env.ISSUER_OVERRIDE, environ).strip()
    out: list[Provider] = []
    for base in PROVIDERS:
        spec = base
        client_id = env.oauth(spec.id, "CLIENT_ID", environ) or stored.get(spec.id) or None
        secret = env.oauth(spec.id, "CLIENT_SECRET", environ) or None
        issuer = override or env.oauth(spec.id, "ISSUER", environ).strip()
        if issuer:
            # Only where the requests go changes: the provider's parameters stay its own.
            spec = replace(
                spec,
                issuer=issuer,
                issuer_template=None,
                authorization_endpoint=None,
                token_endpoint=None,
                jwks_uri=None,
                userinfo_endpoint=None,
                algorithms=None,
                iss_parameter=False,
            )
            if override and not client_id:
                client_id = DEV_CLIENT_ID
        out.append(Provider(spec, client_id, secret, discover=bool(issuer)))
    return out
