"""The embedded store's writer thread: one write connection, group commit, and the mapping of sqlite3's
errors into ours (see :mod:`chat.store.sqlite` for why a single writer with group commit)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TypeVar

from chat.errors import ChatlogError, DuplicateKey, StoreError, StoreUnavailable
from chat.keyfiles import private_database
from chat.store.sqlite_schema import migrate

logger = logging.getLogger(__name__)

T = TypeVar("T")

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


# --- the write connection -----------------------------------------------------------------------------

SYNCHRONOUS_PRAGMA: Final[dict[str, str]] = {
    "FULL": "PRAGMA synchronous = FULL",
    "NORMAL": "PRAGMA synchronous = NORMAL",
}


@dataclass(frozen=True, slots=True)
class WriterConfig:
    """How the write connection is opened (from :class:`chat.settings.Settings`, which says why)."""

    path: Path
    synchronous: str = "FULL"
    busy_timeout_s: float = 5.0
    cache_kib: int = 64 * 1024
    checkpoint_pages: int = 4000


def connect_writer(config: WriterConfig) -> tuple[sqlite3.Connection, list[int]]:
    """The one write connection (WAL, the durability asked for, its page cache and checkpoint interval,
    the schema brought up to date) and the migrations applied; errors as :mod:`chat.errors`."""
    path = config.path
    try:
        private_database(path)  # owner-only before SQLite creates it (chat/keyfiles.py)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=config.busy_timeout_s)
    except (OSError, sqlite3.Error) as exc:
        raise StoreUnavailable("cannot open the embedded store") from exc
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(f"cannot switch the embedded store to WAL mode (got {mode})")
        conn.execute(SYNCHRONOUS_PRAGMA[config.synchronous])
        # The bulk append's numbered rows are a small temporary table per batch: in memory, not
        # in a temporary file created and removed for every commit.
        conn.execute("PRAGMA temp_store = MEMORY")
        # Settings.sqlite_cache_mb says why (issue 11); each reader keeps SQLite's default of its own.
        conn.execute(f"PRAGMA cache_size = -{int(config.cache_kib)}")
        # Settings.sqlite_checkpoint_pages says why; the readers never write, so never checkpoint.
        conn.execute(f"PRAGMA wal_autocheckpoint = {int(config.checkpoint_pages)}")
        # What an update or delete replaces is zeroed in the pages being written anyway (FAST: no extra
        # I/O): a rewritten message (anonymizer/split_values.py), a purged or erased session, leave no
        # readable copy in the file's free space. The WAL keeps its old frames until they are reused.
        conn.execute("PRAGMA secure_delete = FAST")
        applied = migrate(conn)
    except BaseException as exc:
        conn.close()
        mapped = _map_error(exc)
        if mapped is exc:
            raise
        raise mapped from exc
    return conn, applied


# --- the group-commit writer --------------------------------------------------------------------------


class _TransactionLost(Exception):
    """SQLite rolled the whole transaction back by itself (I/O error, full disk): the batch is lost."""


class _OneFailed(Exception):
    """One operation of a batch failed: roll back and run the batch again without it."""


#: What one operation of a batch came to: its error, or ``None`` and its value.
Outcome = tuple[BaseException | None, Any]


class BatchRunner:
    """Runs a batch of write operations in one transaction on one connection and commits once.

    No threads, no event loop, no futures: the writer thread below feeds it batches and hands each
    caller its outcome; what a transaction does is decided here alone."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        #: Transactions committed; tests read it to check that concurrent writes share commits.
        self.commits = 0

    def run(self, batch: Sequence[Callable[[sqlite3.Connection], Any]]) -> list[Outcome]:
        """One transaction, no savepoints (two statements fewer per operation: issue 11). If an
        operation fails, the transaction is rolled back and run again without it: the failing one
        fails alone and is never run twice; the others commit together as before.

        Neighbouring operations that offer ``run_many`` (appends: :class:`~chat.store.sqlite_append.AppendOp`)
        run together in one call, so that the thread wins the GIL back a few times per batch instead of
        once or more per operation; their expected failures (``UnknownSession``) are outcomes, written
        nothing and need no rollback. Should ``run_many`` itself fail, the batch runs again one operation
        at a time, which finds the culprit. A failure of the whole transaction fails every operation.

        A batch of operations that all offer ``run_alone`` (appends and nothing else, the common batch
        under load) is offered to it first: one statement that is a transaction by itself, without
        ``BEGIN`` and ``COMMIT`` (two waits for the GIL fewer); it declines, having written nothing,
        when the batch needs a transaction."""
        conn = self.conn
        run_alone = getattr(batch[0], "run_alone", None) if batch else None
        if run_alone is not None and all(getattr(op, "run_alone", None) is run_alone for op in batch):
            try:
                alone = run_alone(conn, batch)
            except Exception as exc:
                return self._batch_failed(len(batch), exc)
            if alone is not None:
                self.commits += 1
                return [(_map_error(o), None) if isinstance(o, Exception) else (None, o) for o in alone]
        failed: dict[int, BaseException] = {}
        together = True
        while True:
            values: dict[int, Any] = {}
            try:
                conn.execute("BEGIN IMMEDIATE")
                i = 0
                while i < len(batch):
                    run_many = getattr(batch[i], "run_many", None) if together else None
                    if run_many is not None:
                        try:
                            i = self._run_together(run_many, batch, i, failed, values)
                        except _OneFailed:
                            together = False  # run again one at a time: that finds the culprit
                            raise
                        continue
                    if i not in failed:
                        values[i] = self._run_one(batch[i], i, failed)
                    i += 1
                conn.execute("COMMIT")
            except _OneFailed:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                continue
            except Exception as exc:
                return self._batch_failed(len(batch), exc)
            break
        self.commits += 1
        return [(failed.get(i), values.get(i)) for i in range(len(batch))]

    def _run_together(
        self,
        run_many: Callable[[sqlite3.Connection, list[Any]], list[Any]],
        batch: Sequence[Callable[[sqlite3.Connection], Any]],
        start: int,
        failed: dict[int, BaseException],
        values: dict[int, Any],
    ) -> int:
        """Run the operations from ``start`` that share ``run_many`` in one call; the index after them."""
        end = start
        while end < len(batch) and getattr(batch[end], "run_many", None) is run_many:
            end += 1
        indices = [k for k in range(start, end) if k not in failed]
        try:
            outcomes = run_many(self.conn, [batch[k] for k in indices])
        except Exception as exc:
            if not self.conn.in_transaction:
                raise _TransactionLost from exc
            raise _OneFailed from exc
        for k, outcome in zip(indices, outcomes, strict=True):
            if isinstance(outcome, Exception):
                failed[k] = _map_error(outcome)
            else:
                values[k] = outcome
        return end

    def _run_one(self, fn: Callable[[sqlite3.Connection], Any], i: int, failed: dict[int, BaseException]) -> Any:
        try:
            return fn(self.conn)
        except Exception as exc:
            if not self.conn.in_transaction:
                raise _TransactionLost from exc
            failed[i] = _map_error(exc)
            raise _OneFailed from exc

    def _batch_failed(self, size: int, exc: Exception) -> list[Outcome]:
        conn = self.conn
        cause = exc.__cause__ if isinstance(exc, _TransactionLost) and exc.__cause__ else exc
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                logger.warning("sqlite rollback failed after a failed batch")
        logger.warning("sqlite batch failed", extra={"batch": size, "error": type(cause).__name__})
        return [(_map_error(cause), None) for _ in range(size)]


