"""bench/wal_pages.py: the WAL's frames of one commit, mapped to the b-trees they belong to."""

from __future__ import annotations

from bench.wal_pages import measure


async def test_one_commit_of_appends_writes_the_table_and_both_indexes() -> None:
    counts = await measure(sessions=20, before=5, batch=8)
    assert {"messages", "messages_by_session", "sessions"} <= set(counts)
    assert "?" not in counts  # every frame is a page of a known b-tree
