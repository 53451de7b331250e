"""What only the embedded store has: migrations, WAL, group commit, graceful close, crash durability."""

from __future__ import annotations

import asyncio
import math
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import pytest

import chat
from chat.errors import DuplicateKey, StoreError, StoreUnavailable, UnknownSession
from chat.store.base import AppendResult
from chat.store.sqlite import SqliteStore
from chat.store.sqlite_schema import LATEST_VERSION, MIGRATIONS, migrate, schema_version

from .contract import DAY, MINUTE, T0, analytics, audit, msg, new_session

REPO_ROOT = Path(chat.__file__).resolve().parent.parent


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "var" / "chatlog.db"


@pytest.fixture
async def store(db_path: Path) -> AsyncIterator[SqliteStore]:
    store = SqliteStore(db_path, sweep_interval_s=0)
    await store.open()
    await store.create_session(new_session("s1"))
    try:
        yield store
    finally:
        await store.close()


class WriterGate:
    """Parks the writer thread inside a batch so that the test decides what queues up behind it."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        self._entered = threading.Event()
        self._release = threading.Event()
        self.done: asyncio.Future[Any] | None = None

    async def close(self) -> None:
        writer = self._store._writer
        assert writer is not None
        self.done = writer.submit(self._park)
        assert await asyncio.to_thread(self._entered.wait, 30)

    def _park(self, conn: sqlite3.Connection) -> None:
        self._entered.set()
        self._release.wait(30)

    async def open(self) -> None:
        self._release.set()
        assert self.done is not None
        await self.done


def raw(db_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(db_path, isolation_level=None)


# --- file format --------------------------------------------------------------------------------------


async def test_open_creates_the_directory_in_wal_mode_at_the_latest_version(store: SqliteStore, db_path: Path) -> None:
    with raw(db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert schema_version(conn) == LATEST_VERSION == MIGRATIONS[-1].version


@pytest.mark.parametrize(("mode", "level"), [("FULL", 2), ("NORMAL", 1)])
async def test_synchronous_mode_is_applied_to_the_write_connection(db_path: Path, mode: Any, level: int) -> None:
    store = SqliteStore(db_path, synchronous=mode, sweep_interval_s=0)
    await store.open()
    try:
        assert await store._write(lambda conn: conn.execute("PRAGMA synchronous").fetchone()[0]) == level
    finally:
        await store.close()


async def test_an_older_database_is_upgraded_and_keeps_its_data(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with raw(db_path) as conn:
        assert migrate(conn, target=1) == [1]
        conn.execute(
            "INSERT INTO sessions (session_id, kind, customer_id, created_at, tier, expire_at, state) "
            "VALUES ('old', 'authenticated', 'c1', ?, 'archive', ?, 'ended')",
            (int((T0 - DAY).timestamp() * 1e6), int((T0 + 365 * DAY).timestamp() * 1e6)),
        )
    store = SqliteStore(db_path, sweep_interval_s=0)
    await store.open()
    try:
        with raw(db_path) as conn:
            assert schema_version(conn) == LATEST_VERSION
        got = await store.get_session("old", now=T0)
        assert got is not None and got.customer_id == "c1" and got.state == "ended"
        assert await store.set_objection("c1", at=T0) == 1  # a table added by a later step
    finally:
        await store.close()


async def test_version_5_drops_the_message_expiry_index_and_moves_last_seq_by_trigger(db_path: Path) -> None:
    """Issue 11: a file from version 4 loses the per-message expiry index (a third random page written
    per message) and gains the trigger that moves ``last_seq``; appends and the purge work as before."""
    db_path.parent.mkdir(parents=True)
    with raw(db_path) as conn:
        migrate(conn, target=4)
        assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'messages_by_expiry'").fetchone()
    store = SqliteStore(db_path, sweep_interval_s=0, purge_chunk=2)
    await store.open()
    try:
        with raw(db_path) as conn:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert "messages_by_expiry" not in names and "messages_move_last_seq" in names
        await store.create_session(new_session("old", retention=analytics(days=1)))
        await store.create_session(new_session("live"))
        for i in range(5):
            assert (await store.append_message(msg("old", f"m{i}", client_msg_id=f"c{i}"))).message.seq == i + 1
        assert (await store.append_message(msg("old", "again", client_msg_id="c4"))).duplicate
        assert (await store.append_message(msg("live", "x"))).message.seq == 1
        session = await store.get_session("old", now=T0)
        assert session is not None and session.last_seq == 5
        # Five messages of one expired session, two per transaction: all found through the session.
        counts = await store.purge_expired(now=T0 + 2 * DAY)
        assert (counts["sessions"], counts["messages"]) == (1, 5)
        assert len(await store.get_messages("live", now=T0 + 2 * DAY)) == 1
    finally:
        await store.close()


async def test_version_9_keeps_one_index_on_messages_and_every_message(db_path: Path) -> None:
    """Issue 11: a file from version 8 has its messages table rebuilt without the (session_id, seq)
    primary key; every message keeps its rowid, seq and text, repeats are still refused, seqs go on."""
    db_path.parent.mkdir(parents=True)
    with raw(db_path) as conn:
        migrate(conn, target=8)
        conn.execute(
            "INSERT INTO sessions (session_id, kind, customer_id, created_at, tier, expire_at, state, last_seq) "
            "VALUES ('old', 'authenticated', 'c1', ?, 'archive', ?, 'bot', 3)",
            (int((T0 - DAY).timestamp() * 1e6), int((T0 + 365 * DAY).timestamp() * 1e6)),
        )
        at = int((T0 - DAY).timestamp() * 1e6)
        for seq, cmid in ((1, "a"), (2, None), (3, "c")):
            conn.execute(
                "INSERT INTO messages (session_id, seq, sender, text, at, client_msg_id, expire_at) "
                "VALUES ('old', ?, 'customer', ?, ?, ?, NULL)",
                (seq, f"text {seq}", at, cmid),
            )
        before = conn.execute("SELECT rowid, seq, text, client_msg_id FROM messages ORDER BY rowid").fetchall()
    store = SqliteStore(db_path, sweep_interval_s=0)
    await store.open()
    try:
        with raw(db_path) as conn:
            indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'messages'")}
            after = conn.execute("SELECT rowid, seq, text, client_msg_id FROM messages ORDER BY rowid").fetchall()
        assert indexes == {"messages", "messages_by_session", "messages_move_last_seq"}
        assert after == before
        assert [m.seq for m in await store.get_messages("old", now=T0)] == [1, 2, 3]
        assert [m.text for m in await store.get_messages("old", now=T0, after_seq=1)] == ["text 2", "text 3"]
        again = await store.append_message(msg("old", "again", client_msg_id="c"))
        assert again.duplicate and again.message.seq == 3
        assert (await store.append_message(msg("old", "new", client_msg_id="d"))).message.seq == 4
        assert (await store.append_message(msg("old", "no id"))).message.seq == 5
        session = await store.get_session("old", now=T0)
        assert session is not None and session.last_seq == 5
    finally:
        await store.close()


async def test_reopening_migrates_nothing(db_path: Path) -> None:
    for _ in range(2):
        store = SqliteStore(db_path, sweep_interval_s=0)
        await store.open()
        await store.close()
    with raw(db_path) as conn:
        assert migrate(conn) == []
        assert schema_version(conn) == LATEST_VERSION


async def test_a_database_from_a_newer_release_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with raw(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    store = SqliteStore(db_path, sweep_interval_s=0)
    with pytest.raises(StoreError, match="newer"):
        await store.open()


# --- group commit -------------------------------------------------------------------------------------


async def test_a_lone_append_is_committed_at_once(store: SqliteStore) -> None:
    before = store.commits
    result = await store.append_message(msg("s1"))
    assert result.message.seq == 1
    assert store.commits == before + 1


async def test_concurrent_appends_share_few_commits(store: SqliteStore) -> None:
    before = store.commits
    results = await asyncio.gather(*(store.append_message(msg("s1", f"m{i}")) for i in range(500)))
    assert sorted(r.message.seq for r in results) == list(range(1, 501))
    assert store.commits - before < 50


@pytest.mark.parametrize("max_batch", [512, 100, 7])
async def test_queued_writes_are_taken_in_batches_of_max_batch(db_path: Path, max_batch: int) -> None:
    store = SqliteStore(db_path, max_batch=max_batch, sweep_interval_s=0)
    await store.open()
    try:
        await store.create_session(new_session("s1"))
        gate = WriterGate(store)
        await gate.close()
        before = store.commits
        tasks = [asyncio.create_task(store.append_message(msg("s1", f"m{i}"))) for i in range(500)]
        await asyncio.sleep(0)  # every task runs up to its enqueue
        await gate.open()
        results = await asyncio.gather(*tasks)
        assert [r.message.seq for r in results] == list(range(1, 501))
        assert store.commits - before == 1 + math.ceil(500 / max_batch)  # the gate's batch, then the rest
    finally:
        await store.close()


async def test_a_failing_operation_fails_only_itself(store: SqliteStore) -> None:
    def insert_then_crash(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO objections (customer_id, at) VALUES ('ghost', 0)")
        raise RuntimeError("bug in an operation")

    gate = WriterGate(store)
    await gate.close()
    before = store.commits
    good_before = [asyncio.create_task(store.append_message(msg("s1", f"a{i}"))) for i in range(10)]
    unknown = asyncio.create_task(store.append_message(msg("nope")))
    # NOT NULL fails on the INSERT, after last_seq was bumped: the savepoint must undo the bump.
    broken = asyncio.create_task(store.append_message(replace(msg("s1"), text=cast(str, None))))
    assert store._writer is not None
    crashing = store._writer.submit(insert_then_crash)
    good_after = [asyncio.create_task(store.append_message(msg("s1", f"b{i}"))) for i in range(10)]
    await asyncio.sleep(0)  # every task runs up to its enqueue...
    await asyncio.sleep(0)  # ...and the loop hands this iteration's writes to the thread
    await gate.open()

    results = await asyncio.gather(*good_before, *good_after)
    assert [r.message.seq for r in results] == list(range(1, 21))
    with pytest.raises(UnknownSession):
        await unknown
    with pytest.raises(StoreError) as broken_error:
        await broken
    assert not isinstance(broken_error.value, DuplicateKey)
    with pytest.raises(RuntimeError):
        await crashing
    assert store.commits - before == 2
    session = await store.get_session("s1", now=T0)
    assert session is not None and session.last_seq == 20
    assert await store.has_objection("ghost") is False


async def test_repeats_inside_one_batch_store_one_message(store: SqliteStore) -> None:
    gate = WriterGate(store)
    await gate.close()
    tasks = [asyncio.create_task(store.append_message(msg("s1", f"try {i}", client_msg_id="m1"))) for i in range(3)]
    await asyncio.sleep(0)
    await gate.open()
    results: list[AppendResult] = await asyncio.gather(*tasks)
    assert [r.duplicate for r in results] == [False, True, True]
    assert {r.message for r in results} == {results[0].message}
    assert [m.text for m in await store.get_messages("s1", now=T0)] == ["try 0"]


async def test_reads_do_not_wait_behind_the_writer(store: SqliteStore) -> None:
    gate = WriterGate(store)
    await gate.close()
    try:
        got = await asyncio.wait_for(store.get_session("s1", now=T0), timeout=30)
        assert got is not None
    finally:
        await gate.open()


# --- expiry on write, errors --------------------------------------------------------------------------


async def test_append_to_an_expired_session_is_refused(store: SqliteStore) -> None:
    await store.create_session(new_session("short", retention=analytics(days=1)))
    with pytest.raises(UnknownSession):
        await store.append_message(msg("short", at=T0 + DAY))


async def test_a_locked_database_maps_to_store_unavailable_and_recovers(db_path: Path) -> None:
    store = SqliteStore(db_path, sweep_interval_s=0, busy_timeout_s=0.05)
    await store.open()
    try:
        await store.create_session(new_session("s1"))
        other = raw(db_path)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreUnavailable):
                await store.append_message(msg("s1"))
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert (await store.append_message(msg("s1"))).message.seq == 1
    finally:
        await store.close()


async def test_duplicate_audit_id_is_a_duplicate_key(store: SqliteStore) -> None:
    await store.add_audit(audit("a1", T0))
    with pytest.raises(DuplicateKey):
        await store.add_audit(audit("a1", T0 + MINUTE))


async def test_naive_datetimes_are_refused(store: SqliteStore) -> None:
    with pytest.raises(ValueError, match="naive"):
        await store.get_session("s1", now=T0.replace(tzinfo=None))


# --- lifecycle ----------------------------------------------------------------------------------------


async def test_close_flushes_everything_already_queued(db_path: Path) -> None:
    store = SqliteStore(db_path, sweep_interval_s=0)
    await store.open()
    await store.create_session(new_session("s1"))
    gate = WriterGate(store)
    await gate.close()
    tasks = [asyncio.create_task(store.append_message(msg("s1", f"m{i}"))) for i in range(50)]
    await asyncio.sleep(0)
    closing = asyncio.create_task(store.close())
    await asyncio.sleep(0)
    with pytest.raises(StoreUnavailable):  # nothing new is accepted once closing has begun
        await store.append_message(msg("s1"))
    await gate.open()
    await closing
    assert [(await t).message.seq for t in tasks] == list(range(1, 51))

    reopened = SqliteStore(db_path, sweep_interval_s=0)
    await reopened.open()
    try:
        assert len(await reopened.get_messages("s1", now=T0)) == 50
    finally:
        await reopened.close()


async def test_a_closed_store_refuses_everything_and_closes_twice(db_path: Path) -> None:
    store = SqliteStore(db_path, sweep_interval_s=0)
    await store.open()
    await store.ping()
    await store.close()
    await store.close()
    with pytest.raises(StoreUnavailable):
        await store.ping()
    with pytest.raises(StoreUnavailable):
        await store.append_message(msg("s1"))
    with pytest.raises(StoreUnavailable):
        await store.get_session("s1", now=T0)


async def test_the_sweeper_purges_in_the_background_and_stops_on_close(db_path: Path) -> None:
    store = SqliteStore(db_path, sweep_interval_s=0.01, clock=lambda: T0 + 2 * DAY)
    await store.open()
    try:
        await store.create_session(new_session("old", retention=analytics(days=1)))
        await store.append_message(msg("old"))
        for _ in range(1000):  # bounded: fails instead of hanging if the sweeper never runs
            if await store.get_session("old", now=T0) is None and not await store.get_messages("old", now=T0):
                break
            await asyncio.sleep(0.01)
        assert await store.get_session("old", now=T0) is None
        assert await store.get_messages("old", now=T0) == []
    finally:
        await store.close()
    assert store._sweeper is None


# --- crash durability ---------------------------------------------------------------------------------

CRASHING_WRITER = """
import asyncio, sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from chat.store.base import NewMessage, Retention, SessionRecord
from chat.store.sqlite import SqliteStore

