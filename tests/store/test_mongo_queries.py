"""Layer 2: the MongoDB store's query documents, as data and applied to mongomock's in-memory engine.

chat/store/mongo_queries.py builds every filter, update, sort, index and pipeline the MongoDB backend
sends. Here they are checked twice: as exact dicts (so a change to a query is a visible change to a
test), and by running them on ``mongomock`` (synchronous, in memory) to see that they select and change
the right documents: expiry filtering, retention rewrites of a session and its messages, keyset
pagination order, customer isolation, idempotency, and the statistics pipeline (mongomock 4.3 runs
every stage and operator it uses). What mongomock cannot show (transactions, TTL deletion, the driver
calls) is covered by the nx-27017 layer and by the contract suite on a real replica set.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import mongomock
import pytest
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from chat.errors import ProtocolError
from chat.store import mongo_indexes, mongo_stats
from chat.store import mongo_queries as q
from chat.store.base import AuditRecord, DailyStats, Hold, NewMessage, Retention, SessionRecord, StoredMessage
from chat.store.cursor import encode_cursor

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
NOW = T0 + timedelta(days=10)
MINUTE = timedelta(minutes=1)
DAY = timedelta(days=1)
LIVE_NOW = {"expire_at": {"$not": {"$lte": NOW}}}
LIVE_AUDIT = {"expire_at": {"$gt": NOW}}


@pytest.fixture
def db() -> Iterator[Any]:
    client: Any = mongomock.MongoClient(tz_aware=True)
    database = client["chatlog"]
    for spec in mongo_indexes.INDEXES:
        # TTL indexes are left out: mongomock expires documents by the wall clock, which would race the
        # injected `now` of these tests. (mongomock drops partialFilterExpression from an IndexModel;
        # create_index keeps it.)
        if spec.expire_after_seconds is None:
            database[spec.collection].create_index(list(spec.keys), **spec.options())
    yield database
    client.close()


def session(
    session_id: str,
    *,
    customer_id: str | None = None,
    created_at: datetime = T0,
    expire_at: datetime | None = T0 + 365 * DAY,
    visible_until: datetime | None = None,
    adviser_ids: list[str] | None = None,
) -> SessionRecord:
    return SessionRecord(
        session_id=session_id,
        kind="anonymous" if customer_id is None else "authenticated",
        customer_id=customer_id,
        created_at=created_at,
        retention=Retention("analytics" if customer_id is None else "archive", expire_at, visible_until),
        adviser_ids=adviser_ids or [],
    )


def append(db: Any, message: NewMessage) -> StoredMessage | None:
    """What MongoStore.append_message does inside its transaction, on mongomock."""
    doc = db[q.SESSIONS].find_one_and_update(
        q.session_filter(message.session_id, message.at),
        q.next_seq_update(message.redactions),
        projection=q.NEXT_SEQ_PROJECTION,
        return_document=ReturnDocument.AFTER,
    )
    if doc is None:
        return None
    stored = q.message_document(message, seq=doc["last_seq"], expire_at=doc.get("expire_at"))
    db[q.MESSAGES].insert_one(stored)
    return q.message_from_document(stored)


def say(session_id: str, n: int = 0, **fields: Any) -> NewMessage:
    return NewMessage(session_id, "customer", f"tekst {n}", fields.pop("at", T0 + n * MINUTE), **fields)


def ids(cursor: Any) -> list[Any]:
    return [doc["_id"] for doc in cursor]


# --- the documents as data ----------------------------------------------------------------------------


def test_live_and_expired_are_complementary_filters() -> None:
    assert q.live(NOW) == LIVE_NOW
    assert q.expired(NOW) == {"expire_at": {"$lte": NOW}}


def test_session_and_message_filters() -> None:
    assert q.session_filter("s1", NOW) == {"_id": "s1", **LIVE_NOW}
    assert q.messages_filter("s1", NOW, after_seq=4) == {"session_id": "s1", "seq": {"$gt": 4}, **LIVE_NOW}
    assert q.client_msg_filter("s1", "m1", NOW) == {
        "session_id": "s1",
        "client_msg_id": {"$eq": "m1", "$type": "string"},
        **LIVE_NOW,
    }
    assert q.session_messages("s1") == {"session_id": "s1"}
    assert q.MESSAGES_SORT == [("seq", 1)]
    assert q.SESSIONS_SORT == [("created_at", -1), ("_id", -1)]
    assert q.AUDIT_SORT == [("at", -1), ("_id", -1)]
    assert q.HOLDS_SORT == [("placed_at", 1), ("_id", 1)]


def test_customer_sessions_filter() -> None:
    assert q.customer_sessions_filter("c1", NOW) == {"$and": [{"customer_id": "c1"}, LIVE_NOW]}
    assert q.customer_sessions_filter("c1", NOW, archive_only=True) == {
        "$and": [{"customer_id": "c1", "visible_until": {"$gt": NOW}}, LIVE_NOW]
    }
    cursor = encode_cursor(q.SESSIONS_CURSOR, T0, "s9")
    assert q.customer_sessions_filter("c1", NOW, cursor=cursor) == {
        "$and": [
            {"customer_id": "c1"},
            LIVE_NOW,
            {
                "created_at": {"$lte": T0},
                "$or": [{"created_at": {"$lt": T0}}, {"created_at": T0, "_id": {"$lt": "s9"}}],
            },
        ]
    }


@pytest.mark.parametrize(
    "cursor", ["", "garbage", encode_cursor(q.AUDIT_CURSOR, T0, "a1")], ids=["empty", "garbage", "audit"]
)
def test_session_filter_refuses_foreign_cursors(cursor: str) -> None:
    with pytest.raises(ProtocolError):
        q.customer_sessions_filter("c1", NOW, cursor=cursor)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, None),
        ({"state": "waiting"}, {"$set": {"state": "waiting"}}),
        ({"ended_at": T0}, {"$set": {"ended_at": T0}}),
        ({"add_adviser": "adv-1"}, {"$addToSet": {"adviser_ids": "adv-1"}}),
        ({"legal_hold": False}, {"$set": {"legal_hold": False}}),
        ({"objection": True}, {"$set": {"objection": True}}),
        (
            {"retention": Retention("legal_hold", None, T0 + DAY)},
            {"$set": {"tier": "legal_hold", "expire_at": None, "visible_until": T0 + DAY}},
        ),
        (
            {"state": "adviser", "add_adviser": "adv-2"},
            {"$set": {"state": "adviser"}, "$addToSet": {"adviser_ids": "adv-2"}},
        ),
    ],
)
def test_session_update(changes: dict[str, Any], expected: dict[str, Any] | None) -> None:
    assert q.session_update(**changes) == expected


def test_retention_update_of_messages() -> None:
    assert q.messages_retention_update(Retention("adviser", T0 + DAY, None)) == {"$set": {"expire_at": T0 + DAY}}
    assert q.messages_retention_update(Retention("legal_hold", None, None)) == {"$set": {"expire_at": None}}


def test_next_seq_update_counts_redactions_by_type() -> None:
    assert q.next_seq_update({}) == {"$inc": {"last_seq": 1}}
    assert q.next_seq_update({"PERSON": 2, "EMAIL_ADDRESS": 0, "NO_FODSELSNUMMER": 1}) == {
        "$inc": {"last_seq": 1, "redactions.NO_FODSELSNUMMER": 1, "redactions.PERSON": 2}
    }


@pytest.mark.parametrize("entity_type", ["", "person", "A.B", "$where", "PERSON.x", "X" * 65])
def test_next_seq_update_refuses_names_that_are_not_entity_types(entity_type: str) -> None:
    with pytest.raises(ValueError, match="entity type"):
        q.next_seq_update({entity_type: 1})


def test_message_document_copies_the_expiry_and_truncates_to_milliseconds() -> None:
    at = T0.replace(microsecond=123_456)
    message = NewMessage("s1", "adviser", "hei", at, "m1", "adv-1", {"PERSON": 1, "IBAN_CODE": 0})
    assert q.message_document(message, seq=3, expire_at=T0 + DAY) == {
        "session_id": "s1",
        "seq": 3,
        "sender": "adviser",
        "sender_id": "adv-1",
        "text": "hei",
        "at": T0.replace(microsecond=123_000),
        "client_msg_id": "m1",
        "redactions": {"PERSON": 1},
        "expire_at": T0 + DAY,
    }


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, LIVE_AUDIT),
        ({"actor_id": "comp-1"}, {"$and": [{"actor_id": "comp-1"}, LIVE_AUDIT]}),
        (
            {"session_id": "s1", "customer_id": "c1", "since": T0, "until": NOW},
            {"$and": [{"session_id": "s1", "customer_id": "c1", "at": {"$gte": T0, "$lt": NOW}}, LIVE_AUDIT]},
        ),
        ({"until": NOW}, {"$and": [{"at": {"$lt": NOW}}, LIVE_AUDIT]}),
    ],
)
def test_audit_filter(filters: dict[str, Any], expected: dict[str, Any]) -> None:
    assert q.audit_filter(NOW, **filters) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, {"released_at": None}),
        ({"active_only": False}, {}),
        ({"session_id": "s1"}, {"session_id": "s1", "released_at": None}),
        ({"session_id": "s1", "active_only": False}, {"session_id": "s1"}),
    ],
)
def test_holds_filter(filters: dict[str, Any], expected: dict[str, Any]) -> None:
    assert q.holds_filter(**filters) == expected


def test_release_and_objection_documents() -> None:
    assert q.release_hold("h1", by="comp-2", at=T0) == (
        {"_id": "h1", "released_at": None},
        {"$set": {"released_at": T0, "released_by": "comp-2"}},
    )
    assert q.objection_upsert("c1", T0) == ({"_id": "c1"}, {"$setOnInsert": {"at": T0}})
    assert q.objection_filter("c1") == {"_id": "c1"}
    assert q.customer_filter("c1") == {"customer_id": "c1"}
    assert q.OBJECTION_FLAG == {"$set": {"objection": True}}


def test_index_specs() -> None:
    names = [spec.name for spec in mongo_indexes.INDEXES]
    assert len(names) == len(set(names))
    assert all(spec.serves for spec in mongo_indexes.INDEXES)
    ttl = {spec.collection: spec for spec in mongo_indexes.INDEXES if spec.expire_after_seconds is not None}
    assert set(ttl) == set(q.EXPIRING)
    assert all(spec.keys == (("expire_at", 1),) and spec.expire_after_seconds == 0 for spec in ttl.values())
    by_name = {spec.name: spec for spec in mongo_indexes.INDEXES}
    assert by_name["messages_session_client_msg_id"].model().document == {
        "key": {"session_id": 1, "client_msg_id": 1},
        "name": "messages_session_client_msg_id",
        "unique": True,
        "partialFilterExpression": {"client_msg_id": {"$type": "string"}},
    }
    assert by_name["messages_session_seq"].model().document == {
        "key": {"session_id": 1, "seq": 1},
        "name": "messages_session_seq",
        "unique": True,
    }
    assert [model.document["name"] for model in mongo_indexes.indexes_for(q.HOLDS)] == [
        "holds_session_placed",
        "holds_expire_at_ttl",
        "holds_released_placed",
    ]


@pytest.mark.parametrize(
    ("index", "equality", "sort"),
    [
        ("sessions_customer_created", ["customer_id"], q.SESSIONS_SORT),
        ("messages_session_seq", ["session_id"], q.MESSAGES_SORT),
        ("audit_at", [], q.AUDIT_SORT),
        ("audit_actor_at", ["actor_id"], q.AUDIT_SORT),
        ("audit_session_at", ["session_id"], q.AUDIT_SORT),
        ("audit_customer_at", ["customer_id"], q.AUDIT_SORT),
        ("holds_session_placed", ["session_id"], q.HOLDS_SORT),
        ("holds_released_placed", ["released_at"], q.HOLDS_SORT),
    ],
)
def test_every_sorted_query_is_served_by_an_index_without_an_in_memory_sort(
    index: str, equality: list[str], sort: list[tuple[str, int]]
) -> None:
    spec = {spec.name: spec for spec in mongo_indexes.INDEXES}[index]
    assert [field for field, _ in spec.keys[: len(equality)]] == equality
    assert list(spec.keys[len(equality) :]) == sort


def test_stats_pipeline_reads_only_live_anonymous_sessions_in_range() -> None:
    pipeline = mongo_stats.stats_pipeline(NOW, T0, T0 + DAY)
    assert pipeline[0] == {
        "$match": {"$and": [{"kind": "anonymous", "created_at": {"$gte": T0, "$lt": T0 + DAY}}, LIVE_NOW]}
    }
    assert "text" not in repr(pipeline)


def test_documents_round_trip_records() -> None:
    record = SessionRecord(
        session_id="s1",
        kind="authenticated",
        customer_id="c1",
        created_at=T0,
        retention=Retention("adviser", T0 + 5 * 365 * DAY, T0 + 3 * 365 * DAY),
        state="ended",
        ended_at=T0 + DAY,
        adviser_ids=["adv-1"],
        legal_hold=True,
        objection=True,
        last_seq=7,
    )
    assert q.session_from_document(q.session_document(record)) == record
    audit = AuditRecord("a1", T0, "comp-1", "compliance", "read", "case 7", T0 + DAY, "s1", "c1")
    assert q.audit_from_document(q.audit_document(audit)) == audit
    hold = Hold("h1", "s1", "CASE-1", "comp-1", T0, T0 + DAY, "comp-2")
    assert q.hold_from_document(q.hold_document(hold)) == hold


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2025, 1, 1, 12, 0), datetime(2025, 1, 1, 12, 0, tzinfo=UTC)),
        (datetime(2025, 1, 1, 13, 0, tzinfo=timezone(timedelta(hours=1))), datetime(2025, 1, 1, 12, 0, tzinfo=UTC)),
    ],
    ids=["naive-from-mongomock", "offset"],
)  # fmt: skip
def test_utc_normalises_what_drivers_return(value: datetime, expected: datetime) -> None:
    assert q.utc(value) == expected
    assert q.utc(value).tzinfo is UTC


# --- the documents applied to mongomock ---------------------------------------------------------------


def test_live_and_expired_split_the_documents(db: Any) -> None:
    for session_id, expire_at in [("past", NOW - DAY), ("boundary", NOW), ("future", NOW + DAY), ("held", None)]:
        db[q.SESSIONS].insert_one(q.session_document(session("x", expire_at=expire_at)) | {"_id": session_id})
    db[q.SESSIONS].insert_one({"_id": "no-field", "kind": "anonymous"})
    assert sorted(ids(db[q.SESSIONS].find(q.live(NOW)))) == ["future", "held", "no-field"]
    assert sorted(ids(db[q.SESSIONS].find(q.expired(NOW)))) == ["boundary", "past"]
    assert db[q.SESSIONS].find_one(q.session_filter("past", NOW)) is None
    assert db[q.SESSIONS].find_one(q.session_filter("held", NOW))["_id"] == "held"


def test_append_takes_seq_and_copies_the_session_expiry(db: Any) -> None:
    db[q.SESSIONS].insert_one(q.session_document(session("s1", expire_at=T0 + DAY)))
    first = append(db, say("s1", 1, redactions={"PERSON": 2}))
    second = append(db, say("s1", 2, redactions={"PERSON": 1, "EMAIL_ADDRESS": 1}))
    assert first is not None and second is not None
    assert (first.seq, second.seq) == (1, 2)
    stored = db[q.SESSIONS].find_one({"_id": "s1"})
    assert (stored["last_seq"], stored["redactions"]) == (2, {"PERSON": 3, "EMAIL_ADDRESS": 1})
    assert {doc["expire_at"] for doc in db[q.MESSAGES].find()} == {T0 + DAY}
    # At or after the session's expiry there is no session to append to.
    assert append(db, say("s1", 3, at=T0 + DAY)) is None
    assert append(db, say("nope", 1)) is None


def test_idempotency_index_and_lookup(db: Any) -> None:
    for session_id in ("s1", "s2"):
        db[q.SESSIONS].insert_one(q.session_document(session(session_id)))
    append(db, say("s1", 1, client_msg_id="m1"))
    append(db, say("s2", 1, client_msg_id="m1"))  # the same id in another session is another message
    append(db, say("s1", 2))
    append(db, say("s1", 3))  # messages without an id never collide (partial index)
    with pytest.raises(DuplicateKeyError):
        append(db, say("s1", 4, client_msg_id="m1"))
    found = db[q.MESSAGES].find_one(q.client_msg_filter("s1", "m1", T0))
    assert (found["session_id"], found["seq"], found["text"]) == ("s1", 1, "tekst 1")


def test_messages_after_seq_in_order(db: Any) -> None:
    db[q.SESSIONS].insert_one(q.session_document(session("s1")))
    for n in range(5):
        append(db, say("s1", n))
    got = db[q.MESSAGES].find(q.messages_filter("s1", T0, after_seq=2)).sort(q.MESSAGES_SORT)
    assert [q.message_from_document(doc).seq for doc in got] == [3, 4, 5]


def test_retention_rewrite_moves_session_and_messages_together(db: Any) -> None:
    for session_id in ("s1", "other"):
        db[q.SESSIONS].insert_one(q.session_document(session(session_id, expire_at=T0 + 30 * DAY)))
        for n in range(3):
            append(db, say(session_id, n))
    shorter = Retention("analytics", T0 + DAY, None)
    update = q.session_update(retention=shorter)
    assert update is not None
    db[q.SESSIONS].update_one({"_id": "s1"}, update)
    result = db[q.MESSAGES].update_many(q.session_messages("s1"), q.messages_retention_update(shorter))
    assert result.matched_count == 3
    later = T0 + 2 * DAY
    assert db[q.SESSIONS].find_one(q.session_filter("s1", later)) is None
    assert list(db[q.MESSAGES].find(q.messages_filter("s1", later))) == []
    assert len(list(db[q.MESSAGES].find(q.messages_filter("other", later)))) == 3
    assert db[q.MESSAGES].count_documents(q.expired(later)) == 3

    held = Retention("legal_hold", None, None)
    db[q.SESSIONS].update_one({"_id": "s1"}, q.session_update(retention=held, legal_hold=True) or {})
    db[q.MESSAGES].update_many(q.session_messages("s1"), q.messages_retention_update(held))
    far = datetime(9000, 1, 1, tzinfo=UTC)
    assert db[q.SESSIONS].find_one(q.session_filter("s1", far))["legal_hold"] is True
    assert len(list(db[q.MESSAGES].find(q.messages_filter("s1", far)))) == 3
    assert db[q.MESSAGES].count_documents(q.expired(far) | {"session_id": "s1"}) == 0


def test_add_adviser_keeps_a_set(db: Any) -> None:
    db[q.SESSIONS].insert_one(q.session_document(session("s1")))
    for adviser in ("adv-1", "adv-2", "adv-1"):
        db[q.SESSIONS].update_one({"_id": "s1"}, q.session_update(add_adviser=adviser) or {})
    assert db[q.SESSIONS].find_one({"_id": "s1"})["adviser_ids"] == ["adv-1", "adv-2"]


def page_through(db: Any, customer_id: str, now: datetime, limit: int, **kw: Any) -> list[list[str]]:
    """The pagination loop of MongoStore.list_sessions, on mongomock."""
    pages: list[list[str]] = []
    cursor = None
    while True:
        found = db[q.SESSIONS].find(q.customer_sessions_filter(customer_id, now, cursor=cursor, **kw))
        records = [q.session_from_document(d) for d in found.sort(q.SESSIONS_SORT).limit(limit + 1)]
        pages.append([r.session_id for r in records[:limit]])
        if len(records) <= limit:
            return pages
        cursor = q.session_cursor(records[limit - 1])


def test_customer_pages_are_newest_first_exact_and_isolated(db: Any) -> None:
    for n in range(9):  # pairs share created_at: the id breaks the tie
        db[q.SESSIONS].insert_one(
            q.session_document(session(f"a{n}", customer_id="A", created_at=T0 + (n // 2) * MINUTE))
        )
    db[q.SESSIONS].insert_one(q.session_document(session("b0", customer_id="B", created_at=T0 + MINUTE)))
    db[q.SESSIONS].insert_one(q.session_document(session("anon", created_at=T0 + MINUTE)))
    db[q.SESSIONS].insert_one(q.session_document(session("gone", customer_id="A", expire_at=T0 + DAY)))
    pages = page_through(db, "A", T0 + 2 * DAY, 4)
    assert pages == [["a8", "a7", "a6", "a5"], ["a4", "a3", "a2", "a1"], ["a0"]]
    assert page_through(db, "B", T0, 4) == [["b0"]]
    assert page_through(db, "nobody", T0, 4) == [[]]


def test_archive_only_shows_what_the_customer_still_sees(db: Any) -> None:
    db[q.SESSIONS].insert_one(q.session_document(session("seen", customer_id="A", visible_until=T0 + 3 * 365 * DAY)))
    db[q.SESSIONS].insert_one(q.session_document(session("hidden", customer_id="A", visible_until=T0 + DAY)))
    assert page_through(db, "A", T0 + 2 * DAY, 10, archive_only=True) == [["seen"]]
    assert sorted(page_through(db, "A", T0 + 2 * DAY, 10)[0]) == ["hidden", "seen"]


def test_audit_filters_and_pages(db: Any) -> None:
    for n in range(6):
        record = AuditRecord(
            f"a{n}", T0 + (n - (n == 3)) * MINUTE, "comp-1" if n % 2 else "adv-1", "compliance", "read",
            "case", T0 + (DAY if n == 5 else 365 * DAY), "s1" if n < 3 else "s2", "c1",
        )  # fmt: skip
        db[q.AUDIT].insert_one(q.audit_document(record))
    now = T0 + 2 * DAY
    seen: list[str] = []
    cursor = None
    while True:
        found = db[q.AUDIT].find(q.audit_filter(now, cursor=cursor)).sort(q.AUDIT_SORT).limit(3)
        batch = [q.audit_from_document(d) for d in found]
        seen += [r.audit_id for r in batch[:2]]
        if len(batch) <= 2:
            break
        cursor = q.audit_cursor(batch[1])
    assert seen == ["a4", "a3", "a2", "a1", "a0"]  # a5 expired; a3 shares a2's minute
    found = db[q.AUDIT].find(q.audit_filter(now, actor_id="comp-1", session_id="s2")).sort(q.AUDIT_SORT)
    assert ids(found) == ["a3"]
    found = db[q.AUDIT].find(q.audit_filter(now, since=T0 + MINUTE, until=T0 + 4 * MINUTE)).sort(q.AUDIT_SORT)
    assert ids(found) == ["a3", "a2", "a1"]


def test_holds_release_only_once(db: Any) -> None:
    for hold in (Hold("h2", "s1", "C", "comp-1", T0 + DAY), Hold("h1", "s1", "C", "comp-1", T0),
                 Hold("h3", "s2", "C", "comp-1", T0 + MINUTE)):  # fmt: skip
        db[q.HOLDS].insert_one(q.hold_document(hold))
    where, update = q.release_hold("h1", by="comp-2", at=T0 + 2 * DAY)
    released = db[q.HOLDS].find_one_and_update(where, update, return_document=ReturnDocument.AFTER)
    assert q.hold_from_document(released).released_by == "comp-2"
    assert db[q.HOLDS].find_one_and_update(where, update) is None
    assert ids(db[q.HOLDS].find(q.holds_filter()).sort(q.HOLDS_SORT)) == ["h3", "h2"]
    assert ids(db[q.HOLDS].find(q.holds_filter(session_id="s1", active_only=False)).sort(q.HOLDS_SORT)) == [
        "h1",
        "h2",
    ]


def test_objection_keeps_the_first_date_and_flags_every_session(db: Any) -> None:
    for session_id, customer in (("a1", "A"), ("a2", "A"), ("b1", "B")):
        db[q.SESSIONS].insert_one(q.session_document(session(session_id, customer_id=customer)))
    for at in (T0, T0 + DAY):
        where, update = q.objection_upsert("A", at)
        db[q.OBJECTIONS].update_one(where, update, upsert=True)
    assert db[q.OBJECTIONS].find_one(q.objection_filter("A"))["at"] == T0
    assert db[q.SESSIONS].update_many(q.customer_filter("A"), q.OBJECTION_FLAG).matched_count == 2
    assert {d["_id"]: d["objection"] for d in db[q.SESSIONS].find()} == {"a1": True, "a2": True, "b1": False}


def test_stats_pipeline_on_mongomock(db: Any) -> None:
    day1, day2 = T0, T0 + DAY
    sessions = [
        session("a1", created_at=day1),
        session("a2", created_at=day1 + timedelta(hours=1), adviser_ids=["adv-1"]),
        session("a3", created_at=day2),
        session("quiet", created_at=day2 + MINUTE),
        session("auth", customer_id="c1", created_at=day1),
        session("expired", created_at=day1, expire_at=day1 + DAY),
        session("later", created_at=T0 + 2 * DAY),
        session("held", created_at=day2, expire_at=None),
    ]
    for record in sessions:
        db[q.SESSIONS].insert_one(q.session_document(record))
    secret = "Ola Nordmann 01017012345"
    at = T0 + MINUTE
    for session_id, redactions in [
        ("a1", {"PERSON": 1, "NO_FODSELSNUMMER": 1}), ("a1", {"PERSON": 2}), ("a2", {}),
        ("a3", {"PHONE_NUMBER": 1}), ("held", {}), ("auth", {"PERSON": 5}), ("expired", {"PERSON": 5}),
        ("later", {"PERSON": 5}),
    ]:  # fmt: skip
        assert append(db, NewMessage(session_id, "customer", secret, at, redactions=redactions)) is not None

    pipeline = mongo_stats.stats_pipeline(T0 + 3 * DAY, T0 - timedelta(hours=1), T0 + 2 * DAY)
    rows = list(db[q.SESSIONS].aggregate(pipeline))
    stats = mongo_stats.stats_from_documents(rows)

    assert stats == [
        DailyStats("2025-03-03", sessions=2, messages=3, handovers=1, redactions={"NO_FODSELSNUMMER": 1, "PERSON": 3}),
        DailyStats("2025-03-04", sessions=3, messages=2, handovers=0, redactions={"PHONE_NUMBER": 1}),
    ]
    assert "Nordmann" not in repr(rows)


def test_stats_from_documents_ignores_the_no_redaction_row() -> None:
    rows = [
        {"_id": "2025-03-04", "sessions": 1, "messages": 0, "handovers": 0, "redactions": [{"count": 0}]},
        {"_id": "2025-03-03", "sessions": 2, "messages": 5, "handovers": 1,
         "redactions": [{"type": None, "count": 0}, {"type": "PERSON", "count": 2}, {"type": "PERSON", "count": 1}]},
    ]  # fmt: skip
    assert mongo_stats.stats_from_documents(rows) == [
        DailyStats("2025-03-03", 2, 5, 1, {"PERSON": 3}),
        DailyStats("2025-03-04", 1, 0, 0, {}),
    ]


# --- which index serves each query (issue 9, items 2 and 3) -------------------------------------------


def _conjuncts(query: dict[str, Any]) -> list[dict[str, Any]]:
    """The query's top-level AND terms, one field (or one ``$or``) each."""
    terms: list[dict[str, Any]] = []
    for key, value in query.items():
        if key == "$and":
            for part in value:
                terms.extend(_conjuncts(part))
        else:
            terms.append({key: value})
    return terms


