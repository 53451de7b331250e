"""Every MongoDB document the MongoDB store sends: filters, updates, sorts, indexes, pipelines.

These are pure functions from our record types to plain ``dict``/``list`` values, with no I/O and no
driver state, so that the part of the MongoDB backend that carries the *meaning* (which documents a
read selects, what an update changes, how expiry is filtered, what the statistics count) can be
unit-tested as data and run against ``mongomock``'s in-memory engine on a machine without ``mongod``.
:mod:`chat.store.mongo` only wires these documents to the driver.

Document shapes (one collection each; no unbounded arrays anywhere):

``sessions``
    ``{_id: session_id, kind, customer_id, created_at, state, ended_at, adviser_ids, legal_hold,
    objection, last_seq, tier, expire_at, visible_until, redactions: {TYPE: count}}``.
    ``last_seq`` is the per-session sequence counter and ``redactions`` the running count of redacted
    entity types, both bumped by the same ``$inc`` that assigns a message its ``seq``.
``messages``
    ``{_id: ObjectId, session_id, seq, sender, sender_id, text, at, client_msg_id, redactions,
    expire_at}``; one document per message, ``expire_at`` copied from the session.
``audit``
    ``{_id: audit_id, at, actor_id, role, action, purpose, session_id, customer_id, expire_at}``.
``holds``
    ``{_id: hold_id, session_id, case_ref, placed_by, placed_at, released_at, released_by}``.
``objections``
    ``{_id: customer_id, at}``.

Expiry is data: every session, message and audit document carries ``expire_at`` and a TTL index with
``expireAfterSeconds=0`` deletes it once that time has passed. ``expire_at: null`` never expires (that
is how a legal hold keeps a session). Because the TTL monitor runs only once a minute, every read also
filters on ``expire_at`` (:func:`live`).

MongoDB stores datetimes with millisecond precision; times read back are truncated to the millisecond.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, Final

from pymongo import ASCENDING, DESCENDING

from chat.store.base import (
    AuditLink,
    AuditRecord,
    Hold,
    NewMessage,
    Retention,
    SessionRecord,
    SessionState,
    StoredMessage,
)
from chat.store.cursor import AUDIT_KIND, decode_cursor, encode_cursor

Document = dict[str, Any]
Sort = list[tuple[str, int]]

SESSIONS: Final = "sessions"
MESSAGES: Final = "messages"
AUDIT: Final = "audit"
HOLDS: Final = "holds"
#: One document, written by /readyz to prove that a write can succeed now.
READINESS: Final = "readiness"
OBJECTIONS: Final = "objections"
#: Collections with a per-document ``expire_at`` (and so a TTL index and a purge).
EXPIRING: Final = (SESSIONS, MESSAGES, AUDIT, HOLDS)

#: Cursor kinds (see :mod:`chat.store.cursor`): a session-list cursor is refused by the audit list.
SESSIONS_CURSOR: Final = "sessions"
AUDIT_CURSOR: Final = AUDIT_KIND

#: Entity type names become field names under ``redactions``; anything else could inject a path.
_ENTITY_TYPE = re.compile(r"[A-Z][A-Z0-9_]{0,63}")


# --- common filters -----------------------------------------------------------------------------------


def utc(value: datetime) -> datetime:
    """Normalise a datetime read back from a driver to aware UTC (mongomock hands back naive ones)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _opt_utc(value: datetime | None) -> datetime | None:
    return None if value is None else utc(value)


def ms(value: datetime) -> datetime:
    """Truncate to what BSON stores (milliseconds), so a record we return equals the one read back."""
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def _opt_ms(value: datetime | None) -> datetime | None:
    return None if value is None else ms(value)


def live(now: datetime) -> Document:
    """Not expired at ``now``: the TTL monitor may lag up to a minute, so reads must not rely on it.

    ``$not: {$lte: now}`` also matches a null or missing ``expire_at`` (a held session): comparison
    operators never match across BSON types. It is one predicate on one field, not a top-level ``$or``:
    the planner plans each ``$or`` clause on its own, on the TTL index, and can then use neither the
    index that serves the query's other fields nor the one that gives its sort (issue 9, item 2).
    """
    return {"expire_at": {"$not": {"$lte": now}}}


def live_expiring(now: datetime) -> Document:
    """:func:`live` for collections whose documents always expire (the audit log): a plain range."""
    return {"expire_at": {"$gt": now}}


