"""Encryption at rest of logged-in chats, so that erasure reaches backups (issue 14: crypto-shredding).

Each logged-in session's message text is sealed with its own random 256-bit data key (AES-256-GCM from
``cryptography``, the session id as associated data so that a ciphertext moved to another session does
not open). Data keys are stored *wrapped* (sealed by a master key) in a key store apart from the chat
data. Erasing the session, or its expiry, deletes the wrapped key: the text in every backup of the chat
data taken before then can no longer be read by anyone, and nobody had to touch those backups.

Master keys come from configuration (``CHATLOG_MASTER_KEYS_FILE``: lines ``kid:base64(32 bytes)``, the
first one current, the others still accepted for unwrapping during a rotation); development mode
creates one under the data directory. A bank plugs in its KMS or HSM by having it write that file at
start-up (or by replacing :class:`MasterKeys` with a client of it: wrap and unwrap are its only uses).
Anonymous sessions need no key: their text is redacted before it is stored.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from chat.errors import MasterKeyError, NotConfigured
from chat.keyfiles import check_private, create_once
from chat.settings import Settings

#: Prefix of sealed message text: the format's version, so that a later scheme can live beside it.
SEALED_PREFIX: Final = "enc1:"
#: What a reader gets for text whose data key is gone (erased or expired session, restored backup).
UNREADABLE: Final = "[unreadable: this chat's key was destroyed]"
_KID: Final = re.compile(r"[A-Za-z0-9_.-]{1,64}")
_CANARY: Final = b"chatlog key store check"


@dataclass(frozen=True, slots=True)
class MasterKeys:
    """The configured master keys, the first current (wraps new data keys), all accepted to unwrap."""

    keys: tuple[tuple[str, bytes], ...]

    @property
    def current(self) -> str:
        return self.keys[0][0]

    @classmethod
    def parse(cls, text: str) -> MasterKeys:
        keys: list[tuple[str, bytes]] = []
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            kid, _, value = line.partition(":")
            try:
                raw = base64.b64decode(value, validate=True)
            except ValueError:
                raw = b""
            if not _KID.fullmatch(kid) or len(raw) != 32:
                raise MasterKeyError("a master key line must be kid:base64(32 bytes)")
            keys.append((kid, raw))
        if not keys or len({k for k, _ in keys}) != len(keys):
            raise MasterKeyError("the master key file holds no key, or a key id twice")
        return cls(tuple(keys))

    @classmethod
    def from_settings(cls, settings: Settings) -> MasterKeys:
        path = settings.master_keys_file
        if path is None:
            if not settings.is_dev:
                raise NotConfigured("logged-in chats are encrypted at rest: set CHATLOG_MASTER_KEYS_FILE")
            path = settings.data_dir / "keys" / "master.keys"
            create_once(path, f"dev-1:{base64.b64encode(os.urandom(32)).decode()}\n".encode())
        if not Path(path).exists():
            raise NotConfigured(f"the master key file {path} does not exist (CHATLOG_MASTER_KEYS_FILE)")
        check_private(Path(path))
        return cls.parse(Path(path).read_text(encoding="utf-8"))

    def wrap(self, data_key: bytes) -> tuple[str, bytes]:
        kid, master = self.keys[0]
        nonce = os.urandom(12)
        return kid, nonce + AESGCM(master).encrypt(nonce, data_key, kid.encode())

    def unwrap(self, kid: str, blob: bytes) -> bytes:
        for known, master in self.keys:
            if known == kid:
                try:
                    return AESGCM(master).decrypt(blob[:12], blob[12:], kid.encode())
                except InvalidTag:
                    raise MasterKeyError(f"master key {kid} does not open this key store: wrong key") from None
        raise MasterKeyError(f"master key {kid} is not configured (CHATLOG_MASTER_KEYS_FILE)")

    def canary(self) -> tuple[str, bytes]:
        """A known value wrapped by the current key: a later start checks that its keys open it."""
        return self.wrap(_CANARY)

    def check_canary(self, kid: str, blob: bytes) -> None:
        if self.unwrap(kid, blob) != _CANARY:
            raise MasterKeyError("the key store's check value does not match: wrong master key")


class _Nonces:
    """Random 96-bit nonces, drawn from the OS's generator 4,096 at a time: ``os.urandom`` per message
    cost more than the encryption itself here (a ``getrandom`` call each). Still random (not a counter),
    so instances and processes sealing for the same session never need to agree on anything."""

    _BATCH: Final = 4096

    def __init__(self) -> None:
        self._pool = b""
        self._at = 0
        self._lock = threading.Lock()

    def take(self) -> bytes:
        with self._lock:
            if self._at >= len(self._pool):
                self._pool, self._at = os.urandom(12 * self._BATCH), 0
            nonce = self._pool[self._at:self._at + 12]
            self._at += 12
            return nonce


_nonces = _Nonces()


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def cipher(data_key: bytes) -> AESGCM:
    """The AES-GCM object of a data key: built once per session and kept beside the key (its key
    schedule cost more than sealing a message, chat/store/encrypted.py)."""
    return AESGCM(data_key)


def _aead(data_key: bytes | AESGCM) -> AESGCM:
    return data_key if isinstance(data_key, AESGCM) else AESGCM(data_key)


def seal(data_key: bytes | AESGCM, session_id: str, text: str) -> str:
    aead = _aead(data_key)
    nonce = _nonces.take()
    sealed = aead.encrypt(nonce, text.encode("utf-8"), session_id.encode("utf-8"))
    return SEALED_PREFIX + binascii.b2a_base64(nonce + sealed, newline=False).decode("ascii")


def open_sealed(data_key: bytes | AESGCM | None, session_id: str, stored: str) -> str:
    """The text of a stored message: as is if it was never sealed; :data:`UNREADABLE` without its key."""
    if not stored.startswith(SEALED_PREFIX):
        return stored
    if data_key is None:
        return UNREADABLE
    raw = base64.b64decode(stored[len(SEALED_PREFIX):])
    try:
        return _aead(data_key).decrypt(raw[:12], raw[12:], session_id.encode("utf-8")).decode("utf-8")
    except InvalidTag:
        return UNREADABLE
