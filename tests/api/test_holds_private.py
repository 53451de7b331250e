"""A customer never learns of a legal hold (audit finding: the access log showed `place_hold` with its
case reference and reason). Tipping-off rules of anti-money-laundering law forbid telling a customer
about an investigation, and a hold's case reference, or only its existence, can do that. Every customer
view is checked here: list, detail, export, access log, erasure; staff views keep showing the hold."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from chat.api.archive import DUTY_TO_KEEP
from tests.api.helpers import api, bearer, chat_session, check, check_error, http, services, uid
from tests.servers import Running, make_settings, run_in_thread

__all__ = ["api"]  # the module-scoped server fixture

CASE = "OKOKRIM-2025-7"
REASON = "police"


async def _hold(server: Running, client: Any, session_id: str) -> dict[str, Any]:
    r = await client.post(f"/api/staff/sessions/{session_id}/holds", json={"case_ref": CASE, "reason": REASON},
                          headers=bearer(server.staff_token(uid("comp"), "compliance")))
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def _no_hold_in(text: str) -> None:
    for leak in (CASE, REASON, "legal_hold", "place_hold", "release_hold", "hold"):
        assert leak not in text, leak


async def test_the_customer_sees_nothing_of_a_hold(api: Running) -> None:
    me = uid("cust")
    plain = await chat_session(api, customer_id=me)
    advised = await chat_session(api, customer_id=me, adviser_id=uid("adv"))
    token = bearer(api.customer_token(me))
    compliance = bearer(api.staff_token(uid("comp"), "compliance"))
    async with http(api) as client:
        before = {path: (await client.get(path, headers=token)).json()
                  for path in ("/api/archive/sessions", f"/api/archive/sessions/{plain}",
                               f"/api/archive/sessions/{advised}")}
        # A compliance read first: it stays listed (a read, with its purpose), unlike the hold.
        r = await client.get(f"/api/staff/sessions/{plain}", params={"purpose": "klage 2026-9"}, headers=compliance)
        assert r.status_code == 200
        holds = [await _hold(api, client, sid) for sid in (plain, advised)]
        for path, body in before.items():
            r = await client.get(path, headers=token)
            assert r.status_code == 200
            _no_hold_in(r.text)
            assert r.json() == body  # the same answer as before the hold: tier and visible_until alike
        export = await client.get("/api/archive/export", headers=token)
        check("ArchiveExport", export.json())
        _no_hold_in(export.text)
        assert {s["retention"]["tier"] for s in export.json()["sessions"]} == {"archive", "adviser"}
        log = await client.get("/api/archive/access-log", headers=token)
        check("AccessLog", log.json())
        _no_hold_in(log.text)
        assert [(e["action"], e["purpose"]) for e in log.json()["entries"] if e["session_id"] == plain] == [
            ("read_session", "klage 2026-9")
        ]
        # Erasure: refused (the duty is real), with the reason that applies without the hold.
        body = check_error(await client.delete(f"/api/archive/sessions/{plain}", headers=token), 409,
                           "erasure_refused")
        assert body["error"]["message"].startswith(DUTY_TO_KEEP)
        _no_hold_in(body["error"]["message"])
        body = check_error(await client.delete(f"/api/archive/sessions/{advised}", headers=token), 409,
                           "erasure_refused")
        assert "adviser" in body["error"]["message"]
        _no_hold_in(body["error"]["message"])
        # Staff views are unchanged: compliance sees the holds, the audit log has them.
        r = await client.get(f"/api/staff/sessions/{plain}", params={"purpose": "sak"}, headers=compliance)
        assert r.json()["retention"]["legal_hold"] is True
        assert [h["hold_id"] for h in r.json()["retention"]["holds"]] == [holds[0]["hold_id"]]
        r = await client.get("/api/staff/audit", params={"purpose": "kontroll", "session_id": plain},
                             headers=compliance)
        assert ("place_hold", f"case {CASE}: {REASON}") in [(a["action"], a["purpose"]) for a in r.json()["records"]]
        # Released, the hold stays out of the customer's log too.
        r = await client.delete(f"/api/staff/holds/{holds[1]['hold_id']}", headers=compliance)
        assert r.status_code == 200
        _no_hold_in((await client.get("/api/archive/access-log", headers=token)).text)


async def test_a_session_kept_only_by_a_hold_is_gone_for_the_customer(tmp_path: Path) -> None:
    """Past the expiry it would have without the hold, the customer sees what they would see had it
    expired: not in the export, 404 to erasure. Compliance still has it."""
    with run_in_thread(make_settings(tmp_path / "var")) as server:
        me = uid("cust")
        sid = await chat_session(server, customer_id=me)
        kept = await chat_session(server, customer_id=me, adviser_id=uid("adv"))  # 5 years: still listed
        token = bearer(server.customer_token(me))
        async with http(server) as client:
            await _hold(server, client, sid)
            svc = services(server)
            real_clock = svc.clock
            svc.clock = lambda: real_clock() + timedelta(days=4 * 366)  # archive tier: 3 years
            try:
                r = await client.get("/api/archive/export", headers=token)
                assert [(s["session_id"], s["visible_in_archive"]) for s in r.json()["sessions"]] == [(kept, False)]
                _no_hold_in(r.text)
                check_error(await client.delete(f"/api/archive/sessions/{sid}", headers=token), 404,
                            "unknown_session")
                check_error(await client.get(f"/api/archive/sessions/{sid}", headers=token), 404)
                r = await client.get(f"/api/staff/sessions/{sid}", params={"purpose": "sak"},
                                     headers=bearer(server.staff_token(uid("comp"), "compliance")))
                assert r.status_code == 200 and r.json()["legal_hold"] is True
            finally:
                svc.clock = real_clock


async def _pages(client: Any, token: dict[str, str], limit: int) -> list[tuple[list[str], bool]]:
    """Every page of the customer's access log at ``limit``: (actions shown, whether a cursor came)."""
    out: list[tuple[list[str], bool]] = []
    params: dict[str, Any] = {"limit": limit}
    while True:
        r = await client.get("/api/archive/access-log", params=params, headers=token)
        assert r.status_code == 200, r.text
        body = r.json()
        out.append(([e["action"] for e in body["entries"]], body["next_cursor"] is not None))
        if body["next_cursor"] is None:
            return out
        params = {"limit": limit, "cursor": body["next_cursor"]}


