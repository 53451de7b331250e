"""The production store on a MongoDB replica set, through PyMongo's async API.

This module is the thin driver layer: every filter, update, sort, index and pipeline comes from
:mod:`chat.store.mongo_queries` (pure, tested as data); here they are sent with the right write concern,
session and transaction, and the driver's exceptions are translated into :mod:`chat.errors`.

Why a replica set is required (see docs/operations.md): ``append_message``, a retention change and an
erasure each touch several documents and run in a multi-document transaction, which MongoDB only offers
on a replica set or a sharded cluster; ``w="majority"`` acknowledges a message only once a majority of
members have it, so an ack survives a change of primary; retryable writes make a write interrupted by
a failover safe to resend.

Why seq assignment runs in a transaction: ``$inc`` on the session and the insert of the message commit
together, so a lost idempotency race (``DuplicateKeyError``) rolls the ``$inc`` back and leaves no gap
in ``seq``, and a message with seq ``n + 1`` can never be visible before ``n``. Appends to one session
are also serialised inside the process (one asyncio lock per session), so that concurrent appends queue
instead of failing each other's transactions with write conflicts and retrying.

Outages: the driver reconnects by itself, so nothing here caches a "down" state. Each public call runs
under one client-side deadline (``pymongo.timeout``, PyMongo's client-side operation timeout) covering
server selection, transaction retries and the server's own ``maxTimeMS``: a call during an outage fails
with :class:`~chat.errors.StoreUnavailable` after ``timeout_s`` (default: the server selection timeout,
5 s), instead of ``with_transaction`` retrying for its built-in two minutes. Under such a deadline the
driver waits for a primary for the remaining deadline, not ``serverSelectionTimeoutMS``, which is why
the two default to the same value.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import weakref
from collections.abc import Awaitable, Callable, Collection, Mapping
from datetime import UTC, datetime
from typing import ParamSpec, TypeVar

from pymongo import AsyncMongoClient, ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import (
    DuplicateKeyError,
    PyMongoError,
)
from pymongo.read_preferences import ReadPreference

from chat.errors import ErasureRefused, StoreError, StoreUnavailable, UnknownSession
from chat.retention import kept_by_hold
from chat.store import mongo_indexes, mongo_stats
from chat.store import mongo_queries as q
from chat.store.base import (
    ABANDONED_AFTER,
    AppendResult,
    DailyStats,
    ErasureCheck,
    Hold,
    NewMessage,
    Page,
    Retention,
    ServiceDay,
    SessionRecord,
    SessionState,
    Store,
    StoredMessage,
    Transition,
)
from chat.store.mongo_audit import MongoAuditLog
from chat.store.mongo_boundary import (
    MAJORITY,
    TXN_OPTIONS,
    _boundary,
    _check_limit,
    supports_transactions,
)

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")
Document = q.Document

class MongoStore(MongoAuditLog, Store):
    """:class:`~chat.store.base.Store` on MongoDB (replica set or sharded cluster)."""

    name = "mongodb"

    def __init__(
        self,
        uri: str,
        database: str,
        *,
        client: AsyncMongoClient[Document] | None = None,
        server_selection_timeout_ms: int = 5_000,
        timeout_s: float | None = None,
        stats_timeout_s: float = 60.0,
        index_timeout_s: float = 3_600.0,
    ) -> None:
        """``client``: share an existing client (it is then not closed by :meth:`close`).

        ``server_selection_timeout_ms`` is how long a call waits for a usable primary before it raises
        :class:`StoreUnavailable`: short, so that a widget hears about an outage in seconds.
        ``timeout_s`` caps a whole call, including waiting for a primary and transaction retries
        (default: the server selection timeout); ``stats_timeout_s`` caps the analysts' aggregation,
        which may scan a year of sessions. ``index_timeout_s`` caps the index builds of :meth:`open`: a
        new index on a large collection after an upgrade takes minutes, not seconds.
        """
        self.timeout_s = server_selection_timeout_ms / 1000 if timeout_s is None else timeout_s
        self.stats_timeout_s = stats_timeout_s
        self.index_timeout_s = index_timeout_s
        self._owns_client = client is None
        if client is None:
            try:
                client = AsyncMongoClient(
                    uri,
                    tz_aware=True,
                    tzinfo=UTC,
                    retryWrites=True,
                    retryReads=True,
                    w="majority",
                    serverSelectionTimeoutMS=server_selection_timeout_ms,
                    connectTimeoutMS=server_selection_timeout_ms,
                    appname="chatlog",
                )
            except (PyMongoError, ValueError):
                # Never echo the URI or the driver's message about it: it may carry a password.
                raise StoreError("the MongoDB URI or its options are invalid") from None
        self._client: AsyncMongoClient[Document] = client
        # Primary reads: a resume replay right after an ack must see the acked message, whatever
        # readPreference the URI carries.
        self._db = client.get_database(database, write_concern=MAJORITY, read_preference=ReadPreference.PRIMARY)
        #: One lock per session with appends in flight; entries vanish when no task holds them.
        self._append_locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()
        self.transactions_supported: bool | None = None

    @property
    def client(self) -> AsyncMongoClient[Document]:
        return self._client

    @property
    def database_name(self) -> str:
        return self._db.name

    def _coll(self, name: str) -> AsyncCollection[Document]:
        return self._db[name]

    async def _in_transaction(self, callback: Callable[[AsyncClientSession], Awaitable[R]]) -> R:
        """Run ``callback`` in one transaction, retried by the driver on transient errors."""
        async with self._client.start_session() as session:
            return await session.with_transaction(callback, **TXN_OPTIONS)

    # --- lifecycle ------------------------------------------------------------------------------------

    async def open(self) -> None:
        # Two calls, two deadlines (a nested pymongo.timeout cannot extend an outer one).
        await self._build_indexes()
        await self._check_deployment()

    @_boundary
    async def _build_indexes(self) -> None:
        """Under ``index_timeout_s`` (see ``_DEADLINES``); creating an index that exists is a no-op."""
        log.info("building indexes if missing", extra={"store": "mongodb", "count": len(mongo_indexes.INDEXES)})
        for collection in (q.SESSIONS, q.MESSAGES, q.AUDIT, q.HOLDS):
            await self._coll(collection).create_indexes(mongo_indexes.indexes_for(collection))

    @_boundary
    async def _check_deployment(self) -> None:
        hello = await self._db.command("hello")
        self.transactions_supported = supports_transactions(hello)
        if not self.transactions_supported:
            # Appends, retention changes and erasure need transactions; a standalone mongod refuses them.
            log.warning("mongodb is not a replica set: transactions will fail", extra={"store": "mongodb"})
        log.info("store opened", extra={"store": "mongodb"})

    async def close(self) -> None:
        # Every acknowledged write is already on a majority; there is nothing buffered to flush.
        if self._owns_client:
            await self._client.close()

    @_boundary
    async def ping(self) -> None:
        """Ready means a write can succeed now: the deployment runs the transactions the store needs (a
        standalone mongod passed a plain ping while every session failed, issue 8, item 6), and a
        majority-acknowledged write to the readiness document succeeds within the deadline."""
        hello = await self._db.command("hello")
        if not supports_transactions(hello):
            raise StoreUnavailable("mongodb is not a replica set: sessions need transactions", code="not_a_replica_set")
        await self._coll(q.READINESS).update_one(
            {"_id": "readiness"}, {"$set": {"at": datetime.now(UTC)}}, upsert=True
        )

    # --- sessions -------------------------------------------------------------------------------------

    @_boundary
    async def create_session(self, session: SessionRecord) -> None:
        sessions = self._coll(q.SESSIONS)
        await sessions.insert_one(q.session_document(session))
        # An objection stored after the caller read it, before this insert, flagged every session but
        # this one: look again now. ``set_objection`` records before it flags, so one of the two sees
        # the other (outside audit 63, M5).
        if session.customer_id is not None and not session.objection and await self.has_objection(session.customer_id):
            await sessions.update_one({"_id": session.session_id}, q.OBJECTION_FLAG)

    @_boundary
    async def get_session(self, session_id: str, *, now: datetime) -> SessionRecord | None:
        doc = await self._coll(q.SESSIONS).find_one(q.session_filter(session_id, now), q.SESSION_PROJECTION)
        return None if doc is None else q.session_from_document(doc)

    @_boundary
    async def live_session_ids(self, session_ids: Collection[str], *, now: datetime) -> set[str]:
        ids = list(session_ids)
        if not ids:
            return set()
        found = self._coll(q.SESSIONS).find(q.sessions_filter(ids, now), {"_id": 1})
        return {str(doc["_id"]) async for doc in found}

    @_boundary
    async def update_session(
        self,
        session_id: str,
        *,
        state: SessionState | None = None,
        ended_at: datetime | None = None,
        add_adviser: str | None = None,
        legal_hold: bool | None = None,
        objection: bool | None = None,
        retention: Retention | None = None,
    ) -> None:
        update = q.session_update(
            state=state,
            ended_at=ended_at,
            add_adviser=add_adviser,
            legal_hold=legal_hold,
            objection=objection,
            retention=retention,
        )
        sessions = self._coll(q.SESSIONS)
        by_id = {"_id": session_id}
        if update is None:
            if await sessions.count_documents(by_id, limit=1) == 0:
                raise UnknownSession()
            return
        if retention is None:
            if (await sessions.update_one(by_id, update)).matched_count == 0:
                raise UnknownSession()
            return

        async def rewrite(s: AsyncClientSession) -> int:
            # The hold flag read inside the transaction: a hold placed meanwhile makes this write conflict
            # with it (the transaction is retried and reads it), so it is never overwritten by an expiry.
            current = await sessions.find_one(by_id, {"legal_hold": 1}, session=s)
            if current is None:
                raise UnknownSession()
            held = bool(current.get("legal_hold")) if legal_hold is None else legal_hold
            kept = kept_by_hold(retention, held)
            kept_update = q.session_update(
                state=state, ended_at=ended_at, add_adviser=add_adviser, legal_hold=legal_hold,
                objection=objection, retention=kept,
            )  # fmt: skip
            assert kept_update is not None  # a retention is always something to set
            if (await sessions.update_one(by_id, kept_update, session=s)).matched_count == 0:
                raise UnknownSession()
            result = await self._coll(q.MESSAGES).update_many(
                q.session_messages(session_id), q.messages_retention_update(kept), session=s
            )
            await self._coll(q.HOLDS).update_many(
                q.released_holds(session_id), q.holds_retention_update(kept), session=s
            )
            return result.modified_count

        changed = await self._in_transaction(rewrite)
        log.info("retention changed", extra={"session_id": session_id, "messages": changed})

    @_boundary
    async def transition(
        self,
        session_id: str,
        *,
        to: SessionState,
        from_states: tuple[SessionState, ...],
        adviser_id: str | None = None,
        expect_adviser: str | None = None,
        at: datetime | None = None,
    ) -> Transition:
        """One ``find_one_and_update`` whose filter is the condition: the server applies it atomically
        against concurrent writers on every instance; on no match, the current state is read back."""
        match: Document = {"_id": session_id, "state": {"$in": list(from_states)}}
        if expect_adviser is not None:
            match["adviser_id"] = expect_adviser
        fields: Document = {"state": to, "adviser_id": adviser_id}
        first: Document = {}  # service times (issue 13): the first time only, hence $min
        if at is not None:
            if to == "ended":
                fields["ended_at"] = q.ms(at)
            elif to == "waiting":
                first["waiting_at"] = q.ms(at)
            elif to == "adviser":
                first["adviser_at"] = q.ms(at)
        update: Document = {"$set": fields, **({"$min": first} if first else {})}
        sessions = self._coll(q.SESSIONS)
        # The state before the move is what a session ended in (``waiting``: no adviser ever came).
        doc = await sessions.find_one_and_update(match, update, projection={"state": 1, "adviser_id": 1})
        if doc is not None:
            if to == "ended":
                await sessions.update_one({"_id": session_id}, {"$set": {"end_state": doc.get("state")}})
            return Transition(True, to, adviser_id)
        current = await sessions.find_one({"_id": session_id}, {"state": 1, "adviser_id": 1})
        if current is None:
            raise UnknownSession()
        return Transition(False, current.get("state", "bot"), current.get("adviser_id"))

    @_boundary
    async def list_sessions(
        self,
        *,
        customer_id: str,
        now: datetime,
        limit: int = 50,
        cursor: str | None = None,
        archive_only: bool = False,
    ) -> Page[SessionRecord]:
        _check_limit(limit)
        query = q.customer_sessions_filter(customer_id, now, archive_only=archive_only, cursor=cursor)
        found = self._coll(q.SESSIONS).find(query, q.SESSION_PROJECTION).sort(q.SESSIONS_SORT).limit(limit + 1)
        items = [q.session_from_document(doc) async for doc in found]
        return Page.from_overfetch(items, limit, q.session_cursor)

    @_boundary
    async def delete_session(self, session_id: str, *, check: ErasureCheck | None = None) -> bool:
        # Holds go too: the policy refuses erasure under an active hold, so only released ones remain.
        async def erase(s: AsyncClientSession) -> tuple[int, int]:
            if check is not None:
                # Read in the transaction, and the session document is deleted in it: a concurrent
                # add_hold writes that same document, so one of the two transactions conflicts, is
                # retried and then sees the other's outcome (exactly one of them wins).
                doc = await self._coll(q.SESSIONS).find_one({"_id": session_id}, q.SESSION_PROJECTION, session=s)
                if doc is None:
                    return 0, 0
                held = await self._coll(q.HOLDS).find_one(q.holds_filter(session_id=session_id), session=s)
                reason = check(q.session_from_document(doc), held is not None)
                if reason is not None:
                    raise ErasureRefused(reason)
            messages = await self._coll(q.MESSAGES).delete_many(q.session_messages(session_id), session=s)
            await self._coll(q.HOLDS).delete_many(q.holds_filter(session_id=session_id, active_only=False), session=s)
            sessions = await self._coll(q.SESSIONS).delete_one({"_id": session_id}, session=s)
            return sessions.deleted_count, messages.deleted_count

        n_sessions, n_messages = await self._in_transaction(erase)
        log.info("session erased", extra={"session_id": session_id, "sessions": n_sessions, "messages": n_messages})
        return n_sessions > 0

    # --- messages -------------------------------------------------------------------------------------

    async def append_message(self, message: NewMessage) -> AppendResult:
        """Appends to one session queue on a lock; each gets its full deadline once it holds the lock
        (a burst of appends to one session must not spend its deadline waiting in line)."""
        lock = self._append_locks.get(message.session_id)
        if lock is None:
            lock = self._append_locks[message.session_id] = asyncio.Lock()
        async with lock:
            return await self._append_message_locked(message)

    @_boundary
    async def _append_message_locked(self, message: NewMessage) -> AppendResult:
        if message.client_msg_id is not None:
            earlier = await self._find_by_client_msg_id(message)
            if earlier is not None:
                return AppendResult(earlier, duplicate=True)
        try:
            stored = await self._in_transaction(functools.partial(self._insert_next, message))
        except DuplicateKeyError:
            # Another process stored the same client_msg_id between our check and our insert; the
            # transaction rolled our $inc back, so the winner's message is the only one.
            earlier = await self._find_by_client_msg_id(message) if message.client_msg_id else None
            if earlier is None:
                raise
            return AppendResult(earlier, duplicate=True)
        return AppendResult(stored, duplicate=False)

    async def _find_by_client_msg_id(self, message: NewMessage) -> StoredMessage | None:
        assert message.client_msg_id is not None
        doc = await self._coll(q.MESSAGES).find_one(
            q.client_msg_filter(message.session_id, message.client_msg_id, message.at)
        )
        return None if doc is None else q.message_from_document(doc)

    async def _insert_next(self, message: NewMessage, s: AsyncClientSession) -> StoredMessage:
        """Take the next seq from the live session and insert the message with the session's expiry."""
        session = await self._coll(q.SESSIONS).find_one_and_update(
            q.session_filter(message.session_id, message.at),
            q.next_seq_update(message.redactions),
            projection=q.NEXT_SEQ_PROJECTION,
            return_document=ReturnDocument.AFTER,
            session=s,
        )
        if session is None:
            raise UnknownSession()
        seq = int(session["last_seq"])
        doc = q.message_document(message, seq=seq, expire_at=session.get("expire_at"))
        await self._coll(q.MESSAGES).insert_one(doc, session=s)
        return q.message_from_document(doc)

    @_boundary
    async def replace_text(self, session_id: str, seq: int, text: str) -> bool:
        result = await self._coll(q.MESSAGES).update_one(q.message_by_seq(session_id, seq), {"$set": {"text": text}})
        return result.matched_count > 0

    @_boundary
    async def get_messages(
        self, session_id: str, *, now: datetime, after_seq: int = 0, limit: int | None = None
    ) -> list[StoredMessage]:
        found = self._coll(q.MESSAGES).find(q.messages_filter(session_id, now, after_seq=after_seq))
        found = found.sort(q.MESSAGES_SORT)
        if limit is not None:
            _check_limit(limit)
            found = found.limit(limit)
        return [q.message_from_document(doc) async for doc in found]

    # --- objections -----------------------------------------------------------------------------------

    @_boundary
    async def set_objection(self, customer_id: str, *, at: datetime) -> int:
        # Record first, then flag: both are idempotent, so a caller retrying after a failure between
        # the two converges, and a session created meanwhile sees the record (has_objection).
        where, update = q.objection_upsert(customer_id, at)
        await self._coll(q.OBJECTIONS).update_one(where, update, upsert=True)
        result = await self._coll(q.SESSIONS).update_many(q.customer_filter(customer_id), q.OBJECTION_FLAG)
        return result.matched_count

    @_boundary
    async def withdraw_objection(self, customer_id: str) -> int:
        # Remove the record first, then unflag: a session created in between is born unflagged (it
        # asks has_objection), and a retry after a failure between the two converges.
        await self._coll(q.OBJECTIONS).delete_one(q.objection_filter(customer_id))
        result = await self._coll(q.SESSIONS).update_many(
            {**q.customer_filter(customer_id), "objection": True}, q.OBJECTION_UNFLAG
        )
        return result.modified_count

    @_boundary
    async def has_objection(self, customer_id: str) -> bool:
        return await self._coll(q.OBJECTIONS).count_documents(q.objection_filter(customer_id), limit=1) > 0

    # --- legal holds ----------------------------------------------------------------------------------

    @_boundary
    async def add_hold(self, hold: Hold) -> None:
        async def place(s: AsyncClientSession) -> None:
            # The session document is written in the same transaction as the hold: see delete_session.
            flagged = await self._coll(q.SESSIONS).update_one(
                {"_id": hold.session_id}, {"$set": {"legal_hold": True}}, session=s
            )
            if flagged.matched_count == 0:
                raise UnknownSession("no such session")
            await self._coll(q.HOLDS).insert_one(q.hold_document(hold), session=s)

        await self._in_transaction(place)

    @_boundary
    async def release_hold(self, hold_id: str, *, by: str, at: datetime) -> Hold | None:
        where, update = q.release_hold(hold_id, by=by, at=at)
        doc = await self._coll(q.HOLDS).find_one_and_update(where, update, return_document=ReturnDocument.AFTER)
        return None if doc is None else q.hold_from_document(doc)

    @_boundary
    async def list_holds(self, *, session_id: str | None = None, active_only: bool = True) -> list[Hold]:
        found = self._coll(q.HOLDS).find(q.holds_filter(session_id=session_id, active_only=active_only))
        return [q.hold_from_document(doc) async for doc in found.sort(q.HOLDS_SORT)]

    # --- expiry and statistics ------------------------------------------------------------------------

    async def purge_expired(self, *, now: datetime) -> Mapping[str, int]:
        """The TTL monitor does this by itself within a minute; this is for `chatlog purge` and tests.

        In chunks of ``q.PURGE_CHUNK`` documents, each under its own deadline: a backlog of millions
        (a TTL monitor that was off, a restore) is worked through instead of timing out halfway. Then
        released holds whose session is gone (expired before the holds carried an expiry) go too."""
        counts: dict[str, int] = {}
        for collection in q.EXPIRING:
            counts[collection] = 0
            while (deleted := await self._purge_chunk(collection, now)) > 0:
                counts[collection] += deleted
        after: str | None = ""
        while after is not None:
            orphans, after = await self._purge_orphaned_holds(after)
            counts[q.HOLDS] += orphans
        log.info(
            "expired data purged",
            extra={
                "store": "mongodb",
                "sessions": counts[q.SESSIONS],
                "messages": counts[q.MESSAGES],
                "holds": counts[q.HOLDS],
            },
        )
        return {name: counts[name] for name in (q.SESSIONS, q.MESSAGES, q.AUDIT)}

    @_boundary
    async def _purge_chunk(self, collection: str, now: datetime) -> int:
        found = self._coll(collection).find(q.expired(now), {"_id": 1}).limit(q.PURGE_CHUNK)
        ids = [doc["_id"] async for doc in found]
        if not ids:
            return 0
        return (await self._coll(collection).delete_many({"_id": {"$in": ids}})).deleted_count

    @_boundary
    async def _purge_orphaned_holds(self, after: str) -> tuple[int, str | None]:
        """One chunk of released holds after hold id ``after``: delete those whose session is gone.
        Returns the count and the last id read (None once every hold has been read)."""
        where = {"released_at": {"$ne": None}, "_id": {"$gt": after}}
        held = self._coll(q.HOLDS).find(where, {"session_id": 1}).sort("_id", 1).limit(q.PURGE_CHUNK)
        holds = [doc async for doc in held]
        if not holds:
            return 0, None
        sessions = list({h["session_id"] for h in holds})
        alive = {d["_id"] async for d in self._coll(q.SESSIONS).find({"_id": {"$in": sessions}}, {"_id": 1})}
        gone = [h["_id"] for h in holds if h["session_id"] not in alive]
        deleted = (await self._coll(q.HOLDS).delete_many({"_id": {"$in": gone}})).deleted_count if gone else 0
        return deleted, (str(holds[-1]["_id"]) if len(holds) == q.PURGE_CHUNK else None)

    @_boundary
    async def stats(self, *, now: datetime, since: datetime, until: datetime) -> list[DailyStats]:
        rows = await self._coll(q.SESSIONS).aggregate(mongo_stats.stats_pipeline(now, since, until))
        return mongo_stats.stats_from_documents([row async for row in rows])

    @_boundary
    async def service_stats(self, *, now: datetime, since: datetime, until: datetime) -> list[ServiceDay]:
        pipeline = mongo_stats.service_pipeline(now, since, until, now - ABANDONED_AFTER)
        rows = [row async for row in await self._coll(q.SESSIONS).aggregate(pipeline)]
        return mongo_stats.service_from_documents(rows[0] if rows else {})

    @_boundary
    async def record_times(
        self, session_id: str, *, first_customer_at: datetime | None = None, first_answer_at: datetime | None = None
    ) -> None:
        # $min keeps the earliest report: instances reporting the same session converge on the first.
        earliest = {k: q.ms(v) for k, v in (("first_customer_at", first_customer_at),
                                            ("first_answer_at", first_answer_at)) if v is not None}
        if earliest:
            await self._coll(q.SESSIONS).update_one({"_id": session_id}, {"$min": earliest})

    @_boundary
    async def mark_erasure_requested(self, session_id: str, *, at: datetime) -> None:
        await self._coll(q.SESSIONS).update_one({"_id": session_id}, {"$min": {"erasure_requested_at": q.ms(at)}})

    @_boundary
    async def set_topic(self, session_id: str, topic: str) -> None:
        await self._coll(q.SESSIONS).update_one({"_id": session_id}, {"$set": {"topic": topic}})
