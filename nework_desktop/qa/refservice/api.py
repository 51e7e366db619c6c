"""The NeWork service API (``/api/v1``) of the reference service, and its test-only code endpoint.

======================================  =====================================================
``GET  /health``                        name and version
``POST /auth/email/code``               {email, locale} → {request_id, expires_in,
                                        resend_after, attempts_left}; the code is printed to
                                        the console; 429 ``slow_down`` (``Retry-After``) when
                                        asked again too soon
``POST /auth/email/verify``             {request_id, code} → session | 400 invalid_code
                                        (attempts_left) | expired_code | unknown_request |
                                        too_many_attempts
``POST /auth/oauth``                    {provider, id_token} → session (an ID token of this
                                        service's OpenID provider, or of one it trusts:
                                        ``trusted_issuers``)
``POST /auth/refresh``                  {refresh_token} → session (rotated) | 400 invalid_grant
``POST /auth/signout``                  Bearer + {refresh_token} → revokes both (idempotent)
``GET  /account``                       Bearer → {user_id, provider, email}
``POST /consent-receipts``              {receipt_id, receipt} → stored
``POST /deletion-requests``             {request_id} → accepted once per request id (counted)
``POST /_test/email-code``              {email} → {code}: the last code (QA automation only)
======================================  =====================================================

A session is ``{access_token, refresh_token, token_type, expires_in, account}``
(:meth:`~nework_desktop.qa.refservice.state.ServiceState.new_grant`).  The idempotency of POSTs
and the canned faults apply to every route; the server's dispatch handles them.
"""

from __future__ import annotations

import hmac
import re
import secrets
import time
from typing import Final

from nework_desktop.qa.refservice.keys import issuer_of, verify_jwt, verify_with_key_set
from nework_desktop.qa.refservice.protocol import BadRequest, Json, JsonRoutes, Request, err
from nework_desktop.qa.refservice.state import Account, CodeRequest, ServiceState, user_id_for

SERVICE_NAME: Final = "NeWork reference service"
SERVICE_VERSION: Final = "1"
API: Final = "/api/v1"
_EMAIL = re.compile(r"^[^@\s]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")

Answer = tuple[int, Json]


def health(svc: ServiceState, req: Request) -> Answer:
    return 200, {"name": SERVICE_NAME, "version": SERVICE_VERSION}


# -- e-mail ---------------------------------------------------------------------------------------


def email_code(svc: ServiceState, req: Request) -> Answer:
    email = req.json().get("email")
    if not isinstance(email, str) or not _EMAIL.match(email) or len(email) > 254:
        return 400, err("invalid_email", "the e-mail address is not valid")
    email = email.lower()
    last = svc.last_sent.get(email)
    if last is not None and svc.now() - last < svc.resend_after:
        wait = int(svc.resend_after - (svc.now() - last)) + 1
        return 429, {**err("slow_down", "wait before asking again"), "retry_after": wait}
    # A new code replaces any earlier one for this address.
    for rid in [r for r, request in svc.code_requests.items() if request.email == email]:
        del svc.code_requests[rid]
    code = f"{secrets.randbelow(1_000_000):06d}"
    request = CodeRequest(
        secrets.token_urlsafe(12), email, code, svc.now() + svc.code_ttl, svc.max_attempts
    )
    svc.code_requests[request.request_id] = request
    svc.last_codes[email] = code
    svc.last_sent[email] = svc.now()
    svc.issued.append(code)
    svc._say(f"[refservice] one-time code for {email}: {code}")
    return 200, {
        "request_id": request.request_id,
        "expires_in": int(svc.code_ttl),
        "resend_after": svc.resend_after,
        "attempts_left": request.attempts_left,
    }


def email_verify(svc: ServiceState, req: Request) -> Answer:
    body = req.json()
    request = svc.code_requests.get(str(body.get("request_id", "")))
    code = body.get("code")
    if request is None:
        return 400, err("unknown_request", "request a new code")
    if svc.now() > request.expires_at:
        del svc.code_requests[request.request_id]
        return 400, err("expired_code", "the code has expired")
    if not isinstance(code, str) or not hmac.compare_digest(code.strip(), request.code):
        request.attempts_left -= 1
        if request.attempts_left <= 0:
            del svc.code_requests[request.request_id]
            return 400, err("too_many_attempts", "too many wrong codes")
        return 400, {
            **err("invalid_code", "the code is not correct"),
            "attempts_left": request.attempts_left,
        }
    del svc.code_requests[request.request_id]
    account = Account(user_id_for("email", request.email), "email", request.email)
    return 200, svc.new_grant(account)


