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
import contextlib
import json
import logging
import queue
import shutil
import sqlite3
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar, cast

from chat.errors import ChatlogError, DuplicateKey, ErasureRefused, StoreError, StoreUnavailable, UnknownSession
from chat.store.base import (
    AppendResult,
    AuditRecord,
    DailyStats,
    ErasureCheck,
    Hold,
    NewMessage,
    Page,
    Retention,
    Sender,
    SessionKind,
    SessionRecord,
    SessionState,
    Store,
    StoredMessage,
    Tier,
    Transition,
)
from chat.store.cursor import decode_cursor, encode_cursor, epoch_us, from_epoch_us
from chat.store.sqlite_schema import migrate

if TYPE_CHECKING:
    from chat.settings import Settings

logger = logging.getLogger(__name__)

T = TypeVar("T")
Synchronous = Literal["FULL", "NORMAL"]
Row = Sequence[Any]

#: ``UPDATE ... RETURNING`` (used to assign ``seq`` in one statement) needs SQLite 3.35.
MIN_SQLITE_VERSION: Final = (3, 35, 0)
_SYNCHRONOUS_PRAGMA: Final[dict[str, str]] = {
    "FULL": "PRAGMA synchronous = FULL",
    "NORMAL": "PRAGMA synchronous = NORMAL",
}
_SESSIONS_CURSOR: Final = "sessions"
_AUDIT_CURSOR: Final = "audit"


# --- error mapping ------------------------------------------------------------------------------------


def _map_error(exc: BaseException) -> BaseException:
    """Translate a library error into :mod:`chat.errors`; our own errors and bugs pass through.

    Decided on SQLite's extended result code, not on the message text: busy/locked files, I/O errors,
    a full disk or a read-only file are conditions a retry may outlive (``StoreUnavailable``); anything
    else is a failure of this request (``DuplicateKey`` for a unique key, else ``StoreError``).
    """
    if isinstance(exc, ChatlogError) or not isinstance(exc, sqlite3.Error):
        return exc
    name = getattr(exc, "sqlite_errorname", "") or ""
    mapped: ChatlogError
    if name in _DUPLICATE_CODES:
        mapped = DuplicateKey("an object with this id exists")
    elif name.startswith(_TRANSIENT_CODES):
        mapped = StoreUnavailable("the embedded store cannot write right now")
    else:
        mapped = StoreError("the embedded store failed")
    mapped.__cause__ = exc
    return mapped


_DUPLICATE_CODES: Final = frozenset({"SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"})
_TRANSIENT_CODES: Final = (
    "SQLITE_BUSY",
    "SQLITE_LOCKED",
    "SQLITE_IOERR",
    "SQLITE_FULL",
    "SQLITE_CANTOPEN",
    "SQLITE_READONLY",
    "SQLITE_PROTOCOL",
)


def _opt_us(value: datetime | None) -> int | None:
    return None if value is None else epoch_us(value)


def _opt_dt(value: int | None) -> datetime | None:
    return None if value is None else from_epoch_us(value)


# --- rows <-> records ---------------------------------------------------------------------------------

# Column lists, spelled out in each statement below so that every statement is one literal.
_SESSION_COLUMNS: Final = (
    "session_id, kind, customer_id, created_at, tier, expire_at, visible_until, state, ended_at, "
    "adviser_ids, legal_hold, objection, last_seq, adviser_id"
)
_AUDIT_COLUMNS: Final = "audit_id, at, actor_id, role, action, purpose, expire_at, session_id, customer_id"
_HOLD_COLUMNS: Final = "hold_id, session_id, case_ref, placed_by, placed_at, released_at, released_by"


def _session_from_row(row: Row) -> SessionRecord:
    return SessionRecord(
        session_id=row[0],
        kind=cast(SessionKind, row[1]),
        customer_id=row[2],
        created_at=from_epoch_us(row[3]),
        retention=Retention(tier=cast(Tier, row[4]), expire_at=_opt_dt(row[5]), visible_until=_opt_dt(row[6])),
        state=cast(SessionState, row[7]),
        ended_at=_opt_dt(row[8]),
        adviser_ids=list(json.loads(row[9])),
        legal_hold=bool(row[10]),
        objection=bool(row[11]),
        last_seq=row[12],
        adviser_id=row[13],
    )


def _message_from_row(row: Row) -> StoredMessage:
    return StoredMessage(
        session_id=row[0],
        seq=row[1],
        sender=cast(Sender, row[2]),
        text=row[3],
        at=from_epoch_us(row[4]),
        client_msg_id=row[5],
        sender_id=row[6],
    )


