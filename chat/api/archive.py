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

Legal holds are never shown to the customer, nor anything a hold alone changes (tipping-off rules of
anti-money-laundering law forbid telling a customer about an investigation; a hold's case reference or
its mere existence can do that). So the customer sees the retention their chat would have without any
hold (tier and ``visible_until``; a hold changes neither what they are told nor when the chat leaves
their view), hold records are left out of their access log, a session kept *only* by a hold past its
normal expiry is absent from the export and answers 404 to erasure (as it would had it expired), and an
erasure refused because of a hold gives the reason that applies without it, or a neutral "a legal duty
to keep it applies" (never "legal hold"). Staff views are unchanged.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from chat.api import pages
from chat.api.auth import audit, customer, services
from chat.api.serialize import (
    JSON,
    customer_session,
    endpoint,
    json_response,
    limit_param,
    ts,
)
from chat.erasure import erasure_check
from chat.errors import ErasureRefused, UnknownSession
from chat.services import Services
from chat.store.base import AuditRecord, ErasureCheck, Retention, SessionRecord
from chat.store.cursor import audit_cursor_after

__all__ = [
    "DUTY_TO_KEEP",
    "EXPORT_FORMAT",
    "HIDDEN_FROM_CUSTOMER",
    "all_sessions",
    "customer_retention",
    "routes",
]

log = logging.getLogger("chat.api.archive")

EXPORT_FORMAT: Final = "chatlog-export/1"
DEFAULT_PAGE: Final = 20
MAX_PAGE: Final = 100
_NOT_FOUND: Final = "no such session in your archive"
#: Why a held chat cannot be erased, as the customer is told when no other duty applies: true (a legal
#: duty does apply) and no more than that, so that it reveals no hold (see the module docstring).
DUTY_TO_KEEP: Final = "The bank has a legal duty to keep this chat for now, so it cannot be erased yet."
#: Audit actions never shown in the customer's access log. Holds: tipping-off (module docstring). A
#: refused adviser read: nothing was read; it is an internal control matter that compliance follows up
#: in the staff audit log, and a customer cannot act on it (docs/api.md).
HIDDEN_FROM_CUSTOMER: Final = frozenset({"place_hold", "release_hold", "read_refused"})


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


def customer_retention(svc: Services, record: SessionRecord) -> Retention:
    """The session's retention as if no legal hold were on: what the customer is shown and held to."""
    if not record.legal_hold and record.retention.tier != "legal_hold":
        return record.retention
    return svc.policy.for_session(record, legal_hold=False)


def _kept_only_by_hold(svc: Services, record: SessionRecord, now: datetime) -> bool:
    """Past the expiry it would have without a hold: for the customer it is gone, as it would be."""
    expire_at = customer_retention(svc, record).expire_at
    return expire_at is not None and expire_at <= now


def _visible(record: SessionRecord, now: datetime) -> bool:
    until = record.retention.visible_until
    return until is not None and until > now


@endpoint
async def list_sessions(request: Request) -> Response:
    who = customer(request)
    svc = services(request)
    limit = limit_param(request, default=DEFAULT_PAGE, maximum=MAX_PAGE)
    scope = ("archive/sessions", who.customer_id)
    page = await svc.store.list_sessions(
        customer_id=who.customer_id,
        now=svc.clock(),
        limit=limit,
        cursor=pages.redeem(request, svc, scope),
        archive_only=True,
    )
    return json_response(
        {
            "sessions": [customer_session(r, customer_retention(svc, r)) for r in page.items],
            "next_cursor": pages.issue(svc, scope, page.next_cursor),
        }
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
    return json_response(customer_session(record, customer_retention(svc, record), messages))


@endpoint
async def export(request: Request) -> Response:
    who = customer(request)
    svc = services(request)
    now = svc.clock()
    sessions: list[JSON] = []
    async for record in all_sessions(svc, who.customer_id, now=now):
        if _kept_only_by_hold(svc, record, now):
            continue
        messages = await svc.store.get_messages(record.session_id, now=now)
        item = customer_session(record, customer_retention(svc, record), messages)
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


def _customer_check(svc: Services, customer_id: str) -> ErasureCheck:
    """The store's erasure decision, with a hold's reason replaced by what the customer may be told:
    the reason that applies without the hold (an adviser took part), else :data:`DUTY_TO_KEEP`."""
    decide = erasure_check(svc, customer_id)

    def check(current: SessionRecord, held: bool) -> str | None:
        reason = decide(current, held)
        if reason is None or not (held or current.legal_hold or current.retention.tier == "legal_hold"):
            return reason
        unheld = dataclasses.replace(current, legal_hold=False, retention=customer_retention(svc, current))
        return svc.policy.erasure_refusal(unheld) or DUTY_TO_KEEP

    return check


@endpoint
async def erase(request: Request) -> Response:
    who = customer(request)
    svc = services(request)
    now = svc.clock()
    record = _owned(await svc.store.get_session(request.path_params["session_id"], now=now), who.customer_id)
    if _kept_only_by_hold(svc, record, now):
        raise UnknownSession(_NOT_FOUND)

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
        erased = await svc.store.delete_session(record.session_id, check=_customer_check(svc, who.customer_id))
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
    left out (they know them), and so are :data:`HIDDEN_FROM_CUSTOMER` (legal holds: tipping-off;
    refused adviser reads: nothing was read).
    Staff are named by role, or also by id where the bank chooses (``CHATLOG_ACCESS_LOG_STAFF_IDS``).
    A page ends on the last entry it shows: the records it leaves out are read past on the server, and
    never end a page or stand behind its ``next_cursor``. (Ending a page where the store's page ended let
    an empty page with a cursor, or the cursor's own record, tell a customer that a hold had been placed
    on their chat, and when: found by an outside audit with ``limit=1``.) ``next_cursor`` is there only
    when another entry the customer may see follows."""
    who = customer(request)
    svc = services(request)
    limit = limit_param(request, default=DEFAULT_PAGE, maximum=MAX_PAGE)
    scope = ("archive/access-log", who.customer_id)
    cursor = pages.redeem(request, svc, scope)
    show_ids = svc.settings.access_log_staff_ids
    shown: list[AuditRecord] = []
    more = False
    while not more:
        page = await svc.store.list_audit(now=svc.clock(), customer_id=who.customer_id, limit=MAX_PAGE, cursor=cursor)
        for record in page.items:
            if record.role == "customer" or record.action in HIDDEN_FROM_CUSTOMER:
                continue
            if len(shown) == limit:
                more = True  # one more visible entry follows the page: only now is there a next page
                break
            shown.append(record)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    entries: list[JSON] = []
    for record in shown:
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
    after = audit_cursor_after(shown[-1].at, shown[-1].audit_id) if more else None
    return json_response({"entries": entries, "next_cursor": pages.issue(svc, scope, after)})


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
