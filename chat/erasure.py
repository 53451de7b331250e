"""Erasing a customer's session, at their request or as soon as a duty to keep it ends (issue 14).

A customer may ask to erase a logged-in chat; the bank must refuse while it has to keep it (an adviser
took part: documentation of advice; a legal hold). A refused request is remembered on the session
(``erasure_requested_at``), and when a hold is released the request is carried out at once if nothing
else still requires keeping the chat, instead of leaving it for its normal expiry, up to three years
later. Either way an audit record is written *before* the deletion (actor: the customer, or the system
acting on the customer's earlier request), so the customer's access log shows that it happened.

The decision is made by the store in the same transaction as the deletion, on the session as it is at
that moment (a hold placed or an adviser joining in between wins over the erasure).
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime

from chat.audit import audit
from chat.errors import ErasureRefused
from chat.services import Services
from chat.store.base import ErasureCheck, SessionRecord

log = logging.getLogger(__name__)

#: The actor of an erasure the service carries out by itself (for the audit log and the access log).
SYSTEM = "system"


def erasure_check(svc: Services, customer_id: str) -> ErasureCheck:
    def check(current: SessionRecord, held: bool) -> str | None:
        if current.customer_id != customer_id:
            return "this session belongs to someone else"  # not reachable: ids are never reused
        return svc.policy.erasure_refusal(dataclasses.replace(current, legal_hold=current.legal_hold or held))

    return check


async def erase_when_duty_ended(svc: Services, session_id: str, now: datetime) -> bool:
    """Carry out a refused erasure request if nothing requires keeping the session any more; True if
    it was erased. Called when a legal hold is released."""
    record = await svc.store.get_session(session_id, now=now)
    if record is None or record.erasure_requested_at is None or record.customer_id is None:
        return False
    if svc.policy.erasure_refusal(record) is not None:
        return False  # still kept (an adviser took part, or another hold): its expiry will do it
    requested = record.erasure_requested_at.date().isoformat()
    await audit(
        svc,
        actor_id=SYSTEM,
        role=SYSTEM,
        action="erasure",
        purpose=f"the customer's erasure request of {requested}: the duty to keep the chat has ended",
        session_id=session_id,
        customer_id=record.customer_id,
    )
    try:
        erased = await svc.store.delete_session(session_id, check=erasure_check(svc, record.customer_id))
    except ErasureRefused:
        return False  # a hold placed a moment ago: the request stays pending
    if erased:
        await svc.hub.forget(session_id)
        log.info("pending erasure carried out", extra={"session_id": session_id, "action": "erasure"})
    return erased
