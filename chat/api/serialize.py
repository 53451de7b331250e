"""The HTTP API's wire format in one place: JSON bodies out, query parameters in, the error body.

Keeping every shape here means the OpenAPI document (:mod:`chat.api.openapi`) has exactly one piece of
code to agree with, and the tests check served bodies against that document. Handlers never build JSON
by hand and never format a time themselves.

Every response carries ``Cache-Control: no-store``: archive pages hold transcripts and personal data, and
neither a browser cache nor a proxy may keep a copy after the customer logs out or erases a chat.

Errors leave handlers as :class:`chat.errors.ChatlogError` and are turned into
``{"error": {"code", "message"}}`` with the error's own ``http_status`` by :func:`endpoint`, which wraps
every API handler, so the mapping lives here and ``chat/app.py`` needs no exception handler of its own.
Unexpected exceptions become a bare 500 whose log line names the exception type and the handler only:
exception messages of libraries can quote input, and inputs here are personal data.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import UTC, date, datetime, time
from typing import Any, Final

import orjson
from starlette.requests import Request
from starlette.responses import Response

from chat.errors import AuthError, ChatlogError, MethodNotAllowed, ProtocolError, TooLong, UnsupportedMediaType
from chat.protocol import iso, refuse_repeated_fields
from chat.store.base import AuditRecord, Hold, Retention, SessionRecord, StoredMessage

__all__ = [
    "JSON",
    "MethodNotAllowed",
    "audit_out",
    "cursor_param",
    "customer_session",
    "endpoint",
    "error_response",
    "hold_out",
    "id_param",
    "json_body",
    "json_response",
    "limit_param",
    "message_out",
    "read_body",
    "staff_retention",
    "staff_session",
    "time_param",
    "ts",
]

log = logging.getLogger("chat.api")

JSON = dict[str, Any]
Handler = Callable[[Request], Awaitable[Response]]

#: The realm named in ``WWW-Authenticate`` (RFC 6750 §3).
REALM: Final = "chatlog"
#: Ids in query strings (session, customer, staff, hold ids) are short tokens, never free text.
MAX_ID_CHARS: Final = 128
#: Request bodies here are tiny (a case reference and a reason); anything bigger is refused unread.
MAX_BODY_BYTES: Final = 16_384
_NO_STORE: Final = {"Cache-Control": "no-store"}


# --- responses ----------------------------------------------------------------------------------------


def json_response(data: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    """orjson, not the standard library: exports of a customer's whole history can be large."""
    return Response(
        orjson.dumps(data),
        status_code=status,
        media_type="application/json",
        headers={**_NO_STORE, **(headers or {})},
    )


def error_response(exc: ChatlogError) -> Response:
    headers: dict[str, str] = {}
    if isinstance(exc, AuthError):
        # RFC 6750 §3.1: no error attribute when the request carried no credentials at all.
        challenge = f'Bearer realm="{REALM}"'
        if exc.code != "missing_token":
            challenge += ', error="invalid_token"'
        headers["WWW-Authenticate"] = challenge
    body = {"error": {"code": exc.code, "message": exc.message}}
    return json_response(body, exc.http_status, headers)


def endpoint(handler: Handler) -> Handler:
    """Wrap an API handler: our errors become their JSON error body, anything else a logged 500."""

    @functools.wraps(handler)
    async def wrapped(request: Request) -> Response:
        try:
            return await handler(request)
        except ChatlogError as exc:
            return error_response(exc)
        except Exception as exc:
            log.error("api handler failed", extra={"endpoint": handler.__name__, "error": type(exc).__name__})
            return error_response(ChatlogError("internal error"))

    return wrapped


# --- times --------------------------------------------------------------------------------------------


def ts(at: datetime | None) -> str | None:
    """Times on the wire, as on the websocket: ISO 8601 UTC with milliseconds and ``Z``."""
    return None if at is None else iso(at.astimezone(UTC))


# --- shapes: customers --------------------------------------------------------------------------------


