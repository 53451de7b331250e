"""Token verification: every way a token can be wrong maps to AuthError / TokenExpired / Forbidden."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import stat
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from chat.errors import AuthError, ChatlogError, Forbidden, TokenExpired
from chat.settings import Settings
from chat.tokens import (
    CustomerIdentity,
    StaffIdentity,
    TokenIssuer,
    TokenVerifier,
    ensure_dev_keys,
    load_jwks,
    load_public_key,
)

ISS, AUD = "bank-idp", "chatlog"
ALGS = ["EdDSA", "ES256", "RS256"]

PrivateKey = ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


@pytest.fixture(scope="module")
def ed_key() -> ed25519.Ed25519PrivateKey:
    return ed25519.Ed25519PrivateKey.generate()


@pytest.fixture(scope="module")
def ec_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_pem(key: PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    base: dict[str, Any] = {
        "sub": "cust-1",
        "iss": ISS,
        "aud": AUD,
        "iat": now,
        "exp": now + 300,
        "kind": "customer",
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def sign(key: PrivateKey, alg: str, payload: dict[str, Any], kid: str | None = None) -> str:
    return jwt.encode(payload, key, algorithm=alg, headers={"kid": kid} if kid else None)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def handmade(header: dict[str, Any], payload: dict[str, Any], signer: Callable[[bytes], bytes]) -> str:
    """A JWS built by hand: PyJWT itself refuses to create the attack tokens."""
    signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(payload).encode())}".encode()
    return f"{signing_input.decode()}.{b64(signer(signing_input))}"


@pytest.fixture
def verifier(ed_key: ed25519.Ed25519PrivateKey) -> TokenVerifier:
    key = load_public_key(public_pem(ed_key), algorithms=ALGS)
    return TokenVerifier([key], issuer=ISS, audience=AUD, leeway_s=30)


@pytest.fixture
def dev_settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, dev_mode=True, jwt_issuer=ISS, jwt_audience=AUD)


# --- valid tokens ---------------------------------------------------------------------------------------


def test_valid_customer(verifier: TokenVerifier, ed_key: ed25519.Ed25519PrivateKey) -> None:
    assert verifier.verify_customer(sign(ed_key, "EdDSA", claims())) == CustomerIdentity("cust-1")


@pytest.mark.parametrize("role", ["adviser", "compliance", "analyst", "bot"])
def test_valid_staff(verifier: TokenVerifier, ed_key: ed25519.Ed25519PrivateKey, role: str) -> None:
    token = sign(ed_key, "EdDSA", claims(sub="staff-9", kind="staff", role=role))
    assert verifier.verify_staff(token) == StaffIdentity("staff-9", role)  # type: ignore[arg-type]
    assert verifier.verify_staff(token, roles={role}).role == role


def test_audience_list_containing_ours(verifier: TokenVerifier, ed_key: ed25519.Ed25519PrivateKey) -> None:
    token = sign(ed_key, "EdDSA", claims(aud=["other", AUD]))
    assert verifier.verify_customer(token).customer_id == "cust-1"


# --- expiry and time claims -----------------------------------------------------------------------------


def test_expired_beyond_leeway(verifier: TokenVerifier, ed_key: ed25519.Ed25519PrivateKey) -> None:
    now = int(time.time())
    token = sign(ed_key, "EdDSA", claims(iat=now - 3600, exp=now - 300))
    with pytest.raises(TokenExpired) as info:
        verifier.verify_customer(token)
    assert info.value.code == "expired_token" and info.value.http_status == 401


@pytest.mark.parametrize(("lifetime_s", "accepted"), [(3600, True), (24 * 3600, True), (24 * 3600 + 1, False),
                                                      (365 * 24 * 3600, False)])
def test_tokens_valid_for_too_long_are_refused(
    verifier: TokenVerifier, ed_key: ed25519.Ed25519PrivateKey, lifetime_s: int, accepted: bool
) -> None:
    """Issue 8, item 7: a year-long token used to be accepted; the verifier caps exp - iat (24 h here)."""
    now = int(time.time())
    token = sign(ed_key, "EdDSA", claims(iat=now - 60, exp=now - 60 + lifetime_s))
    if accepted:
        assert verifier.verify_customer(token).customer_id == "cust-1"
    else:
        with pytest.raises(AuthError):
            verifier.verify_customer(token)


def test_expired_within_leeway_accepted(verifier: TokenVerifier, ed_key: ed25519.Ed25519PrivateKey) -> None:
    now = int(time.time())
    token = sign(ed_key, "EdDSA", claims(iat=now - 3600, exp=now - 5))  # leeway is 30 s
    assert verifier.verify_customer(token).customer_id == "cust-1"


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"nbf": int(time.time()) + 3600}, id="not-yet-valid"),
        pytest.param({"iat": int(time.time()) + 3600}, id="issued-in-future"),
        pytest.param({"exp": None}, id="no-exp"),
        pytest.param({"iat": None}, id="no-iat"),
        pytest.param({"sub": None}, id="no-sub"),
        pytest.param({"iss": None}, id="no-iss"),
        pytest.param({"aud": None}, id="no-aud"),
        pytest.param({"exp": "tomorrow"}, id="exp-not-a-number"),
    ],
)
def test_bad_time_or_missing_claims(
    verifier: TokenVerifier, ed_key: ed25519.Ed25519PrivateKey, overrides: dict[str, Any]
) -> None:
    with pytest.raises(AuthError) as info:
        verifier.verify_customer(sign(ed_key, "EdDSA", claims(**overrides)))
    assert type(info.value) is AuthError


# --- wrong issuer, audience, signature, algorithm ---------------------------------------------------------


@pytest.mark.parametrize("overrides", [{"iss": "evil-idp"}, {"aud": "other-service"}, {"aud": ["x", "y"]}])
def test_wrong_issuer_or_audience(
    verifier: TokenVerifier, ed_key: ed25519.Ed25519PrivateKey, overrides: dict[str, Any]
) -> None:
    with pytest.raises(AuthError, match=r"^invalid token$"):
        verifier.verify_customer(sign(ed_key, "EdDSA", claims(**overrides)))


def test_forged_signature_with_another_key(verifier: TokenVerifier) -> None:
    other = ed25519.Ed25519PrivateKey.generate()
    with pytest.raises(AuthError):
        verifier.verify_customer(sign(other, "EdDSA", claims()))


def test_tampered_payload(verifier: TokenVerifier, ed_key: ed25519.Ed25519PrivateKey) -> None:
    header, _, signature = sign(ed_key, "EdDSA", claims()).split(".")
    forged_payload = b64(json.dumps(claims(sub="cust-2")).encode())
    with pytest.raises(AuthError):
        verifier.verify_customer(f"{header}.{forged_payload}.{signature}")


def test_alg_none_refused(verifier: TokenVerifier) -> None:
    token = handmade({"alg": "none", "typ": "JWT"}, claims(), lambda _: b"")
    with pytest.raises(AuthError):
        verifier.verify_customer(token)
    with pytest.raises(AuthError):
        verifier.verify_customer(token.rstrip("."))


@pytest.mark.parametrize("alg", ["HS256", "HS384", "HS512"])
def test_hmac_with_public_key_as_secret_refused(
    verifier: TokenVerifier, ed_key: ed25519.Ed25519PrivateKey, alg: str
) -> None:
    digest = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}[alg]
    secret = public_pem(ed_key)
    token = handmade({"alg": alg, "typ": "JWT"}, claims(), lambda m: hmac.new(secret, m, digest).digest())
    with pytest.raises(AuthError):
        verifier.verify_customer(token)


def test_other_asymmetric_alg_than_the_key_refused(
    ed_key: ed25519.Ed25519PrivateKey, ec_key: ec.EllipticCurvePrivateKey
) -> None:
    # The verifier allows ES256 in general, but this key is Ed25519: an ES256 token must not pass.
    key = load_public_key(public_pem(ed_key), algorithms=ALGS)
    assert key.algorithms == ("EdDSA",)
    verifier = TokenVerifier([key], issuer=ISS, audience=AUD)
    with pytest.raises(AuthError):
        verifier.verify_customer(sign(ec_key, "ES256", claims()))


@pytest.mark.parametrize(
    "token",
    ["", "abc", "a.b.c", "a.b", "...", "eyJhbGciOiJFZERTQSJ9.e30.", "x" * 9000, "ä.ö.å", None, 42, b"a.b.c"],
)
def test_malformed(verifier: TokenVerifier, token: Any) -> None:
    with pytest.raises(AuthError) as info:
        verifier.verify_customer(token)
    assert info.value.message == "invalid token"


# --- token kinds, roles and subjects -----------------------------------------------------------------------


def test_staff_token_is_not_a_customer_token(verifier: TokenVerifier, ed_key: ed25519.Ed25519PrivateKey) -> None:
    with pytest.raises(AuthError):
        verifier.verify_customer(sign(ed_key, "EdDSA", claims(kind="staff", role="adviser")))


@pytest.mark.parametrize(
    "overrides",
    [
        {"kind": "customer"},
        {"kind": "customer", "role": "adviser"},
        {"kind": "staff"},
        {"kind": "staff", "role": ""},
        {"kind": "staff", "role": ["adviser"]},
        {"kind": None, "role": "adviser"},
    ],
)
def test_not_a_staff_token(
    verifier: TokenVerifier, ed_key: ed25519.Ed25519PrivateKey, overrides: dict[str, Any]
) -> None:
    with pytest.raises(AuthError):
        verifier.verify_staff(sign(ed_key, "EdDSA", claims(**overrides)))


def test_customer_without_kind_refused(verifier: TokenVerifier, ed_key: ed25519.Ed25519PrivateKey) -> None:
    with pytest.raises(AuthError):
        verifier.verify_customer(sign(ed_key, "EdDSA", claims(kind=None)))


def test_wrong_role_is_forbidden(verifier: TokenVerifier, ed_key: ed25519.Ed25519PrivateKey) -> None:
    token = sign(ed_key, "EdDSA", claims(sub="staff-1", kind="staff", role="analyst"))
    with pytest.raises(Forbidden):
        verifier.verify_staff(token, roles=("compliance",))
    with pytest.raises(Forbidden):
        verifier.verify_staff(token, roles=())
    # A role the bank signed that we do not know is a valid token of a role that may not: 403, not 401.
    for role in ("root", "admin"):
        with pytest.raises(Forbidden):
            verifier.verify_staff(sign(ed_key, "EdDSA", claims(sub="staff-1", kind="staff", role=role)))


@pytest.mark.parametrize("sub", ["", " ", " padded", "a\nb", "nul\x00", "x" * 129, 12345, ["c"]])
def test_bad_subject(verifier: TokenVerifier, ed_key: ed25519.Ed25519PrivateKey, sub: Any) -> None:
    with pytest.raises(AuthError):
        verifier.verify_customer(sign(ed_key, "EdDSA", claims(sub=sub)))


def test_longest_subject_accepted(verifier: TokenVerifier, ed_key: ed25519.Ed25519PrivateKey) -> None:
    assert verifier.verify_customer(sign(ed_key, "EdDSA", claims(sub="x" * 128))).customer_id == "x" * 128


# --- key sources -------------------------------------------------------------------------------------------


def test_jwks_two_keys_selected_by_kid(
    tmp_path: Path, ed_key: ed25519.Ed25519PrivateKey, ec_key: ec.EllipticCurvePrivateKey
) -> None:
    jwks = {
        "keys": [
            {**json.loads(jwt.algorithms.OKPAlgorithm.to_jwk(ed_key.public_key())), "kid": "k-ed", "use": "sig"},
            {**json.loads(jwt.algorithms.ECAlgorithm.to_jwk(ec_key.public_key())), "kid": "k-ec", "alg": "ES256"},
            {"kty": "oct", "k": b64(b"secret"), "kid": "k-hmac"},  # skipped: shared secret
        ]
    }
    path = tmp_path / "jwks.json"
    path.write_text(json.dumps(jwks))
    verifier = TokenVerifier.from_settings(
        Settings(jwks_file=path, jwt_issuer=ISS, jwt_audience=AUD, data_dir=tmp_path)
    )
    assert verifier.verify_customer(sign(ed_key, "EdDSA", claims(), kid="k-ed")).customer_id == "cust-1"
    assert verifier.verify_customer(sign(ec_key, "ES256", claims(), kid="k-ec")).customer_id == "cust-1"
    for token in (
        sign(ed_key, "EdDSA", claims(), kid="k-ec"),  # right key material, wrong kid
        sign(ec_key, "ES256", claims(), kid="k-unknown"),
        sign(ec_key, "ES256", claims()),  # no kid, and no default key
        handmade({"alg": "HS256", "kid": "k-hmac"}, claims(), lambda m: hmac.new(b"secret", m, "sha256").digest()),
    ):
        with pytest.raises(AuthError):
            verifier.verify_customer(token)
    assert not (tmp_path / "dev-keys").exists()  # production configuration: no dev key made


def test_jwks_with_private_key_refused(ed_key: ed25519.Ed25519PrivateKey) -> None:
    jwk = json.loads(jwt.algorithms.OKPAlgorithm.to_jwk(ed_key))
    with pytest.raises(ChatlogError, match="public keys only"):
        load_jwks(json.dumps({"keys": [jwk]}), algorithms=ALGS)


@pytest.mark.parametrize(
    "text",
    ["{}", "not json", '{"keys": []}', json.dumps({"keys": [{"kty": "oct", "k": "c2VjcmV0"}]})],
)
def test_jwks_without_usable_key_refused(text: str) -> None:
    with pytest.raises(ChatlogError):
        load_jwks(text, algorithms=ALGS)


@pytest.mark.parametrize(("alg", "key_fixture"), [("RS256", "rsa_key"), ("ES256", "ec_key"), ("EdDSA", "ed_key")])
def test_public_key_file(tmp_path: Path, request: pytest.FixtureRequest, alg: str, key_fixture: str) -> None:
    key: PrivateKey = request.getfixturevalue(key_fixture)
    path = tmp_path / "idp.pem"
    path.write_bytes(public_pem(key))
    verifier = TokenVerifier.from_settings(
        Settings(jwt_public_key_file=path, jwt_issuer=ISS, jwt_audience=AUD, data_dir=tmp_path)
    )
    token = sign(key, alg, claims(sub="staff-2", kind="staff", role="compliance"), kid="any-kid")
    assert verifier.verify_staff(token, roles=["compliance"]) == StaffIdentity("staff-2", "compliance")


def test_rsa_key_allows_pss_only_when_listed(rsa_key: rsa.RSAPrivateKey) -> None:
    assert load_public_key(public_pem(rsa_key), algorithms=["RS256"]).algorithms == ("RS256",)
    assert load_public_key(public_pem(rsa_key), algorithms=["RS256", "PS256"]).algorithms == ("RS256", "PS256")


@pytest.mark.parametrize("algorithms", [["HS256"], ["EdDSA", "none"], ["RS256", "HS512"], []])
def test_symmetric_algorithms_refused_in_configuration(
    ed_key: ed25519.Ed25519PrivateKey, algorithms: list[str]
) -> None:
    with pytest.raises(ChatlogError):
        load_public_key(public_pem(ed_key), algorithms=algorithms)


def test_key_that_fits_no_allowed_algorithm_refused(ed_key: ed25519.Ed25519PrivateKey) -> None:
    with pytest.raises(ChatlogError, match="fits none"):
        load_public_key(public_pem(ed_key), algorithms=["RS256"])


def test_short_rsa_key_refused() -> None:
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    with pytest.raises(ChatlogError, match="too short"):
        load_public_key(public_pem(weak), algorithms=ALGS)


@pytest.mark.parametrize("data", [b"", b"not a pem", b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"])
def test_unreadable_public_key_refused(data: bytes) -> None:
    with pytest.raises(ChatlogError):
        load_public_key(data, algorithms=ALGS)


def test_private_key_pem_refused_as_public_key(ed_key: ed25519.Ed25519PrivateKey) -> None:
    pem = ed_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    with pytest.raises(ChatlogError):
        load_public_key(pem, algorithms=ALGS)


def test_missing_key_file(tmp_path: Path) -> None:
    with pytest.raises(ChatlogError, match="cannot read"):
        TokenVerifier.from_settings(Settings(jwt_public_key_file=tmp_path / "nope.pem", data_dir=tmp_path))


def test_no_key_configured_outside_dev_mode(tmp_path: Path) -> None:
    with pytest.raises(ChatlogError, match="no token key"):
        TokenVerifier.from_settings(Settings(dev_mode=False, data_dir=tmp_path))


# --- development keys and the issuer -----------------------------------------------------------------------


def test_dev_round_trip(dev_settings: Settings) -> None:
    issuer = TokenIssuer.from_settings(dev_settings)
    verifier = TokenVerifier.from_settings(dev_settings)
    assert verifier.verify_customer(issuer.customer("cust-42")) == CustomerIdentity("cust-42")
    staff = issuer.staff("adv-1", role="adviser", ttl_s=60)
    assert verifier.verify_staff(staff, roles={"adviser", "bot"}) == StaffIdentity("adv-1", "adviser")
    with pytest.raises(AuthError):
        verifier.verify_customer(staff)
    with pytest.raises(AuthError):
        verifier.verify_staff(issuer.customer("cust-42"))
    decoded = jwt.decode(issuer.customer("c"), options={"verify_signature": False})
    assert set(decoded) == {"sub", "iss", "aud", "iat", "exp", "kind"}
    assert decoded["exp"] - decoded["iat"] == 3600


def test_dev_keys_created_once_with_0600(tmp_path: Path) -> None:
    private_path, public_path = ensure_dev_keys(tmp_path)
    assert private_path.parent == tmp_path / "dev-keys"
    assert stat.S_IMODE(private_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(public_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(private_path.parent.stat().st_mode) == 0o700
    first = private_path.read_bytes(), public_path.read_bytes()
    assert ensure_dev_keys(tmp_path) == (private_path, public_path)
    assert (private_path.read_bytes(), public_path.read_bytes()) == first
    assert sorted(p.name for p in private_path.parent.iterdir()) == ["ed25519-private.pem", "ed25519-public.pem"]


def test_dev_keys_concurrent_first_use_agree(tmp_path: Path) -> None:
    # Several workers starting at once must end up with one key pair and no stray temporary files.
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: ensure_dev_keys(tmp_path), range(16)))
    assert len(set(results)) == 1
    private_path, public_path = results[0]
    key = serialization.load_pem_private_key(private_path.read_bytes(), password=None)
    assert public_pem(key) == public_path.read_bytes()  # type: ignore[arg-type]
    assert sorted(p.name for p in private_path.parent.iterdir()) == ["ed25519-private.pem", "ed25519-public.pem"]


def test_dev_public_key_rewritten_from_private(tmp_path: Path) -> None:
    _, public_path = ensure_dev_keys(tmp_path)
    expected = public_path.read_bytes()
    public_path.write_bytes(b"garbage")
    ensure_dev_keys(tmp_path)
    assert public_path.read_bytes() == expected


def test_dev_key_readable_by_others_refused(tmp_path: Path) -> None:
    private_path, _ = ensure_dev_keys(tmp_path)
    os.chmod(private_path, 0o644)
    with pytest.raises(ChatlogError, match="chmod 600"):
        ensure_dev_keys(tmp_path)


def test_corrupt_dev_key_refused(tmp_path: Path) -> None:
    private_path, _ = ensure_dev_keys(tmp_path)
    private_path.write_bytes(b"not a key")
    with pytest.raises(ChatlogError, match="PEM private key"):
        ensure_dev_keys(tmp_path)


def test_tokens_survive_restart(dev_settings: Settings) -> None:
    token = TokenIssuer.from_settings(dev_settings).customer("cust-1")
    assert TokenVerifier.from_settings(dev_settings).verify_customer(token).customer_id == "cust-1"


def test_another_data_dir_does_not_accept_dev_tokens(dev_settings: Settings, tmp_path: Path) -> None:
    token = TokenIssuer.from_settings(dev_settings).customer("cust-1")
    other = Settings(data_dir=tmp_path / "other", dev_mode=True, jwt_issuer=ISS, jwt_audience=AUD)
    with pytest.raises(AuthError):
        TokenVerifier.from_settings(other).verify_customer(token)


def test_dev_mode_alongside_bank_key(tmp_path: Path, ed_key: ed25519.Ed25519PrivateKey) -> None:
    path = tmp_path / "bank.pem"
    path.write_bytes(public_pem(ed_key))
    settings = Settings(data_dir=tmp_path, dev_mode=True, jwt_public_key_file=path, jwt_issuer=ISS, jwt_audience=AUD)
    verifier = TokenVerifier.from_settings(settings)
    assert verifier.verify_customer(TokenIssuer.from_settings(settings).customer("dev-c")).customer_id == "dev-c"
    assert verifier.verify_customer(sign(ed_key, "EdDSA", claims(), kid="bank-kid")).customer_id == "cust-1"


@pytest.mark.parametrize(
    "settings_kwargs",
    [{"dev_mode": False}, {"jwt_public_key_file": Path("/nonexistent.pem")}, {"jwks_file": Path("/j.json")}],
)
def test_issuer_refuses_outside_dev_mode(tmp_path: Path, settings_kwargs: dict[str, Any]) -> None:
    with pytest.raises(ChatlogError, match="development mode"):
        TokenIssuer.from_settings(Settings(data_dir=tmp_path, **settings_kwargs))
    assert not (tmp_path / "dev-keys").exists()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda i: i.customer(""), "printable"),
        (lambda i: i.customer("a\tb"), "printable"),
        (lambda i: i.customer("c", ttl_s=0), "ttl_s"),
        (lambda i: i.staff("s", role="root"), "role"),
    ],
)
def test_issuer_rejects_bad_arguments(dev_settings: Settings, call: Callable[[TokenIssuer], str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call(TokenIssuer.from_settings(dev_settings))
