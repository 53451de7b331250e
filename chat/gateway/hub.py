"""The live side of the gateway: which sessions are open here, who is connected, who hears what.

The hub is the thin asyncio layer around :class:`chat.session.SessionMachine`: it feeds the machine
events, carries out the actions it returns (frames to peers, session changes to the store) and owns the
hot path of a chat message: redact (anonymous sessions) → durable append → ack → live relay.

Anonymous sessions: the store only ever sees redacted text; the original text lives in memory only,
in the session's live transcript, so the adviser who takes over and a reconnecting widget see what was
really written while the session is live here. It is gone when the session ends or the process stops.

Several instances (issue 10): each frame for a peer that is not connected here goes to the relay
(:mod:`chat.relay`), whose other instances hand it to their own peers; the session's state moves only by
compare-and-set in the store, so copies of one session on several instances never overwrite each other,
and each copy follows the others through ``StateChanged`` envelopes (:mod:`chat.gateway.remote`).
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Coroutine
from typing import Any

from chat.audit import audit, check_purpose
from chat.errors import AtCapacity, ChatlogError, Conflict, Forbidden, SessionEnded, UnknownSession
from chat.gateway import remote, replay, splits
from chat.gateway.figures import Figures
from chat.gateway.live import (
    Agent,
    LiveMessage,
    LiveSession,
    Peer,
    Transcript,
    agent_key,
    customer_key,
    message_frame,
    session_summary,
)
from chat.protocol import ChatMessage, encode, iso
from chat.relay.protocol import Deliver, Forget, Incoming, Resumed, StateChanged
from chat.services import Services
from chat.session import Action, Audience, Audit, Persist, Send, SendAvailability, SendTranscript, SessionMachine
from chat.store.base import NewMessage, Sender, SessionKind, SessionRecord, StoredMessage
from chat.tokens import CustomerIdentity, StaffIdentity

log = logging.getLogger("chat.hub")

class Hub:
    def __init__(self, services: Services) -> None:
        self.s = services
        self.sessions: dict[str, LiveSession] = {}
        self.agents: dict[str, Agent] = {}
        self._loading: dict[str, asyncio.Future[LiveSession | None]] = {}
        self.shutting_down = False
        self.relay = services.relay
        self.relay.bind(self)
        self._tasks: set[asyncio.Task[None]] = set()
        #: Sessions whose adviser the last reaper round found connected nowhere (session → adviser).
        self.absent: dict[str, str] = {}
        # Metric children bound once: ``labels()`` on every message was 1-2 % of the loop's time.
        m = services.metrics
        kinds: tuple[SessionKind, ...] = ("anonymous", "authenticated")
        senders: tuple[Sender, ...] = ("customer", "bot", "adviser")
        self._stored = {(k, snd): m.messages.labels(k, snd) for k in kinds for snd in senders}
        self._ack_latency = {k: m.ack_latency.labels(k) for k in kinds}
        self._append_errors = m.store_errors.labels("append")
        self.figures = Figures(services, self.spawn)

    # --- customers ------------------------------------------------------------------------------------

    async def start_session(self, identity: CustomerIdentity | None, peer: Peer) -> LiveSession:
        s = self.s
        self._make_room()
        now = s.clock()
        kind: SessionKind = "authenticated" if identity is not None else "anonymous"
        customer_id = identity.customer_id if identity is not None else None
        objection = await s.store.has_objection(customer_id) if customer_id is not None else False
        record = SessionRecord(
            session_id=uuid.uuid4().hex,
            kind=kind,
            customer_id=customer_id,
            created_at=now,
            retention=s.policy.compute(kind=kind, created_at=now, adviser_took_part=False, legal_hold=False),
            objection=objection,
        )
        await s.store.create_session(record)
        live = LiveSession(
            record=record, machine=SessionMachine(record.session_id, kind), transcript=self._transcript(),
            customer=peer, attached_at=time.time(),
        )  # fmt: skip
        self.sessions[record.session_id] = live
        s.metrics.sessions.labels(kind).inc()
        s.metrics.live_sessions.labels(kind).inc()
        log.info("session started", extra={"session_id": record.session_id, "kind": kind})
        self._broadcast("bots", self.started_frame(live))
        return live

    async def resume_session(
        self, session_id: str, identity: CustomerIdentity | None, peer: Peer
    ) -> LiveSession:
        """Re-attach a widget to its session; a logged-in session only to the same customer.

        A session that was not live here (its instance died, or the load balancer sent the widget here)
        is loaded from the store and announced as an agent's catch-up would: ``session_started`` to the
        bots, and to the advisers ``handover_request`` if it was waiting for one.
        """
        revived = session_id not in self.sessions
        live = await self.get_live(session_id)
        if live is None:
            raise UnknownSession("no such session (it may have expired)")
        if live.kind == "authenticated":
            if identity is None:
                raise Forbidden("this session belongs to a logged-in customer: send the customer's token")
            if identity.customer_id != live.record.customer_id:
                # Same answer as an unknown id: do not confirm that someone else's session exists.
                raise UnknownSession("no such session (it may have expired)")
        old = live.customer
        live.customer = peer
        live.detached_at = None
        live.attached_at = time.time()
        if old is not None and old is not peer:
            old.close(4409, "replaced by a newer connection")
        else:
            self.s.metrics.live_sessions.labels(live.kind).inc()
        self.relay.publish(Resumed(session_id, live.attached_at))
        if revived and live.machine.state in ("bot", "waiting"):
            # Live again: announced as the catch-up would have (agents that connected meanwhile never
            # heard of it; one that did gets a repeat and keeps one entry per session).
            self._broadcast("bots", self.started_frame(live), live)
            if live.machine.state == "waiting":
                self._broadcast("advisers", live.machine.offer(), live)
        log.info("session resumed", extra={"session_id": session_id, "kind": live.kind, "revived": revived})
        return live

    async def history(self, live: LiveSession, after_seq: int) -> list[LiveMessage]:
        """Every message with ``seq > after_seq`` (:func:`chat.gateway.replay.history`)."""
        return await replay.history(self, live, after_seq)

    def detach_customer(self, live: LiveSession, peer: Peer) -> None:
        if live.customer is peer:
            live.customer = None
            self.s.metrics.live_sessions.labels(live.kind).dec()
            self._maybe_forget(live)

    async def customer_message(self, live: LiveSession, msg: ChatMessage) -> str:
        """Store (after redaction, if anonymous), then return the ack frame; relay to the agent side."""
        live.machine.check_customer_can_send()
        key = self._stored_key(live, customer_key(msg.client_msg_id))
        seq = live.recent_acks.get(key)
        if seq is not None:
            self.s.metrics.duplicates.inc()
            return encode({"type": "ack", "client_msg_id": msg.client_msg_id, "seq": seq})
        stored, duplicate = await self._store_message(live, "customer", None, key, msg.text)
        live.remember_ack(key, stored.seq)
        if not duplicate:
            lm = LiveMessage(stored.seq, "customer", msg.text, iso(stored.at), msg.client_msg_id)
            live.transcript.append(lm)
            self._broadcast(live.machine.message_audience(), message_frame(lm, live.session_id), live)
        return encode({"type": "ack", "client_msg_id": msg.client_msg_id, "seq": stored.seq})

    async def handover_request(self, live: LiveSession) -> None:
        async with live.lock:
            await self.apply(live, live.machine.handover_requested())

    async def cancel_handover(self, live: LiveSession) -> None:
        async with live.lock:
            await self.apply(live, live.machine.handover_cancelled())

    def availability(self) -> dict[str, Any]:
        """How many bots and advisers are connected: on every instance as the relay last counted them,
        and at least those connected here now (one may have connected since the count)."""
        here: dict[str, int] = {}
        for agent in self.agents.values():
            here[agent.role] = here.get(agent.role, 0) + 1
        everywhere = self.relay.agent_counts() or {}
        bots, advisers = (max(here.get(r, 0), everywhere.get(r, 0)) for r in ("bot", "adviser"))
        return {"type": "availability", "bots": bots, "advisers": advisers}

    async def send_availability(self, live: LiveSession) -> None:
        self._broadcast("customer", self.availability(), live)

    async def customer_end(self, live: LiveSession) -> None:
        async with live.lock:
            await self.apply(live, live.machine.end("customer"))

    # --- agents ---------------------------------------------------------------------------------------

    async def attach_agent(self, identity: StaffIdentity, peer: Peer) -> Agent:
        agent = Agent(identity.staff_id, identity.role, peer)
        old = self.agents.get(identity.staff_id)
        self.agents[identity.staff_id] = agent
        if old is not None:
            agent.sessions = old.sessions
            old.peer.close(4409, "replaced by a newer connection")
        self.relay.touch_agent(agent.agent_id, agent.role)  # presence now, not at the next heartbeat
        log.info("agent connected", extra={"agent_id": agent.agent_id, "role": agent.role})
        return agent

    async def catch_up(self, agent: Agent) -> None:
        """Tell a newly attached agent what is open now: bots the live sessions, advisers the queue.

        Sent paced by the agent's own reading (``send_paced``, from its own task): a bot backend that
        restarts while thousands of chats are open is told of every one, where queueing them all at
        once dropped it as too slow before it could read the first, on every reconnect.
        """
        frames: list[str] = []
        snapshot = list(self.sessions.values())  # one snapshot, taken before the first await
        for live in snapshot:
            if live.machine.ended:
                continue
            if agent.role == "bot" and live.machine.state in ("bot", "waiting"):
                frames.append(encode(self.started_frame(live)))
            if agent.role == "adviser" and live.machine.state == "waiting":
                frames.append(encode(live.machine.offer()))
        if self.relay.multi:
            # Sessions held by other instances: asked in the background, so the agent's loop starts now
            # even if an instance that died a moment ago makes the request wait for its timeout.
            # Sessions not in the snapshot are the remote ones, also one loaded here meanwhile (the agent
            # wrote into it before the answer came: outside audit, M2).
            self.spawn(remote.catch_up(self, agent, announced={live.session_id for live in snapshot}))
        for frame in frames:
            if not await agent.peer.send_paced(frame):
                return

    async def detach_agent(self, agent: Agent) -> None:
        if self.agents.get(agent.agent_id) is not agent:
            return  # replaced by a newer connection that took over its sessions
        del self.agents[agent.agent_id]
        for session_id in list(agent.sessions):
            live = self.sessions.get(session_id)
            if live is not None:
                async with live.lock:
                    await self.apply(live, live.machine.adviser_left(agent.agent_id))
        log.info("agent disconnected", extra={"agent_id": agent.agent_id, "role": agent.role})

    async def agent_message(self, agent: Agent, msg: ChatMessage) -> str:
        assert msg.session_id is not None
        live = await self.get_live(msg.session_id)
        if live is None:
            raise UnknownSession("no such session")
        live.machine.check_agent_can_send(agent.agent_id, agent.role)
        key = self._stored_key(live, agent_key(agent.agent_id, msg.client_msg_id))
        ack = {"type": "ack", "session_id": live.session_id, "client_msg_id": msg.client_msg_id}
        seq = live.recent_acks.get(key)
        if seq is not None:
            self.s.metrics.duplicates.inc()
            return encode({**ack, "seq": seq})
        sender: Sender = "adviser" if agent.role == "adviser" else "bot"
        stored, duplicate = await self._store_message(live, sender, agent.agent_id, key, msg.text)
        live.remember_ack(key, stored.seq)
        # A retry the store recognised, of a message this copy never heard of: the instance that stored
        # it may have died before relaying it (outside audit, M5). Delivered again with its stored seq;
        # a widget keeps one message per seq.
        if not duplicate or all(m.seq != stored.seq for m in live.transcript):
            lm = LiveMessage(stored.seq, sender, msg.text, iso(stored.at), None)
            live.transcript.append(lm)
            self._broadcast("customer", message_frame(lm), live)
        return encode({**ack, "seq": stored.seq})

    async def agent_accept(self, agent: Agent, session_id: str, reason: str | None = None) -> None:
        if agent.role != "adviser":
            raise Forbidden("only advisers take over sessions")
        if reason is not None:
            reason = check_purpose(reason, "the reason field")
        live = await self.get_live(session_id)
        if live is None:
            raise UnknownSession("no such session")
        async with live.lock:
            # Start from the store's state: another instance may have moved the session meanwhile.
            record = await self.s.store.get_session(session_id, now=self.s.clock())
            if record is None:
                raise UnknownSession("no such session")
            live.machine.sync(record.state, record.adviser_id)
            await self.apply(live, live.machine.adviser_accepts(agent.agent_id, reason))
            if live.machine.ended:
                raise SessionEnded("the session has ended")
            if live.machine.adviser_id != agent.agent_id:
                raise Conflict("another adviser has already taken over this session")
        agent.sessions.add(session_id)

    async def agent_history(self, agent: Agent, session_id: str, after_seq: int) -> list[str]:
        return await replay.agent_history(self, agent, session_id, after_seq)

    async def agent_handover(self, agent: Agent, session_id: str) -> None:
        """A bot hands its chat to the advisers' queue (it did not understand, or heard the customer ask
        for a person). Advisers take chats with ``accept`` instead."""
        if agent.role != "bot":
            raise Forbidden("only bots hand sessions over; advisers accept them")
        live = await self.get_live(session_id)
        if live is None:
            raise UnknownSession("no such session")
        async with live.lock:
            await self.apply(live, live.machine.handover_requested(by="bot"))

    async def agent_end(self, agent: Agent, session_id: str) -> None:
        live = await self.get_live(session_id)
        if live is None:
            raise UnknownSession("no such session")
        if live.machine.state == "adviser" and live.machine.adviser_id != agent.agent_id:
            raise Forbidden("another adviser has taken over this session")
        async with live.lock:
            await self.apply(live, live.machine.end("agent"))

    async def forget(self, session_id: str, *, everywhere: bool = True) -> None:
        """An erased session: drop it from memory (its live transcript with it) and end its connections,
        so nothing of it can be replayed after the store deleted it; on every instance (``everywhere``
        is False when another instance asked).

        Each instance tells its own bots and advisers, whether or not it held a copy: every agent is
        connected to one instance, so each hears it once, also the adviser it was offered to or who had
        it open on an instance that never loaded it (relaying the frames from the copy's instance missed
        the agents of the erasing one, and doubled them where two instances held copies)."""
        if everywhere:
            self.relay.publish(Forget(session_id))
        frame = encode({"type": "session_ended", "session_id": session_id, "by": "erasure"})
        self.deliver_to_role("bot", frame)
        self.deliver_to_role("adviser", frame)
        live = self.sessions.pop(session_id, None)
        if live is None:
            return
        live.transcript.clear()
        live.recent_acks.clear()
        live.machine.state = "ended"
        if live.customer is not None:
            live.customer.send(encode({"type": "ended", "by": "erasure"}))
            live.customer.close(1000, "session erased")

    # --- shutdown -------------------------------------------------------------------------------------

    async def shutdown(self) -> None:
        """Tell every client to reconnect (to another instance, or to us after restart), then close."""
        self.shutting_down = True
        frame = encode({"type": "reconnect", "reason": "server restarting"})
        peers: list[Peer] = [a.peer for a in self.agents.values()]
        peers += [live.customer for live in self.sessions.values() if live.customer is not None]
        for peer in peers:
            peer.send(frame)
            peer.close(1012, "service restart")
        # Each peer's writer delivers its frames in parallel; one that does not read is aborted by its
        # own close deadline, so this waits about that deadline at most, never on a stuck peer.
        done = await asyncio.gather(*(peer.wait_closed(self.s.settings.peer_close_timeout_s + 1) for peer in peers))
        log.info("hub shut down", extra={"connections": len(peers), "not_closed": done.count(False)})

    # --- internals ------------------------------------------------------------------------------------

    def _stored_key(self, live: LiveSession, key: str) -> str:
        """The idempotency key as stored: a keyed hash in anonymous sessions, never the id as written."""
        return self.s.message_ids.hash(live.session_id, key) if live.kind == "anonymous" else key

    async def _store_message(
        self, live: LiveSession, sender: Sender, sender_id: str | None, key: str, text: str
    ) -> tuple[StoredMessage, bool]:
        s = self.s
        started = time.perf_counter()
        kind = live.kind
        counts: dict[str, int] = {}
        stored_text = text
        if kind == "anonymous":
            redacted = await s.redactor.redact(text, live.memory)
            stored_text, counts = redacted.text, redacted.counts
            live.remember(redacted.marks)
            if sender == "customer":
                stored_text, counts = await splits.join(s.store, live, text, stored_text, counts)
        try:
            result = await s.store.append_message(
                NewMessage(
                    session_id=live.session_id,
                    sender=sender,
                    text=stored_text,
                    at=s.clock(),
                    client_msg_id=key,
                    sender_id=sender_id,
                    redactions=counts,
                )
            )
        except ChatlogError:
            self._append_errors.inc()
            raise
        if result.duplicate:
            s.metrics.duplicates.inc()
        else:
            self._stored[kind, sender].inc()
        self._ack_latency[kind].observe(time.perf_counter() - started)
        if not result.duplicate:
            self.figures.message_stored(live, sender, result.message.at)
            if kind == "anonymous" and sender == "customer":
                splits.remember(live, result.message.seq, text, stored_text)
        return result.message, result.duplicate

    async def apply(self, live: LiveSession, actions: list[Action]) -> None:
        for action in actions:
            if isinstance(action, Audit):
                await audit(
                    self.s,
                    actor_id=action.actor_id,
                    role="adviser",
                    action=action.action,
                    purpose=action.purpose,
                    session_id=live.session_id,
                    customer_id=live.record.customer_id,
                )
            elif isinstance(action, Persist):
                if not await self._persist(live, action):
                    break  # another instance moved the session first: what followed is void
            elif isinstance(action, Send):
                self._broadcast(action.to, action.frame, live)
            elif isinstance(action, SendTranscript):
                await self._send_transcript(live, action.adviser_id)
            elif isinstance(action, SendAvailability):
                await self.send_availability(live)
        if live.machine.ended:
            self.figures.session_over(live)
            self._maybe_forget(live)

    async def _persist(self, live: LiveSession, action: Persist) -> bool:
        """Move the session in the store by compare-and-set; False (and the machine synced to the
        store) if it was not in the state this copy believed."""
        s = self.s
        now = s.clock()
        moved = await s.store.transition(
            live.session_id,
            to=action.state,
            from_states=action.from_states,
            adviser_id=action.adviser_id,
            expect_adviser=action.expect_adviser,
            at=now,
        )
        if not moved.changed:
            live.machine.sync(moved.state, moved.adviser_id)
            log.info("session moved elsewhere first", extra={"session_id": live.session_id, "state": moved.state})
            return False
        self.relay.publish(StateChanged(live.session_id, moved.state, moved.adviser_id))
        if action.add_adviser is not None:
            # Re-read: compliance may have placed a hold through the API since this session was loaded.
            current = await s.store.get_session(live.session_id, now=now) or live.record
            retention = s.policy.compute(
                kind=live.kind,
                created_at=live.record.created_at,
                adviser_took_part=True,
                legal_hold=current.legal_hold,
            )
            live.record.retention = retention
            live.record.adviser_ids.append(action.add_adviser)
            await s.store.update_session(live.session_id, add_adviser=action.add_adviser, retention=retention)
        log.info("session state", extra={"session_id": live.session_id, "state": action.state})
        return True

    async def _send_transcript(self, live: LiveSession, adviser_id: str) -> None:
        agent = self.agents.get(adviser_id)
        if agent is not None:
            agent.peer.send(await replay.transcript(self, live))

    def _broadcast(
        self,
        to: Audience,
        frame: dict[str, Any],
        live: LiveSession | None = None,
        *,
        adviser_id: str | None = None,
        relay: bool = True,
    ) -> None:
        """Frames to this instance's peers of the audience, and (``relay``) to the other instances for
        theirs; a peer that is connected here gets it from here only. Never waits (each peer has its
        outbox), so a plain call; the frame is encoded only for a peer here (issue 11)."""
        session_id = live.session_id if live is not None else None
        relay = relay and self.relay.multi  # alone: nothing to build for nobody
        if to == "customer":
            if live is not None and live.customer is not None:
                live.customer.send(encode(frame))
            elif relay and session_id is not None:
                self.relay.publish(Deliver("customer", frame, session_id=session_id))
            return
        if to == "adviser":
            adviser_id = adviser_id or (live.machine.adviser_id if live is not None else None)
            if adviser_id is None:
                return
            agent = self.agents.get(adviser_id)
            if agent is not None:
                agent.peer.send(encode(frame))
            elif relay:
                self.relay.publish(Deliver("adviser", frame, session_id=session_id, agent_id=adviser_id))
            return
        if self.agents:
            self.deliver_to_role("bot" if to == "bots" else "adviser", encode(frame))
        if relay:
            self.relay.publish(Deliver(to, frame, session_id=session_id))

    def deliver_to_role(self, role: str, text: str) -> None:
        for agent in list(self.agents.values()):
            if agent.role == role:
                agent.peer.send(text)

    # --- the relay's side (chat.relay.base.RelayHandler) ----------------------------------------------

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        """Run ``work`` in the background, holding a reference until it is done."""
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def on_relay(self, msg: Incoming) -> list[dict[str, Any]] | None:
        return remote.handle(self, msg)

    def local_agents(self) -> dict[str, str]:
        return {agent_id: agent.role for agent_id, agent in self.agents.items()}

    def on_relay_rejoined(self) -> None:
        remote.announce_again(self)
        self.spawn(remote.catch_up_here(self))

    def started_frame(self, live: LiveSession) -> dict[str, Any]:
        """``session_started`` for bots: when a session starts, and again in a catch-up or a revival."""
        return {"type": "session_started", **session_summary(live)}

    async def get_live(self, session_id: str) -> LiveSession | None:
        """The live session, loading it from the store once if another task is not already doing so."""
        live = self.sessions.get(session_id)
        if live is not None:
            return live
        pending = self._loading.get(session_id)
        if pending is not None:
            return await asyncio.shield(pending)
        fut: asyncio.Future[LiveSession | None] = asyncio.get_running_loop().create_future()
        self._loading[session_id] = fut
        try:
            record = await self.s.store.get_session(session_id, now=self.s.clock())
            live = None if record is None else self._revive(record)
            adviser_id = live.machine.adviser_id if live is not None else None
            if live is not None and adviser_id is not None and adviser_id not in self.agents and not self.relay.multi:
                # Alone, an adviser not connected here is connected nowhere: offer the session again.
                # With several instances the reaper decides, on two observations (see ``reap``).
                async with live.lock:
                    await self.apply(live, live.machine.adviser_left(adviser_id))
            fut.set_result(live)
            return live
        except BaseException as exc:
            fut.set_exception(exc)
            fut.exception()  # mark retrieved: waiters re-raise it themselves
            raise
        finally:
            del self._loading[session_id]

    def _transcript(self, *, complete: bool = True) -> Transcript:
        return Transcript(self.s.settings.live_transcript_bytes, complete=complete)

    def _make_room(self) -> None:
        """Room for one more live session: at the limit, the sessions whose widget left longest ago are
        let go first (a resume reloads them from the store); if none has left, refuse (close 1013)."""
        limit = self.s.settings.max_live_sessions
        if len(self.sessions) < limit:
            return
        detached = sorted(
            (live.detached_at, sid)
            for sid, live in self.sessions.items()
            if live.customer is None and live.detached_at is not None and live.machine.state != "adviser"
        )
        for _, sid in detached[: len(self.sessions) - limit + 1]:
            del self.sessions[sid]
        if len(self.sessions) >= limit:
            raise AtCapacity("this instance is full; try again in a moment")

    def _revive(self, record: SessionRecord) -> LiveSession:
        """A session stored earlier (another process, or before a restart) becomes live here."""
        self._make_room()
        machine = SessionMachine(record.session_id, record.kind, advisers=list(record.adviser_ids))
        machine.sync(record.state, record.adviser_id)
        live = LiveSession(record=record, machine=machine, transcript=self._transcript(complete=False))
        # Not connected here (yet): forgotten after the grace period unless a widget attaches.
        live.detached_at = time.monotonic()
        self.sessions[record.session_id] = live
        return live

    async def reap(self) -> int:
        """See :func:`chat.gateway.remote.reap`."""
        return await remote.reap(self)

    def _maybe_forget(self, live: LiveSession) -> None:
        """Drop an ended session from memory once its widget is gone (its originals go with it)."""
        if live.customer is None:
            live.detached_at = time.monotonic()
            if live.machine.ended:
                self.sessions.pop(live.session_id, None)

    def sweep(self, *, detached_grace_s: float) -> int:
        """Forget sessions whose widget has been gone longer than the grace period (resume then reads
        the store). Returns how many were dropped."""
        cutoff = time.monotonic() - detached_grace_s
        gone = [
            sid
            for sid, live in self.sessions.items()
            if live.customer is None and live.detached_at is not None and live.detached_at < cutoff
            and live.machine.state != "adviser"
        ]
        for sid in gone:
            self.figures.session_over(self.sessions.pop(sid))  # left, not ended: its topic counts too
        return len(gone)

