"""How requests are taken (audit nits): a query parameter given twice, a JSON body sent as something
else, health answers kept in a cache, a case export for a customer with nothing stored."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import AsyncIterator

from tests.api.helpers import api, bearer, chat_session, check_error, http, services, uid
from tests.servers import Running

__all__ = ["api"]  # the module-scoped server fixture


async def test_a_query_parameter_given_twice_is_refused(api: Running) -> None:
    officer = uid("comp")
    sid = await chat_session(api, customer_id=uid("cust"))
    async with http(api) as client:
        r = await client.get(f"/api/staff/sessions/{sid}?purpose=a&purpose=b",
                             headers=bearer(api.staff_token(officer, "compliance")))
        check_error(r, 400, "bad_request")
        r = await client.get("/api/archive/sessions?limit=1&limit=2", headers=bearer(api.customer_token(uid("c"))))
        check_error(r, 400, "bad_request")
    page = await services(api).store.list_audit(now=services(api).clock(), actor_id=officer, limit=10)
    assert page.items == []  # refused before the audit record (and so before any read)


async def test_a_body_field_given_twice_is_refused(api: Running) -> None:
    """The last one counted: a development-token body naming role twice got the second (outside audit
    64, F5). Which one was meant is a guess: 400, as for a query parameter given twice."""
    async with http(api) as client:
        for body in ('{"role": "customer", "subject": "c1", "role": "compliance"}',
                     '{"role": "customer", "subject": "c1", "r\\u006fle": "compliance"}'):  # fmt: skip
            r = await client.post("/api/dev/tokens", content=body, headers={"content-type": "application/json"})
            check_error(r, 400, "bad_request")
        r = await client.post("/api/dev/tokens", content='{"role": "customer", "subject": "role"}',
                              headers={"content-type": "application/json"})  # fmt: skip
        assert r.status_code == 200


async def test_two_authorization_headers_are_refused(api: Running) -> None:
    """Outside audit: the first of two was used. Which one a proxy honoured is anyone's guess: 400."""
    mine = api.customer_token(uid("c"))
    async with http(api) as client:
        headers = [("authorization", f"Bearer {mine}"), ("authorization", "Bearer someone-elses")]
        check_error(await client.get("/api/archive/sessions", headers=headers), 400, "bad_request")
        assert (await client.get("/api/archive/sessions", headers=bearer(mine))).status_code == 200


async def test_json_bodies_must_be_sent_as_json(api: Running) -> None:
    sid = await chat_session(api, customer_id=uid("cust"))
    staff = bearer(api.staff_token(uid("comp"), "compliance"))
    body = json.dumps({"case_ref": "SAK-415"})
    async with http(api) as client:
        for content_type in ("text/plain", "application/x-www-form-urlencoded", None):
            headers = {**staff, **({"content-type": content_type} if content_type else {})}
            r = await client.post(f"/api/staff/sessions/{sid}/holds", content=body, headers=headers)
            check_error(r, 415, "unsupported_media_type")
        assert await services(api).store.list_holds(session_id=sid) == []
        r = await client.post("/api/dev/tokens", content=json.dumps({"role": "compliance"}),
                              headers={"content-type": "text/plain"})
        check_error(r, 415, "unsupported_media_type")
        r = await client.post(f"/api/staff/sessions/{sid}/holds", content=body,
                              headers={**staff, "content-type": "Application/JSON; charset=utf-8"})
        assert r.status_code == 201


async def test_a_bodyless_post_refuses_a_body_that_is_not_json(api: Running) -> None:
    """Outside check of the docs: the objection took a ``text/plain`` post (200). A body sent to an
    operation that takes none must still be JSON, for the same cross-site reason; none at all is fine."""
    customer_id = uid("cust")
    await chat_session(api, customer_id=customer_id)
    mine = bearer(api.customer_token(customer_id))
    async with http(api) as client:
        r = await client.post("/api/archive/objection", content=b"x", headers={**mine, "content-type": "text/plain"})
        check_error(r, 415, "unsupported_media_type")
        assert (await client.get("/api/archive/objection", headers=mine)).json() == {"objection": False}
        json_headers = {**mine, "content-type": "application/json"}
        r = await client.post("/api/archive/objection", content=b"{}", headers=json_headers)
        assert r.status_code == 200
        assert (await client.post("/api/archive/objection", headers=mine)).status_code == 200


async def test_health_answers_are_not_cached(api: Running) -> None:
    async with http(api) as client:
        for path in ("/healthz", "/readyz"):
            r = await client.get(path)
            assert r.status_code == 200 and r.headers["cache-control"] == "no-store", path


