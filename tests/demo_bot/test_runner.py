"""The demo bot against the real server: a client of /ws/agent like any bank's bot backend."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from chat.demo_bot.brain import GREETING, INTENTS
from chat.demo_bot.runner import DemoBot
from tests.gateway.client import client
from tests.servers import make_settings, run_in_thread

LOST = next(i for i in INTENTS if i.name == "lost_card")


async def _next_bot_message(widget: object) -> str:
    frame = await widget.recv_type("message")  # type: ignore[attr-defined]
    assert frame["from"] == "bot"
    text: str = frame["text"]
    return text


async def test_the_demo_bot_greets_answers_and_hands_over(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "var", demo_bot=True)
    with run_in_thread(settings) as server:
        assert server.server is not None and server.server.demo_bot is not None
        await asyncio.wait_for(server.server.demo_bot.connected.wait(), 10)
        async with client(server.ws + "/ws/agent") as adviser:
            await adviser.hello(token=server.staff_token("adv-1", "adviser"))
            async with client(server.ws + "/ws/chat") as widget:
                welcome = await widget.hello()
                assert welcome["availability"] == {"bots": 1, "advisers": 1}
                sid = welcome["session_id"]
                assert await _next_bot_message(widget) == GREETING["nb"]
                await widget.say("m1", "Hei, jeg har mistet kortet mitt")
                assert await _next_bot_message(widget) == LOST.nb
                await widget.say("m2", "Kan jeg få snakke med et menneske?")
                assert "rådgiver" in await _next_bot_message(widget)
                assert await widget.recv_type("waiting") == {"type": "waiting", "by": "bot"}
                assert (await adviser.recv_type("handover_request"))["session_id"] == sid
                await adviser.send({"type": "accept", "session_id": sid})
                transcript = await adviser.recv_type("transcript")
                senders = [m["from"] for m in transcript["messages"]]
                assert senders == ["bot", "customer", "bot", "customer", "bot"]
                await widget.recv_type("adviser_joined")


async def test_the_demo_bot_comes_back_after_its_connection_is_replaced(tmp_path: Path) -> None:
    """Another connection with the bot's id replaces it (4409): the demo bot reconnects and answers."""
    settings = make_settings(tmp_path / "var", demo_bot=True)
    with run_in_thread(settings) as server:
        assert server.server is not None and server.server.demo_bot is not None
        await asyncio.wait_for(server.server.demo_bot.connected.wait(), 10)
        server.server.demo_bot.connected.clear()
        async with client(server.ws + "/ws/agent") as impostor:
            await impostor.hello(token=server.staff_token("demo-bot", "bot"))
        await asyncio.wait_for(server.server.demo_bot.connected.wait(), 10)
        async with client(server.ws + "/ws/chat") as widget:
            await widget.hello()
            assert await _next_bot_message(widget) == GREETING["nb"]
            await widget.say("m1", "what are your opening hours?")
            assert "Saturdays" in await _next_bot_message(widget)


async def test_no_demo_bot_in_production_unless_asked(tmp_path: Path) -> None:
    prod = make_settings(tmp_path / "a", demo_bot=None, dev_mode=False)
    assert not prod.runs_demo_bot
    assert make_settings(tmp_path / "b", demo_bot=None).runs_demo_bot  # development mode
    assert make_settings(tmp_path / "c", demo_bot=True, dev_mode=False).runs_demo_bot


async def test_a_lagging_demo_bot_keeps_its_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bot that falls behind a burst (it shares the server's event loop) kept reading only 16 frames
    ahead: it stopped answering the server's pings, and was dropped and reconnected every ~20 s under
    sustained load (outside audit 64, F8). Here the server pings every 0.3 s and the bot takes 30 ms a
    frame, seconds behind a burst of 60 messages: it keeps its one connection and answers them all."""
    original = DemoBot._answer

    async def slow(self: DemoBot, ws: Any, core: Any, raw: str | bytes) -> None:
        await asyncio.sleep(0.03)
        await original(self, ws, core, raw)

    monkeypatch.setattr(DemoBot, "_answer", slow)
    settings = make_settings(tmp_path / "var", demo_bot=True, ping_interval_s=0.3, rate_per_s=1000.0)
    with run_in_thread(settings) as server:
        assert server.server is not None and server.server.demo_bot is not None
        bot = server.server.demo_bot
        await asyncio.wait_for(bot.connected.wait(), 10)
        bot.connected.clear()  # set again only by a new connection
        # the widget reads ahead without bound, so that it answers the server's pings while it sends
        async with client(server.ws + "/ws/chat", max_queue=None, ping_interval=None) as widget:
            await widget.hello()
            for n in range(60):
                await widget.send({"type": "message", "client_msg_id": f"m{n}", "text": f"hva er åpningstidene? ({n})"})
            acks = answers = 0
            while acks < 60 or answers < 61:  # every message acked; the greeting and an answer to each
                frame = await widget.recv()
                acks += frame["type"] == "ack"
                answers += frame["type"] == "message" and frame["from"] == "bot"
        assert not bot.connected.is_set(), "the demo bot was dropped and connected again"
