"""MongoDB statistics: the aggregation pipelines behind ``stats`` and ``service_stats`` (issue 13).

Pure functions, like :mod:`chat.store.mongo_queries`: a pipeline in, documents out, folded into the
store's record types, so each is tested without a server (on mongomock where it can run them). Only
the ``sessions`` collection is read, and only derived fields (times, counters, topic): never a message.

The service figures' percentiles use ``$percentile`` (``method: "approximate"``, MongoDB 7.0 and later):
a streaming estimate, so a year of sessions never has to fit into one group's memory. The embedded
store computes exact nearest-rank percentiles; on small groups the two agree (see the tests).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Final, cast

from pymongo import ASCENDING

from chat.store.base import DailyStats, ServiceDay, Spread
from chat.store.mongo_queries import Document, _and, live

# --- daily statistics (anonymous sessions) -------------------------------------------------------------


def stats_pipeline(now: datetime, since: datetime, until: datetime) -> list[Document]:
    """Per-day aggregates over live *anonymous* sessions created in ``[since, until)``.

    Reads the ``sessions`` collection only: ``last_seq`` is the session's message count and
    ``redactions`` its per-type counters, so no message (and no text) is ever touched. The redaction
    map is unwound to one row per (session, type) and regrouped per day; ``includeArrayIndex`` makes
    each session count once (only its first row, or its only row if it had no redactions, counts).
    """
    first_row = {"$cond": [{"$lte": [{"$ifNull": ["$ri", 0]}, 0]}, 1, 0]}
    return [
        {"$match": _and({"kind": "anonymous", "created_at": {"$gte": since, "$lt": until}}, live(now))},
        {
            "$project": {
                "_id": 0,
                "day": {"$dateToString": {"format": "%Y-%m-%d", "date": "$created_at"}},
                "messages": {"$ifNull": ["$last_seq", 0]},
                "handover": {"$cond": [{"$gt": [{"$size": {"$ifNull": ["$adviser_ids", []]}}, 0]}, 1, 0]},
                "r": {"$objectToArray": {"$ifNull": ["$redactions", {}]}},
            }
        },
        {"$unwind": {"path": "$r", "includeArrayIndex": "ri", "preserveNullAndEmptyArrays": True}},
        {
            "$group": {
                "_id": {"day": "$day", "type": "$r.k"},
                "sessions": {"$sum": first_row},
                "messages": {"$sum": {"$multiply": [first_row, "$messages"]}},
                "handovers": {"$sum": {"$multiply": [first_row, "$handover"]}},
                "count": {"$sum": {"$ifNull": ["$r.v", 0]}},
            }
        },
        {
            "$group": {
                "_id": "$_id.day",
                "sessions": {"$sum": "$sessions"},
                "messages": {"$sum": "$messages"},
                "handovers": {"$sum": "$handovers"},
                "redactions": {"$push": {"type": "$_id.type", "count": "$count"}},
            }
        },
        {"$sort": {"_id": ASCENDING}},
    ]


def stats_from_documents(docs: Sequence[Mapping[str, Any]]) -> list[DailyStats]:
    """Fold the pipeline's rows into :class:`DailyStats` (the ``type: null`` row is "no redactions")."""
    out: list[DailyStats] = []
    for doc in docs:
        redactions: dict[str, int] = {}
        for entry in cast(list[Mapping[str, Any]], doc.get("redactions") or []):
            entity_type = entry.get("type")
            if isinstance(entity_type, str) and entry.get("count"):
                redactions[entity_type] = redactions.get(entity_type, 0) + int(entry["count"])
        out.append(
            DailyStats(
                day=str(doc["_id"]),
                sessions=int(doc["sessions"]),
                messages=int(doc["messages"]),
                handovers=int(doc["handovers"]),
                redactions=dict(sorted(redactions.items())),
            )
        )
    return sorted(out, key=lambda stats: stats.day)


# --- service figures ------------------------------------------------------------------------------------

_DAY: Final[Document] = {"$dateToString": {"format": "%Y-%m-%d", "date": "$created_at"}}
_METRICS: Final = ("first_answer", "pickup", "duration", "messages")


def _seconds_between(later: str, earlier: str) -> Document:
    """Seconds from ``earlier`` to ``later`` when both are set and in order, else null (not counted)."""
    return {
        "$cond": [
            {"$and": [{"$ne": [{"$ifNull": [earlier, None]}, None]}, {"$gte": [later, earlier]}]},
            {"$divide": [{"$subtract": [later, earlier]}, 1000]},
            None,
        ]
    }


