"""ID token signatures, verified with ``joserfc`` (JWS RFC 7515, JWK RFC 7517, JWA RFC 7518).

No JOSE of our own: decoding, key import and signature checks are the library's.  This module
decides only *what is acceptable*:

* algorithms: what the provider advertises ∩ :data:`ASYMMETRIC_ALGORITHMS` (RS256, PS256,
  ES256); HS256 only for a client with a secret (:func:`accepted_algorithms`).  The token's
  ``alg`` must be one of them, and the key must fit it (RSA for RS/PS, EC P-256 for ES256);
* keys: the provider's JWKS; the key is picked by ``kid`` (without a ``kid``, the one key that
  fits the algorithm); RSA keys under :data:`MIN_RSA_BITS` are refused; an unknown ``kid`` makes
  the key set be fetched once more (keys rotate), never more than once per token;
* :class:`KeyCache`: the key sets already fetched, per ``jwks_uri``, for the whole run (so that a
  rotation is met by the one refetch, not by a fetch per sign-in).

``joserfc`` (and with it ``cryptography``, ~70 ms) is imported on the first ID token, not with
this module: the workspace start builds the sign-in providers but verifies no token
(issue 15, P2).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nework_desktop.net.errors import BadReplyError
from nework_desktop.net.http import MAX_TOKEN_LENGTH, parse_json
from nework_desktop.net.oauth.errors import AlgorithmRefused, IdTokenError

if TYPE_CHECKING:
    from joserfc import jws
    from joserfc.jwk import ECKey, OctKey, RSAKey

#: The asymmetric algorithms the app accepts for ID tokens, in order of preference.
ASYMMETRIC_ALGORITHMS: tuple[str, ...] = ("RS256", "PS256", "ES256")
#: OpenID Connect's default when a provider advertises nothing (Discovery §3).
DEFAULT_ALGORITHM = "RS256"
MIN_RSA_BITS = 2048
#: At least the hash size (RFC 7518 §3.2).
MIN_HMAC_SECRET_BYTES = 32
MAX_KEYS = 100

_KEY_TYPE = {"RS256": "RSA", "PS256": "RSA", "ES256": "EC"}
_DECODE_ERRORS = (ValueError, TypeError, AttributeError, RecursionError, UnicodeError)


def _decode_errors() -> tuple[type[Exception], ...]:
    """What a decode or a key import may raise (``joserfc``'s own errors among them)."""
    from joserfc.errors import JoseError

    return (JoseError, *_DECODE_ERRORS)


#: ``fetch(refresh)``: the provider's keys (``refresh``: fetch them again, they may have rotated).
JwksFetch = Callable[[bool], list[dict[str, Any]]]


def accepted_algorithms(
    advertised: Iterable[str] | None, *, client_secret: bool = False
) -> tuple[str, ...]:
    """The ID token algorithms to accept: advertised ∩ RS256/PS256/ES256 (+ HS256 with a secret).

    ``advertised`` None means the provider says nothing (OpenID's default RS256).
    """
    offered = set(advertised) if advertised is not None else {DEFAULT_ALGORITHM}
    accepted = [alg for alg in ASYMMETRIC_ALGORITHMS if alg in offered]
    if client_secret and (advertised is None or "HS256" in offered):
        accepted.append("HS256")
    return tuple(accepted)


@dataclass(frozen=True)
class Jwt:
    """A compact JWS, decoded but not verified."""

    header: dict[str, Any]
    claims: dict[str, Any]
    compact: jws.CompactSignature


def decode_jwt(token: str) -> Jwt:
    """Split and decode a compact JWS (no verification); :class:`IdTokenError` if it is not one."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        raise IdTokenError("the ID token is missing or too long")
    from joserfc import jws

    try:
        compact = jws.extract_compact(token.encode("ascii"))
        header = dict(compact.headers())
        payload = compact.payload
    except _decode_errors() as exc:
        raise IdTokenError(f"the ID token cannot be decoded ({type(exc).__name__})") from None
    try:
        claims = parse_json(payload or b"", "ID token")
    except BadReplyError as exc:
        raise IdTokenError(f"the ID token cannot be decoded ({exc})") from None
    if not isinstance(claims, dict):
        raise IdTokenError("the ID token is not a JSON object")
    return Jwt(header, claims, compact)


def _import_key(jwk: Mapping[str, Any], alg: str) -> RSAKey | ECKey | None:
    """The JWK as a key for ``alg``, or None when it does not fit (type, curve, use, alg)."""
    if jwk.get("use", "sig") != "sig" or jwk.get("alg", alg) != alg:
        return None
    if jwk.get("kty") != _KEY_TYPE.get(alg):
        return None
    data = {k: v for k, v in jwk.items() if k not in ("d", "p", "q", "dp", "dq", "qi", "oth")}
    from joserfc.jwk import ECKey, RSAKey

    try:
        if alg == "ES256":
            if data.get("crv") != "P-256":
                return None
            return ECKey.import_key(data)
        # The size is read before the import: joserfc would only warn about a weak key.
        native = RSAKey.binding.import_from_dict(data)
        if native.key_size < MIN_RSA_BITS:
            raise IdTokenError("the provider's signing key is too weak")
        return RSAKey.import_key(data)
    except _decode_errors():
        return None


def _pick_key(keys: list[dict[str, Any]], alg: str, kid: str | None) -> RSAKey | ECKey | None:
    candidates = [
        key
        for jwk in keys
        if (kid is None or jwk.get("kid") == kid) and (key := _import_key(jwk, alg)) is not None
    ]
    if kid is None:
        return candidates[0] if len(candidates) == 1 else None
    return candidates[0] if candidates else None


def _hmac_key(secret: str) -> OctKey:
    raw = secret.encode("utf-8")
    if len(raw) < MIN_HMAC_SECRET_BYTES:
        raise IdTokenError("the client secret is too short for HS256")
    from joserfc.jwk import OctKey

    return OctKey.import_key(raw)


def verify_signature(
    jwt: Jwt,
    *,
    algorithms: Collection[str],
    jwks: JwksFetch | None,
    client_secret: str | None = None,
) -> None:
    """Check the signature of ``jwt``; :class:`IdTokenError` (or :class:`AlgorithmRefused`)."""
    alg = jwt.header.get("alg")
    if not isinstance(alg, str) or alg not in algorithms or alg not in (*_KEY_TYPE, "HS256"):
        raise AlgorithmRefused(f"the ID token's algorithm {str(alg)[:20]!r} is not accepted")
    kid = jwt.header.get("kid")
    if kid is not None and not isinstance(kid, str):
        raise IdTokenError("the ID token's key id is not valid")
    key: RSAKey | ECKey | OctKey | None
    if alg == "HS256":
        if not client_secret:
            raise AlgorithmRefused("the ID token is signed with a secret this app does not have")
        key = _hmac_key(client_secret)
    else:
        if jwks is None:
            raise IdTokenError("no signing keys to verify the ID token")
        key = _pick_key(jwks(False), alg, kid)
        if key is None:  # keys may have rotated: fetch once more
            key = _pick_key(jwks(True), alg, kid)
        if key is None:
            raise IdTokenError("the ID token's signing key is unknown")
    from joserfc import jws

    try:
        valid = jws.validate_compact(jwt.compact, key, algorithms=[alg])
    except _decode_errors():
        valid = False
    if not valid:
        raise IdTokenError("the ID token's signature is not valid")


class KeyCache:
    """The key sets fetched so far, per ``jwks_uri`` (thread-safe; lives as long as the app)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sets: dict[str, list[dict[str, Any]]] = {}

    def fetcher(self, uri: str, load: Callable[[], list[dict[str, Any]]]) -> JwksFetch:
        """A :data:`JwksFetch` for ``uri`` that loads with ``load()`` only when it must."""

        def fetch(refresh: bool) -> list[dict[str, Any]]:
            with self._lock:
                cached = self._sets.get(uri)
            if cached is not None and not refresh:
                return cached
            keys = load()
            with self._lock:
                self._sets[uri] = keys
            return keys

        return fetch


def key_list(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The ``keys`` of a JWKS document; :class:`BadReplyError` when there are none."""
    keys = data.get("keys")
    if not isinstance(keys, list) or not keys or len(keys) > MAX_KEYS:
        raise BadReplyError("the provider's key set has no keys")
    return [k for k in keys if isinstance(k, dict)]
