"""Staff and compliance access over the real server: roles, purpose, audit, holds, case bundles."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from chat import casebundle
from chat.cli import main as cli
from chat.store.base import AuditRecord
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
from tests.servers import Running

__all__ = ["api"]  # the module-scoped server fixture

PURPOSE = "Klage fra kunden, sak 2025-118"


async def _audit_of(server: Running, actor_id: str) -> list[AuditRecord]:
    """The actor's audit records from the API (an adviser's websocket takeover is audited too, apart)."""
    page = await services(server).store.list_audit(now=server_now(server), actor_id=actor_id, limit=1000)
    return [r for r in page.items if r.action not in ("handover_accept", "takeover")]


async def test_an_adviser_taking_over_is_audited_before_the_transcript(api: Running) -> None:
    """Issue 8, item 8: the transcript an adviser receives is a read of personal data."""
    adviser = uid("adv")
    customer = uid("cust")
    sid = await chat_session(api, customer_id=customer, adviser_id=adviser)
    page = await services(api).store.list_audit(now=server_now(api), actor_id=adviser, limit=10)
    [record] = [r for r in page.items if r.action == "handover_accept"]
    assert (record.role, record.session_id, record.customer_id) == ("adviser", sid, customer)
    assert record.purpose == "the customer asked for an adviser"


def _staff(server: Running, role: str) -> tuple[str, dict[str, str]]:
    staff_id = uid(role)
    return staff_id, bearer(server.staff_token(staff_id, role))


# --- who may call what --------------------------------------------------------------------------------

COMPLIANCE_ONLY = [
    ("GET", "/api/staff/customers/{customer}/sessions?purpose=p", None),
    ("POST", "/api/staff/sessions/{sid}/holds", {"case_ref": "SAK-9"}),
    ("GET", "/api/staff/holds", None),
    ("DELETE", "/api/staff/holds/{hold}", None),
    ("GET", "/api/staff/audit?purpose=p", None),
    ("GET", "/api/staff/cases/export?purpose=p&session_id={sid}", None),
]
ALL_STAFF = [("GET", "/api/staff/sessions/{sid}?purpose=p", None), *COMPLIANCE_ONLY]


@pytest.fixture(scope="module")
def targets() -> dict[str, str]:
    return {}


async def _fill(server: Running, targets: dict[str, str], template: str) -> str:
    """Real ids, so that a wrongly allowed call would succeed instead of failing for another reason."""
    if not targets:
        targets["customer"] = uid("cust")
        targets["sid"] = await chat_session(server, customer_id=targets["customer"])
        async with http(server) as client:
            r = await client.post(f"/api/staff/sessions/{targets['sid']}/holds", json={"case_ref": "SAK-0"},
                                  headers=_staff(server, "compliance")[1])
        targets["hold"] = r.json()["hold_id"]
    return template.format(**targets)


@pytest.mark.parametrize(("method", "path", "body"), ALL_STAFF)
async def test_staff_endpoints_refuse_bad_and_customer_tokens(
    api: Running, targets: dict[str, str], method: str, path: str, body: dict[str, Any] | None
) -> None:
    url = await _fill(api, targets, path)
    cases = {
        "missing": {},
        "customer_token": bearer(api.customer_token(targets["customer"])),
        **{name: bearer(token) for name, token in bad_tokens(api, "staff").items()},
    }
    async with http(api) as client:
        for case, headers in cases.items():
            r = await client.request(method, url, headers=headers, json=body)
            check_error(r, 401)
            assert r.headers["www-authenticate"].startswith("Bearer"), case


@pytest.mark.parametrize(("method", "path", "body"), ALL_STAFF)
@pytest.mark.parametrize("role", ["analyst", "bot", "adviser"])
async def test_wrong_role_is_403(
    api: Running, targets: dict[str, str], role: str, method: str, path: str, body: dict[str, Any] | None
) -> None:
    """Advisers reach only the transcript endpoint (and there only their own sessions: another is 404)."""
    url = await _fill(api, targets, path)
    staff_id, headers = _staff(api, role)
    transcript = role == "adviser" and path.startswith("/api/staff/sessions/{sid}?")
    async with http(api) as client:
        r = await client.request(method, url, headers=headers, json=body)
    if transcript:
        check_error(r, 404, "unknown_session")  # as for an unknown id: the session is not confirmed
    else:
        check_error(r, 403, "forbidden")
    trail = [a.action for a in await _audit_of(api, staff_id)]
    # An adviser asking for a transcript they have no part in is recorded (issue 14); nothing else is.
    assert trail == (["read_refused"] if transcript else [])


async def test_adviser_reads_only_sessions_they_took_part_in(api: Running) -> None:
    adviser = uid("adv")
    customer = uid("cust")
    theirs = await chat_session(api, customer_id=customer, texts=("Jeg trenger hjelp",), adviser_id=adviser)
    other = await chat_session(api, customer_id=customer, adviser_id=uid("adv"))
    bot_only = await chat_session(api, customer_id=customer)
    headers = bearer(api.staff_token(adviser, "adviser"))
    async with http(api) as client:
        r = await client.get(f"/api/staff/sessions/{theirs}", params={"purpose": PURPOSE}, headers=headers)
        unknown = check_error(await client.get("/api/staff/sessions/no-such-session", params={"purpose": PURPOSE},
                                               headers=headers), 404, "unknown_session")
        for sid in (other, bot_only):
            refused = check_error(await client.get(f"/api/staff/sessions/{sid}", params={"purpose": PURPOSE},
                                                   headers=headers), 404, "unknown_session")
            assert refused == unknown  # nothing tells the adviser that these sessions exist
        # The refused attempts are in the audit log (below), for compliance; not in the customer's access
        # log: nothing was read.
        log = (await client.get("/api/archive/access-log", headers=bearer(api.customer_token(customer)))).json()
        assert [e for e in log["entries"] if e["action"] == "read_refused"] == []
        staff_log = await client.get("/api/staff/audit", params={"purpose": "kontroll", "actor_id": adviser},
                                     headers=bearer(api.staff_token(uid("comp"), "compliance")))
        refused_seen = [(a["session_id"], a["purpose"]) for a in staff_log.json()["records"]
                        if a["action"] == "read_refused"]
        assert sorted(refused_seen) == sorted([(other, PURPOSE), (bot_only, PURPOSE)])
    assert r.status_code == 200
    body = r.json()
    check("StaffSessionDetail", body)
    assert body["customer_id"] == customer
    assert body["adviser_ids"] == [adviser]
    assert [(m["from"], m["sender_id"]) for m in body["messages"]] == [("customer", None), ("adviser", adviser)]
    assert body["retention"]["tier"] == "adviser"
    # The brief's flat names mirror the retention block.
    assert (body["tier"], body["expire_at"], body["legal_hold"]) == (
        "adviser", body["retention"]["expire_at"], False
    )
    assert body["expire_at"] is not None
    assert "holds" not in body["retention"]  # case references are for compliance only
    # One read, two refused attempts (newest first), and the handover that made it theirs.
    trail = [(a.action, a.session_id) for a in await _audit_of(api, adviser)]
    assert [t for t in trail if t[0] == "read_session"] == [("read_session", theirs)]
    assert sorted(t for t in trail if t[0] == "read_refused") == sorted([("read_refused", other),
                                                                      ("read_refused", bot_only)])


@pytest.mark.parametrize(
    ("purpose", "code"),
    [(None, "purpose_required"), ("", "purpose_required"), ("   ", "purpose_required"),
     ("x" * 501, "purpose_too_long"), ("line\nbreak", "bad_request"),
     # invisible beyond the published pattern (audit 62 F4): Braille and Hangul blanks, Khmer and
     # Mongolian marks, musical format controls, tag characters (which smuggle hidden ASCII),
     # variation selectors 17+, shorthand and hieroglyph format controls; a tag hidden in a real purpose
     ("\u2800", "bad_request"), ("\uffa0", "bad_request"), ("\u17b4\u17b5", "bad_request"),
     ("\u180b", "bad_request"), ("\U0001d159\U0001d173", "bad_request"), ("\U000e0001\U000e0041", "bad_request"),
     ("\U000e0100", "bad_request"), ("\U0001bca0", "bad_request"), ("\U00013430", "bad_request"),
     ("klage 2026-9\U000e0041\U000e0042", "bad_request")],
)
async def test_purpose_is_required_before_any_read(api: Running, purpose: str | None, code: str) -> None:
    sid = await chat_session(api, customer_id=uid("cust"))
    staff_id, headers = _staff(api, "compliance")
    params = {} if purpose is None else {"purpose": purpose}
    async with http(api) as client:
        for url, extra in ((f"/api/staff/sessions/{sid}", {}), (f"/api/staff/customers/{uid('c')}/sessions", {}),
                           ("/api/staff/audit", {}), ("/api/staff/cases/export", {"session_id": sid})):
            r = await client.get(url, params={**params, **extra}, headers=headers)
            assert "messages" not in r.text
            check_error(r, 400, code)
    assert await _audit_of(api, staff_id) == []


async def test_unknown_session_is_404(api: Running) -> None:
    _, headers = _staff(api, "compliance")
    async with http(api) as client:
        r = await client.get(f"/api/staff/sessions/{uid('nope')}", params={"purpose": PURPOSE}, headers=headers)
        check_error(r, 404)
        r = await client.post(f"/api/staff/sessions/{uid('nope')}/holds", json={"case_ref": "X"}, headers=headers)
        check_error(r, 404)


# --- audit: exactly one record per read, with the right fields ----------------------------------------

READS = ["adviser_read", "compliance_read", "search_customer", "read_audit", "export_customer", "export_session"]


@pytest.mark.parametrize("read", READS)
async def test_every_staff_read_writes_exactly_one_audit_record(api: Running, read: str) -> None:
    customer = uid("cust")
    adviser = uid("adv")
    sid = await chat_session(api, customer_id=customer, adviser_id=adviser)
    role = "adviser" if read == "adviser_read" else "compliance"
    staff_id = adviser if role == "adviser" else uid("comp")
    url, params, action, want_session, want_customer = {
        "adviser_read": (f"/api/staff/sessions/{sid}", {}, "read_session", sid, customer),
        "compliance_read": (f"/api/staff/sessions/{sid}", {}, "read_session", sid, customer),
        "search_customer": (f"/api/staff/customers/{customer}/sessions", {}, "search_customer", None, customer),
        # about the session's customer too: their access log lists it (audit 62 F5)
        "read_audit": ("/api/staff/audit", {"session_id": sid}, "read_audit", sid, customer),
        "export_customer": ("/api/staff/cases/export", {"customer_id": customer}, "export_case", None, customer),
        "export_session": ("/api/staff/cases/export", {"session_id": sid}, "export_case", sid, customer),
    }[read]
    before = server_now(api)
    async with http(api) as client:
        r = await client.get(url, params={"purpose": PURPOSE, **params},
                             headers=bearer(api.staff_token(staff_id, role)))
    assert r.status_code == 200, r.text
    [record] = await _audit_of(api, staff_id)
    assert (record.actor_id, record.role, record.action, record.purpose) == (staff_id, role, action, PURPOSE)
    assert (record.session_id, record.customer_id) == (want_session, want_customer)
    assert before <= record.at <= server_now(api)
    assert record.expire_at - record.at == timedelta(days=api.settings.retention_audit_days)


async def test_audit_log_filters_pages_and_audits_itself(api: Running) -> None:
    customer = uid("cust")
    sid = await chat_session(api, customer_id=customer)
    reader, headers = _staff(api, "compliance")
    async with http(api) as client:
        for n in range(3):
            r = await client.get(f"/api/staff/sessions/{sid}", params={"purpose": f"{PURPOSE} #{n}"},
                                 headers=headers)
            assert r.status_code == 200
        auditor, audit_headers = _staff(api, "compliance")
        seen: list[dict[str, Any]] = []
        cursor: str | None = None
        while True:
            params = {"purpose": "kontroll av tilgang", "actor_id": reader, "limit": "2"}
            if cursor:
                params["cursor"] = cursor
            r = await client.get("/api/staff/audit", params=params, headers=audit_headers)
            assert r.status_code == 200
            check("AuditPage", r.json())
            seen += r.json()["records"]
            cursor = r.json()["next_cursor"]
            if cursor is None:
                break
        by_session = await client.get("/api/staff/audit", params={"purpose": "p", "session_id": sid},
                                      headers=audit_headers)
    assert [rec["purpose"] for rec in seen] == [f"{PURPOSE} #{n}" for n in (2, 1, 0)]  # newest first
    assert len({rec["audit_id"] for rec in seen}) == 3
    # Reading the audit log is audited: one record per page read, plus the by-session read.
    assert {a.action for a in await _audit_of(api, auditor)} == {"read_audit"}
    assert len(await _audit_of(api, auditor)) == 3
    # The by-session read sees its own record first: it was written before the data was read.
    assert by_session.json()["records"][0]["actor_id"] == auditor


@pytest.mark.parametrize(
    "query",
    ["since=yesterday", "since=2025-01-01T00:00:00", "until=2025-13-01", "since=2025-02-01&until=2025-01-01",
     "since=0001-01-01T00:00:00%2B01:00", "limit=0", "limit=501", "cursor=bad", "actor_id=",
     "session_id=" + "x" * 200],
)
async def test_bad_audit_queries_are_400(api: Running, query: str) -> None:
    _, headers = _staff(api, "compliance")
    async with http(api) as client:
        check_error(await client.get(f"/api/staff/audit?purpose=p&{query}", headers=headers), 400)


async def test_audit_time_window(api: Running) -> None:
    sid = await chat_session(api, customer_id=uid("cust"))
    reader, headers = _staff(api, "compliance")
    async with http(api) as client:
        await client.get(f"/api/staff/sessions/{sid}", params={"purpose": PURPOSE}, headers=headers)
        [record] = await _audit_of(api, reader)
        window = {"purpose": "p", "actor_id": reader}
        at = record.at.isoformat()
        _, auditor = _staff(api, "compliance")
        inside = await client.get("/api/staff/audit", params={**window, "since": at}, headers=auditor)
        after = await client.get("/api/staff/audit", params={**window, "until": at}, headers=auditor)
    assert [r["audit_id"] for r in inside.json()["records"]] == [record.audit_id]
    assert after.json()["records"] == []  # until is exclusive


# --- compliance: search by customer -------------------------------------------------------------------


async def test_search_by_customer_pages_every_stored_session(api: Running) -> None:
    customer = uid("cust")
    created = [await chat_session(api, customer_id=customer) for _ in range(3)]
    await set_retention(api, created[0], expire_in=timedelta(days=100), visible_in=-timedelta(seconds=1))
    await chat_session(api, customer_id=uid("other"))
    _, headers = _staff(api, "compliance")
    ids: list[str] = []
    cursor: str | None = None
    async with http(api) as client:
        while True:
            params = {"purpose": PURPOSE, "limit": "2", **({"cursor": cursor} if cursor else {})}
            r = await client.get(f"/api/staff/customers/{customer}/sessions", params=params, headers=headers)
            body = r.json()
            check("StaffSessionList", body)
            assert all(s["customer_id"] == customer and "messages" not in s for s in body["sessions"])
            ids += [s["session_id"] for s in body["sessions"]]
            cursor = body["next_cursor"]
            if cursor is None:
                break
    assert ids == list(reversed(created))  # including the one out of the customer's archive view


# --- compliance: legal holds --------------------------------------------------------------------------


def _parse(at: str | None) -> datetime | None:
    return None if at is None else datetime.fromisoformat(at)


async def test_holds_change_expiry_until_the_last_is_released(api: Running) -> None:
    customer = uid("cust")
    sid = await chat_session(api, customer_id=customer)
    officer, headers = _staff(api, "compliance")
    svc = services(api)
    record = await svc.store.get_session(sid, now=server_now(api))
    assert record is not None
    normal_expiry = record.retention.expire_at
    assert normal_expiry == record.created_at + timedelta(days=api.settings.retention_archive_days)
    async with http(api) as client:
        first = await client.post(f"/api/staff/sessions/{sid}/holds",
                                  json={"case_ref": "OKOKRIM-2025-7", "reason": "Begjæring fra politiet"},
                                  headers=headers)
        second = await client.post(f"/api/staff/sessions/{sid}/holds", json={"case_ref": "FinKN-2025-3"},
                                   headers=headers)
        for r in (first, second):
            assert r.status_code == 201, r.text
            check("HoldChange", r.json())
            assert r.json()["retention"]["tier"] == "legal_hold"
            assert r.json()["retention"]["expire_at"] is None
        held = (await client.get(f"/api/staff/sessions/{sid}", params={"purpose": PURPOSE}, headers=headers)).json()
        assert held["retention"]["legal_hold"] is True and held["retention"]["expire_at"] is None
        assert [h["case_ref"] for h in held["retention"]["holds"]] == ["OKOKRIM-2025-7", "FinKN-2025-3"]

        r = await client.delete(f"/api/staff/holds/{first.json()['hold_id']}", headers=headers)
        assert r.status_code == 200
        check("HoldChange", r.json())
        assert r.json()["active"] is False and r.json()["released_by"] == officer
        assert r.json()["retention"]["expire_at"] is None  # the second hold still keeps it

        r = await client.delete(f"/api/staff/holds/{second.json()['hold_id']}", headers=headers)
        assert r.json()["retention"]["tier"] == "archive"
        assert _parse(r.json()["retention"]["expire_at"]) == normal_expiry.replace(
            microsecond=normal_expiry.microsecond // 1000 * 1000
        )
        check_error(await client.delete(f"/api/staff/holds/{second.json()['hold_id']}", headers=headers), 404)

        active = (await client.get("/api/staff/holds", params={"session_id": sid}, headers=headers)).json()
        every = (await client.get("/api/staff/holds", params={"session_id": sid, "include_released": "true"},
                                  headers=headers)).json()
    check("HoldList", every)
    assert active == {"holds": []}
    assert [h["active"] for h in every["holds"]] == [False, False]
    record = await svc.store.get_session(sid, now=server_now(api))
    assert record is not None and not record.legal_hold and record.retention.expire_at == normal_expiry
    actions = [(a.action, a.purpose) for a in reversed(await _audit_of(api, officer)) if a.action != "read_session"]
    assert actions == [
        ("place_hold", "case OKOKRIM-2025-7: Begjæring fra politiet"),
        ("place_hold", "case FinKN-2025-3"),
        ("release_hold", "case OKOKRIM-2025-7: hold released"),
        ("release_hold", "case FinKN-2025-3: hold released"),
    ]


async def test_hold_keeps_an_adviser_session_at_the_adviser_tier_after_release(api: Running) -> None:
    sid = await chat_session(api, customer_id=uid("cust"), adviser_id=uid("adv"))
    _, headers = _staff(api, "compliance")
    async with http(api) as client:
        hold = (await client.post(f"/api/staff/sessions/{sid}/holds", json={"case_ref": "S"}, headers=headers)).json()
        released = (await client.delete(f"/api/staff/holds/{hold['hold_id']}", headers=headers)).json()
    assert released["retention"]["tier"] == "adviser"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({}, 400, "case_ref_required"),
        ({"case_ref": ""}, 400, "case_ref_required"),
        ({"case_ref": "  "}, 400, "case_ref_required"),
        ({"case_ref": 17}, 400, "bad_request"),
        ({"case_ref": "x" * 201}, 400, "bad_request"),
        ({"case_ref": "S", "reason": ["no"]}, 400, "bad_request"),
        ("[1, 2]", 400, "bad_json"),
        ("{not json", 400, "bad_json"),
        ("x" * 20_000, 413, "too_long"),
    ],
)
async def test_bad_hold_requests(api: Running, body: Any, status: int, code: str) -> None:
    sid = await chat_session(api, customer_id=uid("cust"))
    _, headers = _staff(api, "compliance")
    async with http(api) as client:
        if isinstance(body, str):
            r = await client.post(f"/api/staff/sessions/{sid}/holds", content=body,
                                  headers={**headers, "content-type": "application/json"})
        else:
            r = await client.post(f"/api/staff/sessions/{sid}/holds", json=body, headers=headers)
        check_error(r, status, code)
        holds = await client.get("/api/staff/holds", params={"session_id": sid}, headers=headers)
    assert holds.json() == {"holds": []}


# --- compliance: case bundles -------------------------------------------------------------------------


def open_bundle(server: Running, data: bytes) -> dict[str, Any]:
    """Check the bundle as a receiver would (signature against the service's key, every digest), then read
    it back into one dict: case.json with its sessions and audit trail inlined."""
    key = serialization.load_pem_private_key(
        (server.settings.data_dir / "keys" / "case-signing.pem").read_bytes(), password=None
    )
    assert isinstance(key, Ed25519PrivateKey)
    verdict = casebundle.verify(data, public_key=key.public_key())
    assert verdict.ok and verdict.pinned, verdict
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        case = json.loads(zf.read("case.json"))
        check("CaseBundle", case)
        sessions = [json.loads(zf.read(f"sessions/{sid}.json")) for sid in case["sessions"]]
        for s in sessions:
            check("StaffSessionDetail", s)
        trail = json.loads(zf.read("audit.json"))
        for a in trail:
            check("AuditRecord", a)
    return {**case, "sessions": sessions, "audit": trail}


async def test_a_changed_byte_or_another_key_fails_verification(api: Running, tmp_path: Path) -> None:
    sid = await chat_session(api, customer_id=uid("cust"), texts=("Original tekst",))
    _, headers = _staff(api, "compliance")
    async with http(api) as client:
        r = await client.get("/api/staff/cases/export", params={"purpose": PURPOSE, "session_id": sid},
                             headers=headers)
    bundle = tmp_path / "case.zip"
    bundle.write_bytes(r.content)
    assert cli(["case", "verify", str(bundle)]) == 0
    # One byte of one message changed, the file re-zipped as a forger would: the digest no longer fits.
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    parts[f"sessions/{sid}.json"] = parts[f"sessions/{sid}.json"].replace(b"Original", b"Origjnal")
    forged = io.BytesIO()
    with zipfile.ZipFile(forged, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    bundle.write_bytes(forged.getvalue())
    assert cli(["case", "verify", str(bundle)]) == 1
    # A bundle re-signed with another key passes its own check, but not against the bank's pinned key.
    other = Ed25519PrivateKey.generate()
    resigned = casebundle.build({k: v for k, v in parts.items() if not k.startswith(("manifest", "signing"))},
                                other, meta={})
    bundle.write_bytes(resigned)
    assert casebundle.verify(resigned).ok
    pinned = tmp_path / "bank.pem"
    pinned.write_bytes((api.settings.data_dir / "keys" / "case-signing.pem").read_bytes())
    public = serialization.load_pem_private_key(pinned.read_bytes(), password=None).public_key()
    pem = public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    pinned.write_bytes(pem)
    assert cli(["case", "verify", str(bundle), "--public-key", str(pinned)]) == 1


async def test_case_bundle_for_a_customer(api: Running) -> None:
    customer = uid("cust")
    bot_only = await chat_session(api, customer_id=customer, texts=("Hei", "Kortet er borte"))
    advised = await chat_session(api, customer_id=customer, adviser_id=uid("adv"))
    other = await chat_session(api, customer_id=uid("other"), texts=("Ikke med i saken",))
    officer, headers = _staff(api, "compliance")
    async with http(api) as client:
        hold = (await client.post(f"/api/staff/sessions/{advised}/holds", json={"case_ref": "KLAGE-1"},
                                  headers=headers)).json()
        await client.delete(f"/api/staff/holds/{hold['hold_id']}", headers=headers)
        await client.get(f"/api/staff/sessions/{bot_only}", params={"purpose": "forberedelse"}, headers=headers)
        r = await client.get("/api/staff/cases/export", params={"purpose": PURPOSE, "customer_id": customer},
                             headers=headers)
    assert r.status_code == 200
    assert r.headers["content-disposition"].startswith('attachment; filename="chatlog-case-')
    assert r.headers["content-type"] == "application/zip"
    body = open_bundle(api, r.content)
    assert b"Ikke med i saken" not in r.content and "Ikke med i saken" not in json.dumps(body)
    assert body["format"] == "chatlog-case/1"
    assert body["exported_by"] == {"staff_id": officer, "role": "compliance"}
    assert (body["purpose"], body["scope"]) == (PURPOSE, {"customer_id": customer})
    sessions = {s["session_id"]: s for s in body["sessions"]}
    assert list(sessions) == [advised, bot_only]
    assert other not in sessions
    assert [m["text"] for m in sessions[bot_only]["messages"]] == ["Hei", "Kortet er borte"]
    assert [h["case_ref"] for h in sessions[advised]["retention"]["holds"]] == ["KLAGE-1"]  # released ones too
    trail = [(a["action"], a["session_id"]) for a in body["audit"]]
    assert trail[0] == ("export_case", None)  # the export itself, newest first
    assert ("read_session", bot_only) in trail
    assert ("place_hold", advised) in trail and ("release_hold", advised) in trail
    assert len({a["audit_id"] for a in body["audit"]}) == len(body["audit"])


async def test_case_bundle_for_one_session(api: Running) -> None:
    customer = uid("cust")
    sid = await chat_session(api, customer_id=customer)
    await chat_session(api, customer_id=customer)
    _, headers = _staff(api, "compliance")
    async with http(api) as client:
        r = await client.get("/api/staff/cases/export", params={"purpose": PURPOSE, "session_id": sid},
                             headers=headers)
        for params in ({}, {"customer_id": customer, "session_id": sid}):
            check_error(await client.get("/api/staff/cases/export", params={"purpose": PURPOSE, **params},
                                         headers=headers), 400)
        check_error(await client.get("/api/staff/cases/export", params={"purpose": PURPOSE, "session_id": uid("x")},
                                     headers=headers), 404)
    body = open_bundle(api, r.content)
    assert [s["session_id"] for s in body["sessions"]] == [sid]
    assert body["scope"] == {"session_id": sid}
    assert [(a["action"], a["session_id"], a["customer_id"]) for a in body["audit"]] == [
        ("export_case", sid, customer)
    ]


@pytest.mark.parametrize("customer_id", ["a/b", "../x", "org/42/kari"])
async def test_a_customer_id_with_a_slash_can_be_searched(api: Running, customer_id: str) -> None:
    """Audit 62 F8: such customers chat normally, but the search answered 404 "no such API endpoint"."""
    suffix = uid("c")
    who = f"{customer_id}-{suffix}"
    sid = await chat_session(api, customer_id=who)
    _, headers = _staff(api, "compliance")
    async with http(api) as client:
        r = await client.get(f"/api/staff/customers/{quote(who, safe='')}/sessions", params={"purpose": PURPOSE},
                             headers=headers)
    assert r.status_code == 200, r.text
    assert [s["session_id"] for s in r.json()["sessions"]] == [sid]


async def test_an_audited_read_serves_no_head(api: Running) -> None:
    """Audit 62: HEAD was the whole audited read with nothing sent (and a case export the customer was
    told of); now it is 405 with Allow: GET and writes no record."""
    customer = uid("cust")
    sid = await chat_session(api, customer_id=customer)
    staff_id, headers = _staff(api, "compliance")
    async with http(api) as client:
        for url, params in ((f"/api/staff/sessions/{sid}", {}), (f"/api/staff/customers/{customer}/sessions", {}),
                            ("/api/staff/audit", {}), ("/api/staff/cases/export", {"session_id": sid})):
            r = await client.head(url, params={"purpose": PURPOSE, **params}, headers=headers)
            assert r.status_code == 405, url
            assert r.headers["allow"] == "GET"
            assert r.headers["cache-control"] == "no-store"
        assert (await client.head("/api/staff/holds", headers=headers)).status_code == 200  # not audited
    assert await _audit_of(api, staff_id) == []
