"""Case bundles without a server: built deterministically, and every kind of change refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from chat import casebundle
from chat.errors import NotConfigured
from chat.settings import Settings

FILES = {"case.json": b'{"purpose": "klage"}', "sessions/s1.json": b'{"text": "hei"}', "audit.json": b"[]"}


def rezip(data: bytes, change: dict[str, bytes | None]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts: dict[str, bytes | None] = {name: zf.read(name) for name in zf.namelist()}
    parts.update(change)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, content in parts.items():
            if content is not None:
                zf.writestr(name, content)
    return out.getvalue()


def test_a_bundle_verifies_and_is_deterministic() -> None:
    key = Ed25519PrivateKey.generate()
    one = casebundle.build(FILES, key, meta={"scope": {"session_id": "s1"}})
    assert one == casebundle.build(FILES, key, meta={"scope": {"session_id": "s1"}})
    verdict = casebundle.verify(one, public_key=key.public_key())
    assert verdict.ok and verdict.pinned and verdict.files == 3
    assert verdict.key_id == casebundle.key_id(key.public_key())


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"sessions/s1.json": b'{"text": "hallo"}'}, "sessions/s1.json was changed"),
        ({"sessions/s2.json": b"{}"}, "files not as listed"),
        ({"audit.json": None}, "files not as listed"),
        ({"manifest.json": b'{"format": "chatlog-case-bundle/1", "files": {}}'}, "signature does not verify"),
        ({"manifest.sig": b"AAAA"}, "signature does not verify"),
        ({"signing-key.pem": None}, "not a readable bundle"),
    ],
    ids=["edited", "added", "removed", "new-manifest", "bad-signature", "no-key"],
)
def test_every_kind_of_change_is_refused(change: dict[str, bytes | None], reason: str) -> None:
    key = Ed25519PrivateKey.generate()
    verdict = casebundle.verify(rezip(casebundle.build(FILES, key, meta={}), change))
    assert not verdict.ok and reason in verdict.reason


def test_garbage_and_clashing_names_are_refused() -> None:
    assert casebundle.verify(b"not a zip").reason.startswith("not a readable bundle")
    with pytest.raises(ValueError):
        casebundle.build({"manifest.json": b"{}"}, Ed25519PrivateKey.generate(), meta={})


def test_production_without_a_key_refuses_clearly(tmp_path: Path) -> None:
    prod = Settings(data_dir=tmp_path, dev_mode=False)
    with pytest.raises(NotConfigured, match="CHATLOG_CASE_SIGNING_KEY_FILE"):
        casebundle.service_key(prod)
    dev = Settings(data_dir=tmp_path, dev_mode=True)
    assert casebundle.service_key(dev).public_key() == casebundle.service_key(dev).public_key()  # created once
    assert oct((tmp_path / "keys" / "case-signing.pem").stat().st_mode & 0o777) == "0o600"
