"""The relay over Redis: pub/sub for envelopes, two sorted sets for presence. Nothing else, and no chat
text at rest (pub/sub keeps nothing; the sets hold instance and staff ids with an expiry time).

Keys (``CHATLOG_REDIS_PREFIX``, default ``chatlog``):

* channel ``{prefix}:to:{instance}``: envelopes for one instance. An event for "every other instance"
  is published once to each live peer's channel: no instance reads its own echoes, and an instance
  alone on Redis publishes nothing (measured: a shared channel cost a lone instance a third of its
  throughput in reading back its own envelopes, docs/benchmarks.md);
* channel ``{prefix}:bus``: only ``hello``/``bye``, so peers learn of a new instance at once rather
  than at their next presence read;
* sorted set ``{prefix}:instances``: live instance ids, scored by when their presence runs out;
* sorted set ``{prefix}:agents``: ids of connected bots and advisers, scored the same way, and one
  per role (``{prefix}:agents:bot``, ``{prefix}:agents:adviser``) for the counts a waiting customer is
  told.

Three tasks, none of them on a client's path: the *writer* drains a bounded queue of envelopes into
pipelined PUBLISH commands (the hub's ``publish`` only appends to the queue); the *reader* owns the
subscription; the *heartbeat* renews presence and pings the subscription. Any Redis error marks the
relay degraded (delivery falls back to this instance's own peers, /readyz says so) and the task
reconnects with backoff on fresh connections: redis-py's pub/sub does not reliably resubscribe by
itself after the server restarts (redis/redis-py#2089), so we never rely on it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Collection, Mapping
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from chat.errors import RelayError
from chat.relay.base import AGENT_ROLES, Relay
from chat.relay.protocol import Event, Hello, Op, RelayCore, Reply, Request
from chat.settings import Settings
from chat.tasks import stop_tasks

log = logging.getLogger("chat.relay")

#: Errors that mean "Redis is not reachable now" (redis-py raises its own, and OS errors leak through).
_DOWN = (RedisError, OSError, asyncio.TimeoutError)
#: How long closing waits for the relay's own tasks to end.
CLOSE_WITHIN_S = 2.0
#: Most envelopes one pipelined round trip carries.
_BATCH = 256

#: redis-py 7+ skips its check of a pooled connection before use while "maintenance notifications"
#: are on (the default, ``auto``); after a Redis restart the first command on each idle pooled
#: connection then failed, and the relay dropped that envelope: the first catch-up request after a
#: restart lost every other instance's sessions (outside audit, H2). We use no managed-Redis
#: maintenance events, so they are turned off where the option exists.
_NO_MAINT_NOTIFICATIONS: dict[str, Any] = {}
try:
    from redis.maint_notifications import MaintNotificationsConfig

    _NO_MAINT_NOTIFICATIONS["maint_notifications_config"] = MaintNotificationsConfig(enabled=False)
except ImportError:  # older redis-py checks every pooled connection before use anyway
    pass


class RedisRelay(Relay):
    name = "redis"
    multi = True

    def __init__(
        self,
        instance_id: str,
        url: str,
        *,
        prefix: str = "chatlog",
        heartbeat_s: float = 1.0,
        presence_ttl_s: float = 6.0,
        request_timeout_s: float = 2.0,
        queue_max: int = 10_000,
    ) -> None:
        super().__init__(instance_id)
        self._url = url
        self.prefix = prefix
        self.heartbeat_s = heartbeat_s
        self.presence_ttl_s = presence_ttl_s
        self.request_timeout_s = request_timeout_s
        self.queue_max = queue_max
        self.core = RelayCore(instance_id)
        self.bus = f"{prefix}:bus"
        self.direct = f"{prefix}:to:{instance_id}"
        self._instances_key = f"{prefix}:instances"
        self._agents_key = f"{prefix}:agents"
        #: The same presence per role, counted for the availability customers are told.
        self._role_keys = {role: f"{prefix}:agents:{role}" for role in AGENT_ROLES}
        self._queue: deque[tuple[str, bytes]] = deque()
        self._queued = asyncio.Event()
        #: Set while the writer has nothing left to send.
        self._drained = asyncio.Event()
        self._waiters: dict[str, asyncio.Event] = {}
        #: Other live instances (presence set, plus hellos heard since): whom ``publish`` sends to.
        self.peers: set[str] = set()
        #: When each peer was last seen (monotonic): in the presence set, or saying hello. A peer stays
        #: a peer until unseen for the presence TTL, so a Redis restarted empty (every presence gone
        #: until each instance's next heartbeat) does not cut live delivery for a heartbeat or two.
        self._peer_seen: dict[str, float] = {}
        #: Each peer's presence expiry as last read, when it last moved forward or the peer was otherwise
        #: heard from (monotonic), and when it last failed to answer a request (monotonic). A peer that
        #: missed a request and has shown no life since is not waited for: a killed instance stays in
        #: the presence set for its TTL, and every request waited the full timeout for it meanwhile
        #: (outside audit, L1: 10-14 s of 2 s waits); now only the first one does.
        self._expiry: dict[str, float] = {}
        self._alive_at: dict[str, float] = {}
        self._missed_at: dict[str, float] = {}
        #: Connected agents per role on every instance, as of the last heartbeat (``agent_counts``).
        self._counts: dict[str, int] = {}
        self._tasks: list[asyncio.Task[None]] = []
        self._touching: set[asyncio.Task[None]] = set()
        self._client: aioredis.Redis | None = None
        self._sub_ok = False
        self._pub_ok = False
        self._presence_ok = False
        #: Set whenever publishing or presence is confirmed, for a request waiting on the relay.
        self._confirmed = asyncio.Event()
        self._last_rx = 0.0
        #: Live envelopes dropped (queue full, or Redis down when they were due): counted, never fatal.
        self.dropped = 0
        self.published = 0
        self.received = 0

    @classmethod
    def from_settings(cls, settings: Settings, instance_id: str) -> RedisRelay:
        assert settings.redis_url is not None
        url = settings.redis_url.get_secret_value()
        try:
            aioredis.ConnectionPool.from_url(url)
        except ValueError:  # the message would quote the URL, password and all: not echoed
            raise RelayError(
                "CHATLOG_REDIS_URL is not a Redis URL (redis://[:password@]host:port/db or rediss://...)",
                code="bad_redis_url",
            ) from None
        return cls(
            instance_id,
            url,
            prefix=settings.redis_prefix,
            heartbeat_s=settings.relay_heartbeat_s,
            presence_ttl_s=settings.relay_presence_ttl_s,
            request_timeout_s=settings.relay_request_timeout_s,
            queue_max=settings.relay_queue_max,
        )

    def _connect(self) -> aioredis.Redis:
        timeout = max(1.0, self.heartbeat_s * 2)
        return aioredis.from_url(
            self._url,
            socket_connect_timeout=timeout,
            socket_timeout=timeout,
            retry_on_timeout=False,
            **_NO_MAINT_NOTIFICATIONS,
        )

    # --- lifecycle ------------------------------------------------------------------------------------

    async def start(self) -> None:
        self._client = self._connect()
        self._tasks = [
            asyncio.create_task(self._reader(), name="relay-reader"),
            asyncio.create_task(self._writer(), name="relay-writer"),
            asyncio.create_task(self._heartbeat(), name="relay-heartbeat"),
        ]
        log.info("relay starting", extra={"instance": self.instance_id, "backend": self.name})

    async def close(self) -> None:
        # Say goodbye and give the writer a moment to send what is queued (the hub's last frames).
        self._enqueue(self.bus, self.core.outgoing(Hello(bye=True)))
        if self._pub_ok:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._drained.wait(), 1.0)
        # Cancelled again until they end (chat/tasks.py: redis-py's commands can swallow a cancellation).
        await stop_tasks([*self._tasks, *self._touching], within_s=CLOSE_WITHIN_S, where="relay")
        if self._client is not None:
            with contextlib.suppress(*_DOWN):
                await asyncio.wait_for(self._client.zrem(self._instances_key, self.instance_id), 1.0)
            with contextlib.suppress(*_DOWN):
                await asyncio.wait_for(self._client.aclose(), 1.0)
        self._sub_ok = self._pub_ok = self._presence_ok = False

    @property
    def healthy(self) -> bool:
        return self._sub_ok and self._pub_ok and self._presence_ok

    def status(self) -> dict[str, Any]:
        return {
            **super().status(),
            "instance": self.instance_id,
            "subscribed": self._sub_ok,
            "queued": len(self._queue),
            "dropped": self.dropped,
        }

    # --- sending --------------------------------------------------------------------------------------

    def publish(self, event: Event) -> None:
        if not self.peers:
            return
        data = self.core.outgoing(event)
        for peer in self.peers:
            self._enqueue(self._channel(peer), data)

    def _channel(self, instance_id: str) -> str:
        return f"{self.prefix}:to:{instance_id}"

    def _enqueue(self, channel: str, data: bytes) -> None:
        if len(self._queue) >= self.queue_max:
            self.dropped += 1
            return
        self._queue.append((channel, data))
        self._drained.clear()
        self._queued.set()

    async def _writer(self) -> None:
        backoff = 0.1
        while True:
            if not self._queue:
                self._drained.set()
                self._queued.clear()
                await self._queued.wait()
            batch = [self._queue.popleft() for _ in range(min(_BATCH, len(self._queue)))]
            try:
                assert self._client is not None
                async with self._client.pipeline(transaction=False) as pipe:
                    for channel, data in batch:
                        pipe.publish(channel, data)
                    await pipe.execute()
                self.published += len(batch)
                if not self._pub_ok:
                    log.info("relay publishing", extra={"instance": self.instance_id})
                self._pub_ok = True
                self._confirmed.set()
                backoff = 0.1
            except _DOWN as exc:
                # Live envelopes only: what they carried is in the store, and clients resume from there.
                self.dropped += len(batch)
                self._mark_down("publish", exc)
                self._pub_ok = False
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 2.0)

    # --- receiving ------------------------------------------------------------------------------------

    async def _reader(self) -> None:
        backoff = 0.1
        subscribed_before = False
        while True:
            client = self._connect()
            pubsub = client.pubsub()
            try:
                await pubsub.subscribe(self.bus, self.direct)
                self._last_rx = time.monotonic()
                self._sub_ok = True
                # Tell the others at once (they would find us at their next presence read anyway), and
                # whether we were away: then they announce again what we may have missed.
                self._enqueue(self.bus, self.core.outgoing(Hello(again=subscribed_before)))
                log.info("relay subscribed", extra={"instance": self.instance_id})
                if subscribed_before:
                    self._rejoined()
                subscribed_before = True
                backoff = 0.1
                await self._read(pubsub)
            except _DOWN as exc:
                self._mark_down("subscribe", exc)
            finally:
                self._sub_ok = False
                with contextlib.suppress(*_DOWN):
                    await pubsub.aclose()  # type: ignore[no-untyped-call]
                with contextlib.suppress(*_DOWN):
                    await client.aclose()
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, 2.0)

    async def _read(self, pubsub: Any) -> None:
        """Read until the connection fails or goes silent (no pong within three heartbeats)."""
        next_ping = 0.0
        while True:
            now = time.monotonic()
            if now >= next_ping:
                await pubsub.ping()
                next_ping = now + self.heartbeat_s
            if now - self._last_rx > 3 * self.heartbeat_s + 1:
                raise RedisError("subscription silent: reconnecting")
            message = await pubsub.get_message(timeout=self.heartbeat_s)
            if message is None:
                continue
            self._last_rx = time.monotonic()
            if message.get("type") != "message":
                continue  # subscribe confirmations and pongs: only proof of life
            self.received += 1
            self._dispatch(message["data"])

    def _dispatch(self, data: bytes) -> None:
        msg = self.core.incoming(data)
        if msg is None:
            return
        if msg.sender in self._missed_at:  # only a written-off peer needs the proof of life
            self._alive_at[msg.sender] = time.monotonic()
        event = msg.event
        if isinstance(event, Hello):
            if event.bye:
                self.peers.discard(msg.sender)
                self._forget_peer(msg.sender)
            else:
                self.peers.add(msg.sender)
                self._peer_seen[msg.sender] = time.monotonic()
                if event.again:
                    self._rejoined()
            return
        if isinstance(event, Reply):
            pending = self.core.pending.get(event.request_id)
            waiter = self._waiters.get(event.request_id)
            if pending is not None and waiter is not None and pending.complete:
                waiter.set()
            return
        if self._handler is None:
            return
        try:
            items = self._handler.on_relay(msg)
        except Exception:  # a bug in handling one envelope must not stop the reader
            log.exception("relay event failed", extra={"instance": self.instance_id})
            return
        if isinstance(event, Request):
            reply = Reply(event.request_id, items or [])
            self._enqueue(self._channel(msg.sender), self.core.outgoing(reply))

    def _rejoined(self) -> None:
        if self._handler is None:
            return
        try:
            self._handler.on_relay_rejoined()
        except Exception:  # as in _dispatch: a bug here must not stop the reader
            log.exception("relay rejoin failed", extra={"instance": self.instance_id})

    # --- presence and requests ------------------------------------------------------------------------

    async def _now(self) -> float:
        """Redis's clock, not ours: instances on several machines score presence on one clock."""
        assert self._client is not None
        seconds, micros = await self._client.time()
        return float(seconds) + micros / 1e6

    async def _heartbeat(self) -> None:
        while True:
            try:
                assert self._client is not None
                now = await self._now()
                expires = now + self.presence_ttl_s
                local = dict(self._handler.local_agents()) if self._handler else {}
                agents = dict.fromkeys(local, expires)
                count_at: dict[str, int] = {}  # role -> place of its ZCOUNT reply
                async with self._client.pipeline(transaction=False) as pipe:
                    pipe.zadd(self._instances_key, {self.instance_id: expires})
                    pipe.zremrangebyscore(self._instances_key, "-inf", now)
                    if agents:
                        pipe.zadd(self._agents_key, agents)
                    pipe.zremrangebyscore(self._agents_key, "-inf", now)
                    for role, key in self._role_keys.items():
                        mine = {agent: expires for agent, r in local.items() if r == role}
                        if mine:
                            pipe.zadd(key, mine)
                        pipe.zremrangebyscore(key, "-inf", now)
                        count_at[role] = len(pipe.command_stack)
                        pipe.zcount(key, f"({now}", "+inf")
                    pipe.zrangebyscore(self._instances_key, now, "+inf", withscores=True)
                    replies = await pipe.execute()
                live = {_text(member): float(score) for member, score in replies[-1]}
                live.pop(self.instance_id, None)
                # The counts ride on the heartbeat: a welcome reads them from memory.
                self._counts = {role: int(replies[at]) for role, at in count_at.items()}
                self._update_peers(live)
                if not self._presence_ok:
                    log.info("relay presence renewed", extra={"instance": self.instance_id})
                self._presence_ok = True
                self._pub_ok = True  # the same connection works: a publish failure before is history
                self._confirmed.set()
            except _DOWN as exc:
                self._mark_down("heartbeat", exc)
                self._presence_ok = False
            await asyncio.sleep(self.heartbeat_s)

    def _update_peers(self, live: dict[str, float]) -> None:
        """``live``: peer → presence expiry, from the presence set."""
        seen_at = time.monotonic()
        for peer, expiry in live.items():
            self._peer_seen[peer] = seen_at
            if expiry > self._expiry.get(peer, 0.0):  # renewed since the last reading: alive
                self._expiry[peer] = expiry
                self._alive_at[peer] = seen_at
        for peer, at in list(self._peer_seen.items()):
            if seen_at - at > self.presence_ttl_s:
                self._forget_peer(peer)
        self.peers = set(self._peer_seen)

    def _forget_peer(self, peer: str) -> None:
        for known in (self._peer_seen, self._expiry, self._alive_at, self._missed_at):
            known.pop(peer, None)

    def written_off(self) -> set[str]:
        """Peers not waited for by requests: they missed one and have shown no life since."""
        return {
            peer for peer, missed in self._missed_at.items() if self._alive_at.get(peer, 0.0) <= missed
        }

    async def request(self, op: Op, args: dict[str, Any]) -> list[dict[str, Any]]:
        if self._sub_ok and not self.healthy:
            await self._until_healthy()
        peers = set(self.peers)
        if not self.healthy or not peers:
            return []
        # Asked all the same (a written-off peer that answers in time is heard), but not waited for.
        expected = peers - self.written_off()
        request_id, data = self.core.open_request(op, args, expected)
        waiter = self._waiters[request_id] = asyncio.Event()
        for peer in peers:
            self._enqueue(self._channel(peer), data)
        try:
            if expected:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(waiter.wait(), self.request_timeout_s)
        finally:
            del self._waiters[request_id]
        pending = self.core.pending.get(request_id)
        if pending is not None:
            missed_at = time.monotonic()
            for peer in pending.expected - pending.answered:
                self._missed_at[peer] = missed_at
        return self.core.close_request(request_id)

    async def _until_healthy(self) -> None:
        """Subscribed again after Redis came back, but publishing or presence not yet confirmed (their
        loops retry once per heartbeat): wait for them, at most a request's timeout.

        Answering ``[]`` at once here lost the other instances' sessions for an agent that connected in
        that window (outside audit, H2 remainder: an adviser connecting ~0.25 s after Redis returned
        missed a waiting chat; the re-announcements it would have heard had gone out just before it
        connected). Outside that window nothing waits: with no subscription a request answers ``[]`` at
        once, and the announcements made when the subscription returns cover the agents connected then.
        """
        deadline = time.monotonic() + self.request_timeout_s
        while self._sub_ok and not self.healthy:
            self._confirmed.clear()
            try:
                await asyncio.wait_for(self._confirmed.wait(), deadline - time.monotonic())
            except TimeoutError:
                return

    def touch_agent(self, agent_id: str, role: str) -> None:
        if not self.healthy or self._client is None:
            return  # the next heartbeat writes it
        task = asyncio.create_task(self._touch(agent_id, role))
        self._touching.add(task)
        task.add_done_callback(self._touching.discard)

    async def _touch(self, agent_id: str, role: str) -> None:
        assert self._client is not None
        with contextlib.suppress(*_DOWN):
            now = await asyncio.wait_for(self._now(), self.heartbeat_s)
            async with self._client.pipeline(transaction=False) as pipe:
                pipe.zadd(self._agents_key, {agent_id: now + self.presence_ttl_s})
                if role in self._role_keys:
                    pipe.zadd(self._role_keys[role], {agent_id: now + self.presence_ttl_s})
                await asyncio.wait_for(pipe.execute(), self.heartbeat_s)

    def agent_counts(self) -> Mapping[str, int] | None:
        return self._counts if self.healthy else None

    async def agents_online(self, agent_ids: Collection[str]) -> set[str] | None:
        ids = list(agent_ids)
        if not ids:
            return set()
        if not self.healthy:
            return None
        try:
            assert self._client is not None
            now = await self._now()
            scores = await self._client.zmscore(self._agents_key, ids)
        except _DOWN as exc:
            self._mark_down("presence", exc)
            return None
        return {agent for agent, score in zip(ids, scores, strict=True) if score is not None and score > now}

    def _mark_down(self, where: str, exc: BaseException) -> None:
        if self.healthy:
            log.warning(
                "relay degraded: delivering to this instance's peers only",
                extra={"instance": self.instance_id, "where": where, "error": type(exc).__name__},
            )


def _text(member: bytes | str) -> str:
    return member.decode() if isinstance(member, bytes) else str(member)
