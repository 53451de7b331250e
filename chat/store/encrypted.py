"""A store that seals logged-in chats' text with per-session keys, around any store (issue 14).

Like a caching layer around an httpx transport: it is a :class:`Store`, holds the real one, and changes
only what encryption at rest needs (chat/crypto.py): a new logged-in session gets a data key (written
to the key store *before* the session, so no message is ever stored without one); text is sealed on the
way in and opened on the way out; erasing a session destroys its key; and the expiry sweep destroys the
keys of sessions that are gone. Everything else goes straight to the wrapped store, so the stores
themselves know nothing of keys, and their contract suite runs unchanged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Final

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from chat.crypto import MasterKeys, cipher, new_data_key, open_sealed, seal
from chat.errors import ChatlogError
from chat.keystore import KeyStore
from chat.store.base import AppendResult, ErasureCheck, NewMessage, SessionRecord, Store, StoredMessage

log = logging.getLogger(__name__)

#: Unwrapped data keys kept in memory, as their ciphers: the sessions being written and read now.
CACHE_SIZE: Final = 20_000
_CANARY: Final = "canary"
_SWEEP_PAGE: Final = 500


class EncryptingStore(Store):
    def __init__(self, inner: Store, keys: KeyStore, master: MasterKeys, *, sweep_interval_s: float = 0) -> None:
        self.inner = inner
        self.keys = keys
        self.master = master
        self.name = inner.name
        self.sweep_interval_s = sweep_interval_s
        self._cache: OrderedDict[str, AESGCM | None] = OrderedDict()
        self._sweeper: asyncio.Task[None] | None = None

    # --- lifecycle ------------------------------------------------------------------------------------

    async def open(self) -> None:
        await self.keys.open()
        canary = await self.keys.get_meta(_CANARY)
        if canary is None:
            await self.keys.set_meta(_CANARY, *self.master.canary())
        else:
            self.master.check_canary(*canary)  # a wrong or missing master key stops the start here
        await self.inner.open()
        if self.sweep_interval_s > 0:
            self._sweeper = asyncio.create_task(self._sweep_forever(), name="chatlog-key-sweeper")

    async def close(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sweeper
        await self.inner.close()
        await self.keys.close()

    async def _sweep_forever(self) -> None:
        """The keys of sessions that expired (the store's own sweeper or MongoDB's TTL monitor deleted
        them) are destroyed within one interval: expiry reaches the backups as erasure does."""
        while True:
            await asyncio.sleep(self.sweep_interval_s)
            try:
                await self.destroy_orphan_keys(now=datetime.now(UTC))
            except ChatlogError as exc:
                log.warning("key sweep failed", extra={"code": exc.code})

    # --- keys -----------------------------------------------------------------------------------------

    async def _key(self, session_id: str) -> AESGCM | None:
        known, key = self._cached(session_id)
        return key if known else await self._load_key(session_id)

    def _cached(self, session_id: str) -> tuple[bool, AESGCM | None]:
        """Whether the session's key (``None``: it has none) is in memory, and the key: without a
        coroutine, for the path every message takes (issue 11)."""
        cache = self._cache
        if session_id in cache:
            cache.move_to_end(session_id)
            return True, cache[session_id]
        return False, None

    async def _load_key(self, session_id: str) -> AESGCM | None:
        found = await self.keys.get(session_id)
        return self._remember(session_id, None if found is None else self.master.unwrap(*found))

    def _remember(self, session_id: str, key: bytes | None) -> AESGCM | None:
        aead = self._cache[session_id] = None if key is None else cipher(key)
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return aead

    def _open(self, key: AESGCM | None, message: StoredMessage) -> StoredMessage:
        text = open_sealed(key, message.session_id, message.text)
        return message if text is message.text else replace(message, text=text)

    # --- what encryption changes ------------------------------------------------------------------------

    async def create_session(self, session: SessionRecord) -> None:
        if session.kind == "authenticated":
            key = new_data_key()
            await self.keys.put(session.session_id, *self.master.wrap(key))
            self._remember(session.session_id, key)
        else:
            self._remember(session.session_id, None)
        await self.inner.create_session(session)

    async def append_message(self, message: NewMessage) -> AppendResult:
        known, key = self._cached(message.session_id)
        if not known:
            key = await self._load_key(message.session_id)
        if key is None:
            return await self.inner.append_message(message)
        sealed = NewMessage(message.session_id, message.sender, seal(key, message.session_id, message.text),
                            message.at, message.client_msg_id, message.sender_id, message.redactions)
        result = await self.inner.append_message(sealed)
        if not result.duplicate:  # stored as sent: no need to open what was just sealed
            m = result.message
            stored = StoredMessage(m.session_id, m.seq, m.sender, message.text, m.at, m.client_msg_id, m.sender_id)
            return AppendResult(stored, False)
        return AppendResult(self._open(key, result.message), True)

    async def replace_text(self, session_id: str, seq: int, text: str) -> bool:
        key = await self._key(session_id)
        return await self.inner.replace_text(session_id, seq, text if key is None else seal(key, session_id, text))

    async def get_messages(
        self, session_id: str, *, now: datetime, after_seq: int = 0, limit: int | None = None
    ) -> list[StoredMessage]:
        messages = await self.inner.get_messages(session_id, now=now, after_seq=after_seq, limit=limit)
        if not messages:
            return messages
        key = await self._key(session_id)
        return [self._open(key, m) for m in messages]

    async def delete_session(self, session_id: str, *, check: ErasureCheck | None = None) -> bool:
        erased = await self.inner.delete_session(session_id, check=check)
        if erased:
            await self.keys.delete([session_id])  # the erasure that reaches every backup
            self._cache.pop(session_id, None)
        return erased

    async def purge_expired(self, *, now: datetime) -> Mapping[str, int]:
        counts = dict(await self.inner.purge_expired(now=now))
        counts["keys"] = await self.destroy_orphan_keys(now=now)
        return counts

    async def destroy_orphan_keys(self, *, now: datetime) -> int:
        """Keys whose session is gone (expired, purged, erased, never created): destroyed. Expiry is
        read from the chat store, so a legal hold (no expiry) keeps its session's key."""
        destroyed, after = 0, ""
        while page := await self.keys.page(after=after, limit=_SWEEP_PAGE):
            live = await self.inner.live_session_ids([sid for sid, _, _ in page], now=now)
            gone = [sid for sid, _, _ in page if sid not in live]
            destroyed += await self.keys.delete(gone)
            for sid in gone:
                self._cache.pop(sid, None)
            after = page[-1][0]
        if destroyed:
            log.info("data keys destroyed", extra={"count": destroyed})
        return destroyed

    async def rotate(self) -> int:
        """Wrap every data key again with the current master key (``chatlog keys rotate``); online."""
        rotated, after = 0, ""
        while page := await self.keys.page(after=after, limit=_SWEEP_PAGE):
            for sid, kid, blob in page:
                if kid != self.master.current:
                    await self.keys.replace(sid, *self.master.wrap(self.master.unwrap(kid, blob)))
                    rotated += 1
            after = page[-1][0]
        await self.keys.set_meta(_CANARY, *self.master.canary())
        return rotated


def _delegate(name: str) -> Callable[..., Any]:
    async def method(self: EncryptingStore, *args: Any, **kwargs: Any) -> Any:
        return await getattr(self.inner, name)(*args, **kwargs)

    method.__name__ = name
    method.__doc__ = f"Passed to the wrapped store: encryption changes nothing in ``{name}``."
    return method


# Everything encryption does not touch goes to the wrapped store unchanged.
for _name in sorted(Store.__abstractmethods__ - set(vars(EncryptingStore))):
    setattr(EncryptingStore, _name, _delegate(_name))
EncryptingStore.__abstractmethods__ = frozenset()


def encrypting(inner: Store, keys: KeyStore, master: MasterKeys, *, sweep_interval_s: float = 0) -> EncryptingStore:
    """Build one. (The class's other methods are delegated when it is defined, which a type checker
    cannot see: this is the one place that says so.)"""
    return EncryptingStore(inner, keys, master, sweep_interval_s=sweep_interval_s)  # type: ignore[abstract]
