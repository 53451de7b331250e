"""Signed identity tokens (JWT, asymmetric signatures only) for customers and staff.

The bank's identity provider signs; the gateway only ever holds public keys, so a leaked gateway
configuration cannot mint tokens. Shared-secret algorithms (``HS*``) and ``alg: none`` are refused at
configuration time and again per key: each key verifies only the algorithms its own type can produce,
which also defeats the classic confusion attack (an ``HS256`` token "signed" with the public key PEM as
the HMAC secret).

Every PyJWT exception is translated into :class:`chat.errors.AuthError` / :class:`~chat.errors.TokenExpired`
here, with a short message that tells an attacker nothing about which check failed. Tokens, claims and
subject ids are never logged.

Development mode (``Settings.is_dev``) creates an Ed25519 key pair under ``data_dir/dev-keys/`` so that
``chatlog token ...`` and the tests can issue tokens without any setup; :class:`TokenIssuer` refuses to
exist outside development mode.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal, TypeGuard, get_args

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePublicKey
from cryptography.hazmat.primitives.asymmetric.ed448 import Ed448PublicKey
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from chat.errors import AuthError, ChatlogError, Forbidden, TokenExpired
from chat.keyfiles import check_private, create_once, write_private
from chat.settings import Settings
from chat.store.base import StaffRole

__all__ = [
    "ASYMMETRIC_ALGORITHMS",
    "STAFF_ROLES",
    "CustomerIdentity",
    "PublicKey",
    "StaffIdentity",
    "TokenIssuer",
    "TokenKind",
    "TokenVerifier",
    "VerificationKey",
    "ensure_dev_keys",
    "load_jwks",
    "load_public_key",
]

log = logging.getLogger(__name__)

TokenKind = Literal["customer", "staff"]
PublicKey = Ed25519PublicKey | Ed448PublicKey | EllipticCurvePublicKey | RSAPublicKey

STAFF_ROLES: Final[frozenset[str]] = frozenset(get_args(StaffRole))
#: Signature algorithms that need a private key to sign; the only ones this module will verify.
ASYMMETRIC_ALGORITHMS: Final[frozenset[str]] = frozenset(
    {"EdDSA", "ES256", "ES256K", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512"}
)
_RSA_ALGORITHMS: Final = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512")
_EC_ALGORITHMS: Final[Mapping[str, str]] = {
    "secp256r1": "ES256",
    "secp384r1": "ES384",
    "secp521r1": "ES512",
    "secp256k1": "ES256K",
}
#: NIST SP 800-131A: RSA below 2048 bits is not acceptable for signatures.
_MIN_RSA_BITS: Final = 2048

#: Real tokens are well under 2 KB; refusing huge strings before parsing caps the work an attacker buys.
MAX_TOKEN_CHARS: Final = 8192
#: Subject ids are bank customer / staff ids, never free text.
MAX_SUBJECT_CHARS: Final = 128
_REQUIRED_CLAIMS: Final = ["exp", "iat", "sub", "iss", "aud"]

_INVALID: Final = "invalid token"
_EXPIRED: Final = "token expired"
_WRONG_KIND: Final = "token not valid for this service"

_DEV_KEY_DIR: Final = "dev-keys"
_DEV_PRIVATE: Final = "ed25519-private.pem"
_DEV_PUBLIC: Final = "ed25519-public.pem"


@dataclass(frozen=True, slots=True)
class CustomerIdentity:
    customer_id: str
    #: When the token stops being valid (``exp`` plus the leeway, epoch seconds): an open connection
    #: made with it is closed then (``chat.gateway.endpoints.Watchdog``). Not part of who it is.
    expires_at: float | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class StaffIdentity:
    staff_id: str
    role: StaffRole
    #: As for :class:`CustomerIdentity`.
    expires_at: float | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class VerificationKey:
    """One public key and the algorithms it may verify (never more than its key type can produce)."""

    key: PublicKey
    algorithms: tuple[str, ...]
    #: The JWS ``kid`` that selects this key; ``None`` for a key used for tokens without a known kid.
    kid: str | None = None


def _is_staff_role(value: object) -> TypeGuard[StaffRole]:
    return isinstance(value, str) and value in STAFF_ROLES


def _valid_subject(value: object) -> TypeGuard[str]:
    """Short, printable, non-blank: ids end up in logs, URLs and database keys."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= MAX_SUBJECT_CHARS
        and value.isprintable()
        and value.strip() == value
    )