def _audit_from_row(row: Row) -> AuditRecord:
    return AuditRecord(
        audit_id=row[0],
        at=from_epoch_us(row[1]),
        actor_id=row[2],
        role=row[3],
        action=row[4],
        purpose=row[5],
        expire_at=from_epoch_us(row[6]),
        session_id=row[7],
        customer_id=row[8],
    )


def _hold_from_row(row: Row) -> Hold:
    return Hold(
        hold_id=row[0],
        session_id=row[1],
        case_ref=row[2],
        placed_by=row[3],
        placed_at=from_epoch_us(row[4]),
        released_at=_opt_dt(row[5]),
        released_by=row[6],
    )


# --- the group-commit writer --------------------------------------------------------------------------


@dataclass(slots=True)
class _Pending:
    fn: Callable[[sqlite3.Connection], Any]
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[Any]


class _TransactionLost(Exception):
    """SQLite rolled the whole transaction back by itself (I/O error, full disk): the batch is lost."""


_Outcome = tuple["asyncio.Future[Any]", BaseException | None, Any]


def _settle(outcomes: list[_Outcome]) -> None:
    """Runs on the caller's event loop: hand each waiting caller its result or error."""
    for future, error, value in outcomes:
        if future.done():  # the caller gave up (cancelled); the write itself stands
            continue
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(value)


class _OneFailed(Exception):
    """One operation of a batch failed: roll back and run the batch again without it."""


class _GroupCommitWriter:
    """One thread, one write connection, one transaction and one commit per batch of queued writes."""

    def __init__(self, conn: sqlite3.Connection, *, max_batch: int) -> None:
        self._conn = conn
        self._max_batch = max_batch
        self._queue: queue.SimpleQueue[_Pending | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="chatlog-sqlite-writer", daemon=True)
        #: Transactions committed; tests read it to check that concurrent writes share commits.
        self.commits = 0

    def start(self) -> None:
        self._thread.start()

    def submit(self, fn: Callable[[sqlite3.Connection], T]) -> asyncio.Future[T]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._queue.put(_Pending(fn, loop, future))
        return future

    def stop(self) -> None:
        """Ask the thread to finish after everything queued before this call."""
        self._queue.put(None)

    def join(self) -> None:
        self._thread.join()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        stopping = False
        while not stopping:
            item = self._queue.get()
            batch: list[_Pending] = []
            while True:
                if item is None:
                    stopping = True
                    break
                batch.append(item)
                if len(batch) >= self._max_batch:
                    break
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
            if batch:
                try:
                    self._run_batch(batch)
                except BaseException:  # a bug: fail the callers instead of leaving them waiting
                    logger.exception("sqlite writer failed on a batch", extra={"batch": len(batch)})
                    self._fail_all(batch, StoreError)

    def _run_batch(self, batch: list[_Pending]) -> None:
        """One transaction, no savepoints (two statements fewer per operation: issue 11). If an
        operation fails, the transaction is rolled back and run again without it: the failing one
        fails alone and is never run twice; the others commit together as before."""
        conn = self._conn
        failed: dict[int, BaseException] = {}
        while True:
            values: dict[int, Any] = {}
            try:
                conn.execute("BEGIN IMMEDIATE")
                for i, item in enumerate(batch):
                    if i in failed:
                        continue
                    try:
                        values[i] = item.fn(conn)
                    except Exception as exc:
                        if not conn.in_transaction:
                            raise _TransactionLost from exc
                        failed[i] = _map_error(exc)
                        raise _OneFailed from exc
                conn.execute("COMMIT")
            except _OneFailed:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                continue
            except Exception as exc:
                self._batch_failed(batch, exc)
                return
            break
        self._commit_done([(item, failed.get(i), values.get(i)) for i, item in enumerate(batch)])

    def _batch_failed(self, batch: list[_Pending], exc: Exception) -> None:
        conn = self._conn
        cause = exc.__cause__ if isinstance(exc, _TransactionLost) and exc.__cause__ else exc
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                logger.warning("sqlite rollback failed after a failed batch")
        logger.warning("sqlite batch failed", extra={"batch": len(batch), "error": type(cause).__name__})
        self._fail_all(batch, lambda: _map_error(cause))

    def _commit_done(self, outcomes: list[tuple[_Pending, BaseException | None, Any]]) -> None:
        self.commits += 1
        self._dispatch([(item.loop, (item.future, error, value)) for item, error, value in outcomes])

    def _fail_all(self, batch: list[_Pending], make_error: Callable[[], BaseException]) -> None:
        self._dispatch([(item.loop, (item.future, make_error(), None)) for item in batch])

    @staticmethod
    def _dispatch(results: list[tuple[asyncio.AbstractEventLoop, _Outcome]]) -> None:
        """One wake-up per event loop for the whole batch, not one per operation."""
        by_loop: dict[asyncio.AbstractEventLoop, list[_Outcome]] = {}
        for loop, outcome in results:
            by_loop.setdefault(loop, []).append(outcome)
        for loop, outcomes in by_loop.items():
            with contextlib.suppress(RuntimeError):  # a closed loop: nobody is waiting any more
                loop.call_soon_threadsafe(_settle, outcomes)