def expired(now: datetime) -> Document:
    """What ``purge_expired`` deletes: the same boundary as :func:`live`, so nothing is in neither."""
    return {"expire_at": {"$lte": now}}


def _and(*parts: Document) -> Document:
    """Combine filters with ``$and`` so that two ``$or`` clauses never overwrite each other."""
    nonempty = [part for part in parts if part]
    if len(nonempty) == 1:
        return nonempty[0]
    return {"$and": nonempty}


def _after_desc(time_field: str, at: datetime, key: str) -> Document:
    """Keyset condition for "strictly after (at, key)" in a ``(time desc, _id desc)`` ordering.

    The ``$lte`` outside the ``$or`` bounds the index scan; the ``$or`` then only filters within it."""
    return {time_field: {"$lte": at}, "$or": [{time_field: {"$lt": at}}, {time_field: at, "_id": {"$lt": key}}]}


# --- sessions -----------------------------------------------------------------------------------------


def session_document(session: SessionRecord) -> Document:
    return {
        "_id": session.session_id,
        "kind": session.kind,
        "customer_id": session.customer_id,
        "created_at": ms(session.created_at),
        "state": session.state,
        "ended_at": _opt_ms(session.ended_at),
        "adviser_ids": list(session.adviser_ids),
        "legal_hold": session.legal_hold,
        "objection": session.objection,
        "last_seq": session.last_seq,
        "adviser_id": session.adviser_id,
        **_retention_fields(session.retention),
        "redactions": {},
    }


def _retention_fields(retention: Retention) -> Document:
    return {
        "tier": retention.tier,
        "expire_at": _opt_ms(retention.expire_at),
        "visible_until": _opt_ms(retention.visible_until),
    }


def session_from_document(doc: Mapping[str, Any]) -> SessionRecord:
    return SessionRecord(
        session_id=doc["_id"],
        kind=doc["kind"],
        customer_id=doc.get("customer_id"),
        created_at=utc(doc["created_at"]),
        retention=Retention(
            tier=doc["tier"],
            expire_at=_opt_utc(doc.get("expire_at")),
            visible_until=_opt_utc(doc.get("visible_until")),
        ),
        state=doc.get("state", "bot"),
        ended_at=_opt_utc(doc.get("ended_at")),
        adviser_ids=list(doc.get("adviser_ids") or []),
        legal_hold=bool(doc.get("legal_hold", False)),
        objection=bool(doc.get("objection", False)),
        last_seq=int(doc.get("last_seq", 0)),
        erasure_requested_at=_opt_utc(doc.get("erasure_requested_at")),
        adviser_id=doc.get("adviser_id"),
    )


def session_filter(session_id: str, now: datetime) -> Document:
    """One live session by id."""
    return {"_id": session_id, **live(now)}


def sessions_filter(session_ids: list[str], now: datetime) -> Document:
    """Live sessions among these ids."""
    return {"_id": {"$in": session_ids}, **live(now)}


#: Only what the caller of :meth:`~chat.store.base.Store.get_session` needs: not the counters map.
SESSION_PROJECTION: Final[Document] = {"redactions": 0}


def session_update(
    *,
    state: SessionState | None = None,
    ended_at: datetime | None = None,
    add_adviser: str | None = None,
    legal_hold: bool | None = None,
    objection: bool | None = None,
    retention: Retention | None = None,
) -> Document | None:
    """The update for ``update_session``; ``None`` when nothing is to change (MongoDB refuses ``{}``).

    ``$addToSet`` keeps ``adviser_ids`` a set: a handful of staff ids, never one entry per message.
    """
    fields: Document = {}
    if state is not None:
        fields["state"] = state
    if ended_at is not None:
        fields["ended_at"] = ended_at
    if legal_hold is not None:
        fields["legal_hold"] = legal_hold
    if objection is not None:
        fields["objection"] = objection
    if retention is not None:
        fields.update(_retention_fields(retention))
    update: Document = {}
    if fields:
        update["$set"] = fields
    if add_adviser is not None:
        update["$addToSet"] = {"adviser_ids": add_adviser}
    return update or None


def customer_sessions_filter(
    customer_id: str, now: datetime, *, archive_only: bool = False, cursor: str | None = None
) -> Document:
    """A customer's live sessions (``archive_only``: still visible to them), after ``cursor``.

    The customer id is always an equality match: this filter is the customer-isolation boundary.
    """
    base: Document = {"customer_id": customer_id}
    if archive_only:
        base["visible_until"] = {"$gt": now}
    parts = [base, live(now)]
    if cursor is not None:
        at, key = decode_cursor(cursor, SESSIONS_CURSOR)
        parts.append(_after_desc("created_at", at, key))
    return _and(*parts)


