"""A store outage at run time: messages are never acked and lost, the client hears why, and the
gateway recovers by itself when the store is back.

The outage is simulated by a proxy in front of the real embedded store that raises the same error the
MongoDB backend raises when the replica set is unreachable (``StoreUnavailable``; the MongoDB backend's
own outage behaviour — kill and restart of the database server — is tested in
tests/store/test_mongo_nx.py). The gateway only ever sees the store interface, so this is the path a
MongoDB outage takes through it.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx

from chat.errors import StoreUnavailable
from chat.store.sqlite import SqliteStore
from tests.gateway.client import client
from tests.servers import make_settings, run_in_thread


class FlakyStore:
    """Delegates to a real store; while ``down`` every operation raises ``StoreUnavailable``."""

    def __init__(self, inner: SqliteStore) -> None:
        self._inner = inner
        self.down = False
        self.name = inner.name

    def __getattr__(self, name: str) -> Any:
        target = getattr(self._inner, name)
        if not callable(target) or name in ("open", "close"):
            return target

        async def call(*args: Any, **kwargs: Any) -> Any:
            if self.down:
                await asyncio.sleep(0.05)
                raise StoreUnavailable("the store cannot be reached")
            return await target(*args, **kwargs)

        return call


async def test_outage_is_reported_never_acked_and_recovers(tmp_path: Path) -> None:
    store = FlakyStore(SqliteStore(tmp_path / "var" / "chatlog.db", sweep_interval_s=0))
    with run_in_thread(make_settings(tmp_path / "var"), store=store) as server:  # type: ignore[arg-type]
        async with httpx.AsyncClient() as http, client(server.ws + "/ws/chat") as c:
            await c.hello(token=server.customer_token("cust-o"))
            assert (await c.say("1", "før bruddet")) == {"type": "ack", "client_msg_id": "1", "seq": 1}

            store.down = True
            err = await c.say("2", "under bruddet")
            assert err["type"] == "error" and err["code"] == "store_unavailable" and err["client_msg_id"] == "2"
            assert (await http.get(server.base + "/readyz")).status_code == 503
            # New sessions cannot start either, and say so.
            async with client(server.ws + "/ws/chat") as other:
                refused = await other.hello()
                assert refused["code"] == "store_unavailable"

            store.down = False
            assert (await c.say("2", "under bruddet")) == {"type": "ack", "client_msg_id": "2", "seq": 2}
            assert (await http.get(server.base + "/readyz")).status_code == 200
            metrics = (await http.get(server.base + "/metrics")).text
            assert 'chatlog_store_errors_total{op="append"} 1.0' in metrics

        async with client(server.ws + "/ws/chat") as c2:
            assert (await c2.hello())["type"] == "welcome"


async def test_readiness_means_a_write_can_succeed_now(tmp_path: Path) -> None:
    """Issue 8, item 6: the probe used to commit an empty transaction, which succeeds on a full disk or a
    store that refuses writes. Now it writes, and it checks the free space of the data directory."""
    store = SqliteStore(tmp_path / "var" / "chatlog.db", sweep_interval_s=0)
    with run_in_thread(make_settings(tmp_path / "var"), store=store) as server:
        async with httpx.AsyncClient() as http:
            ready = await http.get(server.base + "/readyz")
            assert ready.status_code == 200 and ready.json()["status"] == "ready"

            store._min_free_bytes = 1 << 62  # the disk is "full": less free space than required
            full = await http.get(server.base + "/readyz")
            assert full.status_code == 503 and full.json()["reason"] == "disk_full"
            store._min_free_bytes = 0

            # Writes fail (a trigger stands in for a failing disk) while the writer thread is alive and
            # an empty transaction would still commit: not ready.
            fail = "BEGIN SELECT RAISE(FAIL, 'simulated write failure'); END"
            await store._write(lambda conn: conn.execute(f"CREATE TRIGGER fail_u BEFORE UPDATE ON readiness {fail}"))
            await store._write(lambda conn: conn.execute(f"CREATE TRIGGER fail_i BEFORE INSERT ON readiness {fail}"))
            refused = await http.get(server.base + "/readyz")
            assert refused.status_code == 503 and refused.json()["reason"] == "write_failed"
            await store._write(lambda conn: conn.execute("DROP TRIGGER fail_u"))
            await store._write(lambda conn: conn.execute("DROP TRIGGER fail_i"))
            assert (await http.get(server.base + "/readyz")).status_code == 200
