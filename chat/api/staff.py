"""Staff access (bearer staff token): advisers read their own sessions, compliance everything else.

Roles (the token's ``role`` claim):

* ``adviser``: ``GET /api/staff/sessions/{id}`` for sessions they took part in (``adviser_ids``). Any
  other answers 404 exactly like an unknown id (a 403 would confirm that the session exists), and,
  when the session does exist, writes a ``read_refused`` audit record: an attempt without a need is
  what compliance reviews the audit log for. The customer's access log does not list it (nothing was
  read). Advisers see the legal-hold flag but not the holds themselves: a case reference can reveal
  an investigation to the person it may concern.
* ``compliance``: any session, search by customer, legal holds, the audit log, case bundles.

Every read of personal data states a ``purpose`` and writes exactly one audit record *before* the data
is read (:func:`chat.api.auth.audit`). Reading the audit log is such a read too (it names customers and
who looked at them), so it needs a purpose and is itself audited: whoever watches the watchers is on
record. Holds change retention, not data, and are audited with the case reference as their purpose;
listing holds shows no personal data and is not audited.

Audit actions: ``read_session``, ``read_refused``, ``search_customer``, ``read_audit``, ``export_case``,
``place_hold``, ``release_hold`` (and ``erasure``, written by the customer archive).

Holds: placing one sets the session's retention to the ``legal_hold`` tier (``expire_at`` null, so the
sweeper and MongoDB's TTL monitor leave it alone); releasing the last active hold recomputes retention
from the session's facts, anchored at its creation, so a session released after its normal expiry is
deleted by the next sweep.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Final

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from chat import casebundle
from chat.api import pages
from chat.api.archive import all_sessions
from chat.api.auth import audit, require_purpose, services, staff
from chat.api.serialize import (
    JSON,
    MAX_ID_CHARS,
    audit_out,
    endpoint,
    hold_out,
    id_param,
    json_body,
    json_response,
    limit_param,
    staff_retention,
    staff_session,
    time_param,
    ts,
)
from chat.erasure import erase_when_duty_ended
from chat.errors import NotFound, ProtocolError, UnknownSession
from chat.services import Services
from chat.store.base import AuditRecord, Hold, Page, SessionRecord

__all__ = ["CASE_FORMAT", "routes"]

log = logging.getLogger("chat.api.staff")

CASE_FORMAT: Final = "chatlog-case/1"
DEFAULT_PAGE: Final = 20
MAX_PAGE: Final = 100
DEFAULT_AUDIT_PAGE: Final = 100
MAX_AUDIT_PAGE: Final = 500
MAX_CASE_REF_CHARS: Final = 200
MAX_REASON_CHARS: Final = 500
#: Rounds of write-then-recheck when holds on one session change concurrently (see _set_hold_flag).
_HOLD_SYNC_ATTEMPTS: Final = 5


async def _session(svc: Services, session_id: str, now: datetime) -> SessionRecord:
    if len(session_id) > MAX_ID_CHARS:
        raise UnknownSession("no such session")
    record = await svc.store.get_session(session_id, now=now)
    if record is None:
        raise UnknownSession("no such session")
    return record


async def _all_audit(
    svc: Services, now: datetime, *, session_id: str | None = None, customer_id: str | None = None
) -> list[AuditRecord]:
    records: list[AuditRecord] = []
    cursor: str | None = None
    while True:
        page: Page[AuditRecord] = await svc.store.list_audit(
            now=now, session_id=session_id, customer_id=customer_id, limit=MAX_AUDIT_PAGE, cursor=cursor
        )
        records.extend(page.items)
        if page.next_cursor is None:
            return records
        cursor = page.next_cursor


# --- transcripts --------------------------------------------------------------------------------------


@endpoint
async def read_session(request: Request) -> Response:
    who = staff(request, "adviser", "compliance")
    purpose = require_purpose(request)
    svc = services(request)
    now = svc.clock()
    record = await _session(svc, request.path_params["session_id"], now)
    if who.role == "adviser" and who.staff_id not in record.adviser_ids:
        # Recorded too: an attempt without a need is what the audit log is there to show (issue 14).
        await audit(
            svc, actor_id=who.staff_id, role=who.role, action="read_refused", purpose=purpose,
            session_id=record.session_id, customer_id=record.customer_id,
        )
        log.warning("staff access refused", extra={"session_id": record.session_id, "role": who.role})
        raise UnknownSession("no such session")  # the same answer as an unknown id: nothing confirmed
    await audit(
        svc,
        actor_id=who.staff_id,
        role=who.role,
        action="read_session",
        purpose=purpose,
        session_id=record.session_id,
        customer_id=record.customer_id,
    )
    holds = await svc.store.list_holds(session_id=record.session_id) if who.role == "compliance" else None
    messages = await svc.store.get_messages(record.session_id, now=now)
    log.info("staff read", extra={"session_id": record.session_id, "role": who.role, "action": "read_session"})
    return json_response(staff_session(record, holds=holds, messages=messages))


@endpoint
async def customer_sessions(request: Request) -> Response:
    who = staff(request, "compliance")
    purpose = require_purpose(request)
    svc = services(request)
    customer_id = request.path_params["customer_id"]
    if not customer_id or len(customer_id) > MAX_ID_CHARS:
        raise ProtocolError(f"customer_id must be 1-{MAX_ID_CHARS} characters")
    limit = limit_param(request, default=DEFAULT_PAGE, maximum=MAX_PAGE)
    scope = ("staff/customer-sessions", who.staff_id, customer_id)
    cursor = pages.redeem(request, svc, scope)
    await audit(
        svc, actor_id=who.staff_id, role=who.role, action="search_customer", purpose=purpose,
        customer_id=customer_id,
    )
    page = await svc.store.list_sessions(customer_id=customer_id, now=svc.clock(), limit=limit, cursor=cursor)
    return json_response(
        {"sessions": [staff_session(r) for r in page.items], "next_cursor": pages.issue(svc, scope, page.next_cursor)}
    )


# --- legal holds --------------------------------------------------------------------------------------


def _text_field(body: JSON, name: str, max_chars: int, *, missing_code: str | None = None) -> str | None:
    value = body.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if missing_code is not None:
            raise ProtocolError(f"{name} is required", code=missing_code)
        return None
    if not isinstance(value, str) or len(value) > max_chars or not value.isprintable():
        raise ProtocolError(f"{name} must be one line of text of at most {max_chars} characters")
    return value.strip()


async def _set_hold_flag(svc: Services, session_id: str, now: datetime) -> SessionRecord | None:
    """Make the session's retention agree with its active holds; the updated record, if it still exists.

    The hold rows are the authority and the session's flag follows them. Two requests placing and
    releasing holds on one session at once could each write a flag computed from an older view; so
    after writing, the holds are read again and the write repeated until they agree. The last writer
    always re-reads after its own write, so the flag ends up matching the holds that are committed.
    """
    for _ in range(_HOLD_SYNC_ATTEMPTS):
        held = bool(await svc.store.list_holds(session_id=session_id, active_only=True))
        record = await svc.store.get_session(session_id, now=now)
        if record is None:
            return None
        retention = svc.policy.for_session(record, legal_hold=held)
        await svc.store.update_session(session_id, legal_hold=held, retention=retention)
        record.legal_hold = held
        record.retention = retention
        if held == bool(await svc.store.list_holds(session_id=session_id, active_only=True)):
            return record
    log.warning("legal hold flag kept changing", extra={"session_id": session_id})
    return record


def _hold_with_retention(hold: Hold, record: SessionRecord | None) -> JSON:
    out = hold_out(hold)
    out["retention"] = None if record is None else staff_retention(record)
    return out


@endpoint
async def place_hold(request: Request) -> Response:
    who = staff(request, "compliance")
    svc = services(request)
    body = json_body(request)
    case_ref = _text_field(body, "case_ref", MAX_CASE_REF_CHARS, missing_code="case_ref_required")
    assert case_ref is not None
    reason = _text_field(body, "reason", MAX_REASON_CHARS)
    now = svc.clock()
    record = await _session(svc, request.path_params["session_id"], now)
    hold = Hold(
        hold_id=uuid.uuid4().hex,
        session_id=record.session_id,
        case_ref=case_ref,
        placed_by=who.staff_id,
        placed_at=now,
    )
    await audit(
        svc, actor_id=who.staff_id, role=who.role, action="place_hold",
        purpose=f"case {case_ref}: {reason}" if reason else f"case {case_ref}",
        session_id=record.session_id, customer_id=record.customer_id,
    )
    await svc.store.add_hold(hold)
    updated = await _set_hold_flag(svc, record.session_id, now)
    log.info("legal hold placed", extra={"session_id": record.session_id, "action": "place_hold"})
    return json_response(_hold_with_retention(hold, updated), status=201)


@endpoint
async def release_hold(request: Request) -> Response:
    who = staff(request, "compliance")
    svc = services(request)
    hold_id = request.path_params["hold_id"]
    active = [h for h in await svc.store.list_holds(active_only=True) if h.hold_id == hold_id]
    if not active:
        raise NotFound("no such active hold")
    hold = active[0]
    now = svc.clock()
    record = await svc.store.get_session(hold.session_id, now=now)
    await audit(
        svc, actor_id=who.staff_id, role=who.role, action="release_hold",
        purpose=f"case {hold.case_ref}: hold released", session_id=hold.session_id,
        customer_id=None if record is None else record.customer_id,
    )
    released = await svc.store.release_hold(hold_id, by=who.staff_id, at=now)
    if released is None:
        raise NotFound("no such active hold")
    updated = await _set_hold_flag(svc, hold.session_id, now)
    log.info("legal hold released", extra={"session_id": hold.session_id, "action": "release_hold"})
    if await erase_when_duty_ended(svc, hold.session_id, now):
        updated = None  # the customer had asked to erase it: done now that nothing requires keeping it
    return json_response(_hold_with_retention(released, updated))


@endpoint
async def list_holds(request: Request) -> Response:
    staff(request, "compliance")
    svc = services(request)
    raw = request.query_params.get("include_released", "false")
    if raw not in ("true", "false"):
        raise ProtocolError("include_released must be true or false")
    holds = await svc.store.list_holds(session_id=id_param(request, "session_id"), active_only=raw == "false")
    return json_response({"holds": [hold_out(h) for h in holds]})


# --- the audit log ------------------------------------------------------------------------------------


@endpoint
async def read_audit(request: Request) -> Response:
    who = staff(request, "compliance")
    purpose = require_purpose(request)
    svc = services(request)
    actor_id, session_id, customer_id = (id_param(request, n) for n in ("actor_id", "session_id", "customer_id"))
    since, until = time_param(request, "since"), time_param(request, "until")
    if since is not None and until is not None and since >= until:
        raise ProtocolError("since must be before until")
    limit = limit_param(request, default=DEFAULT_AUDIT_PAGE, maximum=MAX_AUDIT_PAGE)
    scope = ("staff/audit", who.staff_id, actor_id, session_id, customer_id, ts(since), ts(until))
    cursor = pages.redeem(request, svc, scope)
    about = customer_id
    if about is None and session_id is not None:
        # A read of one session's records is about its customer too: it shows who read their chat and
        # its holds, and their access log lists such reads (audit 62 F5: it was recorded without one).
        record = await svc.store.get_session(session_id, now=svc.clock())
        about = None if record is None else record.customer_id
    await audit(
        svc, actor_id=who.staff_id, role=who.role, action="read_audit", purpose=purpose,
        session_id=session_id, customer_id=about,
    )
    page = await svc.store.list_audit(
        now=svc.clock(), actor_id=actor_id, session_id=session_id, customer_id=customer_id,
        since=since, until=until, limit=limit, cursor=cursor,
    )
    next_cursor = pages.issue(svc, scope, page.next_cursor)
    return json_response({"records": [audit_out(r) for r in page.items], "next_cursor": next_cursor})


# --- case bundles -------------------------------------------------------------------------------------


def _dedupe_newest_first(records: Iterable[AuditRecord]) -> list[AuditRecord]:
    unique = {r.audit_id: r for r in records}
    return sorted(unique.values(), key=lambda r: (r.at, r.audit_id), reverse=True)


@endpoint
async def export_case(request: Request) -> Response:
    """Everything an authority or the complaints board needs about one customer or one session."""
    who = staff(request, "compliance")
    purpose = require_purpose(request)
    svc = services(request)
    customer_id, session_id = id_param(request, "customer_id"), id_param(request, "session_id")
    if (customer_id is None) == (session_id is None):
        raise ProtocolError("give exactly one of customer_id and session_id")
    now = svc.clock()
    key = casebundle.service_key(svc.settings)  # no key, no export (and no audit of one that never was)
    one = None if session_id is None else await _session(svc, session_id, now)
    await audit(
        svc, actor_id=who.staff_id, role=who.role, action="export_case", purpose=purpose,
        session_id=session_id, customer_id=customer_id if one is None else one.customer_id,
    )
    if one is not None:
        records = [one]
    else:
        assert customer_id is not None
        records = [r async for r in all_sessions(svc, customer_id, now=now)]
    sessions: list[JSON] = []
    trail: list[AuditRecord] = []
    for record in records:
        holds = await svc.store.list_holds(session_id=record.session_id, active_only=False)
        messages = await svc.store.get_messages(record.session_id, now=now)
        sessions.append(staff_session(record, holds=holds, messages=messages))
        trail += await _all_audit(svc, now, session_id=record.session_id)
    if customer_id is not None:
        trail += await _all_audit(svc, now, customer_id=customer_id)
    scope: JSON = {"customer_id": customer_id} if customer_id is not None else {"session_id": session_id}
    case = {
        "format": CASE_FORMAT,
        "exported_at": ts(now),
        "exported_by": {"staff_id": who.staff_id, "role": who.role},
        "purpose": purpose,
        "scope": scope,
        "sessions": [s["session_id"] for s in sessions],
    }
    files = {
        "case.json": _json_bytes(case),
        "audit.json": _json_bytes([audit_out(r) for r in _dedupe_newest_first(trail)]),
        **{f"sessions/{s['session_id']}.json": _json_bytes(s) for s in sessions},
    }
    bundle = casebundle.build(files, key, meta={"exported_at": ts(now), "scope": scope})
    log.info("case exported", extra={"sessions": len(sessions), "role": who.role, "action": "export_case"})
    filename = f"chatlog-case-{now:%Y%m%d-%H%M%S}.zip"
    return Response(
        bundle,
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )


def _json_bytes(value: object) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_INDENT_2)


def _get_only(route: Route) -> Route:
    """An audited read answers GET only. Starlette serves HEAD wherever GET is served, and a HEAD is the
    whole read (the audit record written, the data read) with nothing sent: a record of a read nobody
    saw, and, for a case export, a customer told of an export that never left (outside audit 62). HEAD
    then gets the API's 405 with ``Allow: GET`` (chat/api/__init__.py)."""
    route.methods = {"GET"}
    return route


def routes() -> list[BaseRoute]:
    return [
        _get_only(Route("/api/staff/sessions/{session_id}", read_session, methods=["GET"])),
        # a customer id may hold a "/" (a bank's ids are its own), sent as %2F (audit 62 F8): chat.api
        _get_only(Route("/api/staff/customers/{customer_id:anytext}/sessions", customer_sessions, methods=["GET"])),
        Route("/api/staff/sessions/{session_id}/holds", place_hold, methods=["POST"]),
        Route("/api/staff/holds", list_holds, methods=["GET"]),
        Route("/api/staff/holds/{hold_id}", release_hold, methods=["DELETE"]),
        _get_only(Route("/api/staff/audit", read_audit, methods=["GET"])),
        _get_only(Route("/api/staff/cases/export", export_case, methods=["GET"])),
    ]
