"""What gateway instances say to each other, as a pure protocol object (sans-I/O, like websockets'
``protocol.py``): envelopes in and out as bytes, and the bookkeeping of requests waiting for replies.

No sockets, no clock, no Redis here: :class:`RelayCore` is fed bytes and answers with events or bytes,
so every rule (own echoes ignored, malformed envelopes dropped and counted, a request complete once
every live instance replied) is tested without a server (``tests/core/test_relay_protocol.py``). The
transports in :mod:`chat.relay.redis` and :mod:`chat.relay.local` only move the bytes.

Why an envelope carries whole client frames: an instance that receives a ``Deliver`` hands the frame to
its own peers unchanged, so what a peer sees is the same whichever instance it is connected to.
Chat text crosses the relay only inside these live envelopes (Redis pub/sub keeps nothing), never at rest.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Literal, cast

import orjson

from chat.errors import RelayError
from chat.store.base import SessionState

#: Envelope format version; an instance ignores envelopes of another version (mixed deploys).
VERSION = 1

Audience = Literal["customer", "bots", "advisers", "adviser"]
Op = Literal["transcript", "open_sessions"]
_AUDIENCES = frozenset({"customer", "bots", "advisers", "adviser"})
_OPS = frozenset({"transcript", "open_sessions"})
_STATES = frozenset({"bot", "waiting", "adviser", "ended"})


@dataclass(frozen=True, slots=True)
class Deliver:
    """Hand ``frame`` to the local peers of ``to``: the session's customer (``session_id``), every bot,
    every adviser, or one adviser (``agent_id``)."""

    to: Audience
    frame: dict[str, Any]
    session_id: str | None = None
    agent_id: str | None = None


@dataclass(frozen=True, slots=True)
class StateChanged:
    """A session moved (in the store, by compare-and-set): copies on other instances follow."""

    session_id: str
    state: SessionState
    adviser_id: str | None = None


@dataclass(frozen=True, slots=True)
class Resumed:
    """The session's widget is now connected to the sender: any other connection of it is stale, unless
    it attached later (``at``, the sender's clock): two resumes at the same moment on two instances each
    closed the other, and nobody stayed connected (outside audit 63, M4)."""

    session_id: str
    #: When the widget attached on the sender (epoch seconds); 0 from a sender that does not say.
    at: float = 0.0


@dataclass(frozen=True, slots=True)
class Forget:
    """The session was erased: drop it from memory everywhere."""

    session_id: str


@dataclass(frozen=True, slots=True)
class Request:
    """Ask every other instance; each answers with a :class:`Reply` sent to the asker only."""

    request_id: str
    op: Op
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Reply:
    request_id: str
    items: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Hello:
    """An instance joined (or its subscription came back): send it envelopes from now on.
    ``bye`` says it is leaving on purpose; a killed instance is dropped when its presence runs out.
    ``again``: its subscription came back after a loss, so what was sent to it meanwhile is gone (the
    others announce their open sessions again; a first hello, as on every start, asks for nothing)."""

    bye: bool = False
    again: bool = False


Event = Deliver | StateChanged | Resumed | Forget | Request | Reply | Hello


@dataclass(frozen=True, slots=True)
class Incoming:
    """A decoded envelope: who sent it and what it says."""

    sender: str
    event: Event


def encode(sender: str, event: Event) -> bytes:
    body: dict[str, Any]
    if isinstance(event, Deliver):
        body = {"k": "deliver", "to": event.to, "frame": event.frame}
        if event.session_id is not None:
            body["sid"] = event.session_id
        if event.agent_id is not None:
            body["agent"] = event.agent_id
    elif isinstance(event, StateChanged):
        body = {"k": "state", "sid": event.session_id, "state": event.state, "adviser": event.adviser_id}
    elif isinstance(event, Resumed):
        body = {"k": "resumed", "sid": event.session_id, "at": event.at}
    elif isinstance(event, Forget):
        body = {"k": "forget", "sid": event.session_id}
    elif isinstance(event, Request):
        body = {"k": "request", "id": event.request_id, "op": event.op, "args": event.args}
    elif isinstance(event, Hello):
        body = {"k": "hello", "bye": event.bye, "again": event.again}
    else:
        body = {"k": "reply", "id": event.request_id, "items": event.items}
    return orjson.dumps({"v": VERSION, "from": sender, **body})


def _str(obj: dict[str, Any], key: str, *, optional: bool = False) -> Any:
    value = obj.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value:
        raise RelayError(f"envelope field {key!r} missing or not a string", code="bad_envelope")
    return value


def _dict(obj: dict[str, Any], key: str) -> dict[str, Any]:
    value = obj.get(key)
    if not isinstance(value, dict):
        raise RelayError(f"envelope field {key!r} is not an object", code="bad_envelope")
    return value


def decode(raw: bytes | str) -> Incoming:
    """Parse an envelope; :class:`RelayError` (code ``bad_envelope``) for anything malformed."""
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise RelayError("envelope is not JSON", code="bad_envelope") from exc
    if not isinstance(obj, dict):
        raise RelayError("envelope is not an object", code="bad_envelope")
    if obj.get("v") != VERSION:
        raise RelayError("envelope of another version", code="other_version")
    sender = _str(obj, "from")
    kind = obj.get("k")
    event: Event
    if kind == "deliver":
        to = obj.get("to")
        if to not in _AUDIENCES:
            raise RelayError("unknown audience", code="bad_envelope")
        event = Deliver(cast(Audience, to), _dict(obj, "frame"), _str(obj, "sid", optional=True),
                        _str(obj, "agent", optional=True))
        if (event.to == "customer" and event.session_id is None) or (event.to == "adviser" and event.agent_id is None):
            raise RelayError("deliver without its addressee", code="bad_envelope")
    elif kind == "state":
        state = obj.get("state")
        if state not in _STATES:
            raise RelayError("unknown state", code="bad_envelope")
        event = StateChanged(_str(obj, "sid"), cast(SessionState, state), _str(obj, "adviser", optional=True))
    elif kind == "resumed":
        at = obj.get("at", 0.0)
        if not isinstance(at, int | float) or isinstance(at, bool):
            raise RelayError("bad resume time", code="bad_envelope")
        event = Resumed(_str(obj, "sid"), float(at))
    elif kind == "forget":
        event = Forget(_str(obj, "sid"))
    elif kind == "request":
        op = obj.get("op")
        if op not in _OPS:
            raise RelayError("unknown request", code="bad_envelope")
        event = Request(_str(obj, "id"), cast(Op, op), _dict(obj, "args"))
    elif kind == "hello":
        event = Hello(obj.get("bye") is True, obj.get("again") is True)
    elif kind == "reply":
        items = obj.get("items")
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise RelayError("reply items are not a list of objects", code="bad_envelope")
        event = Reply(_str(obj, "id"), items)
    else:
        raise RelayError("unknown envelope kind", code="bad_envelope")
    return Incoming(sender, event)


@dataclass(slots=True)
class Pending:
    """One request waiting for replies: complete when every instance expected has answered."""

    expected: set[str]
    items: list[dict[str, Any]] = field(default_factory=list)
    answered: set[str] = field(default_factory=set)

    @property
    def complete(self) -> bool:
        return self.expected <= self.answered


class RelayCore:
    """The state of one instance's side of the relay, without I/O.

    ``incoming`` turns bytes into events for the hub, drops this instance's own echoes (pub/sub sends a
    publisher its own messages) and malformed envelopes (counted in ``dropped``; a bad peer must not
    crash the reader), and files replies under their request.
    """

    def __init__(self, instance_id: str) -> None:
        self.instance_id = instance_id
        self.pending: dict[str, Pending] = {}
        self.dropped = 0
        self._ids = itertools.count(1)

    def outgoing(self, event: Event) -> bytes:
        return encode(self.instance_id, event)

    def open_request(self, op: Op, args: dict[str, Any], expected: set[str]) -> tuple[str, bytes]:
        """A new request to the ``expected`` instances (never this one): its id and its envelope."""
        request_id = f"{self.instance_id}:{next(self._ids)}"
        self.pending[request_id] = Pending(set(expected) - {self.instance_id})
        return request_id, self.outgoing(Request(request_id, op, args))

    def close_request(self, request_id: str) -> list[dict[str, Any]]:
        """Stop waiting (complete or timed out): the items gathered so far."""
        pending = self.pending.pop(request_id, None)
        return [] if pending is None else pending.items

    def incoming(self, raw: bytes | str) -> Incoming | None:
        """The event for the hub, or ``None`` (own echo, malformed, or a reply that was filed here)."""
        try:
            msg = decode(raw)
        except RelayError:
            self.dropped += 1
            return None
        if msg.sender == self.instance_id:
            return None
        if isinstance(msg.event, Reply):
            pending = self.pending.get(msg.event.request_id)
            if pending is not None:
                pending.items.extend(msg.event.items)
                pending.answered.add(msg.sender)
            return msg  # the transport wakes the waiter; the hub ignores replies
        return msg
