"""Websocket frames: parsing what clients send and building what the server sends.

Parsing is strict and cheap (orjson, hand-checked fields rather than a model per frame: this runs for
every message). Every malformed frame raises :class:`chat.errors.ProtocolError` with a stable code that
the gateway sends back as ``{"type": "error", "code", "message"}``. The full protocol is in
``docs/protocol.md``.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final, TypeVar

import orjson

from chat.errors import ProtocolError, TooLong
from chat.records import record

#: Close codes (the 4xxx range is ours; see docs/protocol.md).
CLOSE_NORMAL = 1000
CLOSE_GOING_AWAY = 1001
CLOSE_INTERNAL = 1011
CLOSE_SERVICE_RESTART = 1012
CLOSE_TRY_AGAIN_LATER = 1013
CLOSE_BAD_FRAME = 4400
CLOSE_UNAUTHORIZED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_UNKNOWN_SESSION = 4404
CLOSE_TIMEOUT = 4408
CLOSE_REPLACED = 4409
CLOSE_FLOOD = 4429

T = TypeVar("T")

#: Longest id a client may choose (client_msg_id); longer ids are refused, not truncated.
MAX_ID_CHARS = 128
#: Largest seq a client may name (JavaScript's largest exact integer): larger values are refused at the
#: edge instead of overflowing a 64-bit column further in.
MAX_SEQ = 2**53 - 1


# --- client → server events ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hello:
    token: str | None
    resume_session_id: str | None = None
    resume_last_seq: int = 0
    #: Language of the privacy notice ("nb" or "en"); an extension, defaults to Norwegian.
    lang: str = "nb"


@record
class ChatMessage:
    client_msg_id: str
    text: str
    #: Only on the agent endpoint: which session the message is for.
    session_id: str | None = None


@dataclass(frozen=True, slots=True)
class HandoverRequest:
    """The customer asks for a human (widget), or a bot hands its session over (agent endpoint, which
    names the session)."""

    session_id: str | None = None


@dataclass(frozen=True, slots=True)
class CancelHandover:
    """The customer no longer wants to wait for an adviser: back to the bot."""


@dataclass(frozen=True, slots=True)
class Accept:
    """An adviser takes over a session (agent endpoint); ``reason`` is required for a chat that has not
    asked for an adviser, and is audited."""

    session_id: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class End:
    session_id: str | None = None


@dataclass(frozen=True, slots=True)
class History:
    """An agent asks for a session's messages after ``after_seq`` (a bot that reconnected)."""

    session_id: str
    after_seq: int = 0


@dataclass(frozen=True, slots=True)
class Ping:
    pass


ClientEvent = Hello | ChatMessage | HandoverRequest | CancelHandover | Accept | History | End | Ping


def _load(data: str | bytes) -> dict[str, Any]:
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError:
        obj = _load_with_lone_surrogates(data)
    if not isinstance(obj, dict):
        raise ProtocolError("frame must be a JSON object", code="bad_json")
    refuse_repeated_fields(data, obj)
    return obj


def refuse_repeated_fields(data: str | bytes, obj: dict[str, Any]) -> None:
    """A frame or body names each field once: with a field twice, which one counts would be a guess
    (orjson keeps the last silently: a message with a second ``"type": "ping"`` was answered with a pong
    and dropped; a development-token body naming ``role`` twice got the second; outside audit 64, F5).

    Exact and cheap: a field given twice is either written the same way twice (its quoted name occurs
    more than once) or spelled with a ``\\u`` escape; only then is the frame parsed again, slowly, with
    each name counted. The names we read hold no character that needs any other escape. An object of
    more than :data:`_FEW_NAMES` names is parsed again at once: counting each name would scan the frame
    once per name (a 256 KiB frame of 26,000 names took 4.7 s; the re-parse is linear)."""
    text = data if isinstance(data, str) else data.decode("utf-8", "replace")  # bodies come as bytes
    names: Iterable[str] = obj
    if len(obj) > _FEW_NAMES or not _flat(obj):  # a chat frame is flat: its names are its keys
        names = []
        if not _gather_names(obj, names):
            _once_each(data)
            return
    if "\\u" in text:
        _once_each(data)
        return
    for name in names:
        if text.count(_QUOTED.get(name) or f'"{name}"') > 1:
            _once_each(data)
            return