def _check_algorithms(algorithms: Collection[str]) -> frozenset[str]:
    allowed = frozenset(algorithms)
    refused = allowed - ASYMMETRIC_ALGORITHMS
    if refused:
        raise ChatlogError(f"jwt_algorithms may list asymmetric algorithms only; refused: {sorted(refused)}")
    if not allowed:
        raise ChatlogError("jwt_algorithms is empty")
    return allowed


def _algorithms_for(key: PublicKey) -> tuple[str, ...]:
    """The algorithms a key of this type can have produced, so a token cannot pick a weaker one."""
    if isinstance(key, Ed25519PublicKey | Ed448PublicKey):
        return ("EdDSA",)
    if isinstance(key, EllipticCurvePublicKey):
        algorithm = _EC_ALGORITHMS.get(key.curve.name)
        return (algorithm,) if algorithm else ()
    if key.key_size < _MIN_RSA_BITS:
        raise ChatlogError(f"RSA key of {key.key_size} bits is too short (minimum {_MIN_RSA_BITS})")
    return _RSA_ALGORITHMS


def _usable(key: PublicKey, allowed: frozenset[str], kid: str | None, declared: str | None = None) -> VerificationKey:
    algorithms = tuple(a for a in _algorithms_for(key) if a in allowed and (declared is None or a == declared))
    if not algorithms:
        raise ChatlogError("a configured token key fits none of the allowed jwt_algorithms")
    return VerificationKey(key=key, algorithms=algorithms, kid=kid)


def load_public_key(data: bytes, *, algorithms: Collection[str], kid: str | None = None) -> VerificationKey:
    """A PEM public key (``BEGIN PUBLIC KEY``) or X.509 certificate, as the bank publishes them."""
    allowed = _check_algorithms(algorithms)
    try:
        if b"BEGIN CERTIFICATE" in data:
            loaded: object = x509.load_pem_x509_certificate(data).public_key()
        else:
            loaded = serialization.load_pem_public_key(data)
    except ValueError:
        raise ChatlogError("the token public key is not a PEM public key or certificate") from None
    if not isinstance(loaded, Ed25519PublicKey | Ed448PublicKey | EllipticCurvePublicKey | RSAPublicKey):
        raise ChatlogError("the token public key is of an unsupported type")
    return _usable(loaded, allowed, kid)


def load_jwks(text: str, *, algorithms: Collection[str]) -> list[VerificationKey]:
    """Signing keys of a JWKS document; keys for encryption or for refused algorithms are skipped."""
    allowed = _check_algorithms(algorithms)
    try:
        jwk_set = jwt.PyJWKSet.from_json(text)
    except (jwt.PyJWTError, ValueError):
        raise ChatlogError("the JWKS file holds no usable key") from None
    keys: list[VerificationKey] = []
    seen: set[str | None] = set()
    for jwk in jwk_set:
        if jwk.public_key_use not in (None, "sig") or jwk.algorithm_name not in allowed:
            continue
        key: object = jwk.key
        if not isinstance(key, Ed25519PublicKey | Ed448PublicKey | EllipticCurvePublicKey | RSAPublicKey):
            # PyJWK gives a private key object when the JWK carries "d": a verifier must not hold one.
            raise ChatlogError("the JWKS file must contain public keys only")
        if jwk.key_id in seen:
            raise ChatlogError("the JWKS file lists the same kid twice")
        seen.add(jwk.key_id)
        keys.append(_usable(key, allowed, jwk.key_id, declared=jwk.algorithm_name))
    if not keys:
        raise ChatlogError("the JWKS file holds no key for the allowed jwt_algorithms")
    return keys


