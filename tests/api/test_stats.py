"""Analysts' statistics over the real server: counts of anonymous sessions only, never text."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from chat.api.kanon import SUPPRESSED
from chat.api.stats import daily_body
from chat.store.base import DailyStats
from tests.api.helpers import api, bad_tokens, bearer, chat_session, check, check_error, http, server_now, uid
from tests.servers import Running, make_settings, run_in_thread

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


async def test_counts_anonymous_sessions_only_never_text_and_no_small_cell(tmp_path: Path) -> None:
    with run_in_thread(make_settings(tmp_path / "var")) as server:
        marker = "Zyxwvu-innlogget"
        for n in range(5):
            await chat_session(server, texts=("Hei!", f"Send svar til ola.nordmann{n}@example.com takk"))
        await chat_session(server, texts=("Jeg vil snakke med et menneske",), adviser_id=uid("adv"))
        await chat_session(server, customer_id=uid("cust"), texts=(f"{marker} sier hei",), adviser_id=uid("adv"))
        async with http(server) as client:
            r = await client.get("/api/stats", headers=bearer(server.staff_token(uid("analyst"), "analyst")))
        check("Stats", r.json())
        totals = r.json()["totals"]
        # 6 anonymous sessions, 12 messages (11 from customers, 1 from the adviser), 5 e-mails redacted;
        # one handover is a small cell, on its day and in the total alike.
        assert totals == {"sessions": 6, "messages": 12, "handovers": SUPPRESSED, "redactions": {"EMAIL_ADDRESS": 5}}
        for secret in (marker, "ola.nordmann", "example.com", "menneske", "Hei!"):
            assert secret not in r.text
        today = server_now(server).date().isoformat()
        assert r.json()["days"] == [{"day": today, **totals}]


def test_a_small_day_hides_everything_built_on_it() -> None:
    days = [
        DailyStats("2100-03-03", 3, 40, 0, {"PERSON": 9}),  # 3 sessions: its 40 messages go too
        DailyStats("2100-03-04", 30, 200, 6, {"PERSON": 12, "EMAIL_ADDRESS": 2}),
    ]
    body = daily_body(days)
    small, big = body["days"]
    assert small == {"day": "2100-03-03", "sessions": SUPPRESSED, "messages": SUPPRESSED, "handovers": 0,
                     "redactions": {"PERSON": SUPPRESSED}}
    # The window's totals minus the big day would give the small day back: the big day's go too.
    assert big["sessions"] == SUPPRESSED and big["messages"] == SUPPRESSED
    assert big["redactions"] == {"PERSON": SUPPRESSED, "EMAIL_ADDRESS": SUPPRESSED}
    # Its 6 handovers are built on its (now hidden) sessions, and the total of 6 would give them back.
    assert big["handovers"] == SUPPRESSED
    assert body["totals"] == {"sessions": 33, "messages": 240, "handovers": SUPPRESSED,
                              "redactions": {"PERSON": 21, "EMAIL_ADDRESS": SUPPRESSED}}


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
     "until=0001-01-02", "since=0001-01-01T00:00:00%2B01:00",
     # cut inside a day: two such windows one session apart gave that session away (audit 62 F3)
     "since=2025-01-01&until=2025-01-02T10:15:00.123Z", "since=2025-01-01T00:00:00.001Z",
     "since=2025-01-01T00:00:00%2B01:00"],
)
async def test_bad_windows_are_400(api: Running, query: str) -> None:
    async with http(api) as client:
        for path in ("/api/stats", "/api/stats/service"):
            r = await client.get(f"{path}?{query}", headers=bearer(api.staff_token(uid("an"), "analyst")))
            check_error(r, 400)


async def test_whole_days_in_any_spelling_are_accepted(api: Running) -> None:
    async with http(api) as client:
        for query in ("since=2025-01-01&until=2025-01-02", "since=2025-01-01T00:00:00Z&until=2025-01-02T00:00:00.000Z",
                      "since=2025-01-01T01:00:00%2B01:00&until=2025-01-02"):
            for path in ("/api/stats", "/api/stats/service"):
                r = await client.get(f"{path}?{query}", headers=bearer(api.staff_token(uid("an"), "analyst")))
                assert r.status_code == 200, (path, query, r.text)