def _flag(condition: Document) -> Document:
    return {"$cond": [condition, 1, 0]}


def _group(key: Any) -> Document:
    group: Document = {
        "_id": key,
        "anonymous": {"$sum": _flag({"$eq": ["$kind", "anonymous"]})},
        "authenticated": {"$sum": _flag({"$eq": ["$kind", "authenticated"]})},
        "handovers": {"$sum": "$handover"},
        "ended_waiting": {"$sum": "$ended_waiting"},
    }
    for metric in _METRICS:
        group[f"{metric}_n"] = {"$sum": _flag({"$ne": [f"${metric}", None]})}
        group[metric] = {"$percentile": {"input": f"${metric}", "p": [0.5, 0.9], "method": "approximate"}}
    return {"$group": group}


def service_pipeline(now: datetime, since: datetime, until: datetime, abandoned: datetime) -> list[Document]:
    """Per day and over the range, live sessions created in ``[since, until)`` without an objection."""
    waiting_long = {"$and": [{"$eq": ["$state", "waiting"]}, {"$lt": ["$created_at", abandoned]}]}
    return [
        {"$match": _and({"created_at": {"$gte": since, "$lt": until}, "objection": {"$ne": True}}, live(now))},
        {
            "$project": {
                "_id": 0,
                "day": _DAY,
                "kind": 1,
                "handover": _flag({"$or": [{"$ne": [{"$ifNull": ["$waiting_at", None]}, None]},
                                           {"$ne": [{"$ifNull": ["$adviser_at", None]}, None]}]}),
                "ended_waiting": _flag({"$or": [{"$eq": ["$end_state", "waiting"]}, waiting_long]}),
                "first_answer": _seconds_between("$first_answer_at", "$first_customer_at"),
                "pickup": _seconds_between("$adviser_at", "$waiting_at"),
                "duration": _seconds_between("$ended_at", "$created_at"),
                "messages": {"$ifNull": ["$last_seq", 0]},
                "topic": {"$ifNull": ["$topic", "unclassified"]},
            }
        },
        {
            "$facet": {
                "days": [_group("$day"), {"$sort": {"_id": ASCENDING}}],
                "total": [_group(None)],
                "topics": [{"$group": {"_id": {"day": "$day", "topic": "$topic"}, "n": {"$sum": 1}}}],
                "topics_total": [{"$group": {"_id": "$topic", "n": {"$sum": 1}}}],
            }
        },
    ]


def _spread(doc: Mapping[str, Any], metric: str) -> Spread:
    n = int(doc.get(f"{metric}_n") or 0)
    values = doc.get(metric)
    if not n or not isinstance(values, list) or len(values) != 2:
        return Spread(n, None, None)
    p50, p90 = (None if v is None else round(float(v), 3) for v in values)
    return Spread(n, p50, p90)


def service_from_documents(doc: Mapping[str, Any]) -> list[ServiceDay]:
    """Fold the one ``$facet`` document into days (in order) and the range (``day=None``, last)."""
    topics: dict[str | None, dict[str, int]] = {}
    for row in cast(list[Mapping[str, Any]], doc.get("topics") or []):
        key = row["_id"]
        topics.setdefault(str(key["day"]), {})[str(key["topic"])] = int(row["n"])
    for row in cast(list[Mapping[str, Any]], doc.get("topics_total") or []):
        topics.setdefault(None, {})[str(row["_id"])] = int(row["n"])
    days = cast(list[Mapping[str, Any]], doc.get("days") or [])
    rows = [*days, *cast(list[Mapping[str, Any]], doc.get("total") or [])]
    out = []
    for row in rows:
        day = None if row["_id"] is None else str(row["_id"])
        out.append(
            ServiceDay(
                day=day,
                anonymous=int(row["anonymous"]),
                authenticated=int(row["authenticated"]),
                handovers=int(row["handovers"]),
                ended_waiting=int(row["ended_waiting"]),
                first_answer_s=_spread(row, "first_answer"),
                pickup_s=_spread(row, "pickup"),
                duration_s=_spread(row, "duration"),
                messages=_spread(row, "messages"),
                topics=dict(sorted(topics.get(day, {}).items())),
            )
        )
    return out
