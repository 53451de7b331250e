"""What the hub keeps in memory for one live session and one connected agent.

Anonymous sessions: the store only ever sees redacted text; the original text lives here only, in the
session's live transcript, so that the adviser who takes over and a reconnecting widget see what was
really written while the session is live on this instance. That memory is bounded per session in bytes
(``Settings.live_transcript_bytes``): the oldest messages are let go first, and a replay then reads
them from the store (redacted, for an anonymous session). Without the bound, 20 unauthenticated
clients grew the server by 18 MB each (issue 8, item 5).
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from anonymizer import session_numbers, split_values
from anonymizer.split_values import Earlier
from chat.msgids import is_hashed
from chat.protocol import iso
from chat.session import SessionMachine
from chat.store.base import Sender, SessionKind, SessionRecord, StoredMessage

#: Recently acked client_msg_ids per session, so a retry is answered without redaction or a write.
RECENT_ACKS_MAX = 256
#: Name digests a chat keeps (``LiveSession.names``): a few hundred words of names is more than a chat holds.
NAME_MARKS_MAX = 512
#: First halves of a fødselsnummer a chat keeps (``LiveSession.halves``, anonymizer/session_numbers.py):
#: the last ones given, about 3.3 KB each, sent to the anonymizer with each of the chat's messages.
HALVES_KEPT = 2
#: Fixed cost counted per transcript entry on top of its text (the objects around it).
ENTRY_OVERHEAD_BYTES = 200


class Peer(Protocol):
    """A connected websocket, as the hub needs it (implemented over starlette in the endpoints).

    ``send`` and ``close`` queue and return at once (see chat/gateway/outbox.py): nothing the hub does
    for one session or agent ever waits on another peer's socket.
    """

    def send(self, frame: str) -> bool: ...

    async def send_paced(self, frame: str) -> bool:
        """Queue a frame, first waiting while this peer's queue is half full: only for a task whose
        waiting holds up this peer alone (its own loop, or a task spawned for its catch-up). False once
        the peer is gone or was dropped for not reading."""
        ...

    def close(self, code: int, reason: str = "") -> None: ...

    async def wait_closed(self, within_s: float) -> bool: ...


def customer_key(client_msg_id: str) -> str:
    """Idempotency keys are per sender: a customer's "1" and a bot's "1" are different messages."""
    return "c:" + client_msg_id


def agent_key(agent_id: str, client_msg_id: str) -> str:
    return f"a:{agent_id}:{client_msg_id}"


def public_msg_id(stored: str | None) -> str | None:
    """The client's own id back from the stored key (see :func:`customer_key`); None for an anonymous
    session's, which is stored only as a keyed hash (chat/msgids.py)."""
    if stored is None or is_hashed(stored):
        return None
    if stored.startswith("c:"):
        return stored[2:]
    if stored.startswith("a:"):
        return stored.split(":", 2)[2]
    return stored


@dataclass(eq=False, slots=True)
class Agent:
    agent_id: str
    role: str
    peer: Peer
    #: Sessions this adviser has taken over (so a disconnect hands them back to the queue).
    sessions: set[str] = field(default_factory=set)


@dataclass(slots=True)
class LiveMessage:
    seq: int
    sender: Sender
    text: str
    at: str
    client_msg_id: str | None

    @property
    def size(self) -> int:
        return len(self.text) * 2 + len(self.client_msg_id or "") + ENTRY_OVERHEAD_BYTES


class Transcript:
    """The messages of a session in seq order, at most ``max_bytes`` of them (the newest)."""

    __slots__ = ("_bytes", "_messages", "complete", "max_bytes")

    def __init__(self, max_bytes: int, *, complete: bool = True) -> None:
        self.max_bytes = max_bytes
        self._messages: deque[LiveMessage] = deque()
        self._bytes = 0
        #: True while every message of the session is here (it started on this instance, nothing let go).
        self.complete = complete

    def append(self, message: LiveMessage) -> None:
        """Add a message, keeping seq order: one stored by another instance (an agent's, relayed) may
        arrive after a later one of the customer's; a seq already here is ignored."""
        messages = self._messages
        if messages and messages[-1].seq >= message.seq:
            if any(m.seq == message.seq for m in messages):
                return
            messages.append(message)
            self._messages = deque(sorted(messages, key=lambda m: m.seq))
        else:
            messages.append(message)
        self._bytes += message.size
        while self._bytes > self.max_bytes and len(self._messages) > 1:
            self._bytes -= self._messages.popleft().size
            self.complete = False

    def clear(self) -> None:
        self._messages.clear()
        self._bytes = 0

    @property
    def bytes(self) -> int:
        return self._bytes

    @property
    def first_seq(self) -> int | None:
        return self._messages[0].seq if self._messages else None

    @property
    def last_seq(self) -> int:
        return self._messages[-1].seq if self._messages else 0

    def __iter__(self) -> Iterator[LiveMessage]:
        return iter(self._messages)

    def __len__(self) -> int:
        return len(self._messages)


