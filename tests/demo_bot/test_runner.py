"""The demo bot against the real server: a client of /ws/agent like any bank's bot backend."""

from __future__ import annotations

import asyncio
from pathlib import Path

from chat.demo_bot.brain import GREETING, INTENTS
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