# --- write operations (run on the writer thread, inside the batch transaction) -----------------------

_INSERT_SESSION: Final = (
    "INSERT INTO sessions (session_id, kind, customer_id, created_at, tier, expire_at, visible_until, "
    "state, ended_at, adviser_ids, legal_hold, objection, last_seq, adviser_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_FIND_DUPLICATE: Final = (
    "SELECT session_id, seq, sender, text, at, client_msg_id, sender_id FROM messages "
    "WHERE session_id = ? AND client_msg_id = ? AND (expire_at IS NULL OR expire_at > ?)"
)
_GET_SESSION: Final = (
    "SELECT session_id, kind, customer_id, created_at, tier, expire_at, visible_until, state, ended_at, "
    "adviser_ids, legal_hold, objection, last_seq, adviser_id FROM sessions "
    "WHERE session_id = ? AND (expire_at IS NULL OR expire_at > ?)"
)
_GET_MESSAGES: Final = (
    "SELECT session_id, seq, sender, text, at, client_msg_id, sender_id FROM messages "
    "WHERE session_id = ? AND seq > ? AND (expire_at IS NULL OR expire_at > ?) ORDER BY seq LIMIT ?"
)
_INSERT_AUDIT: Final = (
    "INSERT INTO audit (audit_id, at, actor_id, role, action, purpose, expire_at, session_id, customer_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_HOLD: Final = (
    "INSERT INTO holds (hold_id, session_id, case_ref, placed_by, placed_at, released_at, released_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_RELEASE_HOLD: Final = (
    "UPDATE holds SET released_at = ?, released_by = ? WHERE hold_id = ? AND released_at IS NULL "
    "RETURNING hold_id, session_id, case_ref, placed_by, placed_at, released_at, released_by"
)
#: The append in one statement: the next seq and the expiry come from the live session, and a repeated
#: client_msg_id inserts nothing (the partial unique index) and returns no row.
_APPEND_MESSAGE: Final = (
    "INSERT INTO messages (session_id, seq, sender, text, at, client_msg_id, sender_id, expire_at) "
    "SELECT session_id, last_seq + 1, ?, ?, ?, ?, ?, expire_at FROM sessions "
    "WHERE session_id = ? AND (expire_at IS NULL OR expire_at > ?) "
    "ON CONFLICT (session_id, client_msg_id) WHERE client_msg_id IS NOT NULL DO NOTHING RETURNING seq"
)
_SET_LAST_SEQ: Final = "UPDATE sessions SET last_seq = ? WHERE session_id = ?"
_ADD_REDACTIONS: Final = (
    "INSERT INTO session_redactions (session_id, entity_type, count) VALUES (?, ?, ?) "
    "ON CONFLICT (session_id, entity_type) DO UPDATE SET count = count + excluded.count"
)
_UPDATE_SESSION: Final = """
UPDATE sessions SET
    state = COALESCE(:state, state),
    ended_at = COALESCE(:ended_at, ended_at),
    adviser_ids = COALESCE(:adviser_ids, adviser_ids),
    legal_hold = COALESCE(:legal_hold, legal_hold),
    objection = COALESCE(:objection, objection),
    tier = COALESCE(:tier, tier),
    expire_at = CASE WHEN :set_retention THEN :expire_at ELSE expire_at END,
    visible_until = CASE WHEN :set_retention THEN :visible_until ELSE visible_until END
WHERE session_id = :session_id
"""


