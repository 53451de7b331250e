"""``GET /api/stats/service``: the service figures analysts ask for (issue 13), small cells suppressed.

Volume by kind, handovers and chats left waiting, how fast the first answer and an adviser came, how
long chats last, and what they were about, per day and over the window. Every figure is computed by the
store (``Store.service_stats``) from derived fields only (times, counts, topic), over sessions whose
customer has not objected; logged-in chats count through those figures alone. Every count passes
through :mod:`chat.api.kanon` on its way out: under 5 sessions, or recoverable by subtraction, reads
``"<5"``. Definitions of each figure: docs/api.md ("Service figures").
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from chat.api.auth import services, staff
from chat.api.kanon import SUPPRESSED, Cell, K, Table, rate
from chat.api.serialize import JSON, endpoint, json_response, ts
from chat.api.stats import window
from chat.store.base import ServiceDay, Spread
from chat.topics import TopicModel

__all__ = ["COUNTS", "routes", "service_body"]

#: The additive counts of a day (``sessions`` = ``anonymous`` + ``authenticated`` = the sum of topics).
COUNTS: Final = ("sessions", "anonymous", "authenticated", "handovers", "ended_waiting")
UNCLASSIFIED: Final = "unclassified"


def _table(days: Sequence[ServiceDay], topics: Sequence[str]) -> Table:
    table = Table()
    columns: list[Hashable] = [*COUNTS, *(("topic", t) for t in topics)]
    for d in days:
        table.add((d.day, "sessions"), d.anonymous + d.authenticated)
        table.add((d.day, "anonymous"), d.anonymous)
        table.add((d.day, "authenticated"), d.authenticated)
        table.add((d.day, "handovers"), d.handovers)
        table.add((d.day, "ended_waiting"), d.ended_waiting)
        for t in topics:
            table.add((d.day, ("topic", t)), d.topics.get(t, 0))
        table.group((d.day, "sessions"), [(d.day, "anonymous"), (d.day, "authenticated")])
        table.group((d.day, "sessions"), [(d.day, ("topic", t)) for t in topics])
    dated = [d.day for d in days if d.day is not None]
    if any(d.day is None for d in days):
        for column in columns:  # the window's figure is the sum of its days'
            table.group((None, column), [(day, column) for day in dated])
    return table


def _spread(spread: Spread) -> JSON | str:
    if spread.n < K:
        return SUPPRESSED if spread.n else {"n": 0, "p50": None, "p90": None}
    return {"n": spread.n, "p50": spread.p50, "p90": spread.p90}


def _day(d: ServiceDay, cells: dict[Hashable, Cell], topics: Sequence[str]) -> JSON:
    sessions = cells[(d.day, "sessions")]
    handovers = cells[(d.day, "handovers")]
    waiting = cells[(d.day, "ended_waiting")]
    out: JSON = {} if d.day is None else {"day": d.day}
    out.update(
        {
            "sessions": sessions,
            "anonymous": cells[(d.day, "anonymous")],
            "authenticated": cells[(d.day, "authenticated")],
            "handovers": handovers,
            "handover_rate": rate(handovers, sessions),
            "ended_waiting": waiting,
            "ended_waiting_rate": rate(waiting, sessions),
            "first_answer_s": _spread(d.first_answer_s),
            "pickup_s": _spread(d.pickup_s),
            "duration_s": _spread(d.duration_s),
            "messages": _spread(d.messages),
            "topics": {t: cells[(d.day, ("topic", t))] for t in topics},
        }
    )
    return out


def service_body(days: Sequence[ServiceDay], model: TopicModel) -> JSON:
    """The response body (pure, so the suppression of every path is tested without a server)."""
    topics = [*model.names, UNCLASSIFIED]
    cells = _table(days, topics).cells()
    dated = [d for d in days if d.day is not None]
    total = next((d for d in days if d.day is None), None)
    empty = ServiceDay(None, 0, 0, 0, 0, Spread(0, None, None), Spread(0, None, None), Spread(0, None, None),
                       Spread(0, None, None), {})
    if total is None:
        total = empty
        cells.update({(None, c): 0 for c in COUNTS})
        cells.update({(None, ("topic", t)): 0 for t in topics})
    labels: dict[str, Any] = {t.name: {"nb": t.label_nb, "en": t.label_en} for t in model.topics}
    labels[UNCLASSIFIED] = {"nb": "Ikke klassifisert ennå", "en": "Not classified yet"}
    return {
        "k": K,
        "suppressed": SUPPRESSED,
        "topics": [{"topic": t, "label_nb": labels[t]["nb"], "label_en": labels[t]["en"]} for t in topics],
        "days": [_day(d, cells, topics) for d in dated],
        "totals": _day(total, cells, topics),
    }


@endpoint
async def service(request: Request) -> Response:
    staff(request, "analyst", "compliance")
    svc = services(request)
    now = svc.clock()
    since, until = window(request, now)
    days = await svc.store.service_stats(now=now, since=since, until=until)
    body = {"since": ts(since), "until": ts(until), **service_body(days, svc.hub.figures.model)}
    return json_response(body)


def routes() -> list[BaseRoute]:
    return [Route("/api/stats/service", service, methods=["GET"])]