def _customer_retention(retention: Retention) -> JSON:
    """What a customer is told: the tier and until when they see the chat (not staff-side expiry)."""
    return {"tier": retention.tier, "visible_until": ts(retention.visible_until)}


def message_out(message: StoredMessage, *, staff: bool = False) -> JSON:
    """Customers do not see which bot or employee wrote; staff do (``sender_id``)."""
    out: JSON = {"seq": message.seq, "from": message.sender, "text": message.text, "at": ts(message.at)}
    if staff:
        out["sender_id"] = message.sender_id
    return out


def _session_core(record: SessionRecord) -> JSON:
    return {
        "session_id": record.session_id,
        "kind": record.kind,
        "state": record.state,
        "created_at": ts(record.created_at),
        "ended_at": ts(record.ended_at),
        # seq numbers every message of the session from 1 without gaps, so the last one is the count.
        "message_count": record.last_seq,
    }


def customer_session(
    record: SessionRecord, retention: Retention, messages: Sequence[StoredMessage] | None = None
) -> JSON:
    """``retention`` is the one the customer is shown (the caller's: without any legal hold, see
    :mod:`chat.api.archive`), never taken from the record here, so a hold cannot slip through."""
    out = _session_core(record)
    out["retention"] = _customer_retention(retention)
    if messages is not None:
        out["messages"] = [message_out(m) for m in messages]
    return out


# --- shapes: staff ------------------------------------------------------------------------------------


def hold_out(hold: Hold) -> JSON:
    return {
        "hold_id": hold.hold_id,
        "session_id": hold.session_id,
        "case_ref": hold.case_ref,
        "placed_by": hold.placed_by,
        "placed_at": ts(hold.placed_at),
        "released_at": ts(hold.released_at),
        "released_by": hold.released_by,
        "active": hold.active,
    }


def staff_retention(record: SessionRecord, holds: Sequence[Hold] | None = None) -> JSON:
    """``holds`` is left out (``None``) for advisers: case references of compliance are not theirs to see."""
    out: JSON = {
        "tier": record.retention.tier,
        "expire_at": ts(record.retention.expire_at),
        "visible_until": ts(record.retention.visible_until),
        "legal_hold": record.legal_hold,
    }
    if holds is not None:
        out["holds"] = [hold_out(h) for h in holds]
    return out


def staff_session(
    record: SessionRecord,
    *,
    holds: Sequence[Hold] | None = None,
    messages: Sequence[StoredMessage] | None = None,
) -> JSON:
    out = _session_core(record)
    out["customer_id"] = record.customer_id
    out["adviser_ids"] = list(record.adviser_ids)
    out["objection"] = record.objection
    out["retention"] = staff_retention(record, holds)
    # The brief names these three on the session itself; the retention block above carries them too.
    out["tier"] = record.retention.tier
    out["expire_at"] = ts(record.retention.expire_at)
    out["legal_hold"] = record.legal_hold
    if messages is not None:
        out["messages"] = [message_out(m, staff=True) for m in messages]
    return out


def audit_out(record: AuditRecord) -> JSON:
    return {
        "audit_id": record.audit_id,
        "at": ts(record.at),
        "actor_id": record.actor_id,
        "role": record.role,
        "action": record.action,
        "purpose": record.purpose,
        "session_id": record.session_id,
        "customer_id": record.customer_id,
        "expire_at": ts(record.expire_at),
    }


# --- query parameters and bodies ----------------------------------------------------------------------


def _bad(message: str, code: str = "bad_request") -> ProtocolError:
    return ProtocolError(message, code=code)


def limit_param(request: Request, *, default: int, maximum: int) -> int:
    raw = request.query_params.get("limit")
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= maximum:
        raise _bad(f"limit must be an integer from 1 to {maximum}")
    return int(raw)


#: What a cursor looks like (unpadded URL-safe base64, chat/store/cursor.py); the OpenAPI document
#: publishes this pattern.
CURSOR_PATTERN: Final = "^[A-Za-z0-9_-]+$"
MAX_CURSOR_CHARS: Final = 1024
_CURSOR = re.compile(CURSOR_PATTERN)


