"""The customer archive over the real server: sessions are made through the real websocket gateway."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from chat.api.archive import DUTY_TO_KEEP
from chat.store.base import Hold
from tests.api.helpers import (
    api,
    bad_tokens,
    bearer,
    chat_session,
    check,
    check_error,
    http,
    server_now,
    services,
    set_retention,
    uid,
)
from tests.servers import Running, make_settings, run_in_thread

__all__ = ["api"]  # the module-scoped server fixture


async def _list_all(server: Running, customer_id: str, limit: int) -> tuple[list[str], int]:
    """Walk every page; the session ids in order and how many pages it took."""
    ids: list[str] = []
    pages = 0
    cursor: str | None = None
    async with http(server) as client:
        while True:
            params: dict[str, str | int] = {"limit": limit}
            if cursor is not None:
                params["cursor"] = cursor
            r = await client.get("/api/archive/sessions", params=params,
                                 headers=bearer(server.customer_token(customer_id)))
            assert r.status_code == 200, r.text
            body = r.json()
            check("ArchiveSessionList", body)
            assert len(body["sessions"]) <= limit
            ids += [s["session_id"] for s in body["sessions"]]
            pages += 1
            cursor = body["next_cursor"]
            if cursor is None:
                return ids, pages


async def test_pagination_lists_every_session_once_newest_first(api: Running) -> None:
    customer = uid("cust")
    created = [await chat_session(api, customer_id=customer, texts=(f"Melding {i}",)) for i in range(5)]
    ids, pages = await _list_all(api, customer, limit=2)
    assert ids == list(reversed(created))
    assert pages == 3
    whole, _ = await _list_all(api, customer, limit=100)
    assert whole == ids


async def test_list_item_shape_and_retention(api: Running) -> None:
    customer = uid("cust")
    sid = await chat_session(api, customer_id=customer, texts=("Hei", "Hvor er kortet mitt?"))
    async with http(api) as client:
        r = await client.get("/api/archive/sessions", headers=bearer(api.customer_token(customer)))
    assert r.headers["cache-control"] == "no-store"
    [item] = r.json()["sessions"]
    assert item["session_id"] == sid
    assert item["kind"] == "authenticated"
    assert item["state"] == "ended"
    assert item["message_count"] == 2
    assert item["retention"]["tier"] == "archive"
    assert item["retention"]["visible_until"] is not None


async def test_detail_has_every_message_in_order(api: Running) -> None:
    customer = uid("cust")
    texts = ("Hei", "Jeg vil bytte konto", "Takk")
    sid = await chat_session(api, customer_id=customer, texts=texts)
    async with http(api) as client:
        r = await client.get(f"/api/archive/sessions/{sid}", headers=bearer(api.customer_token(customer)))
    assert r.status_code == 200
    body = r.json()
    check("ArchiveSessionDetail", body)
    assert [(m["seq"], m["from"], m["text"]) for m in body["messages"]] == [
        (1, "customer", "Hei"), (2, "customer", "Jeg vil bytte konto"), (3, "customer", "Takk"),
    ]


async def test_customer_isolation(api: Running) -> None:
    """B never gets A's sessions: not by id, not in the list, not in the export, not by erasing them."""
    a, b = uid("cust-a"), uid("cust-b")
    a_sessions = [await chat_session(api, customer_id=a, texts=("A sin hemmelighet",)) for _ in range(2)]
    b_session = await chat_session(api, customer_id=b, texts=("B sin melding",))
    token_b = bearer(api.customer_token(b))
    async with http(api) as client:
        unknown = check_error(await client.get(f"/api/archive/sessions/{uid('nope')}", headers=token_b), 404)
        for sid in a_sessions:
            r = await client.get(f"/api/archive/sessions/{sid}", headers=token_b)
            # Exactly the answer for an id that does not exist: existence is not revealed.
            assert check_error(r, 404) == unknown
            assert "hemmelighet" not in r.text
            check_error(await client.delete(f"/api/archive/sessions/{sid}", headers=token_b), 404)
        listed = (await client.get("/api/archive/sessions", headers=token_b)).json()
        exported = await client.get("/api/archive/export", headers=token_b)
        a_view = await client.get(f"/api/archive/sessions/{a_sessions[0]}", headers=bearer(api.customer_token(a)))
    assert [s["session_id"] for s in listed["sessions"]] == [b_session]
    assert [s["session_id"] for s in exported.json()["sessions"]] == [b_session]
    assert "hemmelighet" not in exported.text
    assert a_view.status_code == 200  # A's sessions survived B's erasure attempts