#: Objects with more names than this are checked by the re-parse alone (see refuse_repeated_fields).
_FEW_NAMES: Final = 16
#: The quoted names of the frames' fields, built once: the check runs on every message.
_QUOTED: Final = {name: f'"{name}"' for name in (
    "type", "client_msg_id", "text", "session_id", "token", "resume", "last_seq", "lang", "reason", "after_seq",
)}  # fmt: skip


def _flat(obj: dict[str, Any]) -> bool:
    """No object or list among ``obj``'s values (every frame on the hot path)."""
    for value in obj.values():  # noqa: SIM110 - a generator in all() costs more, on every frame
        if value.__class__ is dict or value.__class__ is list:
            return False
    return True


def _gather_names(value: Any, names: list[str]) -> bool:
    """Add every field name in ``value`` (its objects, also inside lists) to ``names``; False as soon as
    there are more than :data:`_FEW_NAMES`."""
    if isinstance(value, dict):
        for name, inner in value.items():
            names.append(name)
            if len(names) > _FEW_NAMES or not _gather_names(inner, names):
                return False
    elif isinstance(value, list):
        return all(_gather_names(inner, names) for inner in value)
    return True


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def _load_with_lone_surrogates(data: str | bytes) -> Any:
    """The slow path, for what orjson refuses: JSON that escapes half of a UTF-16 pair (``"\\ud83d"``),
    which a browser's ``JSON.stringify`` writes for an emoji cut in two. Such a frame is valid JSON; its
    lone halves become U+FFFD, so the message is stored and acked rather than refused without its
    ``client_msg_id`` and resent by the widget for ever (outside audit, L4). Anything else is ``bad_json``."""
    try:
        return _replace_surrogates(json.loads(data, parse_constant=_no_constant))
    except (ValueError, RecursionError):
        raise ProtocolError("frame is not valid JSON", code="bad_json") from None


def _replace_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_replace_surrogates(k): _replace_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_surrogates(v) for v in value]
    return value


_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def _str_field(obj: dict[str, Any], name: str, *, required: bool = True) -> str | None:
    value = obj.get(name)
    if value is None:
        if required:
            raise ProtocolError(f"missing field {name!r}", code="bad_request")
        return None
    if not isinstance(value, str) or not value:
        raise ProtocolError(f"field {name!r} must be a non-empty string", code="bad_request")
    return value


def _id_field(obj: dict[str, Any], name: str) -> str:
    value = obj.get(name)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # widgets often use counters; accept and normalise
    if not isinstance(value, str) or not value:
        raise ProtocolError(f"field {name!r} must be a non-empty string", code="bad_request")
    if len(value) > MAX_ID_CHARS:
        raise ProtocolError(f"field {name!r} is longer than {MAX_ID_CHARS} characters", code="bad_request")
    if not value.isprintable() or "\ufffd" in value:
        # Two ids differing only in a lone surrogate half both became "id-\ufffd" (the text rule, see
        # _load_with_lone_surrogates): the second message was acked as the first and never stored
        # (outside audit 64, F4). An id is the client's own handle: control and replaced characters
        # have no place in it.
        raise ProtocolError(f"field {name!r} holds a control or unreadable character", code="bad_request")
    return value


def _seq_field(obj: dict[str, Any], name: str, label: str | None = None) -> int:
    """A seq (0 when absent): an integer from 0 to ``MAX_SEQ``, never a bool or a float."""
    value = obj.get(name, 0)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_SEQ:
        raise ProtocolError(f"field '{label or name}' must be an integer from 0 to {MAX_SEQ}", code="bad_request")
    return value


