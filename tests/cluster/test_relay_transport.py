"""The Redis transport on its own, against a real ``redis-server`` (and against none at all)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest

from chat.relay.protocol import Deliver, Hello, Incoming, StateChanged
from chat.relay.redis import RedisRelay
from tests.cluster.harness import redis_server
from tests.servers import free_port


class Handler:
    def __init__(self, agents: list[str] | None = None) -> None:
        self.events: list[Incoming] = []
        self.agents = agents or []

    def on_relay(self, msg: Incoming) -> list[dict[str, Any]] | None:
        self.events.append(msg)
        return [{"from": "handler"}]

    def local_agents(self) -> dict[str, str]:
        return dict.fromkeys(self.agents, "adviser")

    rejoined = 0

    def on_relay_rejoined(self) -> None:
        self.rejoined += 1


def relay(url: str, name: str) -> RedisRelay:
    return RedisRelay(name, url, heartbeat_s=0.1, presence_ttl_s=0.6, request_timeout_s=1.0, queue_max=100)


async def until(predicate: Any, timeout: float = 5.0) -> None:
    """Poll a condition that settles over heartbeats (for correctness, never for speed)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached"
        await asyncio.sleep(0.01)


async def started(url: str, handlers: dict[str, Handler], *, presence_ttl_s: float = 0.6,
                  request_timeout_s: float = 1.0) -> list[RedisRelay]:
    """One relay per handler (keyed by instance id), bound and started; fast timings unless given."""
    relays = []
    for name, handler in handlers.items():
        r = RedisRelay(name, url, heartbeat_s=0.1, presence_ttl_s=presence_ttl_s,
                       request_timeout_s=request_timeout_s, queue_max=100)
        r.bind(handler)
        await r.start()
        relays.append(r)
    return relays


async def settle(*relays: RedisRelay, timeout: float = 10.0) -> None:
    await until(lambda: all(r.healthy and len(r.peers) == len(relays) - 1 for r in relays), timeout)


async def test_without_redis_publish_never_waits_and_nothing_pretends_to_work() -> None:
    r = relay(f"redis://127.0.0.1:{free_port()}/0", "lonely")
    r.bind(Handler())
    r.peers = {"someone"}  # as if it had known a peer before Redis went away
    await r.start()
    try:
        # ``publish`` is a plain function: it cannot wait on Redis, only queue (bounded) or count a drop.
        for i in range(10_000):
            r.publish(StateChanged(f"s{i}", "bot"))
        await asyncio.sleep(0.3)  # the writer tries, fails, and counts what it could not send
        assert r.dropped >= 10_000 - 100  # the queue is bounded; the rest is counted, not kept
        assert not r.healthy
        assert await r.request("open_sessions", {}) == []
        assert await r.agents_online(["adv-1"]) is None  # unknown, not "gone"
        assert r.status()["status"] == "degraded"
    finally:
        await r.close()


async def test_two_relays_deliver_to_each_other_not_to_themselves(tmp_path: Path) -> None:
    with redis_server(tmp_path / "redis") as rs:
        ha, hb = Handler(["adv-a"]), Handler(["bot-b"])
        a, b = await started(rs.url, {"inst-a": ha, "inst-b": hb})
        try:
            await settle(a, b)
            a.publish(Deliver("bots", {"type": "session_started", "session_id": "s1"}))
            await until(lambda: hb.events)
            assert [e.event for e in hb.events] == [Deliver("bots", {"type": "session_started", "session_id": "s1"})]
            assert ha.events == []  # no echo of its own envelopes
            # A request is answered by every other live instance.
            assert await a.request("open_sessions", {"role": "bot"}) == [{"from": "handler"}]
            assert await b.agents_online(["adv-a", "nobody"]) == {"adv-a"}
        finally:
            await b.close()
        # b said goodbye: a stops sending to it at once.
        await until(lambda: "inst-b" not in a.peers)
        assert a.peers == set()
        await a.close()