async def test_anonymous_session_is_nobodys(api: Running) -> None:
    sid = await chat_session(api, texts=("Hei fra en anonym",))
    token = bearer(api.customer_token(uid("cust")))
    async with http(api) as client:
        check_error(await client.get(f"/api/archive/sessions/{sid}", headers=token), 404, "unknown_session")
        check_error(await client.delete(f"/api/archive/sessions/{sid}", headers=token), 404)


async def test_expired_and_out_of_view_sessions(api: Running) -> None:
    """Expired: gone everywhere. Kept but out of the archive view (adviser tier after 3 years): not in the
    list or by id, but still in the export, marked as such."""
    customer = uid("cust")
    expired = await chat_session(api, customer_id=customer, texts=("gammel",))
    kept = await chat_session(api, customer_id=customer, texts=("eldre, men beholdt",))
    await set_retention(api, expired, expire_in=-timedelta(seconds=1), visible_in=-timedelta(seconds=1))
    await set_retention(api, kept, expire_in=timedelta(days=700), visible_in=-timedelta(seconds=1))
    token = bearer(api.customer_token(customer))
    async with http(api) as client:
        for sid in (expired, kept):
            check_error(await client.get(f"/api/archive/sessions/{sid}", headers=token), 404)
        listed = (await client.get("/api/archive/sessions", headers=token)).json()
        exported = (await client.get("/api/archive/export", headers=token)).json()
    assert listed["sessions"] == []
    assert [(s["session_id"], s["visible_in_archive"]) for s in exported["sessions"]] == [(kept, False)]
    assert [m["text"] for m in exported["sessions"][0]["messages"]] == ["eldre, men beholdt"]


@pytest.mark.parametrize(
    ("path", "method"),
    [
        ("/api/archive/sessions", "GET"),
        ("/api/archive/sessions/some-id", "GET"),
        ("/api/archive/sessions/some-id", "DELETE"),
        ("/api/archive/export", "GET"),
        ("/api/archive/objection", "POST"),
        ("/api/archive/objection", "GET"),
        ("/api/archive/objection", "DELETE"),
        ("/api/archive/access-log", "GET"),
    ],
)
async def test_every_customer_endpoint_requires_a_valid_customer_token(api: Running, path: str, method: str) -> None:
    headers_by_case = {
        "missing": {},
        "not_bearer": {"Authorization": "Basic dXNlcjpwYXNz"},
        "staff_token": bearer(api.staff_token(uid("staff"), "compliance")),
        **{name: bearer(token) for name, token in bad_tokens(api, "customer").items()},
    }
    async with http(api) as client:
        for case, headers in headers_by_case.items():
            r = await client.request(method, path, headers=headers)
            body = check_error(r, 401)
            challenge = r.headers["www-authenticate"]
            assert challenge.startswith('Bearer realm="chatlog"'), case
            if case in ("missing", "not_bearer"):
                assert body["error"]["code"] == "missing_token"
                assert "error=" not in challenge
            else:
                assert 'error="invalid_token"' in challenge, case
                assert body["error"]["code"] == ("expired_token" if case == "expired" else "invalid_token"), case


