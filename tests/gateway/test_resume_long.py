"""A resume replays a chat of any length (found by an outside audit: a replay of more than
``CHATLOG_PEER_QUEUE_FRAMES`` messages was closed 4413 "too slow" before the widget could read it, so a
long chat could never be reloaded). The replay is paced by the widget's own reading, and live messages
that arrive meanwhile follow it, in seq order, each once."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.gateway.client import client
from tests.servers import Running, make_settings, run_in_thread

#: Small limits, so that a replay of a few hundred messages is several times the outbox.
LIMITS = {"peer_queue_frames": 40, "peer_queue_bytes": 64 * 1024, "peer_close_timeout_s": 1.0}
MESSAGES = 400


@pytest.fixture
def small_outbox_server(tmp_path: Path) -> Iterator[Running]:
    with run_in_thread(make_settings(tmp_path / "var", **LIMITS)) as running:
        yield running


async def _fill(server: Running, *, token: str | None) -> tuple[str, Any]:
    """A session with MESSAGES customer messages (each a few hundred bytes), its widget then gone."""
    async with client(server.ws + "/ws/chat") as widget:
        sid = (await widget.hello(token=token))["session_id"]
        for i in range(MESSAGES):
            assert (await widget.say(f"m{i}", f"melding {i} " + "x" * 300))["type"] == "ack"
    return sid, token


@pytest.mark.parametrize("logged_in", [False, True])
async def test_a_replay_longer_than_the_outbox_arrives_whole_and_in_order(
    small_outbox_server: Running, logged_in: bool
) -> None:
    server = small_outbox_server
    token = server.customer_token("cust-long") if logged_in else None
    sid, token = await _fill(server, token=token)
    async with client(server.ws + "/ws/chat") as widget:
        welcome = await widget.hello(token=token, resume={"session_id": sid, "last_seq": 0})
        assert welcome["type"] == "welcome"
        seqs: list[int] = []
        for _ in range(MESSAGES):
            frame = await widget.recv(timeout=10)
            assert frame["type"] == "message", frame
            seqs.append(frame["seq"])
        assert seqs == list(range(1, MESSAGES + 1))
        # Still open and working after the replay.
        assert (await widget.say("after", "hei igjen"))["seq"] == MESSAGES + 1


async def test_live_messages_during_a_long_replay_follow_it_once_each(small_outbox_server: Running) -> None:
    server = small_outbox_server
    async with client(server.ws + "/ws/agent") as bot:
        await bot.hello(token=server.staff_token("bot-1", "bot"))
        sid, _ = await _fill(server, token=None)
        async with client(server.ws + "/ws/chat") as widget:
            await widget.send({"type": "hello", "resume": {"session_id": sid, "last_seq": 0}})
            # The bot talks while the replay is on its way (the widget reads slowly at first).
            for i in range(20):
                frame = {"type": "message", "session_id": sid, "client_msg_id": f"b{i}", "text": f"svar {i}"}
                await bot.send(frame)
                assert (await bot.recv_type("ack"))["session_id"] == sid
            await asyncio.sleep(0.2)
            assert (await widget.recv(timeout=10))["type"] == "welcome"
            seqs: list[int] = []
            while len(seqs) < MESSAGES + 20:
                got = await widget.recv(timeout=10)
                if got["type"] == "message":
                    seqs.append(got["seq"])
            assert seqs == list(range(1, MESSAGES + 21))
            # Nothing more: no live message delivered a second time.
            try:
                extra: dict[str, Any] | None = await widget.recv(timeout=0.5)
            except TimeoutError:
                extra = None
            assert extra is None or extra["type"] != "message", extra


async def test_a_bot_connecting_to_more_open_sessions_than_its_outbox_holds_is_caught_up(
    small_outbox_server: Running,
) -> None:
    """A bot backend that restarts while more chats are open than ``CHATLOG_PEER_QUEUE_FRAMES`` is told
    of every one of them (``session_started``), paced by its reading, instead of being dropped as too
    slow before it could read the first (it could then never reconnect)."""
    server = small_outbox_server
    sessions = 3 * LIMITS["peer_queue_frames"]
    async with contextlib.AsyncExitStack() as stack:
        for _ in range(int(sessions)):
            widget = await stack.enter_async_context(client(server.ws + "/ws/chat"))
            await widget.hello()
        async with client(server.ws + "/ws/agent") as bot:
            await bot.hello(token=server.staff_token("bot-late", "bot"))
            started: set[str] = set()
            while len(started) < sessions:
                frame = await bot.recv(timeout=10)
                assert frame["type"] == "session_started", frame
                started.add(frame["session_id"])
            # And it works: a message to one of them is acked.
            sid = next(iter(started))
            await bot.send({"type": "message", "session_id": sid, "client_msg_id": "b1", "text": "Hei!"})
            assert (await bot.recv_type("ack"))["session_id"] == sid
