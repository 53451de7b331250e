"""The OpenAPI 3.1 document of the HTTP API, written by hand as data and served at ``/openapi.json``.

Hand-written rather than generated from handlers because the contract is the product (the bank's front
end and compliance tooling are built against it) and because the rules that matter here (purpose,
audit, isolation, retention) are prose that no generator infers. To keep it honest, the tests check
that it lists exactly the routes the app serves, that every ``$ref`` resolves, and that real responses
of the real server validate against its schemas; ``docs/openapi.json`` is a copy kept equal to it by a
test. Regenerate the copy with ``python -m chat.api.openapi docs/openapi.json``.

Response objects are closed (``additionalProperties: false``) so that a field added to
:mod:`chat.api.serialize` without documenting it fails the tests.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any, Final

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from chat import __version__
from chat.api.auth import MAX_PURPOSE_CHARS, PRINTABLE_LINE_PATTERN
from chat.api.openapi_schemas import ROLE, SCHEMAS, STR, Schema
from chat.api.openapi_schemas import ref as _ref
from chat.api.serialize import (
    CURSOR_PATTERN,
    MAX_BODY_BYTES,
    MAX_CURSOR_CHARS,
    MAX_ID_CHARS,
    endpoint,
    json_response,
)
from chat.screens import SCREENS

__all__ = ["DOCUMENT", "OPENAPI_PATH", "render", "routes"]

OPENAPI_PATH: Final = "/openapi.json"


# --- parameters and responses -------------------------------------------------------------------------


def _query(name: str, description: str, schema: Schema | None = None, *, required: bool = False) -> Schema:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema or STR,
    }


def _path(name: str, description: str) -> Schema:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "string", "maxLength": MAX_ID_CHARS},
    }


def _limit(default: int, maximum: int) -> Schema:
    schema = {"type": "integer", "minimum": 1, "maximum": maximum, "default": default}
    return _query("limit", f"Page size, 1-{maximum}.", schema)


def _pref(name: str) -> Schema:
    return {"$ref": f"#/components/parameters/{name}"}


PARAMETERS: Final[dict[str, Schema]] = {
    "cursor": _query(
        "cursor",
        "`next_cursor` of the previous page of the same list: the same endpoint, caller and filters (the "
        "page size may change). Anything else, an edited cursor too, is a 400 `invalid_cursor`.",
        {"type": "string", "pattern": CURSOR_PATTERN, "maxLength": MAX_CURSOR_CHARS},
    ),
    "purpose": _query(
        "purpose",
        "Why staff access this data (recorded in the audit log): one line of visible text. Missing or "
        "blank: 400 `purpose_required`. Beyond the pattern (which covers the Basic Multilingual Plane), "
        "a purpose needs at least one letter, digit, punctuation mark or symbol that shows, and may hold "
        "no format or private-use character of any plane (tag characters, variation selectors 17 and "
        "up): else 400 `bad_request`.",
        {"type": "string", "minLength": 1, "maxLength": MAX_PURPOSE_CHARS, "pattern": PRINTABLE_LINE_PATTERN},
        required=True,
    ),
    "session_id": _path("session_id", "Session id (as in the websocket `welcome`)."),
    "since": _query(
        "since",
        "Inclusive start: an ISO 8601 date (UTC midnight) or date-time with offset. On `/api/stats` and "
        "`/api/stats/service` both ends must be whole UTC days (a date, or a time of 00:00 UTC: windows "
        "cut inside a day could be told apart by one chat), and the window must be positive and at most "
        "400 days (else 400).",
        {"type": "string", "format": "date-time"},
    ),
    "until": _query("until", "Exclusive end, same format as `since`.", {"type": "string", "format": "date-time"}),
}


def _error(description: str) -> Schema:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


RESPONSES: Final[dict[str, Schema]] = {
    "BadRequest": _error("Invalid parameter or body (`bad_request`, `bad_json`, `purpose_required`, "
                         "`invalid_cursor`, ...), an undeclared query parameter, or one given twice, or two "
                         "`Authorization` headers."),
    "Unauthorized": {
        **_error("Missing (`missing_token`), invalid (`invalid_token`) or expired (`expired_token`) token."),
        "headers": {
            "WWW-Authenticate": {
                "description": 'RFC 6750 challenge, e.g. `Bearer realm="chatlog", error="invalid_token"`.',
                "schema": STR,
            }
        },
    },
    "Forbidden": _error("Valid token, but this role may not do this (`forbidden`)."),
    "NotFound": _error("No such object, or not one the caller may know about."),
    "Unavailable": _error("The store is unavailable (`store_unavailable`); retry later."),
}


def _json(schema: str, description: str, headers: Schema | None = None) -> Schema:
    out: Schema = {"description": description, "content": {"application/json": {"schema": _ref(schema)}}}
    if headers:
        out["headers"] = headers
    return out


def _rref(name: str) -> Schema:
    return {"$ref": f"#/components/responses/{name}"}


_ATTACHMENT: Final[Schema] = {
    "Content-Disposition": {"description": "`attachment; filename=\"...json\"`", "schema": STR}
}
Security = list[dict[str, list[str]]]
_CUSTOMER: Final[Security] = [{"customerToken": []}]
_STAFF: Final[Security] = [{"staffToken": []}]


def _op(
    operation_id: str,
    tag: str,
    summary: str,
    description: str,
    responses: dict[str, Schema],
    *,
    security: Security | None = None,
    parameters: list[Schema] | None = None,
    body: Schema | None = None,
) -> Schema:
    op: Schema = {"operationId": operation_id, "tags": [tag], "summary": summary, "description": description}
    if parameters:
        op["parameters"] = parameters
    if body is not None:
        op["requestBody"] = body
    op["security"] = security if security is not None else []
    # Every operation refuses undeclared or repeated query parameters and two Authorization headers.
    errors: dict[str, Schema] = {"400": _rref("BadRequest")}
    if security:
        errors["401"] = _rref("Unauthorized")
    errors["503"] = _rref("Unavailable")
    op["responses"] = {**responses, **{k: v for k, v in errors.items() if k not in responses}}
    return op


_E400, _E403, _E404 = _rref("BadRequest"), _rref("Forbidden"), _rref("NotFound")
#: Every operation under /api/ applies the same body rules (chat/api/__init__.py): added to each below.
_BODY_ERRORS: Final[dict[str, Schema]] = {
    "413": _error(f"`too_long`: a request body over {MAX_BODY_BYTES // 1024} KiB (refused unread)."),
    "415": _error("`unsupported_media_type`: a request body not sent as `Content-Type: application/json` "
                  "(refused unread)."),
}
#: The body of an operation that takes no fields but where clients may well send one: none, or ``{}``.
_NO_FIELDS: Final[Schema] = {
    "required": False,
    "description": "Optional and without fields: no body, or `{}`. A body that is not a JSON object is 400 "
    "`bad_json`, one with fields 400 `bad_request`.",
    "content": {"application/json": {"schema": {"type": "object", "maxProperties": 0}}},
}
_SCREEN_PROSE: Final = {
    "widget": "The customer chat widget (`/widget/` is its demo page; banks include `widget.js` and "
    "`widget.css`). It talks to `/ws/chat`, see docs/protocol.md and docs/widget.md.",
    "desk": "The adviser desk (`/desk/`): the queue of chats waiting for a person, several chats at once. "
    "Needs an adviser token; talks to `/ws/agent`.",
    "archive": "The customer's archive page (`/archive/`, and `/archive/embed.html` for an iframe), made to be "
    "embedded in the online bank: see docs/archive.md. Needs a customer token; calls `/api/archive/...`.",
    "front": "The front door's own script and style sheet.",
    "stats": "The analysts' dashboard (`/stats/`): the service figures of `/api/stats/service` as charts and "
    "tables with CSV downloads, small cells suppressed. Needs an analyst or compliance token.",
}


def _screen(screen: str) -> Schema:
    return {
        "get": _op(f"{screen}Files", "screens", f"Static files of the {screen} screen", _SCREEN_PROSE[screen],
                   {"200": {"description": "A static file."}, "404": {"description": "No such file."}},
                   parameters=[{"name": "path", "in": "path", "required": True, "schema": STR,
                                "description": f"File under the {screen} directory."}]),
    }


_AUDITED = " Writes one audit record (who, role, action, when, purpose) before any data is read."

PATHS: Final[dict[str, Schema]] = {
    "/healthz": {
        "get": _op("healthz", "operations", "Liveness", "The process serves requests (says nothing about the store).",
                   {"200": _json("Health", "Alive.")}),
    },
    "/readyz": {
        "get": _op("readyz", "operations", "Readiness", "The store takes writes now. 503 while it does not, "
                   "or while shutting down. `relay` says whether the instances reach each other.",
                   {"200": _json("Ready", "Ready."), "503": _json("Ready", "Not ready.")}),
    },
    "/metrics": {
        "get": _op("metrics", "operations", "Prometheus metrics", "Prometheus text exposition format.",
                   {"200": {"description": "Metrics.", "content": {"text/plain": {"schema": STR}}}}),
    },
    OPENAPI_PATH: {
        "get": _op("openapi", "operations", "This document", "The OpenAPI 3.1 document of this API.",
                   {"200": {"description": "OpenAPI document.",
                            "content": {"application/json": {"schema": {"type": "object"}}}}}),
    },
    "/": {
        "get": _op("frontDoor", "screens", "Front door",
                   "Development mode: links to every screen and development tokens for each role. "
                   "Production: what the service is, and nothing more.",
                   {"200": {"description": "An HTML page.", "content": {"text/html": {"schema": STR}}}}),
    },
    **{f"/{screen}/{{path}}": _screen(screen) for screen in SCREENS},
    "/api/archive/sessions": {
        "get": _op(
            "listArchiveSessions", "customer archive", "The customer's archive",
            "Logged-in sessions of the token's customer still visible in the online-bank archive "
            "(`visible_until` in the future), newest first, keyset-paginated.",
            {"200": _json("ArchiveSessionList", "A page of sessions."), "400": _E400},
            security=_CUSTOMER, parameters=[_limit(20, 100), _pref("cursor")],
        ),
    },
    "/api/archive/sessions/{session_id}": {
        "parameters": [_pref("session_id")],
        "get": _op(
            "getArchiveSession", "customer archive", "One session with all its messages",
            "404 for another customer's session, an anonymous one, or one that expired or left the archive "
            "view: the same answer as for an id that never existed.",
            {"200": _json("ArchiveSessionDetail", "The session."), "404": _E404},
            security=_CUSTOMER,
        ),
        "delete": _op(
            "eraseArchiveSession", "customer archive", "Erase a session",
            "Deletes the session and its messages now (right to erasure). Refused with 409 "
            "`erasure_refused` and the reason where a duty to keep applies: an adviser took part "
            "(kept 5 years as documentation) or a legal hold is on; a hold is never named (tipping-off), "
            "the message then gives the reason that applies without it, or only that a legal duty to keep "
            "the chat applies. 404 for sessions that are not the customer's, and for one kept only by a "
            "hold past its normal expiry. Writes an audit record (role `customer`, action `erasure`).",
            {"204": {"description": "Erased."}, "404": _E404,
             "409": _error("`erasure_refused`: `message` says why, for the customer.")},
            security=_CUSTOMER,
        ),
    },
    "/api/archive/export": {
        "get": _op(
            "exportArchive", "customer archive", "Export everything (data portability)",
            "Every stored session of the customer with all messages as one JSON attachment, format "
            "`chatlog-export/1`, including sessions kept after they left the archive view (not one kept "
            "only by a legal hold past its normal expiry: a hold is never revealed to the customer).",
            {"200": _json("ArchiveExport", "The export.", _ATTACHMENT)},
            security=_CUSTOMER,
        ),
    },
    "/api/archive/access-log": {
        "get": _op(
            "accessLog", "customer archive", "Who read my chats",
            "Every staff action the audit log holds about the token's customer or their sessions (reads, "
            "searches, case exports, advisers taking a chat over), newest first, except legal holds, never "
            "shown to the customer (tipping-off rules): when, which role, the stated purpose; "
            "the staff member's id too where the bank has chosen to show it "
            "(`CHATLOG_ACCESS_LOG_STAFF_IDS`). The customer's own actions are not listed. A page holds "
            "`limit` entries unless it is the last; `next_cursor` is there only when more entries follow.",
            {"200": _json("AccessLog", "A page of entries."), "400": _E400},
            security=_CUSTOMER, parameters=[_limit(20, 100), _pref("cursor")],
        ),
    },
    "/api/archive/objection": {
        "get": _op(
            "getObjection", "customer archive", "Has the customer objected?",
            "Whether the token's customer has objected to analytics use (the archive page's switch).",
            {"200": _json("ObjectionStatus", "The current state.")},
            security=_CUSTOMER,
        ),
        "post": _op(
            "objectToAnalytics", "customer archive", "Object to analytics use",
            "Records the customer's objection to analysis of their logged-in chats and flags every "
            "session of theirs (future ones too). Idempotent. Does not shorten the archive. Takes no "
            "fields: no body, or `{}`.",
            {"200": _json("Objection", "Recorded.")},
            security=_CUSTOMER, body=_NO_FIELDS,
        ),
        "delete": _op(
            "withdrawObjection", "customer archive", "Withdraw the objection",
            "The customer's logged-in chats count in statistics again (their sessions are unflagged). "
            "Idempotent: withdrawing when there is no objection unflags nothing.",
            {"200": _json("ObjectionWithdrawn", "Withdrawn.")},
            security=_CUSTOMER,
        ),
    },
    "/api/staff/sessions/{session_id}": {
        "parameters": [_pref("session_id")],
        "get": _op(
            "readStaffSession", "staff", "Read a transcript",
            "Roles `adviser` (only sessions they took part in; any other is 404 like an unknown id, and "
            "an existing one is recorded as `read_refused`) and `compliance` (any). "
            "Includes every message, the customer id of logged-in sessions and the retention block; "
            "`retention.holds` for compliance only." + _AUDITED + " Action `read_session`.",
            {"200": _json("StaffSessionDetail", "The session."), "400": _E400, "403": _E403, "404": _E404},
            security=_STAFF, parameters=[_pref("purpose")],
        ),
    },
    "/api/staff/customers/{customer_id}/sessions": {
        "get": _op(
            "searchCustomerSessions", "compliance", "A customer's sessions",
            "Compliance only. Every stored session of the customer (not only archive-visible ones), "
            "newest first, paginated, without messages." + _AUDITED + " Action `search_customer`, "
            "one record per page requested.",
            {"200": _json("StaffSessionList", "A page of sessions."), "400": _E400, "403": _E403},
            security=_STAFF,
            parameters=[_path("customer_id", "The bank's customer id."), _pref("purpose"), _limit(20, 100),
                        _pref("cursor")],
        ),
    },
    "/api/staff/sessions/{session_id}/holds": {
        "parameters": [_pref("session_id")],
        "post": _op(
            "placeHold", "compliance", "Place a legal hold",
            "Compliance only. The session (and its messages) are kept until every hold on it is "
            "released: tier `legal_hold`, `expire_at` null. Audited (action `place_hold`, purpose "
            "`case <case_ref>: <reason>`).",
            {"201": _json("HoldChange", "The hold placed."), "400": _E400, "403": _E403, "404": _E404},
            security=_STAFF,
            body={"required": True, "content": {"application/json": {"schema": _ref("HoldRequest")}}},
        ),
    },
    "/api/staff/holds": {
        "get": _op(
            "listHolds", "compliance", "List legal holds",
            "Compliance only. Holds oldest first, optionally of one session. Not audited (no personal data).",
            {"200": _json("HoldList", "Holds."), "400": _E400, "403": _E403},
            security=_STAFF,
            parameters=[
                _query("session_id", "Only holds of this session."),
                _query("include_released", "Also released holds.", {"type": "string", "enum": ["true", "false"],
                                                                       "default": "false"}),
            ],
        ),
    },
    "/api/staff/holds/{hold_id}": {
        "delete": _op(
            "releaseHold", "compliance", "Release a legal hold",
            "Compliance only. Retention is recomputed from the session's facts; it stays `legal_hold` "
            "while other holds are active. A session past its normal expiry is deleted by the next sweep. "
            "Audited (action `release_hold`).",
            {"200": _json("HoldChange", "The released hold."), "403": _E403, "404": _E404},
            security=_STAFF, parameters=[_path("hold_id", "Hold id.")],
        ),
    },
    "/api/staff/audit": {
        "get": _op(
            "readAudit", "compliance", "Read the audit log",
            "Compliance only. Newest first, filtered by any of the parameters. Reading the audit log is "
            "itself a read of personal data: it needs a purpose and is audited (action `read_audit`), "
            "so the new record can appear in the result.",
            {"200": _json("AuditPage", "A page of audit records."), "400": _E400, "403": _E403},
            security=_STAFF,
            parameters=[
                _pref("purpose"),
                _query("actor_id", "Staff id (or customer id, for erasures) who acted."),
                _query("session_id", "Records about this session."),
                _query("customer_id", "Records about this customer."),
                _pref("since"),
                _pref("until"),
                _limit(100, 500),
                _pref("cursor"),
            ],
        ),
    },
    "/api/staff/cases/export": {
        "get": _op(
            "exportCase", "compliance", "Export a case bundle",
            "Compliance only; exactly one of `customer_id` and `session_id`. Sessions with messages and "
            "holds (released ones too) plus the audit trail, as one zip attachment for authorities or the "
            "complaints board, every file listed by its SHA-256 in a manifest signed with the service's "
            "Ed25519 key (`CHATLOG_CASE_SIGNING_KEY_FILE`; 503 `not_configured` in production without one). "
            "Layout: schema CaseBundle. A customer with no stored session gets a bundle all the same "
            "(`sessions` empty, their audit trail, e.g. erasures): \"nothing held\" is an answer too."
            + _AUDITED + " Action `export_case`.",
            {"200": {"description": "The bundle (zip).", "headers": _ATTACHMENT,
                     "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}}},
             "400": _E400, "403": _E403, "404": _E404, "503": _rref("Unavailable")},
            security=_STAFF,
            parameters=[_pref("purpose"), _query("customer_id", "All of this customer's sessions."),
                        _query("session_id", "One session.")],
        ),
    },
    "/api/dev/tokens": {
        "post": _op(
            "issueDevToken", "development", "A development token",
            "Development mode only (404 in production): a token signed with the server's local development "
            "key, valid 8 hours, for a customer or a staff role. The front door `/` uses it.",
            {"200": _json("DevToken", "The token."), "400": _E400, "404": _E404},
            body={"required": True, "content": {"application/json": {"schema": _ref("DevTokenRequest")}}},
        ),
    },
    "/api/stats/service": {
        "get": _op(
            "serviceStats", "analytics", "Service figures",
            "Roles `analyst` and `compliance`. Volume by kind, handovers and chats left waiting, time to the "
            "first answer and to an adviser, chat length, topics; per day and over the window (same window "
            "rules as `/api/stats`). Sessions whose customer objected are left out. Any count from 1 to 4 "
            "sessions, and any count that subtraction from published totals would give back, reads "
            "`\"<5\"`. No text, no ids, no audit.",
            {"200": _json("ServiceStats", "Figures."), "400": _E400, "403": _E403},
            security=_STAFF, parameters=[_pref("since"), _pref("until")],
        ),
    },
    "/api/stats": {
        "get": _op(
            "stats", "analytics", "Aggregated statistics",
            "Roles `analyst` and `compliance`. Per-day counts over anonymous (already redacted) sessions "
            "only; logged-in chats never count. No text, no ids, no audit. Default window: the 30 days "
            "up to the end of today (UTC); at most 400 days.",
            {"200": _json("Stats", "Counts."), "400": _E400, "403": _E403},
            security=_STAFF, parameters=[_pref("since"), _pref("until")],
        ),
    },
}



def _add_body_errors() -> None:
    """413 and 415 on every operation under /api/: the body rules hold for all of them."""
    for path, item in PATHS.items():
        if path.startswith("/api/"):
            for operation in item.values():
                if "responses" in operation:
                    operation["responses"].update(_BODY_ERRORS)


_add_body_errors()

_BEARER_PROSE: Final = (
    "A JWT signed by the bank's identity provider (asymmetric algorithms only), sent as "
    "`Authorization: Bearer <token>`, never in a URL. "
)

DOCUMENT: Final[dict[str, Any]] = {
    "openapi": "3.1.0",
    "info": {
        "title": "chatlog HTTP API",
        "version": __version__,
        "summary": "Customer chat archive, staff access with audit, legal holds and statistics.",
        "description": (
            "Customers read, export and erase their own chat archive; staff read transcripts for a "
            "stated purpose (every read is audited); compliance places legal holds and exports case "
            "bundles; analysts see counts over anonymised data only. Errors are always "
            '`{"error": {"code", "message"}}`. Request bodies, on every operation: sent as '
            "`Content-Type: application/json` (else 415, unread), at most 16 KiB (else 413), a JSON object "
            "(else 400 `bad_json`); an operation that declares no body with fields takes none, or `{}` "
            "(else 400). A customer can never reach another customer's data: "
            "such requests get 404, exactly like unknown ids. Human documentation: docs/api.md; the "
            "websocket protocol (`x-websockets`): docs/protocol.md."
        ),
        "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"},
    },
    "servers": [{"url": "/"}],
    "tags": [
        {"name": "customer archive", "description": "Bearer customer token."},
        {"name": "staff", "description": "Bearer staff token; purpose required; audited."},
        {"name": "compliance", "description": "Bearer staff token with role `compliance`."},
        {"name": "analytics", "description": "Bearer staff token with role `analyst` or `compliance`."},
        {"name": "operations", "description": "No token."},
        {"name": "development", "description": "Development mode only; 404 in production."},
        {"name": "screens", "description": "Browser screens: static files, no token (the screens ask for one)."},
    ],
    "paths": PATHS,
    "components": {
        "schemas": SCHEMAS,
        "parameters": PARAMETERS,
        "responses": RESPONSES,
        "securitySchemes": {
            "customerToken": {
                "type": "http",
                "scheme": "bearer",
                "bearerFormat": "JWT",
                "description": _BEARER_PROSE + 'Claims: `sub` = customer id, `kind` = "customer".',
            },
            "staffToken": {
                "type": "http",
                "scheme": "bearer",
                "bearerFormat": "JWT",
                "description": _BEARER_PROSE + 'Claims: `sub` = staff id, `kind` = "staff", `role` = one of '
                + ", ".join(f"`{r}`" for r in ROLE) + ".",
            },
        },
    },
    "x-websockets": {
        "/ws/chat": "The chat widget (optional customer token in the first `hello` frame). See docs/protocol.md.",
        "/ws/agent": "Bots and advisers (staff token with role `bot` or `adviser`). See docs/protocol.md.",
    },
}


def template(path: str) -> str:
    """A route's path as the document names it: "{customer_id:anytext}" is "{customer_id}"."""
    return re.sub(r"\{(\w+):\w+\}", r"{\1}", path)