def index_refusal(
    query: dict[str, Any], sort: list[tuple[str, int]] | None, spec: mongo_indexes.IndexSpec
) -> str | None:
    """Why MongoDB's planner could not serve ``query`` (sorted by ``sort``) from ``spec``, or None.

    A model of the documented rules the issue is about: a partial index is used only if the query
    contains the index's filter expression (the planner's subset check does not derive ``$type`` from
    an equality); a query that is only an ``$or`` is planned clause by clause, so no index gives its
    sort; an index serves a sort when its keys after the query's equality fields are the sort (or its
    reverse), and serves a query at all only if its leading key is constrained or the sort is served.
    """
    terms = _conjuncts(query)
    fields = {key: value for term in terms for key, value in term.items() if not key.startswith("$")}
    for key, condition in (spec.partial or {}).items():
        given = fields.get(key)
        if not isinstance(given, dict) or any(given.get(op) != arg for op, arg in condition.items()):
            return f"the query does not contain the partial filter on {key}"
    if terms and all(key == "$or" for term in terms for key in term):
        return "a query that is only an $or is planned clause by clause"
    keys = [field for field, _ in spec.keys]
    equality = 0
    while equality < len(keys) and not isinstance(fields.get(keys[equality], {}), dict):
        equality += 1  # a plain value is an equality match
    rest = list(spec.keys[equality:])
    if sort is not None:
        reverse = [(field, -direction) for field, direction in sort]
        if rest[: len(sort)] not in (sort, reverse):
            return "the index does not give the sort"
    elif keys[0] not in fields:
        return "the index's leading key is not constrained"
    return None


