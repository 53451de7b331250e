"""What the hub does with envelopes from other instances (issue 10), kept apart from the hub's own
paths: hand relayed frames to the peers connected here, keep this instance's copies of sessions in step
with the store, and answer the two requests (a transcript's originals, the open sessions for catch-up).

Nothing here re-publishes: an envelope is handled by each instance for its own peers only, so a frame
crosses the relay once. Nothing here waits either: the relay's reader calls :func:`handle` inline.
"""

from __future__ import annotations

import logging
import weakref
from typing import TYPE_CHECKING, Any

from chat.errors import ChatlogError
from chat.gateway import replay
from chat.gateway.live import Agent, LiveSession, message_frame, message_from_item, message_item, session_summary
from chat.protocol import encode
from chat.relay.protocol import Deliver, Forget, Incoming, Request, Resumed, StateChanged
from chat.session import offer_frame

if TYPE_CHECKING:
    from chat.gateway.hub import Hub

log = logging.getLogger("chat.hub")

#: Close code for a widget connection replaced by a newer one (here or on another instance).
CLOSE_REPLACED = 4409
#: Two resumes of one session on two instances this close together (seconds) are a race that both
#: instances settle the same way; further apart, the later ``Resumed`` simply replaces.
RESUME_RACE_S = 2.0


def handle(hub: Hub, msg: Incoming) -> list[dict[str, Any]] | None:
    event = msg.event
    if isinstance(event, Deliver):
        _deliver(hub, event)
    elif isinstance(event, StateChanged):
        _follow(hub, event)
    elif isinstance(event, Resumed):
        _resumed_elsewhere(hub, event, msg.sender)
    elif isinstance(event, Forget):
        hub.spawn(hub.forget(event.session_id, everywhere=False))
    elif isinstance(event, Request):
        return answer(hub, event)
    return None


def announce_again(hub: Hub) -> None:
    """Tell the other instances' agents again what is open here: called when the relay (re)joins.

    Envelopes published while Redis was down, or before a peer had resubscribed, reached nobody (outside
    audit, H2 and M1): a ``handover_request`` never offered, customer messages a bot never heard. So
    advisers get the waiting sessions offered again, and bots a ``session_started`` for each session
    they answer, with its ``last_seq``: a bot that has heard less asks ``history``. An agent that
    already knew gets a repeat; the protocol says to keep one per session.
    """
    offered = started = 0
    for live in list(hub.sessions.values()):
        state = live.machine.state
        # Not one being moved (its lock held): as in ``answer``, its move is announced once stored.
        if live.machine.ended or state not in ("bot", "waiting") or live.lock.locked():
            continue
        if state == "waiting":
            hub.relay.publish(Deliver("advisers", live.machine.offer(), session_id=live.session_id))
            offered += 1
        hub.relay.publish(Deliver("bots", hub.started_frame(live), session_id=live.session_id))
        started += 1
    if started:
        log.info("open sessions announced again", extra={"sessions": started, "count": offered})


async def catch_up_here(hub: Hub) -> None:
    """Give this instance's widgets and advisers what other instances stored while the relay was down.

    Envelopes published during the outage reached nobody (outside audit 63, M3): an adviser's reply
    stored on another instance never reached the widget connected here, and the customer's messages
    stored here never reached the adviser connected elsewhere, also after Redis returned. Every
    instance reads, for each live session with a peer connected here, what was stored past the last seq
    its copy knows (``replay.history``: an anonymous session's originals from the instance that has them)
    and delivers it as the live relay would have: to the widget what others wrote, to the adviser holding
    the session what the customer wrote. A peer keeps one message per seq. The relay calls this on every
    rejoin, its own and each peer's: runs that would overlap are merged into one more pass.
    """
    if hub in _CATCHING_UP:
        _CATCHING_UP[hub] = True  # one more pass when the running one ends
        return
    _CATCHING_UP[hub] = False
    try:
        while True:
            caught = 0
            for live in list(hub.sessions.values()):
                caught += await _catch_up_session(hub, live)
            if caught:
                log.info("messages stored elsewhere delivered after the relay returned", extra={"messages": caught})
            if not _CATCHING_UP[hub]:
                return
            _CATCHING_UP[hub] = False
    finally:
        _CATCHING_UP.pop(hub, None)


#: Hubs running :func:`catch_up_here`, and whether another pass was asked for meanwhile.
_CATCHING_UP: weakref.WeakKeyDictionary[Hub, bool] = weakref.WeakKeyDictionary()


async def _catch_up_session(hub: Hub, live: LiveSession) -> int:
    if live.customer is None and hub.agents.get(live.machine.adviser_id or "") is None:
        return 0
    after = live.last_seq
    try:
        missed = await replay.history(hub, live, after)
    except ChatlogError:
        return 0  # the store is down too: a resume reads it later
    if hub.sessions.get(live.session_id) is not live or live.machine.ended:
        return 0  # erased or ended meanwhile: its peers were told, nothing more goes to them
    adviser = hub.agents.get(live.machine.adviser_id or "")
    delivered = 0
    for message in missed:
        if live.kind == "authenticated":  # an anonymous session's copy keeps originals only
            if message.seq <= live.last_seq:
                continue  # heard live since the read
            live.transcript.append(message)
        if message.sender != "customer" and live.customer is not None:
            live.customer.send(encode(message_frame(message)))
        elif message.sender == "customer" and adviser is not None:
            adviser.peer.send(encode(message_frame(message, live.session_id)))
        delivered += 1
    return delivered


