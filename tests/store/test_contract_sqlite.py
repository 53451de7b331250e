"""The store contract suite on the embedded SQLite backend."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from chat.store.base import Store
from chat.store.sqlite import SqliteStore

from .contract import StoreContract
from .contract_service import ServiceStatsContract


class TestSqliteContract(StoreContract, ServiceStatsContract):
    @pytest.fixture
    async def store(self, tmp_path: Path) -> AsyncIterator[Store]:
        store = SqliteStore(tmp_path / "data" / "chatlog.db", sweep_interval_s=0)
        await store.open()
        try:
            yield store
        finally:
            await store.close()
