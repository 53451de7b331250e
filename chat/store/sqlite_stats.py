"""The embedded store's service figures (issue 13): three queries over ``sessions``, one read snapshot.

Only derived columns are read (times, counts, topic), never ``messages``: a logged-in chat counts
through its figures alone. Percentiles are nearest-rank (the smallest value with at least p·n values
at or below it), computed by SQLite's window functions, so no session is loaded into Python; the
MongoDB store (``chat.store.mongo_stats``) computes the same definition with an aggregation.
"""

from __future__ import annotations

import sqlite3
from typing import Final

from chat.store.base import ServiceDay, Spread

_DAY: Final = "date(created_at / 1000000, 'unixepoch')"
_SCOPE: Final = (
    "created_at >= :since AND created_at < :until AND (expire_at IS NULL OR expire_at > :now) AND objection = 0"
)
#: Asked for an adviser, or was taken over by one from the bot.
_HANDOVER: Final = "(waiting_at IS NOT NULL OR adviser_at IS NOT NULL)"
#: Ended while waiting for an adviser, or still waiting long after it started (left waiting).
_ENDED_WAITING: Final = "(end_state = 'waiting' OR (state = 'waiting' AND created_at < :abandoned))"

_COUNTS: Final = f"""
SELECT {_DAY} AS day, SUM(kind = 'anonymous'), SUM(kind = 'authenticated'), SUM({_HANDOVER}), SUM({_ENDED_WAITING})
FROM sessions WHERE {_SCOPE} GROUP BY day
UNION ALL
SELECT NULL, SUM(kind = 'anonymous'), SUM(kind = 'authenticated'), SUM({_HANDOVER}), SUM({_ENDED_WAITING})
FROM sessions WHERE {_SCOPE} HAVING COUNT(*) > 0
"""  # noqa: S608 - literals only

_TOPICS: Final = f"""
SELECT {_DAY} AS day, COALESCE(topic, 'unclassified') AS t, COUNT(*) FROM sessions WHERE {_SCOPE} GROUP BY day, t
UNION ALL
SELECT NULL, COALESCE(topic, 'unclassified') AS t, COUNT(*) FROM sessions WHERE {_SCOPE} GROUP BY t
"""  # noqa: S608 - literals only

_SPREADS: Final = f"""
WITH base AS (SELECT {_DAY} AS day, * FROM sessions WHERE {_SCOPE}),
vals AS (
    SELECT 'first_answer' AS metric, day, (first_answer_at - first_customer_at) / 1e6 AS v FROM base
        WHERE first_customer_at IS NOT NULL AND first_answer_at >= first_customer_at
    UNION ALL SELECT 'pickup', day, (adviser_at - waiting_at) / 1e6 FROM base
        WHERE waiting_at IS NOT NULL AND adviser_at >= waiting_at
    UNION ALL SELECT 'duration', day, (ended_at - created_at) / 1e6 FROM base WHERE ended_at IS NOT NULL
    UNION ALL SELECT 'messages', day, last_seq FROM base
),
spans AS (SELECT metric, day, v FROM vals UNION ALL SELECT metric, NULL, v FROM vals),
ranked AS (
    SELECT metric, day, v, ROW_NUMBER() OVER (PARTITION BY metric, day ORDER BY v) AS rn,
           COUNT(*) OVER (PARTITION BY metric, day) AS n
    FROM spans
)
SELECT metric, day, MAX(n), MIN(CASE WHEN rn >= 0.5 * n THEN v END), MIN(CASE WHEN rn >= 0.9 * n THEN v END)
FROM ranked GROUP BY metric, day
"""  # noqa: S608 - literals only

_EMPTY: Final = Spread(0, None, None)


def read_service_stats(conn: sqlite3.Connection, args: dict[str, int]) -> list[ServiceDay]:
    conn.execute("BEGIN")
    try:
        counts = conn.execute(_COUNTS, args).fetchall()
        topics = conn.execute(_TOPICS, args).fetchall()
        spreads = conn.execute(_SPREADS, args).fetchall()
    finally:
        conn.execute("COMMIT")
    topic_by_day: dict[str | None, dict[str, int]] = {}
    for day, topic, n in topics:
        topic_by_day.setdefault(day, {})[topic] = int(n)
    spread_by_day: dict[tuple[str, str | None], Spread] = {}
    for metric, day, n, p50, p90 in spreads:
        spread_by_day[metric, day] = Spread(int(n), _num(p50), _num(p90))
    out = [
        ServiceDay(
            day=day,
            anonymous=int(anon or 0),
            authenticated=int(auth or 0),
            handovers=int(handovers or 0),
            ended_waiting=int(waiting or 0),
            first_answer_s=spread_by_day.get(("first_answer", day), _EMPTY),
            pickup_s=spread_by_day.get(("pickup", day), _EMPTY),
            duration_s=spread_by_day.get(("duration", day), _EMPTY),
            messages=spread_by_day.get(("messages", day), _EMPTY),
            topics=dict(sorted(topic_by_day.get(day, {}).items())),
        )
        for day, anon, auth, handovers, waiting in counts
    ]
    # Days in order, the whole range last.
    return sorted(out, key=lambda d: (d.day is None, d.day or ""))


def _num(value: float | int | None) -> float | None:
    return None if value is None else round(float(value), 3)
