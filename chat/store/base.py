"""The store interface: one contract, several backends (like httpx's transports).

The gateway and the API only ever talk to :class:`Store`. Backends (:mod:`chat.store.sqlite`, the
embedded default; :mod:`chat.store.mongo`, production) implement it and translate their own
exceptions into :mod:`chat.errors` at this boundary. The same contract suite (``tests/store/contract.py``)
runs against every backend.

Rules every backend keeps:

* ``append_message`` returns only after the message is durable; it assigns ``seq`` (1, 2, ... per
  session) and is idempotent on ``(session_id, client_msg_id)``: a repeat returns the first result
  with ``duplicate=True`` and stores nothing.
* A message copies its session's ``expire_at`` when it is written, and ``update_session(retention=...)``
  changes the session and all of its messages together, so a session's documents always expire together.
* Reads never return data whose ``expire_at`` is in the past, even before the sweeper / TTL monitor
  has deleted it.
* Times are timezone-aware UTC ``datetime`` objects in and out.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Final, Generic, Literal, TypeVar

from chat.records import record

SessionKind = Literal["anonymous", "authenticated"]
SessionState = Literal["bot", "waiting", "adviser", "ended"]
Sender = Literal["customer", "bot", "adviser"]
Tier = Literal["analytics", "archive", "adviser", "legal_hold"]
StaffRole = Literal["adviser", "compliance", "analyst", "bot"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Retention:
    """Where a session stands in the retention table (computed by :mod:`chat.retention`)."""

    tier: Tier
    #: When the session and its messages are deleted; ``None`` only while a legal hold is on.
    expire_at: datetime | None
    #: Until when the customer sees it in the online-bank archive; ``None`` for anonymous sessions.
    visible_until: datetime | None


@dataclass(slots=True)
class SessionRecord:
    session_id: str
    kind: SessionKind
    customer_id: str | None
    created_at: datetime
    retention: Retention
    state: SessionState = "bot"
    ended_at: datetime | None = None
    #: Staff ids of the advisers who took part (bounded: a handful per session).
    adviser_ids: list[str] = field(default_factory=list)
    legal_hold: bool = False
    #: The customer objected to analytics use of logged-in chats.
    objection: bool = False
    last_seq: int = 0
    #: The adviser holding the session now (state ``adviser``); set only through :meth:`Store.transition`.
    adviser_id: str | None = None
    #: When the customer asked to erase it and a duty to keep it refused (issue 14): erased when it ends.
    erasure_requested_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Transition:
    """What :meth:`Store.transition` found: whether it moved the session, and its state after the call."""

    changed: bool
    state: SessionState
    adviser_id: str | None


@record
class NewMessage:
    session_id: str
    sender: Sender
    #: Text as it is to be stored: already redacted for anonymous sessions.
    text: str
    at: datetime
    #: Idempotency key chosen by the sender; ``None`` for messages that cannot be retried.
    client_msg_id: str | None = None
    #: Staff id for bot/adviser messages; ``None`` for the customer.
    sender_id: str | None = None
    #: Entity types redacted from this message, with counts (kept for statistics; never the values).
    redactions: Mapping[str, int] = field(default_factory=dict)


@record
class StoredMessage:
    session_id: str
    seq: int
    sender: Sender
    text: str
    at: datetime
    client_msg_id: str | None = None
    sender_id: str | None = None


@record
class AppendResult:
    message: StoredMessage
    #: True when ``client_msg_id`` had been stored before: nothing new was written.
    duplicate: bool


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One staff access: who, in which role, did what, to what, when, and why."""

    audit_id: str
    at: datetime
    actor_id: str
    role: str
    action: str
    purpose: str
    expire_at: datetime
    session_id: str | None = None
    customer_id: str | None = None


@dataclass(frozen=True, slots=True)
class AuditLink:
    """An audit record as chained by the store (``chat.audit_chain``): its place and the two hashes."""

    record: AuditRecord
    seq: int
    prev: str
    hash: str


@dataclass(frozen=True, slots=True)
class Hold:
    hold_id: str
    session_id: str
    case_ref: str
    placed_by: str
    placed_at: datetime
    released_at: datetime | None = None
    released_by: str | None = None

    @property
    def active(self) -> bool:
        return self.released_at is None


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    #: Opaque cursor for the next page; ``None`` when this is the last page.
    next_cursor: str | None

    @classmethod
    def from_overfetch(cls, items: list[T], limit: int, cursor_of: Callable[[T], str]) -> Page[T]:
        """Backends read ``limit + 1`` rows: the extra one only says that another page exists."""
        if len(items) <= limit:
            return cls(items, None)
        items = items[:limit]
        return cls(items, cursor_of(items[-1]))


@dataclass(frozen=True, slots=True)
class DailyStats:
    """Aggregates over anonymous sessions only (the analysts' view)."""

    day: str  # ISO date, UTC
    sessions: int
    messages: int
    handovers: int
    redactions: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class Spread:
    """How long something took (or how many), over ``n`` sessions: nearest-rank percentiles."""

    n: int
    p50: float | None
    p90: float | None