async def main(path):
    store = SqliteStore(Path(path), sweep_interval_s=0)
    await store.open()
    t0 = datetime(2100, 3, 3, tzinfo=UTC)  # the contract suite's T0
    retention = Retention("analytics", t0 + timedelta(days=365), None)
    await store.create_session(SessionRecord("s1", "anonymous", None, t0, retention))

    async def appender(worker):
        i = 0
        while True:
            msg = NewMessage("s1", "customer", "x", t0, client_msg_id=f"{worker}-{i}")
            result = await store.append_message(msg)
            sys.stdout.write(f"{result.message.seq} {result.message.client_msg_id}\\n")
            sys.stdout.flush()
            i += 1

    await asyncio.gather(*(appender(w) for w in range(20)))

asyncio.run(main(sys.argv[1]))
"""


def run_and_kill(db_path: Path, acks_before_kill: int) -> tuple[dict[int, str], str]:
    """Run a writer process, SIGKILL it mid-stream, return every ack it printed (seq -> client id)."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", CRASHING_WRITER, str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    lines: list[str] = []
    try:
        while len(lines) < acks_before_kill:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
    finally:
        proc.send_signal(signal.SIGKILL)
        lines += proc.stdout.readlines()  # acks already written to the pipe count too
        stderr = proc.stderr.read()
        proc.wait()
    acked = {}
    for line in lines:
        if line.endswith("\n"):  # a line cut by the kill was never a complete ack
            seq, client_msg_id = line.split()
            acked[int(seq)] = client_msg_id
    return acked, stderr