# --- the group-commit writer thread -------------------------------------------------------------------


@dataclass(slots=True)
class _Pending:
    fn: Callable[[sqlite3.Connection], Any]
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[Any]


_Settled = tuple["asyncio.Future[Any]", BaseException | None, Any]


def _settle(outcomes: list[_Settled]) -> None:
    """Runs on the caller's event loop: hand each waiting caller its result or error."""
    for future, error, value in outcomes:
        if future.done():  # the caller gave up (cancelled); the write itself stands
            continue
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(value)


class _GroupCommitWriter:
    """One thread, one write connection, one transaction and one commit per batch of queued writes."""

    def __init__(self, config: WriterConfig, *, max_batch: int) -> None:
        self._config = config
        self._runner: BatchRunner | None = None
        self._max_batch = max_batch
        self._queue: queue.SimpleQueue[list[_Pending] | None] = queue.SimpleQueue()
        #: Writes submitted during the current iteration of each event loop, handed over together.
        self._gathering: dict[asyncio.AbstractEventLoop, list[_Pending]] = {}
        self._thread = threading.Thread(target=self._run, name="chatlog-sqlite-writer", daemon=True)
        #: Schema migrations applied when the file was opened.
        self.applied: list[int] = []

    @property
    def commits(self) -> int:
        return self._runner.commits if self._runner is not None else 0

    async def start(self) -> None:
        conn, self.applied = await asyncio.to_thread(connect_writer, self._config)
        self._runner = BatchRunner(conn)
        self._thread.start()

    async def close(self) -> None:
        """Finish everything queued before this call, then close the connection."""
        for loop in list(self._gathering):
            self._hand_over(loop)
        self._queue.put(None)
        await asyncio.to_thread(self._thread.join)
        if self._runner is not None:
            self._runner.conn.close()

    def submit(self, fn: Callable[[sqlite3.Connection], T]) -> asyncio.Future[T]:
        """Queue a write; the future settles once its batch is committed.

        The writes of one event-loop iteration reach the thread together, at the end of the iteration
        (``call_soon``): one queue hand-off, and at most one wake-up of an idle writer, per iteration
        instead of per write. Waking the thread for each message cost the event loop a futex call and
        often a context switch each (issue 11). Order is kept: one loop's writes are handed over in the
        order they were submitted."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        gathering = self._gathering.get(loop)
        if gathering is None:
            gathering = self._gathering[loop] = []
            loop.call_soon(self._hand_over, loop)
        gathering.append(_Pending(fn, loop, future))
        return future

    def _hand_over(self, loop: asyncio.AbstractEventLoop) -> None:
        gathered = self._gathering.pop(loop, None)
        if gathered:
            self._queue.put(gathered)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        stopping = False
        carried: list[_Pending] = []
        while not stopping or carried:
            batch, carried = carried[: self._max_batch], carried[self._max_batch :]
            while not stopping and len(batch) < self._max_batch:
                try:
                    items = self._queue.get() if not batch else self._queue.get_nowait()
                except queue.Empty:
                    break
                if items is None:
                    stopping = True
                    break
                room = self._max_batch - len(batch)
                batch.extend(items[:room])
                carried.extend(items[room:])
            if batch:
                assert self._runner is not None  # started before anything can be queued
                try:
                    outcomes = self._runner.run([item.fn for item in batch])
                except BaseException:  # a bug: fail the callers instead of leaving them waiting
                    logger.exception("sqlite writer failed on a batch", extra={"batch": len(batch)})
                    outcomes = [(StoreError(), None) for _ in batch]
                self._dispatch(batch, outcomes)

    @staticmethod
    def _dispatch(batch: list[_Pending], outcomes: list[Outcome]) -> None:
        """One wake-up per event loop for the whole batch, not one per operation."""
        by_loop: dict[asyncio.AbstractEventLoop, list[_Settled]] = {}
        for item, (error, value) in zip(batch, outcomes, strict=True):
            by_loop.setdefault(item.loop, []).append((item.future, error, value))
        for loop, settled in by_loop.items():
            with contextlib.suppress(RuntimeError):  # a closed loop: nobody is waiting any more
                loop.call_soon_threadsafe(_settle, settled)
