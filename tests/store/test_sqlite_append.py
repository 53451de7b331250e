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
from chat.store.sqlite_append import AppendOp, append_alone, append_many
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
    bulk, reference, alone = _db(base / "bulk.db"), _db(base / "ref.db"), _db(base / "alone.db")
    for batch in batches:
        ops = [AppendOp(m, NOW) for m in batch]
        bulk.execute("BEGIN IMMEDIATE")
        got = append_many(bulk, ops)
        bulk.execute("COMMIT")
        # Without a transaction around it: the same outcome, or declined with nothing written.
        before = _rows(alone)
        by_itself = append_alone(alone, ops)
        assert not alone.in_transaction
        if by_itself is None:
            assert _rows(alone) == before
            alone.execute("BEGIN IMMEDIATE")
            by_itself = append_many(alone, ops)
            alone.execute("COMMIT")
        assert [_outcome(r) for r in by_itself] == [_outcome(r) for r in got]
        expected: list[AppendResult | Exception] = []
        reference.execute("BEGIN IMMEDIATE")
        for op in ops:
            try:
                expected.append(op(reference))
            except UnknownSession as exc:
                expected.append(exc)
        reference.execute("COMMIT")
        assert [_outcome(r) for r in got] == [_outcome(r) for r in expected]
    assert _rows(bulk) == _rows(reference) == _rows(alone)


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


def _new(sid: str, key: str | None, text: str = "hei", **kw: Any) -> AppendOp:
    return AppendOp(NewMessage(sid, "customer", text, from_epoch_us(NOW), key, **kw), NOW)


def test_a_batch_that_needs_a_transaction_is_declined_with_nothing_written(tmp_path: Path) -> None:
    """One statement or nothing: a message without an id, a key twice in the batch, a NUL character or
    redaction counts (a second write) send the batch to the transactional path untouched."""
    conn = _db(tmp_path / "decline.db")
    declined = {
        "no id": [_new("live-a", "m1"), _new("live-b", None)],
        "key twice": [_new("live-a", "m1"), _new("live-a", "m1")],
        "NUL": [_new("live-a", "m1"), _new("live-b", "m2", "a\x00b")],
        "redactions": [_new("live-a", "m1"), _new("live-b", "m2", redactions={"PERSON": 1})],
    }
    for why, ops in declined.items():
        ran: list[str] = []
        conn.set_trace_callback(ran.append)
        assert append_alone(conn, ops) is None, why
        conn.set_trace_callback(None)
        assert ran == [], why
    # An insert that fails stores nothing and declines too (a temporary trigger plays the failing disk).
    conn.execute(
        "CREATE TEMP TRIGGER fail BEFORE INSERT ON main.messages WHEN NEW.text = 'boom' "
        "BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
    )
    assert append_alone(conn, [_new("live-a", "m1"), _new("live-b", "m2", "boom")]) is None
    assert conn.execute("SELECT count(*) FROM messages").fetchone() == (0,)
    assert not conn.in_transaction


def test_the_runner_stores_a_batch_of_appends_without_begin_and_commit(tmp_path: Path) -> None:
    """The usual batch under load is one statement, its own transaction; anything else in the batch
    (here a plain write) puts the whole batch in one transaction as before."""
    from chat.store.sqlite_writer import BatchRunner

    conn = _db(tmp_path / "runner.db")
    runner = BatchRunner(conn)
    ran: list[str] = []
    conn.set_trace_callback(ran.append)
    outcomes = runner.run([_new("live-a", "m1"), _new("live-b", "m2"), _new("live-a", "m3")])
    assert [(error, value.message.seq) for error, value in outcomes] == [(None, 1), (None, 1), (None, 2)]
    assert not any(sql.startswith(("BEGIN", "COMMIT")) for sql in ran)
    assert runner.commits == 1

    ran.clear()
    touch = lambda c: c.execute("UPDATE sessions SET last_seq = last_seq WHERE session_id = 'live-b'")  # noqa: E731
    outcomes = runner.run([_new("live-a", "m4"), touch])
    assert outcomes[0][0] is None and outcomes[0][1].message.seq == 3
    assert ran[0] == "BEGIN IMMEDIATE" and ran[-1] == "COMMIT"
    assert runner.commits == 2


def test_a_failing_append_falls_back_to_the_transaction_and_fails_alone(tmp_path: Path) -> None:
    from chat.errors import StoreError
    from chat.store.sqlite_writer import BatchRunner

    conn = _db(tmp_path / "fallback.db")
    conn.execute(
        "CREATE TEMP TRIGGER fail BEFORE INSERT ON main.messages WHEN NEW.text = 'boom' "
        "BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
    )
    outcomes = BatchRunner(conn).run([_new("live-a", "m1"), _new("live-b", "m2", "boom"), _new("live-a", "m3")])
    assert outcomes[0][0] is None and outcomes[0][1].message.seq == 1
    assert isinstance(outcomes[1][0], StoreError) and outcomes[1][1] is None
    assert outcomes[2][0] is None and outcomes[2][1].message.seq == 2
    assert conn.execute("SELECT client_msg_id FROM messages ORDER BY rowid").fetchall() == [("m1",), ("m3",)]
