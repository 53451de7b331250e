"""The schemas of the OpenAPI document (:mod:`chat.api.openapi`): the JSON bodies the API answers with.

Kept apart from the paths so that each module has one job: this one says what a session, a message, a
hold or an audit record looks like on the wire; ``openapi`` says which operation returns which. Objects
are closed (``additionalProperties: false``) so that a field added to :mod:`chat.api.serialize` without
being documented here fails the tests that validate real responses against these schemas.
"""

from __future__ import annotations

from typing import Any, Final

from anonymizer.types import ENTITY_TYPES

Schema = dict[str, Any]

# --- schema building blocks ---------------------------------------------------------------------------

TIER = ["analytics", "archive", "adviser", "legal_hold"]
KIND = ["anonymous", "authenticated"]
STATE = ["bot", "waiting", "adviser", "ended"]
SENDER = ["customer", "bot", "adviser"]
ROLE = ["adviser", "compliance", "analyst", "bot"]


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _null(schema: Schema) -> Schema:
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}


def _obj(properties: dict[str, Schema], *, optional: tuple[str, ...] = (), description: str = "") -> Schema:
    schema: Schema = {
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in optional],
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


def _array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


STR: Final[Schema] = {"type": "string"}
INT: Final[Schema] = {"type": "integer", "minimum": 0}
BOOL: Final[Schema] = {"type": "boolean"}
TIME: Final[Schema] = {"type": "string", "format": "date-time", "description": "ISO 8601 UTC, milliseconds, Z"}
CURSOR: Final[Schema] = _null({"type": "string", "description": "Opaque; pass back as `cursor` for the next page."})

_SESSION_CORE: Final[dict[str, Schema]] = {
    "session_id": STR,
    "kind": {"type": "string", "enum": KIND},
    "state": {"type": "string", "enum": STATE},
    "created_at": TIME,
    "ended_at": _null(TIME),
    "message_count": INT,
}
_MESSAGE: Final[dict[str, Schema]] = {
    "seq": {"type": "integer", "minimum": 1},
    "from": {"type": "string", "enum": SENDER},
    "text": {"type": "string", "description": "As stored: redacted (`<TYPE>` placeholders) for anonymous sessions."},
    "at": TIME,
}
_HOLD: Final[dict[str, Schema]] = {
    "hold_id": STR,
    "session_id": STR,
    "case_ref": STR,
    "placed_by": {"type": "string", "description": "Staff id of the compliance officer."},
    "placed_at": TIME,
    "released_at": _null(TIME),
    "released_by": _null(STR),
    "active": BOOL,
}
_STAFF_RETENTION: Final[dict[str, Schema]] = {
    "tier": {"type": "string", "enum": TIER},
    "expire_at": _null({**TIME, "description": "When the session is deleted; null while a legal hold is on."}),
    "visible_until": _null({**TIME, "description": "Until when the customer sees it; null for anonymous."}),
    "legal_hold": BOOL,
    "holds": {**_array(ref("Hold")), "description": "Compliance only; absent for advisers. Active holds in the "
              "transcript view; every hold, released ones too, in a case bundle."},
}
_STAFF_SESSION: Final[dict[str, Schema]] = {
    **_SESSION_CORE,
    "customer_id": _null({"type": "string", "description": "Null for anonymous sessions."}),
    "adviser_ids": _array(STR),
    "objection": {"type": "boolean", "description": "The customer objected to analytics use."},
    "retention": ref("StaffRetention"),
    "tier": {"type": "string", "enum": TIER, "description": "Same as retention.tier (the brief's flat names)."},
    "expire_at": _null({**TIME, "description": "Same as retention.expire_at; null under a legal hold."}),
    "legal_hold": {"type": "boolean", "description": "Same as retention.legal_hold."},
}
_ARCHIVE_SESSION: Final[dict[str, Schema]] = {**_SESSION_CORE, "retention": ref("CustomerRetention")}
_AUDIT_ACTIONS: Final = [
    "read_session", "search_customer", "read_audit", "export_case", "place_hold", "release_hold", "erasure",
    "erasure_refused", "handover_accept", "takeover", "read_refused",
]  # fmt: skip
_SMALL: Final[Schema] = {"$ref": "#/components/schemas/SmallCount"}
_DAY_COUNTS: Final[dict[str, Schema]] = {
    "sessions": _SMALL,
    "messages": _SMALL,
    "handovers": {"allOf": [_SMALL], "description": "Sessions in which an adviser took part."},
    "redactions": {"type": "object", "additionalProperties": _SMALL,
                   "description": "Entity type → count of redactions (never values). Types: "
                   + ", ".join(ENTITY_TYPES) + "; WITHHELD counts anonymous messages stored as `<WITHHELD>` "
                   "because the anonymizer passed its per-message deadline."},
}

