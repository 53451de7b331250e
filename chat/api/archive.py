"""The customer's own archive: list, read, export, erase, object (bearer customer token).

Isolation rule: every lookup is keyed on the customer id *from the verified token*, never on anything
in the request, and a session that is someone else's, anonymous, expired or no longer visible gets the
same 404 as one that never existed, so the API cannot be used to learn that a session id is real.

What "the archive" is: the logged-in sessions the customer still sees in the online bank
(``visible_until`` in the future, retention table of the brief). The export is wider on purpose: it
carries *every* session of the customer that is still stored, including adviser-tier sessions kept for
documentation after they left the archive view (``visible_in_archive: false``), because the rights of
access and portability cover all personal data held, not only what the archive page shows. Erasure
works on the same wider set, so that anything the export shows can be asked about; the policy refuses,
with its reason, whatever must be kept.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from chat.api.auth import audit, customer, services
from chat.api.serialize import (
    JSON,
    cursor_param,
    customer_session,
    endpoint,
    json_response,
    limit_param,
    ts,
)
from chat.erasure import erasure_check
from chat.errors import ErasureRefused, UnknownSession
from chat.services import Services
from chat.store.base import SessionRecord

__all__ = ["EXPORT_FORMAT", "all_sessions", "routes"]

log = logging.getLogger("chat.api.archive")

EXPORT_FORMAT: Final = "chatlog-export/1"
DEFAULT_PAGE: Final = 20
MAX_PAGE: Final = 100
_NOT_FOUND: Final = "no such session in your archive"


async def all_sessions(svc: Services, customer_id: str, *, now: datetime) -> AsyncIterator[SessionRecord]:
    """Every stored session of a customer, newest first, one store page at a time."""
    cursor: str | None = None
    while True:
        page = await svc.store.list_sessions(customer_id=customer_id, now=now, limit=MAX_PAGE, cursor=cursor)
        for record in page.items:
            yield record
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def _owned(record: SessionRecord | None, customer_id: str) -> SessionRecord:
    if record is None or record.kind != "authenticated" or record.customer_id != customer_id:
        raise UnknownSession(_NOT_FOUND)
    return record


def _visible(record: SessionRecord, now: datetime) -> bool:
    until = record.retention.visible_until
    return until is not None and until > now


@endpoint
async def list_sessions(request: Request) -> Response:
    who = customer(request)
    svc = services(request)
    limit = limit_param(request, default=DEFAULT_PAGE, maximum=MAX_PAGE)
    page = await svc.store.list_sessions(
        customer_id=who.customer_id,
        now=svc.clock(),
        limit=limit,
        cursor=cursor_param(request),
        archive_only=True,
    )
    return json_response(
        {"sessions": [customer_session(r) for r in page.items], "next_cursor": page.next_cursor}
    )


@endpoint
async def get_session(request: Request) -> Response:
    who = customer(request)
    svc = services(request)
    now = svc.clock()
    record = _owned(await svc.store.get_session(request.path_params["session_id"], now=now), who.customer_id)
    if not _visible(record, now):
        raise UnknownSession(_NOT_FOUND)
    messages = await svc.store.get_messages(record.session_id, now=now)
    return json_response(customer_session(record, messages))


@endpoint
async def export(request: Request) -> Response:
    who = customer(request)
    svc = services(request)
    now = svc.clock()
    sessions: list[JSON] = []
    async for record in all_sessions(svc, who.customer_id, now=now):
        item = customer_session(record, await svc.store.get_messages(record.session_id, now=now))
        item["visible_in_archive"] = _visible(record, now)
        sessions.append(item)
    body = {
        "format": EXPORT_FORMAT,
        "customer_id": who.customer_id,
        "exported_at": ts(now),
        "sessions": sessions,
    }
    filename = f"chatlog-export-{now:%Y%m%d}.json"
    log.info("archive exported", extra={"sessions": len(sessions)})
    return json_response(body, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@endpoint
async def erase(request: Request) -> Response:
    who = customer(request)
    svc = services(request)
    now = svc.clock()
    record = _owned(await svc.store.get_session(request.path_params["session_id"], now=now), who.customer_id)

    await audit(
        svc,
        actor_id=who.customer_id,
        role="customer",
        action="erasure",
        purpose="customer request",
        session_id=record.session_id,
        customer_id=who.customer_id,
    )
    try:
        # Decided by the store atomically with the deletion (chat.erasure): a legal hold or an adviser
        # joining in the meantime wins over the erasure (issue 8, item 4).
        erased = await svc.store.delete_session(record.session_id, check=erasure_check(svc, who.customer_id))
    except ErasureRefused as refused:
        log.info("erasure refused", extra={"session_id": record.session_id, "tier": record.retention.tier})
        # Remembered: carried out as soon as the duty ends (a hold released), not only at expiry.
        await svc.store.mark_erasure_requested(record.session_id, at=now)
        await audit(
            svc,
            actor_id=who.customer_id,
            role="customer",
            action="erasure_refused",
            purpose="customer request refused: a duty to keep applies",
            session_id=record.session_id,
            customer_id=who.customer_id,
        )
        raise ErasureRefused(f"{refused.message} It will be erased as soon as that duty ends.") from None
    if not erased:
        raise UnknownSession(_NOT_FOUND)
    await svc.hub.forget(record.session_id)
    log.info("session erased", extra={"session_id": record.session_id, "action": "erasure"})
    return Response(status_code=204, headers={"Cache-Control": "no-store"})


@endpoint
async def object_to_analytics(request: Request) -> Response:
    who = customer(request)
    svc = services(request)
    flagged = await svc.store.set_objection(who.customer_id, at=svc.clock())
    log.info("objection recorded", extra={"sessions": flagged})
    return json_response({"objection": True, "sessions_flagged": flagged})


@endpoint
async def objection_status(request: Request) -> Response:
    """Whether the customer has objected, so that the archive page can show its switch as it stands."""
    who = customer(request)
    objected = await services(request).store.has_objection(who.customer_id)
    return json_response({"objection": objected})


@endpoint
async def withdraw_objection(request: Request) -> Response:
    """The customer changes their mind: their logged-in chats count in statistics again."""
    who = customer(request)
    unflagged = await services(request).store.withdraw_objection(who.customer_id)
    log.info("objection withdrawn", extra={"sessions": unflagged})
    return json_response({"objection": False, "sessions_unflagged": unflagged})


@endpoint
async def access_log(request: Request) -> Response:
    """Who at the bank read this customer's chats, when, and why (issue 14): every staff action the
    audit log holds about the customer or their sessions, newest first. The customer's own actions are
    left out (they know them). Staff are named by role, or also by id where the bank chooses
    (``CHATLOG_ACCESS_LOG_STAFF_IDS``). A page may hold fewer entries than ``limit`` (the customer's
    own records are skipped after the store's page is read); ``next_cursor`` says whether more follow."""
    who = customer(request)
    svc = services(request)
    limit = limit_param(request, default=DEFAULT_PAGE, maximum=MAX_PAGE)
    page = await svc.store.list_audit(
        now=svc.clock(), customer_id=who.customer_id, limit=limit, cursor=cursor_param(request)
    )
    show_ids = svc.settings.access_log_staff_ids
    entries: list[JSON] = []
    for record in page.items:
        if record.role == "customer":
            continue
        entry: JSON = {
            "at": ts(record.at),
            "role": record.role,
            "action": record.action,
            "purpose": record.purpose,
            "session_id": record.session_id,
        }
        if show_ids:
            entry["staff_id"] = record.actor_id
        entries.append(entry)
    return json_response({"entries": entries, "next_cursor": page.next_cursor})


def routes() -> list[BaseRoute]:
    return [
        Route("/api/archive/sessions", list_sessions, methods=["GET"]),
        Route("/api/archive/sessions/{session_id}", get_session, methods=["GET"]),
        Route("/api/archive/sessions/{session_id}", erase, methods=["DELETE"]),
        Route("/api/archive/export", export, methods=["GET"]),
        Route("/api/archive/access-log", access_log, methods=["GET"]),
        Route("/api/archive/objection", objection_status, methods=["GET"]),
        Route("/api/archive/objection", object_to_analytics, methods=["POST"]),
        Route("/api/archive/objection", withdraw_objection, methods=["DELETE"]),
    ]
