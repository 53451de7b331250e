"""The MongoDB store's audit log: one hash chain however many instances write, and its reads.

A mixin of :class:`chat.store.mongo.MongoStore` (which gives it ``_coll`` and the deadlines
:func:`~chat.store.mongo_boundary._boundary` reads), apart so that the store's module keeps to one screen
of sessions and messages. Every filter and document shape comes from :mod:`chat.store.mongo_queries`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import DuplicateKeyError

from chat.audit_chain import GENESIS, link_hash
from chat.errors import StoreUnavailable
from chat.store import mongo_queries as q
from chat.store.base import AuditLink, AuditRecord, Page
from chat.store.mongo_boundary import _boundary, _check_limit

#: Rounds of reading the newest audit link before a contended append gives up (each round is one
#: competing writer winning).
_CHAIN_ATTEMPTS: Final = 50


class MongoAuditLog:
    """``add_audit``, ``audit_links``, ``audit_head`` and ``list_audit`` of the MongoDB store."""

    timeout_s: float

    def _coll(self, name: str) -> AsyncCollection[q.Document]:
        raise NotImplementedError  # MongoStore's

    @_boundary
    async def add_audit(self, record: AuditRecord) -> None:
        """The next link: read the newest, insert with the next ``chain_seq``; the unique index on
        ``chain_seq`` makes a writer on another instance that read the same predecessor fail, and it
        reads again (one chain however many instances write; no multi-document transaction needed)."""
        audit = self._coll(q.AUDIT)
        for _ in range(_CHAIN_ATTEMPTS):
            head = await audit.find_one(q.CHAINED, projection={"chain_seq": 1, "hash": 1}, sort=q.CHAIN_DESC)
            seq, prev = (1, GENESIS) if head is None else (int(head["chain_seq"]) + 1, str(head["hash"]))
            doc = {**q.audit_document(record), "chain_seq": seq, "prev_hash": prev,
                   "hash": link_hash(record, seq, prev)}
            try:
                await audit.insert_one(doc)
                return
            except DuplicateKeyError as exc:
                if "chain_seq" not in str(exc.details or {}):
                    raise
        raise StoreUnavailable("the audit chain is contended; try again")

    @_boundary
    async def audit_links(self, *, after_seq: int = 0, limit: int = 1000) -> list[AuditLink]:
        found = self._coll(q.AUDIT).find({"chain_seq": {"$gt": after_seq}}).sort(q.CHAIN_ASC).limit(limit)
        return [q.audit_link_from_document(doc) async for doc in found]

    @_boundary
    async def audit_head(self) -> AuditLink | None:
        doc = await self._coll(q.AUDIT).find_one(q.CHAINED, sort=q.CHAIN_DESC)
        return None if doc is None else q.audit_link_from_document(doc)

    @_boundary
    async def list_audit(
        self,
        *,
        now: datetime,
        actor_id: str | None = None,
        session_id: str | None = None,
        customer_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 100,
        cursor: str | None = None,
    ) -> Page[AuditRecord]:
        _check_limit(limit)
        query = q.audit_filter(
            now,
            actor_id=actor_id,
            session_id=session_id,
            customer_id=customer_id,
            since=since,
            until=until,
            cursor=cursor,
        )
        found = self._coll(q.AUDIT).find(query).sort(q.AUDIT_SORT).limit(limit + 1)
        items = [q.audit_from_document(doc) async for doc in found]
        return Page.from_overfetch(items, limit, q.audit_cursor)
