"""The embedded store's audit chain (issue 14): append, read in chain order, purge oldest first.

The append runs in the writer's transaction, and SQLite has one writer at a time across every process
sharing the file (``BEGIN IMMEDIATE``), so reading the newest link and writing the next can never
interleave with another writer: one chain, whatever the number of instances. The unique index on
``chain_seq`` is the second line of defence. Records written before schema version 7 carry no link
and are left out of the chain (``chatlog audit verify`` says how many).
"""

from __future__ import annotations

import sqlite3
from typing import Final

from chat.audit_chain import GENESIS, link_hash
from chat.store.base import AuditLink, AuditRecord
from chat.store.cursor import epoch_us
from chat.store.sqlite_ops import _AUDIT_COLUMNS, _audit_from_row

_HEAD: Final = "SELECT chain_seq, hash FROM audit WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1"
_INSERT: Final = (
    "INSERT INTO audit (audit_id, at, actor_id, role, action, purpose, expire_at, session_id, customer_id, "
    "chain_seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_LINKS: Final = (
    f"SELECT {_AUDIT_COLUMNS}, chain_seq, prev_hash, hash FROM audit "  # noqa: S608 - literals only
    "WHERE chain_seq > ? ORDER BY chain_seq LIMIT ?"
)


def insert_audit(conn: sqlite3.Connection, record: AuditRecord) -> None:
    head = conn.execute(_HEAD).fetchone()
    seq, prev = (1, GENESIS) if head is None else (head[0] + 1, head[1])
    conn.execute(
        _INSERT,
        (record.audit_id, epoch_us(record.at), record.actor_id, record.role, record.action, record.purpose,
         epoch_us(record.expire_at), record.session_id, record.customer_id, seq, prev,
         link_hash(record, seq, prev)),
    )


def read_links(conn: sqlite3.Connection, after_seq: int, limit: int) -> list[AuditLink]:
    rows = conn.execute(_LINKS, (after_seq, limit)).fetchall()
    return [AuditLink(_audit_from_row(row), int(row[9]), str(row[10]), str(row[11])) for row in rows]


def read_head(conn: sqlite3.Connection) -> AuditLink | None:
    head = conn.execute(_HEAD).fetchone()
    if head is None:
        return None
    links = read_links(conn, head[0] - 1, 1)
    return links[0] if links else None


def purge_audit(conn: sqlite3.Connection, now: int, limit: int) -> tuple[int, int]:
    """Expired records, oldest link first and never past a record that has not expired, so the chain
    only ever loses its oldest end (a hole in the middle would read as a deleted record)."""
    live = conn.execute(
        "SELECT MIN(chain_seq) FROM audit WHERE chain_seq IS NOT NULL AND expire_at > ?", (now,)
    ).fetchone()[0]
    bound = live if live is not None else (1 << 62)
    chained = conn.execute(
        "DELETE FROM audit WHERE rowid IN (SELECT rowid FROM audit WHERE chain_seq IS NOT NULL "
        "AND chain_seq < ? AND expire_at <= ? ORDER BY chain_seq LIMIT ?)",
        (bound, now, limit),
    ).rowcount
    legacy = conn.execute(
        "DELETE FROM audit WHERE rowid IN (SELECT rowid FROM audit WHERE chain_seq IS NULL AND expire_at <= ? "
        "LIMIT ?)",
        (now, limit),
    ).rowcount
    return chained + legacy, 0
