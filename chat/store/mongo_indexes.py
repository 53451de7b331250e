"""The MongoDB backend's indexes, each with the query it exists for (kept next to the spec so neither
drifts). Created if missing when the store opens (:meth:`chat.store.mongo.MongoStore.open`); the TTL
indexes are how documents expire (``expire_at``, see :mod:`chat.store.mongo_queries`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from pymongo import ASCENDING, DESCENDING, IndexModel

from chat.store.mongo_queries import AUDIT, HOLDS, MESSAGES, SESSIONS, Document


@dataclass(frozen=True, slots=True)
class IndexSpec:
    """One index, with the query it exists for (kept next to the spec so neither drifts)."""

    collection: str
    name: str
    keys: tuple[tuple[str, int], ...]
    serves: str
    unique: bool = False
    partial: Mapping[str, Any] | None = None
    expire_after_seconds: int | None = None

    def options(self) -> Document:
        """``createIndexes`` options; the explicit name makes re-creating it on restart a no-op."""
        options: Document = {"name": self.name}
        if self.unique:
            options["unique"] = True
        if self.partial is not None:
            options["partialFilterExpression"] = dict(self.partial)
        if self.expire_after_seconds is not None:
            options["expireAfterSeconds"] = self.expire_after_seconds
        return options

    def model(self) -> IndexModel:
        return IndexModel(list(self.keys), **self.options())


def _ttl(collection: str) -> IndexSpec:
    return IndexSpec(
        collection,
        f"{collection}_expire_at_ttl",
        (("expire_at", ASCENDING),),
        serves="TTL monitor deletes the document once expire_at has passed (null = kept: legal hold); "
        "also purge_expired's range delete",
        expire_after_seconds=0,
    )


INDEXES: Final[tuple[IndexSpec, ...]] = (
    IndexSpec(
        SESSIONS,
        "sessions_customer_created",
        (("customer_id", ASCENDING), ("created_at", DESCENDING), ("_id", DESCENDING)),
        serves="customer archive newest first with keyset cursor (list_sessions); compliance search "
        "by customer; set_objection flagging a customer's sessions",
    ),
    IndexSpec(
        SESSIONS,
        "sessions_kind_created",
        (("kind", ASCENDING), ("created_at", ASCENDING)),
        serves="analysts' stats over anonymous sessions created in [since, until)",
    ),
    _ttl(SESSIONS),
    IndexSpec(
        MESSAGES,
        "messages_session_seq",
        (("session_id", ASCENDING), ("seq", ASCENDING)),
        serves="transcript in seq order and resume replay (seq > last_seq); retention rewrite and "
        "erasure of a session's messages; guarantees one message per seq",
        unique=True,
    ),
    IndexSpec(
        MESSAGES,
        "messages_session_client_msg_id",
        (("session_id", ASCENDING), ("client_msg_id", ASCENDING)),
        serves="idempotent append: a repeated client_msg_id finds the stored message, and a race "
        "between two writers ends in DuplicateKeyError for the loser",
        unique=True,
        partial={"client_msg_id": {"$type": "string"}},
    ),
    _ttl(MESSAGES),
    IndexSpec(
        AUDIT,
        "audit_at",
        (("at", DESCENDING), ("_id", DESCENDING)),
        serves="audit log newest first by time range, keyset cursor (list_audit without actor/session/customer)",
    ),
    IndexSpec(
        AUDIT,
        "audit_actor_at",
        (("actor_id", ASCENDING), ("at", DESCENDING), ("_id", DESCENDING)),
        serves="audit log of one staff member (list_audit actor_id=...)",
    ),
    IndexSpec(
        AUDIT,
        "audit_session_at",
        (("session_id", ASCENDING), ("at", DESCENDING), ("_id", DESCENDING)),
        serves="who read this transcript (list_audit session_id=...)",
    ),
    IndexSpec(
        AUDIT,
        "audit_customer_at",
        (("customer_id", ASCENDING), ("at", DESCENDING), ("_id", DESCENDING)),
        serves="who read this customer's data (list_audit customer_id=...)",
    ),
    IndexSpec(
        AUDIT,
        "audit_chain_seq",
        (("chain_seq", ASCENDING),),
        serves="the audit chain: one record per place (a second writer that read the same predecessor "
        "fails and reads again), the newest link, and chatlog audit verify's walk in chain order",
        unique=True,
        partial={"chain_seq": {"$type": "number"}},
    ),
    _ttl(AUDIT),
    IndexSpec(
        HOLDS,
        "holds_session_placed",
        (("session_id", ASCENDING), ("placed_at", ASCENDING), ("_id", ASCENDING)),
        serves="holds of one session, oldest first (list_holds session_id=...)",
    ),
    _ttl(HOLDS),
    IndexSpec(
        HOLDS,
        "holds_released_placed",
        (("released_at", ASCENDING), ("placed_at", ASCENDING), ("_id", ASCENDING)),
        serves="all active holds, oldest first (list_holds active_only, released_at null)",
    ),
)


def indexes_for(collection: str) -> list[IndexModel]:
    return [spec.model() for spec in INDEXES if spec.collection == collection]