async def test_every_acked_message_survives_sigkill(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    acked, stderr = await asyncio.to_thread(run_and_kill, db_path, 2000)
    assert len(acked) >= 2000, stderr
    store = SqliteStore(db_path, sweep_interval_s=0)
    await store.open()
    try:
        stored = {m.seq: m.client_msg_id for m in await store.get_messages("s1", now=T0)}
    finally:
        await store.close()
    missing = [seq for seq in acked if stored.get(seq) != acked[seq]]
    assert missing == []
    assert sorted(stored) == list(range(1, len(stored) + 1))  # and no gaps


def test_the_write_connection_is_set_up_as_the_writer_needs(tmp_path: Path) -> None:
    """WAL, the durability asked for, and a page cache large enough for the live sessions' pages
    (issue 11: with SQLite's default 2 MB the writer read pages back from the file once it outgrew it)."""
    from chat.settings import Settings
    from chat.store.sqlite_writer import WriterConfig, connect_writer

    settings = Settings(data_dir=tmp_path)
    mib = settings.sqlite_cache_mb
    assert mib >= 20  # ten times SQLite's default at least
    assert settings.sqlite_checkpoint_pages > 1000  # fewer checkpoints than SQLite's default
    config = WriterConfig(tmp_path / "w.db", "FULL", 5.0, mib * 1024, settings.sqlite_checkpoint_pages)
    conn, applied = connect_writer(config)
    try:
        assert applied == [m.version for m in MIGRATIONS]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
        assert conn.execute("PRAGMA cache_size").fetchone() == (-mib * 1024,)
        assert conn.execute("PRAGMA wal_autocheckpoint").fetchone() == (settings.sqlite_checkpoint_pages,)
    finally:
        conn.close()


async def test_the_store_asks_for_the_configured_page_cache_and_checkpoint_interval(tmp_path: Path) -> None:
    from chat.settings import Settings

    store = SqliteStore.from_settings(Settings(data_dir=tmp_path, sqlite_cache_mb=3, sqlite_checkpoint_pages=250))
    await store.open()
    try:
        assert store._writer is not None and store._writer._runner is not None
        assert store._writer._runner.conn.execute("PRAGMA cache_size").fetchone() == (-3 * 1024,)
        assert store._writer._runner.conn.execute("PRAGMA wal_autocheckpoint").fetchone() == (250,)
    finally:
        await store.close()
