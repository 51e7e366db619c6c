"""The reference OpenID provider: discovery, authorize, token, userinfo and the key set.

``/.well-known/openid-configuration``  the discovery document (issuer = the service's URL)
``/oauth/authorize``                   auto-approves the configured test user and redirects to
                                       the *loopback* ``redirect_uri`` with ``code``, ``state``
                                       and ``iss`` (RFC 9207) -- or, for
                                       ``response_mode=form_post``, answers the page that posts
                                       them there
``/oauth/token``                       authorization code + PKCE S256 → access token + ID token
``/oauth/userinfo``                    Bearer (a provider access token) → {sub, email}
``/oauth/jwks``                        the public key (:func:`~.keys.public_jwk`)

ID tokens are RS256-signed with the per-process key (:mod:`nework_desktop.qa.refservice.keys`,
``cryptography`` and ``joserfc``);
:class:`~nework_desktop.qa.refservice.state.Faults` can spoil them (claims, header, signature),
the redirect (error, state) or the PKCE check.
"""

from __future__ import annotations

import base64
import hmac
import html
from typing import Final
from urllib.parse import urlencode, urlsplit

from nework_desktop.core.digest import sha256
from nework_desktop.core.urls import split_url
from nework_desktop.qa.refservice.keys import public_jwk, sign_jwt, spoil_signature
from nework_desktop.qa.refservice.protocol import (
    HTML_TYPE,
    Json,
    JsonRoutes,
    RawRoutes,
    Reply,
    Request,
    err,
)
from nework_desktop.qa.refservice.state import AuthCode, ServiceState, TestUser

Answer = tuple[int, Json]


def is_loopback_redirect(uri: str) -> bool:
    """RFC 8252 §7.3: http on a loopback IP (any port); ``localhost`` tolerated."""
    parts = split_url(uri)
    return (
        parts is not None
        and parts.scheme == "http"
        and parts.hostname in ("127.0.0.1", "::1", "localhost")
        and not parts.fragment
    )


def id_token(svc: ServiceState, client_id: str, nonce: str, user: TestUser) -> str:
    """A signed ID token for ``user`` (with the faults' changes); recorded in ``svc.issued``."""
    now = int(svc.now())
    claims: Json = {
        "iss": svc.issuer,
        "sub": user.sub,
        "aud": client_id,
        "iat": now,
        "exp": now + 600,
        "auth_time": now,
        "nonce": nonce,
        "email": user.email,
        "email_verified": True,
    }
    claims.update(svc.faults.id_token_claims)
    token = sign_jwt(claims, svc.key, svc.faults.id_token_header)
    if svc.faults.bad_signature:
        token = spoil_signature(token)
    svc.issued.append(token)
    return token