def _execute(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> None:
    conn.execute(sql, params)


def _append(conn: sqlite3.Connection, message: NewMessage, at: int) -> AppendResult:
    """Insert with the next seq, then move ``last_seq`` on: two statements on the common path (issue 11:
    the writer thread was half the server's CPU per message). Nothing is written when the insert
    returns no row, which means a repeat (answered with the first message) or no live session."""
    sid = message.session_id
    params = (message.sender, message.text, at, message.client_msg_id, message.sender_id, sid, at)
    rows = conn.execute(_APPEND_MESSAGE, params).fetchall()
    if not rows:
        if message.client_msg_id is not None:
            row = conn.execute(_FIND_DUPLICATE, (sid, message.client_msg_id, at)).fetchone()
            if row is not None:
                return AppendResult(_message_from_row(row), duplicate=True)
        raise UnknownSession()
    seq = rows[0][0]
    conn.execute(_SET_LAST_SEQ, (seq, sid))
    counts = [(sid, entity, n) for entity, n in message.redactions.items() if n > 0]
    if counts:
        conn.executemany(_ADD_REDACTIONS, counts)
    stored = StoredMessage(
        session_id=sid,
        seq=seq,
        sender=message.sender,
        text=message.text,
        at=from_epoch_us(at),  # UTC, exactly as a later read returns it
        client_msg_id=message.client_msg_id,
        sender_id=message.sender_id,
    )
    return AppendResult(stored, duplicate=False)


def _update_session(conn: sqlite3.Connection, session_id: str, add_adviser: str | None, params: dict[str, Any]) -> None:
    row = conn.execute("SELECT adviser_ids FROM sessions WHERE session_id = ?", (session_id,)).fetchone()
    if row is None:
        raise UnknownSession()
    adviser_ids: str | None = None
    if add_adviser is not None:
        ids: list[str] = json.loads(row[0])
        if add_adviser not in ids:
            adviser_ids = json.dumps([*ids, add_adviser])
    conn.execute(_UPDATE_SESSION, {**params, "adviser_ids": adviser_ids, "session_id": session_id})
    if params["set_retention"]:
        conn.execute("UPDATE messages SET expire_at = ? WHERE session_id = ?", (params["expire_at"], session_id))


def _transition(
    conn: sqlite3.Connection,
    session_id: str,
    to: str,
    from_states: tuple[str, ...],
    adviser_id: str | None,
    expect_adviser: str | None,
    ended_at: int | None,
) -> Transition:
    """The compare-and-set of :meth:`Store.transition`, in the writer's transaction (one writer at a
    time across every process sharing the file, so the read and the write cannot interleave)."""
    row = conn.execute("SELECT state, adviser_id FROM sessions WHERE session_id = ?", (session_id,)).fetchone()
    if row is None:
        raise UnknownSession()
    state, current = row
    if state not in from_states or (expect_adviser is not None and current != expect_adviser):
        return Transition(False, cast(SessionState, state), current)
    conn.execute(
        "UPDATE sessions SET state = ?, adviser_id = ?, ended_at = COALESCE(?, ended_at) WHERE session_id = ?",
        (to, adviser_id, ended_at, session_id),
    )
    return Transition(True, cast(SessionState, to), adviser_id)


def _delete_session(conn: sqlite3.Connection, session_id: str, check: ErasureCheck | None = None) -> bool:
    if check is not None:
        # Decided inside the writer's transaction: a hold committed before this point is seen, and one
        # submitted after it finds no session (see _insert_hold). SQLite has one writer at a time.
        row = conn.execute(_SESSION_BY_ID, (session_id,)).fetchone()
        if row is None:
            return False
        held = conn.execute(_ACTIVE_HOLD, (session_id,)).fetchone() is not None
        reason = check(_session_from_row(row), held)
        if reason is not None:
            raise ErasureRefused(reason)
    conn.execute("DELETE FROM messages WHERE session_id = ?", (session_id,))
    conn.execute("DELETE FROM session_redactions WHERE session_id = ?", (session_id,))
    conn.execute("DELETE FROM holds WHERE session_id = ?", (session_id,))
    return conn.execute("DELETE FROM sessions WHERE session_id = ?", (session_id,)).rowcount > 0


_TOUCH_READINESS: Final = "INSERT INTO readiness (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at"
_ACTIVE_HOLD: Final = "SELECT 1 FROM holds WHERE session_id = ? AND released_at IS NULL LIMIT 1"
_SESSION_BY_ID: Final = f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE session_id = ?"  # noqa: S608 - literals


def _insert_hold(conn: sqlite3.Connection, params: tuple[Any, ...]) -> None:
    """The hold and its session's flag in one step, and only for a session that exists."""
    updated = conn.execute("UPDATE sessions SET legal_hold = 1 WHERE session_id = ?", (params[1],)).rowcount
    if not updated:
        raise UnknownSession("no such session")
    conn.execute(_INSERT_HOLD, params)


def _set_objection(conn: sqlite3.Connection, customer_id: str, at: int) -> int:
    conn.execute(
        "INSERT INTO objections (customer_id, at) VALUES (?, ?) ON CONFLICT (customer_id) DO NOTHING",
        (customer_id, at),
    )
    return conn.execute("UPDATE sessions SET objection = 1 WHERE customer_id = ?", (customer_id,)).rowcount


def _purge_messages(conn: sqlite3.Connection, now: int, limit: int) -> tuple[int, int]:
    cur = conn.execute(
        "DELETE FROM messages WHERE rowid IN (SELECT rowid FROM messages WHERE expire_at <= ? LIMIT ?)",
        (now, limit),
    )
    return 0, cur.rowcount


def _purge_sessions(conn: sqlite3.Connection, now: int, limit: int) -> tuple[int, int]:
    """Expired sessions and whatever hangs off them (stray messages, redaction counts, old holds)."""
    ids = conn.execute(
        "DELETE FROM sessions WHERE session_id IN "
        "(SELECT session_id FROM sessions WHERE expire_at <= ? LIMIT ?) RETURNING session_id",
        (now, limit),
    ).fetchall()
    messages = 0
    for (session_id,) in ids:
        messages += conn.execute("DELETE FROM messages WHERE session_id = ?", (session_id,)).rowcount
        conn.execute("DELETE FROM session_redactions WHERE session_id = ?", (session_id,))
        conn.execute("DELETE FROM holds WHERE session_id = ?", (session_id,))
    return len(ids), messages


def _purge_audit(conn: sqlite3.Connection, now: int, limit: int) -> tuple[int, int]:
    cur = conn.execute(
        "DELETE FROM audit WHERE rowid IN (SELECT rowid FROM audit WHERE expire_at <= ? LIMIT ?)",
        (now, limit),
    )
    return cur.rowcount, 0


_PurgeStep = Callable[[sqlite3.Connection, int, int], tuple[int, int]]


def _run_purge_step(conn: sqlite3.Connection, step: _PurgeStep, now: int, limit: int) -> tuple[int, int]:
    return step(conn, now, limit)


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
        max_batch: int = 512,
        sweep_interval_s: float = 300.0,
        read_threads: int = 2,
        busy_timeout_s: float = 5.0,
        purge_chunk: int = 5_000,
        min_free_bytes: int = 64 << 20,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        if synchronous not in _SYNCHRONOUS_PRAGMA:
            raise ValueError("synchronous must be FULL or NORMAL")
        if max_batch < 1 or read_threads < 1 or purge_chunk < 1:
            raise ValueError("max_batch, read_threads and purge_chunk must be at least 1")
        self._path = Path(path)
        self._synchronous = synchronous
        self._max_batch = max_batch
        self._sweep_interval_s = sweep_interval_s
        self._read_threads = read_threads
        self._busy_timeout_s = busy_timeout_s
        self._purge_chunk = purge_chunk
        #: Below this much free space on the data directory's disk the store reports itself not ready.
        self._min_free_bytes = min_free_bytes
        self._clock = clock
        self._writer: _GroupCommitWriter | None = None
        self._write_conn: sqlite3.Connection | None = None
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
        conn = await asyncio.to_thread(self._connect_writer)
        self._write_conn = conn
        self._closing = False
        self._readers = ThreadPoolExecutor(self._read_threads, thread_name_prefix="chatlog-sqlite-read")
        self._writer = _GroupCommitWriter(conn, max_batch=self._max_batch)
        self._writer.start()
        if self._sweep_interval_s > 0:
            self._sweeper = asyncio.create_task(self._sweep_forever(), name="chatlog-sqlite-sweeper")
        logger.info("sqlite store open", extra={"synchronous": self._synchronous, "batch": self._max_batch})

    def _connect_writer(self) -> sqlite3.Connection:
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                self._path, isolation_level=None, check_same_thread=False, timeout=self._busy_timeout_s
            )
        except (OSError, sqlite3.Error) as exc:
            raise StoreUnavailable("cannot open the embedded store") from exc
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"cannot switch the embedded store to WAL mode (got {mode})")
            conn.execute(_SYNCHRONOUS_PRAGMA[self._synchronous])
            applied = migrate(conn)
        except BaseException as exc:
            conn.close()
            mapped = _map_error(exc)
            if mapped is exc:
                raise
            raise mapped from exc
        if applied:
            logger.info("sqlite schema migrated", extra={"version": applied[-1]})
        return conn

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
        writer.stop()
        await asyncio.to_thread(writer.join)
        readers = self._readers
        if readers is not None:
            await asyncio.to_thread(readers.shutdown, True)
        with self._reader_lock:
            conns, self._reader_conns = self._reader_conns, []
        self._reader_local = threading.local()
        for conn in conns:
            conn.close()
        if self._write_conn is not None:
            self._write_conn.close()
        self._writer = None
        self._write_conn = None
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

    async def _write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        writer = self._writer
        if writer is None or self._closing:
            raise StoreUnavailable("the embedded store is closed")
        return await writer.submit(fn)

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
            session.last_seq,
            session.adviser_id,
        )
        await self._write(partial(_execute, sql=_INSERT_SESSION, params=params))

    async def get_session(self, session_id: str, *, now: datetime) -> SessionRecord | None:
        args = (session_id, epoch_us(now))
        row = await self._read(lambda conn: conn.execute(_GET_SESSION, args).fetchone())
        return None if row is None else _session_from_row(row)

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
            "set_retention": retention is not None,
            "tier": None if retention is None else retention.tier,
            "expire_at": None if retention is None else _opt_us(retention.expire_at),
            "visible_until": None if retention is None else _opt_us(retention.visible_until),
        }
        await self._write(partial(_update_session, session_id=session_id, add_adviser=add_adviser, params=params))

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
        ended_at = _opt_us(at) if to == "ended" else None
        return await self._write(
            partial(
                _transition,
                session_id=session_id,
                to=to,
                from_states=tuple(from_states),
                adviser_id=adviser_id,
                expect_adviser=expect_adviser,
                ended_at=ended_at,
            )
        )

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
        return await self._write(partial(_append, message=message, at=epoch_us(message.at)))

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

    async def has_objection(self, customer_id: str) -> bool:
        sql = "SELECT 1 FROM objections WHERE customer_id = ?"
        row = await self._read(lambda conn: conn.execute(sql, (customer_id,)).fetchone())
        return row is not None

    # --- audit ----------------------------------------------------------------------------------------

    async def add_audit(self, record: AuditRecord) -> None:
        params = (
            record.audit_id,
            epoch_us(record.at),
            record.actor_id,
            record.role,
            record.action,
            record.purpose,
            epoch_us(record.expire_at),
            record.session_id,
            record.customer_id,
        )
        await self._write(partial(_execute, sql=_INSERT_AUDIT, params=params))

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
            ("audit", _purge_audit),
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