async def test_after_a_redis_restart_nothing_is_lost_on_a_stale_pooled_connection(tmp_path: Path) -> None:
    """Outside audit, H2: after Redis restarted, the first request (an agent's catch-up) lost the other
    instances' sessions, because redis-py 7+ used an idle pooled connection unchecked and the first
    PUBLISH on it failed. And every (re)subscription is announced, so the hub can offer again what
    peers missed while Redis was away."""
    with redis_server(tmp_path / "redis") as rs:
        ha, hb = Handler(), Handler()
        a, b = await started(rs.url, {"inst-a": ha, "inst-b": hb})
        try:
            await settle(a, b)
            assert ha.rejoined == hb.rejoined == 0  # a first subscription asks nobody to announce again
            assert a._client is not None and b._client is not None

            async def burst(client: Any) -> None:  # several connections in each pool, then idle
                await asyncio.gather(*(client.publish("nobody", b"x") for _ in range(6)))

            await burst(a._client)
            await burst(b._client)
            before = ha.rejoined, hb.rejoined
            rs.kill()
            await until(lambda: not a.healthy and not b.healthy)
            rs.start()  # same port, empty
            await settle(a, b)
            await until(lambda: ha.rejoined > before[0] and hb.rejoined > before[1])
            await asyncio.sleep(0.5)  # quiet: the pools' other connections sit idle and stale
            assert await a.request("open_sessions", {"role": "bot"}) == [{"from": "handler"}]
            await asyncio.gather(*(a._client.publish("nobody", b"x") for _ in range(6)))  # none fails
            assert a.dropped == b.dropped == 0
        finally:
            await b.close()
            await a.close()


async def test_a_request_in_the_moment_after_redis_returned_waits_for_the_relay_not_answers_empty(
    tmp_path: Path,
) -> None:
    """Outside audit, H2 remainder: an adviser connecting ~0.25 s after Redis came back got an empty
    catch-up, because its instance was subscribed again but had not yet renewed its presence (the
    heartbeat's next turn), and a request then answered ``[]`` at once. It now waits for the relay,
    bounded by the request timeout; with no subscription at all it still answers at once."""
    with redis_server(tmp_path / "redis") as rs:
        a, b = await started(rs.url, {"inst-a": Handler(), "inst-b": Handler()})
        try:
            await settle(a, b)
            rs.kill()
            await until(lambda: not a.healthy and not b.healthy)
            assert not a._sub_ok
            assert await a.request("open_sessions", {}) == []  # no subscription: answered at once
            rs.start()
            await settle(a, b)
            # The window: subscribed again, presence not yet renewed (the heartbeat puts it right).
            a._presence_ok = False
            assert not a.healthy
            assert await a.request("open_sessions", {"role": "adviser"}) == [{"from": "handler"}]
        finally:
            await b.close()
            await a.close()


async def test_a_peer_that_died_without_a_goodbye_is_waited_for_once_not_for_its_whole_ttl(tmp_path: Path) -> None:
    """Outside audit, L1: a killed instance stays in the presence set until its presence runs out, and
    every request (an agent's catch-up, a resume's originals) waited the full timeout for it. Now a
    peer that missed a request and has shown no life since is asked but not waited for."""
    with redis_server(tmp_path / "redis") as rs:
        # Presence outlives the request timeout, as by default (6 s and 2 s).
        handlers = {f"inst-{name}": Handler() for name in "abc"}
        a, b, c = await started(rs.url, handlers, presence_ttl_s=5.0, request_timeout_s=0.5)
        try:
            await settle(a, b, c)
            assert await a.request("open_sessions", {}) == [{"from": "handler"}] * 2
            assert a.written_off() == set()
            # c freezes: no goodbye, no heartbeat, no answers (as SIGKILL leaves it to the others).
            for task in c._tasks:
                task.cancel()
            await asyncio.sleep(0.3)  # its presence stops moving (heartbeat 0.1 s) but has not run out
            assert "inst-c" in a.peers
            assert await a.request("open_sessions", {}) == [{"from": "handler"}]  # waited, timed out
            assert a.written_off() == {"inst-c"}
            assert "inst-c" in a.peers  # still counted present: only requests stop waiting for it
            # A peer that shows life again (here: says hello) is waited for again.
            a._dispatch(c.core.outgoing(Hello()))
            assert a.written_off() == set()
        finally:
            for r in (a, b):
                await r.close()


def test_a_bad_redis_url_is_refused_without_echoing_it() -> None:
    from pydantic import SecretStr

    from chat.errors import RelayError
    from chat.relay import build_relay
    from chat.settings import Settings

    with pytest.raises(RelayError) as caught:
        build_relay(Settings(redis_url=SecretStr("http://user:hunter2@redis.internal:6379")))
    assert caught.value.code == "bad_redis_url" and "hunter2" not in str(caught.value)
    assert build_relay(Settings(redis_url=SecretStr(""))).name == "local"
    assert build_relay(Settings()).name == "local"
