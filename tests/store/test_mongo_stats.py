"""The MongoDB service-figures pipeline without a server: what it reads, and how its answer is folded.

It runs for real only against MongoDB 7.0+ (``$percentile``), in the contract suite when
``CHATLOG_TEST_MONGODB_URI`` names a replica set (docs/operations.md); neither mongomock nor nx-27017
implements ``$percentile`` or ``$facet``, so here it is checked as data.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from chat.store import mongo_stats
from chat.store.base import ServiceDay, Spread

NOW = datetime(2100, 3, 5, tzinfo=UTC)
SINCE, UNTIL = NOW - timedelta(days=3), NOW


def test_the_pipeline_reads_live_unobjected_sessions_in_the_window_and_no_text() -> None:
    pipeline = mongo_stats.service_pipeline(NOW, SINCE, UNTIL, NOW - timedelta(hours=1))
    match = pipeline[0]["$match"]
    text = json.dumps(pipeline, default=str)
    assert {"created_at": {"$gte": SINCE, "$lt": UNTIL}, "objection": {"$ne": True}} in match["$and"]
    assert {"expire_at": {"$not": {"$lte": NOW}}} in match["$and"]
    for field in ("$text", "$customer_id", "$adviser_ids", "$sender"):
        assert f'"{field}"' not in text  # derived fields only: never a message, never an id
    facet = pipeline[-1]["$facet"]
    assert set(facet) == {"days", "total", "topics", "topics_total"}
    group = facet["total"][0]["$group"]
    percentile = {"$percentile": {"input": "$first_answer", "p": [0.5, 0.9], "method": "approximate"}}
    assert group["first_answer"] == percentile


def test_the_answer_is_folded_into_days_then_the_window() -> None:
    row = {"anonymous": 4, "authenticated": 2, "handovers": 3, "ended_waiting": 1, "first_answer_n": 5,
           "first_answer": [6.0, 10.0], "pickup_n": 0, "pickup": [None, None], "duration_n": 4,
           "duration": [120.0, 300.0], "messages_n": 6, "messages": [2, 6]}
    doc = {
        "days": [{"_id": "2100-03-03", **row}],
        "total": [{"_id": None, **row}],
        "topics": [{"_id": {"day": "2100-03-03", "topic": "cards_payments"}, "n": 2}],
        "topics_total": [{"_id": "cards_payments", "n": 2}],
    }
    day, total = mongo_stats.service_from_documents(doc)
    assert day == ServiceDay("2100-03-03", 4, 2, 3, 1, Spread(5, 6.0, 10.0), Spread(0, None, None),
                             Spread(4, 120.0, 300.0), Spread(6, 2.0, 6.0), {"cards_payments": 2})
    assert total.day is None and total.topics == {"cards_payments": 2}
    assert mongo_stats.service_from_documents({}) == []
