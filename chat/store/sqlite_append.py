"""Appends in bulk: every message of a writer batch stored by one SQL statement (issue 11).

Why: the writer thread gives up the GIL on every SQLite step and must win it back from the event loop,
which under load holds it almost all the time. One statement per message made the loop and the writer
take turns (the server used one core's worth of CPU on a two-core machine, waiting, not working). Here a
batch of appends costs three steps whatever its size: the insert of every row, one aggregate read of what
was stored, and the redaction counts, all of them run by SQLite in C with the GIL released.

The statement gives each session's messages the next seqs in the batch's order (``row_number()`` over the
session, on top of ``last_seq``; the trigger then moves ``last_seq``), skips a message whose
``client_msg_id`` is already stored (answered as a duplicate with the first message) and a message to a
session that is gone or expired (``UnknownSession``), exactly as :func:`chat.store.sqlite_ops._append`
does one message at a time; that function stays the reference and the fallback. The CTEs are
``MATERIALIZED`` so that every row is numbered from the ``last_seq`` read before the first insert.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Final

from chat.errors import UnknownSession
from chat.records import record
from chat.store.base import AppendResult, NewMessage
from chat.store.sqlite_ops import _FIND_DUPLICATE, _append, _message_from_row, redaction_rows, stored_message

_INSERT_MANY: Final = """
INSERT INTO messages (session_id, seq, sender, text, at, client_msg_id, sender_id, expire_at)
WITH batch AS MATERIALIZED (
    SELECT j.key AS k, j.value ->> 0 AS sid, j.value ->> 1 AS sender, j.value ->> 2 AS text,
           j.value ->> 3 AS at, j.value ->> 4 AS cmid, j.value ->> 5 AS sender_id
    FROM json_each(?1) AS j
), numbered AS MATERIALIZED (
    SELECT b.sid, s.last_seq + row_number() OVER (PARTITION BY b.sid ORDER BY b.k) AS seq, b.sender, b.text,
           b.at, b.cmid, b.sender_id, s.expire_at
    FROM batch AS b JOIN sessions AS s ON s.session_id = b.sid
    WHERE (s.expire_at IS NULL OR s.expire_at > b.at)
      AND NOT EXISTS (SELECT 1 FROM messages AS m WHERE m.session_id = b.sid AND m.client_msg_id = b.cmid)
)
SELECT sid, seq, sender, text, at, cmid, sender_id, expire_at FROM numbered ORDER BY sid, seq
"""
#: The rows the insert just before it added, in one row: [[session_id, client_msg_id, seq], ...]. They are the
#: last ``changes()`` rowids up to ``last_insert_rowid()`` (one statement numbers its rows consecutively),
#: read as one range of the table: a batch's messages mostly all go in, and this costs a short scan where
#: finding each message by its key cost two index lookups each (0.44 of the writer's 3.9 ms of CPU per
#: batch of 39, issue 11). When fewer rows went in than were sent, :data:`_STORED` says what became of each.
_NEW_ROWS: Final = """
SELECT json_group_array(json_array(session_id, client_msg_id, seq)) FROM messages
WHERE changes() > 0 AND rowid > last_insert_rowid() - changes()
"""
#: What each message of the batch became, in one row: [index, seq, stored by this batch (0/1)], for a batch
#: of which some did not go in. "Stored by this batch": its rowid is in the range :data:`_NEW_ROWS` reads
#: (the trigger's update neither counts in ``changes()`` nor moves ``last_insert_rowid()``).
_STORED: Final = """
SELECT json_group_array(json_array(j.key, m.seq, changes() > 0 AND m.rowid > last_insert_rowid() - changes()))
FROM json_each(?1) AS j
JOIN messages AS m ON m.session_id = j.value ->> 0 AND m.client_msg_id = j.value ->> 4
WHERE m.expire_at IS NULL OR m.expire_at > j.value ->> 3
"""
_ADD_REDACTIONS_MANY: Final = """
INSERT INTO session_redactions (session_id, entity_type, count)
SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2 FROM json_each(?1) AS j WHERE true
ON CONFLICT (session_id, entity_type) DO UPDATE SET count = count + excluded.count
"""


@record
class AppendOp:
    """One append as the writer queues it: runnable alone (``self(conn)``, the reference path) or with
    its neighbours in the batch (:func:`append_many`), which the writer prefers."""

    message: NewMessage
    at: int

    def __call__(self, conn: sqlite3.Connection) -> AppendResult:
        return _append(conn, self.message, self.at)

    @staticmethod
    def run_many(conn: sqlite3.Connection, ops: Sequence[AppendOp]) -> list[AppendResult | Exception]:
        return append_many(conn, ops)

    @staticmethod
    def run_alone(conn: sqlite3.Connection, ops: Sequence[AppendOp]) -> list[AppendResult | Exception] | None:
        return append_alone(conn, ops)


def append_alone(conn: sqlite3.Connection, ops: Sequence[AppendOp]) -> list[AppendResult | Exception] | None:
    """A batch of appends only, stored by one statement in a transaction of its own (autocommit, no
    transaction open): one outcome per op, or ``None`` (nothing written) when the batch needs
    :func:`append_many` in a transaction: a message without ``client_msg_id``, a key repeated in the
    batch, a NUL character, redaction counts to add (a second write), or an insert that failed.

    Why: ``BEGIN`` and ``COMMIT`` are two more SQLite calls a batch, and after each the writer thread
    waits for the GIL, which the event loop holds almost all the time under load (issue 11). One
    statement is atomic by itself; what follows it only reads. Should a read fail after the insert
    committed (an I/O error), every op fails; a client's retry is then answered as a duplicate with the
    seq first stored (idempotent, as after a lost ack)."""
    keys: set[tuple[str, str]] = set()
    for op in ops:
        if not _joins_run(op.message, keys) or (op.message.redactions and redaction_rows(op.message)):
            return None
    payload = _payload(ops)
    try:
        cursor = conn.execute(_INSERT_MANY, (payload,))
    except sqlite3.Error:
        return None  # the statement stored nothing: the transactional path runs the batch and says why
    return _outcomes(conn, ops, payload, cursor.rowcount)


def append_many(conn: sqlite3.Connection, ops: Sequence[AppendOp]) -> list[AppendResult | Exception]:
    """Store ``ops`` in the open transaction, in order; one outcome per op: its result, or the
    ``UnknownSession`` it gets alone. A message without ``client_msg_id``, repeating one of an earlier op
    of the same run, or holding a NUL character ends the run: it is stored alone once the run before it
    is (its outcome depends on theirs), and a new run starts after it."""
    outcomes: list[AppendResult | Exception] = []
    run: list[AppendOp] = []
    keys: set[tuple[str, str]] = set()
    for op in ops:
        if _joins_run(op.message, keys):
            run.append(op)
            continue
        if run:
            outcomes.extend(_insert(conn, run))
            run, keys = [], set()
        try:
            outcomes.append(op(conn))
        except UnknownSession as exc:
            outcomes.append(exc)
    if run:
        outcomes.extend(_insert(conn, run))
    return outcomes


def _joins_run(message: NewMessage, keys: set[tuple[str, str]]) -> bool:
    """``message`` can be stored by one statement with the run whose keys are ``keys`` (and its key is
    added to them): it has a ``client_msg_id``, not one of the run's, and no NUL character."""
    key = message.client_msg_id
    if key is None or (message.session_id, key) in keys or not _json_safe(message):
        return False
    keys.add((message.session_id, key))
    return True