async def test_export_contains_everything(api: Running) -> None:
    customer = uid("cust")
    first = await chat_session(api, customer_id=customer, texts=("Første", "samtale"))
    second = await chat_session(api, customer_id=customer, texts=("Andre samtale",), adviser_id=uid("adv"))
    async with http(api) as client:
        r = await client.get("/api/archive/export", headers=bearer(api.customer_token(customer)))
    assert r.status_code == 200
    assert r.headers["content-disposition"].startswith('attachment; filename="chatlog-export-')
    body = r.json()
    check("ArchiveExport", body)
    assert body["format"] == "chatlog-export/1"
    assert body["customer_id"] == customer
    by_id = {s["session_id"]: s for s in body["sessions"]}
    assert list(by_id) == [second, first]
    assert [m["text"] for m in by_id[first]["messages"]] == ["Første", "samtale"]
    assert [(m["from"], m["text"]) for m in by_id[second]["messages"]] == [
        ("customer", "Andre samtale"), ("adviser", "Hei, jeg er rådgiver og hjelper deg gjerne."),
    ]
    assert by_id[second]["retention"]["tier"] == "adviser"
    assert all(s["visible_in_archive"] for s in body["sessions"])


async def test_erasure_of_a_bot_only_session(api: Running) -> None:
    customer = uid("cust")
    keep = await chat_session(api, customer_id=customer, texts=("behold meg",))
    erase = await chat_session(api, customer_id=customer, texts=("slett meg",))
    token = bearer(api.customer_token(customer))
    async with http(api) as client:
        r = await client.delete(f"/api/archive/sessions/{erase}", headers=token)
        assert r.status_code == 204 and r.content == b""
        check_error(await client.get(f"/api/archive/sessions/{erase}", headers=token), 404)
        check_error(await client.delete(f"/api/archive/sessions/{erase}", headers=token), 404)
        listed = (await client.get("/api/archive/sessions", headers=token)).json()
        exported = await client.get("/api/archive/export", headers=token)
    assert [s["session_id"] for s in listed["sessions"]] == [keep]
    assert [s["session_id"] for s in exported.json()["sessions"]] == [keep]
    assert "slett meg" not in exported.text
    svc = services(api)
    now = server_now(api)
    assert await svc.store.get_session(erase, now=now) is None
    assert await svc.store.get_messages(erase, now=now) == []
    [record] = (await svc.store.list_audit(now=now, session_id=erase)).items
    assert (record.actor_id, record.role, record.action, record.purpose, record.customer_id) == (
        customer, "customer", "erasure", "customer request", customer,
    )


async def test_erasure_refused_when_an_adviser_took_part(api: Running) -> None:
    customer = uid("cust")
    sid = await chat_session(api, customer_id=customer, adviser_id=uid("adv"))
    token = bearer(api.customer_token(customer))
    async with http(api) as client:
        body = check_error(await client.delete(f"/api/archive/sessions/{sid}", headers=token), 409, "erasure_refused")
        assert "adviser" in body["error"]["message"]
        assert (await client.get(f"/api/archive/sessions/{sid}", headers=token)).status_code == 200


@pytest.mark.parametrize("through", ["api", "hold_row_only"])
async def test_erasure_refused_under_legal_hold(api: Running, through: str) -> None:
    """Through the API the session is flagged; a hold row alone (flag not yet written) must suffice too."""
    customer = uid("cust")
    sid = await chat_session(api, customer_id=customer)
    async with http(api) as client:
        if through == "api":
            r = await client.post(f"/api/staff/sessions/{sid}/holds", json={"case_ref": "SAK-1"},
                                  headers=bearer(api.staff_token(uid("comp"), "compliance")))
            assert r.status_code == 201
        else:
            svc = services(api)
            await svc.store.add_hold(Hold(hold_id=uid("hold"), session_id=sid, case_ref="SAK-2",
                                          placed_by="comp", placed_at=server_now(api)))
        token = bearer(api.customer_token(customer))
        body = check_error(await client.delete(f"/api/archive/sessions/{sid}", headers=token), 409, "erasure_refused")
        # A legal duty, not which one: a hold is never revealed to the customer (tipping-off).
        assert body["error"]["message"].startswith(DUTY_TO_KEEP) and "hold" not in body["error"]["message"]
        assert (await client.get(f"/api/archive/sessions/{sid}", headers=token)).status_code == 200