SCHEMAS: Final[dict[str, Schema]] = {
    "Error": _obj(
        {"error": _obj({"code": {"type": "string", "description": "Stable, machine-readable."}, "message": STR})},
        description="Every error response. `code` is stable; `message` is for people.",
    ),
    "CustomerRetention": _obj(
        {"tier": {"type": "string", "enum": ["archive", "adviser"]}, "visible_until": _null(TIME)},
        description="The retention tier and until when the chat stays in the customer's archive, as if no "
        "legal hold were on: a hold is never revealed to the customer (docs/api.md).",
    ),
    "Message": _obj(_MESSAGE),
    "StaffMessage": _obj({**_MESSAGE, "sender_id": _null({"type": "string", "description": "Bot/adviser id."})}),
    "ArchiveSession": _obj(_ARCHIVE_SESSION),
    "ArchiveSessionDetail": _obj({**_ARCHIVE_SESSION, "messages": _array(ref("Message"))}),
    "ArchiveSessionList": _obj({"sessions": _array(ref("ArchiveSession")), "next_cursor": CURSOR}),
    "ArchiveExport": _obj(
        {
            "format": {"type": "string", "const": "chatlog-export/1"},
            "customer_id": STR,
            "exported_at": TIME,
            "sessions": _array(
                _obj(
                    {
                        **_ARCHIVE_SESSION,
                        "messages": _array(ref("Message")),
                        "visible_in_archive": {
                            "type": "boolean",
                            "description": "False for sessions kept after they left the archive view "
                            "(adviser tier: 5 years kept, 3 years visible).",
                        },
                    }
                )
            ),
        },
        description="Data portability: every stored session of the customer with all its messages, newest first.",
    ),
    "Objection": _obj({"objection": {"type": "boolean", "const": True}, "sessions_flagged": INT}),
    "ObjectionWithdrawn": _obj({"objection": {"type": "boolean", "const": False}, "sessions_unflagged": INT}),
    "ObjectionStatus": _obj({"objection": {"type": "boolean", "description": "The customer has objected."}}),
    "Hold": _obj(_HOLD),
    "DevTokenRequest": {
        "type": "object",
        "properties": {
            "role": {"type": "string", "enum": ["customer", "adviser", "bot", "compliance", "analyst"]},
            "subject": {"type": "string", "minLength": 1, "maxLength": 128,
                        "description": "The customer or staff id (default `demo-<role>`)."},
        },
        "required": ["role"],
        "additionalProperties": False,
    },
    "DevToken": _obj({"token": STR, "role": STR, "subject": STR, "expires_in": INT}),
    "HoldRequest": {
        "type": "object",
        "properties": {
            "case_ref": {"type": "string", "minLength": 1, "maxLength": 200, "description": "Required."},
            "reason": {"type": "string", "maxLength": 500, "description": "Kept in the audit record."},
        },
        "required": ["case_ref"],
    },
    "HoldChange": _obj(
        {
            **_HOLD,
            "retention": _null(ref("StaffRetention")),
        },
        description="The hold, and the session's retention after the change (null if the session is gone).",
    ),
    "HoldList": _obj({"holds": _array(ref("Hold"))}),
    "StaffRetention": _obj(_STAFF_RETENTION, optional=("holds",)),
    "StaffSession": _obj(_STAFF_SESSION),
    "StaffSessionDetail": _obj({**_STAFF_SESSION, "messages": _array(ref("StaffMessage"))}),
    "StaffSessionList": _obj({"sessions": _array(ref("StaffSession")), "next_cursor": CURSOR}),
    "AuditRecord": _obj(
        {
            "audit_id": STR,
            "at": TIME,
            "actor_id": {"type": "string", "description": "Staff id, or the customer id for `erasure`."},
            "role": {"type": "string", "enum": [*ROLE, "customer", "system"]},
            "action": {"type": "string", "enum": _AUDIT_ACTIONS},
            "purpose": STR,
            "session_id": _null(STR),
            "customer_id": _null(STR),
            "expire_at": TIME,
        }
    ),
    "AuditPage": _obj({"records": _array(ref("AuditRecord")), "next_cursor": CURSOR}),
    "CaseBundle": _obj(
        {
            "format": {"type": "string", "const": "chatlog-case/1"},
            "exported_at": TIME,
            "exported_by": _obj({"staff_id": STR, "role": {"type": "string", "enum": ROLE}}),
            "purpose": STR,
            "scope": _obj({"customer_id": STR, "session_id": STR}, optional=("customer_id", "session_id")),
            "sessions": {**_array(STR), "description": "The sessions in `sessions/<id>.json`, newest first."},
        },
        description="`case.json` of a case bundle (`chatlog-case-bundle/1`, a zip): what was exported, by whom "
        "and why. The bundle also holds `sessions/<id>.json` (StaffSessionDetail: the session with every "
        "message and its holds), `audit.json` (AuditRecord[]: every audit record about these sessions and, "
        "for a customer, the customer, newest first, including this export's own), `manifest.json` (each "
        "file's SHA-256, the signing key's id), `manifest.sig` (Ed25519 signature of manifest.json, base64) "
        "and `signing-key.pem`. Check it offline with `chatlog case verify FILE --public-key KEY.pem`.",
    ),
    "DayStats": _obj({"day": {"type": "string", "format": "date"}, **_DAY_COUNTS}),
    "Stats": _obj(
        {
            "scope": {"type": "string", "const": "anonymous"},
            "since": TIME,
            "until": TIME,
            "days": _array(ref("DayStats")),
            "totals": _obj(_DAY_COUNTS),
        },
        description="Counts over anonymous sessions only, per UTC day of session start. Never text or ids. "
        "Any count from under 5 sessions, or that subtraction would give back, reads \"<5\".",
    ),
    "AccessLog": _obj(
        {
            "entries": _array(
                _obj(
                    {
                        "at": TIME,
                        "role": {"type": "string", "enum": [*ROLE, "system"],
                                 "description": "`system`: the service itself, e.g. carrying out an erasure "
                                 "request when the duty to keep the chat ended."},
                        "action": {"type": "string", "enum": _AUDIT_ACTIONS},
                        "purpose": STR,
                        "session_id": _null(STR),
                        "staff_id": {**STR, "description": "Only where the bank shows staff ids."},
                    },
                    optional=("staff_id",),
                )
            ),
            "next_cursor": CURSOR,
        },
        description="Staff actions about the customer or their sessions, newest first.",
    ),
    "SmallCount": {
        "oneOf": [INT, {"type": "string", "const": "<5"}],
        "description": "A count, or \"<5\" where fewer than 5 sessions make it or subtraction would give one back.",
    },
    "ServiceSpread": {
        "oneOf": [
            _obj({"n": INT, "p50": _null({"type": "number"}), "p90": _null({"type": "number"})}),
            {"type": "string", "const": "<5"},
        ],
        "description": "Nearest-rank percentiles over n sessions; \"<5\" when n is 1 to 4.",
    },
    "ServiceFigures": _obj(
        {
            "day": {"type": "string", "format": "date", "description": "UTC day of session start"},
            "sessions": ref("SmallCount"),
            "anonymous": ref("SmallCount"),
            "authenticated": ref("SmallCount"),
            "handovers": ref("SmallCount"),
            "handover_rate": {"oneOf": [{"type": "number"}, {"type": "null"}, {"type": "string", "const": "<5"}]},
            "ended_waiting": ref("SmallCount"),
            "ended_waiting_rate": {"oneOf": [{"type": "number"}, {"type": "null"}, {"type": "string", "const": "<5"}]},
            "first_answer_s": ref("ServiceSpread"),
            "pickup_s": ref("ServiceSpread"),
            "duration_s": ref("ServiceSpread"),
            "messages": ref("ServiceSpread"),
            "topics": {"type": "object", "additionalProperties": ref("SmallCount")},
        },
        optional=("day",),
    ),
    "ServiceStats": _obj(
        {
            "since": TIME,
            "until": TIME,
            "k": {"type": "integer", "const": 5},
            "suppressed": {"type": "string", "const": "<5"},
            "topics": _array(_obj({"topic": STR, "label_nb": STR, "label_en": STR})),
            "days": _array(ref("ServiceFigures")),
            "totals": ref("ServiceFigures"),
        },
        description="Service figures per UTC day of session start and over the window; docs/api.md defines each.",
    ),
    "Health": _obj({"status": {"type": "string", "const": "ok"}}),
    "Ready": _obj(
        {
            "status": {"type": "string", "enum": ["ready", "unavailable", "shutting_down"]},
            "store": STR,
            "reason": STR,
            "relay": {
                "type": "object",
                "description": "How this instance reaches the others (docs/operations.md, 'Several instances'): "
                "`local` when it runs alone; `redis` with `status` `degraded` while Redis is unreachable "
                "(still ready: messages are stored and acked; peers on other instances get them on resume).",
                "properties": {
                    "backend": {"type": "string", "enum": ["local", "redis"]},
                    "status": {"type": "string", "enum": ["ok", "degraded"]},
                },
                "required": ["backend", "status"],
            },
        },
        optional=("reason", "relay"),
    ),
}