@dataclass(frozen=True, slots=True)
class ServiceDay:
    """Service figures for one UTC day of session creation, or for the whole range (``day`` = ``None``)."""

    day: str | None
    anonymous: int
    authenticated: int
    #: Sessions that asked for (or were handed to) an adviser.
    handovers: int
    #: Sessions that ended while waiting for an adviser, or were left waiting (``ABANDONED_AFTER``).
    ended_waiting: int
    #: Seconds from the customer's first message to the first answer (bot or adviser).
    first_answer_s: Spread
    #: Seconds from asking for an adviser to an adviser taking the chat.
    pickup_s: Spread
    #: Seconds from start to end, over ended sessions.
    duration_s: Spread
    #: Stored messages per session.
    messages: Spread
    #: Sessions per topic (``chat.topics``); sessions not yet classified count as ``unclassified``.
    topics: Mapping[str, int]


#: A session still waiting for an adviser this long after it started counts as left waiting.
ABANDONED_AFTER: Final = timedelta(hours=1)


#: Decides, inside the store's transaction, whether a session may be erased: (the session as stored,
#: whether it has an active legal hold) -> a refusal reason, or None to erase.
ErasureCheck = Callable[[SessionRecord, bool], str | None]


class Store(abc.ABC):
    """Persistence for sessions, messages, audit records, holds and objections."""

    #: Short backend name reported by ``/readyz`` and metrics.
    name: str = "abstract"

    # --- lifecycle ------------------------------------------------------------------------------------

    @abc.abstractmethod
    async def open(self) -> None:
        """Connect, migrate / create indexes (idempotently) and start background tasks."""

    @abc.abstractmethod
    async def close(self) -> None:
        """Flush everything already accepted, stop background tasks, release resources."""

    @abc.abstractmethod
    async def ping(self) -> None:
        """Raise :class:`chat.errors.StoreUnavailable` unless the store can serve writes now."""

    # --- sessions -------------------------------------------------------------------------------------

    @abc.abstractmethod
    async def create_session(self, session: SessionRecord) -> None:
        """Store a new session (``DuplicateKey`` if the id exists). A logged-in session is stored with
        ``objection`` set when its customer's objection is on record at the time of the write, whatever
        the record says: an objection stored after the caller checked must not miss it."""

    @abc.abstractmethod
    async def get_session(self, session_id: str, *, now: datetime) -> SessionRecord | None:
        """The session, or ``None`` if unknown or expired."""

    @abc.abstractmethod
    async def live_session_ids(self, session_ids: Collection[str], *, now: datetime) -> set[str]:
        """Which of ``session_ids`` exist and have not expired at ``now``: one query for a batch (the key
        sweep asks it for every stored data key, a page at a time)."""

    @abc.abstractmethod
    async def update_session(
        self,
        session_id: str,
        *,
        state: SessionState | None = None,
        ended_at: datetime | None = None,
        add_adviser: str | None = None,
        legal_hold: bool | None = None,
        objection: bool | None = None,
        retention: Retention | None = None,
    ) -> None:
        """Change the given fields; ``retention`` also rewrites every message's ``expire_at`` atomically.

        A session under a legal hold (its flag set, and not cleared by this call) keeps no expiry: the
        retention is written as tier ``legal_hold`` with ``expire_at`` None, decided in the write's own
        transaction (:func:`chat.retention.kept_by_hold`), so that a hold placed after the caller read
        the session is never overwritten.

        Raises :class:`chat.errors.UnknownSession` if there is no such session.
        """

    @abc.abstractmethod
    async def transition(
        self,
        session_id: str,
        *,
        to: SessionState,
        from_states: tuple[SessionState, ...],
        adviser_id: str | None = None,
        expect_adviser: str | None = None,
        at: datetime | None = None,
    ) -> Transition:
        """Move the session to ``to`` (with ``adviser_id`` as its adviser, ``None`` clearing it) only if
        its state is one of ``from_states`` and, when ``expect_adviser`` is given, that adviser holds it;
        one atomic compare-and-set. ``at`` is stored as ``ended_at`` when ``to`` is ``ended``.

        Why: several gateway instances hold copies of one session, so its state may only move this way;
        two advisers accepting at once on two instances get one ``changed=True`` between them
        (issue 10). Returns the state after the call either way.
        Raises :class:`chat.errors.UnknownSession` if there is no such session.
        """

    @abc.abstractmethod
    async def list_sessions(
        self,
        *,
        customer_id: str,
        now: datetime,
        limit: int = 50,
        cursor: str | None = None,
        archive_only: bool = False,
    ) -> Page[SessionRecord]:
        """A customer's sessions, newest first. ``archive_only``: only those still visible to the customer."""

    @abc.abstractmethod
    async def delete_session(self, session_id: str, *, check: ErasureCheck | None = None) -> bool:
        """Erase a session and all its messages now. False if there was nothing to delete.

        With ``check``, the decision and the deletion are one atomic step: the session as stored and
        whether it has an active hold are passed to ``check``; a reason it returns raises
        :class:`chat.errors.ErasureRefused` and nothing is deleted. A hold placed at the same moment
        (:meth:`add_hold`) and this erasure are serialised: exactly one of them wins.
        """

    # --- messages -------------------------------------------------------------------------------------

    @abc.abstractmethod
    async def append_message(self, message: NewMessage) -> AppendResult:
        """Store durably, assign ``seq``; idempotent on ``client_msg_id``. ``UnknownSession`` if none."""

    @abc.abstractmethod
    async def get_messages(
        self, session_id: str, *, now: datetime, after_seq: int = 0, limit: int | None = None
    ) -> list[StoredMessage]:
        """Messages with ``seq > after_seq`` in ``seq`` order (empty if the session expired)."""

    @abc.abstractmethod
    async def replace_text(self, session_id: str, seq: int, text: str) -> bool:
        """Replace one stored message's text; its seq, time, sender and id stay. False if there is no
        such message. For an anonymous chat whose earlier message turned out to end with the first part
        of a value the next message completed (anonymizer/split_values.py): the gateway rewrites it,
        redacted, before it acknowledges the message that completed it."""

    # --- objections -----------------------------------------------------------------------------------

    @abc.abstractmethod
    async def set_objection(self, customer_id: str, *, at: datetime) -> int:
        """Record the customer's objection and flag their sessions; returns sessions flagged."""

    @abc.abstractmethod
    async def withdraw_objection(self, customer_id: str) -> int:
        """Withdraw the customer's objection and unflag their sessions; returns sessions unflagged
        (0 when there was no objection: withdrawing twice is harmless)."""

    @abc.abstractmethod
    async def has_objection(self, customer_id: str) -> bool:
        """Whether the customer has objected to analytics use of logged-in chats."""

    # --- audit ----------------------------------------------------------------------------------------

    @abc.abstractmethod
    async def add_audit(self, record: AuditRecord) -> None:
        """Store an audit record durably, as the next link of the audit chain (``chat.audit_chain``): the
        store gives it the next ``seq`` and hashes it with its predecessor's hash in one atomic step, so
        several instances writing at once still make one chain."""

    @abc.abstractmethod
    async def list_audit(
        self,
        *,
        now: datetime,
        actor_id: str | None = None,
        session_id: str | None = None,
        customer_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 100,
        cursor: str | None = None,
    ) -> Page[AuditRecord]:
        """Audit records newest first, filtered by any of the given fields."""

    @abc.abstractmethod
    async def audit_links(self, *, after_seq: int = 0, limit: int = 1000) -> list[AuditLink]:
        """Chained audit records with ``seq > after_seq``, in chain order (``chatlog audit verify``)."""

    @abc.abstractmethod
    async def audit_head(self) -> AuditLink | None:
        """The newest link of the audit chain (published as the anchor), or None before the first."""

    # --- legal holds ----------------------------------------------------------------------------------

    @abc.abstractmethod
    async def add_hold(self, hold: Hold) -> None:
        """Store a hold and flag its session as held, atomically (the caller then sets the retention).

        Raises :class:`chat.errors.UnknownSession` if the session does not exist, also when an erasure
        deleted it a moment before: a hold never outlives, or is confirmed for, an erased session.
        """

    @abc.abstractmethod
    async def release_hold(self, hold_id: str, *, by: str, at: datetime) -> Hold | None:
        """Mark a hold released; ``None`` if there is no such active hold."""

    @abc.abstractmethod
    async def list_holds(self, *, session_id: str | None = None, active_only: bool = True) -> list[Hold]:
        """Holds, oldest first."""

    # --- expiry and statistics ------------------------------------------------------------------------

    @abc.abstractmethod
    async def purge_expired(self, *, now: datetime) -> Mapping[str, int]:
        """Delete everything whose ``expire_at`` has passed; counts per collection/table."""

    @abc.abstractmethod
    async def stats(self, *, now: datetime, since: datetime, until: datetime) -> list[DailyStats]:
        """Per-day aggregates over anonymous sessions created in ``[since, until)``."""

    @abc.abstractmethod
    async def service_stats(self, *, now: datetime, since: datetime, until: datetime) -> list[ServiceDay]:
        """Service figures over live sessions created in ``[since, until)`` whose customer has not
        objected: one :class:`ServiceDay` per day with sessions, then the whole range (``day=None``).

        Computed by the store (one SQL query / aggregation), never by loading sessions: only derived
        fields are read (times, counts, topic), never a message, so logged-in chats count only through
        figures. Exact counts: small cells are suppressed by the API (``chat.api.kanon``), in one place.
        """

    @abc.abstractmethod
    async def record_times(
        self, session_id: str, *, first_customer_at: datetime | None = None, first_answer_at: datetime | None = None
    ) -> None:
        """Remember when the customer first wrote and when the first answer came, each only if not yet
        known (several instances may report the same session; the first report stands)."""

    @abc.abstractmethod
    async def mark_erasure_requested(self, session_id: str, *, at: datetime) -> None:
        """Remember a refused erasure request (the first one's time stands), so that the session is
        erased as soon as the duty to keep it ends, not at its normal expiry."""

    @abc.abstractmethod
    async def set_topic(self, session_id: str, topic: str) -> None:
        """Store the session's topic (``chat.topics``), computed from its redacted text when it ended."""
