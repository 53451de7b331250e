"""Backend selection: ``CHATLOG_MONGODB_URI`` set → MongoDB; otherwise the embedded SQLite store."""

from __future__ import annotations

from chat.settings import Settings
from chat.store.base import Store


def build_store(settings: Settings) -> Store:
    if settings.uses_mongodb:
        from chat.store.mongo import MongoStore

        assert settings.mongodb_uri is not None
        return MongoStore(
            settings.mongodb_uri.get_secret_value(),
            settings.mongodb_database,
            server_selection_timeout_ms=int(settings.mongodb_timeout_s * 1000),
            timeout_s=settings.mongodb_timeout_s,
            stats_timeout_s=settings.mongodb_stats_timeout_s,
        )
    from chat.store.sqlite import SqliteStore

    return SqliteStore.from_settings(settings)
