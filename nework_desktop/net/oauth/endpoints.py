"""Where a provider's endpoints are, and what it supports: its table entry or its discovery.

:func:`discover` reads ``<issuer>/.well-known/openid-configuration`` (OpenID Connect Discovery
1.0): a trailing ``/`` of the issuer is dropped before the path is appended (§4), and the
document's ``issuer`` must be the configured issuer *exactly*, slash included (§4.3).  What it
says is checked before the browser opens: https endpoints (http on loopback only), PKCE S256,
the response mode the provider's table entry needs, and at least one ID token algorithm the app
accepts -- a provider that fails these is misconfigured (:class:`ProviderMisconfigured`), which
no retry can fix.
"""

from __future__ import annotations

from dataclasses import dataclass

from nework_desktop.net.errors import ServiceError
from nework_desktop.net.http import Fields, HttpClient, check_url
from nework_desktop.net.oauth.errors import (
    STAGE_DISCOVERY,
    ProviderBadReply,
    ProviderMisconfigured,
    provider_failure,
)
from nework_desktop.net.oauth.providers import ProviderSpec

WELL_KNOWN = "/.well-known/openid-configuration"
#: Discovery's default ``response_modes_supported`` (§3).
DEFAULT_RESPONSE_MODES = ("query", "fragment")


@dataclass(frozen=True)
class Endpoints:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    #: "" when the provider has none.
    userinfo_endpoint: str = ""
    #: ID token algorithms the provider uses; None: it says nothing (OpenID's default RS256).
    algorithms: tuple[str, ...] | None = None
    #: RFC 9207: the redirect carries ``iss``, which must then be checked.
    iss_parameter: bool = False
    response_modes: tuple[str, ...] = DEFAULT_RESPONSE_MODES

    @classmethod
    def from_spec(cls, spec: ProviderSpec) -> Endpoints:
        """A provider the app knows (no discovery)."""
        assert spec.authorization_endpoint and spec.token_endpoint and spec.jwks_uri
        modes = (spec.response_mode,) if spec.response_mode else DEFAULT_RESPONSE_MODES
        return cls(
            spec.issuer or spec.issuer_template or "",
            spec.authorization_endpoint,
            spec.token_endpoint,
            spec.jwks_uri,
            spec.userinfo_endpoint or "",
            spec.algorithms,
            spec.iss_parameter,
            modes,
        )


def discovery_url(issuer: str) -> str:
    return issuer.rstrip("/") + WELL_KNOWN


def _misconfigured(spec: ProviderSpec, why: str) -> ProviderMisconfigured:
    return ProviderMisconfigured(why, provider=spec.display_name, stage=STAGE_DISCOVERY)


def _read(reply: Fields, issuer: str) -> Endpoints:
    def optional_list(name: str) -> tuple[str, ...] | None:
        return tuple(reply.text_list(name)) if name in reply.data else None

    iss_flag = reply.data.get("authorization_response_iss_parameter_supported")
    return Endpoints(
        issuer=issuer,
        authorization_endpoint=reply.text("authorization_endpoint", max_len=2048),
        token_endpoint=reply.text("token_endpoint", max_len=2048),
        jwks_uri=reply.text("jwks_uri", max_len=2048),
        userinfo_endpoint=reply.text("userinfo_endpoint", max_len=2048, required=False),
        algorithms=optional_list("id_token_signing_alg_values_supported"),
        iss_parameter=iss_flag is True,
        response_modes=optional_list("response_modes_supported") or DEFAULT_RESPONSE_MODES,
    )


def discover(http: HttpClient, issuer: str, spec: ProviderSpec | None = None) -> Endpoints:
    """Read and check the provider's discovery document (see the module docstring)."""
    spec = spec or ProviderSpec("", "", issuer, None, None, None)
    name = spec.display_name
    try:
        reply = http.request("GET", discovery_url(issuer)).json("provider configuration")
        if reply.text("issuer", max_len=2048) != issuer:
            raise ProviderBadReply(
                "the provider configuration names another issuer",
                provider=name,
                stage=STAGE_DISCOVERY,
                retry_helps=False,
            )
        endpoints = _read(reply, issuer)
        methods = reply.text_list("code_challenge_methods_supported", required=False)
        for url in (endpoints.authorization_endpoint, endpoints.token_endpoint, endpoints.jwks_uri):
            check_url(url)
        if endpoints.userinfo_endpoint:
            check_url(endpoints.userinfo_endpoint)
    except ServiceError as exc:
        raise provider_failure(exc, provider=name, stage=STAGE_DISCOVERY) from None
    if methods and "S256" not in methods:
        raise _misconfigured(spec, "the provider does not support PKCE S256")
    if spec.response_mode and spec.response_mode not in endpoints.response_modes:
        raise _misconfigured(
            spec, f"the provider does not offer response_mode={spec.response_mode}"
        )
    return endpoints
