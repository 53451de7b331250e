"""The chat session as a pure state machine (sans-I/O, after websockets' ``protocol.py``).

A :class:`SessionMachine` is fed events (a customer message was stored, the customer asked for a human,
an adviser accepted, someone ended the session, the adviser went away) and answers with a list of
*actions* for the asyncio layer (:mod:`chat.gateway.hub`) to carry out: frames to send to whom, session
changes to persist. It never touches a socket, a clock or the store, so every rule here is tested
without any of them (``tests/core/test_session.py``).

States: ``bot`` → ``waiting`` (customer asked for a human) → ``adviser`` (one took over) → ``ended``.
An adviser may also take over straight from ``bot``; if the adviser disconnects, the session goes back to
``waiting`` and is offered to advisers again, so no customer is left talking to nobody.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from chat.errors import Conflict, Forbidden, SessionEnded
from chat.store.base import SessionKind, SessionState

Audience = Literal["customer", "bots", "advisers", "adviser"]


# --- actions ------------------------------------------------------------------------------------------



def offer_frame(session_id: str, kind: str | None) -> dict[str, Any]:
    """What advisers (and bots) are told of a chat that waits for a person: when it asks, and again in a
    catch-up, a revival or an announcement after a relay outage."""
    return {"type": "handover_request", "session_id": session_id, "kind": kind}

@dataclass(frozen=True, slots=True)
class Send:
    """Send ``frame`` to an audience: the customer, every bot, every adviser, or the session's adviser."""

    to: Audience
    frame: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Persist:
    """Move the session in the store from one of ``from_states`` to ``state`` (a compare-and-set, see
    :meth:`chat.store.base.Store.transition`), with ``adviser_id`` holding it afterwards and, when
    ``expect_adviser`` is set, only if that adviser holds it now. ``add_adviser`` also recomputes
    retention (the adviser tier).

    If the store's state is not what this machine believed (another instance moved the session first),
    the hub syncs the machine to the store and carries out none of the actions after this one.
    """

    state: SessionState
    from_states: tuple[SessionState, ...]
    adviser_id: str | None = None
    expect_adviser: str | None = None
    add_adviser: str | None = None
    ended: bool = False


@dataclass(frozen=True, slots=True)
class SendTranscript:
    """Send the transcript so far to the adviser who just took over."""

    adviser_id: str


@dataclass(frozen=True, slots=True)
class SendAvailability:
    """Tell the customer how many bots and advisers are connected (across instances): the widget says
    so, and offers other ways to reach the bank, instead of looking "delivered" to nobody forever."""


@dataclass(frozen=True, slots=True)
class Audit:
    """Write an audit record before what follows: the adviser is about to receive the transcript."""

    actor_id: str
    action: str
    purpose: str


#: Audit actions of taking over a chat (the HTTP API's audit log lists them with the others).
HANDOVER_ACCEPT = "handover_accept"
TAKEOVER = "takeover"

Action = Audit | Send | Persist | SendTranscript | SendAvailability


