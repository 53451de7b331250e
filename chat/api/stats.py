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

from collections import Counter
from datetime import UTC, datetime, time, timedelta
from typing import Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from chat.api.auth import services, staff
from chat.api.serialize import day_out, endpoint, json_response, time_param, ts
from chat.errors import ProtocolError

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
    redactions: Counter[str] = Counter()
    for day in days:
        redactions.update(day.redactions)
    totals = {
        "sessions": sum(d.sessions for d in days),
        "messages": sum(d.messages for d in days),
        "handovers": sum(d.handovers for d in days),
        "redactions": dict(sorted(redactions.items())),
    }
    return json_response(
        {
            "scope": SCOPE,
            "since": ts(since),
            "until": ts(until),
            "days": [day_out(d) for d in days],
            "totals": totals,
        }
    )


def routes() -> list[BaseRoute]:
    return [Route("/api/stats", stats, methods=["GET"])]
