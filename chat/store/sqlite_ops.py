"""The embedded store's SQL: statements, rows to records, and the write operations the writer thread runs
inside a batch's transaction (pure functions of a connection, so that a batch can run them again)."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, Final, cast

from chat.errors import ErasureRefused, UnknownSession
from chat.retention import kept_by_hold
from chat.store.base import (
    AppendResult,
    AuditRecord,
    DailyStats,
    ErasureCheck,
    Hold,
    NewMessage,
    Retention,
    Sender,
    SessionKind,
    SessionRecord,
    SessionState,
    StoredMessage,
    Tier,
    Transition,
)
from chat.store.cursor import epoch_us, from_epoch_us

logger = logging.getLogger(__name__)

Row = Sequence[Any]

def _opt_us(value: datetime | None) -> int | None:
    return None if value is None else epoch_us(value)


def _opt_dt(value: int | None) -> datetime | None:
    return None if value is None else from_epoch_us(value)


# --- rows <-> records ---------------------------------------------------------------------------------

# Column lists, spelled out in each statement below so that every statement is one literal.
_SESSION_COLUMNS: Final = (
    "session_id, kind, customer_id, created_at, tier, expire_at, visible_until, state, ended_at, "
    "adviser_ids, legal_hold, objection, last_seq, adviser_id, erasure_requested_at"
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
        erasure_requested_at=_opt_dt(row[14]),
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



# --- write operations (run on the writer thread, inside the batch transaction) -----------------------

#: A new session is flagged by its customer's objection as the write finds it, not as the caller read
#: it a moment before: an objection stored in between missed the session (outside audit 63, M5).
_INSERT_SESSION: Final = (
    "INSERT INTO sessions (session_id, kind, customer_id, created_at, tier, expire_at, visible_until, "
    "state, ended_at, adviser_ids, legal_hold, objection, last_seq, adviser_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? OR EXISTS (SELECT 1 FROM objections WHERE customer_id = ?), ?, ?)"
)
_FIND_DUPLICATE: Final = (
    "SELECT session_id, seq, sender, text, at, client_msg_id, sender_id FROM messages "
    "WHERE session_id = ? AND client_msg_id = ? AND (expire_at IS NULL OR expire_at > ?)"
)
_GET_SESSION: Final = (
    "SELECT session_id, kind, customer_id, created_at, tier, expire_at, visible_until, state, ended_at, "
    "adviser_ids, legal_hold, objection, last_seq, adviser_id, erasure_requested_at FROM sessions "
    "WHERE session_id = ? AND (expire_at IS NULL OR expire_at > ?)"
)
_GET_MESSAGES: Final = (
    "SELECT session_id, seq, sender, text, at, client_msg_id, sender_id FROM messages "
    "WHERE session_id = ? AND seq > ? AND (expire_at IS NULL OR expire_at > ?) ORDER BY seq LIMIT ?"
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
#: client_msg_id inserts nothing (the unique index ``messages_by_session``) and returns no row.
_APPEND_MESSAGE: Final = (
    "INSERT INTO messages (session_id, seq, sender, text, at, client_msg_id, sender_id, expire_at) "
    "SELECT session_id, last_seq + 1, ?, ?, ?, ?, ?, expire_at FROM sessions "
    "WHERE session_id = ? AND (expire_at IS NULL OR expire_at > ?) "
    "ON CONFLICT (session_id, client_msg_id) DO NOTHING RETURNING seq"
)
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


def _rowcount(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> int:
    return conn.execute(sql, params).rowcount


def _append(conn: sqlite3.Connection, message: NewMessage, at: int) -> AppendResult:
    """Insert with the next seq: one statement on the common path, ``last_seq`` moved by a trigger (issue
    11: the writer thread was half the server's CPU per message). Nothing is written when the insert
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
    seq = rows[0][0]  # the trigger messages_move_last_seq has moved the session's last_seq
    counts = redaction_rows(message)
    if counts:
        conn.executemany(_ADD_REDACTIONS, counts)
    return AppendResult(stored_message(message, seq, at), duplicate=False)


def redaction_rows(message: NewMessage) -> list[tuple[str, str, int]]:
    """The ``session_redactions`` rows one stored message adds to (entity types with a count)."""
    return [(message.session_id, entity, n) for entity, n in message.redactions.items() if n > 0]


def stored_message(message: NewMessage, seq: int, at: int) -> StoredMessage:
    """What an append returns for a newly stored message: the record a later read gives back."""
    return StoredMessage(
        session_id=message.session_id,
        seq=seq,
        sender=message.sender,
        text=message.text,
        # UTC, exactly as a later read returns it: the message's own time when it is in UTC already
        # (``at`` is its epoch_us; from_epoch_us gives an equal datetime back, at 1.5 us a message)
        at=message.at if message.at.tzinfo is UTC else from_epoch_us(at),
        client_msg_id=message.client_msg_id,
        sender_id=message.sender_id,
    )


def _update_session(
    conn: sqlite3.Connection,
    session_id: str,
    add_adviser: str | None,
    params: dict[str, Any],
    retention: Retention | None = None,
) -> None:
    row = conn.execute("SELECT adviser_ids, legal_hold FROM sessions WHERE session_id = ?", (session_id,)).fetchone()
    if row is None:
        raise UnknownSession()
    adviser_ids: str | None = None
    if add_adviser is not None:
        ids: list[str] = json.loads(row[0])
        if add_adviser not in ids:
            adviser_ids = json.dumps([*ids, add_adviser])
    if retention is not None:  # decided here, in the write's transaction, where the flag cannot change
        held = bool(row[1]) if params["legal_hold"] is None else bool(params["legal_hold"])
        retention = kept_by_hold(retention, held)
    params = {
        **params,
        "adviser_ids": adviser_ids,
        "session_id": session_id,
        "set_retention": retention is not None,
        "tier": None if retention is None else retention.tier,
        "expire_at": None if retention is None else _opt_us(retention.expire_at),
        "visible_until": None if retention is None else _opt_us(retention.visible_until),
    }
    conn.execute(_UPDATE_SESSION, params)
    if retention is not None:
        conn.execute("UPDATE messages SET expire_at = ? WHERE session_id = ?", (params["expire_at"], session_id))


def _transition(
    conn: sqlite3.Connection,
    session_id: str,
    to: str,
    from_states: tuple[str, ...],
    adviser_id: str | None,
    expect_adviser: str | None,
    at: int | None,
) -> Transition:
    """The compare-and-set of :meth:`Store.transition`, in the writer's transaction (one writer at a
    time across every process sharing the file, so the read and the write cannot interleave)."""
    row = conn.execute("SELECT state, adviser_id FROM sessions WHERE session_id = ?", (session_id,)).fetchone()
    if row is None:
        raise UnknownSession()
    state, current = row
    if state not in from_states or (expect_adviser is not None and current != expect_adviser):
        return Transition(False, cast(SessionState, state), current)
    conn.execute(_TRANSITION, {"to": to, "adviser_id": adviser_id, "at": at, "from": state, "sid": session_id})
    return Transition(True, cast(SessionState, to), adviser_id)


#: The move, and the service times it marks (the first time only): asking for an adviser, getting one,
#: and the state a session ended in (``waiting``: it ended before any adviser came).
_TRANSITION: Final = """
UPDATE sessions SET state = :to, adviser_id = :adviser_id,
    ended_at = CASE WHEN :to = 'ended' THEN COALESCE(:at, ended_at) ELSE ended_at END,
    end_state = CASE WHEN :to = 'ended' THEN :from ELSE end_state END,
    waiting_at = CASE WHEN :to = 'waiting' THEN COALESCE(waiting_at, :at) ELSE waiting_at END,
    adviser_at = CASE WHEN :to = 'adviser' THEN COALESCE(adviser_at, :at) ELSE adviser_at END
WHERE session_id = :sid
"""


def _record_times(
    conn: sqlite3.Connection, session_id: str, first_customer_at: int | None, first_answer_at: int | None
) -> None:
    conn.execute(
        "UPDATE sessions SET first_customer_at = COALESCE(first_customer_at, ?), "
        "first_answer_at = COALESCE(first_answer_at, ?) WHERE session_id = ?",
        (first_customer_at, first_answer_at, session_id),
    )


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


def _withdraw_objection(conn: sqlite3.Connection, customer_id: str) -> int:
    conn.execute("DELETE FROM objections WHERE customer_id = ?", (customer_id,))
    sql = "UPDATE sessions SET objection = 0 WHERE customer_id = ? AND objection = 1"
    return conn.execute(sql, (customer_id,)).rowcount


def _purge_messages(conn: sqlite3.Connection, now: int, limit: int) -> tuple[int, int]:
    """Messages of expired sessions, ``limit`` at a time (a long session is deleted over several
    transactions before its session row goes), found through ``sessions_by_expiry`` and ``messages_by_session``."""
    cur = conn.execute(
        "DELETE FROM messages WHERE rowid IN (SELECT m.rowid FROM sessions AS s "
        "JOIN messages AS m ON m.session_id = s.session_id WHERE s.expire_at <= ? LIMIT ?)",
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


_PurgeStep = Callable[[sqlite3.Connection, int, int], tuple[int, int]]


def _run_purge_step(conn: sqlite3.Connection, step: _PurgeStep, now: int, limit: int) -> tuple[int, int]:
    return step(conn, now, limit)



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