def _json_safe(message: NewMessage) -> bool:
    """SQLite's JSON functions end a string at a NUL character: such a message (a customer may send
    one) is stored alone, with bound parameters, so that it is stored exactly as written."""
    return not ("\x00" in message.text or "\x00" in message.session_id or "\x00" in (message.client_msg_id or "")
                or "\x00" in (message.sender_id or ""))  # fmt: skip


def _payload(ops: Sequence[AppendOp]) -> str:
    return json.dumps(
        [[m.session_id, m.sender, m.text, op.at, m.client_msg_id, m.sender_id] for op in ops for m in (op.message,)],
        ensure_ascii=False,
    )


def _insert(conn: sqlite3.Connection, ops: Sequence[AppendOp]) -> list[AppendResult | Exception]:
    payload = _payload(ops)
    cursor = conn.execute(_INSERT_MANY, (payload,))
    return _outcomes(conn, ops, payload, cursor.rowcount)


def _outcomes(
    conn: sqlite3.Connection, ops: Sequence[AppendOp], payload: str, inserted: int
) -> list[AppendResult | Exception]:
    """What became of each op once :data:`_INSERT_MANY` has run on ``payload`` and added ``inserted`` rows;
    the redaction counts of the messages stored are added."""
    counts: list[tuple[str, str, int]] = []
    # every message went in (the usual batch): its seq is in the rows just added
    all_in = inserted == len(ops)
    results = _all_stored(conn, ops, counts) if all_in else _some_stored(conn, ops, payload, counts)
    if counts:
        conn.execute(_ADD_REDACTIONS_MANY, (json.dumps(counts, ensure_ascii=False),))
    return results


def _all_stored(
    conn: sqlite3.Connection, ops: Sequence[AppendOp], counts: list[tuple[str, str, int]]
) -> list[AppendResult | Exception]:
    seqs = {(sid, cmid): seq for sid, cmid, seq in json.loads(conn.execute(_NEW_ROWS).fetchone()[0])}
    results: list[AppendResult | Exception] = []
    for op in ops:
        message = op.message
        if message.redactions:
            counts.extend(redaction_rows(message))
        seq = seqs[message.session_id, message.client_msg_id]
        results.append(AppendResult(stored_message(message, seq, op.at), duplicate=False))
    return results


def _some_stored(
    conn: sqlite3.Connection, ops: Sequence[AppendOp], payload: str, counts: list[tuple[str, str, int]]
) -> list[AppendResult | Exception]:
    """Fewer went in than were sent: each op is new, a duplicate (answered with the message as first
    stored) or to a session that is gone (``UnknownSession``)."""
    stored_rows = json.loads(conn.execute(_STORED, (payload,)).fetchone()[0])
    found: dict[int, tuple[int, bool]] = {index: (seq, bool(new)) for index, seq, new in stored_rows}
    results: list[AppendResult | Exception] = []
    for index, op in enumerate(ops):
        message = op.message
        hit = found.get(index)
        if hit is None:
            results.append(UnknownSession())
            continue
        seq, new = hit
        if new:
            counts.extend(redaction_rows(message))
            results.append(AppendResult(stored_message(message, seq, op.at), duplicate=False))
        else:  # a retry after a lost ack
            row = conn.execute(_FIND_DUPLICATE, (message.session_id, message.client_msg_id, op.at)).fetchone()
            results.append(AppendResult(_message_from_row(row), duplicate=True))
    return results