def cursor_param(request: Request) -> str | None:
    """Checked for its shape here; :mod:`chat.api.pages` checks it belongs to the list (400 otherwise)."""
    raw = request.query_params.get("cursor")
    if raw is None:
        return None
    if len(raw) > MAX_CURSOR_CHARS or _CURSOR.fullmatch(raw) is None:
        raise _bad("invalid cursor", code="invalid_cursor")
    return raw


def id_param(request: Request, name: str) -> str | None:
    raw = request.query_params.get(name)
    if raw is None:
        return None
    if not raw or len(raw) > MAX_ID_CHARS or not raw.isprintable() or raw.strip() != raw:
        raise _bad(f"{name} must be an id of 1-{MAX_ID_CHARS} printable characters")
    return raw


def time_param(request: Request, name: str) -> datetime | None:
    """ISO 8601. A date alone means its UTC midnight; a time must carry its offset (``Z`` or ``+01:00``):
    guessing the zone of a naive time would silently shift an audit or statistics window."""
    raw = request.query_params.get(name)
    if raw is None:
        return None
    try:
        if len(raw) == 10:
            return datetime.combine(date.fromisoformat(raw), time(), tzinfo=UTC)
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise _bad(f"{name} must be an ISO 8601 date or date-time") from None
    if value.tzinfo is None or value.utcoffset() is None:
        raise _bad(f"{name} must include a UTC offset, e.g. 2025-01-31T12:00:00Z")
    try:
        return value.astimezone(UTC)
    except OverflowError:  # e.g. 0001-01-01T00:00:00+01:00 is before datetime.min in UTC
        raise _bad(f"{name} is out of range") from None


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _sends_body(request: Request) -> bool:
    declared = request.headers.get("content-length")
    return (declared is not None and declared.strip("0") != "") or "transfer-encoding" in request.headers


async def read_body(request: Request, *, takes_fields: bool) -> JSON:
    """The body rules of every API operation, applied in one place (:func:`chat.api.routes` calls this
    before the handler runs; handlers get the result from :func:`json_body`).

    A body is a JSON object of at most :data:`MAX_BODY_BYTES`, read in chunks so a huge one is never
    buffered (413 ``too_long``), sent as ``application/json`` (parameters such as ``charset`` allowed),
    else 415 *unread*: a browser sends a ``text/plain`` or form post to any site without asking it first
    (no CORS preflight), so accepting those would let another site's page post here in the user's name.
    Anything that is not a JSON object (``{``, ``[]``, ``null``, invalid UTF-8) is 400 ``bad_json``.

    ``takes_fields``: the operation's document declares a required body with fields (a hold, a
    development token). Any other operation takes none, and one sent anyway must follow the same rules
    and be empty or ``{}`` (400 ``bad_request`` for fields: ``{"objection": false}`` posted to the
    objection would otherwise record the opposite of what it says); ``{}`` is returned for no body."""
    if not takes_fields and not _sends_body(request):
        return {}
    if _media_type(request) != "application/json":
        raise UnsupportedMediaType("send the body as JSON with Content-Type: application/json"
                                   if takes_fields else "this operation takes no body; one sent anyway must be JSON")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise TooLong(f"the request body is larger than {MAX_BODY_BYTES} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise TooLong(f"the request body is larger than {MAX_BODY_BYTES} bytes")
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw and not takes_fields:  # chunked, but with nothing in it
        return {}
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise _bad("the request body must be a JSON object", code="bad_json") from None
    if not isinstance(body, dict):
        raise _bad("the request body must be a JSON object", code="bad_json")
    refuse_repeated_fields(raw, body)
    if body and not takes_fields:
        raise _bad("this operation takes no fields: send no body, or {}")
    return body


def json_body(request: Request) -> JSON:
    """The JSON object :func:`read_body` read for this request before the handler ran."""
    body: JSON | None = getattr(request.state, "json_body", None)
    if body is None:
        raise RuntimeError("json_body() of a request whose body was not read by read_body()")
    return body