def discovery(svc: ServiceState, req: Request) -> Answer:
    base = svc.issuer
    return 200, {
        "issuer": base,
        "authorization_endpoint": f"{base}/oauth/authorize",
        "token_endpoint": f"{base}/oauth/token",
        "userinfo_endpoint": f"{base}/oauth/userinfo",
        "jwks_uri": f"{base}/oauth/jwks",
        "response_types_supported": ["code"],
        "response_modes_supported": ["query", "form_post"],
        "authorization_response_iss_parameter_supported": True,
        "grant_types_supported": ["authorization_code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "code_challenge_methods_supported": ["S256"],
        "scopes_supported": ["openid", "email", "profile"],
        "token_endpoint_auth_methods_supported": ["none"],
        "claims_supported": ["iss", "sub", "aud", "exp", "iat", "nonce", "email"],
    }


def jwks(svc: ServiceState, req: Request) -> Answer:
    return 200, {"keys": [public_jwk(svc.key)]}


def authorize(svc: ServiceState, req: Request) -> Reply:
    params = req.params()
    redirect_uri = params.get("redirect_uri", "")
    if not is_loopback_redirect(redirect_uri):
        # Never redirect to an address that is not a registered (here: loopback) one.
        return 400, b"<h1>Invalid redirect_uri</h1>", dict(HTML_TYPE)
    state = params.get("state", "")
    problems = [
        name
        for name, ok in (
            ("response_type", params.get("response_type") == "code"),
            ("client_id", bool(params.get("client_id"))),
            ("code_challenge_method", params.get("code_challenge_method") == "S256"),
            ("code_challenge", len(params.get("code_challenge", "")) >= 43),
            ("nonce", bool(params.get("nonce"))),
            ("scope", "openid" in params.get("scope", "").split()),
        )
        if not ok
    ]
    with svc.lock:
        if svc.faults.authorize_state is not None:
            state = svc.faults.authorize_state
        if problems:
            answer = {"error": "invalid_request", "error_description": ",".join(problems)}
        elif svc.faults.authorize_error:
            answer = {"error": svc.faults.authorize_error}
        else:
            code = svc._secret("pc_")
            svc.auth_codes[code] = AuthCode(
                params["client_id"],
                redirect_uri,
                params["code_challenge"],
                params["nonce"],
                svc.now() + 60,
                svc.user,
            )
            answer = {"code": code}
    iss = svc.faults.authorize_iss if svc.faults.authorize_iss is not None else svc.issuer
    answer = {**answer, "state": state, "iss": iss}
    if params.get("response_mode") == "form_post":
        return 200, form_post_page(redirect_uri, answer), dict(HTML_TYPE)
    sep = "&" if urlsplit(redirect_uri).query else "?"
    return 302, b"", {"Location": f"{redirect_uri}{sep}{urlencode(answer)}"}


def form_post_page(action: str, fields: dict[str, str]) -> bytes:
    """OAuth 2.0 Form Post Response Mode: a page whose form posts ``fields`` to ``action``."""
    inputs = "".join(
        f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
        for k, v in fields.items()
    )
    page = (
        "<!doctype html><html><head><title>Submit</title></head>"
        '<body onload="document.forms[0].submit()">'
        f'<form method="post" action="{html.escape(action)}">{inputs}'
        '<noscript><button type="submit">Continue</button></noscript></form></body></html>'
    )
    return page.encode("utf-8")


def token(svc: ServiceState, req: Request) -> Answer:
    form = req.form()
    if form.get("grant_type") != "authorization_code":
        return 400, err("unsupported_grant_type")
    grant = svc.auth_codes.pop(form.get("code", ""), None)  # single use
    if grant is None or grant.expires_at < svc.now():
        return 400, err("invalid_grant", "unknown or expired code")
    if form.get("redirect_uri") != grant.redirect_uri or form.get("client_id") != grant.client_id:
        return 400, err("invalid_grant", "redirect_uri or client_id mismatch")
    verifier = form.get("code_verifier", "")
    if verifier:
        svc.issued.append(verifier)
    digest = sha256(verifier.encode()).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")  # RFC 7636 S256
    if not svc.faults.skip_pkce and not hmac.compare_digest(challenge, grant.challenge):
        return 400, err("invalid_grant", "PKCE verification failed")
    access = svc._secret("pat_")
    svc.provider_tokens[access] = grant.user
    return 200, {
        "access_token": access,
        "token_type": "Bearer",
        "expires_in": 3600,
        "scope": "openid email",
        "id_token": id_token(svc, grant.client_id, grant.nonce, grant.user),
    }


def userinfo(svc: ServiceState, req: Request) -> Answer:
    user = svc.provider_tokens.get(req.bearer or "")
    if user is None:
        return 401, err("invalid_token")
    return 200, {"sub": user.sub, "email": user.email, "email_verified": True}


ROUTES: Final[JsonRoutes] = {
    ("GET", "/.well-known/openid-configuration"): discovery,
    ("GET", "/oauth/jwks"): jwks,
    ("POST", "/oauth/token"): token,
    ("GET", "/oauth/userinfo"): userinfo,
}
PAGES: Final[RawRoutes] = {("GET", "/oauth/authorize"): authorize}