async def test_a_case_export_for_a_customer_with_nothing_stored_is_an_answer(api: Running) -> None:
    """Documented: a signed bundle with no sessions (there is no customer register to 404 against)."""
    nobody = uid("cust")
    async with http(api) as client:
        r = await client.get("/api/staff/cases/export", params={"purpose": "Politiet spør", "customer_id": nobody},
                             headers=bearer(api.staff_token(uid("comp"), "compliance")))
    assert r.status_code == 200
    with zipfile.ZipFile(io.BytesIO(r.content)) as bundle:
        case = json.loads(bundle.read("case.json"))
        trail = json.loads(bundle.read("audit.json"))
    assert case["sessions"] == [] and case["scope"] == {"customer_id": nobody}
    assert [a["action"] for a in trail] == ["export_case"]


async def test_a_json_body_sent_to_the_objection_must_be_an_empty_object_of_at_most_16_kib(api: Running) -> None:
    """Outside audit 62, F6: with ``Content-Type: application/json`` the objection took ``{``, ``[]``,
    ``null``, invalid UTF-8 and 17-20 KB bodies (200, and the objection recorded). The body is optional;
    one that is sent must be what the document says: a JSON object (400 ``bad_json``) of at most 16 KiB
    (413 ``too_long``, also chunked), and with no fields (400: ``{"objection": false}`` would object)."""
    customer_id = uid("cust")
    await chat_session(api, customer_id=customer_id)
    mine = bearer(api.customer_token(customer_id))
    as_json = {**mine, "content-type": "application/json"}

    async def chunked(size: int) -> AsyncIterator[bytes]:
        yield b'{"x": "'
        yield b"x" * size
        yield b'"}'

    async with http(api) as client:
        for body in (b"{", b"[]", b"null", b'"x"', b"\xff\xfe", b" "):
            r = await client.post("/api/archive/objection", content=body, headers=as_json)
            check_error(r, 400, "bad_json")
        r = await client.post("/api/archive/objection", content=b'{"objection": false}', headers=as_json)
        check_error(r, 400, "bad_request")
        r = await client.post("/api/archive/objection", content=b"x" * 17_000, headers=as_json)
        check_error(r, 413, "too_long")
        r = await client.post("/api/archive/objection", content=chunked(20_000), headers=as_json)
        check_error(r, 413, "too_long")
        assert r.headers["cache-control"] == "no-store"
        assert (await client.get("/api/archive/objection", headers=mine)).json() == {"objection": False}
        for body in (b"", b"{}", b' { } '):
            r = await client.post("/api/archive/objection", content=body, headers=as_json)
            assert r.status_code == 200, (body, r.text)
        assert (await client.get("/api/archive/objection", headers=mine)).json() == {"objection": True}


async def test_a_body_sent_to_an_operation_that_takes_none_must_be_json(api: Running) -> None:
    """Outside audit 62, F6: ``DELETE /api/archive/sessions/{id}`` with a ``text/plain`` body erased the
    session (204), and ``DELETE /api/archive/objection`` with a form body withdrew it (200). The body rules
    hold for every API operation, from one place: non-JSON 415 unread, bad JSON 400, over 16 KiB 413."""
    customer_id = uid("cust")
    sid = await chat_session(api, customer_id=customer_id)
    mine = bearer(api.customer_token(customer_id))
    text = {**mine, "content-type": "text/plain"}
    form = {**mine, "content-type": "application/x-www-form-urlencoded"}
    async with http(api) as client:
        assert (await client.post("/api/archive/objection", headers=mine)).status_code == 200
        for headers in (text, form):
            r = await client.request("DELETE", f"/api/archive/sessions/{sid}", content=b"erase=1", headers=headers)
            check_error(r, 415, "unsupported_media_type")
            r = await client.request("DELETE", "/api/archive/objection", content=b"objection=0", headers=headers)
            check_error(r, 415, "unsupported_media_type")
            r = await client.request("GET", "/api/archive/sessions", content=b"x=1", headers=headers)
            check_error(r, 415, "unsupported_media_type")
        as_json = {**mine, "content-type": "application/json"}
        r = await client.request("DELETE", f"/api/archive/sessions/{sid}", content=b"{", headers=as_json)
        check_error(r, 400, "bad_json")
        r = await client.request("DELETE", f"/api/archive/sessions/{sid}", content=b"x" * 17_000, headers=as_json)
        check_error(r, 413, "too_long")
        assert (await client.get(f"/api/archive/sessions/{sid}", headers=mine)).status_code == 200
        assert (await client.get("/api/archive/objection", headers=mine)).json() == {"objection": True}
        # An empty body, whatever its type, is no body; ``{}`` as JSON is fine too.
        r = await client.request("DELETE", "/api/archive/objection", content=b"", headers=text)
        assert r.status_code == 200
        r = await client.request("DELETE", f"/api/archive/sessions/{sid}", content=b"{}", headers=as_json)
        assert r.status_code == 204
