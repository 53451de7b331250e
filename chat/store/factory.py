"""Backend selection: ``CHATLOG_MONGODB_URI`` set → MongoDB; otherwise the embedded SQLite store; either
way wrapped by :class:`chat.store.encrypted.EncryptingStore`, which seals logged-in chats' text with
per-session keys kept in a key store of their own (issue 14)."""

from __future__ import annotations

from chat.crypto import MasterKeys
from chat.keystore import KeyStore, MongoKeyStore, SqliteKeyStore
from chat.settings import Settings
from chat.store.base import Store
from chat.store.encrypted import encrypting


def build_store(settings: Settings) -> Store:
    """The configured store; raises :class:`chat.errors.NotConfigured` in production without master
    keys, and :class:`chat.errors.MasterKeyError` for malformed ones, before anything is opened."""
    master = MasterKeys.from_settings(settings)
    inner: Store
    keys: KeyStore
    if settings.uses_mongodb:
        from chat.store.mongo import MongoStore

        assert settings.mongodb_uri is not None
        mongo = MongoStore(
            settings.mongodb_uri.get_secret_value(),
            settings.mongodb_database,
            server_selection_timeout_ms=int(settings.mongodb_timeout_s * 1000),
            timeout_s=settings.mongodb_timeout_s,
            stats_timeout_s=settings.mongodb_stats_timeout_s,
        )
        inner = mongo
        keys = MongoKeyStore(mongo.client.get_database(settings.keystore_mongodb_database))
    else:
        from chat.store.sqlite import SqliteStore

        inner = SqliteStore.from_settings(settings)
        keys = SqliteKeyStore(settings.keystore_path or settings.data_dir / "keys.db")
    return encrypting(inner, keys, master, sweep_interval_s=settings.sweep_interval_s)