@dataclass(eq=False, slots=True)
class LiveSession:
    record: SessionRecord
    machine: SessionMachine
    transcript: Transcript
    customer: Peer | None = None
    recent_acks: OrderedDict[str, int] = field(default_factory=OrderedDict)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    #: When the widget went away (monotonic), for the sweep; ``None`` while connected.
    detached_at: float | None = None
    #: When the connected widget attached here (epoch seconds): of two resumes on two instances, the
    #: later one keeps the session (``chat.gateway.remote``).
    attached_at: float = 0.0
    #: What this copy has reported for the statistics (chat.gateway.figures).
    customer_wrote: bool = False
    answered: bool = False
    classified: bool = False
    #: Anonymous chats: the keyed digests of the words of the names found in them so far, so that a name
    #: given once is redacted again where a message alone would not show it (anonymizer/session_names.py).
    #: Digests only, in this process's memory only, gone with the session.
    names: frozenset[bytes] = frozenset()
    #: Anonymous chats: the last first halves of a fødselsnummer given in them (keyed digests of the
    #: endings that would complete each, never the digits; anonymizer/session_numbers.py).
    halves: tuple[bytes, ...] = ()
    #: Anonymous chats: the customer's last messages, as written and as stored, for a value typed over
    #: several of them (chat/gateway/splits.py). The originals are the live transcript's own strings.
    recent: deque[Earlier] = field(default_factory=lambda: deque(maxlen=split_values.MAX_PIECES))

    @property
    def session_id(self) -> str:
        return self.record.session_id

    @property
    def last_seq(self) -> int:
        """The last seq this copy knows of (stored when it was loaded, or heard since)."""
        return max(self.record.last_seq, self.transcript.last_seq)

    @property
    def kind(self) -> SessionKind:
        return self.record.kind

    @property
    def memory(self) -> frozenset[bytes]:
        """What the anonymizer is given with each of this chat's messages: its names and its halves."""
        return self.names | frozenset(self.halves) if self.halves else self.names

    def remember(self, marks: frozenset[bytes]) -> None:
        """Add what a message taught the chat's memory. Name digests up to a bound (a chat that reached it
        keeps the names it began with); halves of a fødselsnummer, the last ``HALVES_KEPT`` of them."""
        if not marks:
            return
        halves = [m for m in marks if session_numbers.is_blob(m)]
        if halves:
            kept = (*(h for h in self.halves if h not in halves), *halves)
            self.halves = kept[max(0, len(kept) - HALVES_KEPT) :]
            marks = marks.difference(halves)
        if marks and not marks <= self.names and len(self.names) < NAME_MARKS_MAX:
            self.names = self.names | marks

    def remember_ack(self, key: str, seq: int) -> None:
        self.recent_acks[key] = seq
        if len(self.recent_acks) > RECENT_ACKS_MAX:
            self.recent_acks.popitem(last=False)


def message_frame(msg: LiveMessage, session_id: str | None = None) -> dict[str, Any]:
    frame: dict[str, Any] = {"type": "message", "seq": msg.seq, "from": msg.sender, "text": msg.text, "at": msg.at}
    if session_id is not None:
        frame["session_id"] = session_id
    if msg.client_msg_id is not None:
        frame["client_msg_id"] = msg.client_msg_id
    return frame


def message_item(msg: LiveMessage) -> dict[str, Any]:
    """A live message as it crosses the relay (to the instance fetching a transcript's originals)."""
    item = message_frame(msg)  # absent client_msg_id, never null, as in every frame (outside audit 63)
    del item["type"]
    return item


def message_from_item(item: dict[str, Any]) -> LiveMessage | None:
    """The inverse of :func:`message_item` (also of a relayed message frame); ``None`` if malformed."""
    seq, sender, text, at = item.get("seq"), item.get("from"), item.get("text"), item.get("at")
    msg_id = item.get("client_msg_id")
    if not (isinstance(seq, int) and isinstance(text, str) and isinstance(at, str)):
        return None
    if sender not in ("customer", "bot", "adviser") or not (msg_id is None or isinstance(msg_id, str)):
        return None
    return LiveMessage(seq, sender, text, at, msg_id)


def live_message(stored: StoredMessage) -> LiveMessage:
    return LiveMessage(stored.seq, stored.sender, stored.text, iso(stored.at), public_msg_id(stored.client_msg_id))


def session_summary(live: LiveSession) -> dict[str, Any]:
    """What agents are told of an open session (``session_started``, another instance's catch-up)."""
    summary: dict[str, Any] = {
        "session_id": live.session_id,
        "kind": live.kind,
        "state": live.machine.state,
        "created_at": iso(live.record.created_at),
        "last_seq": live.last_seq,
    }
    if live.kind == "authenticated":
        summary["customer_id"] = live.record.customer_id
    return summary