def _text_field(obj: dict[str, Any], max_chars: int) -> str:
    text = obj.get("text")
    if not isinstance(text, str):
        raise ProtocolError("field 'text' must be a string", code="bad_request")
    if len(text) > max_chars:
        raise TooLong(f"text is longer than {max_chars} characters")
    if not text.strip():
        raise ProtocolError("field 'text' is empty", code="bad_request")
    return text


def _about(client_msg_id: str, parse: Callable[..., T], *args: Any) -> T:
    """``parse(*args)``, with the message's id put on the error it raises: an error frame about a
    message carries its ``client_msg_id`` (docs/protocol.md), so the client knows which one failed."""
    try:
        return parse(*args)
    except ProtocolError as exc:
        exc.client_msg_id = client_msg_id
        raise


def message_ids(data: str | bytes, names: tuple[str, ...] = ("client_msg_id",)) -> dict[str, str]:
    """The ids (``client_msg_id``, ``session_id``) of a frame refused before or while it was parsed (a
    flood, a bad field), so that its error names the message and the session as every error about them
    does (docs/protocol.md); an id that is missing or malformed is left out."""
    try:
        obj = _load(data)
    except ProtocolError:
        return {}
    ids: dict[str, str] = {}
    for name in names:
        try:
            ids[name] = _id_field(obj, name)
        except ProtocolError:
            continue
    return ids


#: Field names a client may mean the token by: refused, so that a token sent under the wrong name is an
#: error rather than an anonymous session (outside audit 62).
_TOKEN_LOOKALIKES: Final = frozenset(
    {"token", "access_token", "accesstoken", "id_token", "jwt", "bearer", "authorization", "auth", "auth_token"}
)


def _once_each(data: str | bytes) -> None:
    """Each field once, counted by a parser that reports every name (see :func:`refuse_repeated_fields`;
    a ``hello`` with ``"token"`` twice, the last one null, quietly made a logged-in page anonymous)."""

    with contextlib.suppress(ValueError, RecursionError):  # not JSON to this parser: _load's verdict stands
        # as json.loads reads bytes (its own encoding detection), without a decoder built per call
        text = data if isinstance(data, str) else data.decode(json.detect_encoding(data), "surrogatepass")
        _COUNTING_DECODER.decode(text)


