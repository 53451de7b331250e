"""No peer can stall another (issue 8, item 1): a bot or a visitor that never reads is that peer's
problem. Each test starts the real server and a raw socket peer with a tiny receive buffer that never
reads after the handshake (tests/gateway/raw.py), then checks that everyone else is still served.

Before the per-peer outboxes (chat/gateway/outbox.py) every one of these hung: the hub awaited the
stuck peer's socket on the shared path.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from chat.gateway.outbox import CLOSE_TOO_SLOW
from chat.services import Services
from tests.gateway.client import client
from tests.gateway.raw import RawPeer
from tests.servers import Running, make_settings, run_in_thread

#: Small backlog limits, so that a stuck peer is dropped after a few hundred frames, not a few thousand.
LIMITS = {"peer_queue_frames": 200, "peer_queue_bytes": 512 * 1024, "peer_close_timeout_s": 1.0}
TEXT = "x" * 1990
#: Enough 2,000-character frames to fill a loopback socket's buffers several times over (Linux grows a
#: socket's send buffer to 4 MB): before the fix the broadcast to the stuck bot blocked long before this.
MESSAGES = 3000


@pytest.fixture
def slow_server(tmp_path: Path) -> Iterator[Running]:
    with run_in_thread(make_settings(tmp_path / "var", **LIMITS)) as running:
        yield running


def services_of(server: Running) -> Services:
    assert server.server is not None
    s: Services = server.server.chat_app.state.services
    return s


async def _eventually(predicate: object, within_s: float = 15.0) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if callable(predicate) and predicate():
            return True
        await asyncio.sleep(0.05)
    return False


async def test_a_bot_that_never_reads_stalls_no_customer(slow_server: Running) -> None:
    stuck = RawPeer(slow_server.ws + "/ws/agent")
    stuck.send({"type": "hello", "token": slow_server.staff_token("bot-stuck", "bot")})
    s = services_of(slow_server)
    assert await _eventually(lambda: "bot-stuck" in s.hub.agents)
    try:
        async with client(slow_server.ws + "/ws/chat") as widget:
            await widget.hello()
            for i in range(MESSAGES):
                ack = await widget.say(f"m{i}", TEXT)  # every message acked, none waits on the bot
                assert ack["type"] == "ack", ack
            async with client(slow_server.ws + "/ws/chat") as newcomer:
                assert (await newcomer.hello())["type"] == "welcome"
        async with httpx.AsyncClient() as http:
            assert (await http.get(slow_server.base + "/healthz", timeout=5)).status_code == 200
        # The stuck bot was dropped as too slow, not kept with an ever-growing backlog.
        assert await _eventually(lambda: "bot-stuck" not in s.hub.agents)
        assert s.metrics.slow_peers_dropped._value.get() >= 1
    finally:
        stuck.close()


async def test_a_visitor_that_never_reads_stalls_no_bot(slow_server: Running) -> None:
    async with client(slow_server.ws + "/ws/agent") as bot:
        await bot.hello(token=slow_server.staff_token("bot-1", "bot"))
        stuck = RawPeer(slow_server.ws + "/ws/chat")
        stuck.send({"type": "hello"})
        stuck_session = (await bot.recv_type("session_started"))["session_id"]
        try:
            async with client(slow_server.ws + "/ws/chat") as widget:
                await widget.hello()
                other_session = (await bot.recv_type("session_started"))["session_id"]
                for i in range(MESSAGES):
                    frame = {"type": "message", "session_id": stuck_session, "client_msg_id": f"r{i}", "text": TEXT}
                    await bot.send(frame)
                    ack = await bot.recv_type_any(("ack", "error"))
                    assert ack.get("session_id") == stuck_session, ack
                # The bot's other conversation still flows both ways.
                await widget.say("w1", "Hei, er dere der?")
                relayed = await bot.recv_type("message")
                assert relayed["session_id"] == other_session
                await bot.send({"type": "message", "session_id": other_session, "client_msg_id": "b1", "text": "Ja!"})
                assert (await bot.recv_type("ack"))["session_id"] == other_session
                assert (await widget.recv_type("message"))["text"] == "Ja!"
            assert "bot-1" in services_of(slow_server).hub.agents  # never dropped
        finally:
            stuck.close()


async def test_idle_watchdog_and_shutdown_do_not_wait_for_a_stuck_peer(tmp_path: Path) -> None:
    # Limits high enough that the stuck peer stays connected with a full socket (not dropped as too slow).
    settings = make_settings(
        tmp_path / "var",
        idle_timeout_s=3.0,
        peer_queue_frames=100_000,
        peer_queue_bytes=64 << 20,
        peer_close_timeout_s=1.0,
    )
    with run_in_thread(settings) as running:
        stuck = RawPeer(running.ws + "/ws/agent")
        stuck.send({"type": "hello", "token": running.staff_token("bot-stuck", "bot")})
        s = services_of(running)
        assert await _eventually(lambda: "bot-stuck" in s.hub.agents)
        async with client(running.ws + "/ws/chat") as widget:
            await widget.hello()
            # Fill the stuck bot's socket: from here on a send to it would wait.
            for i in range(MESSAGES):
                await widget.say(f"m{i}", TEXT)
            async with client(running.ws + "/ws/chat") as idle:
                await idle.hello()
                # The idle connection is closed by the watchdog although a stuck peer exists.
                assert await idle.closed_with(timeout=15) == 4408
            async with client(running.ws + "/ws/chat") as good:
                await good.hello()
                assert running.server is not None
                started = time.monotonic()
                running.server.should_exit = True
                frame = await good.recv_type("reconnect", timeout=15)
                assert frame["type"] == "reconnect"
                assert await good.closed_with(timeout=15) == 1012
                # Liveness, not speed: shutdown finishes while the stuck peer is still connected.
                assert time.monotonic() - started < 30
        stuck.close()


async def test_outbox_drops_a_peer_past_its_limits() -> None:
    """The outbox on its own: a writer stuck on the socket, the backlog limit, the close deadline."""
    from chat.gateway.outbox import Outbox

    release = asyncio.Event()
    written: list[str] = []
    closed: list[int] = []
    aborted: list[bool] = []

    async def write(frame: str) -> None:
        await release.wait()  # a socket that takes nothing
        written.append(frame)

    async def close(code: int, reason: str) -> None:
        await release.wait()
        closed.append(code)

    outbox = Outbox(write, close, lambda: aborted.append(True), max_frames=3, max_bytes=1000, close_timeout_s=0.2)
    task = asyncio.create_task(outbox.run())
    assert all(outbox.put(f"f{i}") for i in range(3))
    await asyncio.sleep(0.05)  # the writer takes f0 and waits on the socket
    assert outbox.put("f3")
    assert not outbox.put("f4")  # over the limit: dropped as too slow
    await asyncio.wait_for(task, 5)
    assert outbox.outcome == "too_slow" and aborted == [True] and written == []
    assert not outbox.put("late")  # nothing is queued for a dropped peer
    assert CLOSE_TOO_SLOW == 4413


async def test_an_ack_is_written_at_once_only_when_nothing_is_before_it_and_the_socket_takes_it() -> None:
    """``Outbox.write_now`` (issue 11): a plain call from the peer's own task. When the socket would make
    it wait (``write_at_once`` says no) or frames are queued before it, the ack is queued behind them:
    nobody, not even the peer's own task, waits on its socket, and the order holds."""
    from chat.gateway.outbox import Outbox

    takes = True
    at_once: list[str] = []
    written: list[str] = []

    def write_at_once(frame: str) -> bool:
        if takes:
            at_once.append(frame)
        return takes

    async def write(frame: str) -> None:
        written.append(frame)

    async def close(code: int, reason: str) -> None:
        pass

    outbox = Outbox(write, close, lambda: None, max_frames=10, max_bytes=1000, write_at_once=write_at_once)
    task = asyncio.create_task(outbox.run())
    outbox.write_now("ack1")
    assert at_once == ["ack1"] and not written
    takes = False  # the peer stopped reading
    outbox.write_now("ack2")
    assert outbox.pending == 1
    takes = True
    assert outbox.put("frame3")
    outbox.write_now("ack4")  # frames wait before it: queued, not written ahead of them
    assert at_once == ["ack1"]
    for _ in range(20):
        await asyncio.sleep(0)
    assert written == ["ack2", "frame3", "ack4"]
    outbox.close(1000, "")
    await asyncio.wait_for(task, 5)