@dataclass(slots=True)
class SessionMachine:
    session_id: str
    kind: SessionKind
    state: SessionState = "bot"
    adviser_id: str | None = None
    #: Every adviser who ever took part (the retention policy needs to know).
    advisers: list[str] = field(default_factory=list)

    # --- queries --------------------------------------------------------------------------------------

    @property
    def ended(self) -> bool:
        return self.state == "ended"

    def message_audience(self) -> Audience:
        """Who hears the customer now: the bot until an adviser took over."""
        return "adviser" if self.state == "adviser" else "bots"

    # --- events ---------------------------------------------------------------------------------------

    def sync(self, state: SessionState, adviser_id: str | None) -> None:
        """Take the store's state as the truth (it moved on another instance, or a compare-and-set here
        found it moved). Only the state and the adviser holding it change; nothing is sent."""
        self.state = state
        self.adviser_id = adviser_id if state == "adviser" else None
        if self.adviser_id is not None and self.adviser_id not in self.advisers:
            self.advisers.append(self.adviser_id)

    def check_customer_can_send(self) -> None:
        if self.ended:
            raise SessionEnded("the session has ended")

    def check_agent_can_send(self, agent_id: str, role: str) -> None:
        """Bots speak until an adviser takes over; after that only that adviser speaks."""
        if self.ended:
            raise SessionEnded("the session has ended")
        if self.state == "adviser":
            if agent_id != self.adviser_id:
                raise Forbidden("another adviser has taken over this session")
        elif role != "bot":
            raise Forbidden("accept the session before writing to it")

    def offer(self) -> dict[str, Any]:
        """This session's ``handover_request`` (:func:`offer_frame`)."""
        return offer_frame(self.session_id, self.kind)

    def handover_requested(self, by: Literal["customer", "bot"] = "customer") -> list[Action]:
        """The customer asked for a human, or the bot handed the chat over (it did not understand, or
        it heard the customer ask for a person in words). Either way the customer is told it waits."""
        self.check_customer_can_send()
        if self.state != "bot":
            return []  # already waiting or with an adviser: asking again changes nothing
        self.state = "waiting"
        frame = self.offer()
        return [
            Persist(state="waiting", from_states=("bot",)),
            Send("advisers", frame),
            Send("bots", frame),
            Send("customer", {"type": "waiting", "by": by}),
            SendAvailability(),
        ]

    def handover_cancelled(self) -> list[Action]:
        """The customer stops waiting for an adviser: the bot answers again, advisers drop the offer."""
        self.check_customer_can_send()
        if self.state != "waiting":
            return []  # not waiting (or an adviser already took it): nothing to cancel
        self.state = "bot"
        frame = {"type": "handover_cancelled", "session_id": self.session_id}
        return [
            Persist(state="bot", from_states=("waiting",)),
            Send("advisers", frame),
            Send("bots", frame),
            Send("customer", {"type": "handover_cancelled"}),
        ]

    def adviser_accepts(self, adviser_id: str, reason: str | None = None) -> list[Action]:
        """An adviser takes the chat over and receives its transcript, a read of personal data.

        A chat whose customer asked for a human (``waiting``) may be taken by any adviser. One still
        with the bot is taken over only with a stated ``reason`` (the bank's staff watching a bot
        conversation go wrong), which is audited like any staff read: without the rule an adviser could
        read any live chat unaudited, move it to the five-year tier and block its erasure (issue 8).
        """
        if self.ended:
            raise SessionEnded("the session has ended")
        if self.state == "adviser":
            if self.adviser_id == adviser_id:
                # idempotent re-accept (e.g. after a reconnect): the transcript is read again
                again = Audit(adviser_id, HANDOVER_ACCEPT, reason or "transcript sent again")
                return [again, SendTranscript(adviser_id)]
            raise Conflict("another adviser has already taken over this session")
        if self.state == "bot" and not reason:
            raise Forbidden(
                "this chat has not asked for an adviser: state a reason to take it over", code="reason_required"
            )
        audit = (
            Audit(adviser_id, TAKEOVER, reason or "")
            if self.state == "bot"
            else Audit(adviser_id, HANDOVER_ACCEPT, reason or "the customer asked for an adviser")
        )
        before = self.state
        self.state = "adviser"
        self.adviser_id = adviser_id
        first_time = adviser_id not in self.advisers
        if first_time:
            self.advisers.append(adviser_id)
        taken = {"type": "session_taken", "session_id": self.session_id, "adviser_id": adviser_id}
        add = adviser_id if first_time else None
        persist = Persist(state="adviser", from_states=(before,), adviser_id=adviser_id, add_adviser=add)
        # Claimed first, audited next, read last: a claim lost to another instance reads nothing.
        return [
            persist,
            audit,
            SendTranscript(adviser_id),
            Send("customer", {"type": "adviser_joined"}),
            Send("bots", taken),
            Send("advisers", taken),
        ]

    def adviser_left(self, adviser_id: str) -> list[Action]:
        """The adviser's connection went away: offer the session to advisers again."""
        if self.state != "adviser" or self.adviser_id != adviser_id:
            return []
        self.state = "waiting"
        self.adviser_id = None
        frame = self.offer()
        return [
            Persist(state="waiting", from_states=("adviser",), expect_adviser=adviser_id),
            Send("customer", {"type": "adviser_left"}),
            Send("advisers", frame),
        ]

    def end(self, by: Literal["customer", "agent"]) -> list[Action]:
        if self.ended:
            return []
        audience: Audience = "adviser" if self.state == "adviser" else "bots"
        was_offered = self.state == "waiting"
        self.state = "ended"
        frame_agents = {"type": "session_ended", "session_id": self.session_id, "by": by}
        persist = Persist(state="ended", from_states=("bot", "waiting", "adviser"), ended=True)
        actions: list[Action] = [persist, Send(audience, frame_agents)]
        if audience == "adviser":
            actions.append(Send("bots", frame_agents))
        if was_offered:  # every adviser was offered it: withdraw the offer, or it waits there for nobody
            actions.append(Send("advisers", frame_agents))
        actions.append(Send("customer", {"type": "ended", "by": by}))
        return actions
