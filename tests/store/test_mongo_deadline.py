"""A MongoDB outage must end at the store's deadline, with the event loop serving others meanwhile.

Issue 9, item 1: with PyMongo 4.13-4.16, when no primary can be found and the operation deadline
(``pymongo.timeout``) runs out inside a transaction, ``with_transaction`` retried until its fixed 120 s
limit, each retry failing at once without yielding to the event loop, so every websocket and
``/healthz`` stalled for two minutes. Reproduced against a closed port with ``replicaSet=`` in the URI
(the driver then waits for a primary rather than talking to a standalone); PyMongo 4.17 and later
raise after the deadline, and pyproject.toml requires them.
"""

from __future__ import annotations

import asyncio
import socket
from datetime import UTC, datetime, timedelta

import pymongo
import pytest

from chat.errors import StoreUnavailable
from chat.store.base import NewMessage
from chat.store.mongo import MongoStore


def test_the_installed_pymongo_honours_the_deadline_inside_transactions() -> None:
    assert pymongo.version_tuple[:2] >= (4, 17)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the socket is


async def test_an_append_during_an_outage_fails_at_the_deadline_while_the_loop_keeps_serving() -> None:
    uri = f"mongodb://127.0.0.1:{_closed_port()}/?replicaSet=rs0&directConnection=false"
    store = MongoStore(uri, "chatlog_outage", server_selection_timeout_ms=1_000)
    ticks = 0

    async def another_client() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    other = asyncio.create_task(another_client())
    try:
        # no client_msg_id: straight into the transaction
        message = NewMessage("s1", "customer", "hei", datetime.now(UTC) + timedelta(days=1))
        # wait_for is a guard against the two-minute spin, not a speed assertion
        with pytest.raises(StoreUnavailable):
            await asyncio.wait_for(store.append_message(message), timeout=60)
    finally:
        other.cancel()
        await store.close()
    assert ticks >= 5  # the event loop went on serving while the append waited for a primary