def _dev_kid(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "dev-" + hashlib.sha256(raw).hexdigest()[:16]


def ensure_dev_keys(data_dir: Path) -> tuple[Path, Path]:
    """The development Ed25519 key pair (private, public PEM), created on first use and then reused.

    Safe when several processes start at once: the private key is linked into place atomically, so
    exactly one key wins and everyone derives the public file from it. Files are 0600 in a 0700
    directory; a private key readable by others is refused, as OpenSSH does.
    """
    key_dir = Path(data_dir) / _DEV_KEY_DIR
    key_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    private_path, public_path = key_dir / _DEV_PRIVATE, key_dir / _DEV_PUBLIC

    if not private_path.exists():
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        if create_once(private_path, pem):
            log.info("created development signing key", extra={"key_dir": str(key_dir)})

    check_private(private_path)
    try:
        private_key = serialization.load_pem_private_key(private_path.read_bytes(), password=None)
    except (ValueError, TypeError):
        raise ChatlogError(f"{private_path} is not a readable, unencrypted PEM private key") from None
    if not isinstance(private_key, Ed25519PrivateKey):
        raise ChatlogError(f"{private_path} is not an Ed25519 private key")
    public_pem = private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    if not public_path.exists() or public_path.read_bytes() != public_pem:
        os.replace(write_private(public_path, public_pem), public_path)
    return private_path, public_path


def _load_dev_private_key(settings: Settings) -> Ed25519PrivateKey:
    private_path, _ = ensure_dev_keys(settings.data_dir)
    key = serialization.load_pem_private_key(private_path.read_bytes(), password=None)
    assert isinstance(key, Ed25519PrivateKey)  # checked by ensure_dev_keys
    return key


class TokenVerifier:
    """Verifies customer and staff tokens; keys are parsed once here, verification does no I/O."""

    __slots__ = ("_audience", "_by_kid", "_default", "_issuer", "_leeway_s", "_max_lifetime_s")

    def __init__(
        self,
        keys: Sequence[VerificationKey],
        *,
        issuer: str,
        audience: str,
        leeway_s: float = 30.0,
        max_lifetime_s: float = 86_400.0,
    ) -> None:
        """A key without ``kid`` (at most one) verifies tokens whose kid is absent or unknown; if every
        key has a kid and there is only one, it does so too. ``max_lifetime_s``: a token valid for longer
        than this (``exp - iat``) is refused, however it was signed: a leaked long-lived token would
        otherwise open the archive for months (issue 8, item 7)."""
        if not keys:
            raise ChatlogError("no token verification key configured")
        for key in keys:
            if not key.algorithms or not set(key.algorithms) <= ASYMMETRIC_ALGORITHMS:
                raise ChatlogError("token keys may verify asymmetric algorithms only")
        without_kid = [key for key in keys if key.kid is None]
        if len(without_kid) > 1:
            raise ChatlogError("at most one token key may lack a kid")
        self._by_kid: dict[str, VerificationKey] = {key.kid: key for key in keys if key.kid is not None}
        self._default: VerificationKey | None = without_kid[0] if without_kid else (keys[0] if len(keys) == 1 else None)
        self._issuer = issuer
        self._audience = audience
        self._leeway_s = leeway_s
        self._max_lifetime_s = max_lifetime_s

    @classmethod
    def from_settings(cls, settings: Settings) -> TokenVerifier:
        """Keys from ``jwks_file``, ``jwt_public_key_file`` and, in development mode, the dev key pair."""
        algorithms = settings.jwt_algorithms
        keys: list[VerificationKey] = []
        if settings.jwks_file is not None:
            keys.extend(load_jwks(_read_config_file(settings.jwks_file).decode(), algorithms=algorithms))
        if settings.jwt_public_key_file is not None:
            keys.append(load_public_key(_read_config_file(settings.jwt_public_key_file), algorithms=algorithms))
        if settings.is_dev:
            _, public_path = ensure_dev_keys(settings.data_dir)
            public_key = serialization.load_pem_public_key(public_path.read_bytes())
            assert isinstance(public_key, Ed25519PublicKey)  # written by ensure_dev_keys
            keys.append(_usable(public_key, _check_algorithms(algorithms), _dev_kid(public_key)))
        if not keys:
            raise ChatlogError("no token key configured: set CHATLOG_JWKS_FILE or CHATLOG_JWT_PUBLIC_KEY_FILE")
        return cls(
            keys,
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            leeway_s=settings.jwt_leeway_s,
            max_lifetime_s=settings.jwt_max_lifetime_s,
        )

    def verify_customer(self, token: str) -> CustomerIdentity:
        claims = self._decode(token)
        if claims.get("kind") != "customer":
            raise AuthError(_WRONG_KIND)
        return CustomerIdentity(customer_id=claims["sub"], expires_at=self._expires_at(claims))

    def verify_staff(self, token: str, *, roles: Collection[str] | None = None) -> StaffIdentity:
        """``roles``: the roles allowed here; a valid staff token with another role is :class:`Forbidden`."""
        claims = self._decode(token)
        role = claims.get("role")
        if claims.get("kind") != "staff" or not isinstance(role, str) or not role:
            raise AuthError(_WRONG_KIND)
        # A role the bank signed but we do not know ("admin") is a valid token of a role that may not
        # do this: 403, as documented for a wrong role, not 401 as if the token were bad.
        if not _is_staff_role(role) or (roles is not None and role not in roles):
            raise Forbidden("this role may not do this")
        return StaffIdentity(staff_id=claims["sub"], role=role, expires_at=self._expires_at(claims))

    def _expires_at(self, claims: dict[str, Any]) -> float:
        """The moment this verifier would refuse the token (``_decode`` checked ``exp`` is a number)."""
        return float(claims["exp"]) + self._leeway_s

    def _key_for(self, token: str) -> VerificationKey:
        if self._by_kid:
            kid = jwt.get_unverified_header(token).get("kid")
            if isinstance(kid, str) and kid in self._by_kid:
                return self._by_kid[kid]
        if self._default is None:
            raise AuthError(_INVALID)
        return self._default

    def _decode(self, token: str) -> dict[str, Any]:
        if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_CHARS:
            raise AuthError(_INVALID)
        try:
            key = self._key_for(token)
            claims = jwt.decode(
                token,
                key.key,
                algorithms=key.algorithms,
                issuer=self._issuer,
                audience=self._audience,
                leeway=self._leeway_s,
                options={"require": _REQUIRED_CLAIMS},
            )
        except jwt.ExpiredSignatureError:
            raise TokenExpired(_EXPIRED) from None
        except (jwt.PyJWTError, ValueError, TypeError) as exc:
            # Only the class name: PyJWT messages can quote parts of the token.
            log.debug("token rejected", extra={"reason": type(exc).__name__})
            raise AuthError(_INVALID) from None
        if not _valid_subject(claims.get("sub")):
            raise AuthError(_INVALID)
        issued, expires = claims.get("iat"), claims.get("exp")
        if not isinstance(issued, int | float) or not isinstance(expires, int | float):
            raise AuthError(_INVALID)
        if expires - issued > self._max_lifetime_s:
            log.debug("token rejected", extra={"reason": "lifetime"})
            raise AuthError("the token is valid for longer than this service accepts")
        return claims


def _read_config_file(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ChatlogError(f"cannot read token key file {path}: {exc.strerror}") from None


class TokenIssuer:
    """Signs tokens with the development key, for ``chatlog token`` and tests; never in production."""

    __slots__ = ("_audience", "_issuer", "_kid", "_private_key")

    def __init__(self, private_key: Ed25519PrivateKey, *, issuer: str, audience: str) -> None:
        self._private_key = private_key
        self._kid = _dev_kid(private_key.public_key())
        self._issuer = issuer
        self._audience = audience

    @classmethod
    def from_settings(cls, settings: Settings) -> TokenIssuer:
        if not settings.is_dev:
            raise ChatlogError(
                "issuing tokens needs development mode (no CHATLOG_JWKS_FILE / CHATLOG_JWT_PUBLIC_KEY_FILE, "
                "or CHATLOG_DEV_MODE=true); production verifies the bank's own tokens"
            )
        return cls(_load_dev_private_key(settings), issuer=settings.jwt_issuer, audience=settings.jwt_audience)

    def customer(self, customer_id: str, *, ttl_s: int = 3600) -> str:
        return self._sign(customer_id, ttl_s, {"kind": "customer"})

    def staff(self, staff_id: str, *, role: StaffRole, ttl_s: int = 3600) -> str:
        if not _is_staff_role(role):
            raise ValueError(f"role must be one of {sorted(STAFF_ROLES)}")
        return self._sign(staff_id, ttl_s, {"kind": "staff", "role": role})

    def _sign(self, subject: str, ttl_s: int, extra: Mapping[str, str]) -> str:
        if not _valid_subject(subject):
            raise ValueError(f"id must be 1-{MAX_SUBJECT_CHARS} printable characters")
        if ttl_s <= 0:
            raise ValueError("ttl_s must be positive")
        now = int(time.time())
        claims = {
            "sub": subject,
            "iss": self._issuer,
            "aud": self._audience,
            "iat": now,
            "exp": now + ttl_s,
            **extra,
        }
        return jwt.encode(claims, self._private_key, algorithm="EdDSA", headers={"kid": self._kid})