CURSOR = encode_cursor(q.AUDIT_CURSOR, T0, "a9")


@pytest.mark.parametrize(
    ("index", "query", "sort"),
    [
        ("audit_at", q.audit_filter(NOW), q.AUDIT_SORT),
        ("audit_at", q.audit_filter(NOW, since=T0, until=NOW, cursor=CURSOR), q.AUDIT_SORT),
        ("audit_actor_at", q.audit_filter(NOW, actor_id="comp-1", cursor=CURSOR), q.AUDIT_SORT),
        ("audit_session_at", q.audit_filter(NOW, session_id="s1"), q.AUDIT_SORT),
        ("audit_customer_at", q.audit_filter(NOW, customer_id="c1"), q.AUDIT_SORT),
        ("messages_session_client_msg_id", q.client_msg_filter("s1", "m1", NOW), None),
        ("messages_session_seq", q.messages_filter("s1", NOW, after_seq=3), q.MESSAGES_SORT),
        ("sessions_customer_created", q.customer_sessions_filter("c1", NOW), q.SESSIONS_SORT),
        (
            "sessions_customer_created",
            q.customer_sessions_filter("c1", NOW, cursor=encode_cursor(q.SESSIONS_CURSOR, T0, "s9")),
            q.SESSIONS_SORT,
        ),
        ("holds_released_placed", q.holds_filter(), q.HOLDS_SORT),
        ("holds_session_placed", q.holds_filter(session_id="s1"), q.HOLDS_SORT),
    ],
)
def test_each_query_can_use_its_index(index: str, query: dict[str, Any], sort: list[tuple[str, int]] | None) -> None:
    spec = {spec.name: spec for spec in mongo_indexes.INDEXES}[index]
    assert index_refusal(query, sort, spec) is None