async def test_the_access_log_pages_say_nothing_of_a_hold_or_a_refused_read(api: Running) -> None:
    """Paging through the access log with any page size gives exactly the same pages with and without a
    hold and a refused read between the reads: no empty page, no extra cursor, and no cursor built on a
    hidden record (audit finding: with ``limit=1`` a hold showed as an empty page whose cursor decoded to
    the hold's time and id)."""
    me = uid("cust")
    sid = await chat_session(api, customer_id=me)
    other = await chat_session(api, customer_id=uid("cust"))
    token = bearer(api.customer_token(me))
    compliance = bearer(api.staff_token(uid("comp"), "compliance"))

    async def read() -> None:
        r = await client.get(f"/api/staff/sessions/{sid}", params={"purpose": "klage 2026-9"}, headers=compliance)
        assert r.status_code == 200

    async with http(api) as client:
        await read()
        await read()
        before = {limit: await _pages(client, token, limit) for limit in (1, 2, 3)}
        await _hold(api, client, sid)
        # an adviser's read of a held chat is refused (``read_refused``, also hidden from the customer)
        r = await client.get(f"/api/staff/sessions/{sid}", params={"purpose": "oppfølging"},
                             headers=bearer(api.staff_token(uid("adv"), "adviser")))
        assert r.status_code == 404
        r = await client.get(f"/api/staff/sessions/{other}", params={"purpose": "annen kunde"}, headers=compliance)
        assert r.status_code == 200  # another customer's record: never in this log
        await read()
        after = {limit: await _pages(client, token, limit) for limit in (1, 2, 3)}
    assert before[1] == [(["read_session"], True), (["read_session"], False)]
    assert after[1] == [(["read_session"], True)] * 2 + [(["read_session"], False)]
    for limit in (1, 2, 3):
        shown = [a for page, _ in after[limit] for a in page]
        assert shown == ["read_session"] * 3
        assert all(page for page, _ in after[limit])  # never an empty page