#: Newest first; ``_id`` breaks ties between sessions created in the same millisecond.
SESSIONS_SORT: Final[Sort] = [("created_at", DESCENDING), ("_id", DESCENDING)]


def session_cursor(session: SessionRecord) -> str:
    return encode_cursor(SESSIONS_CURSOR, session.created_at, session.session_id)


def customer_filter(customer_id: str) -> Document:
    """All of a customer's sessions, expired or not (objection flags them all)."""
    return {"customer_id": customer_id}


OBJECTION_FLAG: Final[Document] = {"$set": {"objection": True}}
OBJECTION_UNFLAG: Final[Document] = {"$set": {"objection": False}}


def objection_upsert(customer_id: str, at: datetime) -> tuple[Document, Document]:
    """Filter and update recording an objection; ``$setOnInsert`` keeps the first date on a repeat."""
    return {"_id": customer_id}, {"$setOnInsert": {"at": at}}


def objection_filter(customer_id: str) -> Document:
    return {"_id": customer_id}


# --- messages -----------------------------------------------------------------------------------------


def next_seq_update(redactions: Mapping[str, int]) -> Document:
    """Assign the next seq and count this message's redactions on the session in one atomic ``$inc``.

    Keeping the statistics counters on the session lets ``stats`` aggregate sessions alone, never
    scanning messages.
    """
    inc: Document = {"last_seq": 1}
    for entity_type, count in sorted(redactions.items()):
        if not _ENTITY_TYPE.fullmatch(entity_type):
            raise ValueError("entity type names are upper-case identifiers")
        if count:
            inc[f"redactions.{entity_type}"] = int(count)
    return {"$inc": inc}


#: What the seq ``find_one_and_update`` needs back: the new seq and the expiry to copy.
NEXT_SEQ_PROJECTION: Final[Document] = {"last_seq": 1, "expire_at": 1}


def message_document(message: NewMessage, *, seq: int, expire_at: datetime | None) -> Document:
    return {
        "session_id": message.session_id,
        "seq": seq,
        "sender": message.sender,
        "sender_id": message.sender_id,
        "text": message.text,
        "at": ms(message.at),
        "client_msg_id": message.client_msg_id,
        "redactions": {k: int(v) for k, v in message.redactions.items() if v},
        "expire_at": _opt_ms(expire_at),
    }


def message_from_document(doc: Mapping[str, Any]) -> StoredMessage:
    return StoredMessage(
        session_id=doc["session_id"],
        seq=int(doc["seq"]),
        sender=doc["sender"],
        text=doc["text"],
        at=utc(doc["at"]),
        client_msg_id=doc.get("client_msg_id"),
        sender_id=doc.get("sender_id"),
    )


def client_msg_filter(session_id: str, client_msg_id: str, now: datetime) -> Document:
    """The message already stored under this idempotency key.

    The ``$type`` repeats the partial index's filter: the planner uses a partial index only when it can
    prove the query implies the filter, and ``client_msg_id == "m1"`` does not imply ``$type: string``
    to it (issue 9, item 3)."""
    return {"session_id": session_id, "client_msg_id": {"$eq": client_msg_id, "$type": "string"}, **live(now)}


def messages_filter(session_id: str, now: datetime, *, after_seq: int = 0) -> Document:
    return {"session_id": session_id, "seq": {"$gt": after_seq}, **live(now)}


MESSAGES_SORT: Final[Sort] = [("seq", ASCENDING)]


def session_messages(session_id: str) -> Document:
    """Every message of a session, whatever its expiry (retention rewrite, erasure)."""
    return {"session_id": session_id}


def message_by_seq(session_id: str, seq: int) -> Document:
    """One message (the unique index on session and seq finds it)."""
    return {"session_id": session_id, "seq": seq}


def messages_retention_update(retention: Retention) -> Document:
    """Messages copy the session's expiry so that a session's documents expire together."""
    return {"$set": {"expire_at": _opt_ms(retention.expire_at)}}


# --- audit --------------------------------------------------------------------------------------------