def sent_code(svc: ServiceState, req: Request) -> Answer:
    code = svc.last_code(str(req.json().get("email", "")))
    if code is None:
        return 404, err("no_code", "no code was sent to this address")
    return 200, {"code": code}


# -- sessions -------------------------------------------------------------------------------------


def oauth_signin(svc: ServiceState, req: Request) -> Answer:
    body = req.json()
    provider = body.get("provider")
    token = body.get("id_token")
    if not isinstance(provider, str) or not isinstance(token, str):
        raise BadRequest("provider and id_token are required")
    svc.received_id_tokens.append(token)
    claims = verify_jwt(token, svc.key)
    if claims is not None and claims.get("iss") != svc.issuer:
        claims = None
    if claims is None:  # from another provider this service trusts (tests)
        claims = verify_with_key_set(token, list(svc.trusted_issuers.get(issuer_of(token), [])))
        if claims is not None and claims.get("iss") != issuer_of(token):
            claims = None
    if (
        claims is None
        or not isinstance(claims.get("exp"), int | float)
        or claims["exp"] < svc.now()
        or not isinstance(claims.get("sub"), str)
    ):
        return 401, err("invalid_token", "the ID token is not valid")
    account = Account(user_id_for(provider, claims["sub"]), provider, str(claims.get("email", "")))
    return 200, svc.new_grant(account)


def refresh(svc: ServiceState, req: Request) -> Answer:
    token = req.json().get("refresh_token")
    for grant in list(svc.grants):
        if isinstance(token, str) and hmac.compare_digest(grant.refresh_token, token):
            svc.grants.remove(grant)  # rotation: the old pair is no longer valid
            return 200, svc.new_grant(grant.account)
    return 400, err("invalid_grant", "the refresh token is not valid")


def signout(svc: ServiceState, req: Request) -> Answer:
    access = req.bearer
    token = req.json().get("refresh_token")
    svc.signouts += 1
    svc.grants = [
        g
        for g in svc.grants
        if not (access and hmac.compare_digest(g.access_token, access))
        and not (isinstance(token, str) and hmac.compare_digest(g.refresh_token, token))
    ]
    return 200, {"status": "signed_out"}


def account(svc: ServiceState, req: Request) -> Answer:
    grant = svc.grant_for_access(req.bearer)
    if grant is None:
        return 401, err("invalid_token", "sign in again")
    a = grant.account
    return 200, {"user_id": a.user_id, "provider": a.provider, "email": a.email}


# -- what the app sends about its user ------------------------------------------------------------


def consent_receipt(svc: ServiceState, req: Request) -> Answer:
    body = req.json()
    receipt_id = body.get("receipt_id")
    receipt = body.get("receipt")
    if not isinstance(receipt_id, str) or not receipt_id or not isinstance(receipt, dict):
        raise BadRequest("receipt_id and receipt are required")
    svc.consent_receipts.setdefault(receipt_id, receipt)
    return 200, {"receipt_id": receipt_id, "stored": True}


def deletion(svc: ServiceState, req: Request) -> Answer:
    request_id = req.json().get("request_id")
    if not isinstance(request_id, str) or not request_id:
        raise BadRequest("request_id is required")
    svc.deletion_posts[request_id] = svc.deletion_posts.get(request_id, 0) + 1
    grant = svc.grant_for_access(req.bearer)
    entry = svc.deletion_requests.setdefault(
        request_id,
        {
            "request_id": request_id,
            "status": "accepted",
            "received_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(svc.now())),
            "user_id": grant.account.user_id if grant else None,
        },
    )
    return 200, {k: entry[k] for k in ("request_id", "status", "received_at")}


ROUTES: Final[JsonRoutes] = {
    ("GET", f"{API}/health"): health,
    ("POST", f"{API}/auth/email/code"): email_code,
    ("POST", f"{API}/auth/email/verify"): email_verify,
    ("POST", f"{API}/auth/oauth"): oauth_signin,
    ("POST", f"{API}/auth/refresh"): refresh,
    ("POST", f"{API}/auth/signout"): signout,
    ("GET", f"{API}/account"): account,
    ("POST", f"{API}/consent-receipts"): consent_receipt,
    ("POST", f"{API}/deletion-requests"): deletion,
    ("POST", "/_test/email-code"): sent_code,
}