def _each_once(items: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object as the counting decoder builds it: refused if a name is given twice."""
    obj = dict(items)
    if len(obj) != len(items):
        names = [name for name, _ in items]
        twice = next(name for name in names if names.count(name) > 1)
        raise ProtocolError(f"field {twice!r} is given twice", code="bad_request")
    return obj


#: Built once (``json.loads`` with a hook builds a decoder per call): the ``\\u`` path is every frame of a
#: client whose JSON library escapes non-ASCII text, as Python's does by default.
_COUNTING_DECODER: Final = json.JSONDecoder(object_pairs_hook=_each_once)


def parse_hello(obj: dict[str, Any]) -> Hello:
    # An empty token is a token, and a malformed one: a logged-in widget whose token fetch failed must be
    # refused (invalid_token), not quietly become an anonymous session. Only a missing or null one is none.
    for name in obj:
        if name != "token" and name.lower().replace("-", "_") in _TOKEN_LOOKALIKES:
            raise ProtocolError(f"unknown field {name!r}: the token goes in 'token'", code="bad_request")
    token = obj.get("token")
    if token is not None and not isinstance(token, str):
        raise ProtocolError("field 'token' must be a string", code="bad_request")
    lang = obj.get("lang", "nb")
    if not isinstance(lang, str) and lang is not None:
        raise ProtocolError("field 'lang' must be a string", code="bad_request")
    lang = "en" if lang == "en" else "nb"  # any other language: the Norwegian notice (docs/protocol.md)
    resume = obj.get("resume")
    if resume is None:
        return Hello(token=token, lang=lang)
    if not isinstance(resume, dict):
        raise ProtocolError("field 'resume' must be an object", code="bad_request")
    session_id = _id_field(resume, "session_id")
    if resume.get("last_seq") is None:
        resume = {**resume, "last_seq": 0}  # null: what a widget with nothing stored yet sends
    last_seq = _seq_field(resume, "last_seq", "resume.last_seq")
    return Hello(token=token, resume_session_id=session_id, resume_last_seq=last_seq, lang=lang)


def parse_client_frame(data: str | bytes, *, max_text_chars: int) -> ClientEvent:
    """Parse a frame from the widget endpoint (``/ws/chat``)."""
    obj = _load(data)
    kind = obj.get("type")
    if kind == "message":
        client_msg_id = _id_field(obj, "client_msg_id")
        return ChatMessage(client_msg_id=client_msg_id, text=_about(client_msg_id, _text_field, obj, max_text_chars))
    if kind == "hello":
        return parse_hello(obj)
    if kind == "handover_request":
        return HandoverRequest()
    if kind == "cancel_handover":
        return CancelHandover()
    if kind == "end":
        return End()
    if kind == "ping":
        return Ping()
    raise ProtocolError(f"unknown frame type; expected one of {', '.join(_CHAT_TYPES)}", code="unknown_type")


def parse_agent_frame(data: str | bytes, *, max_text_chars: int) -> ClientEvent:
    """Parse a frame from the agent endpoint (``/ws/agent``): every action names its session."""
    obj = _load(data)
    kind = obj.get("type")
    if kind == "message":
        client_msg_id = _id_field(obj, "client_msg_id")
        return ChatMessage(
            client_msg_id=client_msg_id,
            text=_about(client_msg_id, _text_field, obj, max_text_chars),
            session_id=_about(client_msg_id, _id_field, obj, "session_id"),
        )
    if kind == "hello":
        return parse_hello(obj)
    if kind == "accept":
        return Accept(session_id=_id_field(obj, "session_id"), reason=_str_field(obj, "reason", required=False))
    if kind == "handover":
        return HandoverRequest(session_id=_id_field(obj, "session_id"))
    if kind == "history":
        return History(session_id=_id_field(obj, "session_id"), after_seq=_seq_field(obj, "after_seq"))
    if kind == "end":
        return End(session_id=_id_field(obj, "session_id"))
    if kind == "ping":
        return Ping()
    raise ProtocolError(f"unknown frame type; expected one of {', '.join(_AGENT_TYPES)}", code="unknown_type")


#: What each endpoint accepts, named in ``unknown_type`` errors (which never echo what was sent).
_CHAT_TYPES: Final = ("hello", "message", "handover_request", "cancel_handover", "end", "ping")
_AGENT_TYPES: Final = ("hello", "message", "accept", "handover", "history", "end", "ping")


# --- server → client frames ---------------------------------------------------------------------------


def encode(frame: dict[str, Any]) -> str:
    """Serialise a frame (orjson: ~5x faster than json for these small dicts, see notes.md)."""
    return orjson.dumps(frame).decode()


def iso(at: datetime) -> str:
    """Timestamps on the wire: ISO 8601 UTC with milliseconds and a ``Z``."""
    # isoformat is C code; strftime was 3 % of server CPU under load (py-spy, docs/benchmarks.md). Without
    # the ``timespec`` keyword it costs half as much (3.2 against 1.9 us here): cut to milliseconds by hand.
    if at.tzinfo is not UTC:
        at = at.astimezone(UTC)
    text = at.isoformat()  # 2026-01-02T03:04:05[.678901]+00:00
    return text[:23] + "Z" if at.microsecond else text[:19] + ".000Z"


def error_frame(code: str, message: str, **extra: Any) -> str:
    return encode({"type": "error", "code": code, "message": message, **extra})
