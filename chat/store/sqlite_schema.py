"""The embedded store's schema as an ordered list of migrations, tracked in ``PRAGMA user_version``.

Operators upgrade by starting the new version on the old file: :func:`migrate` applies the steps the
file has not seen, in order, in one transaction, so a crash mid-upgrade leaves the old version intact
and a second start finds nothing to do. Steps are append-only: a released step is never edited, a
change is a new step. ``user_version`` lives in the database header and is written by the same
transaction as the step, so the version and the tables cannot disagree.

Conventions the queries in :mod:`chat.store.sqlite` rely on:

* times are INTEGER microseconds since the epoch, UTC (exact, and they sort correctly);
* ``expire_at`` NULL means "kept until released" (legal hold); expired means ``expire_at <= now``;
* a session's messages carry a copy of its ``expire_at``; they expire together, and the purge finds
  them through their session (migration 5);
* ``sessions.last_seq`` is moved by a trigger on each insert into ``messages``.
* ``messages`` has one index, ``messages_by_session`` (session_id, client_msg_id), through which a
  session's messages are found and a repeated client_msg_id refused; seqs are sorted, not indexed
  (migration 9).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from chat.errors import StoreError

#: The trigger that moves a session's ``last_seq`` on each insert into ``messages`` (migration 5; migration
#: 9 creates it again on the rebuilt table).
_MOVE_LAST_SEQ = """
            CREATE TRIGGER messages_move_last_seq AFTER INSERT ON messages
            BEGIN
                UPDATE sessions SET last_seq = NEW.seq
                WHERE session_id = NEW.session_id AND last_seq < NEW.seq;
            END
            """


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    summary: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "sessions, messages, audit records and legal holds",
        (
            """
            CREATE TABLE sessions (
                session_id    TEXT PRIMARY KEY,
                kind          TEXT NOT NULL CHECK (kind IN ('anonymous', 'authenticated')),
                customer_id   TEXT,
                created_at    INTEGER NOT NULL,
                tier          TEXT NOT NULL,
                expire_at     INTEGER,
                visible_until INTEGER,
                state         TEXT NOT NULL,
                ended_at      INTEGER,
                adviser_ids   TEXT NOT NULL DEFAULT '[]',
                legal_hold    INTEGER NOT NULL DEFAULT 0,
                objection     INTEGER NOT NULL DEFAULT 0,
                last_seq      INTEGER NOT NULL DEFAULT 0
            )
            """,
            # The customer's archive, newest first, paged by (created_at, session_id).
            """
            CREATE INDEX sessions_by_customer ON sessions (customer_id, created_at DESC, session_id DESC)
            WHERE customer_id IS NOT NULL
            """,
            "CREATE INDEX sessions_by_expiry ON sessions (expire_at) WHERE expire_at IS NOT NULL",
            # Analysts' statistics: anonymous sessions by creation time.
            "CREATE INDEX sessions_by_kind_created ON sessions (kind, created_at)",
            """
            CREATE TABLE messages (
                session_id    TEXT NOT NULL,
                seq           INTEGER NOT NULL,
                sender        TEXT NOT NULL,
                text          TEXT NOT NULL,
                at            INTEGER NOT NULL,
                client_msg_id TEXT,
                sender_id     TEXT,
                expire_at     INTEGER,
                PRIMARY KEY (session_id, seq)
            )
            """,
            # Idempotent appends: one stored message per (session, client_msg_id).
            """
            CREATE UNIQUE INDEX messages_idempotency ON messages (session_id, client_msg_id)
            WHERE client_msg_id IS NOT NULL
            """,
            "CREATE INDEX messages_by_expiry ON messages (expire_at) WHERE expire_at IS NOT NULL",
            """
            CREATE TABLE audit (
                audit_id    TEXT PRIMARY KEY,
                at          INTEGER NOT NULL,
                actor_id    TEXT NOT NULL,
                role        TEXT NOT NULL,
                action      TEXT NOT NULL,
                purpose     TEXT NOT NULL,
                expire_at   INTEGER NOT NULL,
                session_id  TEXT,
                customer_id TEXT
            )
            """,
            "CREATE INDEX audit_by_time ON audit (at DESC, audit_id DESC)",
            "CREATE INDEX audit_by_actor ON audit (actor_id, at DESC, audit_id DESC)",
            """
            CREATE INDEX audit_by_session ON audit (session_id, at DESC, audit_id DESC)
            WHERE session_id IS NOT NULL
            """,
            """
            CREATE INDEX audit_by_customer ON audit (customer_id, at DESC, audit_id DESC)
            WHERE customer_id IS NOT NULL
            """,
            "CREATE INDEX audit_by_expiry ON audit (expire_at)",
            """
            CREATE TABLE holds (
                hold_id     TEXT PRIMARY KEY,
                session_id  TEXT NOT NULL,
                case_ref    TEXT NOT NULL,
                placed_by   TEXT NOT NULL,
                placed_at   INTEGER NOT NULL,
                released_at INTEGER,
                released_by TEXT
            )
            """,
            "CREATE INDEX holds_by_session ON holds (session_id, placed_at)",
        ),
    ),
    Migration(
        2,
        "customers' objections and per-session redaction counts for statistics",
        (
            "CREATE TABLE objections (customer_id TEXT PRIMARY KEY, at INTEGER NOT NULL)",
            # Counts only, never values: what the analysts' statistics need and nothing more.
            """
            CREATE TABLE session_redactions (
                session_id  TEXT NOT NULL,
                entity_type TEXT NOT NULL,
                count       INTEGER NOT NULL,
                PRIMARY KEY (session_id, entity_type)
            ) WITHOUT ROWID
            """,
        ),
    ),
    Migration(
        3,
        "a readiness row that /readyz writes, so that ready means a write can succeed now",
        ("CREATE TABLE readiness (id INTEGER PRIMARY KEY CHECK (id = 1), at INTEGER NOT NULL)",),
    ),
    Migration(
        4,
        "the adviser holding a session now, moved only by compare-and-set (several instances, issue 10)",
        ("ALTER TABLE sessions ADD COLUMN adviser_id TEXT",),
    ),
    Migration(
        5,
        "fewer pages written per message (issue 11): expired messages are found through their session, "
        "and the session's last_seq follows each insert inside SQLite",
        (
            # Every message expires with its session (the copy of expire_at is kept for reads), so the
            # purge reaches them through sessions_by_expiry and the primary key. This index was a third
            # page written per message at a random place in the file: a quarter of the bytes per commit.
            "DROP INDEX IF EXISTS messages_by_expiry",
            # One statement per append instead of two (the writer thread's Python and GIL round trips).
            _MOVE_LAST_SEQ,
        ),
    ),
    Migration(
        6,
        "service figures and topics for the statistics (issue 13): when the customer first wrote, the "
        "first answer, asking for and getting an adviser, the state a session ended in, its topic",
        (
            "ALTER TABLE sessions ADD COLUMN first_customer_at INTEGER",
            "ALTER TABLE sessions ADD COLUMN first_answer_at INTEGER",
            "ALTER TABLE sessions ADD COLUMN waiting_at INTEGER",
            "ALTER TABLE sessions ADD COLUMN adviser_at INTEGER",
            "ALTER TABLE sessions ADD COLUMN end_state TEXT",
            "ALTER TABLE sessions ADD COLUMN topic TEXT",
            # The statistics read sessions of both kinds by creation time.
            "CREATE INDEX sessions_by_created ON sessions (created_at)",
        ),
    ),
    Migration(
        7,
        "the audit log as a hash chain (issue 14): each record's place, its predecessor's hash and its own",
        (
            "ALTER TABLE audit ADD COLUMN chain_seq INTEGER",
            "ALTER TABLE audit ADD COLUMN prev_hash TEXT",
            "ALTER TABLE audit ADD COLUMN hash TEXT",
            # One record per place: a second writer that read the same predecessor fails and retries.
            "CREATE UNIQUE INDEX audit_by_chain ON audit (chain_seq) WHERE chain_seq IS NOT NULL",
        ),
    ),
    Migration(
        8,
        "erasure requests refused by a duty to keep, carried out when the duty ends (issue 14)",
        ("ALTER TABLE sessions ADD COLUMN erasure_requested_at INTEGER",),
    ),
    Migration(
        9,
        "one index per message instead of two (issue 11): a session's messages are found through the "
        "idempotency key, which now covers every message; the primary key on (session_id, seq) is gone",
        (
            # Every message went into two b-trees that lead with its session, so each commit rewrote two
            # pages per session it touched (half of the WAL's frames each). The seq needs no index of its
            # own: a session's messages are read whole (or after a seq) and sorted, and the single writer
            # numbers them from the session's last_seq inside its transaction, so two cannot share one.
            # The table is rebuilt (SQLite cannot drop a primary key); rows keep their rowids and order.
            """
            CREATE TABLE messages_v9 (
                session_id    TEXT NOT NULL,
                seq           INTEGER NOT NULL,
                sender        TEXT NOT NULL,
                text          TEXT NOT NULL,
                at            INTEGER NOT NULL,
                client_msg_id TEXT,
                sender_id     TEXT,
                expire_at     INTEGER
            )
            """,
            "INSERT INTO messages_v9 (rowid, session_id, seq, sender, text, at, client_msg_id, sender_id, expire_at) "
            "SELECT rowid, session_id, seq, sender, text, at, client_msg_id, sender_id, expire_at FROM messages",
            "DROP TRIGGER messages_move_last_seq",
            "DROP TABLE messages",
            "ALTER TABLE messages_v9 RENAME TO messages",
            # Unique where client_msg_id is set (SQLite's NULLs are distinct), and every message's entry:
            # idempotent appends and a session's messages, one b-tree.
            "CREATE UNIQUE INDEX messages_by_session ON messages (session_id, client_msg_id)",
            _MOVE_LAST_SEQ,
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    """The version recorded in the file (0 for a new, empty file)."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, *, target: int = LATEST_VERSION) -> list[int]:
    """Bring the file up to ``target``; returns the versions applied (empty when already there).

    ``conn`` must be in autocommit mode (``isolation_level=None``). ``BEGIN IMMEDIATE`` takes the write
    lock before the version is read, so two processes starting at once cannot both apply a step.
    A file written by a newer release is refused rather than guessed at.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = schema_version(conn)
        if current > LATEST_VERSION:
            raise StoreError(
                f"database schema version {current} is newer than this release supports ({LATEST_VERSION})"
            )
        applied: list[int] = []
        for step in MIGRATIONS:
            if current < step.version <= target:
                for statement in step.statements:
                    conn.execute(statement)
                applied.append(step.version)
        if applied:
            # PRAGMA takes no bound parameters; the value is an int from MIGRATIONS.
            conn.execute(f"PRAGMA user_version = {applied[-1]:d}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return applied