def _deliver(hub: Hub, event: Deliver) -> None:
    text = encode(event.frame)
    if event.to == "customer":
        live = hub.sessions.get(event.session_id or "")
        if live is None:
            return
        _heard(live, event.frame)  # an agent's message stored by another instance: an original here
        if live.customer is not None:
            live.customer.send(text)
    elif event.to == "adviser":
        live = hub.sessions.get(event.session_id or "")
        if live is not None:
            _heard(live, event.frame)  # known here from now on: a catch-up after an outage starts past it
        agent = hub.agents.get(event.agent_id or "")
        if agent is not None:
            agent.peer.send(text)
    else:
        hub.deliver_to_role("bot" if event.to == "bots" else "adviser", text)


def _heard(live: LiveSession, frame: dict[str, Any]) -> None:
    """A relayed message frame joins the originals this instance holds of the session."""
    if frame.get("type") == "message":
        original = message_from_item(frame)
        if original is not None:
            live.transcript.append(original)


def _follow(hub: Hub, event: StateChanged) -> None:
    live = hub.sessions.get(event.session_id)
    if live is None:
        return
    live.machine.sync(event.state, event.adviser_id)
    if event.state == "ended" and live.customer is None:
        hub.sessions.pop(event.session_id, None)


def _resumed_elsewhere(hub: Hub, event: Resumed, sender: str) -> None:
    """The widget reconnected to another instance: a connection of it still here is stale, unless it
    attached later than that one (ties go to the greater instance id), so that of two resumes at one
    moment on two instances exactly one stays."""
    live = hub.sessions.get(event.session_id)
    if live is None or live.customer is None:
        return
    # Only two attaches within a moment of each other are compared (instances' clocks differ by a few
    # milliseconds under NTP, not by seconds), and a sender that gives no time is newer, as before.
    close_race = event.at > 0 and abs(live.attached_at - event.at) < RESUME_RACE_S
    if close_race and (live.attached_at, hub.relay.instance_id) > (event.at, sender):
        return  # ours is the newer connection: the other instance closes its own on our Resumed
    old = live.customer
    hub.detach_customer(live, old)
    old.close(CLOSE_REPLACED, "replaced by a newer connection")


def answer(hub: Hub, request: Request) -> list[dict[str, Any]]:
    if request.op == "transcript":
        live = hub.sessions.get(str(request.args.get("session_id", "")))
        return [] if live is None else [message_item(m) for m in live.transcript]
    role, agent_id = request.args.get("role"), request.args.get("agent_id")
    items: list[dict[str, Any]] = []
    for live in list(hub.sessions.values()):
        state = live.machine.state
        # A session whose lock is held is being moved: its machine says "waiting" before the store does
        # (the hub persists under the lock), and an adviser offered it now would have the accept refused
        # on the other instance, which reads the store. Its move, once stored, is sent to every instance.
        offered = state == "waiting" and not live.lock.locked()
        wanted = (
            state in ("bot", "waiting")
            if role == "bot"
            else offered or (state == "adviser" and live.machine.adviser_id == agent_id)
        )
        if wanted:
            items.append({**session_summary(live), "adviser_id": live.machine.adviser_id})
    return items


async def reap(hub: Hub) -> int:
    """Sessions live here whose adviser is connected to no instance go back to the queue (the
    adviser's instance was killed: nobody said goodbye). Returns how many. Run periodically.

    An adviser must be missing from the presence set at two rounds in a row: one missing reading
    can be an adviser who connected a moment ago (its presence is written right after) or a
    heartbeat that a busy instance sent late; a session taken from a live adviser would give the
    chat two advisers (found by the cluster tests on a loaded machine)."""
    held = [
        live
        for live in list(hub.sessions.values())
        if live.machine.state == "adviser" and live.machine.adviser_id not in hub.agents
    ]
    if not held:
        hub.absent.clear()
        return 0
    ids = [live.machine.adviser_id or "" for live in held]
    online = await hub.relay.agents_online(ids)
    if online is None:
        return 0
    released = 0
    absent_now: dict[str, str] = {}
    for live, adviser_id in zip(held, ids, strict=True):
        if adviser_id in online:
            continue
        absent_now[live.session_id] = adviser_id
        if hub.absent.get(live.session_id) != adviser_id:
            continue  # first reading: look again next round
        async with live.lock:
            await hub.apply(live, live.machine.adviser_left(adviser_id))
        released += 1
    hub.absent = absent_now
    if released:
        log.info("sessions of vanished advisers offered again", extra={"sessions": released})
    return released



async def catch_up(hub: Hub, agent: Agent, *, announced: set[str]) -> None:
    """What a newly connected agent is told of sessions held by other instances (``announced``: the
    local ones, sent already): open sessions for a bot, the queue for an adviser, and an adviser's own
    sessions become its again (so that its leaving here hands them back)."""
    items = await hub.relay.request("open_sessions", {"role": agent.role, "agent_id": agent.agent_id})
    seen = set(announced)
    for item in items:
        session_id = item.get("session_id")
        if not isinstance(session_id, str) or session_id in seen:
            continue
        seen.add(session_id)
        adviser_id = item.pop("adviser_id", None)
        # Paced, like the local catch-up (Hub.catch_up): this task serves this agent alone; it stops when
        # the agent is gone.
        if agent.role == "bot":
            if not await agent.peer.send_paced(encode({"type": "session_started", **item})):
                return
        elif item.get("state") == "waiting":
            if not await agent.peer.send_paced(encode(offer_frame(session_id, item.get("kind")))):
                return
        elif adviser_id == agent.agent_id:
            agent.sessions.add(session_id)
    log.info("agent caught up", extra={"agent_id": agent.agent_id, "remote_sessions": len(seen) - len(announced)})
