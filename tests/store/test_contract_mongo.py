"""Layer 1: the store contract suite, plus MongoDB-only checks, on a real MongoDB replica set.

This is the authority on MongoDB behaviour (transactions, TTL index options, partial unique indexes,
type bracketing of ``null``); layers 2 and 3 cannot see those. It runs only when
``CHATLOG_TEST_MONGODB_URI`` points at a replica set, e.g.::

    CHATLOG_TEST_MONGODB_URI='mongodb://localhost:27017/?replicaSet=rs0' .venv/bin/pytest tests/store

Each test gets a database of its own, dropped afterwards (see docs/operations.md).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

import pytest

from chat.store import mongo_indexes
from chat.store import mongo_queries as q
from chat.store.base import NewMessage, Store
from chat.store.mongo import MongoStore
from tests.store.mongo_fixtures import fresh_database_name

from .contract import T0, StoreContract, msg, new_session
from .contract_service import ServiceStatsContract

MONGODB_URI = os.environ.get("CHATLOG_TEST_MONGODB_URI", "")
if not MONGODB_URI:
    pytest.skip(
        "CHATLOG_TEST_MONGODB_URI is not set: the MongoDB contract suite needs a real replica set "
        "(docs/operations.md, 'Testing the MongoDB store')",
        allow_module_level=True,
    )


@pytest.fixture
async def mongo_store() -> AsyncIterator[MongoStore]:
    database = fresh_database_name()
    store = MongoStore(MONGODB_URI, database)
    await store.open()
    try:
        yield store
    finally:
        await store.client.drop_database(database)
        await store.close()


class TestMongoContract(StoreContract, ServiceStatsContract):
    @pytest.fixture
    async def store(self, mongo_store: MongoStore) -> AsyncIterator[Store]:
        yield mongo_store


class TestMongoOnly:
    """What only a real server can show: the backend's MongoDB-specific promises."""

    async def test_server_is_a_replica_set(self, mongo_store: MongoStore) -> None:
        assert mongo_store.transactions_supported is True

    async def test_indexes_are_created_as_specified(self, mongo_store: MongoStore) -> None:
        for spec in mongo_indexes.INDEXES:
            info = await mongo_store.client[mongo_store.database_name][spec.collection].index_information()
            assert spec.name in info, spec.name
            index = info[spec.name]
            assert tuple((field, int(direction)) for field, direction in index["key"]) == spec.keys
            assert bool(index.get("unique", False)) is spec.unique
            assert index.get("expireAfterSeconds") == spec.expire_after_seconds
            assert index.get("partialFilterExpression") == (None if spec.partial is None else dict(spec.partial))

    async def test_messages_without_client_msg_id_do_not_collide(self, mongo_store: MongoStore) -> None:
        # The partial filter keeps null ids out of the unique idempotency index.
        await mongo_store.create_session(new_session("s1"))
        results = [await mongo_store.append_message(msg("s1")) for _ in range(3)]
        assert [r.message.seq for r in results] == [1, 2, 3]

    async def test_lost_race_rolls_the_seq_back(self, mongo_store: MongoStore, monkeypatch: pytest.MonkeyPatch) -> None:
        await mongo_store.create_session(new_session("s1"))
        first = await mongo_store.append_message(msg("s1", client_msg_id="m1"))
        real_lookup = mongo_store._find_by_client_msg_id
        calls = 0

        async def miss_first(message: NewMessage) -> object:
            nonlocal calls
            calls += 1
            return None if calls == 1 else await real_lookup(message)

        monkeypatch.setattr(mongo_store, "_find_by_client_msg_id", miss_first)
        again = await mongo_store.append_message(msg("s1", client_msg_id="m1"))
        assert again.duplicate and again.message == first.message
        session = await mongo_store.get_session("s1", now=T0)
        assert session is not None and session.last_seq == 1  # the transaction undid the $inc
        assert (await mongo_store.append_message(msg("s1"))).message.seq == 2

    @pytest.mark.parametrize(
        ("collection", "index", "query", "sort"),
        [
            (q.AUDIT, "audit_at", q.audit_filter(T0), q.AUDIT_SORT),
            (q.AUDIT, "audit_actor_at", q.audit_filter(T0, actor_id="comp-1"), q.AUDIT_SORT),
            (q.MESSAGES, "messages_session_client_msg_id", q.client_msg_filter("s1", "m1", T0), None),
            (q.MESSAGES, "messages_session_seq", q.messages_filter("s1", T0), q.MESSAGES_SORT),
            (q.SESSIONS, "sessions_customer_created", q.customer_sessions_filter("c1", T0), q.SESSIONS_SORT),
        ],
    )
    async def test_the_planner_picks_the_index_without_a_blocking_sort(
        self,
        mongo_store: MongoStore,
        collection: str,
        index: str,
        query: dict[str, object],
        sort: list[tuple[str, int]] | None,
    ) -> None:
        """issue 9, items 2 and 3: what tests/store/test_mongo_queries.py models, asked of the server."""
        await mongo_store.create_session(new_session("s1", customer_id="c1"))
        await mongo_store.append_message(msg("s1", client_msg_id="m1"))
        found = mongo_store.client[mongo_store.database_name][collection].find(query)
        if sort is not None:
            found = found.sort(sort)
        plan = await found.limit(101).explain()
        stages, indexes = _plan_stages(plan["queryPlanner"]["winningPlan"])
        assert index in indexes, (index, stages, indexes)
        assert "SORT" not in stages, stages


def _plan_stages(node: object) -> tuple[list[str], list[str]]:
    """Stage names and index names anywhere in an explain() plan tree (classic and SBE shapes)."""
    stages: list[str] = []
    indexes: list[str] = []
    todo = [node]
    while todo:
        current = todo.pop()
        if isinstance(current, dict):
            if "stage" in current:
                stages.append(str(current["stage"]))
            if "indexName" in current:
                indexes.append(str(current["indexName"]))
            todo.extend(current.values())
        elif isinstance(current, list):
            todo.extend(current)
    return stages, indexes