_STATS_SCOPE: Final = (
    "s.kind = 'anonymous' AND s.created_at >= :since AND s.created_at < :until "
    "AND (s.expire_at IS NULL OR s.expire_at > :now)"
)
_STATS_DAY: Final = "date(s.created_at / 1000000, 'unixepoch')"


def _read_stats(conn: sqlite3.Connection, args: dict[str, int]) -> list[DailyStats]:
    """Counts only, per UTC day of session creation; both queries read one snapshot."""
    conn.execute("BEGIN")
    try:
        totals = conn.execute(
            f"SELECT {_STATS_DAY} AS day, COUNT(*), SUM(s.last_seq), "  # noqa: S608 - literals
            f"SUM(json_array_length(s.adviser_ids) > 0) FROM sessions AS s WHERE {_STATS_SCOPE} "
            "GROUP BY day ORDER BY day",
            args,
        ).fetchall()
        redactions = conn.execute(
            f"SELECT {_STATS_DAY} AS day, r.entity_type, SUM(r.count) FROM sessions AS s "  # noqa: S608
            f"JOIN session_redactions AS r ON r.session_id = s.session_id WHERE {_STATS_SCOPE} "
            "GROUP BY day, r.entity_type ORDER BY day, r.entity_type",
            args,
        ).fetchall()
    finally:
        conn.execute("COMMIT")
    by_day: dict[str, dict[str, int]] = {}
    for day, entity, count in redactions:
        by_day.setdefault(day, {})[entity] = count
    return [
        DailyStats(day=day, sessions=sessions, messages=messages, handovers=handovers, redactions=by_day.get(day, {}))
        for day, sessions, messages, handovers in totals
    ]