def test_the_planner_model_catches_what_the_issue_found() -> None:
    """The two shapes of issue 9 (items 2 and 3), as they were, are refused by the model."""
    by_name = {spec.name: spec for spec in mongo_indexes.INDEXES}
    old_live = {"$or": [{"expire_at": {"$gt": NOW}}, {"expire_at": None}]}
    assert index_refusal(old_live, q.AUDIT_SORT, by_name["audit_at"]) is not None
    old_lookup = {"session_id": "s1", "client_msg_id": "m1", **LIVE_NOW}
    assert index_refusal(old_lookup, None, by_name["messages_session_client_msg_id"]) is not None


def test_live_selects_held_and_unexpired_documents_alike_in_both_forms(db: Any) -> None:
    """``$not: {$lte}`` and the ``$or`` of ``$gt`` and null select the same documents (nx-27017 runs the
    latter; see tests/store/test_mongo_nx.py)."""
    coll = db["things"]
    coll.insert_many(
        [{"_id": "held", "expire_at": None}, {"_id": "missing"}, {"_id": "live", "expire_at": NOW + DAY},
         {"_id": "now", "expire_at": NOW}, {"_id": "gone", "expire_at": NOW - DAY}]
    )  # fmt: skip
    old_live = {"$or": [{"expire_at": {"$gt": NOW}}, {"expire_at": None}]}
    assert sorted(d["_id"] for d in coll.find(q.live(NOW))) == ["held", "live", "missing"]
    assert sorted(d["_id"] for d in coll.find(old_live)) == ["held", "live", "missing"]
