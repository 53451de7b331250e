"""The embedded store: SQLite in WAL mode with group commit (stdlib ``sqlite3`` only).

The gateway acks a chat message only after :meth:`SqliteStore.append_message` returns, so the commit
here is both the product's durability point and its throughput ceiling. Committing each message on
its own costs two thread round-trips per message, done one at a time (about 4k msgs/s, notes.md).
Group commit removes that: one writer thread owns the only write connection; callers enqueue an
operation with an asyncio future and wait; the writer takes everything that queued while it was busy
(up to ``max_batch``), runs it in ONE transaction, commits once (one fsync), then resolves every
future of the batch with one ``call_soon_threadsafe`` per event loop. A lone write is taken and
committed at once: there is no timer, batches form only from writes that arrived during the previous
commit. A batch runs with no savepoints; if an operation fails, the transaction is rolled back and
the batch runs again without it, so one failing operation fails only its own future (and is never run
twice); a failing COMMIT fails the whole batch and acks nothing.

Reads go through read-only connections on a small thread pool; in WAL mode they see the last commit
and never wait behind the writer. Nothing here blocks the event loop.

Privacy: log lines carry ids and counts, never message text.
"""
from __future__ import annotations

import asyncio
import json
import logging
import shutil
import sqlite3
import threading
from collections.abc import Callable, Collection, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar

from chat.errors import ChatlogError, StoreError, StoreUnavailable
from chat.store.base import (
    ABANDONED_AFTER,
    AppendResult,
    AuditLink,
    AuditRecord,
    DailyStats,
    ErasureCheck,
    Hold,
    NewMessage,
    Page,
    Retention,
    ServiceDay,
    SessionRecord,
    SessionState,
    Store,
    StoredMessage,
    Transition,
)
from chat.store.cursor import AUDIT_KIND, decode_cursor, encode_cursor, epoch_us
from chat.store.sqlite_append import AppendOp
from chat.store.sqlite_audit import insert_audit, purge_audit, read_head, read_links
from chat.store.sqlite_ops import (
    _AUDIT_COLUMNS,
    _GET_MESSAGES,
    _GET_SESSION,
    _HOLD_COLUMNS,
    _INSERT_SESSION,
    _RELEASE_HOLD,
    _SESSION_COLUMNS,
    _TOUCH_READINESS,
    _audit_from_row,
    _delete_session,
    _execute,
    _hold_from_row,
    _insert_hold,
    _message_from_row,
    _opt_us,
    _purge_messages,
    _purge_sessions,
    _PurgeStep,
    _read_stats,
    _record_times,
    _rowcount,
    _run_purge_step,
    _session_from_row,
    _set_objection,
    _transition,
    _update_session,
    _withdraw_objection,
)
from chat.store.sqlite_stats import read_service_stats
from chat.store.sqlite_writer import SYNCHRONOUS_PRAGMA, WriterConfig, _GroupCommitWriter, _map_error

if TYPE_CHECKING:
    from chat.settings import Settings

logger = logging.getLogger(__name__)

T = TypeVar("T")
Synchronous = Literal["FULL", "NORMAL"]
Row = Sequence[Any]

#: ``UPDATE ... RETURNING`` (used to assign ``seq`` in one statement) needs SQLite 3.35.
MIN_SQLITE_VERSION: Final = (3, 35, 0)
_SESSIONS_CURSOR: Final = "sessions"
_AUDIT_CURSOR: Final = AUDIT_KIND

# --- the store ----------------------------------------------------------------------------------------


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _check_limit(limit: int) -> None:
    if limit < 1:
        raise ValueError("limit must be at least 1")


