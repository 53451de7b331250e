"""Aggregated statistics for analysts (and compliance): counts over anonymised data only.

The store's ``stats`` aggregates anonymous sessions only (the analytics tier, whose stored text is
already redacted), so logged-in customers (and those who objected to analytics use) never contribute.
This endpoint adds nothing that could identify anyone: per-day counts of sessions, messages, handovers
and redacted entity types, no ids, no text. Because no personal data is read it needs no ``purpose``
and writes no audit record.

The window is bounded (:data:`MAX_DAYS`): analytics data lives one year, and an unbounded window would
only buy an expensive scan.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from chat.api.auth import services, staff
from chat.api.kanon import Table
from chat.api.serialize import JSON, endpoint, json_response, time_param, ts
from chat.errors import ProtocolError
from chat.store.base import DailyStats

__all__ = ["DEFAULT_DAYS", "MAX_DAYS", "SCOPE", "routes"]

DEFAULT_DAYS: Final = 30
MAX_DAYS: Final = 400
SCOPE: Final = "anonymous"


def window(request: Request, now: datetime) -> tuple[datetime, datetime]:
    """``since`` and ``until`` from the query: by default the 30 days up to the end of today (UTC)."""
    until = time_param(request, "until")
    if until is None:
        # Up to the end of today (UTC), so that today's sessions are counted.
        until = datetime.combine(now.date() + timedelta(days=1), time(), tzinfo=UTC)
    since = time_param(request, "since")
    if since is None:
        try:
            since = until - timedelta(days=DEFAULT_DAYS)
        except OverflowError:
            raise ProtocolError("until is out of range") from None
    for name, bound in (("since", since), ("until", until)):
        if bound.timetz() != time(tzinfo=UTC):
            # Days are the unit of every figure: a window cut inside a day, one session apart from
            # another, gave back that one session's kind, handover and topic by subtraction (outside
            # audit 62, F3). Whole days leave a difference of at least one day's sessions.
            raise ProtocolError(f"{name} must be a whole UTC day: a date, or a time of 00:00 UTC")
    if since >= until:
        raise ProtocolError("since must be before until")
    if until - since > timedelta(days=MAX_DAYS):
        raise ProtocolError(f"the window may span at most {MAX_DAYS} days")
    return since, until


@endpoint
async def stats(request: Request) -> Response:
    staff(request, "analyst", "compliance")
    svc = services(request)
    now = svc.clock()
    since, until = window(request, now)
    days = await svc.store.stats(now=now, since=since, until=until)
    return json_response({"scope": SCOPE, "since": ts(since), "until": ts(until), **daily_body(days)})


def daily_body(days: Sequence[DailyStats]) -> JSON:
    """Days and totals with small cells suppressed (chat.api.kanon): a day's messages and redaction
    counts are built from its sessions, so they go when its session count does."""
    types = sorted({t for d in days for t in d.redactions})
    columns: list[Hashable] = ["sessions", "messages", "handovers", *(("r", t) for t in types)]
    table = Table()
    for d in days:
        table.add((d.day, "sessions"), d.sessions)
        table.add((d.day, "messages"), d.messages)
        table.add((d.day, "handovers"), d.handovers)
        for t in types:
            table.add((d.day, ("r", t)), d.redactions.get(t, 0))
        for column in columns[1:]:
            table.based_on((d.day, column), (d.day, "sessions"))
    for column in columns:
        table.add((None, column), sum(table.values[(d.day, column)] for d in days))
        table.group((None, column), [(d.day, column) for d in days])
    cells = table.cells()

    def row(day: str | None) -> JSON:
        out: JSON = {} if day is None else {"day": day}
        out.update({c: cells[(day, c)] for c in ("sessions", "messages", "handovers")})
        out["redactions"] = {t: cells[(day, ("r", t))] for t in types if table.values[(day, ("r", t))]}
        return out

    return {"days": [row(d.day) for d in days], "totals": row(None)}


def routes() -> list[BaseRoute]:
    return [Route("/api/stats", stats, methods=["GET"])]