def audit_document(record: AuditRecord) -> Document:
    return {
        "_id": record.audit_id,
        "at": ms(record.at),
        "actor_id": record.actor_id,
        "role": record.role,
        "action": record.action,
        "purpose": record.purpose,
        "session_id": record.session_id,
        "customer_id": record.customer_id,
        "expire_at": ms(record.expire_at),
    }


#: The chained audit records (written from schema 7 on), newest or oldest link first.
CHAINED: Final[Document] = {"chain_seq": {"$type": "number"}}
CHAIN_DESC: Final[Sort] = [("chain_seq", DESCENDING)]
CHAIN_ASC: Final[Sort] = [("chain_seq", ASCENDING)]


def audit_link_from_document(doc: Mapping[str, Any]) -> AuditLink:
    return AuditLink(audit_from_document(doc), int(doc["chain_seq"]), str(doc["prev_hash"]), str(doc["hash"]))


def audit_from_document(doc: Mapping[str, Any]) -> AuditRecord:
    return AuditRecord(
        audit_id=doc["_id"],
        at=utc(doc["at"]),
        actor_id=doc["actor_id"],
        role=doc["role"],
        action=doc["action"],
        purpose=doc["purpose"],
        expire_at=utc(doc["expire_at"]),
        session_id=doc.get("session_id"),
        customer_id=doc.get("customer_id"),
    )


def audit_filter(
    now: datetime,
    *,
    actor_id: str | None = None,
    session_id: str | None = None,
    customer_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    cursor: str | None = None,
) -> Document:
    """Live audit records matching every given field, ``at`` in ``[since, until)``, after ``cursor``."""
    base: Document = {}
    if actor_id is not None:
        base["actor_id"] = actor_id
    if session_id is not None:
        base["session_id"] = session_id
    if customer_id is not None:
        base["customer_id"] = customer_id
    at_range: Document = {}
    if since is not None:
        at_range["$gte"] = since
    if until is not None:
        at_range["$lt"] = until
    if at_range:
        base["at"] = at_range
    parts = [base, live_expiring(now)]
    if cursor is not None:
        at, key = decode_cursor(cursor, AUDIT_CURSOR)
        parts.append(_after_desc("at", at, key))
    return _and(*parts)


AUDIT_SORT: Final[Sort] = [("at", DESCENDING), ("_id", DESCENDING)]


def audit_cursor(record: AuditRecord) -> str:
    return encode_cursor(AUDIT_CURSOR, record.at, record.audit_id)


# --- holds --------------------------------------------------------------------------------------------


def hold_document(hold: Hold) -> Document:
    return {
        "_id": hold.hold_id,
        "session_id": hold.session_id,
        "case_ref": hold.case_ref,
        "placed_by": hold.placed_by,
        "placed_at": ms(hold.placed_at),
        "released_at": _opt_ms(hold.released_at),
        "released_by": hold.released_by,
        "expire_at": None,  # kept while the session is; see holds_retention_update
    }


def holds_retention_update(retention: Retention) -> Document:
    """A session's released holds take its new expiry, so that they leave with it (the TTL monitor
    deletes them together; the SQLite store deletes them in the same purge step)."""
    return {"$set": {"expire_at": _opt_ms(retention.expire_at)}}


def released_holds(session_id: str) -> Document:
    return {"session_id": session_id, "released_at": {"$ne": None}}


#: Released holds read per round of the orphan sweep in ``purge_expired``.
PURGE_CHUNK: Final = 1_000


def hold_from_document(doc: Mapping[str, Any]) -> Hold:
    return Hold(
        hold_id=doc["_id"],
        session_id=doc["session_id"],
        case_ref=doc["case_ref"],
        placed_by=doc["placed_by"],
        placed_at=utc(doc["placed_at"]),
        released_at=_opt_utc(doc.get("released_at")),
        released_by=doc.get("released_by"),
    )


def release_hold(hold_id: str, *, by: str, at: datetime) -> tuple[Document, Document]:
    """Filter and update releasing an *active* hold; a released one does not match (returns None)."""
    return (
        {"_id": hold_id, "released_at": None},
        {"$set": {"released_at": at, "released_by": by}},
    )


def holds_filter(*, session_id: str | None = None, active_only: bool = True) -> Document:
    query: Document = {}
    if session_id is not None:
        query["session_id"] = session_id
    if active_only:
        query["released_at"] = None
    return query


HOLDS_SORT: Final[Sort] = [("placed_at", ASCENDING), ("_id", ASCENDING)]