def query_parameters(path: str, method: str) -> frozenset[str] | None:
    """The query parameters the document declares for an operation (``$ref``s resolved), or None if the
    document does not describe it. The API refuses any other query parameter (400): a strict contract
    that this document states once for both the server and its clients."""
    operation = PATHS.get(template(path), {}).get(method.lower())
    if operation is None:
        return None
    names = set()
    for parameter in operation.get("parameters", []):
        if "$ref" in parameter:
            parameter = PARAMETERS[parameter["$ref"].rsplit("/", 1)[-1]]
        if parameter.get("in") == "query":
            names.add(parameter["name"])
    return frozenset(names)


def takes_fields(path: str, method: str) -> bool:
    """Whether the document declares a required body with fields for the operation (a hold, a
    development token); every other operation takes none, or ``{}`` (:func:`chat.api.serialize.read_body`)."""
    operation = PATHS.get(template(path), {}).get(method.lower())
    return bool(operation and operation.get("requestBody", {}).get("required"))


def render() -> bytes:
    """The document as served, pretty-printed (the docs/openapi.json copy is these bytes)."""
    return orjson.dumps(DOCUMENT, option=orjson.OPT_INDENT_2) + b"\n"


@endpoint
async def openapi(request: Request) -> Response:
    return json_response(DOCUMENT)


def routes() -> list[BaseRoute]:
    return [Route(OPENAPI_PATH, openapi, methods=["GET"])]


def main(argv: list[str]) -> int:
    """``python -m chat.api.openapi [PATH]``: write the document to PATH (default: stdout)."""
    if len(argv) > 1:
        print("usage: python -m chat.api.openapi [PATH]", file=sys.stderr)
        return 2
    if argv:
        Path(argv[0]).write_bytes(render())
    else:
        sys.stdout.buffer.write(render())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