async def test_erasure_and_legal_hold_sent_together_exactly_one_wins(api: Running) -> None:
    """Issue 8, item 4: before the store serialised them, 8 of 15 such pairs both succeeded (the
    session gone, the hold confirmed). Now one wins and the other gets a clear answer."""
    compliance = bearer(api.staff_token(uid("comp"), "compliance"))
    outcomes = set()
    async with http(api) as client:
        for _ in range(15):
            customer = uid("cust")
            sid = await chat_session(api, customer_id=customer)
            erase, place = await asyncio.gather(
                client.delete(f"/api/archive/sessions/{sid}", headers=bearer(api.customer_token(customer))),
                client.post(f"/api/staff/sessions/{sid}/holds", json={"case_ref": "SAK-RACE"}, headers=compliance),
            )
            pair = (erase.status_code, place.status_code)
            assert pair in {(204, 404), (409, 201)}, pair
            outcomes.add(pair)
            holds = await services(api).store.list_holds(session_id=sid)
            record = await services(api).store.get_session(sid, now=server_now(api))
            if pair == (204, 404):
                assert holds == [] and record is None  # no hold left for an erased session
            else:
                assert len(holds) == 1 and record is not None and record.legal_hold
    assert outcomes  # which one wins depends on timing; either is a correct answer


async def test_objection_is_recorded_and_idempotent(api: Running) -> None:
    customer = uid("cust")
    sessions = [await chat_session(api, customer_id=customer) for _ in range(2)]
    token = bearer(api.customer_token(customer))
    other = bearer(api.customer_token(uid("cust")))
    async with http(api) as client:
        r = await client.get("/api/archive/objection", headers=token)
        assert r.status_code == 200 and r.json() == {"objection": False}
        check("ObjectionStatus", r.json())
        for _ in range(2):
            r = await client.post("/api/archive/objection", headers=token)
            assert r.status_code == 200
            check("Objection", r.json())
            assert r.json() == {"objection": True, "sessions_flagged": 2}
        assert (await client.get("/api/archive/objection", headers=token)).json() == {"objection": True}
        # Another customer's switch is their own.
        assert (await client.get("/api/archive/objection", headers=other)).json() == {"objection": False}
        r = await client.delete("/api/archive/objection", headers=other)
        assert r.json() == {"objection": False, "sessions_unflagged": 0}
        assert (await client.get("/api/archive/objection", headers=token)).json() == {"objection": True}
    svc = services(api)
    assert await svc.store.has_objection(customer)
    for sid in sessions:
        record = await svc.store.get_session(sid, now=server_now(api))
        assert record is not None and record.objection
    async with http(api) as client:
        r = await client.delete("/api/archive/objection", headers=token)
        check("ObjectionWithdrawn", r.json())
        assert r.json() == {"objection": False, "sessions_unflagged": 2}
        assert (await client.get("/api/archive/objection", headers=token)).json() == {"objection": False}
    for sid in sessions:
        record = await svc.store.get_session(sid, now=server_now(api))
        assert record is not None and not record.objection


@pytest.mark.parametrize(
    "query",
    ["limit=0", "limit=101", "limit=-1", "limit=abc", "limit=", "cursor=", "cursor=garbage", "cursor=%00%ff",
     "cursor=WyJhdWRpdCIsMCwieCJd"],  # the last: a well-formed cursor of the audit list, not this one
)
async def test_bad_query_parameters_are_400(api: Running, query: str) -> None:
    async with http(api) as client:
        r = await client.get(f"/api/archive/sessions?{query}", headers=bearer(api.customer_token(uid("cust"))))
    check_error(r, 400)


