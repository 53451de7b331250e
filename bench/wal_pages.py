"""Which b-trees one commit of appends writes to the embedded store's WAL (issue 11).

    python -m bench.wal_pages                       # 100 sessions of 100 messages, then 37 appends
    python -m bench.wal_pages --sessions 1000 --before 20 --batch 300

Why: the writer's commit costs what it writes, two ``pwrite`` calls per page. The store is filled, the
WAL checkpointed away, one batch of appends (to distinct sessions, as a busy gateway's batch is) is
committed, and each frame of the WAL is mapped to its table or index through SQLite's ``dbstat``.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import collections
import contextlib
import os
import random
import sqlite3
import struct
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from chat.store.base import NewMessage, Retention, SessionRecord
from chat.store.sqlite import SqliteStore


def wal_pages(wal: bytes) -> list[int]:
    """The page number of each frame in a WAL file's bytes (header 32 bytes; each frame 24 + page)."""
    page_size = struct.unpack(">I", wal[8:12])[0]
    pages, offset = [], 32
    while offset + 24 + page_size <= len(wal):
        pages.append(struct.unpack(">I", wal[offset : offset + 4])[0])
        offset += 24 + page_size
    return pages


async def measure(sessions: int, before: int, batch: int) -> collections.Counter[str]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chat.db"
        store = SqliteStore(path)
        await store.open()
        now = datetime.now(UTC)
        keep = Retention(tier="archive", expire_at=now + timedelta(days=1000), visible_until=now + timedelta(days=1000))
        ids = [str(uuid.uuid4()) for _ in range(sessions)]
        for sid in ids:
            await store.create_session(
                SessionRecord(session_id=sid, kind="authenticated", customer_id=sid[:8], created_at=now, retention=keep)
            )
        text = "v1:" + base64.b64encode(os.urandom(120)).decode()  # the size of a sealed chat message

        def append(sid: str) -> NewMessage:
            return NewMessage(sid, "customer", text, datetime.now(UTC), client_msg_id=str(uuid.uuid4()))

        for _ in range(before):
            await asyncio.gather(*(store.append_message(append(sid)) for sid in ids))
        with contextlib.closing(sqlite3.connect(path)) as conn:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise RuntimeError("the WAL could not be emptied before the batch")
        commits = store.commits
        await asyncio.gather(*(store.append_message(append(sid)) for sid in random.sample(ids, batch)))
        if store.commits != commits + 1:
            raise RuntimeError(f"the batch took {store.commits - commits} commits, not one")
        pages = wal_pages((path.parent / "chat.db-wal").read_bytes())
        with contextlib.closing(sqlite3.connect(path)) as conn:
            names = dict(conn.execute("SELECT pageno, name FROM dbstat").fetchall())
        await store.close()
    return collections.Counter(names.get(page, "?") for page in pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--before", type=int, default=100, help="messages stored per session first")
    parser.add_argument("--batch", type=int, default=37, help="appends committed together, one per session")
    args = parser.parse_args()
    batch = min(args.batch, args.sessions)
    counts = asyncio.run(measure(args.sessions, args.before, batch))
    print(f"{sum(counts.values())} WAL frames for {batch} messages in one commit:")
    for name, count in counts.most_common():
        print(f"  {count:5d}  {name}")


if __name__ == "__main__":
    main()
