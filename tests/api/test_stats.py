"""Analysts' statistics over the real server: counts of anonymous sessions only, never text."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.api.helpers import api, bad_tokens, bearer, chat_session, check, check_error, http, server_now, uid
from tests.servers import Running

__all__ = ["api"]  # the module-scoped server fixture


async def _stats(server: Running, role: str = "analyst", **params: str) -> dict[str, Any]:
    async with http(server) as client:
        r = await client.get("/api/stats", params=params, headers=bearer(server.staff_token(uid(role), role)))
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    check("Stats", body)
    return body


@pytest.mark.parametrize("role", ["analyst", "compliance"])
async def test_allowed_roles(api: Running, role: str) -> None:
    body = await _stats(api, role)
    assert body["scope"] == "anonymous"


@pytest.mark.parametrize("role", ["adviser", "bot"])
async def test_other_roles_are_403(api: Running, role: str) -> None:
    async with http(api) as client:
        r = await client.get("/api/stats", headers=bearer(api.staff_token(uid(role), role)))
    check_error(r, 403, "forbidden")


async def test_customer_and_bad_tokens_are_401(api: Running) -> None:
    tokens = {"customer": api.customer_token(uid("cust")), **bad_tokens(api, "staff")}
    async with http(api) as client:
        check_error(await client.get("/api/stats"), 401, "missing_token")
        for token in tokens.values():
            check_error(await client.get("/api/stats", headers=bearer(token)), 401)


async def test_counts_anonymous_sessions_only_and_never_text(api: Running) -> None:
    before = (await _stats(api))["totals"]
    marker = "Zyxwvu-innlogget"
    await chat_session(api, texts=("Hei!", "Send svar til ola.nordmann@example.com takk"))
    await chat_session(api, texts=("Jeg vil snakke med et menneske",), adviser_id=uid("adv"))
    await chat_session(api, customer_id=uid("cust"), texts=(f"{marker} sier hei",), adviser_id=uid("adv"))
    async with http(api) as client:
        r = await client.get("/api/stats", headers=bearer(api.staff_token(uid("analyst"), "analyst")))
    after = r.json()["totals"]
    assert after["sessions"] - before["sessions"] == 2
    assert after["messages"] - before["messages"] == 4  # 3 from customers, 1 from the adviser
    assert after["handovers"] - before["handovers"] == 1
    assert after["redactions"].get("EMAIL_ADDRESS", 0) - before["redactions"].get("EMAIL_ADDRESS", 0) == 1
    for secret in (marker, "ola.nordmann", "example.com", "menneske", "Hei!"):
        assert secret not in r.text
    today = server_now(api).date().isoformat()
    [day] = [d for d in r.json()["days"] if d["day"] == today]
    assert day["sessions"] >= 2


async def test_window_excludes_sessions_outside_it(api: Running) -> None:
    await chat_session(api, texts=("Hei",))
    tomorrow = (server_now(api) + timedelta(days=1)).date()
    later = await _stats(api, since=tomorrow.isoformat(), until=(tomorrow + timedelta(days=7)).isoformat())
    assert later["days"] == []
    assert later["totals"] == {"sessions": 0, "messages": 0, "handovers": 0, "redactions": {}}
    assert later["since"] == f"{tomorrow.isoformat()}T00:00:00.000Z"


@pytest.mark.parametrize(
    "query",
    ["since=last-week", "since=2025-01-01T00:00:00", "since=2025-02-01&until=2025-01-01",
     "since=2025-01-01&until=2025-01-01", "since=2020-01-01&until=2025-01-01", "until=2025-02-30",
     "until=0001-01-02", "since=0001-01-01T00:00:00%2B01:00"],
)
async def test_bad_windows_are_400(api: Running, query: str) -> None:
    async with http(api) as client:
        r = await client.get(f"/api/stats?{query}", headers=bearer(api.staff_token(uid("an"), "analyst")))
    check_error(r, 400)
