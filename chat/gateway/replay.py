"""What was said in a session, for whoever may hear it again: a resuming widget, the adviser who takes
the chat over (its transcript), and a bot or adviser catching up after a reconnect (``history``).

Originals where this instance has them (its live transcript), the store otherwise; with several
instances the store is always read (another instance may have stored messages this one never heard
of), and an anonymous session's originals missing here are asked of the other instances through the
relay: never written anywhere (issue 10, item 2).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chat.errors import UnknownSession
from chat.gateway.live import Agent, LiveMessage, LiveSession, live_message, message_frame, message_from_item
from chat.protocol import encode

if TYPE_CHECKING:
    from chat.gateway.hub import Hub


async def history(hub: Hub, live: LiveSession, after_seq: int) -> list[LiveMessage]:
    """Every message of ``live`` with ``seq > after_seq``, in order."""
    if not hub.relay.multi and live.transcript.complete and live.transcript.first_seq in (None, 1):
        return [m for m in live.transcript if m.seq > after_seq]
    stored = await hub.s.store.get_messages(live.session_id, now=hub.s.clock(), after_seq=after_seq)
    originals = {m.seq: m for m in live.transcript}
    if live.kind == "anonymous" and hub.relay.multi and any(m.seq not in originals for m in stored):
        for item in await hub.relay.request("transcript", {"session_id": live.session_id}):
            original = message_from_item(item)
            if original is not None:
                originals.setdefault(original.seq, original)
    return [originals.get(m.seq) or live_message(m) for m in stored]


async def transcript(hub: Hub, live: LiveSession) -> str:
    """The ``transcript`` frame an adviser gets on accepting: the conversation so far."""
    messages = []
    for m in await history(hub, live, 0):
        frame = message_frame(m)
        del frame["type"]
        messages.append(frame)
    out: dict[str, Any] = {"type": "transcript", "session_id": live.session_id, "kind": live.kind, "messages": messages}
    if live.kind == "authenticated":
        out["customer_id"] = live.record.customer_id
    return encode(out)


async def agent_history(hub: Hub, agent: Agent, session_id: str, after_seq: int) -> list[str]:
    """An agent's ``history`` request: the messages after ``after_seq`` as ``message`` frames (every
    sender, the agent's own included), then ``history_end`` with the last seq sent.

    For the agent that may write into the session now (a bot while the bot has it, the adviser who took
    it), so that a bot reconnecting after its instance died hears what customers said meanwhile (outside
    audit, M1): the catch-up's ``session_started`` carries ``last_seq`` to compare with.
    """
    live = await hub.get_live(session_id)
    if live is None:
        raise UnknownSession("no such session")
    live.machine.check_agent_can_send(agent.agent_id, agent.role)
    messages = await history(hub, live, after_seq)
    frames = [encode(message_frame(m, session_id)) for m in messages]
    last = messages[-1].seq if messages else after_seq
    frames.append(encode({"type": "history_end", "session_id": session_id, "last_seq": last}))
    return frames
