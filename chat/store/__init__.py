"""Storage backends behind one interface (:class:`chat.store.base.Store`)."""

from chat.store.base import (
    AppendResult,
    AuditRecord,
    DailyStats,
    Hold,
    NewMessage,
    Page,
    Retention,
    SessionRecord,
    Store,
    StoredMessage,
)

__all__ = [
    "AppendResult",
    "AuditRecord",
    "DailyStats",
    "Hold",
    "NewMessage",
    "Page",
    "Retention",
    "SessionRecord",
    "Store",
    "StoredMessage",
]
