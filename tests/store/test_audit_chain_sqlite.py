"""The audit chain on the embedded store: tampering done directly in the database file is caught by
``chatlog audit verify``, concurrent writers make one chain, and expiry only trims its oldest end."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from chat.audit_chain import verify_store
from chat.cli import main
from chat.store.sqlite import SqliteStore

from .contract import DAY, T0, audit

DAYS_KEPT = 3650


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqliteStore]:
    s = SqliteStore(tmp_path / "var" / "chatlog.db", sweep_interval_s=0)
    await s.open()
    try:
        yield s
    finally:
        await s.close()


async def write(store: SqliteStore, n: int, *, expire_days: int = DAYS_KEPT) -> None:
    for i in range(n):
        await store.add_audit(audit(f"a{i}", T0 + timedelta(seconds=i), expire_at=T0 + expire_days * DAY))


async def cli_verify(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                     *extra: str) -> tuple[int, str]:
    """``chatlog audit verify`` as an operator runs it (its own event loop, so in a thread here)."""
    monkeypatch.setenv("CHATLOG_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("CHATLOG_MONGODB_URI", raising=False)
    code = await asyncio.to_thread(main, ["audit", "verify", *extra])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    ("tamper", "where", "reason"),
    [
        ("UPDATE audit SET purpose = 'ingen grunn' WHERE chain_seq = 4", 4, "edited"),
        ("UPDATE audit SET at = at + 1000000 WHERE chain_seq = 2", 2, "edited"),
        ("DELETE FROM audit WHERE chain_seq = 5", 5, "missing"),
        ("UPDATE audit SET chain_seq = -3 WHERE chain_seq = 3; UPDATE audit SET chain_seq = 3 WHERE chain_seq = 6; "
         "UPDATE audit SET chain_seq = 6 WHERE chain_seq = -3", 3, "reordered or inserted"),
    ],
    ids=["edit", "edit-time", "delete", "reorder"],
)
async def test_tampering_in_the_file_is_caught(
    store: SqliteStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    tamper: str, where: int, reason: str,
) -> None:
    await write(store, 8)
    assert (await verify_store(store)).ok
    with sqlite3.connect(tmp_path / "var" / "chatlog.db", isolation_level=None) as conn:
        conn.executescript(tamper)
    verdict = await verify_store(store)
    assert (verdict.ok, verdict.broken_at, verdict.reason) == (False, where, reason)
    code, out = await cli_verify(tmp_path, monkeypatch, capsys)
    assert code == 1 and f"BROKEN at record {where}: {reason}" in out


async def test_an_inserted_record_is_caught(
    store: SqliteStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    await write(store, 6)
    with sqlite3.connect(tmp_path / "var" / "chatlog.db", isolation_level=None) as conn:
        conn.execute("UPDATE audit SET chain_seq = chain_seq + 1000 WHERE chain_seq >= 3")
        conn.execute("UPDATE audit SET chain_seq = chain_seq - 999 WHERE chain_seq >= 1000")
        row = conn.execute("SELECT prev_hash, hash FROM audit WHERE chain_seq = 2").fetchone()
        conn.execute(
            "INSERT INTO audit (audit_id, at, actor_id, role, action, purpose, expire_at, chain_seq, prev_hash, hash) "
            "VALUES ('forged', 0, 'x', 'compliance', 'read_session', 'p', 0, 3, ?, ?)",
            (row[1], "f" * 64),
        )
    code, out = await cli_verify(tmp_path, monkeypatch, capsys)
    assert code == 1 and "BROKEN at record 3" in out


async def test_cutting_the_newest_records_is_caught_by_a_published_head(
    store: SqliteStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    await write(store, 6)
    head = await store.audit_head()
    assert head is not None and head.seq == 6
    code, out = await cli_verify(tmp_path, monkeypatch, capsys, "--expect-head", f"6:{head.hash}")
    assert code == 0 and f"head 6 {head.hash}" in out
    with sqlite3.connect(tmp_path / "var" / "chatlog.db", isolation_level=None) as conn:
        conn.execute("DELETE FROM audit WHERE chain_seq >= 5")
    assert (await verify_store(store)).ok  # what is left is a valid chain ...
    code, out = await cli_verify(tmp_path, monkeypatch, capsys, "--expect-head", f"6:{head.hash}")
    assert code == 1 and "does not contain the published head 6" in out  # ... but not the published one
    assert (await cli_verify(tmp_path, monkeypatch, capsys, "--expect-head", "6:nothex"))[0] == 2


async def test_concurrent_writers_make_one_chain(store: SqliteStore) -> None:
    await asyncio.gather(*(store.add_audit(audit(f"c{i}", T0 + timedelta(seconds=i))) for i in range(200)))
    verdict = await verify_store(store, page=37)  # pages that split the chain anywhere
    assert verdict.ok and verdict.checked == 200 and verdict.head_seq == 200


async def test_two_processes_writing_one_file_make_one_chain(tmp_path: Path) -> None:
    path = tmp_path / "var" / "chatlog.db"
    stores = [SqliteStore(path, sweep_interval_s=0) for _ in range(2)]
    for s in stores:
        await s.open()
    try:
        await asyncio.gather(*(stores[i % 2].add_audit(audit(f"p{i}", T0)) for i in range(100)))
        verdict = await verify_store(stores[0])
        assert verdict.ok and verdict.checked == 100
    finally:
        for s in stores:
            await s.close()


async def test_expiry_trims_the_oldest_end_only(store: SqliteStore) -> None:
    await write(store, 3, expire_days=1)  # records 1-3 expire early
    await store.add_audit(audit("keep", T0 + timedelta(seconds=10)))  # record 4 is kept long
    await store.add_audit(audit("short", T0 + timedelta(seconds=11), expire_at=T0 + DAY))  # 5: expired, later
    counts = await store.purge_expired(now=T0 + 2 * DAY)
    assert counts["audit"] == 3  # 1-3 go; 5 waits behind 4, so the chain has no hole
    verdict = await verify_store(store)
    assert verdict.ok and verdict.checked == 2 and verdict.head_seq == 5