async def test_the_access_log_lists_staff_reads_of_my_chats_and_nothing_else(api: Running) -> None:
    me, other = uid("cust"), uid("cust")
    adviser = uid("adv")
    mine = await chat_session(api, customer_id=me, adviser_id=adviser)  # the adviser's takeover is audited
    theirs = await chat_session(api, customer_id=other)
    compliance = bearer(api.staff_token(uid("comp"), "compliance"))
    async with http(api) as client:
        r = await client.get(f"/api/staff/sessions/{mine}", params={"purpose": "klage 2026-114"}, headers=compliance)
        assert r.status_code == 200
        r = await client.get(f"/api/staff/sessions/{theirs}", params={"purpose": "annen sak"}, headers=compliance)
        assert r.status_code == 200
        await client.get("/api/archive/export", headers=bearer(api.customer_token(me)))  # my own: not listed
        r = await client.get("/api/archive/access-log", headers=bearer(api.customer_token(me)))
        assert r.status_code == 200
        check("AccessLog", r.json())
        entries = r.json()["entries"]
        assert [(e["role"], e["action"], e["purpose"], e["session_id"]) for e in entries] == [
            ("compliance", "read_session", "klage 2026-114", mine),
            ("adviser", "handover_accept", "the customer asked for an adviser", mine),
        ]
        assert all("staff_id" not in e for e in entries)  # roles only, by default
        assert "annen sak" not in r.text and theirs not in r.text
        r = await client.get("/api/archive/access-log", headers=bearer(api.customer_token(uid("cust"))))
        assert r.json() == {"entries": [], "next_cursor": None}


async def test_the_access_log_names_staff_where_the_bank_chooses(tmp_path: Path) -> None:
    with run_in_thread(make_settings(tmp_path / "var", access_log_staff_ids=True)) as server:
        me = uid("cust")
        sid = await chat_session(server, customer_id=me)
        async with http(server) as client:
            await client.get(f"/api/staff/sessions/{sid}", params={"purpose": "revisjon"},
                             headers=bearer(server.staff_token("comp-ida", "compliance")))
            r = await client.get("/api/archive/access-log", headers=bearer(server.customer_token(me)))
        [entry] = r.json()["entries"]
        assert (entry["staff_id"], entry["purpose"]) == ("comp-ida", "revisjon")


async def test_a_refused_erasure_is_carried_out_when_the_hold_is_released(api: Running) -> None:
    me = uid("cust")
    sid = await chat_session(api, customer_id=me, texts=("Slett denne samtalen",))
    kept = await chat_session(api, customer_id=me, adviser_id=uid("adv"))  # adviser tier: kept for years
    compliance = bearer(api.staff_token(uid("comp"), "compliance"))
    token = bearer(api.customer_token(me))
    async with http(api) as client:
        hold = (await client.post(f"/api/staff/sessions/{sid}/holds", json={"case_ref": "SAK-77"},
                                  headers=compliance)).json()
        for session in (sid, kept):
            r = await client.delete(f"/api/archive/sessions/{session}", headers=token)
            body = check_error(r, 409, "erasure_refused")
            assert "as soon as that duty ends" in body["error"]["message"]
        r = await client.delete(f"/api/staff/holds/{hold['hold_id']}", headers=compliance)
        assert r.status_code == 200 and r.json()["retention"] is None  # erased with the release
        check_error(await client.get(f"/api/archive/sessions/{sid}", headers=token), 404)
        assert (await client.get(f"/api/archive/sessions/{kept}", headers=token)).status_code == 200
        entries = (await client.get("/api/archive/access-log", headers=token)).json()["entries"]
        mine = [(e["role"], e["action"]) for e in entries if e["session_id"] == sid]
        assert mine[0] == ("system", "erasure")  # newest first: the erasure the customer asked for
        assert all(action not in ("place_hold", "release_hold") for _, action in mine)  # never shown
        assert "erasure request of" in entries[0]["purpose"]
    assert await services(api).store.get_session(sid, now=server_now(api)) is None
