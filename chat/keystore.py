"""Where the wrapped data keys of logged-in sessions live: apart from the chat data (issue 14).

Apart, because a backup of the chat data must not carry the keys that open it: the key store is its own
file (embedded store: ``data_dir/keys.db``) or its own database (MongoDB: ``chatlog_keys`` on the same
cluster), backed up on its own short cycle (docs/operations.md). Deleting a key row is the erasure
that reaches every backup of the chat data. Rows hold ids and wrapped (sealed) keys only.
"""

from __future__ import annotations

import abc
import asyncio
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from chat.errors import StoreUnavailable
from chat.keyfiles import private_database

#: One wrapped key: the session it opens, the master key id that wrapped it, the sealed bytes.
Row = tuple[str, str, bytes]


class KeyStore(abc.ABC):
    async def open(self) -> None:  # noqa: B027 - optional hook
        """Connect and create what is missing."""

    async def close(self) -> None:  # noqa: B027 - optional hook
        """Let go of connections."""

    @abc.abstractmethod
    async def put(self, session_id: str, kid: str, blob: bytes) -> None:
        """Store a session's wrapped key; a second put for the same session keeps the first."""

    @abc.abstractmethod
    async def get(self, session_id: str) -> tuple[str, bytes] | None: ...

    @abc.abstractmethod
    async def delete(self, session_ids: Sequence[str]) -> int:
        """Destroy these keys (their sessions' text becomes unreadable everywhere); how many went."""

    @abc.abstractmethod
    async def page(self, *, after: str, limit: int) -> list[Row]:
        """Keys in session-id order after ``after`` (rotation and the orphan sweep walk them)."""

    @abc.abstractmethod
    async def replace(self, session_id: str, kid: str, blob: bytes) -> None:
        """The same data key wrapped again (master-key rotation)."""

    @abc.abstractmethod
    async def get_meta(self, name: str) -> tuple[str, bytes] | None: ...

    @abc.abstractmethod
    async def set_meta(self, name: str, kid: str, blob: bytes) -> None: ...


class SqliteKeyStore(KeyStore):
    """A small SQLite file of its own (WAL, ``synchronous=FULL``); one connection behind a lock, used
    from worker threads (key reads are cached by the caller; writes are one per logged-in session)."""

    _SCHEMA: Final = (
        "CREATE TABLE IF NOT EXISTS data_keys (session_id TEXT PRIMARY KEY, kid TEXT NOT NULL, blob BLOB NOT NULL)",
        "CREATE TABLE IF NOT EXISTS key_meta (name TEXT PRIMARY KEY, kid TEXT NOT NULL, blob BLOB NOT NULL)",
    )

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    async def open(self) -> None:
        def connect() -> sqlite3.Connection:
            private_database(self.path)  # owner-only before SQLite creates it (chat/keyfiles.py)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=10)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            for statement in self._SCHEMA:
                conn.execute(statement)
            return conn

        try:
            self._conn = await asyncio.to_thread(connect)
        except (OSError, sqlite3.Error) as exc:
            raise StoreUnavailable("cannot open the key store") from exc

    async def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            await asyncio.to_thread(conn.close)

    async def _run(self, sql: str, params: Sequence[Any] = (), *, rows: bool = False) -> Any:
        conn = self._conn
        if conn is None:
            raise StoreUnavailable("the key store is closed")

        def run() -> Any:
            with self._lock:
                cursor = conn.execute(sql, params)
                return cursor.fetchall() if rows else cursor.rowcount

        try:
            return await asyncio.to_thread(run)
        except sqlite3.Error as exc:
            raise StoreUnavailable("the key store failed") from exc

    async def put(self, session_id: str, kid: str, blob: bytes) -> None:
        await self._run("INSERT INTO data_keys VALUES (?, ?, ?) ON CONFLICT (session_id) DO NOTHING",
                        (session_id, kid, blob))

    async def get(self, session_id: str) -> tuple[str, bytes] | None:
        found = await self._run("SELECT kid, blob FROM data_keys WHERE session_id = ?", (session_id,), rows=True)
        return (str(found[0][0]), bytes(found[0][1])) if found else None

    async def delete(self, session_ids: Sequence[str]) -> int:
        if not session_ids:
            return 0
        marks = ",".join("?" * len(session_ids))
        return int(await self._run(f"DELETE FROM data_keys WHERE session_id IN ({marks})", list(session_ids)))  # noqa: S608

    async def page(self, *, after: str, limit: int) -> list[Row]:
        found = await self._run("SELECT session_id, kid, blob FROM data_keys WHERE session_id > ? "
                                "ORDER BY session_id LIMIT ?", (after, limit), rows=True)
        return [(str(s), str(k), bytes(b)) for s, k, b in found]

    async def replace(self, session_id: str, kid: str, blob: bytes) -> None:
        await self._run("UPDATE data_keys SET kid = ?, blob = ? WHERE session_id = ?", (kid, blob, session_id))

    async def get_meta(self, name: str) -> tuple[str, bytes] | None:
        found = await self._run("SELECT kid, blob FROM key_meta WHERE name = ?", (name,), rows=True)
        return (str(found[0][0]), bytes(found[0][1])) if found else None

    async def set_meta(self, name: str, kid: str, blob: bytes) -> None:
        await self._run("INSERT INTO key_meta VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET kid = excluded.kid, "
                        "blob = excluded.blob", (name, kid, blob))


class MongoKeyStore(KeyStore):
    """Two collections in a database of their own (``CHATLOG_KEYSTORE_MONGODB_DATABASE``) on the
    chat store's client: majority writes, like the chat data."""

    def __init__(self, database: Any) -> None:
        self._keys = database["data_keys"]
        self._meta = database["key_meta"]

    async def put(self, session_id: str, kid: str, blob: bytes) -> None:
        await self._keys.update_one({"_id": session_id}, {"$setOnInsert": {"kid": kid, "blob": blob}}, upsert=True)

    async def get(self, session_id: str) -> tuple[str, bytes] | None:
        doc = await self._keys.find_one({"_id": session_id})
        return None if doc is None else (str(doc["kid"]), bytes(doc["blob"]))

    async def delete(self, session_ids: Sequence[str]) -> int:
        if not session_ids:
            return 0
        result = await self._keys.delete_many({"_id": {"$in": list(session_ids)}})
        return int(result.deleted_count)

    async def page(self, *, after: str, limit: int) -> list[Row]:
        found = self._keys.find({"_id": {"$gt": after}}).sort("_id", 1).limit(limit)
        return [(str(d["_id"]), str(d["kid"]), bytes(d["blob"])) async for d in found]

    async def replace(self, session_id: str, kid: str, blob: bytes) -> None:
        await self._keys.update_one({"_id": session_id}, {"$set": {"kid": kid, "blob": blob}})

    async def get_meta(self, name: str) -> tuple[str, bytes] | None:
        doc = await self._meta.find_one({"_id": name})
        return None if doc is None else (str(doc["kid"]), bytes(doc["blob"]))

    async def set_meta(self, name: str, kid: str, blob: bytes) -> None:
        await self._meta.update_one({"_id": name}, {"$set": {"kid": kid, "blob": blob}}, upsert=True)
