"""Page cursors bound to the one list they were issued for (endpoint, caller, and filters).

The store's cursors (:mod:`chat.store.cursor`) say only where a page ends in *some* list of their kind:
one customer's session cursor was accepted on another customer's list (an empty page, 200), a
compliance search cursor of one customer on another's, a customer's access-log cursor on the staff
audit log. Harmless for isolation (every query is still keyed on the token), but a client mixing up
cursors got a wrong page instead of an error, against the contract ("cursors belong to one list").

So the API hands out ``tag + store cursor``, where ``tag`` is a keyed MAC (HMAC-SHA256, 128 bits) of
the list's scope and the store cursor. A cursor used on another list, for another caller or with other
filters, or edited at all, fails the check: 400 ``invalid_cursor``, before any audit record is written
or anything is read. Keyed rather than a plain hash so that the cursor, which travels in URLs and so in
proxy logs, carries nothing from which a customer id (a fødselsnummer, say) could be recovered by
trying them all. The key is the service's message-id key (:mod:`chat.msgids`), under its own domain
tag: a secret that every instance sharing the store already shares, so a cursor from one instance
works on the next, and across restarts.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Sequence
from typing import Final

from starlette.requests import Request

from chat.api.serialize import cursor_param
from chat.errors import ProtocolError
from chat.msgids import PREFIX
from chat.services import Services

__all__ = ["INVALID_CURSOR", "issue", "redeem"]

#: The error code of every cursor the server refuses (also in docs/api.md's table).
INVALID_CURSOR: Final = "invalid_cursor"
#: Domain separation from the message-id hashes made with the same key (a session id is never this).
_DOMAIN: Final = "\x00api-cursor/1"
#: Hex characters of the MAC kept in the cursor: 128 bits.
_TAG_CHARS: Final = 32

#: What identifies a list: its name, then the caller and the filters (``None`` for an absent filter).
Scope = Sequence[str | None]


def _tag(svc: Services, scope: Scope, inner: str) -> str:
    material = json.dumps([*scope, inner], separators=(",", ":"), ensure_ascii=False)
    return svc.message_ids.hash(_DOMAIN, material)[len(PREFIX) :][:_TAG_CHARS]


def issue(svc: Services, scope: Scope, inner: str | None) -> str | None:
    """The cursor handed to the client for the store's ``inner`` cursor of the list ``scope``."""
    return None if inner is None else _tag(svc, scope, inner) + inner


def redeem(request: Request, svc: Services, scope: Scope) -> str | None:
    """The store cursor inside the request's ``cursor`` if it was issued for exactly this list, else 400."""
    raw = cursor_param(request)
    if raw is None:
        return None
    tag, inner = raw[:_TAG_CHARS], raw[_TAG_CHARS:]
    if not inner or not hmac.compare_digest(tag, _tag(svc, scope, inner)):
        raise ProtocolError(
            "this cursor was not issued for this list (another endpoint, caller or filter); start from the "
            "first page",
            code=INVALID_CURSOR,
        )
    return inner
