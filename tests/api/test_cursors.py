"""Cursors belong to one list (audit finding: a cursor of one list was accepted by another, 200 with a
wrong page). Each of the auditor's three cases, and the neighbours: other filters, an edited cursor."""

from __future__ import annotations

from typing import Any

from tests.api.helpers import api, bearer, chat_session, check_error, http, services, uid
from tests.servers import Running

__all__ = ["api"]  # the module-scoped server fixture


async def _first_cursor(client: Any, path: str, headers: dict[str, str], **params: str) -> str:
    r = await client.get(path, params={"limit": "1", **params}, headers=headers)
    assert r.status_code == 200, r.text
    cursor: str | None = r.json()["next_cursor"]
    assert cursor is not None
    return cursor


async def _audit_count(server: Running, actor_id: str) -> int:
    page = await services(server).store.list_audit(now=services(server).clock(), actor_id=actor_id, limit=1000)
    return len(page.items)


async def test_another_customers_archive_cursor_is_refused(api: Running) -> None:
    alice, bob = uid("cust"), uid("cust")
    for customer in (alice, bob, alice):
        await chat_session(api, customer_id=customer)
    async with http(api) as client:
        cursor = await _first_cursor(client, "/api/archive/sessions", bearer(api.customer_token(alice)))
        r = await client.get("/api/archive/sessions", params={"cursor": cursor},
                             headers=bearer(api.customer_token(bob)))
        check_error(r, 400, "invalid_cursor")
        # Alice's own next page still works, at any page size.
        r = await client.get("/api/archive/sessions", params={"cursor": cursor, "limit": "5"},
                             headers=bearer(api.customer_token(alice)))
        assert r.status_code == 200 and len(r.json()["sessions"]) == 1
        # An edited cursor is not one the server issued.
        edited = cursor[:-1] + ("A" if cursor[-1] != "A" else "B")
        r = await client.get("/api/archive/sessions", params={"cursor": edited},
                             headers=bearer(api.customer_token(alice)))
        check_error(r, 400, "invalid_cursor")


async def test_a_compliance_search_cursor_is_refused_for_another_customer(api: Running) -> None:
    alice, bob = uid("cust"), uid("cust")
    for customer in (alice, alice, bob, bob):
        await chat_session(api, customer_id=customer)
    officer = uid("comp")
    staff = bearer(api.staff_token(officer, "compliance"))
    purpose = {"purpose": "Klage 2026-3"}
    async with http(api) as client:
        cursor = await _first_cursor(client, f"/api/staff/customers/{alice}/sessions", staff, **purpose)
        before = await _audit_count(api, officer)
        r = await client.get(f"/api/staff/customers/{bob}/sessions", params={**purpose, "cursor": cursor},
                             headers=staff)
        check_error(r, 400, "invalid_cursor")
        assert await _audit_count(api, officer) == before  # refused before anything is written or read
        r = await client.get(f"/api/staff/customers/{alice}/sessions", params={**purpose, "cursor": cursor},
                             headers=staff)
        assert r.status_code == 200 and len(r.json()["sessions"]) == 1


async def test_an_access_log_cursor_is_refused_by_the_staff_audit_log(api: Running) -> None:
    me = uid("cust")
    sid = await chat_session(api, customer_id=me)
    staff = bearer(api.staff_token(uid("comp"), "compliance"))
    async with http(api) as client:
        for purpose in ("lesing 1", "lesing 2"):
            r = await client.get(f"/api/staff/sessions/{sid}", params={"purpose": purpose}, headers=staff)
            assert r.status_code == 200
        cursor = await _first_cursor(client, "/api/archive/access-log", bearer(api.customer_token(me)))
        r = await client.get("/api/staff/audit", params={"purpose": "kontroll", "customer_id": me, "cursor": cursor},
                             headers=staff)
        check_error(r, 400, "invalid_cursor")
        # And the other way round; and an audit cursor under other filters.
        audit = await _first_cursor(client, "/api/staff/audit", staff, purpose="kontroll", customer_id=me)
        r = await client.get("/api/archive/access-log", params={"cursor": audit},
                             headers=bearer(api.customer_token(me)))
        check_error(r, 400, "invalid_cursor")
        r = await client.get("/api/staff/audit", params={"purpose": "kontroll", "session_id": sid, "cursor": audit},
                             headers=staff)
        check_error(r, 400, "invalid_cursor")
        r = await client.get("/api/staff/audit", params={"purpose": "kontroll", "customer_id": me, "cursor": audit},
                             headers=staff)
        assert r.status_code == 200 and r.json()["records"]