class SqliteStore(Store):
    """:class:`Store` on one SQLite file in WAL mode; the embedded default for single-node installs."""

    name = "sqlite"

    def __init__(
        self,
        path: Path,
        *,
        synchronous: Synchronous = "FULL",
        cache_mb: int = 64,
        checkpoint_pages: int = 4000,
        max_batch: int = 512,
        sweep_interval_s: float = 300.0,
        read_threads: int = 2,
        busy_timeout_s: float = 5.0,
        purge_chunk: int = 5_000,
        min_free_bytes: int = 64 << 20,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        if synchronous not in SYNCHRONOUS_PRAGMA:
            raise ValueError("synchronous must be FULL or NORMAL")
        if max_batch < 1 or read_threads < 1 or purge_chunk < 1:
            raise ValueError("max_batch, read_threads and purge_chunk must be at least 1")
        self._path = Path(path)
        self._synchronous = synchronous
        self._max_batch = max_batch
        self._sweep_interval_s = sweep_interval_s
        self._read_threads = read_threads
        self._busy_timeout_s = busy_timeout_s
        self._writer_config = WriterConfig(self._path, synchronous, busy_timeout_s, cache_mb * 1024, checkpoint_pages)
        self._purge_chunk = purge_chunk
        #: Below this much free space on the data directory's disk the store reports itself not ready.
        self._min_free_bytes = min_free_bytes
        self._clock = clock
        self._writer: _GroupCommitWriter | None = None
        self._readers: ThreadPoolExecutor | None = None
        self._reader_local = threading.local()
        self._reader_conns: list[sqlite3.Connection] = []
        self._reader_lock = threading.Lock()
        self._sweeper: asyncio.Task[None] | None = None
        self._closing = False

    @classmethod
    def from_settings(cls, settings: Settings) -> SqliteStore:
        return cls(
            settings.data_dir / "chatlog.db",
            synchronous=settings.sqlite_synchronous,
            cache_mb=settings.sqlite_cache_mb,
            checkpoint_pages=settings.sqlite_checkpoint_pages,
            max_batch=settings.sqlite_max_batch,
            sweep_interval_s=settings.sweep_interval_s,
            min_free_bytes=settings.min_free_disk_mb << 20,
        )

    @property
    def path(self) -> Path:
        return self._path

    @property
    def commits(self) -> int:
        """Transactions the writer has committed since :meth:`open` (one per batch)."""
        return self._writer.commits if self._writer is not None else 0

    # --- lifecycle ------------------------------------------------------------------------------------

    async def open(self) -> None:
        if self._writer is not None:
            return
        if sqlite3.sqlite_version_info < MIN_SQLITE_VERSION:
            raise StoreError(f"SQLite {sqlite3.sqlite_version} is too old; 3.35 or newer is needed")
        writer = _GroupCommitWriter(self._writer_config, max_batch=self._max_batch)
        await writer.start()
        if writer.applied:
            logger.info("sqlite schema migrated", extra={"version": writer.applied[-1]})
        self._writer = writer
        self._closing = False
        self._readers = ThreadPoolExecutor(self._read_threads, thread_name_prefix="chatlog-sqlite-read")
        if self._sweep_interval_s > 0:
            self._sweeper = asyncio.create_task(self._sweep_forever(), name="chatlog-sqlite-sweeper")
        logger.info("sqlite store open", extra={"synchronous": self._synchronous, "batch": self._max_batch})

    def _connect_reader(self) -> sqlite3.Connection:
        uri = self._path.resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(
            uri, uri=True, isolation_level=None, check_same_thread=False, timeout=self._busy_timeout_s
        )
        with self._reader_lock:
            self._reader_conns.append(conn)
        return conn

    async def close(self) -> None:
        """Stop the sweeper, let the writer finish everything queued so far, then close connections."""
        writer = self._writer
        if writer is None:
            return
        self._closing = True
        if self._sweeper is not None:
            self._sweeper.cancel()
            await asyncio.wait([self._sweeper])
            self._sweeper = None
        await writer.close()
        readers = self._readers
        if readers is not None:
            await asyncio.to_thread(readers.shutdown, True)
        with self._reader_lock:
            conns, self._reader_conns = self._reader_conns, []
        self._reader_local = threading.local()
        for conn in conns:
            conn.close()
        self._writer = None
        self._readers = None
        logger.info("sqlite store closed", extra={"count": writer.commits})

    async def ping(self) -> None:
        """Ready means a write can succeed now: enough free disk space for the next group commits, and a
        real write (a row updated and committed, fsync and all) through the writer thread. An empty
        transaction passed on a full disk (issue 8, item 6)."""
        if self._writer is None or not self._writer.alive:
            raise StoreUnavailable("the embedded store is not open", code="not_open")
        free = (await asyncio.to_thread(shutil.disk_usage, self._path.parent)).free
        if free < self._min_free_bytes:
            raise StoreUnavailable("the data directory's disk is (nearly) full", code="disk_full")
        now = epoch_us(self._clock())
        try:
            await asyncio.wait_for(
                self._write(partial(_execute, sql=_TOUCH_READINESS, params=(now,))),
                timeout=max(self._busy_timeout_s, 1.0),
            )
        except TimeoutError as exc:
            raise StoreUnavailable("the embedded store's writer is not responding", code="writer_stalled") from exc
        except StoreError as exc:
            raise StoreUnavailable("the embedded store cannot write", code="write_failed") from exc

    async def _sweep_forever(self) -> None:
        while True:
            await asyncio.sleep(self._sweep_interval_s)
            try:
                counts = await self.purge_expired(now=self._clock())
            except ChatlogError as exc:
                logger.warning("sqlite sweep failed", extra={"code": exc.code})
                continue
            if any(counts.values()):
                logger.info(
                    "sqlite sweep deleted expired data",
                    extra={"sessions": counts["sessions"], "messages": counts["messages"], "deleted": counts["audit"]},
                )

    # --- plumbing -------------------------------------------------------------------------------------

    def _write(self, fn: Callable[[sqlite3.Connection], T]) -> asyncio.Future[T]:
        """Queue ``fn`` for the writer; the future settles once its batch is committed. Not a coroutine:
        every message comes this way, and a coroutine around the future cost one more layer each (issue 11)."""
        writer = self._writer
        if writer is None or self._closing:
            raise StoreUnavailable("the embedded store is closed")
        return writer.submit(fn)

    async def _read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        readers = self._readers
        if readers is None or self._closing:
            raise StoreUnavailable("the embedded store is closed")
        return await asyncio.get_running_loop().run_in_executor(readers, self._run_read, fn)

    def _run_read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        conn: sqlite3.Connection | None = getattr(self._reader_local, "conn", None)
        try:
            if conn is None:
                conn = self._connect_reader()
                self._reader_local.conn = conn
            return fn(conn)
        except sqlite3.Error as exc:
            raise _map_error(exc) from exc

    # --- sessions -------------------------------------------------------------------------------------

    async def create_session(self, session: SessionRecord) -> None:
        r = session.retention
        params = (
            session.session_id,
            session.kind,
            session.customer_id,
            epoch_us(session.created_at),
            r.tier,
            _opt_us(r.expire_at),
            _opt_us(r.visible_until),
            session.state,
            _opt_us(session.ended_at),
            json.dumps(list(session.adviser_ids)),
            int(session.legal_hold),
            int(session.objection),
            session.customer_id,
            session.last_seq,
            session.adviser_id,
        )
        await self._write(partial(_execute, sql=_INSERT_SESSION, params=params))

    async def get_session(self, session_id: str, *, now: datetime) -> SessionRecord | None:
        args = (session_id, epoch_us(now))
        row = await self._read(lambda conn: conn.execute(_GET_SESSION, args).fetchone())
        return None if row is None else _session_from_row(row)

    async def live_session_ids(self, session_ids: Collection[str], *, now: datetime) -> set[str]:
        ids = list(session_ids)
        if not ids:
            return set()
        sql = (
            f"SELECT session_id FROM sessions WHERE session_id IN ({','.join('?' * len(ids))}) "  # noqa: S608
            "AND (expire_at IS NULL OR expire_at > ?)"
        )
        rows = await self._read(lambda conn: conn.execute(sql, [*ids, epoch_us(now)]).fetchall())
        return {row[0] for row in rows}

    async def update_session(
        self,
        session_id: str,
        *,
        state: SessionState | None = None,
        ended_at: datetime | None = None,
        add_adviser: str | None = None,
        legal_hold: bool | None = None,
        objection: bool | None = None,
        retention: Retention | None = None,
    ) -> None:
        params: dict[str, Any] = {
            "state": state,
            "ended_at": _opt_us(ended_at),
            "legal_hold": None if legal_hold is None else int(legal_hold),
            "objection": None if objection is None else int(objection),
        }
        await self._write(
            partial(_update_session, session_id=session_id, add_adviser=add_adviser, params=params, retention=retention)
        )

    async def transition(
        self,
        session_id: str,
        *,
        to: SessionState,
        from_states: tuple[SessionState, ...],
        adviser_id: str | None = None,
        expect_adviser: str | None = None,
        at: datetime | None = None,
    ) -> Transition:
        return await self._write(
            partial(
                _transition,
                session_id=session_id,
                to=to,
                from_states=tuple(from_states),
                adviser_id=adviser_id,
                expect_adviser=expect_adviser,
                at=_opt_us(at),
            )
        )

    async def record_times(
        self, session_id: str, *, first_customer_at: datetime | None = None, first_answer_at: datetime | None = None
    ) -> None:
        await self._write(
            partial(_record_times, session_id=session_id, first_customer_at=_opt_us(first_customer_at),
                    first_answer_at=_opt_us(first_answer_at))
        )

    async def mark_erasure_requested(self, session_id: str, *, at: datetime) -> None:
        sql = "UPDATE sessions SET erasure_requested_at = COALESCE(erasure_requested_at, ?) WHERE session_id = ?"
        await self._write(partial(_execute, sql=sql, params=(epoch_us(at), session_id)))

    async def set_topic(self, session_id: str, topic: str) -> None:
        await self._write(partial(_execute, sql="UPDATE sessions SET topic = ? WHERE session_id = ?",
                                  params=(topic, session_id)))

    async def service_stats(self, *, now: datetime, since: datetime, until: datetime) -> list[ServiceDay]:
        args = {"now": epoch_us(now), "since": epoch_us(since), "until": epoch_us(until),
                "abandoned": epoch_us(now - ABANDONED_AFTER)}
        return await self._read(partial(read_service_stats, args=args))

    async def list_sessions(
        self,
        *,
        customer_id: str,
        now: datetime,
        limit: int = 50,
        cursor: str | None = None,
        archive_only: bool = False,
    ) -> Page[SessionRecord]:
        _check_limit(limit)
        now_us = epoch_us(now)
        where = ["customer_id = ?", "(expire_at IS NULL OR expire_at > ?)"]
        args: list[Any] = [customer_id, now_us]
        if archive_only:
            where.append("visible_until > ?")
            args.append(now_us)
        if cursor is not None:
            after_at, after_id = decode_cursor(cursor, _SESSIONS_CURSOR)
            where.append("(created_at, session_id) < (?, ?)")
            args += [epoch_us(after_at), after_id]
        sql = (
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE {' AND '.join(where)} "  # noqa: S608 - literals
            "ORDER BY created_at DESC, session_id DESC LIMIT ?"
        )
        args.append(limit + 1)
        rows = await self._read(lambda conn: conn.execute(sql, args).fetchall())
        return Page.from_overfetch(
            [_session_from_row(row) for row in rows],
            limit,
            lambda s: encode_cursor(_SESSIONS_CURSOR, s.created_at, s.session_id),
        )

    async def delete_session(self, session_id: str, *, check: ErasureCheck | None = None) -> bool:
        return await self._write(partial(_delete_session, session_id=session_id, check=check))

    # --- messages -------------------------------------------------------------------------------------

    async def append_message(self, message: NewMessage) -> AppendResult:
        return await self._write(AppendOp(message, epoch_us(message.at)))

    async def replace_text(self, session_id: str, seq: int, text: str) -> bool:
        sql = "UPDATE messages SET text = ? WHERE session_id = ? AND seq = ?"
        return bool(await self._write(partial(_rowcount, sql=sql, params=(text, session_id, seq))))

    async def get_messages(
        self, session_id: str, *, now: datetime, after_seq: int = 0, limit: int | None = None
    ) -> list[StoredMessage]:
        if limit is not None:
            _check_limit(limit)
        args = (session_id, after_seq, epoch_us(now), -1 if limit is None else limit)
        rows = await self._read(lambda conn: conn.execute(_GET_MESSAGES, args).fetchall())
        return [_message_from_row(row) for row in rows]

    # --- objections -----------------------------------------------------------------------------------

    async def set_objection(self, customer_id: str, *, at: datetime) -> int:
        return await self._write(partial(_set_objection, customer_id=customer_id, at=epoch_us(at)))

    async def withdraw_objection(self, customer_id: str) -> int:
        return await self._write(partial(_withdraw_objection, customer_id=customer_id))

    async def has_objection(self, customer_id: str) -> bool:
        sql = "SELECT 1 FROM objections WHERE customer_id = ?"
        row = await self._read(lambda conn: conn.execute(sql, (customer_id,)).fetchone())
        return row is not None

    # --- audit ----------------------------------------------------------------------------------------

    async def add_audit(self, record: AuditRecord) -> None:
        await self._write(partial(insert_audit, record=record))

    async def audit_links(self, *, after_seq: int = 0, limit: int = 1000) -> list[AuditLink]:
        return await self._read(partial(read_links, after_seq=after_seq, limit=limit))

    async def audit_head(self) -> AuditLink | None:
        return await self._read(read_head)

    async def list_audit(
        self,
        *,
        now: datetime,
        actor_id: str | None = None,
        session_id: str | None = None,
        customer_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 100,
        cursor: str | None = None,
    ) -> Page[AuditRecord]:
        _check_limit(limit)
        where = ["expire_at > ?"]
        args: list[Any] = [epoch_us(now)]
        for column, value in (("actor_id", actor_id), ("session_id", session_id), ("customer_id", customer_id)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        if since is not None:
            where.append("at >= ?")
            args.append(epoch_us(since))
        if until is not None:
            where.append("at < ?")
            args.append(epoch_us(until))
        if cursor is not None:
            after_at, after_id = decode_cursor(cursor, _AUDIT_CURSOR)
            where.append("(at, audit_id) < (?, ?)")
            args += [epoch_us(after_at), after_id]
        sql = (
            f"SELECT {_AUDIT_COLUMNS} FROM audit WHERE {' AND '.join(where)} "  # noqa: S608 - literals
            "ORDER BY at DESC, audit_id DESC LIMIT ?"
        )
        args.append(limit + 1)
        rows = await self._read(lambda conn: conn.execute(sql, args).fetchall())
        return Page.from_overfetch(
            [_audit_from_row(row) for row in rows],
            limit,
            lambda a: encode_cursor(_AUDIT_CURSOR, a.at, a.audit_id),
        )

    # --- legal holds ----------------------------------------------------------------------------------

    async def add_hold(self, hold: Hold) -> None:
        params = (
            hold.hold_id,
            hold.session_id,
            hold.case_ref,
            hold.placed_by,
            epoch_us(hold.placed_at),
            _opt_us(hold.released_at),
            hold.released_by,
        )
        await self._write(partial(_insert_hold, params=params))

    async def release_hold(self, hold_id: str, *, by: str, at: datetime) -> Hold | None:
        args = (epoch_us(at), by, hold_id)
        rows = await self._write(lambda conn: conn.execute(_RELEASE_HOLD, args).fetchall())
        return _hold_from_row(rows[0]) if rows else None

    async def list_holds(self, *, session_id: str | None = None, active_only: bool = True) -> list[Hold]:
        where = ["1 = 1"]
        args: list[Any] = []
        if session_id is not None:
            where.append("session_id = ?")
            args.append(session_id)
        if active_only:
            where.append("released_at IS NULL")
        sql = (
            f"SELECT {_HOLD_COLUMNS} FROM holds WHERE {' AND '.join(where)} "  # noqa: S608 - literals
            "ORDER BY placed_at, hold_id"
        )
        rows = await self._read(lambda conn: conn.execute(sql, args).fetchall())
        return [_hold_from_row(row) for row in rows]

    # --- expiry and statistics ------------------------------------------------------------------------

    async def purge_expired(self, *, now: datetime) -> Mapping[str, int]:
        """Delete in chunks of ``purge_chunk`` rows so that appends are never stuck behind a big purge."""
        now_us = epoch_us(now)
        totals = {"sessions": 0, "messages": 0, "audit": 0}
        steps: tuple[tuple[str, _PurgeStep], ...] = (
            ("messages", _purge_messages),
            ("sessions", _purge_sessions),
            ("audit", purge_audit),
        )
        for key, step in steps:
            while True:
                op = partial(_run_purge_step, step=step, now=now_us, limit=self._purge_chunk)
                first, messages = await self._write(op)
                if key == "sessions":
                    totals["sessions"] += first
                elif key == "audit":
                    totals["audit"] += first
                totals["messages"] += messages
                if max(first, messages) < self._purge_chunk:
                    break
        return totals

    async def stats(self, *, now: datetime, since: datetime, until: datetime) -> list[DailyStats]:
        args = {"now": epoch_us(now), "since": epoch_us(since), "until": epoch_us(until)}
        return await self._read(partial(_read_stats, args=args))


