"""The bulk append (chat/store/sqlite_append.py) against the one-at-a-time reference it replaces on the
hot path: for any batch (repeated ids in the batch and from earlier batches, messages without an id,
sessions that are gone or expired, several messages of one session) both give the same outcome for
every message and leave the same rows behind."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chat.errors import UnknownSession
from chat.store.base import AppendResult, NewMessage
from chat.store.cursor import from_epoch_us
from chat.store.sqlite_append import AppendOp, append_many
from chat.store.sqlite_schema import migrate

NOW = 1_900_000_000_000_000  # µs since the epoch: 2030
SESSIONS = {"live-a": None, "live-b": NOW + 10**9, "expired": NOW - 1}  # session id → expire_at


def _db(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    migrate(conn)
    for sid, expire_at in SESSIONS.items():
        conn.execute(
            "INSERT INTO sessions (session_id, kind, customer_id, created_at, tier, expire_at, state) "
            "VALUES (?, 'authenticated', 'c1', 1, 'archive', ?, 'bot')",
            (sid, expire_at),
        )
    return conn


def _outcome(result: AppendResult | Exception) -> tuple[Any, ...]:
    if isinstance(result, Exception):
        return (type(result).__name__,)
    m = result.message
    return (result.duplicate, m.session_id, m.seq, m.sender, m.text, m.at, m.client_msg_id, m.sender_id)


def _rows(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    messages = conn.execute("SELECT * FROM messages ORDER BY session_id, seq").fetchall()
    sessions = conn.execute("SELECT session_id, last_seq FROM sessions ORDER BY session_id").fetchall()
    counts = conn.execute("SELECT * FROM session_redactions ORDER BY session_id, entity_type").fetchall()
    return [*messages, *sessions, *counts]


messages = st.builds(
    lambda sid, sender, key, text, redacted: NewMessage(
        session_id=sid,
        sender=sender,
        text=text,
        at=from_epoch_us(NOW),
        client_msg_id=key,
        sender_id=None if sender == "customer" else "bot-1",
        redactions={"PERSON": redacted} if redacted else {},
    ),
    st.sampled_from([*SESSIONS, "missing"]),
    st.sampled_from(["customer", "bot"]),
    st.one_of(st.none(), st.sampled_from(["k1", "k2", "k3", "k4"])),
    st.text(min_size=1, max_size=20),
    st.integers(0, 2),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(st.lists(messages, min_size=1, max_size=8), min_size=1, max_size=4))
def test_bulk_append_does_what_one_at_a_time_does(tmp_path_factory: Any, batches: list[list[NewMessage]]) -> None:
    base = tmp_path_factory.mktemp("bulk")
    bulk, reference = _db(base / "bulk.db"), _db(base / "ref.db")
    for batch in batches:
        ops = [AppendOp(m, NOW) for m in batch]
        bulk.execute("BEGIN IMMEDIATE")
        got = append_many(bulk, ops)
        bulk.execute("COMMIT")
        expected: list[AppendResult | Exception] = []
        reference.execute("BEGIN IMMEDIATE")
        for op in ops:
            try:
                expected.append(op(reference))
            except UnknownSession as exc:
                expected.append(exc)
        reference.execute("COMMIT")
        assert [_outcome(r) for r in got] == [_outcome(r) for r in expected]
    assert _rows(bulk) == _rows(reference)


def test_a_batch_of_one_session_is_numbered_in_order(tmp_path: Path) -> None:
    conn = _db(tmp_path / "one.db")
    ops = [AppendOp(NewMessage("live-a", "customer", f"t{i}", from_epoch_us(NOW), f"m{i}"), NOW) for i in range(50)]
    conn.execute("BEGIN IMMEDIATE")
    results = append_many(conn, ops)
    conn.execute("COMMIT")
    assert [r.message.seq for r in results if isinstance(r, AppendResult)] == list(range(1, 51))
    assert conn.execute("SELECT last_seq FROM sessions WHERE session_id = 'live-a'").fetchone() == (50,)


def _statements(conn: sqlite3.Connection, ops: list[AppendOp]) -> tuple[list[AppendResult | Exception], list[str]]:
    ran: list[str] = []
    conn.set_trace_callback(ran.append)
    conn.execute("BEGIN IMMEDIATE")
    results = append_many(conn, ops)
    conn.execute("COMMIT")
    conn.set_trace_callback(None)
    return results, ran


def test_a_batch_that_all_went_in_is_read_back_as_the_rows_just_added(tmp_path: Path) -> None:
    """The usual batch (issue 11): every message is new, so their seqs come from the rows the insert just
    added; the per-message lookup by key runs only when fewer rows went in than were sent."""
    conn = _db(tmp_path / "read-back.db")
    first = [AppendOp(NewMessage(sid, "customer", f"t{i}", from_epoch_us(NOW), f"m{i}"), NOW)
             for i, sid in enumerate(["live-a", "live-b", "live-a", "live-b", "live-a"])]  # fmt: skip
    results, ran = _statements(conn, first)
    assert [(r.message.session_id, r.message.seq, r.duplicate) for r in results if isinstance(r, AppendResult)] == [
        ("live-a", 1, False), ("live-b", 1, False), ("live-a", 2, False), ("live-b", 2, False), ("live-a", 3, False)
    ]  # fmt: skip
    assert any("last_insert_rowid() - changes()" in sql and "client_msg_id, seq" in sql for sql in ran)
    assert not any("json_group_array(json_array(j.key" in sql for sql in ran)

    # a repeat of m1 and a message to an expired session among new ones: the lookup by key answers
    again = [
        AppendOp(NewMessage("live-b", "customer", "t1", from_epoch_us(NOW), "m1"), NOW),
        AppendOp(NewMessage("live-a", "customer", "new", from_epoch_us(NOW), "m9"), NOW),
        AppendOp(NewMessage("expired", "customer", "late", from_epoch_us(NOW), "m8"), NOW),
    ]
    results, ran = _statements(conn, again)
    assert isinstance(results[0], AppendResult) and results[0].duplicate and results[0].message.seq == 1
    assert isinstance(results[1], AppendResult) and not results[1].duplicate and results[1].message.seq == 4
    assert isinstance(results[2], UnknownSession)
    assert any("json_group_array(json_array(j.key" in sql for sql in ran)
