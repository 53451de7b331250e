"""Case bundles with proof (issue 14): one zip file whose every part is listed by its SHA-256 digest in
a manifest signed with the service's Ed25519 key, checkable offline with ``chatlog case verify``.

Why: a case export goes to a complaints board, an authority or a court, and leaves the bank's systems;
whoever receives it must be able to tell that nothing in it was changed, added or removed since the
service wrote it, without access to the service. The manifest lists each file and its digest; the
signature covers the manifest's exact bytes; the public key travels in the bundle for convenience, but
a verifier pins the bank's published key (``--public-key``), since a forger can put in any key.

Pure (no I/O but the key file helpers): :func:`build` and :func:`verify` work on bytes.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from chat.errors import ChatlogError, NotConfigured
from chat.keyfiles import check_private, create_once
from chat.settings import Settings

FORMAT: Final = "chatlog-case-bundle/1"
MANIFEST: Final = "manifest.json"
SIGNATURE: Final = "manifest.sig"
PUBLIC_KEY: Final = "signing-key.pem"
_RESERVED: Final = frozenset({MANIFEST, SIGNATURE, PUBLIC_KEY})
#: A fixed timestamp in the zip entries, so that the same content gives the same bytes.
_ZIP_TIME: Final = (2000, 1, 1, 0, 0, 0)


def key_id(public: Ed25519PublicKey) -> str:
    """SHA-256 of the raw public key, hex: what a bank publishes so that receivers can pin it."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def load_signing_key(path: Path, *, create: bool) -> Ed25519PrivateKey:
    """The service's case-signing key (PEM, PKCS#8); created on first use in development mode only."""
    if create:
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        create_once(path, pem)
    if not path.exists():
        raise NotConfigured(f"the case signing key {path} does not exist (CHATLOG_CASE_SIGNING_KEY_FILE)")
    check_private(path)
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ChatlogError(f"{path} is not an Ed25519 private key")
    return key


def service_key(settings: Settings) -> Ed25519PrivateKey:
    """The configured key (``CHATLOG_CASE_SIGNING_KEY_FILE``); development mode creates one under the
    data directory, as it does the token key. Production without one: a clear error, never an unsigned
    bundle."""
    if settings.case_signing_key_file is not None:
        return load_signing_key(settings.case_signing_key_file, create=False)
    if not settings.is_dev:
        raise NotConfigured("case exports need a signing key: set CHATLOG_CASE_SIGNING_KEY_FILE")
    return load_signing_key(settings.data_dir / "keys" / "case-signing.pem", create=True)


def build(files: Mapping[str, bytes], key: Ed25519PrivateKey, *, meta: Mapping[str, object]) -> bytes:
    """The zip: ``files`` as given, the manifest (format, ``meta``, each file's digest, the key id), its
    signature (base64) and the public key (PEM)."""
    if _RESERVED & set(files):
        raise ValueError("file names clash with the bundle's own")
    public = key.public_key()
    manifest = {
        "format": FORMAT,
        **meta,
        "key_id": key_id(public),
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())},
    }
    manifest_bytes = json.dumps(manifest, sort_keys=True, indent=1, ensure_ascii=False).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in [*sorted(files.items()), (MANIFEST, manifest_bytes),
                           (SIGNATURE, base64.b64encode(key.sign(manifest_bytes)) + b"\n"),
                           (PUBLIC_KEY, public.public_bytes(serialization.Encoding.PEM,
                                                            serialization.PublicFormat.SubjectPublicKeyInfo))]:
            zf.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data)
    return out.getvalue()


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    reason: str
    key_id: str | None = None
    files: int = 0
    #: True when the signature was checked against a key the verifier gave (else only the bundle's own).
    pinned: bool = False


def verify(data: bytes, *, public_key: Ed25519PublicKey | None = None) -> Verdict:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = zf.namelist()
        if len(names) != len(set(names)):
            return Verdict(False, "a file name appears twice")
        manifest_bytes = zf.read(MANIFEST)
        signature = base64.b64decode(zf.read(SIGNATURE).strip(), validate=True)
        bundled = serialization.load_pem_public_key(zf.read(PUBLIC_KEY))
        manifest = json.loads(manifest_bytes)
        contents = {name: zf.read(name) for name in names if name not in _RESERVED}
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        return Verdict(False, f"not a readable bundle ({type(exc).__name__})")
    if not isinstance(bundled, Ed25519PublicKey) or manifest.get("format") != FORMAT:
        return Verdict(False, "not a chatlog case bundle")
    key = public_key or bundled
    try:
        key.verify(signature, manifest_bytes)
    except InvalidSignature:
        given = " with the given key" if public_key else ""
        return Verdict(False, f"the manifest's signature does not verify{given}")
    listed: dict[str, str] = manifest.get("files", {})
    if set(listed) != set(contents):
        extra, missing = sorted(set(contents) - set(listed)), sorted(set(listed) - set(contents))
        return Verdict(False, f"files not as listed (extra {extra}, missing {missing})", key_id(key))
    for name, digest in listed.items():
        if hashlib.sha256(contents[name]).hexdigest() != digest:
            return Verdict(False, f"{name} was changed", key_id(key))
    return Verdict(True, "intact", key_id(key), len(listed), pinned=public_key is not None)
