"""``GET /api/stats/service`` over the real server: chats made through the gateway, figures read back."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from chat.api.kanon import SUPPRESSED
from tests.api.helpers import api, bearer, chat_session, check, check_error, http, uid
from tests.servers import Running

__all__ = ["api"]

CARDS = ("Hei, jeg har mistet kortet mitt og må sperre det",)
BANKID = ("BankID virker ikke, får ikke logget inn",)
LOANS = ("Hva er renta på boliglånet nå?",)


async def _service(server: Running, role: str = "analyst") -> dict[str, Any]:
    async with http(server) as client:
        r = await client.get("/api/stats/service", headers=bearer(server.staff_token(uid(role), role)))
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


async def _until_classified(server: Running, expected: int) -> dict[str, Any]:
    """Topics are written in the background when a chat ends: wait until every chat has one."""
    for _ in range(100):
        body = await _service(server)
        if body["totals"]["topics"]["unclassified"] in (0, SUPPRESSED) and body["totals"]["sessions"] == expected:
            return body
        await asyncio.sleep(0.1)
    raise AssertionError(f"topics never classified: {body['totals']}")


async def test_figures_from_real_chats_with_small_cells_suppressed(api: Running) -> None:
    for _ in range(6):
        await chat_session(api, texts=CARDS)
    for _ in range(5):
        await chat_session(api, texts=LOANS)
    for _ in range(2):
        await chat_session(api, texts=BANKID, adviser_id=uid("adv"))
    objector = uid("cust")
    await chat_session(api, customer_id=objector, texts=CARDS)
    async with http(api) as client:
        await client.post("/api/archive/objection", headers=bearer(api.customer_token(objector)))
    body = await _until_classified(api, expected=13)
    check("ServiceStats", body)
    totals = body["totals"]
    assert (totals["sessions"], totals["anonymous"]) == (13, 13)  # the objector's chat does not count
    assert totals["authenticated"] == 0
    assert totals["topics"]["cards_payments"] == 6
    assert totals["topics"]["login_bankid"] == SUPPRESSED  # two chats: a small cell ...
    assert totals["topics"]["loans_mortgage"] == SUPPRESSED  # ... and 13 - 6 would give it back
    # Two handovers: hidden, and so is the rate built on them.
    assert totals["handovers"] == SUPPRESSED and totals["handover_rate"] == SUPPRESSED
    assert totals["pickup_s"] == SUPPRESSED
    assert totals["messages"]["n"] == 13 and totals["messages"]["p50"] >= 1
    assert totals["duration_s"]["n"] == 13
    assert totals["first_answer_s"] == SUPPRESSED  # only the two advisers answered anyone
    assert [t["topic"] for t in body["topics"]][-1] == "unclassified"


@pytest.mark.parametrize("role", ["adviser", "bot"])
async def test_only_analysts_and_compliance_read_figures(api: Running, role: str) -> None:
    async with http(api) as client:
        r = await client.get("/api/stats/service", headers=bearer(api.staff_token(uid(role), role)))
        check_error(r, 403)
        r = await client.get("/api/stats/service", headers=bearer(api.customer_token(uid("cust"))))
        check_error(r, 401)
    assert (await _service(api, "compliance"))["k"] == 5


async def test_window_rules_are_the_stats_endpoints(api: Running) -> None:
    headers = bearer(api.staff_token(uid("analyst"), "analyst"))
    async with http(api) as client:
        r = await client.get("/api/stats/service?since=2026-01-01T00:00:00Z&until=2025-01-01T00:00:00Z",
                             headers=headers)
        check_error(r, 400)
        r = await client.get("/api/stats/service?since=2020-01-01T00:00:00Z&until=2026-01-01T00:00:00Z",
                             headers=headers)
        check_error(r, 400)
        r = await client.get("/api/stats/service?since=2020-01-01T00:00:00Z&until=2020-02-01T00:00:00Z",
                             headers=headers)
        assert r.status_code == 200 and r.json()["days"] == [] and r.json()["totals"]["sessions"] == 0
